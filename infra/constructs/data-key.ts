// Stateful construct: the customer-managed KMS key that encrypts every PHI store, queue and log.
import { RemovalPolicy, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface DataKeyProps {
  prefix: string;
}

/**
 * One key for buckets, tables, queues, topics and log groups, rotated yearly.
 *
 * The key policy names the AWS services that encrypt on our behalf (CloudWatch Logs, S3 event
 * notifications into the encrypted queue, CloudWatch alarms into the encrypted topic, EventBridge
 * dead letters into the encrypted queues). They are
 * written here, in the stateful stack, rather than added by the stateless stack's constructs, so
 * that the key policy is complete and reviewable in one template and a stateless deploy never
 * rewrites a stateful resource.
 */
export class DataKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: DataKeyProps) {
    super(scope, id);
    const { region, account, partition } = Stack.of(this);

    this.key = new kms.Key(this, 'Key', {
      alias: `alias/${props.prefix}-data`,
      description: `${props.prefix}: encrypts PHI at rest (S3, DynamoDB, SQS, SNS, CloudWatch Logs)`,
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      // Losing the key loses every object and item it encrypted; scheduled deletion is a manual act.
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });

    // CloudWatch Logs encrypts with the log group ARN as encryption context; scoping to this
    // account's log groups stops another account's log group from using the key.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchLogsEncryptsThisAccountsLogGroups',
        principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
        actions: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncryptFrom',
          'kms:ReEncryptTo',
          'kms:GenerateDataKey',
          'kms:GenerateDataKeyWithoutPlaintext',
          'kms:DescribeKey',
        ],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${account}:log-group:*`,
          },
        },
      }),
    );

    // S3 sends ObjectCreated notifications into the KMS-encrypted ingest queue; CloudWatch sends
    // alarm notifications into the KMS-encrypted operator topic; EventBridge puts events it could not
    // hand to a rule target into that target's encrypted dead-letter queue (EventBridge user guide,
    // "Using dead-letter queues"), and IngestContinuationRequested into the encrypted ingest queue.
    // Each needs a data key to do so; same account only.
    for (const [sid, service] of [
      ['S3NotificationsIntoEncryptedQueue', 's3.amazonaws.com'],
      ['CloudWatchAlarmsIntoEncryptedTopic', 'cloudwatch.amazonaws.com'],
      ['EventBridgeDeadLettersIntoEncryptedQueues', 'events.amazonaws.com'],
    ] as const) {
      this.key.addToResourcePolicy(
        new iam.PolicyStatement({
          sid,
          principals: [new iam.ServicePrincipal(service)],
          actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': account } },
        }),
      );
    }
  }
}
