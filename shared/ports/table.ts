// Port: key-value serving records (DynamoDB in AWS, dynalite locally).
export type Item = Record<string, unknown>;

/**
 * `consistent` (ReadOptions): a strongly consistent Query, for a use case that reads back what was
 * just written (GET /patients/{id}/recommendations lists decisions a POST recorded a moment ago).
 * DynamoDB offers it on the table only, not on a global secondary index: asking for it with `index` is
 * refused. Wrappers pass the input on whole, so the option reaches the store they wrap.
 */
export interface QueryInput extends ReadOptions {
  /** Partition key value (on the table, or on the index when `index` is set). */
  partition: string;
  index?: string;
  /** Restrict sort keys to those that begin with this prefix. */
  sortPrefix?: string;
  limit?: number;
  /** Opaque cursor returned by a previous page. */
  cursor?: string;
  descending?: boolean;
}

export interface QueryPage {
  items: Item[];
  cursor?: string;
}

/** The attribute value a conditional put expects to find (see `Table.putIfUnchanged`). */
export interface PutCondition {
  attribute: string;
  expected: string | number | undefined;
}

export interface ReadOptions {
  /**
   * Strongly consistent: the read sees every write acknowledged before it (DynamoDB `ConsistentRead`;
   * dynalite accepts it and is always consistent). Default eventually consistent, which may miss a
   * write made a moment before: ask for it where a use case reads its own or a concurrent write back.
   */
  consistent?: boolean;
}

export interface Table {
  get(pk: string, sk: string, options?: ReadOptions): Promise<Item | undefined>;
  /** Idempotent upsert: the same key written twice yields one record. */
  put(item: Item): Promise<void>;
  /** Write if absent; returns false (and writes nothing) when the key already exists. */
  putIfAbsent(item: Item): Promise<boolean>;
  /**
   * Optimistic concurrency: replace the item only while its `attribute` still holds `expected`
   * (`undefined`: the item is absent or lacks the attribute); returns false, writing nothing,
   * otherwise. Optional: an adapter that cannot offer it leaves it out, and a use case that needs it
   * (monitoring alerts) refuses to run without it rather than overwrite concurrent changes.
   */
  putIfUnchanged?(item: Item, condition: PutCondition): Promise<boolean>;
  /** Batched upsert of many items (chunks and retries unprocessed items). */
  putMany(items: Item[]): Promise<void>;
  query(input: QueryInput): Promise<QueryPage>;
}

export type TableRole = 'serving';
