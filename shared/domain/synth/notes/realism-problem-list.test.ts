// Tests (synth/notes): a problem list calls a problem "controlled", "well controlled" or "stable" only
// where the note's own numbers agree. Generator 1.6.0 fixed it; the check fails on 1.5.0, whose
// problem lists read "obesity, controlled" above a BMI of 36.4.
import { describe, expect, it } from 'vitest';
import { conditions, type ConditionKey, type MeasurementKey } from '../catalog';
import { renderCohortPatient } from '../cohort';
import { ageOn, shownReading, withoutPhi } from './realism.test-helper';

const options = {
  patients: 400,
  seed: 61,
  hospital: 'problems',
  dirtyRate: 0,
  asOf: '2026-01-01',
};
const cohort = Array.from({ length: options.patients }, (_, i) => renderCohortPatient(options, i));

const checkedKeys: readonly ConditionKey[] = [
  'hypertension',
  'type2-diabetes',
  'type1-diabetes',
  'obesity',
  'depression',
  'anxiety',
];
const keyOfCode = new Map<string, ConditionKey>(
  checkedKeys.map((key) => [conditions[key].snomed.code, key]),
);

/** Whether the numbers of the encounter, as written independently here, leave `key` off its goal. */
function offGoal(
  key: ConditionKey,
  age: number,
  value: (k: MeasurementKey) => { value: number; diastolic?: number } | undefined,
): boolean {
  if (key === 'hypertension') {
    const bp = value('bloodPressurePanel');
    return bp !== undefined && (bp.value >= 130 || (bp.diastolic ?? 0) >= 80);
  }
  if (key === 'obesity') {
    const bmi = value('bmi');
    return age < 18 || bmi === undefined || bmi.value >= 25;
  }
  if (key === 'depression' || key === 'anxiety') {
    const score = value(key === 'depression' ? 'phq9' : 'gad7');
    return score !== undefined && score.value >= 5;
  }
  const a1c = value('hba1c');
  return a1c !== undefined && a1c.value >= 8;
}

describe('Synthetic notes: problem lists against the numbers', () => {
  it('call a problem controlled or stable only at goal (1.5.0: "obesity, controlled" at a BMI of 36.4)', () => {
    const said: Partial<Record<ConditionKey, number>> = {};
    for (const { patient, notes } of cohort) {
      for (const note of notes) {
        const text = withoutPhi(note);
        const age = ageOn(patient.demographics.birthDate, note.date);
        // The reading the note shows (its own vital-sign set on a stay).
        const value = (k: MeasurementKey) => shownReading(patient, note, k);
        for (const e of note.entities) {
          const key = e.code === undefined ? undefined : keyOfCode.get(e.code);
          if (!key || e.assertion !== 'present') continue;
          const after = /^,\s*(controlled|well controlled|stable)\b/.exec(text.slice(e.end));
          if (!after) continue;
          expect(
            offGoal(key, age, value),
            `${note.id}: "${text.slice(e.start, e.end)}${after[0]}"`,
          ).toBe(false);
          said[key] = (said[key] ?? 0) + 1;
        }
      }
    }
    // The phrasing is still written where it is true.
    expect(Object.values(said).reduce((a, n) => a + n, 0)).toBeGreaterThan(10);
    expect(said.hypertension ?? 0).toBeGreaterThan(0);
  });

  it('name a past event a drug is kept for as past ("aspirin for h/o MI"; 1.5.0: "for myocardial infarction" of an MI years before)', () => {
    let past = 0;
    for (const { notes } of cohort)
      for (const note of notes) {
        // The conditions a drug is written for: tails of "treats" relations.
        const treated = new Set(
          note.relations.filter((r) => r.type === 'treats').map((r) => r.tail),
        );
        note.entities.forEach((e, i) => {
          if (!treated.has(i) || e.type !== 'Disease' || e.assertion !== 'historical') return;
          const before = note.text.slice(Math.max(0, e.start - 16), e.start);
          // "previously treated for" is itself a past-history phrase.
          if (
            !/\bfor (?:h\/o |history of |prior )?$/i.test(before) ||
            /treated for $/i.test(before)
          )
            return;
          expect(before, `${note.id}: ${note.text.slice(e.start - 40, e.end)}`).toMatch(
            /(?:h\/o|history of|prior) $/i,
          );
          past++;
        });
      }
    expect(past).toBeGreaterThan(5);
  });
});
