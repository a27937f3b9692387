// Infra edge: CDK context for the knowledge graph (Neptune) and the models (SageMaker), typed and validated once.
import { z } from 'zod';
import type { Node } from 'constructs';
import { maxModelEndpoints } from '../../shared/config/config';
import { identifierPattern } from '../../shared/config/resources';
import { derivedOutcomes, type DerivedOutcome } from '../../shared/domain/features/derived-labels';
import { ConfigurationError } from '../../shared/domain/errors';
import { processingJobNameProblem, trainingSetJobPrefix } from '../constructs/feature-preparation';
import { trainingJobNameProblem, trainingJobPrefix } from '../constructs/model-training';

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
const trainingAlgorithm = z.enum(['gnb', 'logreg', 'svm', 'rbf-svm', 'mlp']);
const outcomeNames = Object.keys(derivedOutcomes) as [DerivedOutcome, ...DerivedOutcome[]];
const derivedOutcome = z.enum(outcomeNames);
const horizonDays = integer(30, 36_500);
const hospitalSlug = z.string().regex(identifierPattern, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not a hospital slug (a-z, 0-9 and -, not starting with -; at most 63)`,
});

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
    trainingAlgorithm,
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

// Served models (context `servedModels`): endpoints the clinician API serves besides `modelName`,
// each optionally retrained on a schedule from a training table derived for it. Read apart from the
// settings above: the default is an empty list, cdk.json does not repeat it, and checking it needs
// the primary model, the feature settings and the deployment prefix.

/** How a served model is retrained (its entry's `retrain`); all fields resolved. */
export interface ServedModelRetraining {
  /** The outcome its training table's labels are derived for (derived-labels.ts). */
  outcome: DerivedOutcome;
  /** Whose retrospective feature set and records make the table; one of featureHospitals. */
  hospital: string;
  /** Days between the table's index date and the run that builds it: the labels' outcome window. */
  horizonDays: number;
  algorithm: TrainingAlgorithm;
  /** EventBridge Scheduler expression of the retraining (UTC). */
  schedule: string;
  /** EventBridge Scheduler expression of the training-table build (UTC), ahead of `schedule`. */
  prepSchedule: string;
  /** The table in the curated bucket (`servedTrainingDataKey`) and its label column. */
  dataKey: string;
  label: string;
}

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
  /** Retrained on a schedule; absent: trained elsewhere, served from `dataKey` as given. */
  retrain?: ServedModelRetraining;
}

export type TrainingAlgorithm = z.output<typeof trainingAlgorithm>;

/** The training table a retrained served model's features job writes and its retraining reads. */
export const servedTrainingDataKey = (name: string) => `features/training/${name}.csv`;
/** That table's label column. */
export const servedTrainingLabel = 'outcome';

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
const retrainEntry = z.strictObject(
  {
    outcome: z.enum(outcomeNames, {
      error: (issue) =>
        issue.input === undefined
          ? `required: the derived outcome its training labels stand for (${outcomeNames.join(', ')})`
          : `${JSON.stringify(issue.input)} is not a derived outcome (${outcomeNames.join(', ')})`,
    }),
    hospital: hospitalSlug.optional(),
    horizonDays: horizonDays.optional(),
    algorithm: trainingAlgorithm.optional(),
    schedule: scheduleExpression.optional(),
    prepSchedule: scheduleExpression.optional(),
  },
  {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? 'must be an object { outcome, hospital?, horizonDays?, algorithm?, schedule?, prepSchedule? }'
        : undefined,
  },
);
type RetrainEntry = z.output<typeof retrainEntry>;

const servedModelEntry = z.strictObject(
  {
    name: modelName,
    dataKey: modelDataKey,
    imageTag: imageTag.optional(),
    instanceType: instanceType.optional(),
    maxInstances: maxInstances.optional(),
    invocationsPerInstance: invocationsPerInstance.optional(),
    retrain: retrainEntry.optional(),
  },
  {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? 'must be an object { name, dataKey, imageTag?, instanceType?, maxInstances?, invocationsPerInstance?, retrain? }'
        : undefined,
  },
);

/**
 * `servedModels` as cdk.json gives it (a list) or `-c servedModels='[...]'` does (that list as a
 * JSON string), checked against the primary model, the feature settings and the prefix, unset
 * fields taken from the primary model's settings (and `retrain`'s from the training settings).
 */
const servedModelList = (primary: ModelGraphSettings, features: FeatureSettings, prefix: string) =>
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
          for (const issue of retrainingIssues(models, names, primary, features, prefix))
            ctx.addIssue({ code: 'custom', ...issue });
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
        ...(m.retrain ? { retrain: resolveRetraining(m.name, m.retrain, primary, features) } : {}),
      })),
    );

/** `retrain` with its defaults: the primary model's training settings and the feature settings. */
function resolveRetraining(
  name: string,
  retrain: RetrainEntry,
  primary: ModelGraphSettings,
  features: FeatureSettings,
): ServedModelRetraining {
  const hospital = retrain.hospital ?? features.trainingHospital;
  // retrainingIssues refused an entry without either.
  if (hospital === undefined) throw new ConfigurationError(`servedModels ${name}: no hospital`);
  return {
    outcome: retrain.outcome,
    hospital,
    horizonDays: retrain.horizonDays ?? features.trainingHorizonDays,
    algorithm: retrain.algorithm ?? primary.trainingAlgorithm,
    schedule: retrain.schedule ?? primary.retrainSchedule,
    prepSchedule: retrain.prepSchedule ?? features.trainingPrepSchedule,
    dataKey: servedTrainingDataKey(name),
    label: servedTrainingLabel,
  };
}

/**
 * What the entries' `retrain` asks that cannot be deployed, each with the path of the entry's
 * field to blame. Runs on the raw entries (after their own checks, which may have failed), so it
 * reads only an entry whose `retrain` parses and only a name that is a slug, not repeated.
 */
function retrainingIssues(
  models: unknown[],
  names: (string | undefined)[],
  primary: ModelGraphSettings,
  features: FeatureSettings,
  prefix: string,
): { path: PropertyKey[]; message: string }[] {
  const issues: { path: PropertyKey[]; message: string }[] = [];
  // Schedules are named after the models; two of one name would not deploy.
  const schedules = new Map<string, string>([
    [`${trainingJobPrefix(prefix, primary.modelName)}-retrain`, "the primary model's retraining"],
  ]);
  // Training sets by hospital, the primary's first: those of one hospital are one job, named after
  // the first (FeaturePreparation), which builds one retrospective feature set for all their tables
  // (training/features-job.ts), so they must agree on its index date and build time.
  const sets = new Map<string, { horizonDays: number; prepSchedule: string; of: string }>();
  if (features.trainingHospital !== undefined) {
    schedules.set(trainingSetJobPrefix(prefix), "the primary model's training set");
    sets.set(features.trainingHospital, {
      horizonDays: features.trainingHorizonDays,
      prepSchedule: features.trainingPrepSchedule,
      of: "the primary model's training set (trainingHorizonDays, trainingPrepSchedule)",
    });
  }
  models.forEach((model, index) => {
    const raw =
      typeof model === 'object' && model !== null ? (model as Record<string, unknown>) : {};
    if (raw.retrain === undefined) return;
    const at = (...path: PropertyKey[]) => [index, ...path];
    const name = names[index];
    const named =
      name !== undefined &&
      modelName.safeParse(name).success &&
      names.indexOf(name) === index &&
      name !== primary.modelName;
    /** The schedule `schedule` is the model's `what`, unless it is already another's. */
    const claimSchedule = (schedule: string, what: string) => {
      const owner = schedules.get(schedule);
      if (owner)
        issues.push({
          path: at('name'),
          message: `the schedule of its ${what}, "${schedule}", is already that of ${owner}`,
        });
      else schedules.set(schedule, `servedModels.${index}'s ${what}`);
    };
    if (named) {
      const trainingProblem = trainingJobNameProblem(trainingJobPrefix(prefix, name));
      if (trainingProblem)
        issues.push({ path: at('name'), message: `training job ${trainingProblem}` });
      if (servedTrainingDataKey(name) === primary.trainingDataKey)
        issues.push({
          path: at('name'),
          message: `its training table "${servedTrainingDataKey(name)}" is trainingDataKey, the primary model's`,
        });
      claimSchedule(`${trainingJobPrefix(prefix, name)}-retrain`, 'retraining');
    }
    if (features.featureHospitals.length === 0) {
      issues.push({
        path: at('retrain'),
        message:
          'needs featureHospitals: its training table is derived by the features job, deployed only for the hospitals listed there',
      });
      return;
    }
    const retrain = retrainEntry.safeParse(raw.retrain);
    if (!retrain.success) return;
    const hospital = retrain.data.hospital ?? features.trainingHospital;
    if (hospital === undefined) {
      issues.push({
        path: at('retrain', 'hospital'),
        message: 'required while trainingHospital, its default, is unset',
      });
      return;
    }
    if (!features.featureHospitals.includes(hospital)) {
      issues.push({
        path: at('retrain', 'hospital'),
        message: `"${hospital}"${retrain.data.hospital === undefined ? ' (trainingHospital)' : ''} must be one of featureHospitals (${features.featureHospitals.join(', ')})`,
      });
      return;
    }
    const set = {
      horizonDays: retrain.data.horizonDays ?? features.trainingHorizonDays,
      prepSchedule: retrain.data.prepSchedule ?? features.trainingPrepSchedule,
    };
    const first = sets.get(hospital);
    if (!first) {
      sets.set(hospital, { ...set, of: `servedModels.${index}.retrain` });
      // The first set of its hospital: the hospital's schedule and jobs are named after the model.
      // A later one's table is built by the first's job, and its name names no schedule or job.
      if (named) {
        const setJobs = trainingSetJobPrefix(prefix, name);
        const setProblem = processingJobNameProblem(setJobs);
        if (setProblem) issues.push({ path: at('name'), message: `training set ${setProblem}` });
        claimSchedule(setJobs, 'training set');
      }
      return;
    }
    const defaults = { horizonDays: 'trainingHorizonDays', prepSchedule: 'trainingPrepSchedule' };
    for (const field of ['horizonDays', 'prepSchedule'] as const)
      if (set[field] !== first[field])
        issues.push({
          path: at('retrain', field),
          message:
            `${JSON.stringify(set[field])}${retrain.data[field] === undefined ? ` (${defaults[field]})` : ''} differs from ` +
            `${JSON.stringify(first[field])} of ${first.of}, also of hospital "${hospital}": one job builds its training ` +
            'sets from one retrospective feature set, so they must share horizonDays and prepSchedule',
        });
  });
  return issues;
}

/**
 * Read context `servedModels`: the models the API serves besides the primary one (`modelName`),
 * each `{ name, dataKey, imageTag?, instanceType?, maxInstances?, invocationsPerInstance?,
 * retrain? }` with the primary model's image tag, instance type and scaling where a field is left
 * out. Given as a list in cdk.json or as a JSON string
 * (`-c servedModels='[{"name":"readmission",...}]'`); unset, null or blank: none. Names are slugs
 * like `modelName`, none repeated or equal to it, at most `maxModelEndpoints` endpoints in all,
 * each endpoint name `${prefix}-${name}` within SageMaker's 63 characters.
 *
 * `retrain: { outcome, hospital?, horizonDays?, algorithm?, schedule?, prepSchedule? }` retrains
 * the model like the primary one: weekly (`schedule`, default `retrainSchedule`, with
 * `trainingInstanceType`), on `features/training/{name}.csv` (label `outcome`), which the features
 * job writes before it (`prepSchedule`, default `trainingPrepSchedule`) from a retrospective set of
 * `hospital` (default `trainingHospital`; one of `featureHospitals`) with labels derived for
 * `outcome` (required) over `horizonDays` (default `trainingHorizonDays`); `algorithm` defaults to
 * `trainingAlgorithm`. The training sets of one hospital (the primary's included) are built by one
 * job, named after the first (the primary's, else the first such entry's), from one retrospective
 * set: they must share `horizonDays` and `prepSchedule`. The model's training job names, and its
 * training-set job names when it is the first of its hospital, must fit SageMaker's 63 characters
 * with the 16-character run id. Throws one ConfigurationError naming every bad entry (`servedModels.1.name`,
 * `servedModels.1.retrain.outcome`).
 */
export function readServedModels(
  node: Node,
  primary: ModelGraphSettings,
  features: FeatureSettings,
  prefix: string,
): ServedModel[] {
  const value: unknown = node.tryGetContext('servedModels');
  const parsed = z.object({ servedModels: servedModelList(primary, features, prefix) }).safeParse({
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
    trainingHorizonDays: horizonDays,
    /**
     * The outcome the training table's labels are derived for (shared/domain/features/derived-labels.ts):
     * `hard-ascvd` (the default, for the default `cvd-risk` model) or `incident-t2d`.
     */
    trainingOutcome: derivedOutcome,
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
