// Create the embedded stack's buckets and tables, idempotently, from the same definitions the CDK
// stateful stack uses (shared/config/resources.ts).
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
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
    if (await tableExists(dynamodb, tableName)) continue;
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

async function tableExists(dynamodb: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return false;
    throw error;
  }
}
