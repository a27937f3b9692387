// Stateless construct: patient monitoring. Ingest publishes PatientDataUpdated to the default event
// bus; a rule delivers each to the monitor function, which evaluates that patient's alert rules and
// notifies the care team through the notifications topic. Delivery and invocation failures, after
// retries, go to an alarmed dead-letter queue. Every minute EventBridge Scheduler also invokes it for
// the escalation sweep (shared/domain/monitoring/escalation-sweep.ts), which steps up open,
// unacknowledged alerts on time even when no new data arrives, and retries unconfirmed pages.
import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { envNames } from '../../shared/config/config';
import { servingTable } from '../../shared/config/resources';
import { eventTypes } from '../../shared/ports/event-bus';
import { useKey } from './data-access';
import { alarmedDeadLetterQueue } from './dead-letter-queue';
import { PipelineFunction } from './pipeline-function';

export interface PatientMonitoringProps {
  prefix: string;
  dataKey: kms.IKey;
  servingTable: dynamodb.ITable;
  notifications: sns.ITopic;
  /** Operators are told when a message lands in the dead-letter queue. */
  alarmTopic: sns.ITopic;
  vpc: ec2.IVpc;
  environment: Record<string, string>;
  logRetention: logs.RetentionDays;
}

export class PatientMonitoring extends Construct {
  readonly function: PipelineFunction;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: PatientMonitoringProps) {
    super(scope, id);
    this.function = new PipelineFunction(this, 'Monitor', {
      prefix: props.prefix,
      name: 'monitor',
      entry: 'functions/monitor/handler.ts',
      description:
        "Evaluates a patient's alerts and plans their reminders when new data is stored; escalates due alerts every minute",
      memorySize: 512,
      timeout: Duration.seconds(30),
      reservedConcurrentExecutions: 10,
      environment: {
        ...props.environment,
        [envNames.notifyTopicArn]: props.notifications.topicArn,
      },
      vpc: props.vpc,
      logKey: props.dataKey,
      logRetention: props.logRetention,
    });
    const table = props.servingTable;
    this.function.allow(
      // Reads the patient's record and timeline; alerts are conditional puts under the patient;
      // planned reminders are batch-written into the due-minute index.
      new iam.PolicyStatement({
        sid: 'ReadRecordWriteAlertsAndReminders',
        actions: [
          'dynamodb:GetItem',
          'dynamodb:Query',
          'dynamodb:PutItem',
          'dynamodb:BatchWriteItem',
        ],
        resources: [
          table.tableArn,
          ...servingTable.globalSecondaryIndexes.map(
            (i) => `${table.tableArn}/index/${i.indexName}`,
          ),
        ],
      }),
      new iam.PolicyStatement({
        sid: 'NotifyCareTeam',
        actions: ['sns:Publish'],
        resources: [props.notifications.topicArn],
      }),
      useKey('UseDataKey', props.dataKey, [
        'kms:Decrypt',
        'kms:GenerateDataKey',
        'kms:DescribeKey',
      ]),
    );
    this.deadLetterQueue = alarmedDeadLetterQueue(this, {
      prefix: props.prefix,
      name: 'monitor',
      dataKey: props.dataKey,
      alarmTopic: props.alarmTopic,
      alarmDescription: "A patient's new data could not be evaluated for alerts or reminders.",
      holds: 'the PatientDataUpdated rule target and of the monitor function failed invocations',
    });
    // Events EventBridge could not deliver and invocations that failed after Lambda's retries
    // both land in the dead-letter queue: no PatientDataUpdated is dropped silently. Lambda sends
    // a failed invocation there with the function's role, whose immutable policy drops the grant
    // SqsDestination would add: it is given here (the data key that encrypts the queue is in
    // UseDataKey: GenerateDataKey and Decrypt).
    this.function.allow(
      new iam.PolicyStatement({
        sid: 'ParkFailedInvocations',
        actions: ['sqs:SendMessage'],
        resources: [this.deadLetterQueue.queueArn],
      }),
    );
    this.function.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(2),
      onFailure: new destinations.SqsDestination(this.deadLetterQueue),
    });
    const { source, detailType } = eventTypes.patientDataUpdated;
    new events.Rule(this, 'PatientDataUpdated', {
      ruleName: `${props.prefix}-patient-data-updated`,
      description: 'New data stored for a patient: evaluate their alerts',
      eventPattern: { source: [source], detailType: [detailType] },
      targets: [
        new targets.LambdaFunction(this.function.fn, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 4,
          maxEventAge: Duration.hours(2),
        }),
      ],
    });
    this.escalationSchedule(props.prefix);
  }

  /**
   * The escalation sweep, every minute: an alert steps up at most about a minute late. Idempotent
   * (conditional writes, claimed pages), so an overlapping or repeated run changes nothing more; a
   * run that fails is not retried, as the next minute's run picks up everything still due.
   */
  private escalationSchedule(prefix: string): void {
    const invoke = new iam.Role(this, 'EscalationSchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      description:
        'EventBridge Scheduler invokes the monitor function for the alert escalation sweep, nothing else',
    });
    new iam.ManagedPolicy(this, 'InvokeMonitorPolicy', {
      roles: [invoke],
      statements: [
        new iam.PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [this.function.fn.functionArn],
        }),
      ],
    });
    new scheduler.CfnSchedule(this, 'EscalationEveryMinute', {
      name: `${prefix}-alert-escalation-every-minute`,
      description: 'Alert escalation sweep: steps up open, unacknowledged alerts on time',
      scheduleExpression: 'rate(1 minute)',
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: this.function.fn.functionArn,
        roleArn: invoke.roleArn,
        // The Scheduled Event the function tells from a PatientDataUpdated (make-handler.ts).
        input: JSON.stringify({
          'detail-type': 'Scheduled Event',
          source: 'aws.scheduler',
          time: '<aws.scheduler.scheduled-time>',
          detail: {},
        }),
        retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 },
      },
    });
  }
}
