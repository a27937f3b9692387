import { describe, expect, it } from 'vitest';
import {
  msPerDay,
  robustBaseline,
  rollingMeans,
  theilSen,
  trailingWindow,
  trendDirection,
} from './trend';

const day = (d: number, value: number) => ({ t: d * msPerDay, value });

describe('Function: trailingWindow', () => {
  it('keeps the points in (end - duration, end] by time, whatever their spacing', () => {
    // Prepare
    const points = [day(0, 1), day(3, 2), day(3.5, 3), day(10, 4), day(11, 5)];
    // Act
    const window = trailingWindow(points, 10 * msPerDay, 7 * msPerDay);
    // Assess: day 3 is exactly 7 days before day 10, so it is outside the half-open window.
    expect(window.map((p) => p.value)).toEqual([3, 4]);
  });
});

describe('Function: rollingMeans', () => {
  it('averages each point with the earlier points of its trailing window', () => {
    // Prepare: a burst of three readings, then one reading after a long gap.
    const points = [day(0, 10), day(0.5, 20), day(1, 30), day(5, 100)];
    // Act
    const means = rollingMeans(points, 2 * msPerDay);
    // Assess: (10), (10+20)/2, (10+20+30)/3, then the gap leaves 100 alone.
    expect(means.map((m) => [m.value, m.n])).toEqual([
      [10, 1],
      [15, 2],
      [20, 3],
      [100, 1],
    ]);
  });
});

describe('Function: theilSen', () => {
  it('is the median of the pairwise slopes (hand example)', () => {
    // Prepare: slopes (1-0)=2, (2-0)=0.5, (3-0)=4/3, (2-1)=-1, (3-1)=1, (3-2)=3; sorted
    // -1, 0.5, 1, 4/3, 2, 3 -> median (1 + 4/3)/2 = 7/6 per day.
    const points = [day(0, 1), day(1, 3), day(2, 2), day(3, 5)];
    // Act
    const slope = theilSen(points)!;
    // Assess
    expect(slope.slopePerDay).toBeCloseTo(7 / 6, 12);
    expect(slope.pairs).toBe(6);
    // n = 4: C = 1.96 × sqrt(4·3·13/18) = 5.77 > N = 6, so the interval has no finite ends.
    expect(slope.confidence).toBeNull();
  });

  it('uses the real time between readings, so irregular spacing gives the true rate', () => {
    // Prepare: a steady rise of 0.5 mm Hg/day sampled at days 0, 1, 2, 10, 30.
    const points = [0, 1, 2, 10, 30].map((d) => day(d, 120 + 0.5 * d));
    // Act
    const slope = theilSen(points)!;
    // Assess
    expect(slope.slopePerDay).toBeCloseTo(0.5, 12);
  });

  it('ignores an outlier that would drag a least-squares line', () => {
    // Prepare: y = 2t exactly for ten days, with day 9 recorded as 100 instead of 18.
    const points = Array.from({ length: 10 }, (_, d) => day(d, d === 9 ? 100 : 2 * d));
    // Act
    const slope = theilSen(points)!;
    // Assess: 36 of the 45 pairwise slopes are exactly 2.
    expect(slope.slopePerDay).toBe(2);
  });

  it("gives Sen's interval from the M1-th and (M2+1)-th ordered slopes (hand example, n = 10)", () => {
    // Prepare: n = 10, N = 45 slopes; Var S = 10·9·25/18 = 125, C = 1.96 × 11.1803 = 21.913,
    // M1 = (45 - 21.913)/2 = 11.54, M2 + 1 = 34.46. With y = t except y(9) = 0, the 9 slopes to day 9,
    // -k/(9-k) for k = 0..8, are all below 1 (ranks 1-9); the other 36 are exactly 1 (ranks 10-45),
    // so both bounds fall on 1.
    const points = Array.from({ length: 10 }, (_, d) => day(d, d === 9 ? 0 : d));
    // Act
    const slope = theilSen(points)!;
    // Assess
    expect(slope.slopePerDay).toBe(1);
    expect(slope.confidence).toEqual({ level: 0.95, lower: 1, upper: 1 });
  });

  it('interpolates the lower bound between ordered slopes when M1 is fractional', () => {
    // Prepare: as above but two corrupted days (8 and 9 set to 0) make 17 slopes < 1:
    // with day 9: 0/1 (k=8, 0-0), and -k/(9-k) for k = 0..7; with day 8: -k/(8-k) for k = 0..7.
    // That is 1 + 8 + 8 = 17 slopes below 1, so ranks 11 and 12 are both below 1.
    const points = Array.from({ length: 10 }, (_, d) => day(d, d >= 8 ? 0 : d));
    const below = [
      0,
      ...[0, 1, 2, 3, 4, 5, 6, 7].flatMap((k) => [-k / (9 - k), -k / (8 - k)]),
    ].sort((a, b) => a - b);
    // Act
    const slope = theilSen(points)!;
    // Assess: lower = s(11) + 0.5433 × (s(12) - s(11)); upper rank 34.46 lies among the slopes of 1.
    const m1 = (45 - 1.96 * Math.sqrt(125)) / 2;
    expect(slope.confidence!.lower).toBeCloseTo(
      below[10]! + (m1 - 11) * (below[11]! - below[10]!),
      10,
    );
    expect(slope.confidence!.upper).toBe(1);
  });

  it('returns undefined when all readings share one instant', () => {
    expect(theilSen([day(1, 1), day(1, 2)])).toBeUndefined();
  });
});

describe('Function: trendDirection', () => {
  it('calls a trend rising or falling only when its interval excludes zero', () => {
    // Prepare
    const rising = Array.from({ length: 12 }, (_, d) => day(d, d + (d % 2 ? 0.4 : -0.4)));
    const noisy = Array.from({ length: 12 }, (_, d) => day(d, d % 2 ? 5 : -5));
    // Act / Assess
    expect(trendDirection(theilSen(rising))).toBe('rising');
    expect(trendDirection(theilSen(rising.map((p) => ({ ...p, value: -p.value }))))).toBe(
      'falling',
    );
    expect(trendDirection(theilSen(noisy))).toBe('flat');
    expect(trendDirection(theilSen([day(0, 1), day(1, 2)]))).toBe('unknown');
  });
});

describe('Function: robustBaseline', () => {
  it('is the median and 1.4826 × MAD, floored at minSigma', () => {
    // Prepare: median 3; absolute deviations 2,1,0,1,97 -> MAD 1.
    const values = [1, 2, 3, 4, 100];
    // Act / Assess
    expect(robustBaseline(values)).toEqual({ centre: 3, sigma: 1.4826 });
    expect(robustBaseline(values, 7)).toEqual({ centre: 3, sigma: 7 });
  });
});
