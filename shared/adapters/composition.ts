// The composition root: the one place that picks adapters, from typed config. AWS and the embedded
// stack use the same AWS SDK v3 clients; local mode changes only endpoints and credentials.
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { SNSClient } from '@aws-sdk/client-sns';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { AppConfig } from '../config/config';
import {
  auditTable,
  idempotencyTable,
  reidentificationTable,
  servingTable,
} from '../config/resources';
import type {
  Clock,
  EventBus,
  GraphStore,
  KeyRing,
  Notifier,
  ObjectStore,
  Predictor,
  Table,
} from '../ports';
import { systemClock } from '../ports/clock';
import { S3ObjectStore } from './aws/s3-object-store';
import { DynamoDbTable } from './aws/dynamodb-table';
import { KmsKeyRing } from './aws/kms-key-ring';
import { SnsNotifier } from './aws/sns-notifier';
import { SageMakerPredictor } from './aws/sagemaker-predictor';
import { SparqlHttpGraphStore } from './graph/sparql-http-graph-store';
import { neptuneSigner } from './graph/neptune-sigv4';
import { LocalKeyRing } from './local/local-key-ring';
import { OutboxNotifier } from './local/outbox-notifier';
import { OutboxEventBus } from './local/outbox-event-bus';
import { EventBridgeBus } from './aws/eventbridge-bus';

export interface Dependencies {
  config: AppConfig;
  objects: ObjectStore;
  serving: Table;
  /** The append-only audit trail; only the API is configured with it. */
  audit?: Table;
  /** The restricted re-identification map; only ingest is configured with it (write-only). */
  reidentification?: Table;
  keys: KeyRing;
  notifier: Notifier;
  /** Domain events (EventBridge in AWS; the running stack passes its in-process bus). */
  events: EventBus;
  clock: Clock;
  graph: GraphStore;
  predictor: Predictor;
  /** The raw DynamoDB client, for libraries that need one (Powertools idempotency). */
  dynamodb: DynamoDBClient;
  s3: S3Client;
}

/** Client settings shared by every AWS SDK v3 client: region, and in local mode endpoint + static credentials. */
export function clientSettings(config: AppConfig, endpoint?: string) {
  return {
    region: config.region,
    ...(config.mode === 'local' ? { endpoint, credentials: config.credentials } : {}),
    maxAttempts: 3,
  };
}

export function buildDependencies(
  config: AppConfig,
  overrides: Partial<Dependencies> = {},
): Dependencies {
  const s3 = new S3Client({
    ...clientSettings(config, config.endpoints.s3),
    forcePathStyle: config.mode === 'local',
  });
  const dynamodb = new DynamoDBClient(clientSettings(config, config.endpoints.dynamodb));
  const documents = DynamoDBDocumentClient.from(dynamodb, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  const local = config.mode === 'local';
  const dataDir = config.dataDir ?? '.caregraph';
  return {
    config,
    s3,
    dynamodb,
    objects: new S3ObjectStore(s3, config.buckets, local ? undefined : config.keys.kmsKeyId),
    serving: new DynamoDbTable(documents, config.tables.serving, servingTable),
    ...(config.tables.reidentification
      ? {
          reidentification: new DynamoDbTable(
            documents,
            config.tables.reidentification,
            reidentificationTable,
          ),
        }
      : {}),
    ...(config.tables.audit
      ? { audit: new DynamoDbTable(documents, config.tables.audit, auditTable) }
      : {}),
    keys: local
      ? new LocalKeyRing(join(dataDir, 'keys', 'master.key'))
      : new KmsKeyRing(
          new KMSClient(clientSettings(config)),
          new SecretsManagerClient(clientSettings(config)),
          config.keys.kmsKeyId,
          config.keys.pseudonymSecretPrefix,
        ),
    notifier: local
      ? new OutboxNotifier(join(dataDir, 'outbox.jsonl'))
      : new SnsNotifier(new SNSClient(clientSettings(config)), config.notify.topicArn),
    events: local
      ? new OutboxEventBus(join(dataDir, 'events.jsonl'))
      : new EventBridgeBus(new EventBridgeClient(clientSettings(config)), config.events.busName),
    clock: systemClock,
    graph: new SparqlHttpGraphStore({
      endpoint: config.endpoints.sparql ?? 'http://127.0.0.1:8182',
      ...(local ? {} : { sign: neptuneSigner({ region: config.region }) }),
    }),
    predictor: new SageMakerPredictor(
      new SageMakerRuntimeClient(clientSettings(config, config.endpoints.sagemaker)),
    ),
    ...overrides,
  };
}

/** The idempotency table's DynamoDB definition (Powertools' persistence layer expects key `id`). */
export const idempotencyKeyAttribute = idempotencyTable.partitionKey.name;
