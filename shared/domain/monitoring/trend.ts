// Domain (monitoring): trends over irregularly sampled, time-stamped values. Pure functions: trailing
// windows, the Theil-Sen slope with Sen's distribution-free confidence interval, and robust baselines.
// Time is epoch milliseconds in, slopes per day out.

/** One time-stamped value: `t` in epoch milliseconds, `value` in the concept's unit (e.g. mm[Hg]). */
export interface TimedValue {
  t: number;
  value: number;
}

export const msPerDay = 86_400_000;

/**
 * The points in the trailing window (end - durationMs, end], oldest first. Works on any spacing:
 * a window is defined by time, never by a count of samples.
 */
export function trailingWindow<T extends TimedValue>(
  points: readonly T[],
  end: number,
  durationMs: number,
): T[] {
  return points.filter((p) => p.t > end - durationMs && p.t <= end).sort((a, b) => a.t - b.t);
}

/**
 * For each point (sorted by time), the mean of all points in its trailing window (t - durationMs, t].
 * Two pointers, O(n) after sorting. Dense bursts and long gaps both give time-faithful means.
 */
export function rollingMeans(
  points: readonly TimedValue[],
  durationMs: number,
): (TimedValue & { n: number })[] {
  const sorted = [...points].sort((a, b) => a.t - b.t);
  const out: (TimedValue & { n: number })[] = [];
  let start = 0;
  let sum = 0;
  for (const p of sorted) {
    sum += p.value;
    while (sorted[start]!.t <= p.t - durationMs) sum -= sorted[start++]!.value;
    const n = out.length + 1 - start;
    out.push({ t: p.t, value: sum / n, n });
  }
  return out;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Robust location and scale of a baseline: median and 1.4826 × MAD (the MAD scaled to estimate σ of a
 * normal distribution; Rousseeuw & Croux, JASA 1993;88:1273). `minSigma` floors the scale so a flat
 * baseline does not turn every later wobble into a signal.
 */
export function robustBaseline(
  values: readonly number[],
  minSigma = 0,
): { centre: number; sigma: number } {
  const centre = median(values);
  const mad = median(values.map((v) => Math.abs(v - centre)));
  return { centre, sigma: Math.max(1.4826 * mad, minSigma) };
}

export interface TheilSenSlope {
  /** Median of pairwise slopes, in value units per day. */
  slopePerDay: number;
  /** Median of value - slope × days, at t = 0 (epoch): mostly useful with `predict`. */
  intercept: number;
  /** Number of points and of pairwise slopes (pairs at the same instant are skipped). */
  n: number;
  pairs: number;
  /**
   * Sen's two-sided confidence interval for the slope (per day) at `level`; null when there are too
   * few points for the interval to have finite ends (about n < 7 at 95 %).
   */
  confidence: { level: number; lower: number; upper: number } | null;
}

/** Standard normal quantiles for the two-sided levels we offer. */
const zTwoSided: Readonly<Record<string, number>> = {
  '0.8': 1.2816,
  '0.9': 1.6449,
  '0.95': 1.96,
  '0.99': 2.5758,
};

/**
 * The Theil-Sen estimator (Theil 1950; Sen, JASA 1968;63:1379): the median of the slopes between every
 * pair of points, robust to up to 29 % outliers, valid for irregular spacing. The confidence interval
 * is Sen's, as given by Gilbert (Statistical Methods for Environmental Pollution Monitoring, 1987,
 * §16.5.1): C = z × sqrt(Var S), Var S = n(n-1)(2n+5)/18 (no tie correction), M1 = (N - C)/2,
 * M2 = (N + C)/2; the bounds are the M1-th and (M2+1)-th smallest of the N ordered slopes,
 * interpolated when M1, M2 are not integers. O(n²) pairs: meant for windows of up to a few thousand.
 * @param level two-sided confidence level: 0.8, 0.9, 0.95 (default) or 0.99.
 */
export function theilSen(points: readonly TimedValue[], level = 0.95): TheilSenSlope | undefined {
  const z = zTwoSided[String(level)];
  if (z === undefined) throw new RangeError('level must be one of 0.8, 0.9, 0.95, 0.99');
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dt = (points[j]!.t - points[i]!.t) / msPerDay;
      if (dt !== 0) slopes.push((points[j]!.value - points[i]!.value) / dt);
    }
  }
  if (slopes.length === 0) return undefined;
  slopes.sort((a, b) => a - b);
  const slopePerDay = median(slopes);
  const intercept = median(points.map((p) => p.value - (slopePerDay * p.t) / msPerDay));
  const n = points.length;
  const N = slopes.length;
  const c = z * Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  const m1 = (N - c) / 2;
  const m2 = (N + c) / 2;
  const confidence =
    m1 >= 1 && m2 + 1 <= N
      ? { level, lower: orderStatistic(slopes, m1), upper: orderStatistic(slopes, m2 + 1) }
      : null;
  return { slopePerDay, intercept, n, pairs: N, confidence };
}

/** The k-th smallest (1-based, fractional k interpolated) of sorted values. */
function orderStatistic(sorted: readonly number[], k: number): number {
  const lo = Math.floor(k);
  const frac = k - lo;
  const a = sorted[lo - 1]!;
  return frac === 0 ? a : a + frac * (sorted[lo]! - a);
}

/** Direction of a slope: rising or falling only when its confidence interval excludes zero. */
export function trendDirection(
  slope: TheilSenSlope | undefined,
): 'rising' | 'falling' | 'flat' | 'unknown' {
  if (!slope?.confidence) return 'unknown';
  if (slope.confidence.lower > 0) return 'rising';
  if (slope.confidence.upper < 0) return 'falling';
  return 'flat';
}
