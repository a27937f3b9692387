// Evaluation: performance by subgroup (sex, age band, race/ethnicity), to surface gaps a single
// overall figure hides (reporting asked for by TRIPOD+AI, Collins GS et al. BMJ 2024;385:e078378). Groups
// smaller than `minGroupSize` or without both classes are reported but left out of the gap.
import { auroc, brierScore } from './metrics';

/** Age bands in years: < 40, 40-59, 60-74, >= 75. */
export const ageBands: readonly [number, string][] = [
  [40, '<40'],
  [60, '40-59'],
  [75, '60-74'],
  [Infinity, '75+'],
];

export function ageBand(age: number): string {
  return ageBands.find(([upper]) => age < upper)![1];
}

export interface GroupMetrics {
  group: string;
  n: number;
  positives: number;
  prevalence: number;
  auroc: number;
  brier: number;
  meanPredicted: number;
}

export interface SubgroupReport {
  attribute: string;
  groups: GroupMetrics[];
  /** Largest AUROC difference between eligible groups (NaN when fewer than two are eligible). */
  maxAurocGap: number;
  /** Largest calibration-in-the-large difference (mean predicted - prevalence) between groups. */
  maxCalibrationGap: number;
}

/** Metrics per value of `groups` (one label per row; undefined rows are skipped). */
export function subgroupReport(
  attribute: string,
  groups: readonly (string | undefined)[],
  y: Uint8Array,
  p: Float64Array,
  minGroupSize = 30,
): SubgroupReport {
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => {
    if (g === undefined) return;
    const rows = members.get(g) ?? [];
    rows.push(i);
    members.set(g, rows);
  });
  const metrics = [...members]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([group, rows]): GroupMetrics => {
      const gy = Uint8Array.from(rows, (i) => y[i]!);
      const gp = Float64Array.from(rows, (i) => p[i]!);
      const positives = gy.reduce((s, v) => s + v, 0);
      return {
        group,
        n: rows.length,
        positives,
        prevalence: positives / rows.length,
        auroc: auroc(gy, gp),
        brier: brierScore(gy, gp),
        meanPredicted: gp.reduce((s, v) => s + v, 0) / rows.length,
      };
    });
  const eligible = metrics.filter((g) => g.n >= minGroupSize && Number.isFinite(g.auroc));
  const spread = (values: number[]) =>
    values.length >= 2 ? Math.max(...values) - Math.min(...values) : Number.NaN;
  return {
    attribute,
    groups: metrics,
    maxAurocGap: spread(eligible.map((g) => g.auroc)),
    maxCalibrationGap: spread(eligible.map((g) => g.meanPredicted - g.prevalence)),
  };
}
