// Stateless construct: the SageMaker real-time endpoint serving one model from the model image
// (training/serve.ts: GET /ping, POST /invocations on 8080), with target-tracking auto scaling.
import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecr from 'aws-cdk-lib/aws-ecr';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import type { ModelExecutionRole } from './model-execution-role';

export interface ModelServingProps {
  endpointName: string;
  dataKey: kms.IKey;
  execution: ModelExecutionRole;
  repository: ecr.IRepository;
  imageTag: string;
  curatedBucket: s3.IBucket;
  /** Key of the model.tar.gz in the curated bucket. */
  modelDataKey: string;
  vpc: ec2.IVpc;
  /**
   * GPU (ml.g4dn.xlarge) for the deep models (BiLSTM, GCN); the tabular models (logistic
   * regression, naive Bayes, SVM, small MLP) are served in plain TypeScript and want a CPU type:
   * ml.c5.large or ml.m5.large costs a fraction of a GPU and answers in milliseconds.
   */
  instanceType: string;
  maxInstances: number;
  /** Invocations per instance per minute the scaling policy holds the endpoint at. */
  invocationsPerInstance: number;
  logRetention: logs.RetentionDays;
}

export const variantName = 'AllTraffic';

/**
 * ARN of the endpoint named `endpointName`, for InvokeEndpoint grants. Built from the name, not
 * the endpoint's Ref, so a grant does not wait on (or order against) the endpoint's creation.
 * SageMaker stores endpoint ARNs in lower case whatever the name's case, and IAM compares ARNs
 * case-sensitively, so the name is lowered here.
 */
export function modelEndpointArn(endpointName: string): string {
  return `arn:${Aws.PARTITION}:sagemaker:${Aws.REGION}:${Aws.ACCOUNT_ID}:endpoint/${endpointName.toLowerCase()}`;
}

// Instance families with NVMe instance store (EC2 User Guide, "Instance store volumes", instance
// types list): SageMaker encrypts that storage in hardware and rejects a KMS key for it
// (SageMaker API CreateEndpointConfig.KmsKeyId, ResourceConfig.VolumeKmsKeyId).
const localStorageFamily =
  /^ml\.([a-z]\d+[a-z]*d|g4dn|g4ad|g5|g6|g6e|p3dn|p4d|p4de|p5|p5e|trn1|trn1n)\./;

/** True when `type` (e.g. `ml.g4dn.xlarge`) has NVMe instance storage, so no volume KMS key may be given. */
export function hasInstanceStorage(type: string): boolean {
  return localStorageFamily.test(type);
}

/**
 * Model -> endpoint configuration -> endpoint. The model runs in the isolated subnets with network
 * isolation (no outbound calls from the container); request/response data capture is off, since
 * bodies hold PHI. The endpoint storage is encrypted with the data key, except on instance types
 * with NVMe instance storage, which SageMaker encrypts in hardware and refuses a key for.
 * Model and configuration are unnamed: CloudFormation replaces them on change and the named
 * endpoint switches over without downtime. The stack creates one per served model: everything
 * named here (log group, endpoint, scalable target, scaling policy) derives from `endpointName`,
 * so instances with different endpoint names do not collide.
 */
export class ModelServing extends Construct {
  readonly endpoint: sagemaker.CfnEndpoint;
  readonly scalableTarget: appscaling.CfnScalableTarget;

  constructor(scope: Construct, id: string, props: ModelServingProps) {
    super(scope, id);
    const { execution } = props;
    // SageMaker writes here; created first so it is encrypted and expires (it would not otherwise).
    new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/sagemaker/Endpoints/${props.endpointName}`,
      encryptionKey: props.dataKey,
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const model = new sagemaker.CfnModel(this, 'Model', {
      executionRoleArn: execution.role.roleArn,
      primaryContainer: {
        image: props.repository.repositoryUriForTag(props.imageTag),
        modelDataUrl: `s3://${props.curatedBucket.bucketName}/${props.modelDataKey}`,
      },
      vpcConfig: {
        subnets: props.vpc.isolatedSubnets.map((s) => s.subnetId),
        securityGroupIds: [execution.securityGroup.securityGroupId],
      },
      enableNetworkIsolation: true,
    });
    // SageMaker validates the role's access when it creates the model: attach the policy first.
    model.node.addDependency(execution.policy);

    const localStorage = hasInstanceStorage(props.instanceType);
    const config = new sagemaker.CfnEndpointConfig(this, 'Config', {
      productionVariants: [
        {
          variantName,
          modelName: model.attrModelName,
          initialInstanceCount: 1,
          instanceType: props.instanceType,
        },
      ],
      kmsKeyId: localStorage ? undefined : props.dataKey.keyArn,
    });
    if (localStorage) {
      Validations.of(config).acknowledge({
        id: 'HIPAA.Security-SageMakerEndpointConfigurationKMSKeyConfigured',
        reason: `${props.instanceType} has NVMe instance storage, which is encrypted by a hardware module on the instance; SageMaker rejects a KmsKeyId for such instance types (CreateEndpointConfig API).`,
      });
    }

    this.endpoint = new sagemaker.CfnEndpoint(this, 'Endpoint', {
      endpointName: props.endpointName,
      endpointConfigName: config.attrEndpointConfigName,
    });

    // Application Auto Scaling uses its SageMaker service-linked role when no RoleARN is given.
    this.scalableTarget = new appscaling.CfnScalableTarget(this, 'ScalableTarget', {
      serviceNamespace: 'sagemaker',
      resourceId: `endpoint/${props.endpointName}/variant/${variantName}`,
      scalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      minCapacity: 1,
      maxCapacity: props.maxInstances,
    });
    // The resource id names the endpoint but does not reference it: state the order.
    this.scalableTarget.node.addDependency(this.endpoint);
    new appscaling.CfnScalingPolicy(this, 'InvocationsPerInstance', {
      policyName: `${props.endpointName}-invocations-per-instance`,
      policyType: 'TargetTrackingScaling',
      scalingTargetId: this.scalableTarget.ref,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: props.invocationsPerInstance,
        predefinedMetricSpecification: {
          predefinedMetricType: 'SageMakerVariantInvocationsPerInstance',
        },
        // Add capacity within a minute of a surge; give it back only after five quiet minutes.
        scaleOutCooldown: Duration.minutes(1).toSeconds(),
        scaleInCooldown: Duration.minutes(5).toSeconds(),
      },
    });
  }
}
