// A 300-patient dirty cohort's Observations through the ingest path without storage (the
// `dirty-defects` evaluation): every injected defect a record cannot carry is quarantined, nine in
// ten weight mislabels at least (the rest may have no data to tell them by), a
// conflicting duplicate is not (ingest resolves it), and no clean record is quarantined.
import { describe, expect, it } from 'vitest';
import { dirtyDefectsEval } from '../bench/eval/dirty-defects';

describe('Evaluation: dirty-defects', () => {
  it('quarantines every record-level defect and nothing else', async () => {
    // Act
    const result = await dirtyDefectsEval({ sharedData: '', progress: () => {}, size: 300 });
    // Assess
    if (!('metrics' in result)) throw new Error('the evaluation was skipped');
    const m = result.metrics;
    for (const kind of [
      'bad-encoding',
      'impossible-value',
      'missing-required',
      'truncated-line',
      'unknown-code',
      'wrong-unit.glucose',
      'wrong-unit.creatinine',
      'wrong-unit.temperature',
    ]) {
      expect(m[`${kind}.injected`], kind).toBeGreaterThan(0);
      expect(m[`${kind}.quarantined`], kind).toBe(m[`${kind}.injected`]);
    }
    // A weight mislabel stays plausible and is told only from the visit's height and BMI or the
    // patient's other weights (unit-suspects.ts); a few have neither (1,000 patients: 81 of 82).
    expect(m['wrong-unit.weight.injected']).toBeGreaterThan(0);
    expect(m['wrong-unit.weight.quarantined']).toBeGreaterThanOrEqual(
      Math.ceil(0.9 * m['wrong-unit.weight.injected']!),
    );
    expect(m['duplicate.injected']).toBeGreaterThan(0);
    expect(m['duplicate.quarantined']).toBe(0);
    expect(m.falseAlarms).toBe(0);
    expect(m.stored! + m.quarantined!).toBe(m.observationsRead);
  }, 120_000);
});
