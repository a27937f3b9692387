import { describe, expect, it } from 'vitest';
import { FoldSplitError } from '../evaluation/folds';
import { matrix, seededRng, type LabelledMatrix } from './matrix';
import { calibrationFolds, crossValidatedPlatt, fitPlatt } from './platt';

describe('Function: fitPlatt', () => {
  it('meets its optimality conditions: sum f (t - p) = 0 and sum (t - p) = 0 with Lin-Lin-Weng targets', () => {
    // Prepare: overlapping decision values
    const f = Float64Array.from([-2, -1.5, -1, -0.2, 0.3, -0.4, 0.5, 1, 1.7, 2.2]);
    const y = Uint8Array.from([0, 0, 0, 1, 0, 0, 1, 1, 1, 1]);
    // Act
    const { a, b } = fitPlatt(f, y);
    // Assess: targets are (N+ + 1)/(N+ + 2) = 6/7 for positives and 1/(N- + 2) = 1/7 for negatives
    let [g1, g2] = [0, 0];
    f.forEach((fi, i) => {
      const p = 1 / (1 + Math.exp(a * fi + b));
      const t = y[i] ? 6 / 7 : 1 / 7;
      g1 += fi * (t - p);
      g2 += t - p;
    });
    expect(Math.abs(g1)).toBeLessThan(1e-5);
    expect(Math.abs(g2)).toBeLessThan(1e-5);
    expect(a).toBeLessThan(0);
  });

  it('is symmetric: mirrored decision values with balanced classes give B = 0', () => {
    // Prepare
    const f = Float64Array.from([-2, -1, 1, 2]);
    const y = Uint8Array.from([0, 0, 1, 1]);
    // Act
    const { b } = fitPlatt(f, y);
    // Assess
    expect(b).toBeCloseTo(0, 8);
  });

  it('stays finite when the classes are perfectly separated (regularised targets)', () => {
    // Act
    const { a, b } = fitPlatt(Float64Array.from([-3, -2, 2, 3]), Uint8Array.from([0, 0, 1, 1]));
    // Assess
    expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
  });
});

describe('Function: crossValidatedPlatt', () => {
  // The reviewer's seed repro: each class in 3 patients, too few for 5 grouped folds
  const y = Uint8Array.from([0, 1, 0, 0, 0, 1, 1, 0, 1, 0]);
  const groups = Int32Array.from([0, 1, 1, 1, 1, 1, 2, 3, 3, 3]);
  const x = matrix(
    10,
    1,
    Float64Array.from({ length: 10 }, (_v, i) => i / 10),
  );
  const data: LabelledMatrix = { x, y, groups };
  /** A decision function: the one feature, centred. */
  const train = () => (m: typeof x) => Float64Array.from(m.data, (v) => v - 0.5);

  it('calibrates on fewer grouped folds when the data cannot make the folds asked for', () => {
    // Act
    const folds = calibrationFolds(data, 5, seededRng(0, 'x'));
    const platt = crossValidatedPlatt(data, train, 5, seededRng(0, 'x'));
    // Assess: as many folds as still hold both classes, no patient on both sides
    expect(folds.length).toBe(2);
    for (const fold of folds) {
      const held = new Set(Array.from(fold.test, (i) => groups[i]));
      expect(Array.from(fold.train).filter((i) => held.has(groups[i]!))).toEqual([]);
      expect(new Set(Array.from(fold.test, (i) => y[i]))).toEqual(new Set([0, 1]));
    }
    expect(Number.isFinite(platt.a) && Number.isFinite(platt.b)).toBe(true);
  });

  it('keeps the folds asked for when the data allow them', () => {
    const many = Uint8Array.from({ length: 40 }, (_v, i) => i % 2);
    const data40 = {
      x: matrix(40, 1),
      y: many,
      groups: Int32Array.from({ length: 40 }, (_v, i) => i),
    };
    expect(calibrationFolds(data40, 5, seededRng(1))).toHaveLength(5);
  });

  it('throws the FoldSplitError when not even 2 folds can hold both classes', () => {
    // Prepare: every positive row is one patient's
    const one = { x, y, groups: Int32Array.from(y, (v, i) => (v === 1 ? 99 : i)) };
    // Act / Assess
    expect(() => crossValidatedPlatt(one, train, 5, seededRng(0))).toThrow(FoldSplitError);
  });
});
