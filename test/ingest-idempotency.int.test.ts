// Integration: S3 and SQS deliver at least once; re-deliveries and re-uploads never duplicate data.
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
