import { describe, expect, it } from 'vitest';
import { auroc } from '../evaluation/metrics';
import { fitHingeWeights, fitLinearSvm } from './linear-svm';
import { fromRows, seededRng } from './matrix';
import { linearSvmKind } from './served-kinds';

describe('Function: fitHingeWeights', () => {
  it('finds the hard-margin solution with the bias as a regularised feature (liblinear -B 1)', () => {
    // Prepare: x = 0 negative, x = 2 positive. min (w^2 + b^2) / 2 s.t. -b >= 1, 2w + b >= 1
    // gives b = -1, w = 1.
    const data = { x: fromRows([[0], [2], [0], [2]]), y: Uint8Array.from([0, 1, 0, 1]) };
    // Act
    const model = fitHingeWeights(data, seededRng(1), {
      c: 1e6,
      classWeight: 'none',
      tolerance: 1e-9,
    });
    // Assess
    expect(model.coefficients[0]).toBeCloseTo(1, 6);
    expect(model.intercept).toBeCloseTo(-1, 6);
  });
});

describe('Function: fitLinearSvm', () => {
  it('ranks noisy linearly separable classes well and calibrates with a negative Platt slope', () => {
    // Prepare: y = 1 when x0 + x1 + noise > 0
    const rng = seededRng(3, 'data');
    const rows: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const a = rng.normal();
      const b = rng.normal();
      rows.push([a, b]);
      y.push(a + b + rng.normal(0, 0.3) > 0 ? 1 : 0);
    }
    const data = { x: fromRows(rows), y: Uint8Array.from(y) };
    // Act
    const model = fitLinearSvm(data, seededRng(4));
    const scorer = linearSvmKind.scorer(model);
    const p = rows.map((r) => 1 / (1 + Math.exp(-scorer.logit(r))));
    // Assess
    expect(model.platt.a).toBeLessThan(0);
    expect(auroc(data.y, p)).toBeGreaterThan(0.95);
  });
});
