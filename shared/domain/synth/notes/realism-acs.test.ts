// Tests (synth/notes): how notes weigh an acute coronary syndrome against the troponins the encounter
// drew. Generator 1.6.0 fixed two things; each check fails on 1.5.0 and its fix's mutation: a clinic
// note left "Concern for acute coronary syndrome" open until a visit in 2 weeks, and notes ruled ACS
// or MI out with no troponin, or with one above the limit.
import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../cohort';
import { troponinUrl } from '../state/cardiac-markers';
import { acsWeighed, lineOf, notesInContext } from './realism.test-helper';

const options = {
  patients: 1200,
  seed: 8959,
  hospital: 'acs',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const all = notesInContext(
  Array.from({ length: options.patients }, (_, i) => renderCohortPatient(options, i)),
);

describe('Synthetic notes: ACS against the troponin', () => {
  it('never weigh ACS or MI in a clinic note (1.5.0: "Concern for acute coronary syndrome", next visit in 2 weeks)', () => {
    let clinic = 0;
    let hospital = 0;
    for (const { note, encounter, text } of all) {
      const found = acsWeighed(note, text);
      if (encounter.kind === 'ambulatory' || encounter.kind === 'wellness') {
        expect(
          found.map((e) => lineOf(text, e)),
          note.id,
        ).toEqual([]);
        clinic++;
      } else if (found.length > 0) hospital++;
    }
    expect(clinic).toBeGreaterThan(1000);
    // The ED and the ward still weigh it.
    expect(hospital).toBeGreaterThan(10);
  });

  it('rule ACS or MI out only beside troponins under the limit, and leave none open in the ED', () => {
    let ruledOut = 0;
    for (const { note, encounter, patient, text } of all) {
      const draws = patient.measurements.filter(
        (m) => m.key === 'troponin' && m.encounterId === encounter.id,
      );
      const url = troponinUrl[patient.demographics.sex];
      for (const e of acsWeighed(note, text)) {
        const line = lineOf(text, e);
        if (e.assertion === 'negated') {
          expect(draws.length, `${note.id}: ${line}`).toBeGreaterThan(0);
          expect(
            draws.map((m) => m.value).filter((v) => v > url),
            `${note.id}: ${line}`,
          ).toEqual([]);
          ruledOut++;
        } else expect(encounter.kind, `${note.id}: ${line}`).not.toBe('emergency');
      }
    }
    expect(ruledOut).toBeGreaterThan(5);
  });
});
