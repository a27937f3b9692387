// The one-row table `caregraph predict --patient` scores: a stored patient's features (GET
// /patients/{id}/features) laid out under the column names a model was trained on. A model trained on
// the feature build's matrix.csv takes the transformed vector (z-scored numbers, `sex=female`, ...);
// one trained on raw.csv or another raw extract takes the raw features. The vector names its numeric
// features by their raw names, so the names cannot tell the two apart: `auto` asks the model, which
// records `featureInput` at training (model.json); a model from before that is taken as trained on
// the vector only when it has a one-hot column of the vector (`sex=female`; no raw feature's name
// has "="). A column the chosen source does not have is an error naming it.
import { ConfigurationError, ValidationError } from '../../../shared/domain/errors';
import type { PatientFeatures } from '../../../shared/domain/features/build';
import type { CsvTable } from '../../../training/tabular/csv';
import type { Encoding } from '../../../training/tabular/encoding';

export type FeatureSource = 'auto' | 'vector' | 'raw';

/** Cells as the CSV reader would give them: numbers in full precision, missing as "". */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
}

function vectorColumns(features: PatientFeatures): Map<string, string> {
  const v = features.vector;
  return new Map(v ? v.names.map((n, i) => [n, cell(v.values[i])]) : []);
}

function rawColumns(features: PatientFeatures): Map<string, string> {
  return new Map(Object.entries(features.features).map(([n, f]) => [n, cell(f.value)]));
}

/** What model.json says of the model's inputs (training/model-format.ts LoadedModel). */
export interface ModelInputs {
  /** raw (raw.csv) or vector (matrix.csv), recorded at training; absent for older models. */
  featureInput?: 'raw' | 'vector';
  /** The feature spec the model was trained under, when it records one. */
  featureSpec?: string;
}

/** The source `auto` takes for a model: what it records, else vector only for one-hot columns. */
export function modelFeatureSource(encoding: Encoding, model: ModelInputs = {}): 'vector' | 'raw' {
  if (model.featureInput) return model.featureInput;
  return encoding.columns.some((c) => c.name.includes('=')) ? 'vector' : 'raw';
}

/**
 * The patient's features as a one-row table for `encodeRows`, from the source `source` names (or,
 * for `auto`, the one the model was trained on, `modelFeatureSource`). Throws ValidationError naming
 * the model columns the patient's features lack, and ConfigurationError naming both versions when
 * the model records a feature spec other than the one the patient's features were built under.
 */
export function patientRow(
  features: PatientFeatures,
  encoding: Encoding,
  source: FeatureSource = 'auto',
  model: ModelInputs = {},
): { table: CsvTable; source: 'vector' | 'raw' } {
  if (model.featureSpec !== undefined && model.featureSpec !== features.specVersion) {
    throw new ConfigurationError(
      `the model was trained on features of spec ${model.featureSpec}, but patient ${features.patient}'s stored features are of spec ${features.specVersion}: retrain the model, or rebuild the features under its spec`,
    );
  }
  const needed = encoding.columns.map((c) => c.name);
  const vector = vectorColumns(features);
  const chosen = source === 'auto' ? modelFeatureSource(encoding, model) : source;
  const columns = chosen === 'vector' ? vector : rawColumns(features);
  if (chosen === 'vector' && vector.size === 0) {
    throw new ValidationError(
      `patient ${features.patient}: no model-ready vector (the hospital's transform is not fitted; run \`caregraph features --build\`)`,
      'vector',
    );
  }
  const absent = needed.filter((n) => !columns.has(n));
  if (absent.length) {
    throw new ValidationError(
      `patient ${features.patient}: the model needs ${absent.length} column(s) the ${chosen} features (spec ${features.specVersion}) do not have: ${absent.slice(0, 5).join(', ')}${absent.length > 5 ? ', ...' : ''}`,
      absent[0]!,
    );
  }
  return {
    table: {
      file: `patient ${features.patient} (${chosen} features, spec ${features.specVersion})`,
      header: needed,
      rows: [needed.map((n) => columns.get(n)!)],
      lines: [1],
    },
    source: chosen,
  };
}
