// Stateless construct: the encrypted ingest queue, its dead-letter queue and the alarm that pages when the DLQ fills.
import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface IngestQueueProps {
  prefix: string;
  key: kms.IKey;
  /** Timeout of the consuming function; the queue hides a received message six times as long. */
  consumerTimeout: Duration;
  /** Receives before a message moves to the DLQ. */
  maxReceiveCount: number;
  alarmTopic: sns.ITopic;
}

export class IngestQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: IngestQueueProps) {
    super(scope, id);
    const encrypted = {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
    };

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      ...encrypted,
      queueName: `${props.prefix}-ingest-dlq`,
      // The longest SQS allows: operators need time to find the cause before redriving.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue of the ingest queue; a DLQ of a DLQ would only hide failures further.',
    });

    this.queue = new sqs.Queue(this, 'Queue', {
      ...encrypted,
      queueName: `${props.prefix}-ingest`,
      // AWS guidance for SQS event sources: at least six times the function timeout, so a message
      // is not redelivered while a throttled or retried invocation still holds it.
      visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });

    this.deadLetterAlarm = new cloudwatch.Alarm(this, 'DeadLetterAlarm', {
      alarmName: `${props.prefix}-ingest-dlq-not-empty`,
      alarmDescription: `An uploaded file failed ingest ${props.maxReceiveCount} times and is parked in the ingest DLQ.`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      // No datapoints means an empty, idle DLQ: that is the healthy state, not an unknown one.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.deadLetterAlarm.addAlarmAction(new actions.SnsAction(props.alarmTopic));
  }
}
