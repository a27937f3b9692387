import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../domain/errors';
import {
  envNames,
  loadConfig,
  localConfig,
  maxVocabularyKeys,
  parseModelEndpoints,
  parseVocabularyKeys,
} from './config';
import { physicalName } from './resources';

const awsEnv = {
  AWS_REGION: 'eu-west-1',
  CAREGRAPH_RAW_BUCKET: 'caregraph-raw-123456789012-eu-west-1',
  CAREGRAPH_CURATED_BUCKET: 'caregraph-curated-123456789012-eu-west-1',
  CAREGRAPH_QUARANTINE_BUCKET: 'caregraph-quarantine-123456789012-eu-west-1',
  CAREGRAPH_SERVING_TABLE: 'caregraph-prod-serving',
  CAREGRAPH_IDEMPOTENCY_TABLE: 'caregraph-prod-idempotency',
  CAREGRAPH_SPARQL_ENDPOINT:
    'https://graph.cluster-abc.eu-west-1.neptune.amazonaws.com:8182/sparql',
  CAREGRAPH_GRAPH_LOADER_ROLE_ARN: 'arn:aws:iam::123456789012:role/caregraph-graph-loader',
  CAREGRAPH_NOTIFY_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:caregraph-notify',
  CAREGRAPH_KMS_KEY_ID:
    'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  CAREGRAPH_PSEUDONYM_SECRET_PREFIX: 'caregraph/prod/pseudonym/',
  CAREGRAPH_LOG_LEVEL: 'DEBUG',
  POWERTOOLS_SERVICE_NAME: 'caregraph-ingest',
  CAREGRAPH_AUDIT_TABLE: 'caregraph-prod-audit',
  CAREGRAPH_EVENT_BUS: 'caregraph-events',
  CAREGRAPH_DEFAULT_TIME_ZONE: 'Europe/London',
};

const localEnv = {
  CAREGRAPH_MODE: 'local',
  CAREGRAPH_S3_ENDPOINT: 'http://127.0.0.1:4569',
  CAREGRAPH_DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567',
  CAREGRAPH_SPARQL_ENDPOINT: 'http://127.0.0.1:7878/query',
  CAREGRAPH_SAGEMAKER_URL: 'http://127.0.0.1:8080',
  CAREGRAPH_DATA_DIR: '/tmp/caregraph-data',
};

function configurationErrorOf(act: () => unknown): ConfigurationError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError, but nothing was thrown');
}

describe('Function: loadConfig', () => {
  it('reads a full AWS environment into a typed config', () => {
    // Act
    const config = loadConfig(awsEnv);

    // Assess
    expect(config).toEqual({
      mode: 'aws',
      region: 'eu-west-1',
      serviceName: 'caregraph-ingest',
      logLevel: 'DEBUG',
      buckets: {
        raw: 'caregraph-raw-123456789012-eu-west-1',
        curated: 'caregraph-curated-123456789012-eu-west-1',
        quarantine: 'caregraph-quarantine-123456789012-eu-west-1',
      },
      tables: {
        serving: 'caregraph-prod-serving',
        idempotency: 'caregraph-prod-idempotency',
        audit: 'caregraph-prod-audit',
      },
      endpoints: {
        sparql: 'https://graph.cluster-abc.eu-west-1.neptune.amazonaws.com:8182/sparql',
      },
      events: { busName: 'caregraph-events' },
      defaultTimeZone: 'Europe/London',
      graph: { loaderRoleArn: 'arn:aws:iam::123456789012:role/caregraph-graph-loader' },
      notify: { topicArn: 'arn:aws:sns:eu-west-1:123456789012:caregraph-notify' },
      keys: {
        kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        pseudonymSecretPrefix: 'caregraph/prod/pseudonym/',
      },
      nlp: { vocabularyKeys: [] },
      models: { endpoints: new Map() },
    });
  });

  it('applies defaults for the optional variables', () => {
    // Prepare
    const {
      CAREGRAPH_LOG_LEVEL: _level,
      POWERTOOLS_SERVICE_NAME: _service,
      CAREGRAPH_PSEUDONYM_SECRET_PREFIX: _prefix,
      CAREGRAPH_SPARQL_ENDPOINT: _sparql,
      ...required
    } = awsEnv;

    // Act
    const config = loadConfig(required);

    // Assess
    expect(config.logLevel).toBe('INFO');
    expect(config.serviceName).toBe('caregraph');
    expect(config.keys.pseudonymSecretPrefix).toBe('caregraph/pseudonym/');
    expect(config.endpoints.sparql).toBeUndefined();
  });

  it('names every missing variable in one ConfigurationError', () => {
    // Prepare
    const {
      CAREGRAPH_RAW_BUCKET: _raw,
      CAREGRAPH_SERVING_TABLE: _serving,
      AWS_REGION: _region,
      ...partial
    } = awsEnv;

    // Act
    const error = configurationErrorOf(() => loadConfig(partial));

    // Assess
    expect(error.message).toMatch(/^missing or invalid environment: /);
    for (const name of [envNames.region, envNames.rawBucket, envNames.servingTable])
      expect(error.message).toContain(name);
    expect(error.message).not.toContain(envNames.curatedBucket);
  });

  it('names an invalid variable (a log level outside the set, an endpoint that is not a URL)', () => {
    // Act
    const error = configurationErrorOf(() =>
      loadConfig({
        ...awsEnv,
        CAREGRAPH_LOG_LEVEL: 'VERBOSE',
        CAREGRAPH_SPARQL_ENDPOINT: 'the graph endpoint',
      }),
    );

    // Assess
    expect(error.message).toContain(envNames.logLevel);
    expect(error.message).toContain(envNames.sparqlEndpoint);
  });

  it('does not read process.env when an environment is passed', () => {
    // Prepare: whatever the test process has set must not fill the gaps of the env given.
    const previous = process.env.CAREGRAPH_RAW_BUCKET;
    process.env.CAREGRAPH_RAW_BUCKET = 'from-process-env';
    const { CAREGRAPH_RAW_BUCKET: _raw, ...partial } = awsEnv;

    // Act
    const load = () => loadConfig(partial);

    // Assess
    try {
      expect(load).toThrow(envNames.rawBucket);
    } finally {
      if (previous === undefined) delete process.env.CAREGRAPH_RAW_BUCKET;
      else process.env.CAREGRAPH_RAW_BUCKET = previous;
    }
  });

  it('builds the local config from the environment in local mode', () => {
    // Act
    const config = loadConfig(localEnv);

    // Assess
    expect(config).toEqual(
      localConfig(
        {
          s3: 'http://127.0.0.1:4569',
          dynamodb: 'http://127.0.0.1:4567',
          sparql: 'http://127.0.0.1:7878/query',
          sagemaker: 'http://127.0.0.1:8080',
        },
        '/tmp/caregraph-data',
        'WARN',
      ),
    );
    expect(config.mode).toBe('local');
    expect(config.dataDir).toBe('/tmp/caregraph-data');
  });

  it('reads the imported vocabularies kg-update merges, in order, trimmed', () => {
    // Act
    const config = loadConfig({
      ...awsEnv,
      CAREGRAPH_NLP_VOCABULARY_KEYS: 'vocabulary/mesh-2025.jsonl, vocabulary/umls/2025AA.jsonl',
    });
    const local = loadConfig({
      ...localEnv,
      CAREGRAPH_NLP_VOCABULARY_KEYS: 'vocabulary/mesh-2025.jsonl',
    });

    // Assess
    expect(envNames.nlpVocabularyKeys).toBe('CAREGRAPH_NLP_VOCABULARY_KEYS');
    expect(config.nlp.vocabularyKeys).toEqual([
      'vocabulary/mesh-2025.jsonl',
      'vocabulary/umls/2025AA.jsonl',
    ]);
    expect(local.nlp.vocabularyKeys).toEqual(['vocabulary/mesh-2025.jsonl']);
    expect(
      loadConfig({ ...awsEnv, CAREGRAPH_NLP_VOCABULARY_KEYS: ' ' }).nlp.vocabularyKeys,
    ).toEqual([]);
  });

  it.each([
    [
      'a key outside vocabulary/',
      'models/mesh.jsonl',
      /"models\/mesh.jsonl" must be a curated-bucket key under vocabulary\//,
    ],
    ['a key not ending .jsonl', 'vocabulary/desc2025.xml', /"vocabulary\/desc2025.xml"/],
    ['the bare prefix', 'vocabulary/.jsonl', /"vocabulary\/.jsonl"/],
    ['a parent segment', 'vocabulary/../notes/x.jsonl', /"vocabulary\/..\/notes\/x.jsonl"/],
    ['a space', 'vocabulary/my mesh.jsonl', /"vocabulary\/my mesh.jsonl"/],
    ['a repeat', 'vocabulary/a.jsonl,vocabulary/a.jsonl', /"vocabulary\/a.jsonl" is listed twice/],
    [
      'too many keys',
      Array.from({ length: maxVocabularyKeys + 1 }, (_, i) => `vocabulary/v${i}.jsonl`).join(','),
      /at most 10 vocabulary keys, got 11/,
    ],
  ])('rejects %s with a ConfigurationError naming the variable', (_case, value, problem) => {
    // Act
    const error = configurationErrorOf(() =>
      loadConfig({ ...awsEnv, CAREGRAPH_NLP_VOCABULARY_KEYS: value }),
    );

    // Assess
    expect(error.message).toMatch(/^CAREGRAPH_NLP_VOCABULARY_KEYS: /);
    expect(error.message).toMatch(problem);
  });

  it('names the missing local-mode variables', () => {
    // Prepare
    const { CAREGRAPH_S3_ENDPOINT: _s3, CAREGRAPH_DATA_DIR: _dir, ...partial } = localEnv;

    // Act
    const error = configurationErrorOf(() => loadConfig(partial));

    // Assess
    expect(error.message).toMatch(/^local mode needs: /);
    expect(error.message).toContain(envNames.s3Endpoint);
    expect(error.message).toContain(envNames.dataDir);
    expect(error.message).not.toContain(envNames.dynamodbEndpoint);
  });
});

describe('Function: localConfig', () => {
  it('names buckets and tables with the caregraph-local prefix, as the CDK stack would', () => {
    // Prepare
    const endpoints = {
      s3: 'http://127.0.0.1:1',
      dynamodb: 'http://127.0.0.1:2',
      sparql: 'http://127.0.0.1:3',
      sagemaker: 'http://127.0.0.1:4',
    };

    // Act
    const config = localConfig(endpoints, '/data');

    // Assess
    expect(config.buckets).toEqual({
      raw: physicalName('caregraph-local', 'raw'),
      curated: physicalName('caregraph-local', 'curated'),
      quarantine: physicalName('caregraph-local', 'quarantine'),
    });
    expect(config.buckets.raw).toBe('caregraph-local-raw');
    expect(config.tables).toEqual({
      serving: physicalName('caregraph-local', 'serving'),
      idempotency: physicalName('caregraph-local', 'idempotency'),
      audit: physicalName('caregraph-local', 'audit'),
      reidentification: physicalName('caregraph-local', 'reidentification'),
    });
    expect(config.tables.serving).toBe('caregraph-local-serving');
    expect(config.logLevel).toBe('WARN');
    expect(config.endpoints).toEqual(endpoints);
    expect(config.credentials).toBeDefined();
    expect(config.nlp.vocabularyKeys).toEqual([]);
  });

  it('takes the imported vocabularies the embedded stack is started with, validated', () => {
    // Prepare
    const endpoints = {
      s3: 'http://a',
      dynamodb: 'http://b',
      sparql: 'http://c',
      sagemaker: 'http://d',
    };

    // Act
    const config = localConfig(endpoints, '/data', 'WARN', ['vocabulary/mesh.jsonl']);

    // Assess
    expect(config.nlp.vocabularyKeys).toEqual(['vocabulary/mesh.jsonl']);
    expect(() => localConfig(endpoints, '/data', 'WARN', ['mesh.jsonl'])).toThrow(
      ConfigurationError,
    );
  });
});

describe('Function: parseVocabularyKeys', () => {
  it('accepts a comma-separated string or a list, names the source given in errors', () => {
    expect(parseVocabularyKeys(undefined)).toEqual([]);
    expect(parseVocabularyKeys('vocabulary/a.jsonl,,vocabulary/b.jsonl')).toEqual([
      'vocabulary/a.jsonl',
      'vocabulary/b.jsonl',
    ]);
    expect(parseVocabularyKeys(['vocabulary/a.jsonl'])).toEqual(['vocabulary/a.jsonl']);
    expect(() => parseVocabularyKeys('a.jsonl', '--vocabulary-keys')).toThrow(
      /^--vocabulary-keys: "a.jsonl" must be/,
    );
  });
});

describe('Function: parseModelEndpoints', () => {
  it('reads name=endpoint pairs in order, a bare name as its own endpoint, blank as none', () => {
    // Act
    const models = parseModelEndpoints(' cvd-risk=caregraph-prod-cvd-risk , readmission ,');
    // Assess
    expect([...models]).toEqual([
      ['cvd-risk', 'caregraph-prod-cvd-risk'],
      ['readmission', 'readmission'],
    ]);
    expect(parseModelEndpoints(undefined).size).toBe(0);
    expect(parseModelEndpoints(' ').size).toBe(0);
  });

  it.each([
    ['cvd risk=x', /"cvd risk=x" must be name=endpoint/],
    ['a=b=c', /"a=b=c" must be name=endpoint/],
    ['a=-b', /"a=-b" must be name=endpoint/],
    ['a=x,a=y', /model "a" is listed twice/],
    [Array.from({ length: 21 }, (_v, i) => `m${i}`).join(','), /at most 20 models, got 21/],
  ])('refuses %j, naming the variable', (value, problem) => {
    // Act
    const act = () => parseModelEndpoints(value);
    // Assess
    expect(act).toThrow(ConfigurationError);
    expect(act).toThrow(/^CAREGRAPH_MODEL_ENDPOINTS: /);
    expect(act).toThrow(problem);
  });

  it('is read by loadConfig in AWS mode, and defaults to the local model in local mode', () => {
    // Act
    const aws = loadConfig({ ...awsEnv, [envNames.modelEndpoints]: 'cvd-risk=prod-cvd-risk' });
    const none = loadConfig(awsEnv);
    const local = localConfig(
      { s3: 'http://a', dynamodb: 'http://b', sparql: 'http://c', sagemaker: 'http://d' },
      '.caregraph',
    );
    // Assess
    expect([...aws.models.endpoints]).toEqual([['cvd-risk', 'prod-cvd-risk']]);
    expect(none.models.endpoints.size).toBe(0);
    expect([...local.models.endpoints]).toEqual([['cvd-risk', 'cvd-risk']]);
  });
});
