// Stateless construct: knowledge-graph updates. Ingest's NoteCurated events and S3 Object Created events for
// literature/ in the raw bucket reach the kg-update function through EventBridge rules (retried, then kept
// in an encrypted DLQ); the function extracts facts and writes them to Neptune with IAM auth. Imported
// vocabularies (licensed terminologies under vocabulary/ in the curated bucket) are optional.
import { Duration, Validations } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { envNames } from '../../shared/config/config';
import { eventTypes } from '../../shared/ports/event-bus';
import { keyLayout } from '../../shared/config/resources';
import { objectPrefixFinding, topLevelPrefix, useKey, writeObjects } from './data-access';
import { alarmedDeadLetterQueue } from './dead-letter-queue';
import { connectToGraph, graphEndpointUrl, graphWriteActions } from './graph-access';
import { graphStagingPrefix, type GraphConnection } from './knowledge-graph';
import { PipelineFunction } from './pipeline-function';

export interface KgUpdateProps {
  prefix: string;
  dataKey: kms.IKey;
  rawBucket: s3.IBucket;
  curatedBucket: s3.IBucket;
  graph: GraphConnection;
  vpc: ec2.IVpc;
  environment: Record<string, string>;
  logRetention: logs.RetentionDays;
  alarmTopic: sns.ITopic;
  /**
   * Curated-bucket keys of imported vocabularies (VOCAB.jsonl under vocabulary/, validated by
   * parseVocabularyKeys) the NLP merges into the curated one. Given: the function is told them
   * (CAREGRAPH_NLP_VOCABULARY_KEYS) and may read exactly those objects. Absent or empty: neither.
   */
  vocabularyKeys?: readonly string[];
}

/** Literature uploads: the raw bucket's `literature/` prefix (functions/kg-update/make-handler.ts). */
export const literaturePrefix = 'literature/';
/** De-identified, envelope-encrypted notes: `notes/{hospital}/{patient}/{document}.txt.enc` (keyLayout.note). */
export const encryptedNotesPrefix = topLevelPrefix(keyLayout.note);
/** Notes still inside curated FHIR: `curated/{hospital}/DocumentReference/{digest}.ndjson` (keyLayout.curated). */
export const curatedNotesPattern = 'curated/*/DocumentReference/';
/** Attempts by EventBridge to deliver, then by Lambda to run, before an event is parked. */
export const kgUpdateRetries = { delivery: 4, invocation: 2 } as const;

/**
 * Two rules (NoteCurated from ingest; Object Created under literature/ from S3) invoke the
 * function asynchronously. An event EventBridge cannot deliver, and an event whose invocations
 * all fail, land in the same KMS-encrypted DLQ, and one message there pages the operators.
 * Updates are idempotent per document, so redriving the DLQ is safe.
 */
export class KgUpdate extends Construct {
  readonly function: PipelineFunction;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: KgUpdateProps) {
    super(scope, id);
    this.function = new PipelineFunction(this, 'KgUpdate', {
      prefix: props.prefix,
      name: 'kg-update',
      entry: 'functions/kg-update/handler.ts',
      description: 'Extracts facts from curated notes and literature into the knowledge graph',
      // Clinical NLP over a note plus SPARQL updates; a bulk load of a large batch polls the loader.
      memorySize: 1024,
      timeout: Duration.minutes(5),
      // Few concurrent writers: Neptune answers concurrent updates of one graph with retryable conflicts.
      reservedConcurrentExecutions: 5,
      environment: {
        ...props.environment,
        [envNames.sparqlEndpoint]: graphEndpointUrl(props.graph),
        [envNames.graphLoaderRoleArn]: props.graph.loaderRoleArn,
        ...(props.vocabularyKeys?.length
          ? { [envNames.nlpVocabularyKeys]: props.vocabularyKeys.join(',') }
          : {}),
      },
      vpc: props.vpc,
      logKey: props.dataKey,
      logRetention: props.logRetention,
    });
    this.deadLetterQueue = this.deadLetters(props);
    this.grantAccess(props);
    if (props.vocabularyKeys?.length) this.grantVocabularies(props);
    this.route(props);
  }

  /**
   * GetObject on exactly the configured vocabulary objects: the keys are known at synth time, so no
   * wildcard (and no cdk-nag acknowledgement) is needed; naming another key means a redeploy.
   */
  private grantVocabularies(props: KgUpdateProps): void {
    this.function.allow(
      new iam.PolicyStatement({
        sid: 'ReadImportedVocabularies',
        actions: ['s3:GetObject'],
        resources: (props.vocabularyKeys ?? []).map((key) =>
          props.curatedBucket.arnForObjects(key),
        ),
      }),
    );
  }

  private grantAccess(props: KgUpdateProps): void {
    connectToGraph(this, this.function, props.graph, graphWriteActions);
    this.function.allow(
      new iam.PolicyStatement({
        sid: 'ReadCuratedNotes',
        actions: ['s3:GetObject'],
        resources: [
          props.curatedBucket.arnForObjects(`${encryptedNotesPrefix}*`),
          props.curatedBucket.arnForObjects(`${curatedNotesPattern}*`),
        ],
      }),
      new iam.PolicyStatement({
        sid: 'ReadLiterature',
        actions: ['s3:GetObject'],
        resources: [props.rawBucket.arnForObjects(`${literaturePrefix}*`)],
      }),
      writeObjects('StageNQuadsForBulkLoad', props.curatedBucket, [graphStagingPrefix]),
      // Decrypt: objects (SSE-KMS) and the notes' envelope data keys (KmsKeyRing, context {hospital}).
      // GenerateDataKey: staged N-Quads and DLQ messages.
      useKey('UseDataKey', props.dataKey, [
        'kms:Decrypt',
        'kms:GenerateDataKey',
        'kms:DescribeKey',
      ]),
      // Lambda sends an event whose invocations all failed to the DLQ with the function's role.
      new iam.PolicyStatement({
        sid: 'ParkFailedEvents',
        actions: ['sqs:SendMessage'],
        resources: [this.deadLetterQueue.queueArn],
      }),
    );
    const runtimeKeys = 'keys are only known at runtime, so the grant is the key pattern';
    Validations.of(this.function.policy).acknowledge(
      {
        id: objectPrefixFinding(props.prefix, 'curated', encryptedNotesPrefix),
        reason: `NoteCurated names one encrypted note per event (notes/{hospital}/{patient}/{document}.txt.enc); ${runtimeKeys}; GetObject only.`,
      },
      {
        id: objectPrefixFinding(props.prefix, 'curated', curatedNotesPattern),
        reason: `NoteCurated names one curated note object per event (curated/{hospital}/DocumentReference/{digest}); ${runtimeKeys}, which admits notes only; GetObject only.`,
      },
      {
        id: objectPrefixFinding(props.prefix, 'raw', literaturePrefix),
        reason: `Operators upload literature under literature/{file}; ${runtimeKeys}; GetObject only.`,
      },
      {
        id: objectPrefixFinding(props.prefix, 'curated', graphStagingPrefix),
        reason: `Staged N-Quads are named by their content hash (graph-staging/{sha256}.nq); ${runtimeKeys}; PutObject only.`,
      },
    );
  }

  private deadLetters(props: KgUpdateProps): sqs.Queue {
    return alarmedDeadLetterQueue(this, {
      prefix: props.prefix,
      name: 'kg-update',
      dataKey: props.dataKey,
      alarmTopic: props.alarmTopic,
      alarmDescription: 'A note or literature upload could not be recorded in the knowledge graph.',
      holds: 'the kg-update rules and of its failed invocations',
    });
  }

  private route(props: KgUpdateProps): void {
    this.function.fn.configureAsyncInvoke({
      retryAttempts: kgUpdateRetries.invocation,
      maxEventAge: Duration.hours(2),
      onFailure: new destinations.SqsDestination(this.deadLetterQueue),
    });
    const target = new targets.LambdaFunction(this.function.fn, {
      deadLetterQueue: this.deadLetterQueue,
      retryAttempts: kgUpdateRetries.delivery,
      maxEventAge: Duration.hours(2),
    });
    const { source, detailType } = eventTypes.noteCurated;
    new events.Rule(this, 'NoteCurated', {
      ruleName: `${props.prefix}-note-curated`,
      description: 'A clinical note was curated: record its facts in the knowledge graph',
      eventPattern: { source: [source], detailType: [detailType] },
      targets: [target],
    });
    // S3 sends every object event of the bucket to EventBridge once enabled; the rule keeps literature.
    props.rawBucket.enableEventBridgeNotification();
    new events.Rule(this, 'LiteratureUploaded', {
      ruleName: `${props.prefix}-literature-uploaded`,
      description: 'A literature abstract was uploaded: record its facts in the knowledge graph',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [props.rawBucket.bucketName] },
          object: { key: events.Match.prefix(literaturePrefix) },
        },
      },
      targets: [target],
    });
  }
}
