// Integration: faults the local servers cannot produce (DynamoDB throttling) are retried through SQS,
// never half-reported; a killed stack re-queues uploads that never got a report.
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { keyLayout, servingTable } from '../shared/config/resources';
import { DynamoDbTable } from '../shared/adapters/aws/dynamodb-table';
import { S3ObjectStore } from '../shared/adapters/aws/s3-object-store';
import type { Table } from '../shared/ports/table';
import { buildObservability } from '../shared/adapters/observability';
import { makeIngestHandler } from '../functions/ingest/make-handler';
import { lambdaContext, s3EventRecord, sqsRecord } from '../local/aws-events';
import {
  apiGet,
  heartRate,
  ndjson,
  patient,
  startTestStack,
  type TestStack,
} from './helpers/stack';

describe('Function: ingest (faults)', () => {
  let stack: TestStack;
  const throttled = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
  const mock = mockClient(throttled);

  beforeAll(async () => {
    stack = await startTestStack({ autoIngest: false });
  });
  afterEach(() => mock.reset());
  afterAll(async () => stack?.stop());

  it('reports the message as a batch item failure when DynamoDB throttles, and writes no report', async () => {
    // Prepare: the serving table's client always throttles writes (reads find no checkpoint).
    mock.on(GetCommand).resolves({});
    mock.on(BatchWriteCommand).rejects(
      Object.assign(new Error('Rate exceeded'), {
        name: 'ProvisionedThroughputExceededException',
        $fault: 'client',
        $retryable: { throttling: true },
      }),
    );
    const deps = {
      ...stack.deps,
      serving: new DynamoDbTable(throttled, stack.config.tables.serving, servingTable),
    };
    const handler = makeIngestHandler(deps, buildObservability(stack.config, 'ingest-faults'));
    const key = keyLayout.raw('north', 'b9', 'slow.ndjson');
    const body = ndjson(patient('p1'), heartRate('o1', 'p1'));
    await stack.deps.objects.put('raw', key, body);
    const record = sqsRecord(
      JSON.stringify({
        Records: [
          s3EventRecord({
            bucket: stack.config.buckets.raw,
            key,
            size: body.length,
            eTag: 'e1',
            sequencer: '1',
          }),
        ],
      }),
      'ingest',
      1,
    );
    // Act
    const response = await handler({ Records: [record] } as SQSEvent, lambdaContext('ingest'));
    // Assess: SQS will redeliver it; nothing claims it was ingested.
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
    expect(
      await stack.deps.objects.head('curated', keyLayout.report('north', 'b9', 'slow.ndjson')),
    ).toBeUndefined();
    // And the retry, once DynamoDB recovers, succeeds (the failed attempt did not poison idempotency).
    const retry = await stack.ingest(
      {
        Records: [
          { ...record, attributes: { ...record.attributes, ApproximateReceiveCount: '2' } },
        ],
      } as SQSEvent,
      lambdaContext('ingest'),
    );
    expect(retry.batchItemFailures).toEqual([]);
    expect((await apiGet(stack, '/patients', 'north')).body.items).toHaveLength(1);
  });
});

describe('Function: ingest (a transient fault while a record is processed)', () => {
  it('fails the message for SQS to retry instead of quarantining the record, and the retry stores each record once', async () => {
    // Prepare: the serving table's first reference lookup throttles once (the checkpoint read
    // before it succeeds), as DynamoDB does under load.
    const stack = await startTestStack({ autoIngest: false });
    try {
      let throttled = false;
      const serving: Table = {
        get: async (pk, sk) => {
          if (!pk.startsWith('CK#') && !throttled) {
            throttled = true;
            throw Object.assign(new Error('Rate exceeded'), {
              name: 'ProvisionedThroughputExceededException',
              $fault: 'client',
              $retryable: { throttling: true },
            });
          }
          return stack.deps.serving.get(pk, sk);
        },
        put: (item) => stack.deps.serving.put(item),
        putIfAbsent: (item) => stack.deps.serving.putIfAbsent(item),
        putMany: (items) => stack.deps.serving.putMany(items),
        query: (input) => stack.deps.serving.query(input),
      };
      const handler = makeIngestHandler(
        { ...stack.deps, serving },
        buildObservability(stack.config, 'ingest-record-fault'),
      );
      const key = keyLayout.raw('east', 'b1', 'obs.ndjson');
      // The Patient comes last, so the first heart rate looks its patient up in the table.
      const body = ndjson(
        heartRate('o1', 'p1'),
        heartRate('o2', 'p1', '2026-03-02T09:00:00Z'),
        patient('p1'),
      );
      await stack.deps.objects.put('raw', key, body);
      const record = (n: number) =>
        sqsRecord(
          JSON.stringify({
            Records: [
              s3EventRecord({
                bucket: stack.config.buckets.raw,
                key,
                size: body.length,
                eTag: 'e3',
                sequencer: '3',
              }),
            ],
          }),
          'ingest',
          n,
        );
      // Act: the first delivery, its redelivery by SQS, and one more duplicate delivery.
      const first = await handler({ Records: [record(1)] } as SQSEvent, lambdaContext('ingest'));
      const reportAfterFailure = await stack.deps.objects.head(
        'curated',
        keyLayout.report('east', 'b1', 'obs.ndjson'),
      );
      const retry = await handler({ Records: [record(2)] } as SQSEvent, lambdaContext('ingest'));
      const again = await handler({ Records: [record(3)] } as SQSEvent, lambdaContext('ingest'));
      // Assess: retried, not quarantined; every record stored once.
      expect(throttled).toBe(true);
      expect(first.batchItemFailures).toHaveLength(1);
      expect(reportAfterFailure).toBeUndefined();
      expect(retry.batchItemFailures).toEqual([]);
      expect(again.batchItemFailures).toEqual([]);
      const report = JSON.parse(
        (await stack.deps.objects.getText(
          'curated',
          keyLayout.report('east', 'b1', 'obs.ndjson'),
        ))!,
      );
      expect(report.records).toEqual({ accepted: 3, repaired: 0, rejected: 0 });
      expect(await stack.deps.objects.list('quarantine', 'quarantine/east/')).toEqual([]);
      const patients = (await apiGet(stack, '/patients', 'east')).body.items!;
      expect(patients).toHaveLength(1);
      const obs = await apiGet(stack, `/patients/${patients[0]!.id}/observations`, 'east');
      expect(obs.body.items).toHaveLength(2);
    } finally {
      await stack.stop();
    }
  });
});

describe('Embedded stack: restart after a crash', () => {
  it('re-queues an upload that never got a report, so nothing is lost', async () => {
    // Prepare: upload while nothing ingests (as if the stack died before processing).
    const first = await startTestStack({ autoIngest: false });
    const body = ndjson(patient('p1'));
    await first.deps.objects.put('raw', keyLayout.raw('lost', 'b1', 'pending.ndjson'), body);
    await first.close();
    // Act: start again on the same data directory.
    const second = await startTestStack({ dataDir: first.dataDir });
    try {
      await second.settled();
      // Assess
      const report = JSON.parse(
        (await second.deps.objects.getText(
          'curated',
          keyLayout.report('lost', 'b1', 'pending.ndjson'),
        ))!,
      );
      expect(report.status).toBe('accepted');
      expect((await apiGet(second, '/patients', 'lost')).body.items).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});

describe('Function: ingest (a file uploaded again since its event)', () => {
  it('reads only the version its event announced: S3 refuses If-Match (412), and the event ends as superseded', async () => {
    // Prepare: S3 answers as it does when the object's ETag is no longer the event's (s3rver
    // ignores If-Match, so the fault comes from aws-sdk-client-mock)
    const stack = await startTestStack({ autoIngest: false });
    const client = new S3Client({ region: 'us-east-1' });
    const s3 = mockClient(client);
    s3.on(GetObjectCommand).rejects(
      Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), {
        name: 'PreconditionFailed',
        $fault: 'client',
        $metadata: { httpStatusCode: 412 },
      }),
    );
    try {
      const deps = { ...stack.deps, objects: new S3ObjectStore(client, stack.config.buckets) };
      const handler = makeIngestHandler(deps, buildObservability(stack.config, 'ingest-changed'));
      const key = keyLayout.raw('south', 'b3', 'changed.ndjson');
      const record = sqsRecord(
        JSON.stringify({
          Records: [
            s3EventRecord({
              bucket: stack.config.buckets.raw,
              key,
              size: 100,
              eTag: 'e3',
              sequencer: '3',
            }),
          ],
        }),
        'ingest',
        1,
      );
      // Act
      const response = await handler({ Records: [record] } as SQSEvent, lambdaContext('ingest'));
      // Assess: not retried, nothing reported for the old version (the new one has its own event)
      expect(response.batchItemFailures).toEqual([]);
      expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input).toMatchObject({
        Key: key,
        IfMatch: '"e3"',
      });
      // Nothing else was asked of S3: no report, no quarantine, no curated output.
      expect(s3.calls().map((call) => call.args[0].constructor.name)).toEqual(['GetObjectCommand']);
    } finally {
      s3.restore();
      await stack.stop();
    }
  });
});

describe('Function: ingest (permanent failures)', () => {
  it('writes a rejected report instead of retrying when a store rejects a write as invalid', async () => {
    // Prepare: a serving table whose writes fail with a non-retryable validation error.
    const stack = await startTestStack({ autoIngest: false });
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
    const rejecting = mockClient(client);
    rejecting.on(GetCommand).resolves({}); // no checkpoint: the write is what fails
    rejecting.on(BatchWriteCommand).rejects(
      Object.assign(new Error('Item size has exceeded the maximum allowed size'), {
        name: 'ValidationException',
        $fault: 'client',
      }),
    );
    try {
      const deps = {
        ...stack.deps,
        serving: new DynamoDbTable(client, stack.config.tables.serving, servingTable),
      };
      const handler = makeIngestHandler(deps, buildObservability(stack.config, 'ingest-permanent'));
      const key = keyLayout.raw('west', 'b1', 'big.ndjson');
      const body = ndjson(patient('p1'));
      await stack.deps.objects.put('raw', key, body);
      const record = sqsRecord(
        JSON.stringify({
          Records: [
            s3EventRecord({
              bucket: stack.config.buckets.raw,
              key,
              size: body.length,
              eTag: 'e2',
              sequencer: '2',
            }),
          ],
        }),
        'ingest',
        1,
      );
      // Act
      const response = await handler({ Records: [record] } as SQSEvent, lambdaContext('ingest'));
      // Assess: not retried, and the hospital gets a report saying why.
      expect(response.batchItemFailures).toEqual([]);
      const report = JSON.parse(
        (await stack.deps.objects.getText(
          'curated',
          keyLayout.report('west', 'b1', 'big.ndjson'),
        ))!,
      );
      expect(report.status).toBe('rejected');
      expect(report.errors[0].reason).toContain('processing failed and was not retried');
      expect(JSON.stringify(report)).not.toContain('maximum allowed size'); // internal detail stays in logs
    } finally {
      rejecting.restore();
      await stack.stop();
    }
  });
});
