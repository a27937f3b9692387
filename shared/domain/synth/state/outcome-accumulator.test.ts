import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { OutcomeAccumulator } from './outcome-accumulator';

/** E[AUC] for labels ~ Bernoulli(p): Σ_{i≠j} p_i(1−p_j)[1(p_i>p_j) + ½1(p_i=p_j)] / Σ_{i≠j} p_i(1−p_j). */
function bruteForceExpectedAuc(ps: readonly number[]): number {
  let num = 0;
  let den = 0;
  ps.forEach((pi, i) =>
    ps.forEach((pj, j) => {
      if (i === j) return;
      const w = pi * (1 - pj);
      den += w;
      num += w * (pi > pj ? 1 : pi === pj ? 0.5 : 0);
    }),
  );
  return num / den;
}

function bruteForceAuc(ps: readonly number[], labels: readonly boolean[]): number {
  let num = 0;
  let den = 0;
  ps.forEach((pi, i) =>
    ps.forEach((pj, j) => {
      if (!labels[i] || labels[j]) return;
      den += 1;
      num += pi > pj ? 1 : pi === pj ? 0.5 : 0;
    }),
  );
  return num / den;
}

function accumulate(ps: readonly number[], labels: readonly boolean[]) {
  const acc = new OutcomeAccumulator();
  ps.forEach((probability, i) =>
    acc.add({ outcomes: { cvd10y: { probability, event: labels[i]! } } }),
  );
  return acc.summary().cvd10y;
}

describe('Class: OutcomeAccumulator', () => {
  it('matches the brute-force expected AUROC exactly when probabilities sit in distinct bins or tie', () => {
    // Bin centres (no within-bin spread), with deliberate exact ties.
    const ps = [0.0105, 0.0505, 0.0505, 0.2005, 0.3335, 0.5005, 0.7005, 0.7005, 0.9005, 0.1505];
    const labels = [false, false, true, false, true, true, false, true, true, false];
    const summary = accumulate(ps, labels);
    expect(summary.bayesOptimalAuroc).toBeCloseTo(bruteForceExpectedAuc(ps), 12);
    expect(summary.empiricalAuroc).toBeCloseTo(bruteForceAuc(ps, labels), 12);
    expect(summary.n).toBe(10);
    expect(summary.events).toBe(5);
  });

  it('approximates the brute-force values within 0.002 for continuous probabilities', () => {
    const rng = new Rng(42);
    const ps = Array.from({ length: 400 }, () => rng.next() ** 2);
    const labels = ps.map((p) => rng.chance(p));
    const summary = accumulate(ps, labels);
    expect(Math.abs(summary.bayesOptimalAuroc - bruteForceExpectedAuc(ps))).toBeLessThan(0.002);
    expect(Math.abs(summary.empiricalAuroc - bruteForceAuc(ps, labels))).toBeLessThan(0.002);
  });

  it('gives 0.5 for a constant probability and skips outcomes a patient lacks', () => {
    const acc = new OutcomeAccumulator();
    for (let i = 0; i < 50; i++)
      acc.add({ outcomes: { diabetes5y: { probability: 0.2, event: i % 5 === 0 } } });
    const summary = acc.summary();
    expect(summary.diabetes5y.bayesOptimalAuroc).toBeCloseTo(0.5, 12);
    expect(summary.diabetes5y.prevalence).toBeCloseTo(0.2, 12);
    expect(summary.cvd10y.n).toBe(0);
  });
});
