// Primary adapter: SQS (carrying S3 ObjectCreated notifications) -> ingestFile, with partial batch
// failures (only failed messages are retried, then sent to the DLQ) and idempotency per object version.
import { createHash } from 'node:crypto';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Dependencies } from '../../shared/adapters/composition';
import type { Observability } from '../../shared/adapters/observability';
import {
  IngestYielded,
  ingestFile,
  recordPermanentFailure,
} from '../../shared/domain/ingest/ingest-file';
import { shouldRetry } from '../../shared/domain/problem';
import { ObjectChangedError, ValidationError, asCaregraphError } from '../../shared/domain/errors';
import { decodeS3Key, s3NotificationSchema, type S3EventRecord } from './s3-event';
import { reidentificationTableOf, researchViews } from './research-views';
import {
  continuationDetailOf,
  continuationRecord,
  requestContinuation,
  sequenceOf,
} from './continuation';

export interface IngestHandlerOptions {
  /** Records between checkpoints (default 10,000; tests use fewer). */
  checkpointEvery?: number;
}

export function makeIngestHandler(
  deps: Dependencies,
  { logger, metrics }: Observability,
  options: IngestHandlerOptions = {},
) {
  // Pseudonyms issued go to the re-identification table; Patients get research keys (research-views.ts).
  const research = researchViews(deps, reidentificationTableOf(deps));
  const ingestDeps = { ...deps, keys: research.keys, serving: research.serving };
  const idempotency = new IdempotencyConfig({ expiresAfterSeconds: 7 * 24 * 3600 });
  let lambdaContext: Context | undefined;
  const ingestObject = makeIdempotent(
    async (record: S3EventRecord) => {
      const key = decodeS3Key(record.s3.object.key);
      const etag = record.s3.object.eTag ?? record.s3.object.sequencer ?? key;
      const context = lambdaContext;
      const outcome = await ingestFile(ingestDeps, {
        key,
        etag,
        ...(record.s3.object.eTag ? { versionEtag: record.s3.object.eTag } : {}),
        ...(options.checkpointEvery ? { checkpointEvery: options.checkpointEvery } : {}),
        ...(context ? { remainingMs: () => context.getRemainingTimeInMillis() } : {}),
      }).catch(async (error: unknown) => {
        if (error instanceof IngestYielded) return error;
        // Uploaded again since this event: the newer version's own event ingests it.
        if (error instanceof ObjectChangedError) return error;
        // A retry cannot fix a permanent failure: report it (the file stays in raw storage) instead
        // of cycling the message to the DLQ while the hospital waits for a report that never comes.
        if (shouldRetry(error)) throw error;
        logger.error('file failed permanently', {
          ...fileRef(key),
          error: asCaregraphError(error).name,
        });
        return recordPermanentFailure(deps, key, error);
      });
      await research.flush();
      if (outcome instanceof IngestYielded) {
        // Stopped at a checkpoint for lack of time: the next invocation resumes there.
        const next = await requestContinuation(
          deps,
          record,
          key,
          outcome.afterLine,
          deps.clock.now().toISOString(),
        );
        logger.info('file continues in another invocation', {
          ...fileRef(key),
          afterLine: outcome.afterLine,
          invocation: next.sequence,
        });
        metrics.addMetric('FileContinuations', MetricUnit.Count, 1);
        return { key, status: 'continuing', afterLine: outcome.afterLine };
      }
      if (outcome instanceof ObjectChangedError) {
        logger.info(
          'file changed since its event; its newer version is ingested by its own event',
          {
            ...fileRef(key),
          },
        );
        metrics.addMetric('FilesSuperseded', MetricUnit.Count, 1);
        return { key, status: 'superseded' };
      }
      const report = outcome;
      logger.info('file ingested', {
        ...fileRef(key),
        status: report.status,
        records: report.records,
      });
      metrics.addMetric('RecordsAccepted', MetricUnit.Count, report.records.accepted);
      metrics.addMetric('RecordsQuarantined', MetricUnit.Count, report.records.rejected);
      return { key, status: report.status };
    },
    {
      persistenceStore: new DynamoDBPersistenceLayer({
        tableName: deps.config.tables.idempotency,
        awsSdkV3Client: deps.dynamodb,
      }),
      config: idempotency,
      // One processing per object version: bucket, key and content identity.
      dataIndexArgument: 0,
    },
  );

  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = async (message: SQSRecord) => {
    const body = parseBody(message);
    if (isTestEvent(body)) return; // s3:TestEvent, sent once when notifications are configured
    const continuation = continuationDetailOf(body);
    if (continuation) {
      await ingestObject(await continuationRecord(deps.serving, continuation));
      return;
    }
    const parsed = s3NotificationSchema.safeParse(body);
    if (!parsed.success)
      throw new ValidationError(`SQS message ${message.messageId} is not an S3 notification`);
    for (const record of parsed.data.Records) {
      if (!record.eventName.startsWith('ObjectCreated')) continue;
      await ingestObject(identityOf(record));
    }
  };

  return middy(async (event: SQSEvent, context: Context) => {
    idempotency.registerLambdaContext(context);
    lambdaContext = context;
    // Report every failed message (even all of them) rather than throwing: SQS retries exactly those.
    return processPartialResponse(event, recordHandler, processor, {
      context,
      throwOnFullBatchFailure: false,
    });
  })
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics));
}

function parseBody(message: SQSRecord): unknown {
  try {
    return JSON.parse(message.body);
  } catch (error) {
    throw new ValidationError(`SQS message ${message.messageId} body is not JSON`, undefined, {
      cause: error,
    });
  }
}

function isTestEvent(body: unknown): boolean {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { Event?: unknown }).Event === 's3:TestEvent'
  );
}

/** Only what identifies the object version goes into the idempotency key (not eventTime or request ids). */
function identityOf(record: S3EventRecord): S3EventRecord {
  const { bucket, object } = record.s3;
  return {
    eventSource: record.eventSource,
    // A continuation's sequence keeps it apart from the invocation it continues (which completed).
    eventName: sequenceOf(record) > 0 ? record.eventName : 'ObjectCreated',
    eventTime: '',
    s3: {
      bucket: { name: bucket.name },
      object: { key: object.key, eTag: object.eTag, versionId: object.versionId },
    },
  };
}

/**
 * How logs name a file: hospital, batch and a digest of the key. File names can carry patient names
 * (exports are often named per patient), so they never reach logs.
 */
function fileRef(key: string): { hospital?: string; batch?: string; file: string } {
  const [, hospital, batch] = key.split('/');
  return { hospital, batch, file: createHash('sha256').update(key).digest('hex').slice(0, 16) };
}
