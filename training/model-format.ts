// Training/serving boundary: the on-disk model directory format `caregraph-model/1` and the
// registry that turns a validated model.json into a predictor. train.ts writes this format;
// serve.ts loads models only through here. New model kinds plug into `modelKinds` with their own
// zod schema and predictor factory; the tabular kinds (gnb, linear-svm, rbf-svm, mlp) are scored
// in plain TypeScript by tabular/served-kinds.ts.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../shared/domain/errors';
import { encodeRows, encodingSchema, featureNames, type Encoding } from './tabular/encoding';
import {
  gnbKind,
  linearScorer,
  linearSvmKind,
  mlpKind,
  rbfSvmKind,
  type Scorer,
  type TabularKind,
} from './tabular/served-kinds';

export const modelFormat = 'caregraph-model/1';
export const modelFileName = 'model.json';

/** SageMaker endpoint (and model) name rule: 1-63 characters, letters, digits and inner hyphens. */
export const endpointNamePattern = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

/** One prediction for one instance: probability of the positive class in [0, 1] and its label. */
export interface Prediction {
  probability: number;
  label: 0 | 1;
}

/** Predicts for rows of raw feature values, each row in the model's `features` order. */
export type PredictRows = (rows: readonly (readonly number[])[]) => Prediction[];

/** One feature's additive share of a prediction's log-odds. */
export interface Contribution {
  feature: string;
  contribution: number;
}

/**
 * Per-feature log-odds contributions for one raw (unstandardised) row, in `features` order:
 * coefficient x standardised value for the linear kinds, the log-likelihood-ratio term for naive
 * Bayes, gradient x input for the RBF SVM and the MLP.
 */
export type Explainer = (row: readonly number[]) => Contribution[];

/** A model read from disk and ready to predict. */
export interface LoadedModel {
  name: string;
  version: string;
  kind: string;
  features: readonly string[];
  createdAt: string;
  predict: PredictRows;
  /** How raw columns become `features` (saved by `caregraph train tabular`); absent otherwise. */
  encoding?: Encoding;
  /** Present for the kinds whose log-odds can be split by feature (every tabular kind). */
  explain?: Explainer;
  /** The population the model was trained on: allowed ranges of raw columns (or features). */
  population?: Population;
  /** What the positive class is: the outcome the labels stand for, over which horizon. */
  outcome?: ModelOutcome;
  /**
   * The feature spec version (shared/domain/features/spec.ts) the model's columns were extracted
   * under, when it was trained on the feature extraction's output; absent for older models and
   * models trained on other CSVs.
   */
  featureSpec?: string;
  /** raw: trained on raw features (raw.csv); vector: on a feature build's transformed matrix.csv. */
  featureInput?: 'raw' | 'vector';
  /**
   * The model card written beside model.json (`model-card.json`, training/evaluation/model-card.ts),
   * when there is one: what a describe invocation answers with.
   */
  card?: Record<string, unknown>;
  /** Why `model-card.json` was not read (not JSON, not an object): the model still serves. */
  cardProblem?: string;
}

/** The model card's file beside model.json. */
export const modelCardFileName = 'model-card.json';

/**
 * The outcome a model estimates the probability of, as its training labels define it (e.g. the
 * derived labels' definition, shared/domain/features/derived-labels.ts), and over how many days
 * after the moment the features describe.
 */
export interface ModelOutcome {
  definition: string;
  horizonDays?: number;
}

/** Allowed range of each named column, inclusive (e.g. `{ "age_years": { "min": 40, "max": 79 } }`). */
export type Population = Record<string, { min?: number; max?: number }>;

/** A value outside the model's population (or unknown, so the population cannot be confirmed). */
export interface OutsidePopulation {
  column: string;
  value: number | string | boolean | null;
  min?: number;
  max?: number;
}

/** Builds a predictor from a model.json document whose header says it is of this kind. */
export type ModelFactory = (document: unknown, source: string) => PredictRows;

/** Render a zod issue path as a JSON path: `['instances', 0, 'age']` -> `instances[0].age`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Parse with a zod schema; on failure throw a ValidationError naming the first field at fault. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  source: string,
  pathPrefix: readonly PropertyKey[] = [],
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [first, ...rest] = parsed.error.issues;
  const path = jsonPath([...pathPrefix, ...(first?.path ?? [])]) || source;
  const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
  throw new ValidationError(`${source}: ${path}: ${first?.message ?? 'invalid'}${more}`, path);
}

/** Wrap a kind's schema and predictor constructor as a registry entry. */
export function modelFactory<S extends z.ZodType>(
  schema: S,
  create: (document: z.output<S>) => PredictRows,
): ModelFactory {
  return (document, source) => create(parseOrThrow(schema, document, source));
}

const headerSchema = z.object({
  format: z.literal(modelFormat),
  kind: z.string().min(1),
  name: z.string().regex(endpointNamePattern, 'must be a SageMaker-style name (a-z, 0-9, -)'),
  version: z.string().min(1),
  features: z
    .array(z.string().min(1))
    .min(1)
    .refine((names) => new Set(names).size === names.length, 'feature names must be unique'),
  createdAt: z.iso.datetime({ offset: true }),
});

const logisticRegressionSchema = headerSchema
  .extend({
    kind: z.literal('logistic-regression'),
    standardization: z
      .object({ mean: z.array(z.number()), std: z.array(z.number().positive()) })
      .optional(),
    coefficients: z.array(z.number()),
    intercept: z.number(),
    threshold: z.number().gt(0).lt(1).default(0.5),
  })
  .superRefine((model, ctx) => {
    const n = model.features.length;
    const sized: [PropertyKey[], readonly number[] | undefined][] = [
      [['coefficients'], model.coefficients],
      [['standardization', 'mean'], model.standardization?.mean],
      [['standardization', 'std'], model.standardization?.std],
    ];
    for (const [path, values] of sized) {
      if (values !== undefined && values.length !== n) {
        ctx.addIssue({ code: 'custom', path, message: `expected ${n} values, one per feature` });
      }
    }
  });

export type LogisticRegressionModel = z.output<typeof logisticRegressionSchema>;

/** Logistic function 1 / (1 + e^-z), in (0, 1); e^-z overflowing to Infinity still gives 0. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Logistic regression: p = sigmoid(intercept + sum_i coefficients[i] * (x[i] - mean[i]) / std[i]),
 * where x is in the units the model was trained on (as listed in `features`) and standardization
 * is skipped when absent. Label is 1 when p >= threshold (default 0.5).
 */
export function logisticRegressionPredictor(model: LogisticRegressionModel): PredictRows {
  const { coefficients, intercept, threshold, features } = model;
  const mean = model.standardization?.mean ?? coefficients.map(() => 0);
  const std = model.standardization?.std ?? coefficients.map(() => 1);
  return (rows) =>
    rows.map((row, r) => {
      if (row.length !== features.length) {
        throw new ValidationError(
          `instances[${r}]: expected ${features.length} values (${features.join(', ')}), got ${row.length}`,
          `instances[${r}]`,
        );
      }
      let z = intercept;
      for (let i = 0; i < features.length; i += 1) {
        z += (coefficients[i] ?? 0) * (((row[i] ?? 0) - (mean[i] ?? 0)) / (std[i] ?? 1));
      }
      const probability = sigmoid(z);
      return { probability, label: probability >= threshold ? 1 : 0 };
    });
}

interface TabularHeader {
  features: string[];
  standardization?: { mean: number[]; std: number[] } | undefined;
  threshold: number;
}

/**
 * Predictor for a tabular kind: standardise each row with the saved mean/std, take the kind's
 * log-odds, p = sigmoid(log-odds), label 1 when p >= threshold.
 */
export function tabularPredictor(model: TabularHeader, scorer: Scorer): PredictRows {
  const n = model.features.length;
  const mean = model.standardization?.mean ?? new Array<number>(n).fill(0);
  const std = model.standardization?.std ?? new Array<number>(n).fill(1);
  const x = new Float64Array(n);
  return (rows) =>
    rows.map((row, r) => {
      if (row.length !== n) {
        throw new ValidationError(
          `instances[${r}]: expected ${n} values (${model.features.join(', ')}), got ${row.length}`,
          `instances[${r}]`,
        );
      }
      for (let j = 0; j < n; j += 1) x[j] = ((row[j] ?? 0) - (mean[j] ?? 0)) / (std[j] ?? 1);
      const probability = sigmoid(scorer.logit(x));
      return { probability, label: probability >= model.threshold ? 1 : 0 };
    });
}

/** A registry entry for a tabular kind: header + standardization + threshold + the kind's fields. */
function tabularFactory<T>(kind: string, spec: TabularKind<T>): ModelFactory {
  const schema = headerSchema
    .extend({
      kind: z.literal(kind),
      standardization: logisticRegressionSchema.shape.standardization,
      threshold: z.number().gt(0).lt(1).default(0.5),
      ...spec.fields,
    })
    .superRefine((model, ctx) => {
      const n = model.features.length;
      for (const key of ['mean', 'std'] as const) {
        if (model.standardization && model.standardization[key].length !== n) {
          const path = ['standardization', key];
          ctx.addIssue({ code: 'custom', path, message: `expected ${n} values, one per feature` });
        }
      }
      for (const issue of spec.sizes(model as unknown as T, n)) {
        ctx.addIssue({ code: 'custom', ...issue });
      }
    });
  return modelFactory(schema, (model) =>
    tabularPredictor(model as TabularHeader, spec.scorer(model as unknown as T)),
  );
}

/** The model kinds this build can serve, by `kind`. */
export const modelKinds: ReadonlyMap<string, ModelFactory> = new Map([
  ['logistic-regression', modelFactory(logisticRegressionSchema, logisticRegressionPredictor)],
  ['gnb', tabularFactory('gnb', gnbKind)],
  ['linear-svm', tabularFactory('linear-svm', linearSvmKind)],
  ['rbf-svm', tabularFactory('rbf-svm', rbfSvmKind)],
  ['mlp', tabularFactory('mlp', mlpKind)],
]);

/** The scorer behind each explainable kind, from its validated document. */
const explainableKinds: ReadonlyMap<string, (document: never) => Scorer> = new Map<
  string,
  (document: never) => Scorer
>([
  ['logistic-regression', (doc) => linearScorer(doc)],
  ['gnb', (doc) => gnbKind.scorer(doc)],
  ['linear-svm', (doc) => linearSvmKind.scorer(doc)],
  ['rbf-svm', (doc) => rbfSvmKind.scorer(doc)],
  ['mlp', (doc) => mlpKind.scorer(doc)],
]);

const populationSchema = z.record(
  z.string().min(1),
  z
    .object({ min: z.number().optional(), max: z.number().optional() })
    .refine((r) => r.min !== undefined || r.max !== undefined, 'give min, max or both')
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min above max'),
);

export const outcomeSchema = z.object({
  definition: z.string().trim().min(1).max(500),
  horizonDays: z.number().int().min(1).max(36_500).optional(),
});

const extrasSchema = z.object({
  encoding: encodingSchema.optional(),
  population: populationSchema.optional(),
  outcome: outcomeSchema.optional(),
  featureSpec: z.string().min(1).max(100).optional(),
  featureInput: z.enum(['raw', 'vector']).optional(),
  standardization: z.object({ mean: z.array(z.number()), std: z.array(z.number()) }).optional(),
});

/** Standardise a raw row with the saved mean/std, then split the kind's log-odds by feature. */
function explainer(
  scorer: Scorer,
  features: readonly string[],
  standardization: { mean: number[]; std: number[] } | undefined,
): Explainer {
  const n = features.length;
  const mean = standardization?.mean ?? new Array<number>(n).fill(0);
  const std = standardization?.std ?? new Array<number>(n).fill(1);
  return (row) => {
    const z = Float64Array.from(row, (v, j) => (v - mean[j]!) / std[j]!);
    const c = scorer.contributions(z);
    return features.map((feature, j) => ({ feature, contribution: c[j]! }));
  };
}

/**
 * Validate a parsed model.json document and build its predictor (and, where the kind allows, its
 * explainer). Throws ValidationError naming the field at fault (`coefficients`,
 * `standardization.std[1]`, `kind`, `encoding`...), prefixed by `source`.
 */
export function parseModel(
  document: unknown,
  source = modelFileName,
  kinds: ReadonlyMap<string, ModelFactory> = modelKinds,
): LoadedModel {
  const header = parseOrThrow(headerSchema, document, source);
  const factory = kinds.get(header.kind);
  if (!factory) {
    const known = [...kinds.keys()].join(', ');
    throw new ValidationError(
      `${source}: kind: unknown model kind "${header.kind}" (known: ${known})`,
      'kind',
    );
  }
  const predict = factory(document, source);
  const { name, version, kind, features, createdAt } = header;
  const extras = parseOrThrow(extrasSchema, document, source);
  if (extras.encoding) {
    const encoded = featureNames(extras.encoding);
    if (encoded.length !== features.length || encoded.some((f, j) => f !== features[j]))
      throw new ValidationError(
        `${source}: encoding: its columns give features ${encoded.slice(0, 5).join(', ')}... which are not the model's features`,
        'encoding',
      );
  }
  for (const column of Object.keys(extras.population ?? {})) {
    const known =
      features.includes(column) || extras.encoding?.columns.some((c) => c.name === column);
    if (!known)
      throw new ValidationError(
        `${source}: population.${column}: not a column or feature of the model`,
        `population.${column}`,
      );
  }
  const scorer = explainableKinds.get(kind)?.(document as never);
  return {
    name,
    version,
    kind,
    features,
    createdAt,
    predict,
    ...(extras.encoding ? { encoding: extras.encoding } : {}),
    ...(extras.population ? { population: extras.population } : {}),
    ...(extras.outcome ? { outcome: extras.outcome } : {}),
    ...(extras.featureSpec ? { featureSpec: extras.featureSpec } : {}),
    ...(extras.featureInput ? { featureInput: extras.featureInput } : {}),
    ...(scorer ? { explain: explainer(scorer, features, extras.standardization) } : {}),
  };
}

/** A raw value of one column in a `records` instance: null when unknown (imputed as in training). */
const recordValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);

const invocationSchema = z
  .object({
    instances: z.array(z.unknown()).min(1).optional(),
    records: z.array(z.record(z.string(), recordValue)).min(1).optional(),
    explain: z.boolean().optional(),
  })
  .refine((b) => (b.instances === undefined) !== (b.records === undefined), {
    message: 'give exactly one of instances (feature values) or records (raw columns)',
  });

/** An invocation body read against one model. */
export interface Invocation {
  /** Rows of feature values in the model's `features` order. */
  rows: number[][];
  /**
   * For `records`: per row, the columns that were missing (null, or a missing marker of the
   * model's encoding such as "" or "NA") and so imputed as in training.
   */
  imputed?: string[][];
  /** Whether each prediction should carry its per-feature contributions. */
  explain: boolean;
  /** When the model declares its population: per row, the values outside it (empty when inside). */
  outside?: OutsidePopulation[][];
}

/**
 * Read an invocation body against a model. Either `{ "instances": [...] }`, each instance the
 * model's features by name (`{ "age": 70, "sbp": 140 }`, extra keys ignored) or an array in feature
 * order; or `{ "records": [...] }`, each record the raw columns the model was trained on
 * (`{ "age_years": 70, "sex": "female", "hba1c_latest": null }`), encoded with the model's saved
 * encoding: a null, or a string that is one of the encoding's missing markers ("", "NA", "?"), is
 * imputed as in training and listed in `imputed`; a column absent from the record is an error (a
 * misnamed column must not pass as missing), as is anything but a finite number (or null) in a
 * numeric column, booleans included. `"explain": true` asks for contributions. Throws
 * ValidationError naming the field at fault (`instances[0].sbp`, `records[0].age_years`).
 */
export function readInvocation(document: unknown, model: LoadedModel): Invocation {
  const body = parseOrThrow(invocationSchema, document, 'body');
  const explain = body.explain ?? false;
  if (body.records) {
    const read = { ...recordRows(body.records, model), explain };
    if (!model.population) return read;
    return { ...read, outside: body.records.map((r) => outsideOf(model.population!, r)) };
  }
  const rows = invocationRows({ instances: body.instances }, model.features);
  if (!model.population) return { rows, explain };
  const named = rows.map((row) => Object.fromEntries(model.features.map((f, j) => [f, row[j]!])));
  return { rows, explain, outside: named.map((r) => outsideOf(model.population!, r)) };
}

/** The population's columns whose value is out of range, or unknown (null or not sent). */
/** True when `value` is a number inside `range` (bounds inclusive); unknown values are not. */
export function inPopulationRange(value: unknown, range: Population[string]): boolean {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (range.min === undefined || value >= range.min) &&
    (range.max === undefined || value <= range.max)
  );
}

function outsideOf(
  population: Population,
  values: Readonly<Record<string, number | string | boolean | null>>,
): OutsidePopulation[] {
  return Object.entries(population).flatMap(([column, range]) => {
    const value = values[column] ?? null;
    return inPopulationRange(value, range) ? [] : [{ column, value, ...range }];
  });
}

function recordRows(
  records: readonly Record<string, z.infer<typeof recordValue>>[],
  model: LoadedModel,
): Pick<Invocation, 'rows' | 'imputed'> {
  const { encoding } = model;
  if (!encoding) {
    throw new ValidationError(
      `body: records: model ${model.name} has no saved encoding of raw columns; send instances (its features: ${model.features.slice(0, 5).join(', ')}...)`,
      'records',
    );
  }
  const missing = encoding.missing[0] ?? '';
  const markers = new Set(encoding.missing);
  const imputed: string[][] = [];
  const rows = records.map((record, i) => {
    const nulls: string[] = [];
    const cells = encoding.columns.map((column) => {
      const path = `records[${i}].${column.name}`;
      if (!(column.name in record)) {
        throw new ValidationError(
          `body: ${path}: missing (the model needs this column; send null for an unknown value)`,
          path,
        );
      }
      const value = record[column.name];
      if (value === null || value === undefined) {
        nulls.push(column.name);
        return missing;
      }
      if (column.type === 'numeric' && (typeof value !== 'number' || !Number.isFinite(value))) {
        throw new ValidationError(
          `body: ${path}: expected a number or null, got ${typeof value === 'boolean' ? 'a boolean' : `a ${typeof value}`}`,
          path,
        );
      }
      // A categorical column's level as training read it from the CSV (true/false as 1/0).
      const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
      // encodeRows takes a missing marker as missing: say so, as for null.
      if (markers.has(text.trim())) {
        nulls.push(column.name);
        return missing;
      }
      return text;
    });
    imputed.push(nulls);
    return cells;
  });
  const table = {
    file: 'body',
    header: encoding.columns.map((c) => c.name),
    rows,
    lines: rows.map((_r, i) => i + 1),
  };
  const x = encodeRows(table, encoding);
  return {
    rows: Array.from({ length: x.rows }, (_r, i) =>
      Array.from(x.data.subarray(i * x.cols, (i + 1) * x.cols)),
    ),
    imputed,
  };
}

/**
 * Turn an invocation body `{ instances: [...] }` into rows in the model's feature order. Each
 * instance is named features (`{ "age": 70, "sbp": 140 }`, extra keys ignored) or an array in
 * feature order. Throws ValidationError naming the field at fault (`instances[0].sbp`).
 */
export function invocationRows(document: unknown, features: readonly string[]): number[][] {
  const { instances } = parseOrThrow(instancesSchema, document, 'body');
  const row = z.array(z.number()).length(features.length);
  const named = z.object(Object.fromEntries(features.map((f) => [f, z.number()])));
  return instances.map((instance, i) => {
    const prefix = ['instances', i];
    if (Array.isArray(instance)) return parseOrThrow(row, instance, 'body', prefix);
    if (typeof instance !== 'object' || instance === null) {
      const path = `instances[${i}]`;
      throw new ValidationError(`body: ${path}: expected an object or an array of numbers`, path);
    }
    const values = parseOrThrow(named, instance, 'body', prefix) as Record<string, number>;
    return features.map((f) => values[f] as number);
  });
}

const instancesSchema = z.object({ instances: z.array(z.unknown()).min(1) });

/** Read and validate `dir/model.json`, with its card (`dir/model-card.json`) when there is one. */
export async function loadModel(
  dir: string,
  kinds: ReadonlyMap<string, ModelFactory> = modelKinds,
): Promise<LoadedModel> {
  const file = join(dir, modelFileName);
  const model = parseModel(parseJsonFile(file, await readFile(file, 'utf8')), file, kinds);
  const cardFile = join(dir, modelCardFileName);
  const cardText = await readFile(cardFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (cardText === undefined) return model;
  // The card documents the model; a broken one is reported (describe), it does not stop serving.
  let card: unknown;
  try {
    card = JSON.parse(cardText);
  } catch {
    return { ...model, cardProblem: `${modelCardFileName}: not valid JSON` };
  }
  if (typeof card !== 'object' || card === null || Array.isArray(card))
    return { ...model, cardProblem: `${modelCardFileName}: not a JSON object` };
  // A card left beside another model (a hand copy, an install cut short) must not pass for its own.
  const { name, version } = card as { name?: unknown; version?: unknown };
  if (
    (name !== undefined && name !== model.name) ||
    (version !== undefined && version !== model.version)
  )
    return {
      ...model,
      cardProblem: `${modelCardFileName}: it describes ${String(name)} version ${String(version)}, not this model`,
    };
  return { ...model, card: card as Record<string, unknown> };
}

/** JSON.parse, a ValidationError naming `file` when the text is not JSON. */
export function parseJsonFile(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${file}: not valid JSON`, file, { cause: error });
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Load every model under `dir`, keyed by endpoint name. Two layouts: SageMaker's single-model
 * layout (`dir/model.json`, keyed by the model's `name`) or one sub-folder per endpoint
 * (`dir/{endpoint}/model.json`). Sub-folders without a model.json are not models and are skipped.
 */
export async function loadModelDirectory(
  dir: string,
  kinds: ReadonlyMap<string, ModelFactory> = modelKinds,
): Promise<Map<string, LoadedModel>> {
  const exists = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) throw new NotFoundError(`model directory ${dir} does not exist`);
  if (await isFile(join(dir, modelFileName))) {
    const model = await loadModel(dir, kinds);
    return new Map([[model.name, model]]);
  }
  const models = new Map<string, LoadedModel>();
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const sub = join(dir, entry.name);
    if (!entry.isDirectory() || !(await isFile(join(sub, modelFileName)))) continue;
    if (!endpointNamePattern.test(entry.name)) {
      throw new ValidationError(`${sub}: folder name is not a valid endpoint name`, sub);
    }
    models.set(entry.name, await loadModel(sub, kinds));
  }
  return models;
}
