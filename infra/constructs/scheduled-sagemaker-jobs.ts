// What the constructs that start SageMaker jobs on a schedule share (model-training.ts: training
// jobs; feature-preparation.ts: processing jobs): the per-run job name, the Scheduler role's
// statements beside its one Create* action, and the VPC permissions of a job's execution role.
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sqs from 'aws-cdk-lib/aws-sqs';

/**
 * Scheduler substitutes this per attempt (EventBridge Scheduler user guide, "Adding context
 * attributes"); e.g. d32c5kddcf5bb8c3, 16 characters, which keeps job names unique.
 */
export const executionId = '<aws.scheduler.execution-id>';
export const executionIdLength = 16;
/** SageMaker TrainingJobName and ProcessingJobName: at most 63 characters. */
export const maxJobNameLength = 63;

/** Why jobs named `{jobPrefix}-{execution id}` would be refused; undefined when they fit. */
export function jobNameProblem(jobPrefix: string, jobKind: string): string | undefined {
  return jobPrefix.length + 1 + executionIdLength > maxJobNameLength
    ? `"${jobPrefix}-" plus a ${executionIdLength}-character run id exceeds SageMaker's ${maxJobNameLength}-character ${jobKind} name`
    : undefined;
}

/**
 * The Scheduler role's statements beside starting the job: pass the job's execution role to
 * SageMaker only, record a run it could not start in the encrypted dead-letter queue, and (for an
 * instance type without instance storage, whose volume is encrypted with the data key) let
 * SageMaker grant itself the key.
 */
export function schedulerRunStatements(props: {
  executionRole: iam.IRole;
  deadLetterQueue: sqs.IQueue;
  dataKey: kms.IKey;
  region: string;
  volumeKey: boolean;
}): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'PassExecutionRole',
      actions: ['iam:PassRole'],
      resources: [props.executionRole.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    }),
    // Scheduler writes a run it could not start into the encrypted dead-letter queue with this
    // role (EventBridge Scheduler user guide, "Configuring a schedule's dead-letter queue").
    new iam.PolicyStatement({
      sid: 'RecordFailedRuns',
      actions: ['sqs:SendMessage'],
      resources: [props.deadLetterQueue.queueArn],
    }),
    new iam.PolicyStatement({
      sid: 'EncryptFailedRuns',
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [props.dataKey.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `sqs.${props.region}.amazonaws.com` } },
    }),
    // SageMaker grants itself use of the volume key on the caller's behalf.
    ...(props.volumeKey
      ? [
          new iam.PolicyStatement({
            sid: 'GrantVolumeKeyToSageMaker',
            actions: ['kms:CreateGrant', 'kms:DescribeKey'],
            resources: [props.dataKey.keyArn],
            conditions: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
          }),
        ]
      : []),
  ];
}

/**
 * SageMaker's "execution role permissions" for a job or endpoint in a VPC (CreateTrainingJob and
 * CreateProcessingJob API references): its network interfaces. No resource-level permissions.
 */
export function attachToVpcStatement(): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'AttachToVpc',
    actions: [
      'ec2:CreateNetworkInterface',
      'ec2:CreateNetworkInterfacePermission',
      'ec2:DeleteNetworkInterface',
      'ec2:DeleteNetworkInterfacePermission',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeVpcs',
      'ec2:DescribeDhcpOptions',
      'ec2:DescribeSubnets',
      'ec2:DescribeSecurityGroups',
    ],
    resources: ['*'],
  });
}
