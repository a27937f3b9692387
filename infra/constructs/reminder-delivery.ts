// Stateless construct: medication reminders. EventBridge Scheduler invokes the reminders function
// every minute; it reads due occurrences from the serving table's byDueMinute index (never a scan),
// claims each with a conditional put and publishes it to the notifications topic. Once a day it
// invokes the re-plan function, which re-plans every patient with an active order from their stored
// record (shared/domain/reminders/replan-active.ts), so reminders never run out 7 days after a
// patient's last data update; an alarm tells the operators of a run that left patients out
// (RemindersReplanNotReached) or failed to re-plan some (RemindersReplanFailed).
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
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
import { reminderShards } from '../../shared/domain/reminders/delivery-keys';
import {
  dailyReplanAtUtc,
  replanFunctionTimeoutMs,
} from '../../shared/domain/reminders/replan-active';
import { useKey } from './data-access';
import { PipelineFunction } from './pipeline-function';

export interface ReminderDeliveryProps {
  prefix: string;
  dataKey: kms.IKey;
  servingTable: dynamodb.ITable;
  vpc: ec2.IVpc;
  environment: Record<string, string>;
  logRetention: logs.RetentionDays;
  /** The operators' topic: the daily re-plan's alarms notify it. */
  alarmTopic: sns.ITopic;
}

/** The daily re-plan's schedule, at dailyReplanAtUtc (replan-active.ts), as the local stack runs it. */
export const dailyReplanSchedule = (() => {
  const [hour, minute] = dailyReplanAtUtc.split(':').map(Number);
  return `cron(${minute} ${hour} * * ? *)`;
})();

/** A Scheduler target input shaped as the Scheduled Event the handlers parse, timed by Scheduler. */
function scheduledEventInput(detail: Record<string, unknown>): string {
  return JSON.stringify({
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    time: '<aws.scheduler.scheduled-time>',
    detail,
  });
}

/**
 * The every-minute reminder tick. The function's timeout (50 s) stays under the 120 s after which
 * an unfinished claim may be retried, and under the one-minute period, so ticks rarely overlap;
 * when they do, the conditional claims make delivery exactly-once anyway.
 */
export class ReminderDelivery extends Construct {
  readonly function: PipelineFunction;
  /** The daily rolling re-plan of every patient with an active order. */
  readonly replanFunction: PipelineFunction;
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
        // Scheduler invokes a Lambda target with `input` as the whole event (there is no EventBridge
        // envelope unless we write one): the Scheduled Event the handler parses, with the minute
        // the schedule fired for (functions/reminders/scheduler-event.ts).
        input: scheduledEventInput({}),
        // A tick that cannot run within the minute is not worth retrying: the next one catches up.
        retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 },
      },
    });

    this.replanFunction = this.replan(props, invoke);
  }

  /**
   * The daily re-plan: its own function (up to 15 minutes; the tick must stay under 50 s) with its
   * own least-privilege policy: read a patient's record and the re-plan registry (Query on the table
   * itself, never an index, never a scan), write reminders and withdraw stale ones (puts), no publish.
   */
  private replan(props: ReminderDeliveryProps, invoke: iam.Role): PipelineFunction {
    // The service name is also the dimension of the function's metrics (replanAlarms).
    const service = `${props.prefix}-reminders-replan`;
    const fn = new PipelineFunction(this, 'Replan', {
      prefix: props.prefix,
      name: 'reminders-replan',
      entry: 'functions/reminders/replan-handler.ts',
      description: 'Daily: re-plans the reminders of every patient with an active medication order',
      memorySize: 1024,
      // 15 minutes; the embedded stack gives its run the same (local/stack.ts).
      timeout: Duration.millis(replanFunctionTimeoutMs),
      // One run at a time: a second (retried) run would only repeat the same idempotent writes.
      reservedConcurrentExecutions: 1,
      environment: {
        ...props.environment,
        [envNames.serviceName]: service,
      },
      vpc: props.vpc,
      logKey: props.dataKey,
      logRetention: props.logRetention,
    });
    const table = props.servingTable;
    fn.allow(
      new iam.PolicyStatement({
        sid: 'ReadRecordsAndRegistry',
        actions: ['dynamodb:Query', 'dynamodb:GetItem'],
        resources: [table.tableArn],
      }),
      new iam.PolicyStatement({
        sid: 'WriteAndWithdrawReminders',
        actions: ['dynamodb:PutItem', 'dynamodb:BatchWriteItem'],
        resources: [table.tableArn],
      }),
      useKey('UseDataKey', props.dataKey, [
        'kms:Decrypt',
        'kms:GenerateDataKey',
        'kms:DescribeKey',
      ]),
    );
    new iam.ManagedPolicy(this, 'InvokeReplanPolicy', {
      roles: [invoke],
      statements: [
        new iam.PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [fn.fn.functionArn],
        }),
      ],
    });
    new scheduler.CfnSchedule(this, 'DailyReplan', {
      name: `${props.prefix}-reminders-daily-replan`,
      description: 'Rolling re-plan of medication reminders (7-day horizon)',
      scheduleExpression: dailyReplanSchedule,
      scheduleExpressionTimezone: 'UTC',
      flexibleTimeWindow: { mode: 'FLEXIBLE', maximumWindowInMinutes: 15 },
      target: {
        arn: fn.fn.functionArn,
        roleArn: invoke.roleArn,
        // Idempotent, so a failed run is simply retried; a run is worth doing for hours.
        retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 6 * 3600 },
        // Every shard; a deployment too large for one 15-minute run splits them between schedules.
        input: scheduledEventInput({ shards: Array.from({ length: reminderShards }, (_, s) => s) }),
      },
    });
    this.replanAlarms(props, service);
    return fn;
  }
  /**
   * Page the operators when a daily run left patients out (the next run goes on from there, but a
   * run that keeps running out of time needs more schedules) or could not re-plan some (their
   * reminders run out in days). The metrics are those functions/reminders/make-replan-handler.ts
   * emits (Powertools EMF: namespace caregraph, dimension service = the function's service name).
   */
  private replanAlarms(props: ReminderDeliveryProps, service: string): void {
    const alarms = [
      [
        'ReplanNotReachedAlarm',
        'RemindersReplanNotReached',
        'not-reached',
        'The daily reminder re-plan ran out of time before reaching every patient with an active order.',
      ],
      [
        'ReplanFailedAlarm',
        'RemindersReplanFailed',
        'failed',
        'The daily reminder re-plan could not re-plan some patients, even when tried again.',
      ],
    ] as const;
    for (const [id, metricName, suffix, description] of alarms)
      new cloudwatch.Alarm(this, id, {
        alarmName: `${service}-${suffix}`,
        alarmDescription: description,
        metric: new cloudwatch.Metric({
          namespace: 'caregraph',
          metricName,
          dimensionsMap: { service },
          period: Duration.hours(1),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // The run reports once a day: the hours without a datapoint are healthy, not unknown.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(new actions.SnsAction(props.alarmTopic));
  }
}
