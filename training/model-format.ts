// Training/serving boundary: the on-disk model directory format `caregraph-model/1` and the
// registry that turns a validated model.json into a predictor. train.ts writes this format;
// serve.ts loads models only through here. New model kinds plug into `modelKinds` with their own
// zod schema and predictor factory; the tabular kinds (gnb, linear-svm, rbf-svm, mlp) are scored
// in plain TypeScript by tabular/served-kinds.ts.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../shared/domain/errors';
import {
  gnbKind,
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

/** A model read from disk and ready to predict. */
export interface LoadedModel {
  name: string;
  version: string;
  kind: string;
  features: readonly string[];
  createdAt: string;
  predict: PredictRows;
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

/**
 * Validate a parsed model.json document and build its predictor. Throws ValidationError naming
 * the field at fault (`coefficients`, `standardization.std[1]`, `kind`...), prefixed by `source`.
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
  return { name, version, kind, features, createdAt, predict };
}

const invocationSchema = z.object({ instances: z.array(z.unknown()).min(1) });

/**
 * Turn an invocation body `{ instances: [...] }` into rows in the model's feature order. Each
 * instance is named features (`{ "age": 70, "sbp": 140 }`, extra keys ignored) or an array in
 * feature order. Throws ValidationError naming the field at fault (`instances[0].sbp`).
 */
export function invocationRows(document: unknown, features: readonly string[]): number[][] {
  const { instances } = parseOrThrow(invocationSchema, document, 'body');
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

/** Read and validate `dir/model.json`. */
export async function loadModel(
  dir: string,
  kinds: ReadonlyMap<string, ModelFactory> = modelKinds,
): Promise<LoadedModel> {
  const file = join(dir, modelFileName);
  const text = await readFile(file, 'utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${file}: not valid JSON`, file, { cause: error });
  }
  return parseModel(document, file, kinds);
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
