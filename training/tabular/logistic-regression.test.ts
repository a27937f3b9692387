import { describe, expect, it } from 'vitest';
import { fitLogisticRegression } from './logistic-regression';
import { fromRows } from './matrix';

/** A 2x2 table as rows: `pos0` of `n0` positive at x = 0, `pos1` of `n1` at x = 1. */
function table(n0: number, pos0: number, n1: number, pos1: number) {
  const rows: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n0 + n1; i += 1) {
    rows.push([i < n0 ? 0 : 1]);
    y.push(i < n0 ? (i < pos0 ? 1 : 0) : i - n0 < pos1 ? 1 : 0);
  }
  return { x: fromRows(rows), y: Uint8Array.from(y) };
}

const logit = (p: number) => Math.log(p / (1 - p));

describe('Function: fitLogisticRegression', () => {
  it('matches the closed-form maximum-likelihood fit of a 2x2 table when the penalty vanishes', () => {
    // Prepare: 3/10 positive at x = 0, 6/8 at x = 1
    const data = table(10, 3, 8, 6);
    // Act
    const model = fitLogisticRegression(data, { c: 1e9, classWeight: 'none' });
    // Assess: intercept = logit(0.3), slope = logit(0.75) - logit(0.3)
    expect(model.intercept).toBeCloseTo(logit(0.3), 6);
    expect(model.coefficients[0]).toBeCloseTo(logit(0.75) - logit(0.3), 6);
  });

  it('weighs classes by n / (2 n_class) with "balanced", matching the weighted closed form', () => {
    // Prepare: 2/10 and 6/8 positive -> 8 positives, 10 negatives; w1 = 18/16, w0 = 18/20
    const data = table(10, 2, 8, 6);
    const [w0, w1] = [18 / 20, 18 / 16];
    // Act
    const model = fitLogisticRegression(data, { c: 1e9, classWeight: 'balanced' });
    // Assess: weighted odds at x = 0 are (w1 * 2) / (w0 * 8); at x = 1, (w1 * 6) / (w0 * 2)
    expect(model.intercept).toBeCloseTo(Math.log((w1 * 2) / (w0 * 8)), 6);
    expect(model.intercept + model.coefficients[0]!).toBeCloseTo(Math.log((w1 * 6) / (w0 * 2)), 6);
  });

  it('stops at the penalised optimum: the gradient of C * loss + |beta|^2 / 2 is zero', () => {
    // Prepare
    const data = {
      x: fromRows([
        [-2, 1],
        [-1, 0],
        [0, 1],
        [1, 0],
        [2, 1],
        [0.5, -1],
        [-0.5, 2],
        [1.5, 1],
      ]),
      y: Uint8Array.from([0, 0, 1, 0, 1, 1, 0, 1]),
    };
    // Act
    const m = fitLogisticRegression(data, { c: 0.5, classWeight: 'none' });
    // Assess: d/d beta_j = C * sum (p - y) x_j + beta_j; d/d intercept = C * sum (p - y)
    const grad = [0, 0, 0];
    for (let i = 0; i < 8; i += 1) {
      const [a, b] = [data.x.data[2 * i]!, data.x.data[2 * i + 1]!];
      const p =
        1 / (1 + Math.exp(-(m.intercept + m.coefficients[0]! * a + m.coefficients[1]! * b)));
      const r = 0.5 * (p - data.y[i]!);
      grad[0]! += r;
      grad[1]! += r * a;
      grad[2]! += r * b;
    }
    grad[1]! += m.coefficients[0]!;
    grad[2]! += m.coefficients[1]!;
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-7);
  });

  it('shrinks the slope as the penalty grows', () => {
    // Prepare
    const data = table(10, 3, 8, 6);
    // Act
    const loose = fitLogisticRegression(data, { c: 100, classWeight: 'none' });
    const tight = fitLogisticRegression(data, { c: 0.01, classWeight: 'none' });
    // Assess
    expect(Math.abs(tight.coefficients[0]!)).toBeLessThan(Math.abs(loose.coefficients[0]!) / 5);
  });

  it('stays finite on perfectly separated data thanks to the penalty', () => {
    // Prepare
    const data = table(5, 0, 5, 5);
    // Act
    const model = fitLogisticRegression(data);
    // Assess
    expect(Number.isFinite(model.coefficients[0])).toBe(true);
    expect(model.coefficients[0]).toBeGreaterThan(1);
  });
});
