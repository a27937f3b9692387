// Port: key-value serving records (DynamoDB in AWS, dynalite locally).
export type Item = Record<string, unknown>;

export interface QueryInput {
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

export interface Table {
  get(pk: string, sk: string): Promise<Item | undefined>;
  /** Idempotent upsert: the same key written twice yields one record. */
  put(item: Item): Promise<void>;
  /** Write if absent; returns false (and writes nothing) when the key already exists. */
  putIfAbsent(item: Item): Promise<boolean>;
  /** Batched upsert of many items (chunks and retries unprocessed items). */
  putMany(items: Item[]): Promise<void>;
  query(input: QueryInput): Promise<QueryPage>;
}

export type TableRole = 'serving';
