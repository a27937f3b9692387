import { describe, expect, it } from 'vitest';
import { fitPlatt } from './platt';

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
