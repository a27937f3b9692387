// Stateful construct: the DynamoDB tables of shared/config/resources.ts, built the way the embedded stack builds them.
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { physicalName, tableDefinitions, type KeyAttribute } from '../../shared/config/resources';
import { tableName } from './resource-names';

export interface ServingTablesProps {
  prefix: string;
  key: kms.IKey;
}

function attribute(key: KeyAttribute): dynamodb.Attribute {
  return {
    name: key.name,
    type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
  };
}

/**
 * One table per entry in `tableDefinitions`, so a key, index or TTL change lands in both the CDK
 * stack and the embedded stack from the same line. Tables are on-demand (ingest is bursty),
 * encrypted with our key, recoverable to any second of the last 35 days, protected from deletion,
 * and backed up daily by AWS Backup into a vault encrypted with the same key.
 */
export class ServingTables extends Construct {
  readonly byLogicalName: ReadonlyMap<string, dynamodb.Table>;
  readonly backupPlan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: ServingTablesProps) {
    super(scope, id);
    const tables = new Map<string, dynamodb.Table>();

    for (const def of tableDefinitions) {
      const table = new dynamodb.Table(this, def.logicalName, {
        tableName: tableName(props.prefix, def),
        partitionKey: attribute(def.partitionKey),
        sortKey: def.sortKey && attribute(def.sortKey),
        billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
        encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
        encryptionKey: props.key,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        timeToLiveAttribute: def.timeToLiveAttribute,
        deletionProtection: true,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      for (const index of def.globalSecondaryIndexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.indexName,
          partitionKey: attribute(index.partitionKey),
          sortKey: index.sortKey && attribute(index.sortKey),
          // Listing and timeline reads return whole records; a narrower projection would force a
          // second read per item.
          projectionType: dynamodb.ProjectionType.ALL,
        });
      }
      tables.set(def.logicalName, table);
    }
    this.byLogicalName = tables;

    const vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: physicalName(props.prefix, 'tables'),
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.backupPlan = backup.BackupPlan.dailyMonthly1YearRetention(this, 'Plan', vault);
    const selection = this.backupPlan.addSelection('Tables', {
      resources: [...tables.values()].map((t) => backup.BackupResource.fromDynamoDbTable(t)),
    });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        'AWS Backup documents this managed service-role policy as the way to let Backup snapshot DynamoDB; AWS ' +
        'keeps it in step with the service, which a hand-copied policy would not be.',
    });
  }
}
