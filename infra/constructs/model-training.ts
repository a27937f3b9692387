// Stateless construct: scheduled retraining. EventBridge Scheduler calls SageMaker CreateTrainingJob
// directly (a universal target, no function in between) with the job the training image expects
// (training/train.ts: hyperparameters, a `train` channel with one CSV and the document naming its
// feature spec, the model to /opt/ml/model).
import { Aws, Stack, Validations } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ConfigurationError } from '../../shared/domain/errors';
import {
  derivedOutcomeOf,
  derivedOutcomePopulations,
} from '../../shared/domain/features/derived-labels';
import { alarmedDeadLetterQueue } from './dead-letter-queue';
import { modelsPrefix, type ModelExecutionRole } from './model-execution-role';
import { hasInstanceStorage } from './model-serving';
import { executionId, jobNameProblem, schedulerRunStatements } from './scheduled-sagemaker-jobs';

export interface ModelTrainingProps {
  prefix: string;
  modelName: string;
  dataKey: kms.IKey;
  execution: ModelExecutionRole;
  repository: ecr.IRepository;
  imageTag: string;
  curatedBucket: s3.IBucket;
  /** The labelled CSV (under `features/`) the job trains on. */
  trainingDataKey: string;
  label: string;
  /**
   * What the label stands for, when the table's labels are derived on a schedule (the features
   * job's training set): declared in the model (model.json `outcome`) and served with every
   * prediction. Absent for a table written by hand, whose meaning only its author knows.
   */
  outcome?: { definition: string; horizonDays: number };
  algorithm: string;
  instanceType: string;
  vpc: ec2.IVpc;
  /** EventBridge Scheduler expression, evaluated in UTC. */
  schedule: string;
  /** Operators are told when a run could not be started (its dead letter). */
  alarmTopic: sns.ITopic;
}

/** A training job stops after this long (SageMaker StoppingCondition), in seconds. */
export const maxTrainingSeconds = 4 * 60 * 60;
/** Where each job's model.tar.gz lands: `{this}{job name}/output/model.tar.gz`. */
export const trainingOutputPrefix = (modelName: string) => `${modelsPrefix}${modelName}/training/`;

/** The name prefix of a model's training jobs (`{it}-{run id}`) and schedule (`{it}-retrain`). */
export const trainingJobPrefix = (prefix: string, modelName: string) => `${prefix}-${modelName}`;

/** Why jobs named `{jobPrefix}-{execution id}` would be refused; undefined when they fit. */
export const trainingJobNameProblem = (jobPrefix: string) => jobNameProblem(jobPrefix, 'job');

/**
 * A weekly (by default) schedule that starts one SageMaker training job: the model image's
 * `train` command on a GPU instance, in the isolated subnets with network isolation, reading the
 * CSV from the curated bucket and writing the model under `models/{model}/training/`, all
 * encrypted with the data key. Scheduler's role may create training jobs named for this model
 * and pass the execution role to SageMaker, nothing else. Promoting a trained model to the
 * endpoint stays a reviewed step: `-c modelDataKey=...` and a deploy, which gives the endpoint a new
 * SageMaker model and endpoint configuration. (Copying over the served key reaches only instances
 * started after the copy: a running endpoint does not download its artifact again.)
 */
export class ModelTraining extends Construct {
  readonly schedule: scheduler.CfnSchedule;
  readonly schedulerRole: iam.Role;
  /** Runs Scheduler could not start after its retries (EventBridge Scheduler dead-letter events). */
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: ModelTrainingProps) {
    super(scope, id);
    const jobPrefix = trainingJobPrefix(props.prefix, props.modelName);
    const problem = trainingJobNameProblem(jobPrefix);
    if (problem) throw new ConfigurationError(`modelName: ${problem}`);
    const { partition, region, account } = Stack.of(this);
    const trainingJobs = `arn:${partition}:sagemaker:${region}:${account}:training-job/${jobPrefix}-*`;
    const volumeKey = !hasInstanceStorage(props.instanceType);

    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
      description: `EventBridge Scheduler starts ${jobPrefix} training jobs, nothing else`,
    });
    this.deadLetterQueue = alarmedDeadLetterQueue(this, {
      prefix: props.prefix,
      name: `${props.modelName}-retrain`,
      dataKey: props.dataKey,
      alarmTopic: props.alarmTopic,
      alarmDescription: `A scheduled ${props.modelName} retraining run could not be started.`,
      holds: `the ${props.modelName} retraining schedule`,
    });
    const policy = new iam.ManagedPolicy(this, 'StartTrainingPolicy', {
      description: `Start ${jobPrefix} training jobs with the SageMaker execution role`,
      roles: [this.schedulerRole],
      statements: [
        new iam.PolicyStatement({
          sid: 'StartTrainingJobs',
          actions: ['sagemaker:CreateTrainingJob'],
          resources: [trainingJobs],
        }),
        ...schedulerRunStatements({
          executionRole: props.execution.role,
          deadLetterQueue: this.deadLetterQueue,
          dataKey: props.dataKey,
          region,
          volumeKey,
        }),
      ],
    });
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:training-job/${jobPrefix}-*]`,
      reason:
        'Each run is a new training job named by Scheduler at run time ({model}-{execution id}); the grant ' +
        'is the name prefix of this model, CreateTrainingJob only.',
    });

    this.schedule = new scheduler.CfnSchedule(this, 'Retrain', {
      name: `${jobPrefix}-retrain`,
      description: `Retrain ${props.modelName} on the latest labelled features`,
      scheduleExpression: props.schedule,
      scheduleExpressionTimezone: 'UTC',
      flexibleTimeWindow: { mode: 'FLEXIBLE', maximumWindowInMinutes: 60 },
      state: 'ENABLED',
      target: {
        arn: `arn:${Aws.PARTITION}:scheduler:::aws-sdk:sagemaker:createTrainingJob`,
        roleArn: this.schedulerRole.roleArn,
        input: Stack.of(this).toJsonString(trainingJobRequest(props, jobPrefix, volumeKey)),
        // A throttled or failed CreateTrainingJob is retried; a job that starts and fails is not.
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 60 * 60 },
        deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
      },
    });
    this.schedule.node.addDependency(policy);
  }
}

/**
 * The training job's hyperparameters (training/train.ts reads them as strings; `name` becomes
 * model.json's name). Set explicitly rather than left to the image's defaults: `class_weight`
 * "none", so the served probabilities are on the outcome's prevalence scale (balanced weights move
 * a rare outcome's toward 0.5); with a derived outcome, its definition, horizon and eligibility as
 * the `population` (`derivedOutcomePopulations`: patients who already have the disease are outside
 * it, and the served model says so), which the image also adds itself from the definition.
 */
export function trainingHyperparameters(
  props: Pick<ModelTrainingProps, 'label' | 'algorithm' | 'modelName' | 'outcome'>,
): Record<string, string> {
  const derived = props.outcome && derivedOutcomeOf(props.outcome.definition);
  const population = derived ? derivedOutcomePopulations[derived] : undefined;
  return {
    task: 'tabular',
    label: props.label,
    model: props.algorithm,
    // The pseudonymous id column of the features/ matrices is not a feature.
    exclude: 'patient',
    name: props.modelName,
    class_weight: 'none',
    ...(props.outcome
      ? { outcome: props.outcome.definition, horizon_days: String(props.outcome.horizonDays) }
      : {}),
    ...(population
      ? {
          population: Object.entries(population)
            .map(([column, { min, max }]) => `${column}=${min ?? ''}..${max ?? ''}`)
            .join(','),
        }
      : {}),
  };
}

/** The CreateTrainingJob request (SageMaker API), as Scheduler sends it. */
export function trainingJobRequest(
  props: ModelTrainingProps,
  jobPrefix: string,
  volumeKey: boolean,
): Record<string, unknown> {
  const bucket = props.curatedBucket.bucketName;
  return {
    TrainingJobName: `${jobPrefix}-${executionId}`,
    RoleArn: props.execution.role.roleArn,
    AlgorithmSpecification: {
      TrainingImage: props.repository.repositoryUriForTag(props.imageTag),
      TrainingInputMode: 'File',
      MetricDefinitions: ['auroc', 'auprc', 'brier', 'accuracy'].map((name) => ({
        Name: name,
        Regex: `${name}=([0-9.eE+-]+);`,
      })),
    },
    HyperParameters: trainingHyperparameters(props),
    InputDataConfig: [
      {
        // An S3Prefix of the table's key: the channel holds the table and `<key>.spec.json` beside
        // it (shared/domain/features/table-spec.ts), the feature spec the features job built the
        // table under, which the image records as model.json `featureSpec`. The spec is the
        // table's, never a hyperparameter of this deploy: a table built before a deploy that
        // changed the spec is recorded with its own.
        ChannelName: 'train',
        ContentType: 'text/csv',
        DataSource: {
          S3DataSource: {
            S3DataType: 'S3Prefix',
            S3Uri: `s3://${bucket}/${props.trainingDataKey}`,
            S3DataDistributionType: 'FullyReplicated',
          },
        },
      },
    ],
    OutputDataConfig: {
      S3OutputPath: `s3://${bucket}/${trainingOutputPrefix(props.modelName)}`,
      KmsKeyId: props.dataKey.keyArn,
    },
    ResourceConfig: {
      InstanceType: props.instanceType,
      InstanceCount: 1,
      VolumeSizeInGB: 30,
      ...(volumeKey ? { VolumeKmsKeyId: props.dataKey.keyArn } : {}),
    },
    StoppingCondition: { MaxRuntimeInSeconds: maxTrainingSeconds },
    VpcConfig: {
      Subnets: props.vpc.isolatedSubnets.map((s) => s.subnetId),
      SecurityGroupIds: [props.execution.securityGroup.securityGroupId],
    },
    EnableNetworkIsolation: true,
    EnableInterContainerTrafficEncryption: true,
  };
}
