// Training (tabular) use case: cross-validate a classical model on a labelled CSV, fit the final
// model on every labelled row, and return the model.json document and its model card. The CLI
// (`caregraph train tabular`) and the SageMaker entry point (training/train.ts) both call this.
import { basename } from 'node:path';
import { modelFormat } from '../model-format';
import type { ModelCard } from '../evaluation/model-card';
import { balancedWeightsLimit, intendedUse, standardLimits } from '../evaluation/model-card';
import { ValidationError } from '../../shared/domain/errors';
import { checkFolds, stratifiedFolds, type Fold } from '../evaluation/folds';
import type { CsvTable } from './csv';
import { defaultMissingMarkers, detectColumnTypes } from './encoding';
import { readLabels, type PositiveRule } from './labels';
import { seededRng, takeLabels } from './matrix';
import { servedKind, type TabularHyperparameters, type TabularModelName } from './models';
import { fitPipeline, logitRows, type FittedPipeline, type PipelineSpec } from './pipeline';
import {
  bootstrapResamples,
  buildReport,
  foldSummary,
  subgroupColumns,
  type CvReport,
  type FoldReport,
} from './report';

export interface TabularTrainingRequest {
  table: CsvTable;
  label: string;
  positive?: PositiveRule;
  missing?: string[];
  model: TabularModelName;
  /** Folds; default 5. */
  cv?: number;
  /**
   * Explicit cross-validation folds over the labelled rows (indices in file order after rows with
   * a missing label are left out), e.g. to share folds with another tool; overrides `cv`.
   */
  folds?: readonly Fold[];
  /** Default 42. */
  seed?: number;
  /** Columns that are not features (identifiers); the label is always excluded. */
  exclude?: string[];
  /**
   * The column whose rows belong together (e.g. one patient's admissions): cross-validation and
   * every internal split (Platt calibration, the MLP's validation split, the RBF SVM's tuning) keep
   * a group's rows in one fold, so no patient is trained on and tested on at once. Default
   * `defaultGroupColumn` (`patient`) when the table has such a column; null: rows are independent.
   * The group column is never a feature. A row with no value in it is a group of its own.
   */
  group?: string | null;
  /**
   * The feature spec version (shared/domain/features/spec.ts) the table's columns were extracted
   * under, when it came from the feature extraction: written to model.json as `featureSpec`, which
   * serving checks against the patient's features.
   */
  featureSpec?: string;
  /**
   * Whether the columns are raw features (raw.csv, the default) or the feature build's transformed
   * vector (matrix.csv): written to model.json as `featureInput` so `caregraph predict --patient`
   * fills the model from the right one.
   */
  featureInput?: 'raw' | 'vector';
  hyper?: TabularHyperparameters;
  /** Model name (SageMaker naming rule); default `{label}-{model}`. */
  name?: string;
  version?: string;
  /** When training ran (model.json createdAt). */
  trainedAt: Date;
  progress?: (line: string) => void;
}

export interface TabularTrainingResult {
  report: CvReport;
  /** model.json (caregraph-model/1) of the final model. */
  document: Record<string, unknown>;
  card: ModelCard;
  /** The final fitted pipeline (encoding, standardisation, model) behind `document`. */
  pipeline: FittedPipeline;
}

/** A SageMaker-style name from free text: letters, digits and inner hyphens, at most 63. */
export function modelName(text: string): string {
  const slug = text
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug || 'tabular-model';
}

/** The group column used when none is named: the pseudonymous id column of the feature tables. */
export const defaultGroupColumn = 'patient';

/**
 * Each table row's group id (indexed like table.rows) from column `column`: rows with the same
 * value share an id; a row whose value is missing is a group of its own (counted in `unknown`).
 */
export function rowGroups(
  table: CsvTable,
  column: string,
  missing: readonly string[],
): { groups: Int32Array; count: number; unknown: number } {
  const j = table.header.indexOf(column);
  if (j < 0)
    throw new ValidationError(
      `${table.file}: line 1: group: no column named "${column}" (name the column of one patient's rows with --group, or --group none)`,
      'group',
    );
  const markers = new Set(missing);
  const ids = new Map<string, number>();
  let [next, unknown] = [0, 0];
  const groups = Int32Array.from(table.rows, (row) => {
    const value = row[j]!.trim();
    if (markers.has(value)) {
      unknown += 1;
      return next++;
    }
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = next++));
    return id;
  });
  return { groups, count: next, unknown };
}

/** Explicit folds must keep a group whole too: ValidationError naming the first fold that does not. */
function checkFoldGroups(folds: readonly Fold[], groups: Int32Array, column: string): void {
  folds.forEach((fold, f) => {
    const held = new Set(Array.from(fold.test, (i) => groups[i]!));
    const split = fold.train.findIndex((i) => held.has(groups[i]!));
    if (split >= 0)
      throw new ValidationError(
        `folds: fold ${f + 1} holds out some rows of a ${column} and trains on others of the same ${column} (row ${fold.train[split]}); keep each ${column} in one fold, or pass group: null`,
        'folds',
      );
  });
}

function describeRule(rule: PositiveRule): string {
  return 'equals' in rule ? `= "${rule.equals}"` : '> 0';
}

/**
 * Train and evaluate. Throws ValidationError for bad input (missing column, single class, too
 * few rows for the folds), naming the file, line and column.
 */
export async function trainTabular(req: TabularTrainingRequest): Promise<TabularTrainingResult> {
  const { table, model, seed = 42, progress = () => {} } = req;
  const missing = req.missing ?? defaultMissingMarkers;
  const labels = readLabels(table, req.label, req.positive, missing);
  const groupColumn =
    req.group === undefined
      ? table.header.includes(defaultGroupColumn)
        ? defaultGroupColumn
        : undefined
      : (req.group ?? undefined);
  if (groupColumn !== undefined && groupColumn === req.label)
    throw new ValidationError(`group: the label column "${req.label}" cannot group rows`, 'group');
  const grouping = groupColumn === undefined ? undefined : rowGroups(table, groupColumn, missing);
  const exclude = [req.label, ...(groupColumn ? [groupColumn] : []), ...(req.exclude ?? [])];
  const { types, dropped } = detectColumnTypes(table, missing, exclude);
  const spec: PipelineSpec = {
    table,
    types,
    missing,
    model,
    hyper: req.hyper,
    ...(grouping ? { groups: grouping.groups } : {}),
  };
  const labelledGroups = grouping && Int32Array.from(labels.rows, (r) => grouping.groups[r]!);
  const root = seededRng(seed);
  const folds =
    req.folds ?? stratifiedFolds(labels.y, labelledGroups, req.cv ?? 5, root.fork('folds'));
  if (req.folds) checkFolds(req.folds, labels.y.length);
  if (req.folds && labelledGroups) checkFoldGroups(req.folds, labelledGroups, groupColumn!);
  const cv = folds.length;
  const oof = new Float64Array(labels.y.length);
  const foldReports: FoldReport[] = [];
  for (const [f, fold] of folds.entries()) {
    const tableRows = (ks: Int32Array) => Int32Array.from(ks, (k) => labels.rows[k]!);
    const trainY = takeLabels(labels.y, fold.train);
    const fit = await fitPipeline(spec, tableRows(fold.train), trainY, root.fork(`fold-${f}`));
    const logits = logitRows(fit, table, tableRows(fold.test));
    const p = logits.map((z) => 1 / (1 + Math.exp(-z)));
    fold.test.forEach((k, n) => (oof[k] = p[n]!));
    foldReports.push({ fold: f + 1, ...foldSummary(takeLabels(labels.y, fold.test), logits, p) });
    progress(`  fold ${f + 1}/${cv}: AUROC ${foldReports.at(-1)!.auroc.toFixed(3)}`);
  }
  const groups = subgroupColumns(table, labels.rows, missing);
  // Rows of one patient are resampled together, as they were kept in one fold.
  const report = buildReport(
    model,
    foldReports,
    labels.y,
    oof,
    groups,
    root.fork('bootstrap'),
    labelledGroups,
  );
  const final = await fitPipeline(spec, labels.rows, labels.y, root.fork('final'));
  // The fits weigh classes as balanced unless told "none"; naive Bayes has no class weights.
  const classWeight = model === 'gnb' ? undefined : (req.hyper?.classWeight ?? 'balanced');
  const name = modelName(req.name ?? `${req.label}-${model}`);
  const version = req.version ?? '1';
  const createdAt = req.trainedAt.toISOString();
  const document = {
    format: modelFormat,
    kind: servedKind[model],
    name,
    version,
    features: final.features,
    createdAt,
    standardization: final.standardization,
    threshold: servedThreshold(report.thresholds.youden.threshold),
    ...final.model.params,
    encoding: final.encoding,
    ...(req.featureSpec ? { featureSpec: req.featureSpec } : {}),
    ...(req.featureInput ? { featureInput: req.featureInput } : {}),
    training: {
      model,
      label: req.label,
      positive: labels.rule,
      seed,
      cv,
      ...(groupColumn ? { group: groupColumn } : {}),
    },
  };
  const card: ModelCard = {
    name,
    version,
    kind: servedKind[model],
    trainedAt: createdAt,
    seed,
    data: {
      source: basename(table.file),
      rows: labels.y.length,
      positives: report.pooled.positives,
      droppedRows: labels.missing,
      label: req.label,
      positive: describeRule(labels.rule),
    },
    features: {
      columns: [...types].map(([n, type]) => ({ name: n, type })),
      encoded: final.features,
    },
    metrics: {
      cv: report.cv,
      auroc: report.auroc,
      auprc: report.auprc,
      brier: report.brier,
      accuracy: report.accuracy,
      ci: report.ci,
      thresholds: report.thresholds,
      calibration: report.calibration,
    },
    subgroups: report.subgroups.map((s) => ({
      attribute: s.attribute,
      maxAurocGap: s.maxAurocGap,
      maxCalibrationGap: s.maxCalibrationGap,
      groups: s.groups.length,
    })),
    training: [
      ...(classWeight ? [`class weights: ${classWeight}`] : []),
      ...final.model.notes,
      groupColumn
        ? `cross-validation by ${groupColumn}: all rows of one ${groupColumn} in one fold (stratified group k-fold; ${grouping!.count} groups${grouping!.unknown ? `, of which ${grouping!.unknown} rows with no ${groupColumn} each on their own` : ''})`
        : 'cross-validation by row: rows are taken as independent (no group column)',
      groupColumn
        ? `95% intervals: cluster bootstrap by ${groupColumn} (${bootstrapResamples} resamples of whole ${groupColumn}s, each with all its rows)`
        : `95% intervals: bootstrap by row (${bootstrapResamples} resamples of rows)`,
      ...(req.featureSpec ? [`features extracted under spec ${req.featureSpec}`] : []),
      ...(dropped.length
        ? [`columns left out (no values, or identifiers): ${dropped.join(', ')}`]
        : []),
    ],
    intendedUse,
    limits: classWeight === 'balanced' ? [...standardLimits, balancedWeightsLimit] : standardLimits,
  };
  return { report, document, card, pipeline: final };
}

/**
 * The threshold a served prediction's `label` uses: the out-of-fold Youden threshold (the probability
 * maximising sensitivity + specificity - 1; Youden 1950), which the model card reports with its
 * sensitivity and specificity. With calibrated probabilities of a rare outcome a fixed 0.5 would label
 * almost nobody positive. A threshold at an edge of (0, 1), which the model format refuses (a fold
 * that separated perfectly, or a constant score), falls back to 0.5. Project choice; the probability
 * itself is what the API serves first.
 */
export function servedThreshold(youden: number): number {
  return youden > 0 && youden < 1 ? youden : 0.5;
}
