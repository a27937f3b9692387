import { describe, expect, it } from 'vitest';
import { fitGaussianNaiveBayes } from './gnb';
import { fromRows } from './matrix';
import { gnbKind } from './served-kinds';

describe('Function: fitGaussianNaiveBayes', () => {
  // Class 0: x = 1, 3 (mean 2, variance 1); class 1: x = 5, 7, 9 (mean 7, variance 8/3).
  // All x: variance 8, so var_smoothing adds 1e-9 * 8 to each variance.
  const data = { x: fromRows([[1], [3], [5], [7], [9]]), y: Uint8Array.from([0, 0, 1, 1, 1]) };

  it('estimates priors, means and smoothed biased variances as scikit-learn does', () => {
    // Act
    const model = fitGaussianNaiveBayes(data);
    // Assess
    expect(model.classPrior).toEqual([0.4, 0.6]);
    expect(model.theta).toEqual([[2], [7]]);
    expect(model.variance[0]![0]).toBeCloseTo(1 + 8e-9, 15);
    expect(model.variance[1]![0]).toBeCloseTo(8 / 3 + 8e-9, 14);
  });

  it('gives the hand-computed posterior at x = 4', () => {
    // Prepare
    const scorer = gnbKind.scorer(fitGaussianNaiveBayes(data));
    // Act
    const logOdds = scorer.logit([4]);
    // Assess: ln(0.6/0.4) - 0.5 ln(v1/v0) - 0.5 (4-7)^2/v1 + 0.5 (4-2)^2/v0
    //       = 0.405465 - 0.490415 - 1.6875 + 2 = 0.227550 -> P(y=1 | x=4) = 0.556643
    expect(logOdds).toBeCloseTo(0.22755047316480148, 9);
    expect(1 / (1 + Math.exp(-logOdds))).toBeCloseTo(0.5566434163070948, 9);
  });

  it('explains the log-odds exactly as prior plus one term per feature', () => {
    // Prepare: two features
    const two = {
      x: fromRows([
        [1, 0],
        [3, 1],
        [5, 1],
        [7, 2],
        [9, 4],
      ]),
      y: Uint8Array.from([0, 0, 1, 1, 1]),
    };
    const scorer = gnbKind.scorer(fitGaussianNaiveBayes(two));
    // Act
    const terms = scorer.contributions([4, 2]);
    // Assess
    expect(terms[0]! + terms[1]! + Math.log(0.6 / 0.4)).toBeCloseTo(scorer.logit([4, 2]), 12);
  });
});
