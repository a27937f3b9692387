// Create the embedded stack's buckets and tables, idempotently, from the same definitions the CDK
// stateful stack uses (shared/config/resources.ts).
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  ScanCommand,
  UpdateTableCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { ConfigurationError } from '../shared/domain/errors';
import type { AppConfig } from '../shared/config/config';
import { bucketRoles, tableDefinitions, type TableDefinition } from '../shared/config/resources';

export async function createBuckets(s3: S3Client, config: AppConfig): Promise<void> {
  for (const role of bucketRoles) {
    try {
      await s3.send(new CreateBucketCommand({ Bucket: config.buckets[role] }));
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
    }
  }
}

export async function createTables(dynamodb: DynamoDBClient, config: AppConfig): Promise<void> {
  const names: Record<string, string | undefined> = config.tables;
  for (const definition of tableDefinitions) {
    const tableName = names[definition.logicalName];
    if (!tableName) continue;
    if (await tableExists(dynamodb, tableName)) {
      await addMissingIndexes(dynamodb, tableName, definition);
      continue;
    }
    try {
      await dynamodb.send(new CreateTableCommand(createTableInput(tableName, definition)));
    } catch (error) {
      if ((error as { name?: string }).name !== 'ResourceInUseException') throw error;
    }
  }
}

/** The CreateTable request for a definition (PAY_PER_REQUEST, as in the CDK stack). */
export function createTableInput(tableName: string, d: TableDefinition) {
  const keys = [
    d.partitionKey,
    ...(d.sortKey ? [d.sortKey] : []),
    ...d.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, ...(g.sortKey ? [g.sortKey] : [])]),
  ];
  const attributes = [...new Map(keys.map((k) => [k.name, k])).values()];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: attributes.map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    KeySchema: [
      { AttributeName: d.partitionKey.name, KeyType: 'HASH' as const },
      ...(d.sortKey ? [{ AttributeName: d.sortKey.name, KeyType: 'RANGE' as const }] : []),
    ],
    ...(d.globalSecondaryIndexes.length
      ? {
          GlobalSecondaryIndexes: d.globalSecondaryIndexes.map((g) => ({
            IndexName: g.indexName,
            KeySchema: [
              { AttributeName: g.partitionKey.name, KeyType: 'HASH' as const },
              ...(g.sortKey ? [{ AttributeName: g.sortKey.name, KeyType: 'RANGE' as const }] : []),
            ],
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }
      : {}),
  };
}

/**
 * A data directory made by an older version lacks indexes added since; add them (UpdateTable), or
 * stop with a message saying how to recover rather than failing later on a query.
 */
async function addMissingIndexes(dynamodb: DynamoDBClient, tableName: string, d: TableDefinition) {
  const described = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((described.Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
  const wanted = createTableInput(tableName, d);
  for (const index of wanted.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    try {
      await dynamodb.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: wanted.AttributeDefinitions,
          // dynalite implements the provisioned-throughput form of UpdateTable; the numbers are unused locally.
          GlobalSecondaryIndexUpdates: [
            {
              Create: {
                ...index,
                ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
              },
            },
          ],
        }),
      );
    } catch (error) {
      throw new ConfigurationError(
        `table ${tableName} in this data directory predates index ${index.IndexName} and it could not be added ` +
          `(${(error as Error).name}); start with a fresh --data-dir or delete its dynamodb folder`,
        { cause: error },
      );
    }
  }
}

async function tableExists(dynamodb: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return false;
    throw error;
  }
}

/**
 * Delete the idempotency records a killed process left INPROGRESS; returns how many. Powertools
 * refuses to run an event whose record is in progress until the record's in-progress expiry (the
 * invocation's remaining time when it began, up to 5 minutes locally), and the local queue's retries
 * run out within seconds, so after a crash a file being ingested went to the dead-letter file instead
 * of resuming. On AWS the SQS visibility timeout (longer than the function timeout) covers this. Run
 * only while no invocation can be running: at the start of the embedded stack, before its queues.
 * Attribute names are Powertools' defaults (`id`, `status`), which the ingest function uses.
 */
export async function clearStaleInProgress(
  dynamodb: DynamoDBClient,
  tableName: string,
): Promise<number> {
  let cleared = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamodb.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: '#status = :inprogress',
        ExpressionAttributeNames: { '#status': 'status', '#id': 'id' },
        ExpressionAttributeValues: { ':inprogress': { S: 'INPROGRESS' } },
        ProjectionExpression: '#id',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      try {
        await dynamodb.send(
          new DeleteItemCommand({
            TableName: tableName,
            Key: { id: item.id! },
            ConditionExpression: '#status = :inprogress',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':inprogress': { S: 'INPROGRESS' } },
          }),
        );
        cleared++;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return cleared;
}
