// Evaluation: percentile bootstrap 95% confidence intervals (Efron & Tibshirani, An Introduction to
// the Bootstrap, 1993, ch. 13), resampling rows with replacement from a seeded stream. Resamples
// with a single class (AUROC undefined) are skipped and counted.
//
// With `groups` (several rows per patient), the cluster bootstrap: whole groups are resampled with
// replacement and every row of a drawn group enters the resample (Davison & Hinkley, Bootstrap
// Methods and their Application, 1997, section 3.8; Field & Welsh, J R Stat Soc B 69:369-390,
// 2007). A patient's rows are not independent; resampling them as if they were treats k copies of
// one patient as k patients' evidence and gives intervals that are too narrow.
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

/** The rows of each group, in first-seen order: groups[i] is row i's group id. */
function rowsByGroup(groups: Int32Array): Int32Array[] {
  const index = new Map<number, number[]>();
  groups.forEach((g, i) => {
    const rows = index.get(g);
    if (rows) rows.push(i);
    else index.set(g, [i]);
  });
  return [...index.values()].map((rows) => Int32Array.from(rows));
}

/**
 * 95% percentile intervals of each metric over `resamples` bootstrap resamples of (y, p).
 * `metrics` maps a name to a function of (y, p); the estimate is the metric on the full data.
 * `groups` (row i's group id, e.g. its patient's): resample groups, not rows (cluster bootstrap).
 */
export function bootstrapIntervals(
  y: Uint8Array,
  p: Float64Array,
  metrics: Record<string, (y: Uint8Array, p: Float64Array) => number>,
  rng: Rng,
  resamples = 200,
  groups?: Int32Array,
): Record<string, Interval> {
  if (groups && groups.length !== y.length)
    throw new RangeError(`bootstrap: ${groups.length} group ids for ${y.length} rows`);
  const names = Object.keys(metrics);
  const draws = names.map(() => [] as number[]);
  // Groups of one row each would give exactly the row bootstrap's resamples.
  const clusters = groups ? rowsByGroup(groups) : undefined;
  // A resample of groups holds as many groups as the data, and so a varying number of rows: the
  // buffers grow when one needs more.
  let ys = new Uint8Array(y.length);
  let ps = new Float64Array(p.length);
  const room = (n: number) => {
    if (n <= ys.length) return;
    const size = Math.max(n, ys.length * 2);
    const [grownY, grownP] = [new Uint8Array(size), new Float64Array(size)];
    grownY.set(ys);
    grownP.set(ps);
    [ys, ps] = [grownY, grownP];
  };
  const units = clusters ? clusters.length : y.length;
  for (let r = 0; r < resamples; r += 1) {
    let ones = 0;
    let n = 0;
    for (let k = 0; k < units; k += 1) {
      const u = Math.floor(rng.next() * units);
      if (!clusters) {
        ys[n] = y[u]!;
        ps[n++] = p[u]!;
        ones += y[u]!;
        continue;
      }
      room(n + clusters[u]!.length);
      for (const i of clusters[u]!) {
        ys[n] = y[i]!;
        ps[n++] = p[i]!;
        ones += y[i]!;
      }
    }
    if (ones === 0 || ones === n) continue;
    const ry = ys.subarray(0, n);
    const rp = ps.subarray(0, n);
    names.forEach((name, m) => draws[m]!.push(metrics[name]!(ry, rp)));
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
