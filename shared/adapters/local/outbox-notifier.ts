// Secondary adapter (embedded stack): Notifier that appends to an outbox file, once per dedupe key.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Notification, Notifier } from '../../ports/notifier';

export class OutboxNotifier implements Notifier {
  private delivered?: Set<string>;

  constructor(private readonly outboxFile: string) {}

  async send(notification: Notification): Promise<void> {
    const delivered = await this.load();
    if (delivered.has(notification.dedupeKey)) return;
    delivered.add(notification.dedupeKey);
    await mkdir(dirname(this.outboxFile), { recursive: true });
    await appendFile(
      this.outboxFile,
      JSON.stringify({ ...notification, sentAt: new Date().toISOString() }) + '\n',
    );
  }

  /** Everything sent so far, oldest first. */
  async sent(): Promise<Notification[]> {
    const text = await readFile(this.outboxFile, 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Notification);
  }

  private async load(): Promise<Set<string>> {
    if (!this.delivered) this.delivered = new Set((await this.sent()).map((n) => n.dedupeKey));
    return this.delivered;
  }
}
