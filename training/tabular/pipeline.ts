// Training (tabular): one fitted pipeline — encoding (imputation, one-hot, indicators) and
// standardisation fitted on the training rows only, then the model — and its scoring of new rows
// through the same scorer serve.ts uses.
import type { Rng } from '../../shared/domain/synth/rng';
import type { CsvTable } from './csv';
import {
  continuousFeatures,
  encodeRows,
  featureNames,
  fitEncoding,
  type ColumnType,
  type Encoding,
} from './encoding';
import { matrix, type Matrix } from './matrix';
import {
  fitTabular,
  type FittedTabular,
  type TabularHyperparameters,
  type TabularModelName,
} from './models';
import { fitStandardization, standardize, type Standardization } from './standardization';

export interface FittedPipeline {
  encoding: Encoding;
  features: string[];
  standardization: Standardization;
  model: FittedTabular;
}

export interface PipelineSpec {
  table: CsvTable;
  types: ReadonlyMap<string, ColumnType>;
  missing: readonly string[];
  model: TabularModelName;
  hyper?: TabularHyperparameters;
  /**
   * Each table row's group (e.g. its patient), indexed like table.rows: the model's internal
   * splits keep a group's rows together (matrix.ts `LabelledMatrix.groups`). Undefined: rows are
   * independent.
   */
  groups?: Int32Array;
}

/** Fit encoding, standardisation and model on `rows` (indices into table.rows) with labels `y`. */
export async function fitPipeline(
  spec: PipelineSpec,
  rows: Int32Array,
  y: Uint8Array,
  rng: Rng,
): Promise<FittedPipeline> {
  const encoding = fitEncoding(spec.table, spec.types, spec.missing, rows);
  const x = encodeRows(spec.table, encoding, rows);
  const standardization = fitStandardization(x, continuousFeatures(encoding));
  const groups = spec.groups;
  const model = await fitTabular(
    spec.model,
    {
      x: standardize(x, standardization),
      y,
      ...(groups ? { groups: Int32Array.from(rows, (r) => groups[r]!) } : {}),
    },
    rng,
    spec.hyper,
  );
  return { encoding, features: featureNames(encoding), standardization, model };
}

/** Standardise raw feature rows and return the model's log-odds of the positive class for each. */
export function logitMatrix(
  fit: Pick<FittedPipeline, 'standardization' | 'model'>,
  x: Matrix,
): Float64Array {
  const { mean, std } = fit.standardization;
  const z = new Float64Array(x.cols);
  return Float64Array.from({ length: x.rows }, (_v, i) => {
    for (let j = 0; j < x.cols; j += 1) z[j] = (x.data[i * x.cols + j]! - mean[j]!) / std[j]!;
    return fit.model.scorer.logit(z);
  });
}

/** Standardise raw feature rows and return the positive-class probability of each. */
export function scoreMatrix(
  fit: Pick<FittedPipeline, 'standardization' | 'model'>,
  x: Matrix,
): Float64Array {
  return logitMatrix(fit, x).map((f) => 1 / (1 + Math.exp(-f)));
}

/** Log-odds for rows of `table` (indices into table.rows). */
export function logitRows(fit: FittedPipeline, table: CsvTable, rows: Int32Array): Float64Array {
  return logitMatrix(
    fit,
    rows.length ? encodeRows(table, fit.encoding, rows) : matrix(0, fit.features.length),
  );
}

/** Probabilities for rows of `table` (indices into table.rows). */
export function scoreRows(fit: FittedPipeline, table: CsvTable, rows: Int32Array): Float64Array {
  return logitRows(fit, table, rows).map((f) => 1 / (1 + Math.exp(-f)));
}
