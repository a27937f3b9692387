// Evaluation: percentile bootstrap 95% confidence intervals (Efron & Tibshirani, An Introduction to
// the Bootstrap, 1993, ch. 13), resampling rows with replacement from a seeded stream. Resamples
// with a single class (AUROC undefined) are skipped and counted.
import type { Rng } from '../../shared/domain/synth/rng';

export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}

/** p-quantile of sorted values by linear interpolation (numpy's default "linear" method). */
function quantile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * 95% percentile intervals of each metric over `resamples` bootstrap resamples of (y, p).
 * `metrics` maps a name to a function of (y, p); the estimate is the metric on the full data.
 */
export function bootstrapIntervals(
  y: Uint8Array,
  p: Float64Array,
  metrics: Record<string, (y: Uint8Array, p: Float64Array) => number>,
  rng: Rng,
  resamples = 200,
): Record<string, Interval> {
  const names = Object.keys(metrics);
  const draws = names.map(() => [] as number[]);
  const ys = new Uint8Array(y.length);
  const ps = new Float64Array(p.length);
  for (let r = 0; r < resamples; r += 1) {
    let ones = 0;
    for (let k = 0; k < y.length; k += 1) {
      const i = Math.floor(rng.next() * y.length);
      ys[k] = y[i]!;
      ps[k] = p[i]!;
      ones += y[i]!;
    }
    if (ones === 0 || ones === y.length) continue;
    names.forEach((name, m) => draws[m]!.push(metrics[name]!(ys, ps)));
  }
  return Object.fromEntries(
    names.map((name, m) => {
      const sorted = Float64Array.from(draws[m]!).sort();
      return [
        name,
        {
          estimate: metrics[name]!(y, p),
          lower: quantile(sorted, 0.025),
          upper: quantile(sorted, 0.975),
        },
      ];
    }),
  );
}
