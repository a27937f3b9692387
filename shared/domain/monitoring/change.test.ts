import { describe, expect, it } from 'vitest';
import { cusumOverTime, tabularCusum } from './change';
import { msPerDay } from './trend';

// Montgomery, Introduction to Statistical Quality Control, 6th ed., Example 9.1 / Table 9.1: 30
// observations, the first 20 from N(10, 1), the last 10 from N(11, 1); μ0 = 10, σ = 1, k = 0.5, h = 5.
const montgomery = [
  9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.2, 10.34, 9.03, 11.47, 10.51, 9.4, 10.08,
  9.37, 10.62, 10.31, 8.52, 10.84, 10.9, 9.33, 12.29, 11.5, 10.6, 11.08, 10.38, 11.62, 11.31, 10.52,
];

describe('Function: tabularCusum', () => {
  it("reproduces Montgomery's Example 9.1: C+ exceeds H = 5 at sample 29 with N+ = 7", () => {
    // Act
    const { steps, signals } = tabularCusum(montgomery, { target: 10, sigma: 1 });
    // Assess: Table 9.2 gives C+_29 = 5.28, N+ = 7, the shift after sample 22, new mean ≈ 11.25.
    expect(steps[28]!.upper).toBeCloseTo(5.28, 2);
    expect(steps[28]!.upperRun).toBe(7);
    expect(signals).toEqual([
      { direction: 'up', index: 28, lastInControl: 21, shiftedMean: expect.closeTo(11.25, 2) },
    ]);
    // The lower sum never comes near H in this in-control-then-up series.
    expect(Math.max(...steps.map((s) => s.lower))).toBeCloseTo(1.77, 2);
  });

  it('signals a downward shift on the lower sum', () => {
    // Prepare: the mirror image of the example around 10.
    const mirrored = montgomery.map((x) => 20 - x);
    // Act
    const { signals } = tabularCusum(mirrored, { target: 10, sigma: 1 });
    // Assess
    expect(signals).toEqual([
      { direction: 'down', index: 28, lastInControl: 21, shiftedMean: expect.closeTo(8.75, 2) },
    ]);
  });

  it('does not signal on the in-control part with the default k = 0.5, h = 5', () => {
    expect(tabularCusum(montgomery.slice(0, 20), { target: 10, sigma: 1 }).signals).toEqual([]);
  });

  it('rejects a non-positive sigma', () => {
    expect(() => tabularCusum([1], { target: 0, sigma: 0 })).toThrow(RangeError);
  });
});

describe('Function: cusumOverTime', () => {
  const at = (d: number, value: number) => ({ t: d * msPerDay + 9 * 3_600_000, value });

  it('gives the same answer as the tabular CUSUM for one reading a day', () => {
    // Prepare
    const points = montgomery.map((x, d) => at(d, x));
    // Act
    const { signals } = cusumOverTime(points, { target: 10, sigma: 1 });
    // Assess
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ direction: 'up', index: 28, lastInControl: 21 });
    expect(signals[0]!.at).toBe(points[28]!.t);
    expect(signals[0]!.since).toBe(points[22]!.t);
  });

  it('averages a burst of same-day readings into one sample weighted by √n', () => {
    // Prepare: four readings of 11 on one day: mean 11, z = (11 - 10)/1 × √4 = 2, so C+ = 1.5.
    // Three more such days reach C+ = 6 > 5 on the fourth day, where four single readings of 11
    // (z = 1 each, C+ = 0.5 per day) would not.
    const burst = [0, 1, 2, 3].flatMap((d) =>
      [0, 1, 2, 3].map((h) => ({ t: d * msPerDay + h * 3_600_000, value: 11 })),
    );
    const single = [0, 1, 2, 3].map((d) => at(d, 11));
    // Act / Assess
    expect(cusumOverTime(burst, { target: 10, sigma: 1 }).signals).toMatchObject([
      { direction: 'up', index: 3 },
    ]);
    expect(cusumOverTime(single, { target: 10, sigma: 1 }).signals).toEqual([]);
    expect(cusumOverTime(burst, { target: 10, sigma: 1 }).bins.map((b) => b.n)).toEqual([
      4, 4, 4, 4,
    ]);
  });

  it('restarts the sums after a gap longer than maxGapMs', () => {
    // Prepare: the shifted part of the example split by a 60-day gap after sample 26.
    const points = montgomery.map((x, d) => at(d < 26 ? d : d + 60, x));
    // Act
    const withGap = cusumOverTime(points, { target: 10, sigma: 1 });
    const ignoringGap = cusumOverTime(points, { target: 10, sigma: 1, maxGapMs: 100 * msPerDay });
    // Assess: before the gap C+ peaks at 3.47; after the restart the last four samples give
    // C+ = 0, 1.12, 1.93, 1.95: no signal. Without the restart C+ reaches 5.28 at sample 29.
    expect(withGap.signals).toEqual([]);
    expect(ignoringGap.signals).toMatchObject([{ direction: 'up', index: 28 }]);
  });
});
