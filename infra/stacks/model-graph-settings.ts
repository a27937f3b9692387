// Infra edge: CDK context for the knowledge graph (Neptune) and the models (SageMaker), typed and validated once.
import { z } from 'zod';
import type { Node } from 'constructs';
import { maxModelEndpoints } from '../../shared/config/config';
import { identifierPattern } from '../../shared/config/resources';
import { derivedOutcomes, type DerivedOutcome } from '../../shared/domain/features/derived-labels';
import { ConfigurationError } from '../../shared/domain/errors';

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
// Neptune takes NCUs in half steps (Neptune API ServerlessV2ScalingConfiguration).
const ncu = (min: number) =>
  z.coerce
    .number()
    .min(min)
    .max(128)
    .refine((n) => Number.isInteger(n * 2), 'must be a whole or half NCU (1, 1.5, 2, ...)');
// `-c models=false` arrives as the string "false".
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const instanceType = z
  .string()
  .regex(/^ml\.[a-z0-9]+\.[a-z0-9]+$/, 'must be an ml.* instance type');
const modelName = z.string().regex(/^[a-z0-9](-?[a-z0-9])*$/, 'must be a lowercase slug');
const objectKey = z.string().regex(/^[A-Za-z0-9!_.*'()/-]+$/, 'must be an S3 key without spaces');
const modelDataKey = objectKey.refine((k) => k.startsWith('models/'), 'must be under models/');
const imageTag = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/);
const maxInstances = integer(1, 20);
const invocationsPerInstance = integer(1, 100_000);
const scheduleExpression = z
  .string()
  .regex(/^(cron|rate)\(.+\)$/, 'must be cron(...) or rate(...)');

const schema = z
  .object({
    /** Neptune Serverless capacity in NCUs (1 NCU = 2 GiB of memory): 1 to 128, max at least 2.5. */
    graphMinCapacity: ncu(1),
    graphMaxCapacity: ncu(2.5),
    /** Read replicas in the other Availability Zone, for failover; 0 keeps one writer only. */
    graphReplicas: integer(0, 15),
    /**
     * Deploy the SageMaker endpoint. Creating it needs the image tag pushed and the model
     * artifact in S3, so a first deploy (before either exists) runs with `-c models=false`.
     */
    models: flag,
    /** The served model; the endpoint is `${prefix}-${modelName}`. */
    modelName,
    /** Tag of the training/serving image in the model repository (tags are immutable). */
    modelImageTag: imageTag,
    /** Key in the curated bucket of the model.tar.gz to serve, under `models/`. */
    modelDataKey,
    /** GPU (ml.g4dn.xlarge) for the deep models; a CPU type (ml.c5.large, ml.m5.large) for tabular ones. */
    modelInstanceType: instanceType,
    modelMaxInstances: maxInstances,
    /** Target invocations per instance per minute for the endpoint's target-tracking scaling. */
    modelInvocationsPerInstance: invocationsPerInstance,
    trainingInstanceType: instanceType,
    /** Labelled training CSV in the curated bucket, under `features/`. */
    trainingDataKey: objectKey.refine((k) => k.startsWith('features/'), 'must be under features/'),
    /** The CSV column training predicts, and the tabular algorithm (training/tabular/models.ts). */
    trainingLabel: z.string().min(1),
    trainingAlgorithm: z.enum(['gnb', 'logreg', 'svm', 'rbf-svm', 'mlp']),
    /** EventBridge Scheduler expression of the retraining job (UTC). */
    retrainSchedule: scheduleExpression,
  })
  .refine((s) => s.graphMinCapacity <= s.graphMaxCapacity, {
    message: 'must not exceed graphMaxCapacity',
    path: ['graphMinCapacity'],
  });

export type ModelGraphSettings = z.output<typeof schema>;

/**
 * Defaults that let `cdk synth` run with no context. The model values are placeholders: the
 * image tag must be pushed to the model repository and the artifact copied to `modelDataKey`
 * before a deploy with `models=true`; the training CSV must exist before the first retraining
 * (the weekly features job writes it when `trainingHospital` is set, below; `caregraph features
 * --training` writes it in the embedded stack; docs/features.md).
 */
export const defaultModelGraphSettings: ModelGraphSettings = {
  graphMinCapacity: 1,
  graphMaxCapacity: 8,
  graphReplicas: 0,
  models: true,
  modelName: 'cvd-risk',
  modelImageTag: '1.0.0',
  modelDataKey: 'models/cvd-risk/current/model.tar.gz',
  modelInstanceType: 'ml.g4dn.xlarge',
  modelMaxInstances: 4,
  modelInvocationsPerInstance: 600,
  trainingInstanceType: 'ml.g4dn.xlarge',
  trainingDataKey: 'features/training/cvd-risk.csv',
  trainingLabel: 'outcome',
  trainingAlgorithm: 'logreg',
  retrainSchedule: 'cron(0 3 ? * SUN *)',
};

/** Read the graph and model settings from context; throws one ConfigurationError naming every bad key. */
export function readModelGraphSettings(node: Node): ModelGraphSettings {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaultModelGraphSettings) as (keyof ModelGraphSettings)[]) {
    const value: unknown = node.tryGetContext(key);
    raw[key] = value === undefined || value === '' ? defaultModelGraphSettings[key] : value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigurationError(`invalid CDK context: ${problems}`);
  }
  return parsed.data;
}

// Served models (context `servedModels`): endpoints the clinician API serves besides `modelName`.
// Read apart from the settings above: the default is an empty list, cdk.json does not repeat it,
// and checking it needs the primary model and the deployment prefix.

/** A model the API serves from an endpoint of its own, `${prefix}-${name}`; all fields resolved. */
export interface ServedModel {
  /** The name clients ask for (`GET /patients/{id}/predictions?model=NAME`). */
  name: string;
  /** Key in the curated bucket of the model.tar.gz to serve, under `models/`. */
  dataKey: string;
  imageTag: string;
  instanceType: string;
  maxInstances: number;
  invocationsPerInstance: number;
}

/** The primary model (`modelName` and the `model*` settings) as a served model. */
export function primaryServedModel(settings: ModelGraphSettings): ServedModel {
  return {
    name: settings.modelName,
    dataKey: settings.modelDataKey,
    imageTag: settings.modelImageTag,
    instanceType: settings.modelInstanceType,
    maxInstances: settings.modelMaxInstances,
    invocationsPerInstance: settings.modelInvocationsPerInstance,
  };
}

/** SageMaker EndpointName: at most 63 characters (CreateEndpoint API). */
const maxEndpointNameLength = 63;

// An unknown key (a typo such as `datakey`) is refused rather than silently ignored.
const servedModelEntry = z.strictObject(
  {
    name: modelName,
    dataKey: modelDataKey,
    imageTag: imageTag.optional(),
    instanceType: instanceType.optional(),
    maxInstances: maxInstances.optional(),
    invocationsPerInstance: invocationsPerInstance.optional(),
  },
  {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? 'must be an object { name, dataKey, imageTag?, instanceType?, maxInstances?, invocationsPerInstance? }'
        : undefined,
  },
);

/**
 * `servedModels` as cdk.json gives it (a list) or `-c servedModels='[...]'` does (that list as a
 * JSON string), checked against the primary model and the prefix, unset fields taken from the
 * primary model's settings.
 */
const servedModelList = (primary: ModelGraphSettings, prefix: string) =>
  z
    .union([z.string(), z.array(z.unknown())], {
      error: 'must be a list of models, or that list as a JSON string',
    })
    .transform((value, ctx): unknown => {
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value);
      } catch (error) {
        ctx.issues.push({
          code: 'custom',
          message: `is not valid JSON (${(error as Error).message})`,
          input: value,
        });
        return z.NEVER;
      }
    })
    .pipe(z.array(servedModelEntry, { error: 'must be a list of models' }))
    .check(
      // Runs even when an entry failed above (`when`), so one error names every problem; it reads
      // only names that are strings.
      z.superRefine(
        (models: unknown, ctx) => {
          if (!Array.isArray(models)) return;
          const limit = maxModelEndpoints - 1;
          if (models.length > limit)
            ctx.addIssue({
              code: 'custom',
              message: `at most ${limit} models besides modelName (${maxModelEndpoints} endpoints per API), got ${models.length}`,
            });
          const names = models.map((m: unknown) =>
            typeof m === 'object' &&
            m !== null &&
            typeof (m as { name?: unknown }).name === 'string'
              ? (m as { name: string }).name
              : undefined,
          );
          names.forEach((name, index) => {
            if (name === undefined) return;
            const path = [index, 'name'];
            if (name === primary.modelName)
              ctx.addIssue({
                code: 'custom',
                path,
                message: `"${name}" is modelName, the primary model, which is served already`,
              });
            else if (names.indexOf(name) !== index)
              ctx.addIssue({ code: 'custom', path, message: `lists model "${name}" twice` });
            const endpointName = `${prefix}-${name}`;
            if (endpointName.length > maxEndpointNameLength)
              ctx.addIssue({
                code: 'custom',
                path,
                message: `endpoint "${endpointName}" exceeds SageMaker's ${maxEndpointNameLength}-character endpoint name`,
              });
          });
        },
        { when: () => true },
      ),
    )
    .transform((models): ServedModel[] =>
      models.map((m) => ({
        name: m.name,
        dataKey: m.dataKey,
        imageTag: m.imageTag ?? primary.modelImageTag,
        instanceType: m.instanceType ?? primary.modelInstanceType,
        maxInstances: m.maxInstances ?? primary.modelMaxInstances,
        invocationsPerInstance: m.invocationsPerInstance ?? primary.modelInvocationsPerInstance,
      })),
    );

/**
 * Read context `servedModels`: the models the API serves besides the primary one (`modelName`),
 * each `{ name, dataKey, imageTag?, instanceType?, maxInstances?, invocationsPerInstance? }`
 * with the primary model's image tag, instance type and scaling where a field is left out. Given
 * as a list in cdk.json or as a JSON string (`-c servedModels='[{"name":"readmission",...}]'`);
 * unset, null or blank: none. Names are slugs like `modelName`, none repeated or equal to it, at most
 * `maxModelEndpoints` endpoints in all, each endpoint name `${prefix}-${name}` within SageMaker's
 * 63 characters. Throws one ConfigurationError naming every bad entry (`servedModels.1.name`).
 */
export function readServedModels(
  node: Node,
  primary: ModelGraphSettings,
  prefix: string,
): ServedModel[] {
  const value: unknown = node.tryGetContext('servedModels');
  const parsed = z.object({ servedModels: servedModelList(primary, prefix) }).safeParse({
    servedModels: value === undefined || value === null || value === '' ? [] : value,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigurationError(`invalid CDK context: ${problems}`);
  }
  return parsed.data.servedModels;
}

// Feature preparation (infra/constructs/feature-preparation.ts): SageMaker Processing jobs that
// build each hospital's feature set and case index nightly, and the labelled training table the
// retraining job reads. Read apart from the settings above: they are off until hospitals are named,
// and `trainingHospital` has no default, so they are not among the values cdk.json repeats.

const hospitalSlug = z.string().regex(identifierPattern, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not a hospital slug (a-z, 0-9 and -, not starting with -; at most 63)`,
});
// `-c featureHospitals=a,b` arrives as one string, cdk.json may hold a list; both become a list.
const hospitalList = z
  .union([z.string(), z.array(z.string())], {
    error: 'must be a comma-separated string or a list of hospital slugs',
  })
  .transform((value) =>
    (typeof value === 'string' ? (value.trim() === '' ? [] : value.split(',')) : value).map((h) =>
      h.trim(),
    ),
  )
  .pipe(z.array(hospitalSlug))
  .check((ctx) => {
    const repeated = ctx.value.find((h, i) => ctx.value.indexOf(h) !== i);
    if (repeated !== undefined)
      ctx.issues.push({
        code: 'custom',
        message: `lists hospital "${repeated}" twice`,
        input: ctx.value,
      });
  });

const featureSchema = z
  .object({
    /**
     * Hospitals whose current feature set and case index the nightly job rebuilds: slugs,
     * comma-separated (`-c featureHospitals=general,north`) or a list in cdk.json. Empty (the
     * default) deploys no feature preparation at all.
     */
    featureHospitals: hospitalList,
    /** EventBridge Scheduler expression of the nightly feature build (UTC). */
    featureSchedule: scheduleExpression,
    /** The feature build is CPU work: a general-purpose type without instance storage. */
    featureInstanceType: instanceType,
    /**
     * The hospital whose retrospective feature set and derived labels (hard ASCVD) become the
     * training table (`trainingDataKey`, column `trainingLabel`); one of `featureHospitals`.
     * Unset (the default): no training-set schedule, the table is written by hand.
     */
    trainingHospital: hospitalSlug.optional(),
    /** Days between the training set's index date and now: the outcome window of its labels. */
    trainingHorizonDays: integer(30, 36_500),
    /**
     * The outcome the training table's labels are derived for (shared/domain/features/derived-labels.ts):
     * `hard-ascvd` (the default, for the default `cvd-risk` model) or `incident-t2d`.
     */
    trainingOutcome: z.enum(Object.keys(derivedOutcomes) as [DerivedOutcome, ...DerivedOutcome[]]),
    /** EventBridge Scheduler expression of the training-set build (UTC), ahead of `retrainSchedule`. */
    trainingPrepSchedule: scheduleExpression,
  })
  .refine(
    (s) => s.trainingHospital === undefined || s.featureHospitals.includes(s.trainingHospital),
    { message: 'must be one of featureHospitals', path: ['trainingHospital'] },
  );

export type FeatureSettings = z.output<typeof featureSchema>;

/**
 * Off by default: no hospital, no job. Nightly at 01:00 UTC; the training set weekly at 01:00 UTC on
 * Sunday, two hours before the default `retrainSchedule` reads it.
 */
export const defaultFeatureSettings: FeatureSettings = {
  featureHospitals: [],
  featureSchedule: 'cron(0 1 * * ? *)',
  featureInstanceType: 'ml.m5.xlarge',
  trainingHorizonDays: 730,
  trainingOutcome: 'hard-ascvd',
  trainingPrepSchedule: 'cron(0 1 ? * SUN *)',
};

/** Read the feature-preparation settings from context; throws one ConfigurationError naming every bad key. */
export function readFeatureSettings(node: Node): FeatureSettings {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(featureSchema.shape) as (keyof FeatureSettings)[]) {
    const value: unknown = node.tryGetContext(key);
    raw[key] = value === undefined || value === '' ? defaultFeatureSettings[key] : value;
  }
  const parsed = featureSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigurationError(`invalid CDK context: ${problems}`);
  }
  return parsed.data;
}
