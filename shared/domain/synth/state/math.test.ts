import { describe, expect, it } from 'vitest';
import { clamp, gaussHermite, invLogit, normalExpectation } from './math';

/** E[f(Z)], Z ~ N(0, sd²), by a 50,000-point midpoint rule over ±10 sd. */
function dense(f: (z: number) => number, sd: number): number {
  const n = 50_000;
  const h = (20 * sd) / n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const z = -10 * sd + (i + 0.5) * h;
    sum += f(z) * Math.exp((-z * z) / (2 * sd * sd));
  }
  return (sum * h) / (sd * Math.sqrt(2 * Math.PI));
}

describe('Function: gaussHermite', () => {
  it('integrates x^k e^(-x²) exactly up to degree 2n - 1 (moments Γ((k + 1) / 2))', () => {
    const { nodes, weights } = gaussHermite(24);
    const moment = (k: number) => weights.reduce((s, w, i) => s + w * nodes[i]! ** k, 0);
    const sqrtPi = Math.sqrt(Math.PI);
    expect(moment(0)).toBeCloseTo(sqrtPi, 13);
    expect(moment(1)).toBeCloseTo(0, 13);
    expect(moment(2)).toBeCloseTo(sqrtPi / 2, 13);
    expect(moment(4)).toBeCloseTo((3 * sqrtPi) / 4, 12);
    // Γ(k + ½) = (2k − 1)!! √π / 2^k; degree 46 = 2·24 − 2 is still exact (relative to its size).
    const gammaHalf = (k: number) => {
      let g = sqrtPi;
      for (let j = 1; j <= k; j++) g *= (2 * j - 1) / 2;
      return g;
    };
    expect(moment(10)).toBeCloseTo(gammaHalf(5), 10);
    expect(moment(46) / gammaHalf(23)).toBeCloseTo(1, 12);
    // 48 is beyond 2n − 1: no longer exact, which shows the check above can fail.
    expect(Math.abs(moment(48) / gammaHalf(24) - 1)).toBeGreaterThan(1e-7);
    expect(nodes.every((x, i) => Math.abs(x + nodes[23 - i]!) < 1e-14)).toBe(true);
    expect(weights.every((w) => w > 0)).toBe(true);
  });
});

describe('Function: normalExpectation', () => {
  it('gives the moments and moment generating function of a normal', () => {
    expect(normalExpectation((z) => z * z, 0.3)).toBeCloseTo(0.09, 14);
    expect(normalExpectation((z) => z ** 4, 0.3)).toBeCloseTo(3 * 0.3 ** 4, 14);
    expect(normalExpectation(Math.exp, 0.3)).toBeCloseTo(Math.exp(0.045), 13);
  });

  it('matches a dense integral of the logistic-normal away from the clamps', () => {
    for (const x of [-5, -3, -1, 0, 1]) {
      const f = (z: number) => clamp(invLogit(x + z), 0.001, 0.95);
      expect(Math.abs(normalExpectation(f, 0.3) - dense(f, 0.3))).toBeLessThan(1e-10);
    }
  });

  it('stays within 6e-4 where a clamp binds, and non-decreasing in the linear predictor', () => {
    let previous = 0;
    for (let x = -8; x <= 4; x += 0.1) {
      const f = (z: number) => clamp(1 - Math.pow(0.9144, Math.exp(x + z)), 0.001, 0.95);
      const value = normalExpectation(f, 0.3);
      expect(Math.abs(value - dense(f, 0.3))).toBeLessThan(6e-4);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });
});
