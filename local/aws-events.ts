// The embedded stack's event shapes: exactly the JSON AWS delivers (S3 -> SQS, API Gateway HTTP API
// v2, EventBridge Scheduler), so the same handlers run unchanged. Samples live in events/.
import { randomUUID, createHash } from 'node:crypto';
import type { Context, SQSRecord, ScheduledEvent } from 'aws-lambda';
import { encodeS3Key } from '../functions/ingest/s3-event';

export const localAccount = '000000000000';
export const localRegion = 'us-east-1';

export interface S3ObjectCreated {
  bucket: string;
  key: string;
  size: number;
  eTag: string;
  sequencer: string;
  eventName?: string;
}

/** An S3 event notification record as AWS sends it (keys URL-encoded with '+' for spaces). */
export function s3EventRecord(o: S3ObjectCreated, at = new Date()) {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: localRegion,
    eventTime: at.toISOString(),
    eventName: o.eventName ?? 'ObjectCreated:Put',
    userIdentity: { principalId: 'AWS:LOCAL' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': randomUUID(), 'x-amz-id-2': randomUUID() },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'raw-object-created',
      bucket: {
        name: o.bucket,
        ownerIdentity: { principalId: 'LOCAL' },
        arn: `arn:aws:s3:::${o.bucket}`,
      },
      object: {
        key: encodeS3Key(o.key),
        size: o.size,
        eTag: o.eTag,
        sequencer: o.sequencer,
      },
    },
  };
}

/** An SQS record carrying an S3 notification, as the Lambda SQS event source delivers it. */
export function sqsRecord(
  body: string,
  queueName: string,
  receiveCount: number,
  messageId: string = randomUUID(),
): SQSRecord {
  const now = Date.now().toString();
  return {
    messageId,
    receiptHandle: `${messageId}#${receiveCount}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: now,
      SenderId: 'AIDAS3NOTIFICATIONS',
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${localRegion}:${localAccount}:${queueName}`,
    awsRegion: localRegion,
  };
}

/** The event EventBridge Scheduler passes to a Lambda target with the default payload. */
export function schedulerEvent(scheduleName: string, at: Date): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    account: localAccount,
    time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: localRegion,
    resources: [
      `arn:aws:scheduler:${localRegion}:${localAccount}:schedule/default/${scheduleName}`,
    ],
    detail: {},
  };
}

/** A Lambda context good enough for Powertools (remaining time drives idempotency expiry). */
export function lambdaContext(
  functionName: string,
  timeoutMs = 300_000,
  stopping?: AbortSignal,
): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${localRegion}:${localAccount}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    // A stopping stack leaves no time: a function that checkpoints (ingest) hands over at the next
    // checkpoint, as it would before a Lambda timeout, instead of holding the stop.
    getRemainingTimeInMillis: () => (stopping?.aborted ? 0 : Math.max(0, deadline - Date.now())),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
