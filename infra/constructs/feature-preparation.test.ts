// Tests for scheduled feature preparation: the SageMaker Processing jobs Scheduler starts, their
// roles, network place and dead letters (stateless stack), and the configuration they refuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedOutcomes } from '../../shared/domain/features/derived-labels';
import { parseFeaturesJobArgs } from '../../training/features-job';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { envNames } from '../../shared/config/config';
import { ConfigurationError } from '../../shared/domain/errors';
import {
  buildTestApp,
  type TestApp,
  asList,
  only,
  statementsOfRole,
  type TemplateResource as Resource,
  type TemplateStatement as Statement,
} from '../test-support';
import {
  FeaturePreparation,
  featureJobEntrypoint,
  maxFeatureJobSeconds,
  groupTrainingSets,
  maxScheduleDescription,
  processingJobRequest,
  trainingSetArguments,
  trainingSetDescription,
  type FeaturePreparationProps,
  type TrainingSetProps,
} from './feature-preparation';

type NaggedResource = Resource & {
  Metadata?: { cdk_nag?: { rules_to_suppress?: { id: string; reason: string }[] } };
};

const actionsOf = (statements: Statement[]) => statements.flatMap((s) => asList(s.Action));

/** The parts of the CreateProcessingJob request the tests read (SageMaker API shape). */
interface ProcessingJobRequest {
  ProcessingJobName: string;
  RoleArn: string;
  AppSpecification: {
    ImageUri: string;
    ContainerEntrypoint: string[];
    ContainerArguments: string[];
  };
  Environment: Record<string, string>;
  ProcessingResources: { ClusterConfig: Record<string, unknown> };
  StoppingCondition: { MaxRuntimeInSeconds: number };
  NetworkConfig: {
    EnableNetworkIsolation: boolean;
    EnableInterContainerTrafficEncryption: boolean;
    VpcConfig: { Subnets: string[]; SecurityGroupIds: string[] };
  };
}

/** A CloudFormation token as readable text: `<Ref:X>`, `<GetAtt:X.Arn>`, `<Output:X>`. */
const describeToken = (token: unknown): string => {
  const t = token as Record<string, unknown>;
  if ('Ref' in t) return `<Ref:${String(t.Ref)}>`;
  if ('Fn::GetAtt' in t) return `<GetAtt:${(t['Fn::GetAtt'] as string[]).join('.')}>`;
  if ('Fn::GetStackOutput' in t)
    return `<Output:${(t['Fn::GetStackOutput'] as { OutputName: string }).OutputName}>`;
  return '<token>';
};

/** The schedule's target input, a CreateProcessingJob request, with its tokens described, parsed. */
const requestOf = (schedule: Resource): ProcessingJobRequest => {
  const [, parts] = (schedule.Properties.Target as { Input: { 'Fn::Join': [string, unknown[]] } })
    .Input['Fn::Join'];
  return JSON.parse(
    parts.map((p) => (typeof p === 'string' ? p : describeToken(p))).join(''),
  ) as ProcessingJobRequest;
};
const scheduleNamed = (template: Template, name: string): Resource =>
  only(template.findResources('AWS::Scheduler::Schedule', { Properties: { Name: name } }));

describe('Construct: FeaturePreparation', () => {
  describe('in the stateless stack, with hospitals and a training hospital', () => {
    let built: TestApp;
    let template: Template;

    beforeAll(() => {
      // Prepare
      built = buildTestApp(
        { featureHospitals: 'demo-general, north-clinic', trainingHospital: 'north-clinic' },
        { complianceChecks: false },
      );
      template = Template.fromStack(built.stateless);
    });
    afterAll(() => built.cleanUp());

    const features = () => requestOf(scheduleNamed(template, 'caregraph-features'));
    const trainset = () => requestOf(scheduleNamed(template, 'caregraph-trainset'));

    it('starts a processing job nightly through the universal target, with retries and a dead-letter queue', () => {
      // Act
      const schedule = scheduleNamed(template, 'caregraph-features');

      // Assess
      expect(schedule.Properties).toMatchObject({
        ScheduleExpression: 'cron(0 1 * * ? *)',
        ScheduleExpressionTimezone: 'UTC',
        State: 'ENABLED',
        Target: {
          Arn: {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':scheduler:::aws-sdk:sagemaker:createProcessingJob',
              ],
            ],
          },
          RoleArn: {
            'Fn::GetAtt': [expect.stringMatching(/^FeaturePreparationSchedulerRole/), 'Arn'],
          },
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
          DeadLetterConfig: {
            Arn: { 'Fn::GetAtt': [expect.stringMatching(/^FeaturePreparationDeadLetters/), 'Arn'] },
          },
        },
      });
    });

    it("asks for the image's `features` command for the listed hospitals, named per run", () => {
      // Act
      const request = features();

      // Assess
      expect(request.ProcessingJobName).toBe('caregraph-features-<aws.scheduler.execution-id>');
      expect(request.AppSpecification).toEqual({
        ImageUri: expect.stringMatching(/\/caregraph-models:1\.0\.0$/),
        ContainerEntrypoint: [
          '/usr/bin/tini',
          '--',
          '/usr/local/bin/sagemaker-entrypoint',
          'features',
        ],
        ContainerArguments: ['--hospitals', 'demo-general,north-clinic'],
      });
      expect(featureJobEntrypoint).toEqual(request.AppSpecification.ContainerEntrypoint);
      expect(request.RoleArn).toMatch(/^<GetAtt:FeaturePreparationRole[0-9A-F]{8}\.Arn>$/);
    });

    it("gives the job the functions' configuration, its own service name and the Region", () => {
      // Act
      const environment = features().Environment;

      // Assess
      expect(environment).toMatchObject({
        [envNames.mode]: 'aws',
        [envNames.servingTable]: 'caregraph-serving',
        [envNames.idempotencyTable]: 'caregraph-idempotency',
        [envNames.pseudonymSecretPrefix]: 'caregraph/pseudonym/',
        [envNames.logLevel]: 'INFO',
        [envNames.serviceName]: 'caregraph-features',
        [envNames.region]: '<Ref:AWS::Region>',
      });
      expect(environment[envNames.curatedBucket]).toMatch(/^caregraph-curated-/);
      expect(environment[envNames.rawBucket]).toMatch(/^caregraph-raw-/);
      expect(environment[envNames.quarantineBucket]).toMatch(/^caregraph-quarantine-/);
      expect(environment[envNames.kmsKeyId]).toMatch(/DataKey/);
      // Names the API or ingest alone get stay theirs.
      expect(environment).not.toHaveProperty(envNames.reidentificationTable);
      expect(environment).not.toHaveProperty(envNames.auditTable);
    });

    it('runs on one CPU instance with its volume encrypted by the data key, for at most 6 hours', () => {
      const request = features();
      expect(request.ProcessingResources.ClusterConfig).toEqual({
        InstanceCount: 1,
        InstanceType: 'ml.m5.xlarge',
        VolumeSizeInGB: 30,
        VolumeKmsKeyId: expect.stringMatching(/DataKey/),
      });
      expect(request.StoppingCondition).toEqual({ MaxRuntimeInSeconds: maxFeatureJobSeconds });
      expect(maxFeatureJobSeconds).toBe(6 * 60 * 60);
    });

    it('runs in both isolated subnets with its own security group, without network isolation (it calls S3, DynamoDB and KMS)', () => {
      for (const request of [features(), trainset()]) {
        expect(request.NetworkConfig).toEqual({
          EnableNetworkIsolation: false,
          EnableInterContainerTrafficEncryption: true,
          VpcConfig: {
            Subnets: [
              expect.stringMatching(/isolatedSubnet1/),
              expect.stringMatching(/isolatedSubnet2/),
            ],
            SecurityGroupIds: [
              expect.stringMatching(
                /^<GetAtt:FeaturePreparationSecurityGroup[0-9A-F]{8}\.GroupId>$/,
              ),
            ],
          },
        });
      }
    });

    it('lets the security group out on HTTPS only, and in on nothing', () => {
      const group = only(
        template.findResources('AWS::EC2::SecurityGroup', {
          Properties: { GroupDescription: Match.stringLikeRegexp('feature preparation') },
        }),
      );
      expect(group.Properties.SecurityGroupEgress).toEqual([
        expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }),
      ]);
      expect(group.Properties.SecurityGroupIngress).toBeUndefined();
    });

    it('builds the labelled training table weekly, two hours before the retraining reads it', () => {
      // Act
      const schedule = scheduleNamed(template, 'caregraph-trainset');
      const request = trainset();

      // Assess
      expect(schedule.Properties).toMatchObject({
        ScheduleExpression: 'cron(0 1 ? * SUN *)',
        ScheduleExpressionTimezone: 'UTC',
        Description: "Build the labelled training table from north-clinic's records",
      });
      expect(request.ProcessingJobName).toBe('caregraph-trainset-<aws.scheduler.execution-id>');
      expect(request.AppSpecification.ContainerEntrypoint).toEqual(featureJobEntrypoint);
      expect(request.AppSpecification.ContainerArguments).toEqual([
        '--training-hospital',
        'north-clinic',
        '--horizon-days',
        '730',
        '--table',
        'outcome=hard-ascvd,key=features/training/cvd-risk.csv,label=outcome',
      ]);
      expect(request.RoleArn).toBe(features().RoleArn);
    });

    it('tells the retraining job what its derived labels stand for, and over how many days', () => {
      // Act: the retraining schedule's CreateTrainingJob request
      const retrain = requestOf(
        scheduleNamed(template, 'caregraph-cvd-risk-retrain'),
      ) as unknown as {
        HyperParameters: Record<string, string>;
      };

      // Assess: declared in model.json and served with each prediction (training/README.md)
      expect(retrain.HyperParameters).toMatchObject({
        outcome: derivedOutcomes['hard-ascvd'],
        horizon_days: '730',
      });
    });

    describe('the job role', () => {
      const statements = () => statementsOfRole(template, /FeaturePreparationRole/);

      it('is its own, assumed by SageMaker, with no inline or AWS-managed policy', () => {
        const role = only(
          template.findResources('AWS::IAM::Role', {
            Properties: {
              Description: Match.stringLikeRegexp('feature preparation jobs'),
              AssumeRolePolicyDocument: {
                Statement: [
                  Match.objectLike({ Principal: { Service: 'sagemaker.amazonaws.com' } }),
                ],
              },
            },
          }),
        );
        expect(role.Properties.Policies).toBeUndefined();
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
        // Not the model role: that one may not touch the serving table.
        expect(JSON.stringify(statementsOfRole(template, /ModelExecutionRole/))).not.toContain(
          'dynamodb:',
        );
      });

      it('queries the serving table and its byHospital and byPatientTime indexes, gets and puts items on the table only', () => {
        const dynamo = statements().filter((s) =>
          asList(s.Action).some((a) => a.startsWith('dynamodb:')),
        );
        const query = dynamo.find((s) => asList(s.Action).includes('dynamodb:Query'));
        expect(asList(query!.Action)).toEqual(['dynamodb:Query']);
        const queried = JSON.stringify(query?.Resource);
        expect(queried).toMatch(/table\/caregraph-serving"/);
        expect(queried).toMatch(/table\/caregraph-serving\/index\/byHospital"/);
        expect(queried).toMatch(/table\/caregraph-serving\/index\/byPatientTime"/);
        expect(queried).not.toMatch(/byDueMinute|index\/\*/);
        const items = dynamo.filter((s) => s !== query);
        expect(items).toHaveLength(1);
        expect(asList(items[0]!.Action).sort()).toEqual([
          'dynamodb:BatchWriteItem',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
        ]);
        expect(JSON.stringify(items[0]!.Resource)).toMatch(/table\/caregraph-serving"\]\]\}$/);
        for (const forbidden of ['dynamodb:Scan', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'])
          expect(actionsOf(statements())).not.toContain(forbidden);
        expect(JSON.stringify(statements())).not.toMatch(/idempotency|audit|reidentification/);
      });

      it('reads and writes features/ of the curated bucket and lists that prefix only; nothing under models/', () => {
        const s3Statements = statements().filter((s) =>
          asList(s.Action).some((a) => a.startsWith('s3:')),
        );
        expect(s3Statements).toHaveLength(2);
        const objects = s3Statements.find((s) => asList(s.Action).includes('s3:GetObject'));
        expect(asList(objects!.Action).sort()).toEqual([
          's3:AbortMultipartUpload',
          's3:GetObject',
          's3:PutObject',
        ]);
        expect(JSON.stringify(objects?.Resource)).toMatch(
          /^\{"Fn::Join":\["",\["arn:",\{"Ref":"AWS::Partition"\},":s3:::caregraph-curated-.*\/features\/\*"\]\]\}$/,
        );
        const list = s3Statements.find((s) => asList(s.Action).includes('s3:ListBucket'));
        expect(asList(list!.Action)).toEqual(['s3:ListBucket']);
        expect(list?.Condition).toEqual({ StringLike: { 's3:prefix': ['features/*'] } });
        expect(JSON.stringify(list?.Resource)).not.toContain('/');
        const text = JSON.stringify(statements());
        expect(text).not.toMatch(/models\//);
        expect(text).not.toMatch(/caregraph-raw-|caregraph-quarantine-|\/curated\/|reports\//);
      });

      it('uses the data key for exactly what the build does with it', () => {
        const key = statements().find((s) => s.Sid === 'UseDataKey');
        expect(asList(key!.Action).sort()).toEqual([
          'kms:Decrypt',
          'kms:DescribeKey',
          'kms:Encrypt',
          'kms:GenerateDataKey',
        ]);
        expect(JSON.stringify(key?.Resource)).toMatch(/DataKey/);
      });

      it("pulls the model image and writes only its own jobs' processing logs", () => {
        const pull = statements().find((s) => s.Sid === 'PullModelImage');
        expect(JSON.stringify(pull?.Resource)).toContain(':repository/caregraph-models');
        const logs = statements().filter((s) =>
          asList(s.Action).some((a) => a.startsWith('logs:')),
        );
        const resources = JSON.stringify(logs.map((s) => s.Resource));
        expect(resources).toContain(':log-group:/aws/sagemaker/ProcessingJobs"');
        expect(resources).toContain(
          ':log-group:/aws/sagemaker/ProcessingJobs:log-stream:caregraph-features-*"',
        );
        expect(resources).toContain(
          ':log-group:/aws/sagemaker/ProcessingJobs:log-stream:caregraph-trainset-*"',
        );
        expect(resources).not.toMatch(/TrainingJobs|Endpoints/);
      });

      it('grants no wildcard action, and "*" resources only where AWS allows nothing narrower', () => {
        for (const action of actionsOf(statements())) expect(action).not.toContain('*');
        const unscoped = statements()
          .filter((s) => s.Resource === '*')
          .flatMap((s) => asList(s.Action))
          .filter((a) => !a.startsWith('ec2:'));
        expect(unscoped.sort()).toEqual(['cloudwatch:PutMetricData', 'ecr:GetAuthorizationToken']);
        const metrics = statements().find((s) =>
          asList(s.Action).includes('cloudwatch:PutMetricData'),
        );
        expect(metrics?.Condition).toEqual({
          StringEquals: { 'cloudwatch:namespace': '/aws/sagemaker/ProcessingJobs' },
        });
      });
    });

    it('lets Scheduler create these processing jobs, pass the job role to SageMaker and record failed runs, nothing else', () => {
      // Act
      const statements = statementsOfRole(template, /FeaturePreparationSchedulerRole/);

      // Assess
      expect(actionsOf(statements).sort()).toEqual([
        'iam:PassRole',
        'kms:CreateGrant',
        'kms:Decrypt',
        'kms:DescribeKey',
        'kms:GenerateDataKey',
        'sagemaker:CreateProcessingJob',
        'sqs:SendMessage',
      ]);
      const create = statements.find((s) =>
        asList(s.Action).includes('sagemaker:CreateProcessingJob'),
      );
      const jobs = (create?.Resource as unknown[]).map((r) => JSON.stringify(r));
      expect(jobs).toEqual([
        expect.stringMatching(/:processing-job\/caregraph-features-\*"\]\]\}$/),
        expect.stringMatching(/:processing-job\/caregraph-trainset-\*"\]\]\}$/),
      ]);
      const pass = statements.find((s) => asList(s.Action).includes('iam:PassRole'));
      expect(pass?.Resource).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/^FeaturePreparationRole[0-9A-F]{8}$/), 'Arn'],
      });
      expect(pass?.Condition).toEqual({
        StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' },
      });
      const send = statements.find((s) => asList(s.Action).includes('sqs:SendMessage'));
      expect(JSON.stringify(send?.Resource)).toMatch(/FeaturePreparationDeadLetters/);
      const encrypt = statements.find((s) => asList(s.Action).includes('kms:GenerateDataKey'));
      expect(JSON.stringify(encrypt?.Condition)).toMatch(/kms:ViaService.*sqs\./);
      const grant = statements.find((s) => asList(s.Action).includes('kms:CreateGrant'));
      expect(grant?.Condition).toEqual({ Bool: { 'kms:GrantIsForAWSResource': 'true' } });
      template.hasResourceProperties('AWS::IAM::Role', {
        Description: Match.stringLikeRegexp('EventBridge Scheduler starts caregraph feature'),
        AssumeRolePolicyDocument: {
          Statement: [
            Match.objectLike({
              Principal: { Service: 'scheduler.amazonaws.com' },
              Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
            }),
          ],
        },
      });
    });

    it('sends runs Scheduler could not start to an encrypted dead-letter queue that alarms the operators', () => {
      const queue = only(
        template.findResources('AWS::SQS::Queue', {
          Properties: { QueueName: 'caregraph-features-dlq' },
        }),
      );
      expect(JSON.stringify(queue.Properties.KmsMasterKeyId)).toMatch(/DataKey/);
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'caregraph-features-dlq-not-empty',
        Threshold: 1,
        AlarmActions: [{ Ref: Match.stringLikeRegexp('^OperatorAlerts') }],
      });
      expect(built.stateless.features?.trainingSchedules).toHaveLength(1);
    });
  });

  describe('in the stateless stack, by default and without a training hospital', () => {
    it('deploys nothing while no hospital is named', () => {
      // Prepare
      const built = buildTestApp({}, { complianceChecks: false });
      try {
        // Act
        const text = JSON.stringify(Template.fromStack(built.stateless).toJSON());

        // Assess
        expect(built.stateless.features).toBeUndefined();
        expect(text).not.toMatch(/createProcessingJob|FeaturePreparation|caregraph-features/);
      } finally {
        built.cleanUp();
      }
    });

    it('schedules the nightly build only, from context, with no trainset job to create', () => {
      // Prepare
      const built = buildTestApp(
        {
          featureHospitals: ['demo-general'],
          featureSchedule: 'cron(30 2 * * ? *)',
          featureInstanceType: 'ml.c5.2xlarge',
        },
        { complianceChecks: false },
      );
      try {
        // Act
        const template = Template.fromStack(built.stateless);
        const processing = template.findResources('AWS::Scheduler::Schedule', {
          Properties: {
            Target: {
              Arn: {
                'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('createProcessingJob')])],
              },
            },
          },
        });

        // Assess
        expect(Object.values(processing).map((s) => (s as Resource).Properties.Name)).toEqual([
          'caregraph-features',
        ]);
        const request = requestOf(scheduleNamed(template, 'caregraph-features'));
        expect(request.AppSpecification.ContainerArguments).toEqual([
          '--hospitals',
          'demo-general',
        ]);
        expect(request.ProcessingResources.ClusterConfig.InstanceType).toBe('ml.c5.2xlarge');
        expect(scheduleNamed(template, 'caregraph-features').Properties.ScheduleExpression).toBe(
          'cron(30 2 * * ? *)',
        );
        const text = JSON.stringify(statementsOfRole(template, /FeaturePreparation/));
        expect(text).not.toContain('trainset');
        expect(built.stateless.features?.trainingSchedules).toEqual([]);
      } finally {
        built.cleanUp();
      }
    });

    it('derives the training labels for the outcome of context trainingOutcome', () => {
      // Prepare
      const built = buildTestApp(
        {
          featureHospitals: 'north-clinic',
          trainingHospital: 'north-clinic',
          trainingOutcome: 'incident-t2d',
        },
        { complianceChecks: false },
      );
      try {
        // Act
        const template = Template.fromStack(built.stateless);
        const args = requestOf(scheduleNamed(template, 'caregraph-trainset')).AppSpecification
          .ContainerArguments;

        // Assess
        expect(args.slice(args.indexOf('--table'))).toEqual([
          '--table',
          'outcome=incident-t2d,key=features/training/cvd-risk.csv,label=outcome',
        ]);
      } finally {
        built.cleanUp();
      }
    });

    it('passes the compliance packs with feature preparation deployed', () => {
      // Prepare: the compliance gate on, both schedules deployed
      const built = buildTestApp({
        featureHospitals: 'demo-general,north-clinic',
        trainingHospital: 'demo-general',
      });
      try {
        // Act: synth throws the cdk-nag report when a finding is left
        const assembly = built.app.synth();

        // Assess
        expect(assembly.getStackByName('caregraph-stateless').template).toBeDefined();
      } finally {
        built.cleanUp();
      }
    });
  });

  describe('in the stateless stack, with served models retrained (servedModels retrain)', () => {
    // t2d-risk on the primary's hospital and horizon, frailty on another hospital with its own
    // horizon and schedules, readmission served only.
    const servedModels = [
      {
        name: 't2d-risk',
        dataKey: 'models/t2d-risk/current/model.tar.gz',
        retrain: { outcome: 'incident-t2d' },
      },
      { name: 'readmission', dataKey: 'models/readmission/current/model.tar.gz' },
      {
        name: 'frailty',
        dataKey: 'models/frailty/current/model.tar.gz',
        retrain: {
          outcome: 'hard-ascvd',
          hospital: 'demo-general',
          horizonDays: 365,
          prepSchedule: 'cron(0 2 ? * SAT *)',
        },
      },
    ];
    const context = {
      featureHospitals: 'demo-general, north-clinic',
      trainingHospital: 'north-clinic',
      servedModels,
    };
    let built: TestApp;
    let template: Template;

    beforeAll(() => {
      // Arrange
      built = buildTestApp(context, { complianceChecks: false });
      template = Template.fromStack(built.stateless);
    });
    afterAll(() => built.cleanUp());

    const processingSchedules = () =>
      (
        Object.values(
          template.findResources('AWS::Scheduler::Schedule', {
            Properties: {
              Target: {
                Arn: {
                  'Fn::Join': [
                    '',
                    Match.arrayWith([Match.stringLikeRegexp('createProcessingJob')]),
                  ],
                },
              },
            },
          }),
        ) as Resource[]
      ).map((r) => r.Properties.Name);

    it("builds each hospital's tables in one job, named after its first: the primary's job also builds t2d-risk's", () => {
      // Act
      const names = processingSchedules();
      const primary = scheduleNamed(template, 'caregraph-trainset');

      // Assess: north-clinic's sets are the primary's and t2d-risk's, one job reading one set
      expect(names).toEqual([
        'caregraph-features',
        'caregraph-trainset',
        'caregraph-trainset-frailty',
      ]);
      expect(primary.Properties).toMatchObject({
        ScheduleExpression: 'cron(0 1 ? * SUN *)',
        Description:
          "Build the labelled training tables of the primary model and t2d-risk from north-clinic's records",
      });
      expect(requestOf(primary).ProcessingJobName).toBe(
        'caregraph-trainset-<aws.scheduler.execution-id>',
      );
      expect(requestOf(primary).AppSpecification.ContainerArguments).toEqual([
        '--training-hospital',
        'north-clinic',
        '--horizon-days',
        '730',
        '--table',
        'outcome=hard-ascvd,key=features/training/cvd-risk.csv,label=outcome',
        '--table',
        'outcome=incident-t2d,key=features/training/t2d-risk.csv,label=outcome',
      ]);
      // The primary's schedule keeps its logical id.
      expect(
        Object.keys(
          template.findResources('AWS::Scheduler::Schedule', {
            Properties: { Name: 'caregraph-trainset' },
          }),
        ),
      ).toEqual([expect.stringMatching(/^FeaturePreparationTrainingSet[0-9A-F]{8}$/)]);
      expect(built.stateless.features?.trainingSchedules.map((s) => s.name)).toEqual([
        'caregraph-trainset',
        'caregraph-trainset-frailty',
      ]);
    });

    it("asks for the features command with another hospital's model's outcome, hospital, horizon, table and label", () => {
      // Act
      const frailty = scheduleNamed(template, 'caregraph-trainset-frailty');

      // Assess: its own hospital, horizon and prepSchedule
      expect(frailty.Properties.ScheduleExpression).toBe('cron(0 2 ? * SAT *)');
      expect(frailty.Properties.Description).toBe(
        "Build frailty's labelled training table from demo-general's records",
      );
      expect(requestOf(frailty).ProcessingJobName).toBe(
        'caregraph-trainset-frailty-<aws.scheduler.execution-id>',
      );
      expect(requestOf(frailty).AppSpecification.ContainerArguments).toEqual([
        '--training-hospital',
        'demo-general',
        '--horizon-days',
        '365',
        '--table',
        'outcome=hard-ascvd,key=features/training/frailty.csv,label=outcome',
      ]);
      // The same job otherwise: role, image, network, dead letters
      const primary = requestOf(scheduleNamed(template, 'caregraph-trainset'));
      expect(requestOf(frailty).RoleArn).toBe(primary.RoleArn);
      expect(requestOf(frailty).AppSpecification.ContainerEntrypoint).toEqual(featureJobEntrypoint);
      expect(requestOf(frailty).NetworkConfig).toEqual(primary.NetworkConfig);
      expect(JSON.stringify(frailty.Properties.Target)).toMatch(
        /"DeadLetterConfig":\{"Arn":\{"Fn::GetAtt":\["FeaturePreparationDeadLetters/,
      );
    });

    it("lets Scheduler create exactly these jobs, and the job role write exactly these jobs' log streams", () => {
      // Arrange: the policy's resources in any order (CDK minimizes and sorts statements)
      const suffixes = (resource: unknown, pattern: RegExp) =>
        (resource as unknown[]).map((r) => pattern.exec(JSON.stringify(r))?.[1]).sort();
      // No caregraph-trainset-t2d-risk-*: its table is built by caregraph-trainset.
      const jobPrefixes = [
        'caregraph-features-*',
        'caregraph-trainset-*',
        'caregraph-trainset-frailty-*',
      ].sort();

      // Act
      const create = statementsOfRole(template, /FeaturePreparationSchedulerRole/).find(
        (s) => s.Sid === 'StartProcessingJobs',
      );
      const logEvents = statementsOfRole(template, /FeaturePreparationRole/).find(
        (s) => s.Sid === 'WriteOwnLogEvents',
      );

      // Assess
      expect(asList(create!.Action)).toEqual(['sagemaker:CreateProcessingJob']);
      expect(suffixes(create?.Resource, /:processing-job\/([^"]+)"\]\]\}$/)).toEqual(jobPrefixes);
      expect(suffixes(logEvents?.Resource, /ProcessingJobs:log-stream:([^"]+)"\]\]\}$/)).toEqual(
        jobPrefixes,
      );
    });

    it('changes nothing of feature preparation or retraining for a served model without retrain', () => {
      // Arrange: the same context, each model served only
      const servedOnly = buildTestApp(
        {
          ...context,
          servedModels: servedModels.map(({ name, dataKey }) => ({ name, dataKey })),
        },
        { complianceChecks: false },
      );
      const none = buildTestApp(
        { featureHospitals: context.featureHospitals, trainingHospital: 'north-clinic' },
        { complianceChecks: false },
      );
      try {
        // Act
        const jobsOf = (app: TestApp) =>
          Object.fromEntries(
            Object.entries(Template.fromStack(app.stateless).toJSON().Resources).filter(([id]) =>
              /^(FeaturePreparation|ModelTraining)/.test(id),
            ),
          );

        // Assess
        expect(jobsOf(servedOnly)).toEqual(jobsOf(none));
        expect(Object.keys(jobsOf(servedOnly)).join()).not.toMatch(/t2drisk|frailty/);
        expect(servedOnly.stateless.trainings).toHaveLength(1);
      } finally {
        servedOnly.cleanUp();
        none.cleanUp();
      }
    });

    it('passes the compliance packs, acknowledging each job prefix on its own', () => {
      // Arrange: the compliance gate on
      const gated = buildTestApp(context);
      try {
        // Act: synth throws the cdk-nag report when a finding is left
        gated.app.synth();

        // Assess: the packs run directly on the tree find nothing either
        for (const pack of [new AwsSolutionsChecks(), new HIPAASecurityChecks()])
          expect(pack.validateScope(gated.app).violations, pack.readPackName).toEqual([]);
        const acknowledged = (description: RegExp) =>
          (
            Object.values(
              Template.fromStack(gated.stateless).findResources('AWS::IAM::ManagedPolicy'),
            ) as NaggedResource[]
          )
            .filter((p) => description.test(p.Properties.Description as string))
            .flatMap((p) => p.Metadata?.cdk_nag?.rules_to_suppress ?? [])
            .map((r) => r.id);
        // The deployed jobs' prefixes, each once; none for t2d-risk, whose table the primary's job builds.
        const prefixes = ['features', 'trainset', 'trainset-frailty'].map(
          (p) => `caregraph-${p}-*`,
        );
        expect(acknowledged(/^Start caregraph feature preparation jobs/).sort()).toEqual(
          prefixes
            .map(
              (p) =>
                `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:processing-job/${p}]`,
            )
            .sort(),
        );
        const logStreams = acknowledged(/^Everything caregraph feature preparation jobs/).filter(
          (id) => id.includes(':log-stream:'),
        );
        expect(logStreams.sort()).toEqual(
          prefixes
            .map(
              (p) =>
                `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/sagemaker/ProcessingJobs:log-stream:${p}]`,
            )
            .sort(),
        );
        expect(
          JSON.stringify(
            Template.fromStack(gated.stateless).findResources('AWS::IAM::ManagedPolicy'),
          ),
        ).not.toContain('caregraph-trainset-t2d-risk');
        for (const model of ['t2d-risk', 'frailty'])
          expect(acknowledged(new RegExp(`^Start caregraph-${model} training jobs`))).toEqual([
            `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:training-job/caregraph-${model}-*]`,
          ]);
      } finally {
        gated.cleanUp();
      }
    });
  });

  describe('configuration it refuses', () => {
    /** The construct alone in a stack of its own, with `overrides` on valid props. */
    const build = (overrides: Partial<FeaturePreparationProps> = {}) => {
      const stack = new Stack(new App(), 'Test');
      const props: FeaturePreparationProps = {
        prefix: 'caregraph',
        dataKey: kms.Key.fromKeyArn(
          stack,
          'Key',
          'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        ),
        repository: ecr.Repository.fromRepositoryName(stack, 'Repository', 'caregraph-models'),
        imageTag: '1.0.0',
        curatedBucket: s3.Bucket.fromBucketName(stack, 'Curated', 'caregraph-curated'),
        servingTable: dynamodb.Table.fromTableName(stack, 'Serving', 'caregraph-serving'),
        vpc: new ec2.Vpc(stack, 'Vpc', {
          natGateways: 0,
          subnetConfiguration: [{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
        }),
        alarmTopic: new sns.Topic(stack, 'Alerts'),
        environment: { [envNames.mode]: 'aws' },
        instanceType: 'ml.m5.xlarge',
        hospitals: ['general'],
        schedule: 'cron(0 1 * * ? *)',
        ...overrides,
      };
      return { stack, props, make: () => new FeaturePreparation(stack, 'Features', props) };
    };
    const training = {
      hospital: 'general',
      horizonDays: 730,
      outcome: 'hard-ascvd' as const,
      key: 'features/training/cvd-risk.csv',
      label: 'outcome',
      schedule: 'cron(0 1 ? * SUN *)',
    };
    const refusal = (overrides: Partial<FeaturePreparationProps>): string => {
      try {
        build(overrides).make();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigurationError);
        return (error as Error).message;
      }
      return 'accepted';
    };

    it('accepts valid props, and builds no trainset schedule without training', () => {
      const { stack, make } = build();
      const construct = make();
      expect(construct.trainingSchedules).toEqual([]);
      Template.fromStack(stack).resourceCountIs('AWS::Scheduler::Schedule', 1);
    });

    it('refuses an empty hospital list', () => {
      expect(refusal({ hospitals: [] })).toMatch(/^featureHospitals: name at least one hospital/);
    });

    it.each(['General', '-general', 'gen_eral', 'gen,eral', '', 'a'.repeat(64)])(
      'refuses the hospital slug %j',
      (slug) => {
        expect(refusal({ hospitals: ['north', slug] })).toMatch(
          /^featureHospitals: .* is not a hospital slug/,
        );
      },
    );

    it('accepts a 63-character slug', () => {
      expect(refusal({ hospitals: ['a'.repeat(63)] })).toBe('accepted');
    });

    it('refuses a hospital listed twice', () => {
      expect(refusal({ hospitals: ['north', 'south', 'north'] })).toBe(
        'featureHospitals: lists hospital "north" twice',
      );
    });

    it("refuses a prefix that leaves no room for Scheduler's run id in SageMaker's 63-character job name", () => {
      // `{prefix}-features-` plus 16 characters: a 37-character prefix fits exactly, 38 does not.
      expect(refusal({ prefix: 'p'.repeat(37), trainingSets: [training] })).toBe('accepted');
      expect(refusal({ prefix: 'p'.repeat(38) })).toMatch(
        /^prefix: "p{38}-features-" plus a 16-character run id exceeds SageMaker's 63-character/,
      );
      expect(
        refusal({ prefix: 'p'.repeat(38), hospitals: ['general'], trainingSets: [training] }),
      ).toMatch(/^prefix: /);
    });

    it('refuses a training hospital that is not built nightly, a short or fractional horizon, and a table outside features/', () => {
      expect(refusal({ trainingSets: [{ ...training, hospital: 'north' }] })).toMatch(
        /^trainingHospital: "north" must be one of featureHospitals \(general\)/,
      );
      expect(refusal({ trainingSets: [{ ...training, horizonDays: 29 }] })).toMatch(
        /^trainingHorizonDays: /,
      );
      expect(refusal({ trainingSets: [{ ...training, horizonDays: 30.5 }] })).toMatch(
        /^trainingHorizonDays: /,
      );
      expect(refusal({ trainingSets: [{ ...training, key: 'models/train.csv' }] })).toMatch(
        /^trainingDataKey: "models\/train.csv" must be under features\//,
      );
      expect(refusal({ trainingSets: [training] })).toBe('accepted');
    });

    describe("with served models' training sets", () => {
      const t2d = {
        ...training,
        model: 't2d-risk',
        outcome: 'incident-t2d' as const,
        key: 'features/training/t2d-risk.csv',
      };

      const frailty = {
        ...training,
        model: 'frailty',
        key: 'features/training/frailty.csv',
      };
      /** The processing jobs Scheduler may start and whose logs the job role writes, sorted. */
      const grantedPrefixes = (template: Template) => {
        const statements = (role: RegExp, sid: string) =>
          statementsOfRole(template, role).find((s) => s.Sid === sid)?.Resource;
        const suffixes = (resource: unknown, pattern: RegExp) =>
          asList(resource as string | string[])
            .map((r) => pattern.exec(JSON.stringify(r))?.[1])
            .sort();
        return {
          create: suffixes(
            statements(/SchedulerRole/, 'StartProcessingJobs'),
            /:processing-job\/([^"]+)"\]\]\}$/,
          ),
          logs: suffixes(
            statements(/FeaturesRole/, 'WriteOwnLogEvents'),
            /log-stream:([^"]+)"\]\]\}$/,
          ),
        };
      };

      it("schedules one job per hospital, in the order the hospitals first appear, each building the hospital's tables in the order given", () => {
        // Arrange: north's first, then general's (the primary's), then north's again
        const { stack, make } = build({
          hospitals: ['general', 'north'],
          trainingSets: [
            { ...t2d, hospital: 'north' },
            training,
            { ...frailty, hospital: 'north' },
          ],
        });

        // Act
        const construct = make();

        // Assess
        expect(construct.trainingSchedules.map((s) => s.name)).toEqual([
          'caregraph-trainset-t2d-risk',
          'caregraph-trainset',
        ]);
        const template = Template.fromStack(stack);
        template.resourceCountIs('AWS::Scheduler::Schedule', 3);
        const north = requestOf(scheduleNamed(template, 'caregraph-trainset-t2d-risk'));
        expect(north.AppSpecification.ContainerArguments).toEqual([
          '--training-hospital',
          'north',
          '--horizon-days',
          '730',
          '--table',
          'outcome=incident-t2d,key=features/training/t2d-risk.csv,label=outcome',
          '--table',
          'outcome=hard-ascvd,key=features/training/frailty.csv,label=outcome',
        ]);
        expect(
          requestOf(scheduleNamed(template, 'caregraph-trainset')).AppSpecification
            .ContainerArguments,
        ).toEqual([
          '--training-hospital',
          'general',
          '--horizon-days',
          '730',
          '--table',
          'outcome=hard-ascvd,key=features/training/cvd-risk.csv,label=outcome',
        ]);
      });

      it('names a group led by a served model after that model: its construct id, schedule, jobs and grants', () => {
        // Arrange: two served models on a hospital the primary's set is not of
        const { stack, make } = build({
          hospitals: ['general', 'north'],
          trainingSets: [
            training,
            { ...t2d, hospital: 'north' },
            { ...frailty, hospital: 'north' },
          ],
        });

        // Act
        const construct = make();

        // Assess
        expect(construct.trainingSchedules.map((s) => [s.node.id, s.name])).toEqual([
          ['TrainingSet', 'caregraph-trainset'],
          ['TrainingSet-t2d-risk', 'caregraph-trainset-t2d-risk'],
        ]);
        const template = Template.fromStack(stack);
        const north = scheduleNamed(template, 'caregraph-trainset-t2d-risk');
        expect(north.Properties.Description).toBe(
          "Build the labelled training tables of t2d-risk and frailty from north's records",
        );
        expect(requestOf(north).ProcessingJobName).toBe(
          'caregraph-trainset-t2d-risk-<aws.scheduler.execution-id>',
        );
        expect(requestOf(north).AppSpecification.ContainerArguments).toEqual([
          '--training-hospital',
          'north',
          '--horizon-days',
          '730',
          '--table',
          'outcome=incident-t2d,key=features/training/t2d-risk.csv,label=outcome',
          '--table',
          'outcome=hard-ascvd,key=features/training/frailty.csv,label=outcome',
        ]);
        const deployed = [
          'caregraph-features-*',
          'caregraph-trainset-*',
          'caregraph-trainset-t2d-risk-*',
        ];
        expect(grantedPrefixes(template)).toEqual({
          create: deployed.sort(),
          logs: deployed.sort(),
        });
        expect(JSON.stringify(template.toJSON())).not.toContain('trainset-frailty');
      });

      it("refuses training sets of one hospital with different horizons or schedules: one job builds that hospital's one retrospective set", () => {
        // Act / Assess
        expect(refusal({ trainingSets: [training, { ...t2d, horizonDays: 365 }] })).toBe(
          'servedModels "t2d-risk" retrain.horizonDays: 365 differs from 730 (trainingHorizonDays) though both build hospital ' +
            `"general"'s training tables: one job builds them from one retrospective feature set, so they must share horizonDays and prepSchedule`,
        );
        expect(
          refusal({ trainingSets: [training, { ...t2d, schedule: 'cron(0 23 ? * SAT *)' }] }),
        ).toMatch(
          /^servedModels "t2d-risk" retrain\.prepSchedule: "cron\(0 23 \? \* SAT \*\)" differs from "cron\(0 1 \? \* SUN \*\)" \(trainingPrepSchedule\)/,
        );
        expect(refusal({ trainingSets: [training, t2d] })).toBe('accepted');
        expect(
          refusal({
            hospitals: ['general', 'north'],
            trainingSets: [training, { ...t2d, hospital: 'north', horizonDays: 365 }],
          }),
        ).toBe('accepted');
      });

      it('refuses a hospital not built nightly, a table written twice, and a name too long for the job name', () => {
        // Act / Assess
        expect(refusal({ trainingSets: [training, { ...t2d, hospital: 'north' }] })).toBe(
          'servedModels "t2d-risk" retrain.hospital: "north" must be one of featureHospitals (general)',
        );
        expect(refusal({ trainingSets: [training, { ...t2d, key: training.key }] })).toBe(
          'servedModels "t2d-risk" name: "features/training/cvd-risk.csv" is also the table of trainingDataKey; it would be written twice',
        );
        // "caregraph-trainset-" (19) + 27 + "-" + 16 = 63
        expect(refusal({ trainingSets: [{ ...t2d, model: 'm'.repeat(27) }] })).toBe('accepted');
        expect(refusal({ trainingSets: [{ ...t2d, model: 'm'.repeat(28) }] })).toBe(
          `servedModels "${'m'.repeat(28)}" name: "caregraph-trainset-${'m'.repeat(28)}-" plus a 16-character run id exceeds SageMaker's 63-character processing job name`,
        );
        expect(refusal({ trainingSets: [t2d, { ...t2d, key: 'features/training/b.csv' }] })).toBe(
          'training sets: servedModels "t2d-risk" has two',
        );
        expect(refusal({ trainingSets: [training, { ...training, key: 'features/b.csv' }] })).toBe(
          'training sets: the primary model has two',
        );
      });

      it("checks the job name of a hospital's first set only: the others' names name no job", () => {
        // Act / Assess: a long name after the primary's set of its hospital builds in its job
        const long = { ...t2d, model: 'm'.repeat(28) };
        expect(refusal({ trainingSets: [training, long] })).toBe('accepted');
        expect(refusal({ prefix: 'p'.repeat(37), trainingSets: [training, long] })).toBe(
          'accepted',
        );
        // First of its hospital, it names that hospital's job
        expect(
          refusal({
            hospitals: ['general', 'north'],
            trainingSets: [training, { ...long, hospital: 'north' }],
          }),
        ).toMatch(
          /^servedModels "m{28}" name: "caregraph-trainset-m{28}-" plus a 16-character run id/,
        );
        expect(refusal({ trainingSets: [long, training] })).toMatch(
          /^servedModels "m{28}" name: "caregraph-trainset-m{28}-" plus/,
        );
      });

      it("refuses a key or label with a comma, which the job's --table cannot carry", () => {
        expect(refusal({ trainingSets: [{ ...training, key: 'features/a,b.csv' }] })).toBe(
          `trainingDataKey: "features/a,b.csv" has a comma, which the job's --table cannot carry`,
        );
        expect(refusal({ trainingSets: [{ ...training, label: 'ascvd-10y' }] })).toMatch(
          /^trainingLabel: "ascvd-10y" is not a column name/,
        );
        // A comma is not in a column name either: the job would refuse the label first.
        expect(refusal({ trainingSets: [training, { ...t2d, label: 'a,b' }] })).toMatch(
          /^servedModels "t2d-risk" label: "a,b" is not a column name/,
        );
      });
    });
  });

  describe('Functions: groupTrainingSets, trainingSetArguments and trainingSetDescription', () => {
    const set = (model: string | undefined, hospital: string): TrainingSetProps => ({
      ...(model === undefined ? {} : { model }),
      hospital,
      horizonDays: hospital === 'south' ? 365 : 730,
      outcome: 'hard-ascvd',
      key: `features/training/${model ?? 'primary'}.csv`,
      label: 'outcome',
      schedule: `cron(0 1 ? * ${hospital === 'south' ? 'SAT' : 'SUN'} *)`,
    });

    it("groups by hospital in the order of first appearance, each group with its first set's horizon and schedule", () => {
      // Arrange
      const [a, b, c, d] = [
        set('a', 'south'),
        set(undefined, 'north'),
        set('c', 'south'),
        set('d', 'east'),
      ];

      // Act
      const groups = groupTrainingSets([a!, b!, c!, d!]);

      // Assess
      expect(groups).toEqual([
        { hospital: 'south', horizonDays: 365, schedule: 'cron(0 1 ? * SAT *)', sets: [a, c] },
        { hospital: 'north', horizonDays: 730, schedule: 'cron(0 1 ? * SUN *)', sets: [b] },
        { hospital: 'east', horizonDays: 730, schedule: 'cron(0 1 ? * SUN *)', sets: [d] },
      ]);
      expect(groupTrainingSets([])).toEqual([]);
    });

    it('asks for what the features job reads back as the same tables (the contract, both sides)', () => {
      // Arrange
      const group = groupTrainingSets([
        set(undefined, 'north'),
        { ...set('t2d', 'north'), outcome: 'incident-t2d', label: 't2d_5y' },
      ])[0]!;

      // Act
      const read = parseFeaturesJobArgs(trainingSetArguments(group));

      // Assess
      expect(read).toEqual({
        hospitals: [],
        training: {
          hospital: 'north',
          horizonDays: 730,
          tables: [
            { outcome: 'hard-ascvd', key: 'features/training/primary.csv', label: 'outcome' },
            { outcome: 'incident-t2d', key: 'features/training/t2d.csv', label: 't2d_5y' },
          ],
        },
      });
    });

    it('asks for one --table per set, outcome, key and label in that order', () => {
      expect(
        trainingSetArguments({
          hospital: 'south',
          horizonDays: 365,
          sets: [
            { outcome: 'incident-t2d', key: 'features/training/a.csv', label: 'outcome' },
            { outcome: 'hard-ascvd', key: 'features/training/c.csv', label: 'ascvd' },
          ],
        }),
      ).toEqual([
        '--training-hospital',
        'south',
        '--horizon-days',
        '365',
        '--table',
        'outcome=incident-t2d,key=features/training/a.csv,label=outcome',
        '--table',
        'outcome=hard-ascvd,key=features/training/c.csv,label=ascvd',
      ]);
    });

    it("names every model whose table the job builds, and fits Scheduler's description limit", () => {
      // Arrange
      const [group] = groupTrainingSets([
        set(undefined, 'north'),
        set('a', 'north'),
        set('b', 'north'),
      ]);
      const hospital = 'h'.repeat(63);
      const many = Array.from({ length: 20 }, (_, i) => set(`${i}`.padStart(63, 'm'), hospital));

      // Act
      const [crowded] = groupTrainingSets(many);
      const description = trainingSetDescription(crowded!);

      // Assess
      expect(trainingSetDescription(group!)).toBe(
        "Build the labelled training tables of the primary model, a and b from north's records",
      );
      expect(description.length).toBeLessThanOrEqual(maxScheduleDescription);
      expect(description).toMatch(
        new RegExp(
          `^Build the labelled training tables of m+0, m+1, .* and \\d+ more from h{63}'s records$`,
        ),
      );
    });
  });

  describe('Function: processingJobRequest', () => {
    const stack = new Stack(new App(), 'Request');
    const props = (instanceType: string): FeaturePreparationProps => ({
      prefix: 'caregraph',
      dataKey: kms.Key.fromKeyArn(
        stack,
        `Key-${instanceType}`,
        'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      ),
      repository: ecr.Repository.fromRepositoryArn(
        stack,
        `Repository-${instanceType}`,
        'arn:aws:ecr:eu-west-1:111122223333:repository/caregraph-models',
      ),
      imageTag: '2.0.0',
      curatedBucket: s3.Bucket.fromBucketName(stack, `Curated-${instanceType}`, 'curated'),
      servingTable: dynamodb.Table.fromTableName(stack, `Serving-${instanceType}`, 'serving'),
      vpc: ec2.Vpc.fromVpcAttributes(stack, `Vpc-${instanceType}`, {
        vpcId: 'vpc-1',
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
        isolatedSubnetIds: ['subnet-a', 'subnet-b'],
      }),
      alarmTopic: sns.Topic.fromTopicArn(
        stack,
        `Alerts-${instanceType}`,
        'arn:aws:sns:eu-west-1:111122223333:alerts',
      ),
      environment: { [envNames.mode]: 'aws', [envNames.servingTable]: 'serving' },
      instanceType,
      hospitals: ['general'],
      schedule: 'cron(0 1 * * ? *)',
    });
    const job = {
      jobPrefix: 'caregraph-features',
      arguments: ['--hospitals', 'general'],
      roleArn: 'arn:aws:iam::111122223333:role/job',
      securityGroupId: 'sg-1',
    };

    it('is the whole CreateProcessingJob request, from the props and the job', () => {
      // Act
      const request = processingJobRequest(props('ml.m5.xlarge'), job);

      // Assess
      expect(request).toEqual({
        ProcessingJobName: 'caregraph-features-<aws.scheduler.execution-id>',
        RoleArn: 'arn:aws:iam::111122223333:role/job',
        AppSpecification: {
          ImageUri: expect.any(String),
          ContainerEntrypoint: featureJobEntrypoint,
          ContainerArguments: ['--hospitals', 'general'],
        },
        Environment: { [envNames.mode]: 'aws', [envNames.servingTable]: 'serving' },
        ProcessingResources: {
          ClusterConfig: {
            InstanceCount: 1,
            InstanceType: 'ml.m5.xlarge',
            VolumeSizeInGB: 30,
            VolumeKmsKeyId:
              'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          },
        },
        StoppingCondition: { MaxRuntimeInSeconds: maxFeatureJobSeconds },
        NetworkConfig: {
          EnableNetworkIsolation: false,
          EnableInterContainerTrafficEncryption: true,
          VpcConfig: { Subnets: ['subnet-a', 'subnet-b'], SecurityGroupIds: ['sg-1'] },
        },
      });
      const { ImageUri } = request.AppSpecification as { ImageUri: string };
      expect(JSON.stringify(stack.resolve(ImageUri))).toMatch(
        /111122223333\.dkr\.ecr\.eu-west-1\..*\/caregraph-models:2\.0\.0"/,
      );
    });

    it('names no volume key on an instance type with NVMe instance storage, which SageMaker refuses one for', () => {
      const request = processingJobRequest(props('ml.m5d.xlarge'), job) as {
        ProcessingResources: { ClusterConfig: Record<string, unknown> };
      };
      expect(request.ProcessingResources.ClusterConfig).toEqual({
        InstanceCount: 1,
        InstanceType: 'ml.m5d.xlarge',
        VolumeSizeInGB: 30,
      });
    });
  });
});
