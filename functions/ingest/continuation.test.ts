import { describe, expect, it } from 'vitest';
import type { Item, Table } from '../../shared/ports/table';
import type { DomainEvent } from '../../shared/ports/event-bus';
import {
  continuationDetailOf,
  continuationRecord,
  requestContinuation,
  sequenceOf,
} from './continuation';
import { decodeS3Key, type S3EventRecord } from './s3-event';

/** A Table over a Map: enough for these unit tests (integration tests use dynalite). */
function mapTable(): Table & { items: Map<string, Item> } {
  const items = new Map<string, Item>();
  return {
    items,
    get: async (pk, sk) => items.get(`${pk}|${sk}`),
    put: async (item) => void items.set(`${item.pk}|${item.sk}`, item),
    putIfAbsent: async () => true,
    putMany: async () => undefined,
    query: async () => ({ items: [] }),
  };
}

const upload: S3EventRecord = {
  eventSource: 'aws:s3',
  eventName: 'ObjectCreated:Put',
  eventTime: '2026-12-01T10:00:00Z',
  s3: {
    bucket: { name: 'raw-bucket' },
    object: { key: 'raw/east/b1/Jane+Doe+export.ndjson', eTag: 'abc' },
  },
};

describe('Ingest continuation', () => {
  it('hands a file over by digest, and the next invocation gets the same object back', async () => {
    // Prepare
    const serving = mapTable();
    const published: DomainEvent[] = [];
    const events = { publish: async (e: readonly DomainEvent[]) => void published.push(...e) };
    const key = decodeS3Key(upload.s3.object.key);
    // Act
    const detail = await requestContinuation({ serving, events }, upload, key, 10_000, 'now');
    const envelope = {
      source: published[0]!.source,
      'detail-type': published[0]!.detailType,
      detail: published[0]!.detail,
    };
    const next = await continuationRecord(serving, continuationDetailOf(envelope)!);
    // Assess
    expect(detail).toEqual({
      hospital: 'east',
      continuation: expect.stringMatching(/^[0-9a-f]{32}$/),
      sequence: 1,
      afterLine: 10_000,
    });
    expect(JSON.stringify(published)).not.toMatch(/Jane|Doe|export/);
    expect(decodeS3Key(next.s3.object.key)).toBe('raw/east/b1/Jane Doe export.ndjson');
    expect(next.s3.object.eTag).toBe('abc');
    expect(sequenceOf(next)).toBe(1);
    // The continuation of a continuation counts on.
    await requestContinuation({ serving, events }, next, key, 20_000, 'now');
    expect(published[1]!.detail).toMatchObject({ sequence: 2, afterLine: 20_000 });
  });

  it('ignores other events and rejects a continuation without its detail', () => {
    expect(continuationDetailOf({ Records: [] })).toBeUndefined();
    expect(
      continuationDetailOf({ source: 'caregraph.ingest', 'detail-type': 'PatientDataUpdated' }),
    ).toBeUndefined();
    expect(() =>
      continuationDetailOf({
        source: 'caregraph.ingest',
        'detail-type': 'IngestContinuationRequested',
        detail: { hospital: 'east' },
      }),
    ).toThrow(/without its detail/);
  });

  it("never leads one hospital's event to another hospital's object", async () => {
    const serving = mapTable();
    await serving.put({ pk: 'CONT#east', sk: 'd1', bucket: 'b', key: 'raw/west/b1/f.ndjson' });
    await expect(
      continuationRecord(serving, {
        hospital: 'east',
        continuation: 'd1',
        sequence: 1,
        afterLine: 1,
      }),
    ).rejects.toThrow(/another hospital/);
    await expect(
      continuationRecord(serving, {
        hospital: 'east',
        continuation: 'nope',
        sequence: 1,
        afterLine: 1,
      }),
    ).rejects.toThrow(/not recorded/);
  });
});
