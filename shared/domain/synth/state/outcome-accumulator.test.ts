import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { OutcomeAccumulator } from './outcome-accumulator';

/**
 * E[AUC] of `scores` when labels ~ Bernoulli(p):
 * Σ_{i≠j} p_i(1−p_j)[1(s_i>s_j) + ½1(s_i=s_j)] / Σ_{i≠j} p_i(1−p_j).
 */
function bruteForceExpectedAuc(scores: readonly number[], ps: readonly number[]): number {
  let num = 0;
  let den = 0;
  ps.forEach((pi, i) =>
    ps.forEach((pj, j) => {
      if (i === j) return;
      const w = pi * (1 - pj);
      den += w;
      num += w * (scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0);
    }),
  );
  return num / den;
}

function bruteForceAuc(scores: readonly number[], labels: readonly boolean[]): number {
  let num = 0;
  let den = 0;
  scores.forEach((si, i) =>
    scores.forEach((sj, j) => {
      if (!labels[i] || labels[j]) return;
      den += 1;
      num += si > sj ? 1 : si === sj ? 0.5 : 0;
    }),
  );
  return num / den;
}

function accumulate(ps: readonly number[], bayes: readonly number[], labels: readonly boolean[]) {
  const acc = new OutcomeAccumulator();
  ps.forEach((probability, i) =>
    acc.add({
      outcomes: {
        cvd10y: { probability, bayesOptimalProbability: bayes[i]!, event: labels[i]! },
      },
    }),
  );
  return acc.summary().cvd10y;
}

describe('Class: OutcomeAccumulator', () => {
  it('matches the brute-force expected AUROCs exactly when scores sit in distinct bins or tie', () => {
    // Bin centres (no within-bin spread), with deliberate exact ties; the Bayes-optimal scores order
    // the patients differently from the drawn-with probabilities, as an unobserved term does.
    const ps = [0.0105, 0.0505, 0.0505, 0.2005, 0.3335, 0.5005, 0.7005, 0.7005, 0.9005, 0.1505];
    const bayes = [0.0305, 0.0505, 0.1005, 0.2505, 0.2505, 0.4005, 0.6005, 0.8005, 0.7005, 0.2005];
    const labels = [false, false, true, false, true, true, false, true, true, false];
    const summary = accumulate(ps, bayes, labels);
    expect(summary.bayesOptimalAuroc).toBeCloseTo(bruteForceExpectedAuc(bayes, ps), 12);
    expect(summary.oracleAuroc).toBeCloseTo(bruteForceExpectedAuc(ps, ps), 12);
    expect(summary.empiricalAuroc).toBeCloseTo(bruteForceAuc(bayes, labels), 12);
    // The two differ here, so the summary cannot be reading one score for both.
    expect(Math.abs(summary.bayesOptimalAuroc - summary.oracleAuroc)).toBeGreaterThan(0.01);
    expect(summary.n).toBe(10);
    expect(summary.events).toBe(5);
    expect(summary.meanProbability).toBeCloseTo(ps.reduce((a, b) => a + b, 0) / 10, 12);
  });

  it('approximates the brute-force values within 0.002 for continuous probabilities', () => {
    const rng = new Rng(42);
    const bayes = Array.from({ length: 400 }, () => rng.next() ** 2);
    // p scatters around b as a latent term on the log-odds scale would.
    const ps = bayes.map((b) => {
      const x = Math.log(b / (1 - b)) + rng.normal(0, 0.5);
      return 1 / (1 + Math.exp(-x));
    });
    const labels = ps.map((p) => rng.chance(p));
    const summary = accumulate(ps, bayes, labels);
    expect(Math.abs(summary.bayesOptimalAuroc - bruteForceExpectedAuc(bayes, ps))).toBeLessThan(
      0.002,
    );
    expect(Math.abs(summary.oracleAuroc - bruteForceExpectedAuc(ps, ps))).toBeLessThan(0.002);
    expect(Math.abs(summary.empiricalAuroc - bruteForceAuc(bayes, labels))).toBeLessThan(0.002);
    // Knowing the latent term ranks better than not knowing it.
    expect(summary.oracleAuroc).toBeGreaterThan(summary.bayesOptimalAuroc + 0.01);
  });

  it('gives 0.5 for a constant probability and skips outcomes a patient lacks', () => {
    const acc = new OutcomeAccumulator();
    for (let i = 0; i < 50; i++)
      acc.add({
        outcomes: {
          diabetes5y: { probability: 0.2, bayesOptimalProbability: 0.2, event: i % 5 === 0 },
        },
      });
    const summary = acc.summary();
    expect(summary.diabetes5y.bayesOptimalAuroc).toBeCloseTo(0.5, 12);
    expect(summary.diabetes5y.oracleAuroc).toBeCloseTo(0.5, 12);
    expect(summary.diabetes5y.prevalence).toBeCloseTo(0.2, 12);
    expect(summary.cvd10y.n).toBe(0);
  });
});
