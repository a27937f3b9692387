// Tests for the models in both stacks: the image repository (stateful), the SageMaker execution role,
// endpoint with auto scaling and the scheduled retraining job (stateless).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import {
  buildTestApp,
  type TestApp,
  asList,
  only,
  statementsOfRole,
  type TemplateResource as Resource,
} from '../test-support';
import { keptImages } from './model-repository';
import { hasInstanceStorage } from './model-serving';
import { derivedOutcomes } from '../../shared/domain/features/derived-labels';
import { maxTrainingSeconds } from './model-training';

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

/** The CreateTrainingJob request of a schedule, with its tokens rendered as `<token>`, parsed. */
const trainingRequest = (
  template: Template,
  scheduleName = 'caregraph-cvd-risk-retrain',
): TrainingJobRequest => {
  const schedule = only(
    template.findResources('AWS::Scheduler::Schedule', {
      Properties: { Name: scheduleName },
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
        // Only the schedules that do not serve a model: reminders, the alert sweep, retraining
        const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')).map(
          (r) => (r as { Properties: { Name: string } }).Properties.Name,
        );
        expect(schedules.sort()).toEqual([
          'caregraph-alert-escalation-every-minute',
          'caregraph-cvd-risk-retrain',
          'caregraph-reminders-daily-replan',
          'caregraph-reminders-every-minute',
        ]);
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
        class_weight: 'none',
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

  describe('Several served models (servedModels)', () => {
    // The primary (cvd-risk, GPU defaults), one extra on a CPU type with its own scaling, one on the
    // primary's settings but its own image tag.
    const servedModels = [
      {
        name: 'sepsis',
        dataKey: 'models/sepsis/current/model.tar.gz',
        instanceType: 'ml.c5.large',
        maxInstances: 2,
        invocationsPerInstance: 90,
      },
      { name: 'readmission', dataKey: 'models/readmission/v3/model.tar.gz', imageTag: '1.1.0' },
    ];
    const endpointNames = ['caregraph-cvd-risk', 'caregraph-sepsis', 'caregraph-readmission'];
    let several: TestApp;
    let t: Template;

    beforeAll(() => {
      // Prepare
      several = buildTestApp({ servedModels }, { complianceChecks: false });
      t = Template.fromStack(several.stateless);
    });
    afterAll(() => several.cleanUp());

    type GetAtt = { 'Fn::GetAtt': [string, string] };
    const resourceAt = (id: string) => t.toJSON().Resources[id] as Resource;
    /** The endpoint configuration of the endpoint named `endpointName`. */
    const configOf = (endpointName: string): Resource => {
      const endpoint = only(
        t.findResources('AWS::SageMaker::Endpoint', {
          Properties: { EndpointName: endpointName },
        }),
      );
      return resourceAt((endpoint.Properties.EndpointConfigName as GetAtt)['Fn::GetAtt'][0]);
    };
    /** The model (image and artifact) behind the endpoint named `endpointName`. */
    const modelOf = (endpointName: string): Resource => {
      const [variant] = configOf(endpointName).Properties.ProductionVariants as {
        ModelName: GetAtt;
      }[];
      return resourceAt(variant!.ModelName['Fn::GetAtt'][0]);
    };

    it('deploys one endpoint, configuration, model, log group and scaling per served model, none shared', () => {
      for (const type of [
        'AWS::SageMaker::Endpoint',
        'AWS::SageMaker::EndpointConfig',
        'AWS::SageMaker::Model',
        'AWS::ApplicationAutoScaling::ScalableTarget',
        'AWS::ApplicationAutoScaling::ScalingPolicy',
      ])
        t.resourceCountIs(type, 3);
      const endpointGroups = (Object.values(t.findResources('AWS::Logs::LogGroup')) as Resource[])
        .map((g) => g.Properties.LogGroupName as string)
        .filter((name) => name.startsWith('/aws/sagemaker/Endpoints/'));
      expect(endpointGroups.sort()).toEqual(
        endpointNames.map((n) => `/aws/sagemaker/Endpoints/${n}`).sort(),
      );
      const policyNames = Object.values(
        t.findResources('AWS::ApplicationAutoScaling::ScalingPolicy'),
      ).map((p) => (p as Resource).Properties.PolicyName);
      expect(policyNames.sort()).toEqual(
        endpointNames.map((n) => `${n}-invocations-per-instance`).sort(),
      );
      // The primary keeps the logical ids it had before servedModels existed: no replacement.
      expect(Object.keys(t.findResources('AWS::SageMaker::Endpoint')).sort()).toEqual([
        expect.stringMatching(/^ModelServingEndpoint/),
        expect.stringMatching(/^ModelServingreadmissionEndpoint/),
        expect.stringMatching(/^ModelServingsepsisEndpoint/),
      ]);
    });

    it("serves each model's artifact and image tag, the primary's where the entry names none", () => {
      const container = (endpointName: string) =>
        JSON.stringify(modelOf(endpointName).Properties.PrimaryContainer);
      expect(container('caregraph-cvd-risk')).toMatch(
        /caregraph-models:1\.0\.0.*\/models\/cvd-risk\/current\/model\.tar\.gz/,
      );
      expect(container('caregraph-sepsis')).toMatch(
        /caregraph-models:1\.0\.0.*\/models\/sepsis\/current\/model\.tar\.gz/,
      );
      expect(container('caregraph-readmission')).toMatch(
        /caregraph-models:1\.1\.0.*\/models\/readmission\/v3\/model\.tar\.gz/,
      );
      for (const name of endpointNames)
        expect(modelOf(name).Properties.EnableNetworkIsolation).toBe(true);
    });

    it("sizes and scales each endpoint by its entry, the primary's settings where the entry names none", () => {
      const variant = (endpointName: string) =>
        (configOf(endpointName).Properties.ProductionVariants as Record<string, unknown>[])[0];
      expect(variant('caregraph-cvd-risk')).toMatchObject({ InstanceType: 'ml.g4dn.xlarge' });
      expect(variant('caregraph-readmission')).toMatchObject({ InstanceType: 'ml.g4dn.xlarge' });
      expect(variant('caregraph-sepsis')).toMatchObject({ InstanceType: 'ml.c5.large' });
      // The CPU type has no instance store, so its storage is encrypted with the data key.
      expect(JSON.stringify(configOf('caregraph-sepsis').Properties.KmsKeyId)).toMatch(/DataKey/);
      expect(configOf('caregraph-readmission').Properties.KmsKeyId).toBeUndefined();
      const scaling = (endpointName: string) => {
        const [targetId] = Object.keys(
          t.findResources('AWS::ApplicationAutoScaling::ScalableTarget', {
            Properties: { ResourceId: `endpoint/${endpointName}/variant/AllTraffic` },
          }),
        );
        const target = resourceAt(targetId!);
        const policy = only(
          t.findResources('AWS::ApplicationAutoScaling::ScalingPolicy', {
            Properties: { ScalingTargetId: { Ref: targetId } },
          }),
        );
        return {
          max: target.Properties.MaxCapacity,
          target: (
            policy.Properties.TargetTrackingScalingPolicyConfiguration as { TargetValue: number }
          ).TargetValue,
        };
      };
      expect(scaling('caregraph-cvd-risk')).toEqual({ max: 4, target: 600 });
      expect(scaling('caregraph-readmission')).toEqual({ max: 4, target: 600 });
      expect(scaling('caregraph-sepsis')).toEqual({ max: 2, target: 90 });
    });

    it("lets the execution role write each served endpoint's log group, and no other endpoint's", () => {
      // Act
      const statements = statementsOfRole(t, /ModelExecutionRole/);

      // Assess
      for (const sid of ['WriteOwnLogs', 'WriteOwnLogEvents']) {
        const groups = JSON.stringify(statements.find((s) => s.Sid === sid)?.Resource);
        const endpointGroups = [
          ...groups.matchAll(/log-group:\/aws\/sagemaker\/Endpoints\/([^:"]+)/g),
        ].map((m) => m[1]);
        expect(endpointGroups.sort(), sid).toEqual([...endpointNames].sort());
        expect(groups, sid).toContain('log-group:/aws/sagemaker/TrainingJobs');
        expect(groups, sid).not.toContain('Endpoints/*');
      }
    });

    it('retrains the primary model alone', () => {
      const retrain = t.findResources('AWS::Scheduler::Schedule', {
        Properties: { Name: Match.stringLikeRegexp('-retrain$') },
      });
      expect(Object.values(retrain).map((r) => (r as Resource).Properties.Name)).toEqual([
        'caregraph-cvd-risk-retrain',
      ]);
      expect(trainingRequest(t).HyperParameters.name).toBe('cvd-risk');
      const create = statementsOfRole(t, /ModelTrainingSchedulerRole/).find((s) =>
        asList(s.Action).includes('sagemaker:CreateTrainingJob'),
      );
      expect(JSON.stringify(create?.Resource)).toMatch(
        /:training-job\/caregraph-cvd-risk-\*"\]\]\}$/,
      );
      expect(JSON.stringify(t.findResources('AWS::Scheduler::Schedule'))).not.toMatch(
        /sepsis|readmission/,
      );
    });

    it('passes the compliance packs, acknowledging each endpoint log group on its own', () => {
      // Prepare: the compliance gate on
      const gated = buildTestApp({ servedModels });
      try {
        // Act: synth throws the cdk-nag report when a finding is left
        gated.app.synth();

        // Assess: the packs run directly on the tree find nothing either
        for (const pack of [new AwsSolutionsChecks(), new HIPAASecurityChecks()])
          expect(pack.validateScope(gated.app).violations, pack.readPackName).toEqual([]);
        const policy = only(
          Template.fromStack(gated.stateless).findResources('AWS::IAM::ManagedPolicy', {
            Properties: {
              Description: 'Everything caregraph SageMaker training jobs and endpoints may do',
            },
          }),
        );
        const acknowledged = (policy.Metadata?.cdk_nag?.rules_to_suppress ?? []).filter((r) =>
          r.id.includes(':log-group:/aws/sagemaker/Endpoints/'),
        );
        expect(acknowledged.map((r) => r.id).sort()).toEqual(
          endpointNames
            .map(
              (n) =>
                `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/sagemaker/Endpoints/${n}:log-stream:*]`,
            )
            .sort(),
        );
        for (const { reason } of acknowledged) expect(reason).toMatch(/log streams .{30,}/);
      } finally {
        gated.cleanUp();
      }
    });
  });

  describe('Scheduled retraining of served models (servedModels retrain)', () => {
    // t2d-risk on every default; sepsis with its own algorithm, schedule, horizon and hospital, and
    // its own image tag; readmission served only.
    const servedModels = [
      {
        name: 't2d-risk',
        dataKey: 'models/t2d-risk/current/model.tar.gz',
        retrain: { outcome: 'incident-t2d' },
      },
      { name: 'readmission', dataKey: 'models/readmission/current/model.tar.gz' },
      {
        name: 'sepsis',
        dataKey: 'models/sepsis/current/model.tar.gz',
        imageTag: '1.2.0',
        retrain: {
          outcome: 'hard-ascvd',
          hospital: 'south',
          horizonDays: 365,
          algorithm: 'rbf-svm',
          schedule: 'cron(0 4 ? * SAT *)',
          prepSchedule: 'cron(0 1 ? * SAT *)',
        },
      },
    ];
    let retrained: TestApp;
    let t: Template;

    beforeAll(() => {
      // Arrange
      retrained = buildTestApp(
        { featureHospitals: 'north,south', trainingHospital: 'north', servedModels },
        { complianceChecks: false },
      );
      t = Template.fromStack(retrained.stateless);
    });
    afterAll(() => retrained.cleanUp());

    it('retrains the primary and each model with retrain, on a schedule named after it', () => {
      // Act
      const retrain = t.findResources('AWS::Scheduler::Schedule', {
        Properties: { Name: Match.stringLikeRegexp('-retrain$') },
      });

      // Assess
      expect(
        Object.values(retrain)
          .map((r) => (r as Resource).Properties.Name)
          .sort(),
      ).toEqual([
        'caregraph-cvd-risk-retrain',
        'caregraph-sepsis-retrain',
        'caregraph-t2d-risk-retrain',
      ]);
      expect(
        only(
          t.findResources('AWS::Scheduler::Schedule', {
            Properties: { Name: 'caregraph-t2d-risk-retrain' },
          }),
        ).Properties.ScheduleExpression,
      ).toBe('cron(0 3 ? * SUN *)');
      expect(
        only(
          t.findResources('AWS::Scheduler::Schedule', {
            Properties: { Name: 'caregraph-sepsis-retrain' },
          }),
        ).Properties.ScheduleExpression,
      ).toBe('cron(0 4 ? * SAT *)');
      expect(retrained.stateless.trainings.map((m) => m.node.id)).toEqual([
        'ModelTraining',
        'ModelTraining-t2d-risk',
        'ModelTraining-sepsis',
      ]);
    });

    it("trains on the model's derived table with the primary's training settings where retrain names none", () => {
      // Act
      const request = trainingRequest(t, 'caregraph-t2d-risk-retrain');

      // Assess
      expect(request.TrainingJobName).toBe('caregraph-t2d-risk-<aws.scheduler.execution-id>');
      expect(request.AlgorithmSpecification.TrainingImage).toMatch(/\/caregraph-models:1\.0\.0$/);
      expect(request.HyperParameters).toEqual({
        task: 'tabular',
        label: 'outcome',
        model: 'logreg',
        exclude: 'patient',
        name: 't2d-risk',
        class_weight: 'none',
        outcome: derivedOutcomes['incident-t2d'],
        horizon_days: '730',
        population: 'condition_type2_diabetes=..0',
      });
      expect(request.InputDataConfig).toEqual([
        expect.objectContaining({
          ChannelName: 'train',
          DataSource: {
            S3DataSource: expect.objectContaining({
              S3Uri: expect.stringMatching(
                /^s3:\/\/caregraph-curated-.*\/features\/training\/t2d-risk\.csv$/,
              ),
            }),
          },
        }),
      ]);
      expect(request.OutputDataConfig.S3OutputPath).toMatch(/\/models\/t2d-risk\/training\/$/);
      expect(request.ResourceConfig).toEqual({
        InstanceType: 'ml.g4dn.xlarge',
        InstanceCount: 1,
        VolumeSizeInGB: 30,
      });
      expect(request.EnableNetworkIsolation).toBe(true);
    });

    it("trains with the entry's own algorithm, horizon and image tag", () => {
      // Act
      const request = trainingRequest(t, 'caregraph-sepsis-retrain');

      // Assess
      expect(request.AlgorithmSpecification.TrainingImage).toMatch(/\/caregraph-models:1\.2\.0$/);
      expect(request.HyperParameters).toEqual({
        task: 'tabular',
        label: 'outcome',
        model: 'rbf-svm',
        exclude: 'patient',
        name: 'sepsis',
        class_weight: 'none',
        outcome: derivedOutcomes['hard-ascvd'],
        horizon_days: '365',
        population: 'condition_coronary_disease=..0,condition_stroke=..0',
      });
      expect(JSON.stringify(request.InputDataConfig)).toMatch(/\/features\/training\/sepsis\.csv"/);
    });

    it("lets each retraining's Scheduler role create that model's training jobs only, with the one execution role", () => {
      for (const model of ['t2d-risk', 'sepsis']) {
        // Act
        const statements = statementsOfRole(
          t,
          new RegExp(`ModelTraining${model.replace('-', '')}SchedulerRole`),
        );
        const create = statements.find((s) => s.Sid === 'StartTrainingJobs');
        const pass = statements.find((s) => s.Sid === 'PassExecutionRole');

        // Assess
        expect(asList(create!.Action)).toEqual(['sagemaker:CreateTrainingJob']);
        expect(JSON.stringify(create?.Resource)).toMatch(
          new RegExp(`^\\{"Fn::Join":\\["",\\[.*:training-job/caregraph-${model}-\\*"\\]\\]\\}$`),
        );
        expect(JSON.stringify(pass?.Resource)).toMatch(/ModelExecutionRole/);
      }
      // The execution role reads features/ and writes models/ already: one role for every model.
      expect(
        Object.keys(
          t.findResources('AWS::IAM::Role', {
            Properties: { Description: Match.stringLikeRegexp('^SageMaker execution role') },
          }),
        ),
      ).toHaveLength(1);
    });

    it('sends failed starts to a dead-letter queue per model, alarmed', () => {
      for (const model of ['t2d-risk', 'sepsis'])
        t.hasResourceProperties('AWS::CloudWatch::Alarm', {
          AlarmName: `caregraph-${model}-retrain-dlq-not-empty`,
          Threshold: 1,
        });
      expect(JSON.stringify(t.findResources('AWS::Scheduler::Schedule'))).not.toMatch(
        /readmission/,
      );
    });
  });
});
