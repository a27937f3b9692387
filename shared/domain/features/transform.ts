// Domain (features): raw feature values -> the numeric vector a model consumes. Fitted on training
// rows only and saved with the model, so serving applies exactly the training-time medians, modes,
// means and standard deviations. Imputation per feature:
// - numeric (age, vitals, labs): the training median; "latest" values are already the last
//   observation carried forward within the feature's window (extract.ts), never beyond it;
// - categorical (sex, race, ethnicity, smoking): the training mode when missing; a value never seen
//   in training (or outside the spec's levels) goes to the `unknown` bucket;
// - flags (conditions, medication classes, missingness indicators): absent means 0, by definition.
// Numeric features are then standardised (z = (x - mean) / sd, sd of the imputed training values).
import { ValidationError } from '../errors';
import type { RawFeatureVector } from './extract';
import {
  categoricalFeatures,
  featureSpecVersion,
  flagFeatureNames,
  numericFeatureNames,
} from './spec';

export interface FittedTransform {
  specVersion: string;
  rows: number;
  numeric: Record<string, { median: number; mean: number; sd: number }>;
  categorical: Record<string, { levels: string[]; mode: string }>;
  /** Output vector names, in order. */
  names: string[];
}

export interface TransformedVector {
  names: string[];
  values: number[];
  /** Raw feature names whose value was imputed for this vector. */
  imputed: string[];
}

const unknown = 'unknown';

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Fit imputation, scaling and encoding parameters on training vectors (at least one). */
export function fitTransform(training: readonly RawFeatureVector[]): FittedTransform {
  if (!training.length) throw new ValidationError('cannot fit features on zero patients', 'rows');
  for (const v of training)
    if (v.specVersion !== featureSpecVersion)
      throw new ValidationError(
        `vector built under ${v.specVersion}, expected ${featureSpecVersion}`,
        'specVersion',
      );
  const numeric: FittedTransform['numeric'] = {};
  for (const name of numericFeatureNames()) {
    const seen = training
      .map((v) => v.features[name]?.value)
      .filter((x): x is number => typeof x === 'number');
    const m = median(seen);
    const filled = training.map((v) => {
      const x = v.features[name]?.value;
      return typeof x === 'number' ? x : m;
    });
    const mean = filled.reduce((a, b) => a + b, 0) / filled.length;
    const variance = filled.reduce((a, b) => a + (b - mean) ** 2, 0) / filled.length;
    // A constant feature keeps sd 1 so it scales to 0 rather than dividing by zero.
    numeric[name] = { median: m, mean, sd: Math.sqrt(variance) || 1 };
  }
  const categorical: FittedTransform['categorical'] = {};
  for (const [name, levels] of Object.entries(categoricalFeatures)) {
    const counts = new Map<string, number>();
    for (const v of training) {
      const x = v.features[name]?.value;
      if (typeof x === 'string' && levels.includes(x)) counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    // Ties break by the spec's level order, so the same training data always gives the same mode.
    const mode =
      [...levels].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0] ?? unknown;
    categorical[name] = { levels: [...levels], mode: counts.size ? mode : unknown };
  }
  const names = [
    ...numericFeatureNames(),
    ...flagFeatureNames(),
    ...Object.entries(categoricalFeatures).flatMap(([n, levels]) =>
      [...levels, unknown].map((l) => `${n}=${l}`),
    ),
  ];
  return { specVersion: featureSpecVersion, rows: training.length, numeric, categorical, names };
}

/** Apply a fitted transform to one raw vector: impute, winsorised values scale, categoricals one-hot. */
export function applyTransform(t: FittedTransform, raw: RawFeatureVector): TransformedVector {
  if (raw.specVersion !== t.specVersion)
    throw new ValidationError(
      `vector built under ${raw.specVersion}, the transform expects ${t.specVersion}`,
      'specVersion',
    );
  const values: number[] = [];
  const imputed: string[] = [];
  for (const [name, p] of Object.entries(t.numeric)) {
    const x = raw.features[name]?.value;
    if (typeof x !== 'number') imputed.push(name);
    values.push(((typeof x === 'number' ? x : p.median) - p.mean) / p.sd);
  }
  for (const name of flagFeatureNames()) values.push(raw.features[name]?.value === 1 ? 1 : 0);
  for (const [name, p] of Object.entries(t.categorical)) {
    const x = raw.features[name]?.value;
    let level: string;
    if (typeof x !== 'string' || x === '') {
      imputed.push(name);
      level = p.mode;
    } else level = p.levels.includes(x) ? x : unknown;
    for (const l of [...p.levels, unknown]) values.push(l === level ? 1 : 0);
  }
  return { names: t.names, values, imputed };
}

/** Label encoding of a categorical value: its level index, or the `unknown` bucket (= levels.length). */
export function labelEncode(t: FittedTransform, name: string, value: string | null): number {
  const p = t.categorical[name];
  if (!p) throw new ValidationError(`${name} is not a categorical feature`, name);
  const level = value ?? p.mode;
  const index = p.levels.indexOf(level);
  return index === -1 ? p.levels.length : index;
}
