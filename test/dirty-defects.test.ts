// A 300-patient dirty cohort's Observations through the ingest path without storage (the
// `dirty-defects` evaluation): every injected defect a record cannot carry is quarantined, a
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
    expect(m['duplicate.injected']).toBeGreaterThan(0);
    expect(m['duplicate.quarantined']).toBe(0);
    expect(m.falseAlarms).toBe(0);
    expect(m.stored! + m.quarantined!).toBe(m.observationsRead);
  }, 120_000);
});
