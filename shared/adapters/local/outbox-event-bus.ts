// Secondary adapter (local, outside a running stack): events appended to a JSONL outbox file, so a
// CLI batch job that emits events loses none of them; the running stack uses local/event-bus.ts.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DomainEvent, EventBus } from '../../ports/event-bus';

export class OutboxEventBus implements EventBus {
  constructor(private readonly file: string) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    if (!events.length) return;
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  }
}
