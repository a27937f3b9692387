// Infra building block: a dead-letter queue encrypted with the data key, kept 14 days, with an
// alarm to the operators as soon as one message lands (a failure nobody is told about is silent).
import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface DeadLetterQueueProps {
  /** The physical queue name: `{prefix}-{name}-dlq`; the alarm is `{prefix}-{name}-dlq-not-empty`. */
  prefix: string;
  name: string;
  dataKey: kms.IKey;
  alarmTopic: sns.ITopic;
  /** What failed when a message arrives, for the alarm's description. */
  alarmDescription: string;
  /** Whose dead letters these are, for the cdk-nag SQS3 acknowledgement. */
  holds: string;
}

/**
 * Creates the queue (`DeadLetters`) and its alarm (`DeadLetterAlarm`) in `scope`; those ids keep
 * the logical ids of the queues created before this helper existed.
 */
export function alarmedDeadLetterQueue(scope: Construct, props: DeadLetterQueueProps): sqs.Queue {
  const queue = new sqs.Queue(scope, 'DeadLetters', {
    queueName: `${props.prefix}-${props.name}-dlq`,
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: props.dataKey,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is the dead-letter queue of ${props.holds}; a DLQ of a DLQ would only hide failures further.`,
  });
  new cloudwatch.Alarm(scope, 'DeadLetterAlarm', {
    alarmName: `${props.prefix}-${props.name}-dlq-not-empty`,
    alarmDescription: props.alarmDescription,
    metric: queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(5),
      statistic: cloudwatch.Stats.MAXIMUM,
    }),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  }).addAlarmAction(new actions.SnsAction(props.alarmTopic));
  return queue;
}
