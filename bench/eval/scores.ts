// Evaluation helpers shared by the suites: precision/recall/F1 from counts, metric-name prefixes and
// the four-decimal rounding every eval result uses.

/** Rounded to four decimals, as every eval metric is reported. */
export const round4 = (x: number): number => Number(x.toFixed(4));

/** Micro precision, recall and F1 from true-positive, false-positive and false-negative counts. */
export function prf(tp: number, fp: number, fn: number): Record<string, number> {
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return {
    precision: round4(p),
    recall: round4(r),
    f1: round4(p + r === 0 ? 0 : (2 * p * r) / (p + r)),
  };
}

/** The same metrics with `prefix.` before each name. */
export function prefixed(prefix: string, values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [`${prefix}.${k}`, v]));
}
