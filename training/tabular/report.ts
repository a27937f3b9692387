// Training (tabular): the cross-validation report — per-fold and mean AUROC, AUPRC, Brier and
// accuracy (the `caregraph train tabular --json` contract), plus pooled out-of-fold bootstrap CIs,
// calibration, confusion matrices at 0.5 and at the Youden threshold, and subgroup gaps.
import type { Rng } from '../../shared/domain/synth/rng';
import { bootstrapIntervals, type Interval } from '../evaluation/bootstrap';
import {
  auroc,
  averagePrecision,
  brierScore,
  calibrationCurve,
  confusionMatrix,
  summarize,
  youdenThreshold,
  type CalibrationBin,
  type ConfusionMatrix,
  type DiscriminationSummary,
} from '../evaluation/metrics';
import { ageBand, subgroupReport, type SubgroupReport } from '../evaluation/subgroups';
import type { CsvTable } from './csv';

export interface FoldReport extends DiscriminationSummary {
  fold: number;
}

export interface CvReport {
  model: string;
  cv: number;
  /** Means over folds. */
  auroc: number;
  auprc: number;
  brier: number;
  accuracy: number;
  folds: FoldReport[];
  /** Metrics of the pooled out-of-fold predictions, with 95% bootstrap intervals. */
  pooled: DiscriminationSummary;
  ci: Record<'auroc' | 'auprc' | 'brier', Interval>;
  calibration: CalibrationBin[];
  thresholds: { default: ConfusionMatrix; youden: ConfusionMatrix };
  subgroups: SubgroupReport[];
}

/** Resamples behind each 95% interval. */
export const bootstrapResamples = 200;

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/** Columns treated as subgroup attributes, by name (any case). */
const sexColumn = /^(sex|gender)$/i;
const raceColumn = /(race|ethnic)/i;
const ageColumn = /^age(_?years)?$/i;

/** Subgroup attribute per row (sex, age band, race/ethnicity) for the columns the table has. */
export function subgroupColumns(
  table: CsvTable,
  rows: Int32Array,
  missing: readonly string[],
): Map<string, (string | undefined)[]> {
  const out = new Map<string, (string | undefined)[]>();
  const markers = new Set(missing);
  table.header.forEach((name, j) => {
    const raw = Array.from(rows, (i) => table.rows[i]![j]!.trim());
    const value = (v: string) => (markers.has(v) ? undefined : v);
    if (sexColumn.test(name) || raceColumn.test(name)) out.set(name, raw.map(value));
    else if (ageColumn.test(name)) {
      out.set(
        `${name} band`,
        raw.map((v) =>
          markers.has(v) || !Number.isFinite(Number(v)) ? undefined : ageBand(Number(v)),
        ),
      );
    }
  });
  return out;
}

/**
 * One fold's metrics. AUROC and AUPRC rank the log-odds, not the probabilities: a probability
 * rounds to exactly 1 in float64 once the log-odds pass about 36.7, which would tie confident rows
 * (Gaussian naive Bayes reaches such odds routinely) and move the AUROC by a few hundredths.
 */
export function foldSummary(
  y: Uint8Array,
  logits: Float64Array,
  p: Float64Array,
): DiscriminationSummary {
  return { ...summarize(y, p), auroc: auroc(y, logits), auprc: averagePrecision(y, logits) };
}

/**
 * Build the report from per-fold summaries and pooled out-of-fold probabilities. `clusters` (each
 * row's group id, e.g. its patient's): the intervals resample whole groups (cluster bootstrap,
 * evaluation/bootstrap.ts), as rows of one patient are not independent; without, rows.
 */
export function buildReport(
  model: string,
  folds: FoldReport[],
  y: Uint8Array,
  p: Float64Array,
  groups: Map<string, (string | undefined)[]>,
  rng: Rng,
  clusters?: Int32Array,
): CvReport {
  const ci = bootstrapIntervals(
    y,
    p,
    { auroc, auprc: averagePrecision, brier: brierScore },
    rng,
    bootstrapResamples,
    clusters,
  ) as CvReport['ci'];
  return {
    model,
    cv: folds.length,
    auroc: mean(folds.map((f) => f.auroc)),
    auprc: mean(folds.map((f) => f.auprc)),
    brier: mean(folds.map((f) => f.brier)),
    accuracy: mean(folds.map((f) => f.accuracy)),
    folds,
    pooled: summarize(y, p),
    ci,
    calibration: calibrationCurve(y, p, 10),
    thresholds: {
      default: confusionMatrix(y, p, 0.5),
      youden: confusionMatrix(y, p, youdenThreshold(y, p)),
    },
    subgroups: [...groups].map(([attribute, values]) => subgroupReport(attribute, values, y, p)),
  };
}
