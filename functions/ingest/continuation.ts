// Edge: a file too large for one invocation is handed over to the next one. ingestFile stops at a
// checkpoint when the invocation's time runs short (IngestYielded); the handler then records which
// object to continue (serving table, `CONT#{hospital}`) and publishes IngestContinuationRequested,
// which an EventBridge rule delivers to the ingest queue, so the next invocation resumes after the
// checkpoint at once: no wait for the message's visibility timeout, no receive count spent (a file
// of any size never reaches the dead-letter queue for being large). The event names the object by
// an opaque digest only: raw keys hold file names, which can hold patient names.
import { createHash } from 'node:crypto';
import type { Table } from '../../shared/ports/table';
import { eventTypes, type EventBus } from '../../shared/ports/event-bus';
import { parseRawKey } from '../../shared/domain/ingest/raw-key';
import { ValidationError } from '../../shared/domain/errors';
import { encodeS3Key, type S3EventRecord } from './s3-event';

export interface ContinuationDetail {
  hospital: string;
  /** Digest naming the object version (its key and ETag stay in the serving table). */
  continuation: string;
  /** Invocations of this file so far: part of the next invocation's idempotency identity. */
  sequence: number;
  afterLine: number;
}

const continuationPrefix = 'ObjectCreated:Continuation#';

/** 0 for the invocation an upload started, n for the n-th continuation of the file. */
export function sequenceOf(record: S3EventRecord): number {
  return record.eventName.startsWith(continuationPrefix)
    ? Number(record.eventName.slice(continuationPrefix.length))
    : 0;
}

export async function requestContinuation(
  deps: { serving: Table; events: EventBus },
  record: S3EventRecord,
  key: string,
  afterLine: number,
  now: string,
): Promise<ContinuationDetail> {
  const { hospital } = parseRawKey(key);
  const { bucket, object } = record.s3;
  const continuation = createHash('sha256')
    .update(`${bucket.name}\n${key}\n${object.eTag ?? ''}\n${object.versionId ?? ''}`)
    .digest('hex')
    .slice(0, 32);
  await deps.serving.put({
    pk: `CONT#${hospital}`,
    sk: continuation,
    hospital,
    bucket: bucket.name,
    key,
    ...(object.eTag ? { eTag: object.eTag } : {}),
    ...(object.versionId ? { versionId: object.versionId } : {}),
    updatedAt: now,
  });
  const detail: ContinuationDetail = {
    hospital,
    continuation,
    sequence: sequenceOf(record) + 1,
    afterLine,
  };
  await deps.events.publish([{ ...eventTypes.ingestContinuationRequested, detail: { ...detail } }]);
  return detail;
}

/** The EventBridge envelope of IngestContinuationRequested, as the rule delivers it to the queue. */
export function continuationDetailOf(body: unknown): ContinuationDetail | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const e = body as { source?: unknown; 'detail-type'?: unknown; detail?: unknown };
  const { source, detailType } = eventTypes.ingestContinuationRequested;
  if (e.source !== source || e['detail-type'] !== detailType) return undefined;
  const d = e.detail as Partial<ContinuationDetail> | undefined;
  if (
    typeof d?.hospital !== 'string' ||
    typeof d.continuation !== 'string' ||
    !Number.isInteger(d.sequence) ||
    !Number.isInteger(d.afterLine)
  )
    throw new ValidationError('IngestContinuationRequested event without its detail', 'detail');
  return d as ContinuationDetail;
}

/** The object record the continuation names, with its sequence in the event name. */
export async function continuationRecord(
  serving: Table,
  detail: ContinuationDetail,
): Promise<S3EventRecord> {
  const item = await serving.get(`CONT#${detail.hospital}`, detail.continuation);
  if (!item)
    throw new ValidationError(
      `continuation ${detail.continuation} of hospital ${detail.hospital} is not recorded`,
    );
  const key = String(item.key);
  // The hospital of the event must be the hospital of the key it leads to.
  if (parseRawKey(key).hospital !== detail.hospital)
    throw new ValidationError('a continuation names an object of another hospital');
  return {
    eventSource: 'aws:s3',
    eventName: `${continuationPrefix}${detail.sequence}`,
    eventTime: '',
    s3: {
      bucket: { name: String(item.bucket) },
      object: {
        key: encodeS3Key(key),
        ...(typeof item.eTag === 'string' ? { eTag: item.eTag } : {}),
        ...(typeof item.versionId === 'string' ? { versionId: item.versionId } : {}),
      },
    },
  };
}
