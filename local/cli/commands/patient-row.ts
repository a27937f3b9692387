// The one-row table `caregraph predict --patient` scores: a stored patient's features (GET
// /patients/{id}/features) laid out under the column names a model was trained on. A model trained on
// the feature build's matrix.csv names transformed columns (`age`, `sex=female`, ...); one trained on
// a raw extract names raw features. `auto` takes the transformed vector when it has every column the
// model needs, else the raw features; a column found in neither is an error naming it.
import { ValidationError } from '../../../shared/domain/errors';
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

/**
 * The patient's features as a one-row table for `encodeRows`, from the source `source` names (or the
 * one `auto` picks). Throws ValidationError naming the model columns the patient's features lack.
 */
export function patientRow(
  features: PatientFeatures,
  encoding: Encoding,
  source: FeatureSource = 'auto',
): { table: CsvTable; source: 'vector' | 'raw' } {
  const needed = encoding.columns.map((c) => c.name);
  const vector = vectorColumns(features);
  const chosen =
    source === 'auto'
      ? vector.size > 0 && needed.every((n) => vector.has(n))
        ? 'vector'
        : 'raw'
      : source;
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
