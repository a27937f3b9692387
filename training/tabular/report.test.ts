import { describe, expect, it } from 'vitest';
import { foldSummary } from './report';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('Function: foldSummary', () => {
  it('ranks confident rows by their log-odds, which stay distinct where probabilities round to 1', () => {
    // Prepare: log-odds 38, 39 and 40 all give the probability 1 in float64
    const y = Uint8Array.from([0, 1, 1]);
    const logits = Float64Array.from([38, 39, 40]);
    const p = logits.map(sigmoid);
    expect(new Set(p)).toEqual(new Set([1]));
    // Act
    const summary = foldSummary(y, logits, p);
    // Assess: both positives outrank the negative; the Brier score still uses the probabilities
    expect(summary.auroc).toBe(1);
    expect(summary.auprc).toBe(1);
    expect(summary.brier).toBeCloseTo(1 / 3, 12);
    expect(summary).toMatchObject({ n: 3, positives: 2 });
  });
});
