// Stateless construct: raw upload -> S3 notification -> SQS (with DLQ) -> ingest function, and the alarm that watches it.
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as eventsources from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import {
  idempotencyTable,
  keyLayout,
  reidentificationTable,
  servingTable,
} from '../../shared/config/resources';
import type { BucketRole } from '../../shared/ports/object-store';
import { eventTypes } from '../../shared/ports/event-bus';
import {
  objectPrefixFinding,
  pseudonymSecretsFinding,
  readPseudonymSecrets,
  readRawUploads,
  readWriteTable,
  topLevelPrefix,
  useKey,
  writeObjects,
  writeOnlyTable,
} from './data-access';
import { IngestQueue } from './ingest-queue';
import { PipelineFunction } from './pipeline-function';

export interface IngestPipelineProps {
  prefix: string;
  dataKey: kms.IKey;
  buckets: Record<BucketRole, s3.IBucket>;
  servingTable: dynamodb.ITable;
  idempotencyTable: dynamodb.ITable;
  /** The re-identification map: ingest writes it and nothing else may read it. */
  reidentificationTable: dynamodb.ITable;
  vpc: ec2.IVpc;
  environment: Record<string, string>;
  pseudonymSecretPrefix: string;
  reservedConcurrency: number;
  logRetention: logs.RetentionDays;
  alarmTopic: sns.ITopic;
}

/** Ingest works one file per invocation; large NDJSON and VCF files need minutes, not seconds. */
export const ingestTimeout = Duration.minutes(5);
/** Attempts per S3 event before it is parked in the DLQ for an operator. */
export const ingestMaxReceiveCount = 5;

/**
 * Every object ingest writes, by bucket, as the `keyLayout` entries that name it: curated NDJSON
 * (shared/domain/ingest/output-streams.ts), the report per file (ingest-file.ts), each
 * de-identified, encrypted note (note-curation.ts), and rejected records. The write grant is the
 * top-level prefix of each, so a new layout entry ingest writes is added here and nowhere else.
 */
export const ingestWrites = {
  curated: {
    curated: {
      layout: keyLayout.curated,
      what: 'curated NDJSON per hospital and resource type (curated/{hospital}/{type}/{digest}.ndjson)',
    },
    report: {
      layout: keyLayout.report,
      what: 'one report per uploaded file (reports/{hospital}/{batch}/{file}.report.json)',
    },
    note: {
      layout: keyLayout.note,
      what: 'one de-identified, envelope-encrypted text per clinical note (notes/{hospital}/{patient}/{document}.txt.enc)',
    },
  },
  quarantine: {
    quarantine: {
      layout: keyLayout.quarantine,
      what: 'rejected records per uploaded file (quarantine/{hospital}/{batch}/{file}.ndjson)',
    },
  },
} as const;

/** The prefixes ingest may write under in `bucket`, e.g. `['curated/', 'reports/', 'notes/']`. */
export function ingestWritePrefixes(bucket: keyof typeof ingestWrites): string[] {
  return Object.values(ingestWrites[bucket]).map((w) => topLevelPrefix(w.layout));
}

/**
 * Every object created under `raw/` in the raw bucket becomes one SQS message; the ingest
 * function takes one message per invocation and reports a failed message back
 * (`batchItemFailures`), so only that file is retried. After five failed receives the message
 * moves to the DLQ, where an alarm pages the operators; nothing is dropped.
 */
export class IngestPipeline extends Construct {
  readonly queue: IngestQueue;
  readonly function: PipelineFunction;

  constructor(scope: Construct, id: string, props: IngestPipelineProps) {
    super(scope, id);
    const { buckets, dataKey } = props;

    this.queue = new IngestQueue(this, 'Queue', {
      prefix: props.prefix,
      key: dataKey,
      consumerTimeout: ingestTimeout,
      maxReceiveCount: ingestMaxReceiveCount,
      alarmTopic: props.alarmTopic,
    });

    // `buckets.raw` is a by-name reference, so the notification custom resource lives in this
    // stack: on the stateful bucket construct it would make the stateful stack depend on this queue.
    const toQueue = new s3n.SqsDestination(this.queue.queue);
    buckets.raw.addEventNotification(s3.EventType.OBJECT_CREATED, toQueue, {
      prefix: keyLayout.rawPrefix,
    });
    this.acknowledgeNotificationHandler(buckets.raw, dataKey);

    this.function = new PipelineFunction(this, 'Ingest', {
      prefix: props.prefix,
      name: 'ingest',
      entry: 'functions/ingest/handler.ts',
      description:
        'Validates, de-identifies and normalises one uploaded file into curated S3 and DynamoDB',
      memorySize: 1024,
      timeout: ingestTimeout,
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: props.environment,
      vpc: props.vpc,
      logKey: dataKey,
      logRetention: props.logRetention,
    });
    this.grantIngestAccess(props);

    // A file too large for one invocation stops at a checkpoint and asks for the next one
    // (functions/ingest/continuation.ts): the event goes straight to this queue, so the file goes
    // on at once and never spends the upload message's receive count. Undeliverable events land in
    // the alarmed dead-letter queue. (The data key lets EventBridge encrypt into the queue.)
    const continuation = eventTypes.ingestContinuationRequested;
    new events.Rule(this, 'IngestContinuation', {
      ruleName: `${props.prefix}-ingest-continuation`,
      description: 'A file continues in the next ingest invocation, after its last checkpoint',
      eventPattern: { source: [continuation.source], detailType: [continuation.detailType] },
      targets: [
        new targets.SqsQueue(this.queue.queue, {
          deadLetterQueue: this.queue.deadLetterQueue,
          retryAttempts: 8,
          maxEventAge: Duration.hours(24),
        }),
      ],
    });

    this.function.fn.addEventSource(
      new eventsources.SqsEventSource(this.queue.queue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        // Poll no faster than the function may scale, so messages wait in the queue instead of
        // being throttled and burning receive attempts towards the DLQ.
        maxConcurrency: props.reservedConcurrency >= 2 ? props.reservedConcurrency : undefined,
      }),
    );
  }

  private grantIngestAccess(props: IngestPipelineProps): void {
    const { buckets, dataKey, prefix } = props;
    this.function.allow(
      ...readRawUploads(buckets.raw),
      writeObjects('WriteCuratedReportsAndNotes', buckets.curated, ingestWritePrefixes('curated')),
      writeObjects('WriteQuarantine', buckets.quarantine, ingestWritePrefixes('quarantine')),
      readWriteTable('ReadWriteServingRecords', props.servingTable, servingTable),
      readWriteTable('ReadWriteIdempotencyRecords', props.idempotencyTable, idempotencyTable),
      writeOnlyTable(
        'WriteReidentificationEntries',
        props.reidentificationTable,
        reidentificationTable,
      ),
      // Decrypt: raw objects, queue messages, secrets. GenerateDataKey/Encrypt: curated objects,
      // table items and the key ring's envelope encryption.
      useKey('UseDataKey', dataKey, [
        'kms:Decrypt',
        'kms:Encrypt',
        'kms:GenerateDataKey',
        'kms:DescribeKey',
      ]),
      readPseudonymSecrets(this, props.pseudonymSecretPrefix),
      // PatientDataUpdated events for monitoring and IngestContinuationRequested for itself, on
      // the account's default bus only.
      new iam.PolicyStatement({
        sid: 'AnnouncePatientDataUpdated',
        actions: ['events:PutEvents'],
        resources: [
          Stack.of(this).formatArn({
            service: 'events',
            resource: 'event-bus',
            resourceName: 'default',
          }),
        ],
      }),
      new iam.PolicyStatement({
        sid: 'ConsumeIngestQueue',
        actions: [
          'sqs:ReceiveMessage',
          'sqs:DeleteMessage',
          'sqs:ChangeMessageVisibility',
          'sqs:GetQueueAttributes',
        ],
        resources: [this.queue.queue.queueArn],
      }),
    );

    const runtimeKeys =
      'object keys ({hospital}/{batch}/{file}) are only known at runtime, so the grant is the key prefix';
    Validations.of(this.function.policy).acknowledge(
      {
        id: objectPrefixFinding(prefix, 'raw', keyLayout.rawPrefix),
        reason: `Ingest reads whichever file a hospital uploads: ${runtimeKeys}; GetObject/GetObjectVersion only.`,
      },
      ...(['curated', 'quarantine'] as const).flatMap((bucket) =>
        Object.values(ingestWrites[bucket]).map(({ layout, what }) => ({
          id: objectPrefixFinding(prefix, bucket, topLevelPrefix(layout)),
          reason: `Ingest writes ${what}; the keys are only known at runtime, so the grant is the key prefix; PutObject only.`,
        })),
      ),
      {
        id: pseudonymSecretsFinding(props.pseudonymSecretPrefix),
        reason:
          'One pseudonymisation secret per hospital, and Secrets Manager appends a random suffix to every ' +
          'secret ARN, so the grant is the name prefix; GetSecretValue only.',
      },
    );
  }

  /**
   * CDK implements bucket notifications with a singleton custom-resource handler (AWS-managed
   * logging policy, inline PutBucketNotification policy). It runs only during deploys and never
   * touches object data. CDK also warns that it cannot add S3 to the policy of a key used by
   * reference; DataKey already has that statement.
   */
  private acknowledgeNotificationHandler(rawBucket: s3.IBucket, dataKey: kms.IKey): void {
    const handler = Stack.of(this).node.children.find((c) =>
      c.node.id.startsWith('BucketNotificationsHandler'),
    );
    if (handler) {
      Validations.of(handler).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'CDK-owned deploy-time handler that writes the raw bucket notification configuration; the managed ' +
          'policy only lets it write CloudWatch logs. A hand-made role would need the same logs grant on a ' +
          'wildcard log group, since CloudFormation generates the handler name.',
      });
    }
    const notifications = rawBucket.node.tryFindChild('Notifications');
    if (notifications) {
      Validations.of(notifications).acknowledge({
        id: 'HIPAA.Security-IAMNoInlinePolicy',
        reason:
          'CDK-generated inline policy of the notification handler: s3:PutBucketNotification on the raw bucket ' +
          'only, created and deleted with the notification custom resource.',
      });
    }
    Validations.of(dataKey).acknowledge({
      id: '@aws-cdk/aws-s3-notifications:sqsKMSPermissionsNotAdded',
      reason:
        'The stateful DataKey policy already lets s3.amazonaws.com (same account) GenerateDataKey/Decrypt, ' +
        'statement S3NotificationsIntoEncryptedQueue; the stateless stack never edits the key policy.',
    });
  }
}
