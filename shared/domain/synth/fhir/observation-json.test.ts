import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { SynthPatient } from '../model';
import { generatePatientState } from '../state/patient';
import { fixtureAsOf, fixturePatients } from './fixtures';
import { observationJson } from './observation-json';
import { renderPatientResources } from './resources';

/** Every Observation of the fixtures and of the first `count` patients of a cohort. */
function observations(count: number, seed: number): Observation[] {
  const cohort = {
    seed,
    patients: count,
    hospital: 'general-hospital',
    dirtyRate: 0,
    asOf: fixtureAsOf,
  };
  // A fixture whose blood pressures lack the diastolic, and whose measurements name no rendered
  // encounter: shapes the generator allows but a cohort rarely makes.
  const [first] = fixturePatients();
  const edge: SynthPatient = {
    ...first!,
    measurements: first!.measurements.map(({ diastolic: _, ...m }) => ({
      ...m,
      encounterId: 'not-rendered',
    })),
  };
  const patients = [
    edge,
    ...fixturePatients(),
    ...Array.from({ length: count }, (_, index) => generatePatientState(cohort, index)),
  ];
  return patients.flatMap((patient) =>
    renderPatientResources(patient, [], { asOf: fixtureAsOf }).filter(
      (r): r is Observation => r.resourceType === 'Observation',
    ),
  );
}

describe('Function: observationJson', () => {
  const sample = observations(600, 17);

  it('writes exactly what JSON.stringify writes, for every Observation of a cohort', () => {
    // Act
    const differing = sample.filter((o) => observationJson(o) !== JSON.stringify(o));

    // Assert
    expect(sample.length).toBeGreaterThan(20_000);
    expect(differing.map((o) => JSON.stringify(o)).slice(0, 2)).toEqual([]);
  });

  it('covers every shape renderObservations makes', () => {
    // Arrange: the shapes the serialiser has a branch for, counted in the sample above.
    const count = (test: (o: Observation) => boolean) => sample.filter(test).length;

    // Act
    const shapes = {
      profile: count((o) => o.meta !== undefined),
      noEncounter: count((o) => o.encounter === undefined),
      bloodPressure: count((o) => o.component !== undefined),
      diastolicAbsent: count((o) => o.component?.[1]?.dataAbsentReason !== undefined),
      codedValue: count((o) => o.valueCodeableConcept !== undefined),
      twoCodings: count((o) => (o.code.coding?.length ?? 0) > 1),
      nonAsciiUnit: count((o) => /[^\x20-\x7e]/.test(o.valueQuantity?.unit ?? '')),
      lowBound: count((o) => o.referenceRange?.[0]?.low !== undefined),
      highBound: count((o) => o.referenceRange?.[0]?.high !== undefined),
      fractional: count((o) => !Number.isInteger(o.valueQuantity?.value ?? 0)),
    };

    // Assert
    for (const [shape, n] of Object.entries(shapes))
      expect({ shape, n }).not.toEqual({ shape, n: 0 });
  });

  it('escapes what JSON escapes in codes, units and texts, and writes non-finite values as null', () => {
    // Arrange: a lab Observation of the sample, with strings JSON must escape and an infinite value.
    const base = sample.find((o) => o.valueQuantity && o.referenceRange)!;
    const odd: Observation = {
      ...base,
      code: { coding: [{ system: 'http://loinc.org', code: 'a"b\\c', display: 'tab\there' }] },
      valueQuantity: { ...base.valueQuantity, value: Infinity, unit: 'line\nbreak \u2028' },
    };

    // Act
    const json = observationJson(odd);

    // Assert
    expect(json).toBe(JSON.stringify(odd));
    expect(JSON.parse(json).valueQuantity.value).toBeNull();
  });
});
