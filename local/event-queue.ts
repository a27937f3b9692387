// The embedded stack's SQS: at-least-once delivery to a batch handler, partial batch failures retried
// with backoff, and after `maxReceiveCount` receives the message goes to a dead-letter file (as an SQS
// redrive policy would). Nothing is dropped silently.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { sqsRecord } from './aws-events';

export type BatchHandler = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

interface Message {
  id: string;
  body: string;
  receives: number;
}

export interface LocalQueueOptions {
  name: string;
  handler: BatchHandler;
  deadLetterFile: string;
  batchSize?: number;
  maxReceiveCount?: number;
  retryDelayMs?: number;
  onDeadLetter?: (body: string, reason: string) => void;
}

export class LocalQueue {
  private readonly waiting: Message[] = [];
  private inFlight = 0;
  private draining = false;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: LocalQueueOptions) {}

  /** SendMessage: the message is delivered at least once. */
  send(body: string): string {
    if (this.closed) throw new Error(`queue ${this.options.name} is closed`);
    const id = randomUUID();
    this.waiting.push({ id, body, receives: 0 });
    queueMicrotask(() => void this.drain());
    return id;
  }

  /** No message waiting or in flight now. */
  get isIdle(): boolean {
    return this.waiting.length === 0 && this.inFlight === 0;
  }

  /** Resolves when no message is waiting or in flight. */
  idle(): Promise<void> {
    if (this.waiting.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    await this.idle();
    this.closed = true;
  }

  private async drain(): Promise<void> {
    if (this.draining || this.closed) return;
    this.draining = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.options.batchSize ?? 10);
        this.inFlight += batch.length;
        await this.deliver(batch);
        this.inFlight -= batch.length;
      }
    } finally {
      this.draining = false;
      if (this.waiting.length === 0 && this.inFlight === 0)
        this.idleWaiters.splice(0).forEach((r) => r());
    }
  }

  private async deliver(batch: Message[]): Promise<void> {
    for (const m of batch) m.receives++;
    const records = batch.map((m) => sqsRecord(m.body, this.options.name, m.receives, m.id));
    let failed: Set<string>;
    let reason = 'handler reported the message as failed';
    try {
      const response = await this.options.handler({ Records: records });
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      failed = new Set(batch.map((m) => m.id)); // a thrown error fails the whole batch, as in Lambda
      reason = `handler threw ${(error as Error).name}`;
    }
    for (const m of batch.filter((b) => failed.has(b.id))) await this.retryOrDeadLetter(m, reason);
  }

  private async retryOrDeadLetter(m: Message, reason: string): Promise<void> {
    if (m.receives >= (this.options.maxReceiveCount ?? 5)) {
      mkdirSync(dirname(this.options.deadLetterFile), { recursive: true });
      appendFileSync(
        this.options.deadLetterFile,
        JSON.stringify({ messageId: m.id, body: m.body, reason, at: new Date().toISOString() }) +
          '\n',
      );
      this.options.onDeadLetter?.(m.body, reason);
      return;
    }
    await new Promise((r) => setTimeout(r, (this.options.retryDelayMs ?? 200) * m.receives));
    this.waiting.push(m);
  }
}
