// Shared by both stacks: the physical names of stateful resources, and how the stateless stack refers to them by name.
import { Aws } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { bucketRoles, physicalName, type TableDefinition } from '../../shared/config/resources';
import type { BucketRole } from '../../shared/ports/object-store';

/**
 * Bucket names are deterministic so hospitals and operators can be told where to upload; the
 * account and Region suffix keeps them globally unique, as S3 requires.
 */
export function dataBucketName(prefix: string, role: BucketRole | 'audit-logs'): string {
  return `${physicalName(prefix, role)}-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

export function tableName(prefix: string, def: TableDefinition): string {
  return physicalName(prefix, def.logicalName);
}

// The stateless stack names buckets and tables instead of importing cross-stack references: the
// policies then read `arn:...:s3:::caregraph-raw-<account>-<region>/raw/*` rather than an opaque
// stack output, and a stateful change never blocks on an export the stateless stack still uses.
// The explicit stack dependency in infra/bin/app.ts keeps the deploy order.

export function dataBucketsByName(
  scope: Construct,
  prefix: string,
): Record<BucketRole, s3.IBucket> {
  return Object.fromEntries(
    bucketRoles.map((role) => [
      role,
      s3.Bucket.fromBucketName(scope, `${role}-bucket`, dataBucketName(prefix, role)),
    ]),
  ) as Record<BucketRole, s3.IBucket>;
}

export function tableByName(
  scope: Construct,
  prefix: string,
  def: TableDefinition,
): dynamodb.ITable {
  return dynamodb.Table.fromTableName(scope, `${def.logicalName}-table`, tableName(prefix, def));
}
