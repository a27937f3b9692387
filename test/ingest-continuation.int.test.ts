// Integration: a file too large for one invocation goes on in the next. The ingest function stops at
// a checkpoint when its time runs short and hands the file over through IngestContinuationRequested
// (EventBridge -> the ingest queue): every line is accounted for once, nothing is stored twice, and
// re-delivered messages (the upload's or a continuation's) start nothing new.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from 'aws-lambda';
import { keyLayout } from '../shared/config/resources';
import { buildDependencies } from '../shared/adapters/composition';
import { buildObservability } from '../shared/adapters/observability';
import { eventTypes } from '../shared/ports/event-bus';
import { makeIngestHandler } from '../functions/ingest/make-handler';
import { LocalEventBus } from '../local/event-bus';
import { LocalQueue } from '../local/event-queue';
import { lambdaContext, s3EventRecord } from '../local/aws-events';
import type { IngestReport } from '../shared/domain/ingest/report';
import { apiGet, segmentedExport, startTestStack, type TestStack } from './helpers/stack';

describe('Function: ingest (a file continued across invocations)', () => {
  let stack: TestStack;
  let dir: string;
  let bus: LocalEventBus;
  let queue: LocalQueue;
  const continuations: { detail: Record<string, unknown> }[] = [];
  const key = keyLayout.raw('continued', 'b1', 'large export.ndjson');
  // 40 patients with 9 observations each, and one bad line (391) near the end: 401 lines.
  const body = segmentedExport();
  let upload: string;

  const settled = async () => {
    do {
      await queue.idle();
      await bus.idle();
    } while (!queue.isIdle);
  };

  beforeAll(async () => {
    stack = await startTestStack({ autoIngest: false });
    dir = mkdtempSync(join(tmpdir(), 'caregraph-continuation-'));
    await stack.deps.objects.put('raw', key, body);
    const head = await stack.deps.objects.head('raw', key);
    // The ingest function as deployed, with checkpoints every 100 records and an invocation that
    // always has 10 s left: less than its 30 s margin, so it stops at every checkpoint.
    bus = new LocalEventBus(dir);
    const deps = buildDependencies(stack.config, { events: bus });
    const ingest = makeIngestHandler(deps, buildObservability(stack.config, 'ingest'), {
      checkpointEvery: 100,
    });
    const short = (): Context => ({
      ...lambdaContext('caregraph-ingest'),
      getRemainingTimeInMillis: () => 10_000,
    });
    queue = new LocalQueue({
      name: 'ingest-continuation-test',
      handler: (event) => ingest(event, short()),
      deadLetterFile: join(dir, 'dead-letters.jsonl'),
      retryDelayMs: 10,
    });
    // The rule of the deployed stack: IngestContinuationRequested -> the ingest queue.
    bus.addRule({
      name: 'ingest-continuation',
      ...eventTypes.ingestContinuationRequested,
      handler: async (event) => {
        continuations.push(event as { detail: Record<string, unknown> });
        queue.send(JSON.stringify(event));
      },
    });
    upload = JSON.stringify({
      Records: [
        s3EventRecord({
          bucket: stack.config.buckets.raw,
          key,
          size: body.length,
          eTag: head?.etag ?? 'v1',
          sequencer: '1',
        }),
      ],
    });
  });
  afterAll(async () => {
    await queue?.close();
    await bus?.close();
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const report = async () =>
    JSON.parse(
      (await stack.deps.objects.getText(
        'curated',
        keyLayout.report('continued', 'b1', 'large export.ndjson'),
      ))!,
    ) as IngestReport;

  const curatedLines = async () => {
    let n = 0;
    for (const o of await stack.deps.objects.list('curated', 'curated/continued/'))
      n += (await stack.deps.objects.getText('curated', o.key))!.trim().split('\n').length;
    return n;
  };

  it('finishes the file over five invocations, each line accounted for once', async () => {
    // Act
    queue.send(upload);
    await settled();
    // Assess: four hand-overs (after lines 100, 200, 300 and 400), numbered in order, naming the
    // object only by a digest (its key holds a file name).
    expect(continuations.map((c) => [c.detail.sequence, c.detail.afterLine])).toEqual([
      [1, 100],
      [2, 200],
      [3, 300],
      [4, 400],
    ]);
    for (const c of continuations) {
      expect(c.detail).toEqual({
        hospital: 'continued',
        continuation: expect.stringMatching(/^[0-9a-f]{32}$/),
        sequence: expect.any(Number),
        afterLine: expect.any(Number),
      });
      expect(JSON.stringify(c)).not.toContain('export');
    }
    const final = await report();
    expect(final.resumedAfterLine).toBe(400);
    expect(final.records.accepted + final.records.repaired + final.records.rejected).toBe(401);
    expect(final.records.rejected).toBe(1);
    expect(final.errors).toEqual([
      { line: 391, reason: expect.stringContaining('not valid JSON') },
    ]);
    expect(await curatedLines()).toBe(400);
    const patients = await apiGet(stack, '/patients?limit=200', 'continued');
    expect(patients.body.items).toHaveLength(40);
    expect(existsSync(join(dir, 'dead-letters.jsonl'))).toBe(false);
  });

  it('re-delivered messages, the upload and a continuation, start nothing and store nothing twice', async () => {
    // Prepare
    const before = { report: await report(), continuations: continuations.length };
    // Act: S3 and EventBridge deliver at least once.
    queue.send(upload);
    queue.send(JSON.stringify({ ...continuations[1], id: 'redelivered' }));
    await settled();
    // Assess
    expect(continuations).toHaveLength(before.continuations);
    expect(await report()).toEqual(before.report);
    expect(await curatedLines()).toBe(400);
    expect(existsSync(join(dir, 'dead-letters.jsonl'))).toBe(false);
  });

  it('the embedded stack (npm start) hands a file over through its own rule and queue', async () => {
    // Prepare: uploads ingested as S3 events arrive, 10 s per invocation, checkpoints every 100.
    const local = await startTestStack({ ingest: { timeoutMs: 10_000, checkpointEvery: 100 } });
    try {
      // Act
      await local.deps.objects.put('raw', keyLayout.raw('local', 'b1', 'f.ndjson'), body);
      await local.settled();
      // Assess: the file finished in five invocations, every line accounted for once.
      const text = await local.deps.objects.getText(
        'curated',
        keyLayout.report('local', 'b1', 'f.ndjson'),
      );
      const final = JSON.parse(text!) as IngestReport;
      expect(final.resumedAfterLine).toBe(400);
      expect(final.records.accepted + final.records.repaired + final.records.rejected).toBe(401);
      const handedOver = await local.deps.serving.query({ partition: 'CONT#local' });
      expect(handedOver.items).toHaveLength(1);
      expect(existsSync(join(local.dataDir, 'dead-letters', 'ingest.jsonl'))).toBe(false);
    } finally {
      await local.stop();
    }
  });
});
