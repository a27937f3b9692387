// Infra edge: CDK context for the knowledge graph (Neptune) and the models (SageMaker), typed and validated once.
import { z } from 'zod';
import type { Node } from 'constructs';
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
    modelImageTag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/),
    /** Key in the curated bucket of the model.tar.gz to serve, under `models/`. */
    modelDataKey: objectKey.refine((k) => k.startsWith('models/'), 'must be under models/'),
    /** GPU (ml.g4dn.xlarge) for the deep models; a CPU type (ml.c5.large, ml.m5.large) for tabular ones. */
    modelInstanceType: instanceType,
    modelMaxInstances: integer(1, 20),
    /** Target invocations per instance per minute for the endpoint's target-tracking scaling. */
    modelInvocationsPerInstance: integer(1, 100_000),
    trainingInstanceType: instanceType,
    /** Labelled training CSV in the curated bucket, under `features/`. */
    trainingDataKey: objectKey.refine((k) => k.startsWith('features/'), 'must be under features/'),
    /** The CSV column training predicts, and the tabular algorithm (training/tabular/models.ts). */
    trainingLabel: z.string().min(1),
    trainingAlgorithm: z.enum(['gnb', 'logreg', 'svm', 'rbf-svm', 'mlp']),
    /** EventBridge Scheduler expression of the retraining job (UTC). */
    retrainSchedule: z.string().regex(/^(cron|rate)\(.+\)$/, 'must be cron(...) or rate(...)'),
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
 * (`caregraph features --training --labels FILE` writes it in the embedded stack; docs/predictions.md).
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
