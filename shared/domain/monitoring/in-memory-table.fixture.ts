// Test fixture: the Table port in memory, with the serving table's key and index layout
// (pk/sk; byHospital gsi1pk/gsi1sk; byPatientTime gsi2pk/gsi2sk), and a Notifier that records.
import type { Notification, Notifier } from '../../ports/notifier';
import type { Item, QueryInput, QueryPage, Table } from '../../ports/table';

const indexKeys: Record<string, [string, string]> = {
  byHospital: ['gsi1pk', 'gsi1sk'],
  byPatientTime: ['gsi2pk', 'gsi2sk'],
};

export class InMemoryTable implements Table {
  readonly items = new Map<string, Item>();
  writes = 0;

  async get(pk: string, sk: string): Promise<Item | undefined> {
    const item = this.items.get(`${pk}\u0000${sk}`);
    return item ? structuredClone(item) : undefined;
  }

  async put(item: Item): Promise<void> {
    this.writes++;
    this.items.set(`${String(item.pk)}\u0000${String(item.sk)}`, structuredClone(item));
  }

  async putIfAbsent(item: Item): Promise<boolean> {
    if (this.items.has(`${String(item.pk)}\u0000${String(item.sk)}`)) return false;
    await this.put(item);
    return true;
  }

  async putMany(items: Item[]): Promise<void> {
    for (const item of items) await this.put(item);
  }

  async query(input: QueryInput): Promise<QueryPage> {
    const [pk, sk] = input.index ? indexKeys[input.index]! : ['pk', 'sk'];
    const matching = [...this.items.values()]
      .filter((i) => i[pk] === input.partition)
      .filter((i) => !input.sortPrefix || String(i[sk]).startsWith(input.sortPrefix))
      .sort((a, b) => byteOrder(String(a[sk]), String(b[sk])));
    if (input.descending) matching.reverse();
    const start = input.cursor ? Number(input.cursor) : 0;
    const limit = input.limit ?? 1000;
    const page = matching.slice(start, start + limit);
    const next = start + limit < matching.length ? String(start + limit) : undefined;
    return { items: page.map((i) => structuredClone(i)), ...(next ? { cursor: next } : {}) };
  }
}

/** DynamoDB orders string sort keys by UTF-8 bytes; for these ASCII keys, code-unit order. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records every send attempt (`attempts`) and what a dedupe-keyed channel delivers (`sent`). */
export class RecordingNotifier implements Notifier {
  readonly sent: Notification[] = [];
  attempts = 0;
  private readonly keys = new Set<string>();

  async send(notification: Notification): Promise<void> {
    this.attempts++;
    if (this.keys.has(notification.dedupeKey)) return;
    this.keys.add(notification.dedupeKey);
    this.sent.push(notification);
  }
}
