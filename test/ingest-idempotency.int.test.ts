// Integration: S3 and SQS deliver at least once; re-deliveries and re-uploads never duplicate data.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SQSEvent } from 'aws-lambda';
import { keyLayout } from '../shared/config/resources';
import { lambdaContext, s3EventRecord, sqsRecord } from '../local/aws-events';
import {
  apiGet,
  heartRate,
  ndjson,
  patient,
  startTestStack,
  type TestStack,
} from './helpers/stack';

const file = ndjson(patient('p1'), patient('p2'), heartRate('o1', 'p1'), heartRate('o2', 'p2'));

async function countServed(stack: TestStack, hospital: string) {
  const patients = await apiGet(stack, '/patients?limit=200', hospital);
  let observations = 0;
  for (const p of patients.body.items!)
    observations += (await apiGet(stack, `/patients/${p.id}/observations?limit=200`, hospital)).body
      .items!.length;
  return { patients: patients.body.items!.length, observations };
}

describe('Function: ingest (idempotency)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ autoIngest: false });
  });
  afterAll(async () => stack?.stop());

  it('processes the same S3 event delivered twice only once, and keeps one copy of each record', async () => {
    // Prepare
    const key = keyLayout.raw('north', 'b1', 'export.ndjson');
    await stack.deps.objects.put('raw', key, file);
    const head = await stack.deps.objects.head('raw', key);
    const body = JSON.stringify({
      Records: [
        s3EventRecord({
          bucket: stack.config.buckets.raw,
          key,
          size: file.length,
          eTag: head!.etag!.replace(/"/g, ''),
          sequencer: '0A1',
        }),
      ],
    });
    const event = (n: number): SQSEvent => ({ Records: [sqsRecord(body, 'ingest', n)] });
    // Act
    const first = await stack.ingest(event(1), lambdaContext('ingest'));
    const reportBefore = await stack.deps.objects.getText(
      'curated',
      keyLayout.report('north', 'b1', 'export.ndjson'),
    );
    const second = await stack.ingest(event(2), lambdaContext('ingest'));
    const reportAfter = await stack.deps.objects.getText(
      'curated',
      keyLayout.report('north', 'b1', 'export.ndjson'),
    );
    // Assess: both deliveries succeed, the second did not reprocess (report untouched), no duplicates.
    expect(first.batchItemFailures).toEqual([]);
    expect(second.batchItemFailures).toEqual([]);
    expect(reportAfter).toBe(reportBefore);
    expect(await countServed(stack, 'north')).toEqual({ patients: 2, observations: 2 });
  });

  it('keeps one copy of each record when the same file is uploaded twice in different batches', async () => {
    // Prepare: a stack that ingests on upload.
    const auto = await startTestStack();
    try {
      // Act
      await auto.deps.objects.put('raw', keyLayout.raw('south', 'b1', 'export.ndjson'), file);
      await auto.settled();
      await auto.deps.objects.put('raw', keyLayout.raw('south', 'b2', 'export.ndjson'), file);
      await auto.settled();
      // Assess: two reports (two uploads), one copy of each record served and curated.
      expect(
        await auto.deps.objects.head('curated', keyLayout.report('south', 'b2', 'export.ndjson')),
      ).toBeDefined();
      expect(await countServed(auto, 'south')).toEqual({ patients: 2, observations: 2 });
      const curated = await auto.deps.objects.list('curated', 'curated/south/Patient/');
      expect(curated).toHaveLength(1);
      expect(
        (await auto.deps.objects.getText('curated', curated[0]!.key))!.trim().split('\n'),
      ).toHaveLength(2);
    } finally {
      await auto.stop();
    }
  });
});

describe('Function: ingest (one content uploaded two ways)', () => {
  it('curates the same bytes once when they come in one PUT and then in a multipart upload (two ETags)', async () => {
    // Prepare: the S3 events of the two uploads. s3rver gives every object the MD5 of its bytes as
    // its ETag, multipart or not; S3 gives a multipart upload the MD5 of its parts' MD5s and "-{parts}"
    // (one part here: the file is under S3's 5 MiB part minimum), so that event is written as S3 sends it.
    const stack = await startTestStack({ autoIngest: false });
    try {
      const key = keyLayout.raw('twice', 'b1', 'export.ndjson');
      await stack.deps.objects.put('raw', key, file);
      const single = (await stack.deps.objects.head('raw', key))!.etag!.replace(/"/g, '');
      const md5 = (bytes: Buffer | string) => createHash('md5').update(bytes).digest();
      const multipart = `${md5(md5(file)).toString('hex')}-1`;
      const upload = (eTag: string, sequencer: string, n: number): SQSEvent => ({
        Records: [
          sqsRecord(
            JSON.stringify({
              Records: [
                s3EventRecord({
                  bucket: stack.config.buckets.raw,
                  key,
                  size: file.length,
                  eTag,
                  sequencer,
                }),
              ],
            }),
            'ingest',
            n,
          ),
        ],
      });
      const report = async () =>
        JSON.parse(
          (await stack.deps.objects.getText(
            'curated',
            keyLayout.report('twice', 'b1', 'export.ndjson'),
          ))!,
        ) as { startedAt: string; records: unknown };
      // Act
      const first = await stack.ingest(upload(single, '0A1', 1), lambdaContext('ingest'));
      const firstReport = await report();
      const second = await stack.ingest(upload(multipart, '0A2', 1), lambdaContext('ingest'));
      const secondReport = await report();
      // Assess: both versions ingested (each has its report), and one curated object per type.
      expect(multipart).not.toBe(single);
      expect([first.batchItemFailures, second.batchItemFailures]).toEqual([[], []]);
      expect(secondReport.startedAt).not.toBe(firstReport.startedAt);
      expect(secondReport.records).toEqual({ accepted: 4, repaired: 0, rejected: 0 });
      for (const type of ['Patient', 'Observation']) {
        const curated = await stack.deps.objects.list('curated', `curated/twice/${type}/`);
        expect(curated, type).toHaveLength(1);
        const text = (await stack.deps.objects.getText('curated', curated[0]!.key))!;
        expect(text.trim().split('\n'), type).toHaveLength(2);
      }
      expect(await countServed(stack, 'twice')).toEqual({ patients: 2, observations: 2 });
    } finally {
      await stack.stop();
    }
  });
});

describe('Function: ingest (duplicates inside one file)', () => {
  it('keeps one record when a file repeats a resource, the later line winning', async () => {
    const stack = await startTestStack();
    try {
      await stack.deps.objects.put(
        'raw',
        keyLayout.raw('dup', 'b1', 'x.ndjson'),
        ndjson(
          patient('p1'),
          heartRate('o1', 'p1', '2026-03-01T09:00:00Z', 70),
          heartRate('o1', 'p1', '2026-03-01T09:00:00Z', 71),
        ),
      );
      await stack.settled();
      const served = await countServed(stack, 'dup');
      expect(served).toEqual({ patients: 1, observations: 1 });
      const id = (await apiGet(stack, '/patients', 'dup')).body.items![0]!.id;
      const obs = (await apiGet(stack, `/patients/${id}/observations`, 'dup')).body
        .items as unknown as { valueQuantity: { value: number } }[];
      expect(obs[0]!.valueQuantity.value).toBe(71);
    } finally {
      await stack.stop();
    }
  });
});
