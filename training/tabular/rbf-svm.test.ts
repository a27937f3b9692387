import { describe, expect, it } from 'vitest';
import { fitKernelMachine, fitRbfSvm, kernelDecision, scaleGamma } from './rbf-svm';
import { fromRows, seededRng } from './matrix';
import { rbfSvmKind } from './served-kinds';

describe('Function: scaleGamma', () => {
  it('is 1 / (n_features * variance of all entries), as scikit-learn gamma="scale"', () => {
    // Prepare: entries 0, 0, 2, 0 -> mean 0.5, variance 0.75
    const x = fromRows([
      [0, 0],
      [2, 0],
    ]);
    // Act / Assess: 1 / (2 * 0.75)
    expect(scaleGamma(x)).toBeCloseTo(2 / 3, 15);
  });
});

describe('Function: fitKernelMachine', () => {
  // XOR: same-sign corners positive. With gamma 0.5, adjacent corners have K = e^-2 and opposite
  // corners K = e^-4; by symmetry every alpha is equal and hard-margin y f(x) = 1 gives
  // alpha = 1 / (1 + e^-4 - 2 e^-2) = 1.337533 and intercept 0.
  const xor = {
    x: fromRows([
      [1, 1],
      [-1, -1],
      [1, -1],
      [-1, 1],
    ]),
    y: Uint8Array.from([1, 1, 0, 0]),
  };

  it('solves XOR exactly: equal alphas from the closed form and zero intercept', () => {
    // Act
    const model = fitKernelMachine(xor, {
      gamma: 0.5,
      c: 1e3,
      classWeight: 'none',
      tolerance: 1e-9,
    });
    // Assess
    expect(model.supportVectors).toHaveLength(4);
    for (const [i, coef] of model.dualCoef.entries()) {
      expect(coef).toBeCloseTo((xor.y[i] ? 1 : -1) * 1.3375330579912432, 6);
    }
    expect(model.intercept).toBeCloseTo(0, 6);
    expect(Array.from(kernelDecision(model)(xor.x))).toEqual(
      [1, 1, -1, -1].map((v) => expect.closeTo(v, 6) as unknown as number),
    );
  });

  it('keeps alphas in the box [0, C] and sum alpha_i y_i = 0 on noisy data', () => {
    // Prepare: a noisy circle
    const rng = seededRng(5, 'circle');
    const rows: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const [a, b] = [rng.normal(), rng.normal()];
      rows.push([a, b]);
      y.push(a * a + b * b + rng.normal(0, 0.3) < 1.4 ? 1 : 0);
    }
    // Act
    const model = fitKernelMachine(
      { x: fromRows(rows), y: Uint8Array.from(y) },
      { c: 2, classWeight: 'none' },
    );
    // Assess
    const sum = model.dualCoef.reduce((s, v) => s + v, 0);
    expect(Math.abs(sum)).toBeLessThan(1e-9);
    for (const coef of model.dualCoef) expect(Math.abs(coef)).toBeLessThanOrEqual(2 + 1e-12);
  });
});

describe('Function: fitRbfSvm', () => {
  it('separates a circle a linear model cannot and calibrates probabilities monotonically', () => {
    // Prepare
    const rng = seededRng(6, 'ring');
    const rows: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 240; i += 1) {
      const [a, b] = [rng.normal(), rng.normal()];
      rows.push([a, b]);
      y.push(a * a + b * b < 1.4 ? 1 : 0);
    }
    // Act
    const model = fitRbfSvm({ x: fromRows(rows), y: Uint8Array.from(y) }, seededRng(7));
    const scorer = rbfSvmKind.scorer(model);
    // Assess: centre is inside, far point outside
    const inside = 1 / (1 + Math.exp(-scorer.logit([0, 0])));
    const outside = 1 / (1 + Math.exp(-scorer.logit([2.5, 2.5])));
    expect(inside).toBeGreaterThan(0.9);
    expect(outside).toBeLessThan(0.1);
    expect(model.platt.a).toBeLessThan(0);
  });
});
