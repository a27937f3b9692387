// Infra edge: turns CDK context (cdk.json, `-c key=value`) into typed, validated deployment settings.
import { z } from 'zod';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import { identifierPattern } from '../../shared/config/resources';
import { ConfigurationError } from '../../shared/domain/errors';

const logLevel = z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']);

// `-c key=value` arrives as a string, cdk.json values as numbers: accept both for integers.
const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

// CloudWatch Logs accepts only these retention periods; "never expire" is deliberately not one of them.
const retentionChoices = Object.values(RetentionDays).filter(
  (v): v is number => typeof v === 'number' && v !== RetentionDays.INFINITE,
);
const logRetention = z.coerce
  .number()
  .refine(
    (days) => retentionChoices.includes(days),
    `must be one of ${retentionChoices.join(', ')}`,
  );

const settingsSchema = z.object({
  /** Deployment prefix: stack names, table names and bucket names start with it. */
  prefix: z.string().regex(identifierPattern, 'prefix must be a lowercase slug (a-z, 0-9, -)'),
  /** Optional: pin the stacks to an account and Region; unset keeps them environment-agnostic. */
  account: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/)
    .optional(),
  logLevel: logLevel,
  /** Days to keep Lambda, API access and VPC flow logs in CloudWatch. */
  logRetentionDays: logRetention,
  /** Days to keep S3 server access logs; HIPAA asks for six years of audit documentation. */
  auditLogRetentionDays: integer(1, 3653),
  ingestReservedConcurrency: integer(1, 1000),
  apiReservedConcurrency: integer(1, 1000),
  /** Steady-state requests per second and burst for the clinician API's default stage. */
  apiRateLimit: integer(1, 10_000),
  apiBurstLimit: integer(1, 5_000),
  /** Where the DLQ alarm sends its notification; unset leaves the topic without subscribers. */
  alarmEmail: z.email().optional(),
});

export type DeploymentSettings = z.infer<typeof settingsSchema>;

/** Defaults that make `cdk synth` work with no context at all; cdk.json repeats them for visibility. */
export const defaultSettings: DeploymentSettings = {
  prefix: 'caregraph',
  logLevel: 'INFO',
  logRetentionDays: 365,
  auditLogRetentionDays: 2192,
  ingestReservedConcurrency: 10,
  apiReservedConcurrency: 20,
  apiRateLimit: 50,
  apiBurstLimit: 100,
};

/** Read the deployment settings from context; throws one error naming every invalid key. */
export function readSettings(node: Node): DeploymentSettings {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema.shape)) {
    const value: unknown = node.tryGetContext(key);
    // An empty string from `-c alarmEmail=` means "unset", not "invalid".
    raw[key] =
      value === undefined || value === ''
        ? defaultSettings[key as keyof DeploymentSettings]
        : value;
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigurationError(`invalid CDK context: ${problems}`);
  }
  return parsed.data;
}
