import { describe, expect, it } from 'vitest';
import {
  decideDocumentPairs,
  fitCidClassifier,
  logistic,
  outOfFoldProbabilities,
  solveSymmetric,
  trainLogistic,
  type CidRow,
} from './cid-model';

describe('Function: solveSymmetric', () => {
  it('solves a positive-definite 2 x 2 system', () => {
    // [4 2; 2 3] x = [2; 1] -> x = [0.5, 0]
    const [a, b] = solveSymmetric(
      [
        [4, 2],
        [2, 3],
      ],
      [2, 1],
    );
    expect(a).toBeCloseTo(0.5);
    expect(b).toBeCloseTo(0);
  });
});

describe('Function: trainLogistic', () => {
  it('recovers the log-odds of a binary feature (bias + one feature)', () => {
    // Prepare: feature on -> 80% positive (log-odds ln 4); off -> 20% (ln 1/4).
    const rows = [
      ...Array.from({ length: 80 }, () => ({ x: [1, 1], y: 1 as const })),
      ...Array.from({ length: 20 }, () => ({ x: [1, 1], y: 0 as const })),
      ...Array.from({ length: 20 }, () => ({ x: [1, 0], y: 1 as const })),
      ...Array.from({ length: 80 }, () => ({ x: [1, 0], y: 0 as const })),
    ];
    // Act: a negligible penalty, so the fit is the maximum-likelihood one.
    const w = trainLogistic(rows, 1e-6);
    // Assess
    expect(w[0]).toBeCloseTo(-Math.log(4), 3);
    expect(w[1]).toBeCloseTo(2 * Math.log(4), 3);
    expect(logistic(w, [1, 1])).toBeCloseTo(0.8, 3);
  });

  it('keeps weights finite on separable data', () => {
    const rows = [
      { x: [1, 1], y: 1 as const },
      { x: [1, 0], y: 0 as const },
    ];
    expect(trainLogistic(rows).every(Number.isFinite)).toBe(true);
  });
});

describe('Function: decideDocumentPairs', () => {
  const classifier = { threshold: 0.5, fallback: 0.2 };

  it('takes every pair at or above the threshold', () => {
    const scores = new Map([
      ['C1|D1', 0.9],
      ['C1|D2', 0.5],
      ['C2|D1', 0.4],
    ]);
    expect(decideDocumentPairs(scores, classifier)).toEqual(new Set(['C1|D1', 'C1|D2']));
  });

  it('falls back to the single best pair of a document with none above the threshold', () => {
    const scores = new Map([
      ['C1|D1', 0.3],
      ['C1|D2', 0.25],
    ]);
    expect(decideDocumentPairs(scores, classifier)).toEqual(new Set(['C1|D1']));
    expect(decideDocumentPairs(new Map([['C1|D1', 0.1]]), classifier).size).toBe(0);
  });
});

describe('Function: fitCidClassifier', () => {
  it('finds a threshold that separates a clean signal, by cross-validation', () => {
    // Prepare: 40 documents, each with one positive pair (feature 1) and two negatives (feature 0).
    const rows: CidRow[] = [];
    for (let doc = 0; doc < 40; doc++)
      rows.push({ x: [1, 1], y: 1, doc }, { x: [1, 0], y: 0, doc }, { x: [1, 0], y: 0, doc });
    // Act
    const fitted = fitCidClassifier(rows);
    // Assess
    expect(fitted.crossValidatedF1).toBe(1);
    // Half the best cross-validated F1 (1), the F1-optimal threshold (Lipton et al. 2014).
    expect(fitted.threshold).toBeCloseTo(0.5);
    expect(logistic(fitted.weights, [1, 1])).toBeGreaterThanOrEqual(fitted.threshold);
    expect(logistic(fitted.weights, [1, 0])).toBeLessThan(fitted.threshold);
  });

  it('counts gold pairs without a candidate as misses', () => {
    const rows: CidRow[] = [];
    for (let doc = 0; doc < 40; doc++)
      rows.push({ x: [1, 1], y: 1, doc }, { x: [1, 0], y: 0, doc });
    // 40 found + 40 missed: best F1 = 2 * 40 / (2 * 40 + 40), threshold near a third.
    const fitted = fitCidClassifier(rows, 5, 40);
    expect(fitted.crossValidatedF1).toBeCloseTo(2 / 3);
    expect(fitted.threshold).toBeCloseTo(0.325);
  });
});

describe('Function: outOfFoldProbabilities', () => {
  it('scores each document with weights fitted on the other folds only', () => {
    // Prepare: document 0 is all positive, document 1 all negative, with the same features.
    const rows: CidRow[] = [
      ...Array.from({ length: 10 }, () => ({ x: [1], y: 1 as const, doc: 0 })),
      ...Array.from({ length: 10 }, () => ({ x: [1], y: 0 as const, doc: 1 })),
    ];
    // Act
    const p = outOfFoldProbabilities(rows, 2);
    // Assess: each side only saw the other document, so it predicts the opposite label.
    expect(p[0]).toBeLessThan(0.2);
    expect(p[19]).toBeGreaterThan(0.8);
  });
});
