// Tests for the models in both stacks: the image repository (stateful), the SageMaker execution role,
// endpoint with auto scaling and the scheduled retraining job (stateless).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildTestApp, type TestApp } from '../test-support';
import { keptImages } from './model-repository';
import { hasInstanceStorage } from './model-serving';
import { maxTrainingSeconds } from './model-training';

type Resource = { Properties: Record<string, unknown>; DeletionPolicy?: string };
type Statement = {
  Sid?: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
};

const asList = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);
const only = (resources: Record<string, unknown>): Resource => {
  const values = Object.values(resources) as Resource[];
  expect(values).toHaveLength(1);
  return values[0]!;
};
const statementsOfRole = (template: Template, pattern: RegExp): Statement[] => {
  const policy = (
    Object.values(template.findResources('AWS::IAM::ManagedPolicy')) as Resource[]
  ).find((p) => pattern.test(JSON.stringify(p.Properties.Roles)));
  if (!policy) throw new Error(`no managed policy for a role matching ${pattern}`);
  return (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
};
/** The parts of the CreateTrainingJob request the tests read (SageMaker API shape). */
interface TrainingJobRequest {
  TrainingJobName: string;
  AlgorithmSpecification: { TrainingImage: string };
  HyperParameters: Record<string, string>;
  InputDataConfig: unknown[];
  OutputDataConfig: { S3OutputPath: string; KmsKeyId: string };
  ResourceConfig: Record<string, unknown>;
  StoppingCondition: unknown;
  EnableNetworkIsolation: boolean;
  VpcConfig: { Subnets: unknown[] };
}

/** The CreateTrainingJob request with its tokens rendered as `<token>`, parsed. */
const trainingRequest = (template: Template): TrainingJobRequest => {
  const schedule = only(
    template.findResources('AWS::Scheduler::Schedule', {
      Properties: { Name: 'caregraph-cvd-risk-retrain' },
    }),
  );
  const [, parts] = (schedule.Properties.Target as { Input: { 'Fn::Join': [string, unknown[]] } })
    .Input['Fn::Join'];
  return JSON.parse(
    parts.map((p) => (typeof p === 'string' ? p : '<token>')).join(''),
  ) as TrainingJobRequest;
};

describe('Construct: ModelRepository, ModelServing and ModelTraining', () => {
  let built: TestApp;
  let stateful: Template;
  let stateless: Template;

  beforeAll(() => {
    // Prepare
    built = buildTestApp({}, { complianceChecks: false });
    stateful = Template.fromStack(built.stateful);
    stateless = Template.fromStack(built.stateless);
  });
  afterAll(() => built.cleanUp());

  describe('Image repository', () => {
    it('scans on push, keeps tags immutable, encrypts with the data key and outlives the stack', () => {
      const [keyId] = Object.keys(stateful.findResources('AWS::KMS::Key'));
      stateful.hasResource('AWS::ECR::Repository', {
        Properties: Match.objectLike({
          RepositoryName: 'caregraph-models',
          ImageScanningConfiguration: { ScanOnPush: true },
          ImageTagMutability: 'IMMUTABLE',
          EncryptionConfiguration: {
            EncryptionType: 'KMS',
            KmsKey: { 'Fn::GetAtt': [keyId, 'Arn'] },
          },
        }),
        DeletionPolicy: 'Retain',
      });
    });

    it('expires untagged layers after a day and keeps the newest 30 images', () => {
      const repository = only(stateful.findResources('AWS::ECR::Repository'));
      const policy = JSON.parse(
        (repository.Properties.LifecyclePolicy as { LifecyclePolicyText: string })
          .LifecyclePolicyText,
      ) as { rules: { selection: Record<string, unknown> }[] };
      expect(policy.rules.map((r) => r.selection)).toEqual([
        expect.objectContaining({
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countNumber: 1,
        }),
        expect.objectContaining({
          tagStatus: 'any',
          countType: 'imageCountMoreThan',
          countNumber: keptImages,
        }),
      ]);
    });
  });

  describe('Execution role', () => {
    const role = () => statementsOfRole(stateless, /ModelExecutionRole/);

    it('is assumed by SageMaker and holds no inline or AWS-managed policy', () => {
      const execution = only(
        stateless.findResources('AWS::IAM::Role', {
          Properties: {
            AssumeRolePolicyDocument: {
              Statement: [Match.objectLike({ Principal: { Service: 'sagemaker.amazonaws.com' } })],
            },
          },
        }),
      );
      expect(execution.Properties.Policies).toBeUndefined();
      expect(execution.Properties.ManagedPolicyArns).toBeUndefined();
    });

    it('pulls from the model repository only, reads features/ and models/, writes models/ only', () => {
      const statements = role();
      const pull = statements.find((s) => s.Sid === 'PullModelImage');
      expect(JSON.stringify(pull?.Resource)).toContain(':repository/caregraph-models');
      const writes = statements.filter((s) => asList(s.Action).includes('s3:PutObject'));
      expect(writes).toHaveLength(1);
      expect(JSON.stringify(writes[0]?.Resource)).toMatch(
        /caregraph-curated-.*\/models\/\*"\]\]\}$/,
      );
      const reads = statements.find((s) => asList(s.Action).includes('s3:GetObject'));
      const readText = JSON.stringify(reads?.Resource);
      expect(readText).toMatch(/\/features\/\*/);
      expect(readText).toMatch(/\/models\/\*/);
      expect(readText).not.toMatch(/\/curated\/\*|caregraph-raw-|reports/);
    });

    it('grants no wildcard action, and "*" resources only where AWS allows nothing narrower', () => {
      const statements = role();
      for (const action of statements.flatMap((s) => asList(s.Action)))
        expect(action).not.toContain('*');
      const unscoped = statements
        .filter((s) => s.Resource === '*')
        .flatMap((s) => asList(s.Action))
        .filter((a) => !a.startsWith('ec2:'));
      expect(unscoped.sort()).toEqual(['cloudwatch:PutMetricData', 'ecr:GetAuthorizationToken']);
      const metrics = statements.find((s) => asList(s.Action).includes('cloudwatch:PutMetricData'));
      expect(metrics?.Condition).toEqual({
        StringLike: { 'cloudwatch:namespace': '/aws/sagemaker/*' },
      });
    });
  });

  describe('Endpoint', () => {
    it('serves the image tag and artifact from context, in the VPC, with network isolation', () => {
      const model = only(stateless.findResources('AWS::SageMaker::Model'));
      const container = JSON.stringify(model.Properties.PrimaryContainer);
      expect(container).toContain('/caregraph-models:1.0.0');
      expect(container).toMatch(
        /s3:\/\/caregraph-curated-.*\/models\/cvd-risk\/current\/model\.tar\.gz/,
      );
      expect(model.Properties.EnableNetworkIsolation).toBe(true);
      expect(model.Properties.VpcConfig).toMatchObject({
        Subnets: [expect.anything(), expect.anything()],
        SecurityGroupIds: [
          { 'Fn::GetAtt': [expect.stringMatching(/ModelExecutionSecurityGroup/), 'GroupId'] },
        ],
      });
    });

    it('runs on a GPU by default, without data capture, and names no storage key for its NVMe instance store', () => {
      const config = only(stateless.findResources('AWS::SageMaker::EndpointConfig'));
      expect(config.Properties.ProductionVariants).toEqual([
        expect.objectContaining({
          InstanceType: 'ml.g4dn.xlarge',
          InitialInstanceCount: 1,
          VariantName: 'AllTraffic',
        }),
      ]);
      expect(config.Properties.DataCaptureConfig).toBeUndefined();
      expect(config.Properties.KmsKeyId).toBeUndefined();
      stateless.hasResourceProperties('AWS::SageMaker::Endpoint', {
        EndpointName: 'caregraph-cvd-risk',
      });
    });

    it('scales the variant between 1 and 4 instances on invocations per instance', () => {
      const [targetId] = Object.keys(
        stateless.findResources('AWS::ApplicationAutoScaling::ScalableTarget', {
          Properties: {
            ServiceNamespace: 'sagemaker',
            ResourceId: 'endpoint/caregraph-cvd-risk/variant/AllTraffic',
            ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
            MinCapacity: 1,
            MaxCapacity: 4,
          },
        }),
      );
      expect(targetId).toBeDefined();
      stateless.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
        PolicyType: 'TargetTrackingScaling',
        ScalingTargetId: { Ref: targetId },
        TargetTrackingScalingPolicyConfiguration: Match.objectLike({
          TargetValue: 600,
          PredefinedMetricSpecification: {
            PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance',
          },
        }),
      });
    });

    it('encrypts the endpoint storage with the data key on a CPU instance, and is left out with models=false', () => {
      const cpu = buildTestApp({ modelInstanceType: 'ml.c5.large' }, { complianceChecks: false });
      const off = buildTestApp({ models: 'false' }, { complianceChecks: false });
      try {
        const config = only(
          Template.fromStack(cpu.stateless).findResources('AWS::SageMaker::EndpointConfig'),
        );
        expect(JSON.stringify(config.Properties.KmsKeyId)).toMatch(/DataKey/);
        const template = Template.fromStack(off.stateless);
        template.resourceCountIs('AWS::SageMaker::Endpoint', 0);
        template.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 0);
        template.resourceCountIs('AWS::Scheduler::Schedule', 2);
      } finally {
        cpu.cleanUp();
        off.cleanUp();
      }
    });

    it('passes the compliance packs on CPU instances too, where the storage keys are named', () => {
      // Prepare: the compliance gate on (the app test covers the GPU defaults)
      const cpu = buildTestApp({
        modelInstanceType: 'ml.c5.large',
        trainingInstanceType: 'ml.m5.xlarge',
      });
      try {
        // Act: synth throws the cdk-nag report when a finding is left
        cpu.app.synth();

        // Assess
        const request = trainingRequest(Template.fromStack(cpu.stateless));
        expect(request.ResourceConfig.VolumeKmsKeyId).toBe('<token>');
        const grant = statementsOfRole(
          Template.fromStack(cpu.stateless),
          /ModelTrainingSchedulerRole/,
        ).find((s) => asList(s.Action).includes('kms:CreateGrant'));
        expect(grant?.Condition).toEqual({ Bool: { 'kms:GrantIsForAWSResource': 'true' } });
      } finally {
        cpu.cleanUp();
      }
    });

    it('knows which instance types have NVMe instance storage', () => {
      for (const type of ['ml.g4dn.xlarge', 'ml.g5.2xlarge', 'ml.m5d.large', 'ml.p4d.24xlarge'])
        expect(hasInstanceStorage(type), type).toBe(true);
      for (const type of ['ml.c5.large', 'ml.m5.xlarge', 'ml.p3.2xlarge', 'ml.inf1.xlarge'])
        expect(hasInstanceStorage(type), type).toBe(false);
    });
  });

  describe('Scheduled retraining', () => {
    it('starts a SageMaker training job weekly through the universal target', () => {
      stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
        Name: 'caregraph-cvd-risk-retrain',
        ScheduleExpression: 'cron(0 3 ? * SUN *)',
        ScheduleExpressionTimezone: 'UTC',
        State: 'ENABLED',
        Target: Match.objectLike({
          Arn: {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':scheduler:::aws-sdk:sagemaker:createTrainingJob',
              ],
            ],
          },
        }),
      });
    });

    it('asks for the job the training image expects: a unique name, the train channel, models/ output', () => {
      const request = trainingRequest(stateless);
      expect(request.TrainingJobName).toBe('caregraph-cvd-risk-<aws.scheduler.execution-id>');
      expect(request.AlgorithmSpecification.TrainingImage).toMatch(/\/caregraph-models:1\.0\.0$/);
      expect(request.HyperParameters).toEqual({
        task: 'tabular',
        label: 'outcome',
        model: 'logreg',
        exclude: 'patient',
        name: 'cvd-risk',
      });
      expect(request.InputDataConfig).toEqual([
        expect.objectContaining({
          ChannelName: 'train',
          DataSource: {
            S3DataSource: expect.objectContaining({
              S3DataType: 'S3Prefix',
              S3Uri: expect.stringMatching(/\/features\/training\/cvd-risk\.csv$/),
            }),
          },
        }),
      ]);
      expect(request.OutputDataConfig.S3OutputPath).toMatch(/\/models\/cvd-risk\/training\/$/);
      expect(request.OutputDataConfig.KmsKeyId).toBe('<token>');
      expect(request.ResourceConfig).toEqual({
        InstanceType: 'ml.g4dn.xlarge',
        InstanceCount: 1,
        VolumeSizeInGB: 30,
      });
      expect(request.StoppingCondition).toEqual({ MaxRuntimeInSeconds: maxTrainingSeconds });
      expect(request.EnableNetworkIsolation).toBe(true);
      expect(request.VpcConfig.Subnets).toHaveLength(2);
    });

    it("lets Scheduler create this model's training jobs, pass the execution role to SageMaker and record failed runs, nothing else", () => {
      const statements = statementsOfRole(stateless, /ModelTrainingSchedulerRole/);
      expect(statements.flatMap((s) => asList(s.Action)).sort()).toEqual([
        'iam:PassRole',
        'kms:Decrypt',
        'kms:GenerateDataKey',
        'sagemaker:CreateTrainingJob',
        'sqs:SendMessage',
      ]);
      const send = statements.find((s) => asList(s.Action).includes('sqs:SendMessage'));
      expect(JSON.stringify(send?.Resource)).toMatch(/ModelTrainingDeadLetters/);
      const encrypt = statements.find((s) => asList(s.Action).includes('kms:GenerateDataKey'));
      expect(JSON.stringify(encrypt?.Condition)).toMatch(/kms:ViaService.*sqs\./);
      const create = statements.find((s) =>
        asList(s.Action).includes('sagemaker:CreateTrainingJob'),
      );
      expect(JSON.stringify(create?.Resource)).toMatch(
        /:training-job\/caregraph-cvd-risk-\*"\]\]\}$/,
      );
      const pass = statements.find((s) => asList(s.Action).includes('iam:PassRole'));
      expect(JSON.stringify(pass?.Resource)).toMatch(/ModelExecutionRole/);
      expect(pass?.Condition).toEqual({
        StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' },
      });
    });

    it('sends runs Scheduler could not start to an encrypted, alarmed dead-letter queue', () => {
      const schedules = stateless.findResources('AWS::Scheduler::Schedule') as Record<
        string,
        { Properties: { Name: string; Target: { DeadLetterConfig?: { Arn: unknown } } } }
      >;
      const retrain = Object.values(schedules).find((r) => r.Properties.Name.endsWith('-retrain'));
      expect(JSON.stringify(retrain?.Properties.Target.DeadLetterConfig?.Arn)).toMatch(
        /ModelTrainingDeadLetters/,
      );
      stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'caregraph-cvd-risk-retrain-dlq-not-empty',
        Threshold: 1,
      });
    });
  });
});
