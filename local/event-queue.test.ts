import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalQueue, type BatchHandler } from './event-queue';

interface Delivery {
  body: string;
  messageId: string;
  receiveCount: string;
}

/** A handler that records what it received and fails the bodies `fails` returns true for. */
function recordingHandler(fails: (body: string, receiveCount: number) => boolean = () => false) {
  const calls: Delivery[][] = [];
  const handler: BatchHandler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
    calls.push(
      event.Records.map((r) => ({
        body: r.body,
        messageId: r.messageId,
        receiveCount: r.attributes.ApproximateReceiveCount,
      })),
    );
    return {
      batchItemFailures: event.Records.filter((r) =>
        fails(r.body, Number(r.attributes.ApproximateReceiveCount)),
      ).map((r) => ({ itemIdentifier: r.messageId })),
    };
  };
  return { calls, handler };
}

function deadLetters(
  file: string,
): { messageId: string; body: string; reason: string; at: string }[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map(
      (line) => JSON.parse(line) as { messageId: string; body: string; reason: string; at: string },
    );
}

describe('Class: LocalQueue', () => {
  let dir: string;
  let deadLetterFile: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'caregraph-queue-'));
    deadLetterFile = join(dir, 'dlq', 'ingest.ndjson');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves idle() at once when nothing was sent', async () => {
    // Prepare
    const { calls, handler } = recordingHandler();
    const queue = new LocalQueue({ name: 'caregraph-ingest', handler, deadLetterFile });

    // Act
    await queue.idle();

    // Assess
    expect(calls).toEqual([]);
  });

  it('delivers messages in batches of batchSize as SQS events, each message once', async () => {
    // Prepare
    const received: SQSEvent[] = [];
    const queue = new LocalQueue({
      name: 'caregraph-ingest',
      deadLetterFile,
      batchSize: 2,
      handler: async (event) => {
        received.push(event);
      },
    });

    // Act
    const ids = ['a', 'b', 'c'].map((body) => queue.send(body));
    await queue.idle();

    // Assess
    expect(received.map((e) => e.Records.map((r) => r.body))).toEqual([['a', 'b'], ['c']]);
    const records = received.flatMap((e) => e.Records);
    expect(records.map((r) => r.messageId)).toEqual(ids);
    expect(records[0]).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:caregraph-ingest',
      attributes: { ApproximateReceiveCount: '1' },
    });
    expect(existsSync(deadLetterFile)).toBe(false);
  });

  it('retries only the messages reported in batchItemFailures', async () => {
    // Prepare: "b" fails on its first receive only.
    const { calls, handler } = recordingHandler((body, receives) => body === 'b' && receives === 1);
    const queue = new LocalQueue({
      name: 'caregraph-ingest',
      handler,
      deadLetterFile,
      retryDelayMs: 1,
    });

    // Act
    queue.send('a');
    const b = queue.send('b');
    queue.send('c');
    await queue.idle();

    // Assess
    expect(calls).toEqual([
      [
        expect.objectContaining({ body: 'a', receiveCount: '1' }),
        expect.objectContaining({ body: 'b', receiveCount: '1' }),
        expect.objectContaining({ body: 'c', receiveCount: '1' }),
      ],
      [{ body: 'b', messageId: b, receiveCount: '2' }],
    ]);
    expect(deadLetters(deadLetterFile)).toEqual([]);
  });

  it('dead-letters a message after maxReceiveCount receives, with its body and the reason', async () => {
    // Prepare
    const { calls, handler } = recordingHandler((body) => body === 'poison');
    const dead: [string, string][] = [];
    const queue = new LocalQueue({
      name: 'caregraph-ingest',
      handler,
      deadLetterFile,
      maxReceiveCount: 3,
      retryDelayMs: 1,
      onDeadLetter: (body, reason) => dead.push([body, reason]),
    });

    // Act
    const id = queue.send('poison');
    queue.send('fine');
    await queue.idle();

    // Assess
    expect(calls.map((batch) => batch.map((d) => `${d.body}#${d.receiveCount}`))).toEqual([
      ['poison#1', 'fine#1'],
      ['poison#2'],
      ['poison#3'],
    ]);
    expect(deadLetters(deadLetterFile)).toEqual([
      {
        messageId: id,
        body: 'poison',
        reason: 'handler reported the message as failed',
        at: expect.any(String),
      },
    ]);
    expect(dead).toEqual([['poison', 'handler reported the message as failed']]);
  });

  it('treats a thrown error as failing the whole batch and names it in the dead-letter reason', async () => {
    // Prepare
    let calls = 0;
    const queue = new LocalQueue({
      name: 'caregraph-ingest',
      deadLetterFile,
      maxReceiveCount: 2,
      retryDelayMs: 1,
      handler: async () => {
        calls++;
        throw new TypeError('boom');
      },
    });

    // Act
    queue.send('x');
    queue.send('y');
    await queue.idle();

    // Assess
    expect(calls).toBe(2);
    expect(deadLetters(deadLetterFile).map((d) => [d.body, d.reason])).toEqual([
      ['x', 'handler threw TypeError'],
      ['y', 'handler threw TypeError'],
    ]);
  });

  it('delivers a message sent while a batch is being handled', async () => {
    // Prepare
    const bodies: string[] = [];
    const queue: LocalQueue = new LocalQueue({
      name: 'caregraph-ingest',
      deadLetterFile,
      handler: async (event) => {
        for (const r of event.Records) {
          bodies.push(r.body);
          if (r.body === 'first') queue.send('follow-up');
        }
      },
    });

    // Act
    queue.send('first');
    await queue.idle();

    // Assess
    expect(bodies).toEqual(['first', 'follow-up']);
  });

  describe('with a journal', () => {
    /** A handler that takes one batch at a time, released by the test. */
    function gatedHandler() {
      const handled: string[] = [];
      let release: () => void = () => undefined;
      let started: () => void = () => undefined;
      const firstBatch = new Promise<void>((r) => (started = r));
      const gate = new Promise<void>((r) => (release = r));
      const handler: BatchHandler = async (event) => {
        started();
        await gate;
        for (const r of event.Records) handled.push(r.body);
      };
      return { handled, handler, firstBatch, release: () => release() };
    }

    it('keeps the waiting messages when closed without finishing and delivers them on replay', async () => {
      // Prepare
      const journalFile = join(dir, 'queues', 'kg.jsonl');
      const first = gatedHandler();
      const queue = new LocalQueue({
        name: 'kg',
        handler: first.handler,
        deadLetterFile,
        journalFile,
        batchSize: 2,
      });
      for (const body of ['a', 'b', 'c', 'd', 'e']) queue.send(body);
      await first.firstBatch;

      // Act: stop while the first batch (a, b) is in flight, then start a new queue on the journal
      const closing = queue.close({ finish: false });
      first.release();
      await closing;
      const { calls, handler } = recordingHandler();
      const next = new LocalQueue({ name: 'kg', handler, deadLetterFile, journalFile });
      const replayed = next.replayJournal();
      await next.idle();

      // Assess: the batch in flight finished; the rest came back exactly once, in order
      expect(first.handled).toEqual(['a', 'b']);
      expect(replayed).toBe(3);
      expect(calls.flat().map((d) => d.body)).toEqual(['c', 'd', 'e']);
      expect(() => queue.send('late')).toThrow('queue kg is closed');
    });

    it('replays nothing handled or dead-lettered, and dead-letters a line torn by a kill', async () => {
      // Prepare
      const journalFile = join(dir, 'queues', 'kg.jsonl');
      const { handler } = recordingHandler((body) => body === 'poison');
      const queue = new LocalQueue({
        name: 'kg',
        handler,
        deadLetterFile,
        journalFile,
        maxReceiveCount: 1,
      });
      queue.send('ok');
      queue.send('poison');
      await queue.idle();
      appendFileSync(journalFile, '{"op":"send","id":"x","bo');

      // Act
      const again = recordingHandler();
      const next = new LocalQueue({
        name: 'kg',
        handler: again.handler,
        deadLetterFile,
        journalFile,
      });
      const replayed = next.replayJournal();
      await next.idle();

      // Assess
      expect(replayed).toBe(0);
      expect(again.calls).toEqual([]);
      expect(deadLetters(deadLetterFile).map((d) => [d.body, d.reason])).toEqual([
        ['poison', 'handler reported the message as failed'],
        ['{"op":"send","id":"x","bo', 'unreadable journal line (torn by a kill?)'],
      ]);
      expect(readFileSync(journalFile, 'utf8')).toBe('');
    });

    it('replays a message whose process died before it was handled', async () => {
      // Prepare: a journal as a killed process leaves it (sent, never marked done)
      const journalFile = join(dir, 'queues', 'kg.jsonl');
      const killed = new LocalQueue({
        name: 'kg',
        handler: () => new Promise<void>(() => undefined), // never returns: the process "dies"
        deadLetterFile,
        journalFile,
      });
      killed.send('note-1');

      // Act
      const { calls, handler } = recordingHandler();
      const next = new LocalQueue({ name: 'kg', handler, deadLetterFile, journalFile });
      next.replayJournal();
      await next.idle();

      // Assess: delivered again (at least once)
      expect(calls.flat().map((d) => [d.body, d.receiveCount])).toEqual([['note-1', '1']]);
    });

    it('compacts a long journal while busy and empties it once everything is handled', async () => {
      // Prepare: a handler that looks at the journal's length at every batch
      const journalFile = join(dir, 'queues', 'kg.jsonl');
      const lineCounts: number[] = [];
      const queue = new LocalQueue({
        name: 'kg',
        handler: async () => {
          lineCounts.push(readFileSync(journalFile, 'utf8').split('\n').length - 1);
        },
        deadLetterFile,
        journalFile,
      });

      // Act
      for (let i = 0; i < 2000; i++) queue.send(`m${i}`);
      await queue.idle();

      // Assess: 4,000 lines were written in all; compaction kept the journal at most 2,000 + 1,200
      // lines (it waits for 1,000 lines of which 3 in 4 spent), and emptied it at idle
      expect(lineCounts).toHaveLength(200);
      expect(Math.max(...lineCounts)).toBeLessThanOrEqual(3200);
      expect(lineCounts.at(-1)).toBeLessThan(1000);
      expect(readFileSync(journalFile, 'utf8')).toBe('');
    });
  });
});
