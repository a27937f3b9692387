// The only reader of process.env. Configuration is parsed once, typed, validated, and fails fast.
import { z } from 'zod';
import {
  auditTable,
  bucketRoles,
  idempotencyTable,
  physicalName,
  reidentificationTable,
  servingTable,
} from './resources';
import type { BucketRole } from '../ports/object-store';
import { ConfigurationError } from '../domain/errors';

/** Environment variable names: the CDK stack sets exactly these on every function. */
export const envNames = {
  mode: 'CAREGRAPH_MODE',
  region: 'AWS_REGION',
  rawBucket: 'CAREGRAPH_RAW_BUCKET',
  curatedBucket: 'CAREGRAPH_CURATED_BUCKET',
  quarantineBucket: 'CAREGRAPH_QUARANTINE_BUCKET',
  servingTable: 'CAREGRAPH_SERVING_TABLE',
  idempotencyTable: 'CAREGRAPH_IDEMPOTENCY_TABLE',
  auditTable: 'CAREGRAPH_AUDIT_TABLE',
  reidentificationTable: 'CAREGRAPH_REIDENTIFICATION_TABLE',
  sparqlEndpoint: 'CAREGRAPH_SPARQL_ENDPOINT',
  graphLoaderRoleArn: 'CAREGRAPH_GRAPH_LOADER_ROLE_ARN',
  sagemakerEndpointUrl: 'CAREGRAPH_SAGEMAKER_URL',
  /** API only: the prediction models it may invoke, `name=endpoint` pairs, comma-separated. */
  modelEndpoints: 'CAREGRAPH_MODEL_ENDPOINTS',
  notifyTopicArn: 'CAREGRAPH_NOTIFY_TOPIC_ARN',
  eventBusName: 'CAREGRAPH_EVENT_BUS',
  defaultTimeZone: 'CAREGRAPH_DEFAULT_TIME_ZONE',
  kmsKeyId: 'CAREGRAPH_KMS_KEY_ID',
  pseudonymSecretPrefix: 'CAREGRAPH_PSEUDONYM_SECRET_PREFIX',
  logLevel: 'CAREGRAPH_LOG_LEVEL',
  s3Endpoint: 'CAREGRAPH_S3_ENDPOINT',
  dynamodbEndpoint: 'CAREGRAPH_DYNAMODB_ENDPOINT',
  dataDir: 'CAREGRAPH_DATA_DIR',
  /** kg-update only: curated-bucket keys of imported vocabularies, comma-separated (see parseVocabularyKeys). */
  nlpVocabularyKeys: 'CAREGRAPH_NLP_VOCABULARY_KEYS',
  serviceName: 'POWERTOOLS_SERVICE_NAME',
} as const;

/** SageMaker endpoint (and model) name rule: 1-63 characters, letters, digits and inner hyphens. */
const endpointNamePattern = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
/** At most this many prediction models per API (each is one SageMaker endpoint). */
export const maxModelEndpoints = 20;

/**
 * The prediction models the API serves, by name, and the SageMaker endpoint of each, from
 * `name=endpoint` pairs separated by commas (`cvd-risk=caregraph-prod-cvd-risk`); a bare `name`
 * means an endpoint of that name. Order is kept: the first is the default model. Blank: none.
 * Throws a ConfigurationError naming `source` and the offending entry.
 */
export function parseModelEndpoints(
  value: string | undefined,
  source: string = envNames.modelEndpoints,
): ReadonlyMap<string, string> {
  const entries = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const fail = (problem: string): never => {
    throw new ConfigurationError(`${source}: ${problem}`);
  };
  if (entries.length > maxModelEndpoints)
    fail(`at most ${maxModelEndpoints} models, got ${entries.length}`);
  const models = new Map<string, string>();
  for (const entry of entries) {
    const [name = '', endpoint = name, ...rest] = entry.split('=').map((p) => p.trim());
    if (rest.length > 0 || !endpointNamePattern.test(name) || !endpointNamePattern.test(endpoint))
      fail(
        `"${entry}" must be name=endpoint, each 1-63 letters, digits and inner hyphens (SageMaker's rule)`,
      );
    if (models.has(name)) fail(`model "${name}" is listed twice`);
    models.set(name, endpoint);
  }
  return models;
}

/** Where imported vocabularies (`caregraph vocab import` output) live in the curated bucket. */
export const vocabularyPrefix = 'vocabulary/';
/** At most this many imported vocabularies: each is read and merged at a kg-update cold start. */
export const maxVocabularyKeys = 10;
const vocabularyKeyPattern = /^vocabulary\/[A-Za-z0-9_.()-]+(\/[A-Za-z0-9_.()-]+)*\.jsonl$/;

/**
 * The curated-bucket keys of the imported vocabularies (VOCAB.jsonl files) kg-update matches besides
 * the curated starter vocabulary, from a comma-separated list (an environment variable, CDK context,
 * a CLI flag) or a list. Each key must be under `vocabulary/`, end in `.jsonl` and use key-safe
 * characters (no spaces, no `..` segment); at most maxVocabularyKeys, no repeats, order kept (it is
 * the merge order). Undefined or blank: none. Throws a ConfigurationError naming `source` (the
 * variable, context key or flag the value came from) and the offending key.
 */
export function parseVocabularyKeys(
  value: string | readonly string[] | undefined,
  source: string = envNames.nlpVocabularyKeys,
): string[] {
  const keys = (typeof value === 'string' ? value.split(',') : (value ?? []))
    .map((k) => k.trim())
    .filter((k) => k !== '');
  const fail = (problem: string): never => {
    throw new ConfigurationError(`${source}: ${problem}`);
  };
  if (keys.length > maxVocabularyKeys)
    fail(`at most ${maxVocabularyKeys} vocabulary keys, got ${keys.length}`);
  const seen = new Set<string>();
  for (const key of keys) {
    if (!vocabularyKeyPattern.test(key) || key.split('/').some((s) => s === '.' || s === '..'))
      fail(
        `"${key}" must be a curated-bucket key under ${vocabularyPrefix} ending in .jsonl (letters, digits, _ . ( ) - and /)`,
      );
    if (seen.has(key)) fail(`"${key}" is listed twice`);
    seen.add(key);
  }
  return keys;
}

const logLevel = z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']);

export interface AppConfig {
  mode: 'aws' | 'local';
  region: string;
  serviceName: string;
  logLevel: z.infer<typeof logLevel>;
  buckets: Record<BucketRole, string>;
  /** Only functions that need the audit trail or the re-identification map are given their names. */
  tables: { serving: string; idempotency: string; audit?: string; reidentification?: string };
  /** Local mode only: where the embedded servers listen. */
  endpoints: { s3?: string; dynamodb?: string; sparql?: string; sagemaker?: string };
  /** Local mode only: static credentials accepted by the embedded servers. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  graph: { loaderRoleArn?: string };
  notify: { topicArn?: string };
  /** The EventBridge bus domain events go to; the account's default bus when undefined. */
  events: { busName?: string };
  /** IANA zone for patients whose record names none (reminders are planned in local time). */
  defaultTimeZone: string;
  keys: { kmsKeyId?: string; pseudonymSecretPrefix: string };
  /** Local mode only: the embedded stack's data directory (key ring, outbox, logs). */
  dataDir?: string;
  /**
   * Clinical NLP: curated-bucket keys of imported vocabularies merged into the curated one by
   * kg-update (empty: the curated vocabulary only).
   */
  nlp: { vocabularyKeys: readonly string[] };
  /**
   * Prediction models the API may invoke: model name -> SageMaker endpoint name, the first the
   * default (empty: the API serves no model predictions).
   */
  models: { endpoints: ReadonlyMap<string, string> };
}

const awsEnvSchema = z.object({
  [envNames.region]: z.string().min(1),
  [envNames.rawBucket]: z.string().min(3),
  [envNames.curatedBucket]: z.string().min(3),
  [envNames.quarantineBucket]: z.string().min(3),
  [envNames.servingTable]: z.string().min(3),
  [envNames.idempotencyTable]: z.string().min(3),
  [envNames.auditTable]: z.string().min(3).optional(),
  [envNames.reidentificationTable]: z.string().min(3).optional(),
  [envNames.sparqlEndpoint]: z.url().optional(),
  [envNames.graphLoaderRoleArn]: z.string().optional(),
  [envNames.notifyTopicArn]: z.string().optional(),
  [envNames.eventBusName]: z.string().optional(),
  [envNames.defaultTimeZone]: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/London')
    .default('UTC'),
  [envNames.kmsKeyId]: z.string().optional(),
  [envNames.pseudonymSecretPrefix]: z.string().default('caregraph/pseudonym/'),
  [envNames.logLevel]: logLevel.default('INFO'),
  [envNames.serviceName]: z.string().default('caregraph'),
  [envNames.nlpVocabularyKeys]: z.string().optional(),
  [envNames.modelEndpoints]: z.string().optional(),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Read AWS-mode configuration from the environment the CDK stack sets; throws ConfigurationError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const mode = env[envNames.mode] ?? 'aws';
  if (mode !== 'aws' && mode !== 'local') {
    throw new ConfigurationError(`${envNames.mode} must be "aws" or "local"`);
  }
  if (mode === 'local') return localConfigFromEnv(env);
  const parsed = awsEnvSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new ConfigurationError(`missing or invalid environment: ${fields}`);
  }
  const e = parsed.data;
  const vocabularyKeys = parseVocabularyKeys(e[envNames.nlpVocabularyKeys]);
  return {
    mode: 'aws',
    region: e[envNames.region],
    serviceName: e[envNames.serviceName],
    logLevel: e[envNames.logLevel],
    buckets: {
      raw: e[envNames.rawBucket],
      curated: e[envNames.curatedBucket],
      quarantine: e[envNames.quarantineBucket],
    },
    tables: {
      serving: e[envNames.servingTable],
      idempotency: e[envNames.idempotencyTable],
      audit: e[envNames.auditTable],
      reidentification: e[envNames.reidentificationTable],
    },
    endpoints: { sparql: e[envNames.sparqlEndpoint] },
    graph: { loaderRoleArn: e[envNames.graphLoaderRoleArn] },
    notify: { topicArn: e[envNames.notifyTopicArn] },
    events: { busName: e[envNames.eventBusName] },
    defaultTimeZone: e[envNames.defaultTimeZone],
    keys: {
      kmsKeyId: e[envNames.kmsKeyId],
      pseudonymSecretPrefix: e[envNames.pseudonymSecretPrefix],
    },
    nlp: { vocabularyKeys },
    models: { endpoints: parseModelEndpoints(e[envNames.modelEndpoints]) },
  };
}

export interface LocalEndpoints {
  s3: string;
  dynamodb: string;
  sparql: string;
  sagemaker: string;
}

/**
 * The embedded stack's prediction models: each is a folder of the model server's directory
 * (`<data dir>/models/<name>/model.json`), served under its own name. `cvd-risk` is the model
 * `caregraph start` and `demo` train with the sample data (local/demo-model.ts).
 */
export const localModelEndpoints = 'cvd-risk';

/** Names the embedded stack uses: the same definitions as the CDK stack, under the `caregraph-local` prefix. */
export function localConfig(
  endpoints: LocalEndpoints,
  dataDir: string,
  level: AppConfig['logLevel'] = 'WARN',
  vocabularyKeys: readonly string[] = [],
  modelEndpoints: string = localModelEndpoints,
): AppConfig {
  const prefix = 'caregraph-local';
  const buckets = Object.fromEntries(
    bucketRoles.map((r) => [r, physicalName(prefix, r)]),
  ) as Record<BucketRole, string>;
  return {
    mode: 'local',
    region: 'us-east-1',
    serviceName: 'caregraph',
    logLevel: level,
    buckets,
    tables: {
      serving: physicalName(prefix, servingTable.logicalName),
      idempotency: physicalName(prefix, idempotencyTable.logicalName),
      audit: physicalName(prefix, auditTable.logicalName),
      reidentification: physicalName(prefix, reidentificationTable.logicalName),
    },
    endpoints,
    // The embedded servers accept any credentials; these fixed ones keep the SDK's signer happy.
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    graph: {},
    notify: {},
    events: {},
    defaultTimeZone: 'UTC',
    keys: { pseudonymSecretPrefix: 'caregraph/pseudonym/' },
    dataDir,
    nlp: { vocabularyKeys: parseVocabularyKeys(vocabularyKeys, 'vocabulary keys') },
    models: { endpoints: parseModelEndpoints(modelEndpoints, 'model endpoints') },
  };
}

function localConfigFromEnv(env: NodeJS.ProcessEnv): AppConfig {
  const schema = z.object({
    [envNames.s3Endpoint]: z.url(),
    [envNames.dynamodbEndpoint]: z.url(),
    [envNames.sparqlEndpoint]: z.url(),
    [envNames.sagemakerEndpointUrl]: z.url(),
    [envNames.dataDir]: z.string().min(1),
    [envNames.logLevel]: logLevel.default('WARN'),
    [envNames.nlpVocabularyKeys]: z.string().optional(),
    [envNames.modelEndpoints]: z.string().optional(),
  });
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new ConfigurationError(`local mode needs: ${fields}`);
  }
  const e = parsed.data;
  return localConfig(
    {
      s3: e[envNames.s3Endpoint],
      dynamodb: e[envNames.dynamodbEndpoint],
      sparql: e[envNames.sparqlEndpoint],
      sagemaker: e[envNames.sagemakerEndpointUrl],
    },
    e[envNames.dataDir],
    e[envNames.logLevel],
    parseVocabularyKeys(e[envNames.nlpVocabularyKeys]),
    e[envNames.modelEndpoints] ?? localModelEndpoints,
  );
}

/** The CLI's own settings that may come from the environment (never PHI). */
export function cliEnvironment(env: NodeJS.ProcessEnv = process.env): {
  endpoint?: string;
  noColor: boolean;
} {
  return { endpoint: env.CAREGRAPH_ENDPOINT, noColor: Boolean(env.NO_COLOR) };
}

/** Where the public evaluation data lives (../shared/data beside the project unless overridden). */
export function sharedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CAREGRAPH_SHARED_DATA ?? '../shared/data';
}

/**
 * Licensed MeSH names the CID evaluation adds to its name -> id linker, when the user has them: a
 * VOCAB.jsonl written by `caregraph vocab import --format mesh` (CAREGRAPH_MESH_VOCABULARY) and/or a
 * MeSH descriptor XML (CAREGRAPH_MESH_XML). Neither set: the evaluation uses only public knowledge.
 */
export function meshVocabularyFiles(env: NodeJS.ProcessEnv = process.env): {
  vocabulary?: string;
  xml?: string;
} {
  return {
    ...(env.CAREGRAPH_MESH_VOCABULARY ? { vocabulary: env.CAREGRAPH_MESH_VOCABULARY } : {}),
    ...(env.CAREGRAPH_MESH_XML ? { xml: env.CAREGRAPH_MESH_XML } : {}),
  };
}
