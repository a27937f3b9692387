// Stateless building blocks: the IAM statements a function gets, named for what it does with the data.
import { Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { keyLayout, physicalName, type TableDefinition } from '../../shared/config/resources';
import type { BucketRole } from '../../shared/ports/object-store';

// Actions are spelled out, never `s3:*`/`dynamodb:*` or CDK's `s3:GetObject*`-style grant sets, so
// the policy says exactly what the code may do. Object resources are limited to the key prefixes of
// shared/config/resources.ts `keyLayout`, read from it so a layout change moves the policy too.

/** The first path segment a `keyLayout` function writes under, with its slash, e.g. `reports/`. */
export function topLevelPrefix(layout: (a: string, b: string, c: string) => string): string {
  const [first] = layout('a', 'b', 'c').split('/');
  return `${first}/`;
}

const tableReadActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const tableWriteActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/** The table and each of its indexes by name: no `index/*`, so a new index is a reviewed change. */
function tableResources(table: dynamodb.ITable, def: TableDefinition): string[] {
  return [
    table.tableArn,
    ...def.globalSecondaryIndexes.map((i) => `${table.tableArn}/index/${i.indexName}`),
  ];
}

export function readTable(
  sid: string,
  table: dynamodb.ITable,
  def: TableDefinition,
): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid,
    actions: tableReadActions,
    resources: tableResources(table, def),
  });
}

export function readWriteTable(
  sid: string,
  table: dynamodb.ITable,
  def: TableDefinition,
): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid,
    actions: [...tableReadActions, ...tableWriteActions],
    resources: tableResources(table, def),
  });
}

/**
 * Append to and read an append-only table: PutItem (the code always adds a condition that the key
 * is new) and Query; no UpdateItem, DeleteItem or BatchWriteItem, so no record can be changed.
 */
export function appendOnlyTable(
  sid: string,
  table: dynamodb.ITable,
  def: TableDefinition,
): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid,
    actions: ['dynamodb:PutItem', 'dynamodb:Query'],
    resources: tableResources(table, def),
  });
}

/**
 * Write-only: PutItem and BatchWriteItem, no read, update or delete. For the re-identification map,
 * which ingest fills and nothing in the product reads back.
 */
export function writeOnlyTable(
  sid: string,
  table: dynamodb.ITable,
  def: TableDefinition,
): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid,
    actions: ['dynamodb:PutItem', 'dynamodb:BatchWriteItem'],
    resources: tableResources(table, def),
  });
}

/**
 * GetObject by key and by version (idempotency is per object version), and ListBucket restricted to
 * `raw/`: without ListBucket, S3 answers a GetObject of a missing key with 403 instead of 404, so
 * an absent batch companion (a note's `visit.txt.json` sidecar before `visit.json`, a CSV's
 * mapping.json; shared/domain/ingest/batch-companions.ts) would read as AccessDenied, not absent.
 */
export function readRawUploads(raw: s3.IBucket): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'ReadRawUploads',
      actions: ['s3:GetObject', 's3:GetObjectVersion'],
      resources: [raw.arnForObjects(`${keyLayout.rawPrefix}*`)],
    }),
    new iam.PolicyStatement({
      sid: 'ListRawUploads',
      actions: ['s3:ListBucket'],
      resources: [raw.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${keyLayout.rawPrefix}*`] } },
    }),
  ];
}

/** Read ingest reports: GetObject under reports/, and ListBucket restricted to that prefix. */
export function readReports(curated: s3.IBucket): iam.PolicyStatement[] {
  const reports = topLevelPrefix(keyLayout.report);
  return [
    new iam.PolicyStatement({
      sid: 'ReadIngestReports',
      actions: ['s3:GetObject'],
      resources: [curated.arnForObjects(`${reports}*`)],
    }),
    new iam.PolicyStatement({
      sid: 'ListIngestReports',
      actions: ['s3:ListBucket'],
      resources: [curated.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${reports}*`] } },
    }),
  ];
}

/** PutObject (and abandoning a multipart upload) under the given prefixes only; no read, no delete. */
export function writeObjects(
  sid: string,
  bucket: s3.IBucket,
  prefixes: string[],
): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid,
    actions: ['s3:PutObject', 's3:AbortMultipartUpload'],
    resources: prefixes.map((p) => bucket.arnForObjects(`${p}*`)),
  });
}

export function useKey(sid: string, key: kms.IKey, actions: string[]): iam.PolicyStatement {
  return new iam.PolicyStatement({ sid, actions, resources: [key.keyArn] });
}

/** ARN pattern of the pseudonymisation secrets: Secrets Manager appends a random suffix to every name. */
export function pseudonymSecretsArn(scope: Construct, secretPrefix: string): string {
  const { partition, region, account } = Stack.of(scope);
  return `arn:${partition}:secretsmanager:${region}:${account}:secret:${secretPrefix}*`;
}

export function readPseudonymSecrets(scope: Construct, secretPrefix: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'ReadPseudonymSecrets',
    actions: ['secretsmanager:GetSecretValue'],
    resources: [pseudonymSecretsArn(scope, secretPrefix)],
  });
}

// cdk-nag reports each wildcard resource as its own finding, rendered with `<AWS::...>` for
// pseudo parameters; acknowledgements must name that exact finding. Built from the same names as
// the statements above, so they move together.

/** The AwsSolutions-IAM5 finding id for "objects under `objectPrefix` in the `role` bucket". */
export function objectPrefixFinding(
  prefix: string,
  role: BucketRole,
  objectPrefix: string,
): string {
  return objectPatternFinding(prefix, role, `${objectPrefix}*`);
}

/** The AwsSolutions-IAM5 finding id for "objects matching `keyPattern` in the `role` bucket". */
export function objectPatternFinding(prefix: string, role: BucketRole, keyPattern: string): string {
  const bucket = `${physicalName(prefix, role)}-<AWS::AccountId>-<AWS::Region>`;
  return `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${bucket}/${keyPattern}]`;
}

/** The AwsSolutions-IAM5 finding id for the pseudonym secrets ARN pattern. */
export function pseudonymSecretsFinding(secretPrefix: string): string {
  return `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${secretPrefix}*]`;
}
