// Test fixture: the Table port in memory (InMemoryTable) with DynamoDB's read consistency at its
// worst: a strongly consistent read (`get(..., { consistent: true })`, `query({ consistent: true })`)
// sees every acknowledged write, an eventually consistent one misses those not yet replicated (here,
// every write since the last `settle()`).
import type { Item, QueryInput, QueryPage, ReadOptions } from '../../ports/table';
import { InMemoryTable } from '../monitoring/in-memory-table.fixture';

const keyOf = (pk: unknown, sk: unknown) => `${String(pk)}\u0000${String(sk)}`;

export class EventuallyConsistentTable extends InMemoryTable {
  private readonly unsettled = new Set<string>();
  /** Every query asked of the table, as given. */
  readonly queries: QueryInput[] = [];

  /** Replicates every write so far: eventually consistent reads see them from now on. */
  settle(): void {
    this.unsettled.clear();
  }

  override async get(pk: string, sk: string, options?: ReadOptions) {
    if (!options?.consistent && this.unsettled.has(keyOf(pk, sk))) return undefined;
    return super.get(pk, sk);
  }

  override async put(item: Item) {
    this.unsettled.add(keyOf(item.pk, item.sk));
    await super.put(item);
  }

  override async query(input: QueryInput): Promise<QueryPage> {
    this.queries.push(structuredClone(input));
    // As DynamoDB: no strongly consistent read of a global secondary index.
    if (input.consistent && input.index)
      throw new Error(`a strongly consistent query cannot read index ${input.index}`);
    const page = await super.query(input);
    if (input.consistent) return page;
    return { ...page, items: page.items.filter((i) => !this.unsettled.has(keyOf(i.pk, i.sk))) };
  }
}
