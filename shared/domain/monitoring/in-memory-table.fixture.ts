// Test fixture: the Table port in memory, with the serving table's key and index layout
// (pk/sk; byHospital gsi1pk/gsi1sk; byPatientTime gsi2pk/gsi2sk; byDueMinute gsi3pk/gsi3sk), and a
// Notifier that records.
import type { Notification, Notifier } from '../../ports/notifier';
import type { Item, PutCondition, QueryInput, QueryPage, Table } from '../../ports/table';

const indexKeys: Record<string, [string, string]> = {
  byHospital: ['gsi1pk', 'gsi1sk'],
  byPatientTime: ['gsi2pk', 'gsi2sk'],
  byDueMinute: ['gsi3pk', 'gsi3sk'],
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

  async putIfUnchanged(item: Item, condition: PutCondition): Promise<boolean> {
    const current = this.items.get(`${String(item.pk)}\u0000${String(item.sk)}`);
    if (current?.[condition.attribute] !== condition.expected) return false;
    await this.put(item);
    return true;
  }

  async putMany(items: Item[]): Promise<void> {
    for (const item of items) await this.put(item);
  }

  async query(input: QueryInput): Promise<QueryPage> {
    const [pk, sk] = input.index ? indexKeys[input.index]! : ['pk', 'sk'];
    // Ordered by the sort key, then (on an index, where sort keys may repeat) the table key.
    const position = (i: Item) => [String(i[sk]), String(i.pk), String(i.sk)];
    const compare = (a: string[], b: string[]) =>
      byteOrder(a[0]!, b[0]!) || byteOrder(a[1]!, b[1]!) || byteOrder(a[2]!, b[2]!);
    const matching = [...this.items.values()]
      .filter((i) => i[pk] === input.partition)
      .filter((i) => !input.sortPrefix || String(i[sk]).startsWith(input.sortPrefix))
      .sort((a, b) => compare(position(a), position(b)));
    if (input.descending) matching.reverse();
    // Like DynamoDB's LastEvaluatedKey, the cursor is the last item's position, so items written or
    // moved meanwhile neither shift the next page nor make it skip any.
    const after = input.cursor ? (JSON.parse(input.cursor) as string[]) : undefined;
    const rest = after
      ? matching.filter((i) => compare(position(i), after) * (input.descending ? -1 : 1) > 0)
      : matching;
    const limit = input.limit ?? 1000;
    const page = rest.slice(0, limit);
    const next = rest.length > limit ? JSON.stringify(position(page.at(-1)!)) : undefined;
    return { items: page.map((i) => structuredClone(i)), ...(next ? { cursor: next } : {}) };
  }
  /** Items whose sort key is `sk`, e.g. every SENT marker. */
  withSk(sk: string): Item[] {
    return [...this.items.values()].filter((i) => i.sk === sk);
  }
}

/** DynamoDB orders string sort keys by UTF-8 bytes; for these ASCII keys, code-unit order. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Records every notification sent (`sent`), duplicates included, as SNS on a standard topic delivers
 * them (no de-duplication: a use case must not rely on the channel to drop a second page); `attempts`
 * counts calls, failed ones too. `failNext` makes the next n sends throw, like a throttled SNS.
 */
export class RecordingNotifier implements Notifier {
  readonly sent: Notification[] = [];
  attempts = 0;
  failNext = 0;
  /** How long a send takes: a network call, during which concurrent evaluations carry on. */
  delayMs = 1;

  async send(notification: Notification): Promise<void> {
    this.attempts++;
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('notifier unavailable');
    }
    this.sent.push(notification);
  }

  on(channel: string): Notification[] {
    return this.sent.filter((n) => n.channel === channel);
  }
}
