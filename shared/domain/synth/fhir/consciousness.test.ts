import type { Observation, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { scoresFromFhir } from '../../risk/scores-from-fhir';
import type { SynthPatient } from '../model';
import { malformedCodes, structuralIssues } from './conformance';
import { fixtureNotes, inpatientStay } from './fixtures';
import { renderPatientResources } from './resources';

/** The heart-failure stay with an ACVPU `level` (0 = A ... 4 = U) recorded at its ED visit. */
function withConsciousness(level: number): { patient: SynthPatient; resources: Resource[] } {
  const patient = inpatientStay();
  const ed = patient.encounters[0]!;
  patient.measurements.push({
    key: 'consciousness',
    at: ed.start,
    value: level,
    unit: '',
    encounterId: ed.id,
  });
  const resources = renderPatientResources(patient, fixtureNotes(patient), {
    asOf: '2026-01-01',
  });
  return { patient, resources };
}

const isConsciousness = (r: Resource): r is Observation =>
  r.resourceType === 'Observation' && r.code?.coding?.[0]?.code === '67775-7';

describe('Function: renderPatientResources (level of consciousness)', () => {
  it.each([
    [0, '248234008', 'Mentally alert', 'alert'],
    [1, '130987000', 'Acute confusion', 'new-confusion'],
    [2, '300202002', 'Responds to voice', 'voice'],
    [3, '450847001', 'Responds to pain', 'pain'],
    [4, '422768004', 'Unresponsive', 'unresponsive'],
  ])(
    'writes level %i as LOINC 67775-7 with SNOMED CT %s (%s), which NEWS2 reads as %s',
    (level, code, display, news2Level) => {
      // Prepare
      const { resources } = withConsciousness(level);

      // Act
      const observation = resources.find(isConsciousness)!;
      const news2 = scoresFromFhir(resources, 'news2', new Date('2025-03-02T12:00:00-05:00'));

      // Assess
      expect(observation.valueCodeableConcept).toEqual({
        coding: [{ system: 'http://snomed.info/sct', code, display }],
        text: display,
      });
      expect(observation.category?.[0]?.coding?.[0]?.code).toBe('vital-signs');
      expect(structuralIssues(observation)).toEqual([]);
      expect(malformedCodes(observation)).toEqual([]);
      expect(news2.inputs.find((i) => i.name === 'consciousness')?.value).toBe(news2Level);
    },
  );

  it('refuses a level outside ACVPU, naming the value', () => {
    expect(() => withConsciousness(5)).toThrow(/ACVPU level 5/);
  });
});
