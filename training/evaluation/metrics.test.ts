import { describe, expect, it } from 'vitest';
import {
  auroc,
  averagePrecision,
  brierScore,
  calibrationCurve,
  calibrationSummary,
  confusionMatrix,
  youdenThreshold,
} from './metrics';

describe('Function: auroc', () => {
  it('matches the scikit-learn documentation example (0.75)', () => {
    // sklearn.metrics.auc docstring: y = [1, 1, 2, 2], pred = [0.1, 0.4, 0.35, 0.8], pos_label 2
    expect(auroc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
  });

  it('counts tied scores as one half, as the Mann-Whitney U statistic does', () => {
    // Prepare: positives at 0.9, 0.5, 0.1; negatives at 0.9, 0.5
    const y = [1, 0, 1, 0, 1];
    const s = [0.9, 0.9, 0.5, 0.5, 0.1];
    // Act / Assess: pairs (P, N): 0.9 vs 0.9 -> 1/2, 0.9 vs 0.5 -> 1, 0.5 vs 0.9 -> 0,
    // 0.5 vs 0.5 -> 1/2, 0.1 vs both -> 0; U = 2 of 6 pairs
    expect(auroc(y, s)).toBeCloseTo(2 / 6, 15);
  });

  it('is 0.5 for a constant score and NaN without both classes', () => {
    expect(auroc([0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3])).toBe(0.5);
    expect(auroc([1, 1], [0.2, 0.4])).toBeNaN();
  });
});

describe('Function: averagePrecision', () => {
  it('matches the scikit-learn documentation example (0.8333)', () => {
    // sklearn.metrics.average_precision_score docstring: 0.83...
    // Thresholds 0.8 (R 1/2, P 1), 0.4 (R 1/2), 0.35 (R 1, P 2/3): AP = 1/2 * 1 + 1/2 * 2/3
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(5 / 6, 15);
  });

  it('treats a tie as one threshold', () => {
    // Prepare: all four tied -> one step to recall 1 at precision 1/2
    expect(averagePrecision([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
  });
});

describe('Function: brierScore', () => {
  it('matches the scikit-learn documentation example (0.0375)', () => {
    expect(brierScore([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3])).toBeCloseTo(0.0375, 15);
  });
});

describe('Function: confusionMatrix / youdenThreshold', () => {
  const y = [0, 0, 0, 1, 1, 1];
  const p = [0.1, 0.3, 0.45, 0.4, 0.6, 0.9];

  it('counts predictions at p >= threshold as positive', () => {
    // Act
    const m = confusionMatrix(y, p, 0.5);
    // Assess
    expect(m).toMatchObject({
      tp: 2,
      fn: 1,
      tn: 3,
      fp: 0,
      sensitivity: 2 / 3,
      specificity: 1,
      accuracy: 5 / 6,
    });
  });

  it('picks the threshold maximising sensitivity + specificity - 1', () => {
    // Prepare: 3 positives, 4 negatives
    const yy = [0, 0, 0, 0, 1, 1, 1];
    const pp = [0.1, 0.2, 0.5, 0.3, 0.4, 0.6, 0.9];
    // Act / Assess: J at 0.9 = 1/3, 0.6 = 2/3, 0.5 = 2/3 - 1/4, 0.4 = 1 - 1/4 = 0.75 (max), 0.3 = 1/2
    expect(youdenThreshold(yy, pp)).toBe(0.4);
  });
});

describe('Function: calibrationCurve', () => {
  it('bins probabilities into tenths and leaves out empty bins', () => {
    // Act
    const bins = calibrationCurve([0, 1, 1, 0], [0.05, 0.15, 0.95, 0.12]);
    // Assess
    expect(bins).toEqual([
      { from: 0, to: 0.1, count: 1, meanPredicted: 0.05, observed: 0 },
      { from: 0.1, to: 0.2, count: 2, meanPredicted: 0.135, observed: 0.5 },
      { from: 0.9, to: 1, count: 1, meanPredicted: 0.95, observed: 1 },
    ]);
  });
});

describe('Function: calibrationSummary', () => {
  it('gives the mean probability, the event rate, their ratio and the expected calibration error', () => {
    const bins = calibrationCurve([0, 1, 1, 0], [0.05, 0.15, 0.95, 0.12]);
    const c = calibrationSummary(bins)!;
    expect(c.rows).toBe(4);
    expect(c.meanPredicted).toBeCloseTo(0.3175, 12);
    expect(c.observed).toBe(0.5);
    expect(c.expectedOverObserved).toBeCloseTo(0.635, 12);
    // (1 * 0.05 + 2 * |0.135 - 0.5| + 1 * 0.05) / 4
    expect(c.ece).toBeCloseTo(0.2075, 12);
  });

  it('is undefined without rows, and the ratio infinite with probabilities and no event', () => {
    expect(calibrationSummary([])).toBeUndefined();
    expect(
      calibrationSummary([{ count: 10, meanPredicted: 0.2, observed: 0 }])!.expectedOverObserved,
    ).toBe(Infinity);
  });
});
