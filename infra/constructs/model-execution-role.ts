// Stateless construct: the role SageMaker assumes for training jobs and the endpoints, and their network place.
import { Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { objectPrefixFinding, useKey } from './data-access';
import { attachToVpcStatement } from './scheduled-sagemaker-jobs';

export interface ModelExecutionRoleProps {
  prefix: string;
  dataKey: kms.IKey;
  repository: ecr.IRepository;
  /** Models (`models/`) and training files (`features/`) live in the curated bucket. */
  curatedBucket: s3.IBucket;
  vpc: ec2.IVpc;
  /**
   * Names of the served endpoints (the primary model's first): their log groups are the only
   * endpoint log groups the role writes.
   */
  endpointNames: readonly string[];
}

export const modelsPrefix = 'models/';
export const featuresPrefix = 'features/';

/**
 * One execution role for `train` and `serve` (one image, one trust boundary): pull the image,
 * read training files and models, write model artifacts under `models/`, use the data key, write
 * its own CloudWatch logs (training jobs and each served endpoint) and metrics, and attach to the
 * VPC. Jobs and the endpoints run in the isolated subnets with network isolation, so the container
 * itself reaches nothing.
 */
export class ModelExecutionRole extends Construct {
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: ModelExecutionRoleProps) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `${props.prefix} SageMaker jobs and endpoint: HTTPS to VPC endpoints only`,
      allowAllOutbound: false,
    });
    // SageMaker downloads training data and model artifacts through the S3 gateway endpoint.
    this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'S3 and KMS');

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      description: `SageMaker execution role of ${props.prefix}: permissions are in its managed policy only`,
    });
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: `Everything ${props.prefix} SageMaker training jobs and endpoints may do`,
      roles: [this.role],
      statements: [...dataStatements(props), ...runtimeStatements(this, props)],
    });
    this.acknowledge(props);
  }

  private acknowledge(props: ModelExecutionRoleProps): void {
    const { prefix } = props;
    Validations.of(this.policy).acknowledge(
      {
        id: objectPrefixFinding(prefix, 'curated', modelsPrefix),
        reason:
          'Training writes models/{model}/training/{job name}/output/model.tar.gz, the job name carrying a ' +
          'per-run id, and the endpoint reads the artifact it is given; GetObject/PutObject under models/ only.',
      },
      {
        id: objectPrefixFinding(prefix, 'curated', featuresPrefix),
        reason:
          'Training reads the labelled CSV named by the schedule, under features/; GetObject only.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'ecr:GetAuthorizationToken, cloudwatch:PutMetricData (limited by a namespace condition) and the ' +
          'SageMaker VPC ENI actions (ec2:*NetworkInterface*, Describe*) do not support resource-level permissions.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/sagemaker/TrainingJobs:log-stream:*]`,
        reason:
          'SageMaker names training log streams {job name}/algo-1-{timestamp}; the group is the account-wide ' +
          'one SageMaker uses for every training job, so the grant is its streams.',
      },
      // One per served endpoint: the finding names the group, so each is acknowledged on its own.
      ...props.endpointNames.map((endpointName) => ({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/sagemaker/Endpoints/${endpointName}:log-stream:*]`,
        reason:
          "SageMaker names endpoint log streams {variant}/{instance id}; the grant is this endpoint's group only.",
      })),
    );
  }
}

/** Image, training files, models and the data key. */
function dataStatements(props: ModelExecutionRoleProps): iam.PolicyStatement[] {
  const { curatedBucket } = props;
  return [
    new iam.PolicyStatement({
      sid: 'PullModelImage',
      actions: [
        'ecr:BatchGetImage',
        'ecr:GetDownloadUrlForLayer',
        'ecr:BatchCheckLayerAvailability',
      ],
      resources: [props.repository.repositoryArn],
    }),
    new iam.PolicyStatement({
      sid: 'ReadTrainingFilesAndModels',
      actions: ['s3:GetObject'],
      resources: [
        curatedBucket.arnForObjects(`${featuresPrefix}*`),
        curatedBucket.arnForObjects(`${modelsPrefix}*`),
      ],
    }),
    // S3Prefix input channels list the prefix they copy.
    new iam.PolicyStatement({
      sid: 'ListTrainingFilesAndModels',
      actions: ['s3:ListBucket'],
      resources: [curatedBucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${featuresPrefix}*`, `${modelsPrefix}*`] } },
    }),
    new iam.PolicyStatement({
      sid: 'WriteModelArtifacts',
      actions: ['s3:PutObject', 's3:AbortMultipartUpload'],
      resources: [curatedBucket.arnForObjects(`${modelsPrefix}*`)],
    }),
    useKey('UseDataKey', props.dataKey, [
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKey',
      'kms:DescribeKey',
    ]),
  ];
}

/** What SageMaker needs to run a container: a registry token, logs, metrics and VPC interfaces. */
function runtimeStatements(
  scope: Construct,
  props: ModelExecutionRoleProps,
): iam.PolicyStatement[] {
  const { partition, region, account } = Stack.of(scope);
  const logGroup = (name: string) =>
    `arn:${partition}:logs:${region}:${account}:log-group:/aws/sagemaker/${name}`;
  const groups = [
    logGroup('TrainingJobs'),
    ...props.endpointNames.map((endpointName) => logGroup(`Endpoints/${endpointName}`)),
  ];
  return [
    new iam.PolicyStatement({
      sid: 'GetRegistryToken',
      actions: ['ecr:GetAuthorizationToken'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'WriteOwnLogs',
      actions: ['logs:CreateLogGroup', 'logs:DescribeLogStreams', 'logs:CreateLogStream'],
      resources: groups,
    }),
    new iam.PolicyStatement({
      sid: 'WriteOwnLogEvents',
      actions: ['logs:PutLogEvents', 'logs:CreateLogStream', 'logs:DescribeLogStreams'],
      resources: groups.map((g) => `${g}:log-stream:*`),
    }),
    new iam.PolicyStatement({
      sid: 'PublishTrainingMetrics',
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringLike: { 'cloudwatch:namespace': '/aws/sagemaker/*' } },
    }),
    attachToVpcStatement(),
  ];
}
