// Secondary adapter: Table over DynamoDB (AWS) or dynalite (embedded stack), via the AWS SDK v3 document client.
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type {
  Item,
  PutCondition,
  QueryInput,
  QueryPage,
  ReadOptions,
  Table,
} from '../../ports/table';
import { servingTable, type KeyAttribute, type TableDefinition } from '../../config/resources';
import { DependencyError, InternalError, ValidationError } from '../../domain/errors';

const maxBatch = 25; // DynamoDB BatchWriteItem limit.
const parallelBatches = 4;

export class DynamoDbTable implements Table {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly definition: TableDefinition = servingTable,
  ) {}

  async get(pk: string, sk: string, options: ReadOptions = {}): Promise<Item | undefined> {
    const out = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: this.key(pk, sk),
        ...(options.consistent ? { ConsistentRead: true } : {}),
      }),
    );
    return out.Item;
  }

  async put(item: Item): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  async putIfAbsent(item: Item): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': this.definition.partitionKey.name },
        }),
      );
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async putIfUnchanged(item: Item, condition: PutCondition): Promise<boolean> {
    const expected = condition.expected;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression:
            expected === undefined ? 'attribute_not_exists(#a)' : '#a = :expected',
          ExpressionAttributeNames: { '#a': condition.attribute },
          ...(expected === undefined
            ? {}
            : { ExpressionAttributeValues: { ':expected': expected } }),
        }),
      );
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async putMany(items: Item[]): Promise<void> {
    // BatchWriteItem rejects a request naming one key twice, and parallel chunks would race: keep the
    // last write of each key, as sequential puts would.
    const unique = [...new Map(items.map((item) => [this.keyString(item), item])).values()];
    const chunks: Item[][] = [];
    for (let i = 0; i < unique.length; i += maxBatch) chunks.push(unique.slice(i, i + maxBatch));
    // A few BatchWriteItem calls in flight: faster than one at a time, gentle on table capacity.
    for (let i = 0; i < chunks.length; i += parallelBatches) {
      await Promise.all(
        chunks.slice(i, i + parallelBatches).map((chunk) => this.writeChunk(chunk)),
      );
    }
  }

  async query(input: QueryInput): Promise<QueryPage> {
    const keys = input.index
      ? this.definition.globalSecondaryIndexes.find((g) => g.indexName === input.index)
      : this.definition;
    if (!keys) throw new ValidationError(`unknown index ${input.index}`, 'index');
    // DynamoDB refuses ConsistentRead on a global secondary index (ValidationException), and every
    // index of a TableDefinition is one: a caller asking for it has a bug, refused before sending.
    if (input.consistent && input.index)
      throw new InternalError(`a strongly consistent query cannot read index ${input.index}`);
    const names: Record<string, string> = { '#p': keys.partitionKey.name };
    const values: Record<string, unknown> = { ':p': input.partition };
    let condition = '#p = :p';
    if (input.sortPrefix !== undefined && keys.sortKey) {
      names['#s'] = keys.sortKey.name;
      values[':s'] = input.sortPrefix;
      condition += ' AND begins_with(#s, :s)';
    }
    const startKey = input.cursor
      ? cursorWithin(decodeCursor(input.cursor), this.definition, keys, input)
      : undefined;
    let out;
    try {
      out = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: input.index,
          KeyConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          Limit: input.limit,
          ScanIndexForward: !input.descending,
          ExclusiveStartKey: startKey,
          ...(input.consistent ? { ConsistentRead: true } : {}),
        }),
      );
    } catch (error) {
      // Backstop for a cursor cursorWithin let through but DynamoDB refuses ("The provided starting
      // key is invalid / outside query boundaries..."): the caller's bad input, not a server fault.
      if (startKey && isStartKeyRejection(error))
        throw new ValidationError('invalid pagination cursor', 'cursor', { cause: error });
      throw error;
    }
    return {
      items: out.Items ?? [],
      ...(out.LastEvaluatedKey ? { cursor: encodeCursor(out.LastEvaluatedKey) } : {}),
    };
  }

  private keyString(item: Item): string {
    const sortKey = this.definition.sortKey ? String(item[this.definition.sortKey.name]) : '';
    return `${String(item[this.definition.partitionKey.name])}\u0000${sortKey}`;
  }

  private key(pk: string, sk: string): Record<string, string> {
    const key: Record<string, string> = { [this.definition.partitionKey.name]: pk };
    if (this.definition.sortKey) key[this.definition.sortKey.name] = sk;
    return key;
  }

  private async writeChunk(chunk: Item[]): Promise<void> {
    let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= 8)
        throw new DependencyError(
          `DynamoDB left ${pending.length} items unprocessed after retries`,
        );
      if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
      const out = await this.client.send(
        new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }),
      );
      pending = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof pending;
    }
  }
}

/** Cursors are opaque to callers: base64url JSON of DynamoDB's LastEvaluatedKey. */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new ValidationError('invalid pagination cursor', 'cursor', { cause: error });
  }
}

/**
 * A cursor continues the query it came from, so it must be a LastEvaluatedKey of that query: exactly
 * the table's key attributes plus, on an index, the index's, each of its declared type (a non-empty
 * string for S, a finite number for N), with this query's partition and, when the query has a sort
 * prefix, a sort key within it. Anything else (another hospital's or patient's partition, a truncated
 * or padded key) is refused as a bad request; DynamoDB would refuse most of these too, but as a
 * ValidationException that would surface as a server error.
 */
function cursorWithin(
  key: Record<string, unknown>,
  table: TableDefinition,
  keys: Pick<TableDefinition, 'partitionKey' | 'sortKey'>,
  input: QueryInput,
): Record<string, unknown> {
  const invalid = (detail = ''): never => {
    throw new ValidationError(`invalid pagination cursor${detail}`, 'cursor');
  };
  const expected = new Map<string, KeyAttribute>();
  for (const attribute of [table.partitionKey, table.sortKey, keys.partitionKey, keys.sortKey])
    if (attribute) expected.set(attribute.name, attribute);
  const names = Object.keys(key);
  if (names.length !== expected.size) invalid();
  for (const name of names) {
    const attribute = expected.get(name) ?? invalid();
    const value = key[name];
    const typed =
      attribute.type === 'S'
        ? typeof value === 'string' && value !== ''
        : typeof value === 'number' && Number.isFinite(value);
    if (!typed) invalid();
  }
  if (key[keys.partitionKey.name] !== input.partition) invalid(': it belongs to another query');
  if (
    input.sortPrefix !== undefined &&
    keys.sortKey?.type === 'S' &&
    !(key[keys.sortKey.name] as string).startsWith(input.sortPrefix)
  )
    invalid(': it belongs to another query');
  return key;
}

/** DynamoDB's (and dynalite's) ValidationException for an ExclusiveStartKey it will not use. */
function isStartKeyRejection(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown } | null;
  return (
    e?.name === 'ValidationException' &&
    typeof e.message === 'string' &&
    /start(?:ing)? key/i.test(e.message)
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
