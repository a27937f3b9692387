// The embedded stack's SQS: at-least-once delivery to a batch handler, partial batch failures retried
// with backoff, and after `maxReceiveCount` receives the message goes to a dead-letter file (as an SQS
// redrive policy would). Nothing is dropped silently.
//
// With a journal file the queue is durable, as SQS is: every message sent is appended to the journal
// before it is delivered, and marked done once handled (or dead-lettered). A queue stopped with work
// waiting, or a process killed, leaves the unfinished messages in the journal; `replayJournal()` on
// the next start delivers them again (at least once: a message in flight at a kill is delivered twice,
// which the handlers, like Lambda's, must tolerate).
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
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
  /** Makes the queue durable: unfinished messages survive a stop or a crash (see the file comment). */
  journalFile?: string;
}

export interface CloseOptions {
  /**
   * true (the default): deliver every waiting message before closing. false: finish the batch in
   * flight and leave the waiting messages in the journal for the next start; a queue without a
   * journal drops them, so only pass false when their sender can send them again (the ingest queue's
   * uploads are re-driven from S3 on start).
   */
  finish?: boolean;
}

/** A journal line: a message sent, or a message finished with. */
type JournalEntry = { op: 'send'; id: string; body: string } | { op: 'done'; id: string };

/**
 * A busy journal (its queue not idle, when it is emptied) is compacted to its unfinished messages
 * once it has this many lines and 3 in 4 of them are spent.
 */
const compactAfterLines = 1000;

export class LocalQueue {
  private readonly waiting: Message[] = [];
  private inFlight = 0;
  private draining = false;
  private idleWaiters: (() => void)[] = [];
  private stopWaiters: (() => void)[] = [];
  private closed = false;
  private stopping = false;
  private journalLines = 0;
  /** Journaled messages not yet done (id -> body): what a compacted journal must still hold. */
  private readonly unfinished = new Map<string, string>();

  constructor(private readonly options: LocalQueueOptions) {}

  /** SendMessage: the message is delivered at least once. */
  send(body: string): string {
    if (this.closed || this.stopping) throw new Error(`queue ${this.options.name} is closed`);
    const id = randomUUID();
    this.journal({ op: 'send', id, body });
    this.waiting.push({ id, body, receives: 0 });
    queueMicrotask(() => void this.drain());
    return id;
  }

  /**
   * Deliver again the messages a previous run of this queue left unfinished in its journal; returns
   * how many. A line that does not parse (torn by a kill mid-append) goes to the dead-letter file
   * with its reason rather than being dropped.
   */
  replayJournal(): number {
    const file = this.options.journalFile;
    if (!file || !existsSync(file)) return 0;
    const pending = new Map<string, string>();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        this.deadLetter(line, 'unreadable journal line (torn by a kill?)');
        continue;
      }
      if (entry.op === 'send') pending.set(entry.id, entry.body);
      else pending.delete(entry.id);
    }
    // Rewrite the journal with only the unfinished messages (atomically), then queue them.
    for (const [id, body] of pending) this.unfinished.set(id, body);
    this.rewriteJournal(file);
    for (const [id, body] of pending) this.waiting.push({ id, body, receives: 0 });
    if (pending.size > 0) queueMicrotask(() => void this.drain());
    return pending.size;
  }

  /** The bodies of the messages waiting for delivery. */
  waitingBodies(): string[] {
    return this.waiting.map((m) => m.body);
  }

  /** Messages waiting for delivery (not counting the batch in flight). */
  get waitingCount(): number {
    return this.waiting.length;
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

  async close(options: CloseOptions = {}): Promise<void> {
    if (options.finish === false) {
      this.stopping = true;
      if (this.inFlight > 0 || this.draining)
        await new Promise<void>((resolve) => this.stopWaiters.push(resolve));
    } else {
      await this.idle();
    }
    this.closed = true;
  }

  private async drain(): Promise<void> {
    if (this.draining || this.closed || this.stopping) return;
    this.draining = true;
    try {
      while (this.waiting.length > 0 && !this.stopping) {
        const batch = this.waiting.splice(0, this.options.batchSize ?? 10);
        this.inFlight += batch.length;
        await this.deliver(batch);
        this.inFlight -= batch.length;
      }
    } finally {
      this.draining = false;
      this.stopWaiters.splice(0).forEach((r) => r());
      if (this.waiting.length === 0 && this.inFlight === 0) {
        const file = this.options.journalFile;
        if (file && this.journalLines > 0) this.rewriteJournal(file); // nothing unfinished: empty
        this.idleWaiters.splice(0).forEach((r) => r());
      }
    }
  }

  private journal(entry: JournalEntry): void {
    const file = this.options.journalFile;
    if (!file) return;
    if (this.journalLines === 0) mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, JSON.stringify(entry) + '\n');
    this.journalLines++;
    if (entry.op === 'send') this.unfinished.set(entry.id, entry.body);
    else {
      this.unfinished.delete(entry.id);
      // Compact once most lines are spent, whether or not the queue ever goes idle.
      if (this.journalLines >= compactAfterLines && this.journalLines > 4 * this.unfinished.size)
        this.rewriteJournal(file);
    }
  }

  /** Replace the journal, atomically, by one send line per unfinished message. */
  private rewriteJournal(file: string): void {
    const tmp = `${file}.tmp`;
    let text = '';
    for (const [id, body] of this.unfinished)
      text += JSON.stringify({ op: 'send', id, body }) + '\n';
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    this.journalLines = this.unfinished.size;
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
    for (const m of batch) if (!failed.has(m.id)) this.journal({ op: 'done', id: m.id });
    for (const m of batch.filter((b) => failed.has(b.id))) await this.retryOrDeadLetter(m, reason);
  }

  private async retryOrDeadLetter(m: Message, reason: string): Promise<void> {
    if (m.receives >= (this.options.maxReceiveCount ?? 5)) {
      this.deadLetter(m.body, reason, m.id);
      this.journal({ op: 'done', id: m.id });
      return;
    }
    await new Promise((r) => setTimeout(r, (this.options.retryDelayMs ?? 200) * m.receives));
    this.waiting.push(m);
  }

  private deadLetter(body: string, reason: string, messageId?: string): void {
    mkdirSync(dirname(this.options.deadLetterFile), { recursive: true });
    appendFileSync(
      this.options.deadLetterFile,
      JSON.stringify({
        ...(messageId ? { messageId } : {}),
        body,
        reason,
        at: new Date().toISOString(),
      }) + '\n',
    );
    this.options.onDeadLetter?.(body, reason);
  }
}
