import { describe, expect, it } from 'vitest';
import { fromRows, matrix, seededRng } from './matrix';
import { scaleGamma } from './rbf-svm';
import { rbfGrid, tuneRbfSvm, tuningRows } from './rbf-tuning';

/** n rows of d standard-normal features; the label depends on `signal(x)` through a logistic draw. */
function noisyProblem(n: number, d: number, signal: (x: number[]) => number, seed: number) {
  const rng = seededRng(seed, 'rbf-tuning-test');
  const rows: number[][] = [];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = Array.from({ length: d }, () => rng.normal(0, 1));
    rows.push(x);
    y[i] = rng.next() < 1 / (1 + Math.exp(-signal(x))) ? 1 : 0;
  }
  return { x: fromRows(rows), y };
}

describe('Function: tuneRbfSvm', () => {
  it('chooses a wider kernel than "scale" when the outcome is a noisy linear function of one feature', () => {
    // Prepare: 10 features, only the first matters, linearly — the default gamma overfits the rest
    const data = noisyProblem(600, 10, (x) => 1.5 * x[0]!, 7);
    // Act
    const choice = tuneRbfSvm(data, seededRng(1));
    // Assess
    expect(choice.gamma).toBeLessThan(scaleGamma(data.x));
    expect(choice.auroc).toBeGreaterThan(0.75);
    expect(rbfGrid.c).toContain(choice.c);
    expect(choice.rows).toBe(600);
  });

  it('finds a machine that separates a ring, which no linear score can rank', () => {
    // Prepare: two features, positive inside the unit circle, negative outside (noise-free)
    const data = noisyProblem(500, 2, (x) => (x[0]! ** 2 + x[1]! ** 2 < 1.2 ? 20 : -20), 11);
    // Act
    const choice = tuneRbfSvm(data, seededRng(1));
    // Assess: a linear score ranks a centred ring at about 0.5; the grid's pair reaches > 0.95
    const multiple = choice.gamma / scaleGamma(data.x);
    expect(rbfGrid.gammaTimesScale.some((m) => Math.abs(m - multiple) < 1e-9)).toBe(true);
    expect(choice.auroc).toBeGreaterThan(0.95);
  });

  it('searches a stratified subsample of at most tuningRows rows', () => {
    // Prepare
    const data = noisyProblem(tuningRows + 300, 3, (x) => x[0]!, 3);
    // Act / Assess
    expect(tuneRbfSvm(data, seededRng(2)).rows).toBe(tuningRows);
  });

  it('keeps C = 1 and gamma = "scale" when a class has too few rows to cross-validate', () => {
    // Prepare: one positive among 40
    const data = noisyProblem(40, 2, () => -50, 5);
    data.y[0] = 1;
    // Act
    const choice = tuneRbfSvm(data, seededRng(3));
    // Assess
    expect(choice).toMatchObject({ c: 1, gamma: scaleGamma(data.x) });
    expect(choice.auroc).toBeNaN();
    expect(choice.fallback).toBe('a class has only 1 rows of the 3 the tuning folds need');
  });

  it('falls back to C = 1 and gamma = "scale" when the grouped split leaves a fold without a class', () => {
    // Prepare: the reviewer's seed repro: each class is in 3 patients (so the minority check
    // passes), but seed 0's grouped 3-fold greedy leaves a fold without one class
    const y = Uint8Array.from([0, 1, 0, 0, 0, 1, 1, 0, 1, 0]);
    const groups = Int32Array.from([0, 1, 1, 1, 1, 1, 2, 3, 3, 3]);
    const x = matrix(
      10,
      1,
      Float64Array.from({ length: 10 }, (_v, i) => i / 10),
    );
    // Act
    const choice = tuneRbfSvm({ x, y, groups }, seededRng(0, 'x'));
    // Assess
    expect(choice).toMatchObject({ c: 1, gamma: scaleGamma(x), rows: 10 });
    expect(choice.auroc).toBeNaN();
    expect(choice.fallback).toBe('no 3-fold grouped split held both classes in every fold');
  });
});
