// Stateless construct: medication reminders. EventBridge Scheduler invokes the reminders function
// every minute; it reads due occurrences from the serving table's byDueMinute index (never a scan),
// claims each with a conditional put and publishes it to the notifications topic.
import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { servingTable } from '../../shared/config/resources';
import { envNames } from '../../shared/config/config';
import { useKey } from './data-access';
import { PipelineFunction } from './pipeline-function';

export interface ReminderDeliveryProps {
  prefix: string;
  dataKey: kms.IKey;
  servingTable: dynamodb.ITable;
  vpc: ec2.IVpc;
  environment: Record<string, string>;
  logRetention: logs.RetentionDays;
}

/**
 * The every-minute reminder tick. The function's timeout (50 s) stays under the 120 s after which
 * an unfinished claim may be retried, and under the one-minute period, so ticks rarely overlap;
 * when they do, the conditional claims make delivery exactly-once anyway.
 */
export class ReminderDelivery extends Construct {
  readonly function: PipelineFunction;
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: ReminderDeliveryProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Notifications', {
      topicName: `${props.prefix}-notifications`,
      masterKey: props.dataKey,
      enforceSSL: true,
    });
    this.function = new PipelineFunction(this, 'Reminders', {
      prefix: props.prefix,
      name: 'reminders',
      entry: 'functions/reminders/handler.ts',
      description: 'Delivers due medication reminders and caregiver escalations, exactly once',
      memorySize: 512,
      timeout: Duration.seconds(50),
      reservedConcurrentExecutions: 2,
      environment: { ...props.environment, [envNames.notifyTopicArn]: this.topic.topicArn },
      vpc: props.vpc,
      logKey: props.dataKey,
      logRetention: props.logRetention,
    });
    const table = props.servingTable;
    this.function.allow(
      new iam.PolicyStatement({
        sid: 'ReadDueReminders',
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/byDueMinute`],
      }),
      // Claims are conditional puts; delivery records and acknowledgements are puts and gets.
      new iam.PolicyStatement({
        sid: 'ClaimAndRecordDeliveries',
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:BatchWriteItem'],
        resources: [table.tableArn],
      }),
      new iam.PolicyStatement({
        sid: 'PublishNotifications',
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
      }),
      useKey('UseDataKey', props.dataKey, [
        'kms:Decrypt',
        'kms:GenerateDataKey',
        'kms:DescribeKey',
      ]),
    );
    if (!servingTable.globalSecondaryIndexes.some((i) => i.indexName === 'byDueMinute'))
      throw new Error('the serving table has no byDueMinute index (shared/config/resources.ts)');

    const invoke = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      description: 'EventBridge Scheduler invokes the reminders function, nothing else',
    });
    // A managed (not inline) policy, as for every role here: one reviewable document.
    new iam.ManagedPolicy(this, 'InvokeRemindersPolicy', {
      roles: [invoke],
      statements: [
        new iam.PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [this.function.fn.functionArn],
        }),
      ],
    });
    new scheduler.CfnSchedule(this, 'EveryMinute', {
      name: `${props.prefix}-reminders-every-minute`,
      description: 'Medication reminder tick',
      scheduleExpression: 'rate(1 minute)',
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: this.function.fn.functionArn,
        roleArn: invoke.roleArn,
        // A tick that cannot run within the minute is not worth retrying: the next one catches up.
        retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 },
      },
    });
  }
}
