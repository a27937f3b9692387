// The embedded stack's EventBridge: each rule (source + detail-type -> handler) has its own LocalQueue,
// so a rule's target gets at-least-once delivery with retries and a dead-letter file, as an EventBridge
// rule with a retry policy and DLQ would give. Handlers receive the EventBridge event shape. The
// queues are journaled under the data directory, so events not yet handled when the stack stops (or
// is killed) are delivered on the next start (`replay()`), as a durable EventBridge target queue would.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import type { DomainEvent, EventBus } from '../shared/ports/event-bus';
import { LocalQueue, type CloseOptions } from './event-queue';
import { lambdaContext, localAccount } from './aws-events';

export type EventHandler = (
  event: EventBridgeEvent<string, Record<string, unknown>>,
  context: Context,
) => Promise<unknown>;

export interface EventRule {
  name: string;
  source: string;
  detailType: string;
  handler: EventHandler;
}

export interface LocalEventBusOptions {
  /**
   * Told of each failed invocation (the event is retried, then dead-lettered), as Lambda's runtime
   * logs an uncaught error; without it a failure is visible only in the retry count.
   */
  onHandlerError?: (rule: string, error: unknown) => void;
}

export class LocalEventBus implements EventBus {
  private readonly queues: { rule: EventRule; queue: LocalQueue }[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly options: LocalEventBusOptions = {},
  ) {}

  /** Route events matching the rule to its handler. */
  addRule(rule: EventRule): void {
    const queue = new LocalQueue({
      name: rule.name,
      deadLetterFile: join(this.dataDir, 'dead-letters', `${rule.name}.jsonl`),
      journalFile: join(this.dataDir, 'queues', `${rule.name}.jsonl`),
      handler: async (sqs) => {
        const failures: { itemIdentifier: string }[] = [];
        for (const record of sqs.Records) {
          try {
            await rule.handler(JSON.parse(record.body), lambdaContext(rule.name));
          } catch (error) {
            this.options.onHandlerError?.(rule.name, error);
            failures.push({ itemIdentifier: record.messageId });
          }
        }
        return { batchItemFailures: failures };
      },
    });
    this.queues.push({ rule, queue });
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const e of events) {
      const body = JSON.stringify({
        version: '0',
        id: randomUUID(),
        'detail-type': e.detailType,
        source: e.source,
        account: localAccount,
        time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        region: 'us-east-1',
        resources: [],
        detail: e.detail,
      });
      for (const { rule, queue } of this.queues)
        if (rule.source === e.source && rule.detailType === e.detailType) queue.send(body);
    }
  }

  /** Resolves when every rule's queue is idle. */
  async idle(): Promise<void> {
    for (const { queue } of this.queues) await queue.idle();
  }

  /** Deliver the events a previous run left unhandled; returns how many, by rule. */
  replay(): Record<string, number> {
    const replayed: Record<string, number> = {};
    for (const { rule, queue } of this.queues) {
      const n = queue.replayJournal();
      if (n > 0) replayed[rule.name] = n;
    }
    return replayed;
  }

  /** Events waiting for their rule's target, not counting batches in flight. */
  get waitingCount(): number {
    return this.queues.reduce((n, { queue }) => n + queue.waitingCount, 0);
  }

  async close(options: CloseOptions = {}): Promise<void> {
    await Promise.all(this.queues.map(({ queue }) => queue.close(options)));
  }
}
