// Stateless construct: scheduled feature preparation. EventBridge Scheduler calls SageMaker
// CreateProcessingJob directly (a universal target, as the retraining does) to run the model
// image's `features` command (training/features-job.ts): each hospital's feature set and case
// index nightly (shared/domain/features/build.ts), and, weekly, the labelled training tables the
// retraining jobs read (the primary model's and each retrained served model's): one job per
// hospital, which builds that hospital's retrospective feature set once and every table from it.
import { Aws, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { identifierPattern, keyLayout, servingTable } from '../../shared/config/resources';
import { ConfigurationError } from '../../shared/domain/errors';
import type { DerivedOutcome } from '../../shared/domain/features/derived-labels';
import { trainingLabelPattern } from '../../shared/domain/features/training-table';
import { objectPrefixFinding, topLevelPrefix, useKey } from './data-access';
import { alarmedDeadLetterQueue } from './dead-letter-queue';
import { hasInstanceStorage } from './model-serving';
import {
  attachToVpcStatement,
  executionId,
  jobNameProblem,
  schedulerRunStatements,
} from './scheduled-sagemaker-jobs';

/** A weekly training table: a retrospective feature set of one hospital, labelled from its records. */
export interface TrainingSetProps {
  /**
   * The served model (context `servedModels`) whose table this is; absent for the primary model's.
   * The first training set of a hospital names that hospital's schedule and jobs
   * (`trainingSetJobPrefix`): `{prefix}-trainset` when it is the primary model's,
   * `{prefix}-trainset-{model}` when a served model's.
   */
  model?: string;
  hospital: string;
  /** The index date is now minus this many days; labels are outcomes in the days after it. */
  horizonDays: number;
  /** The outcome the labels are derived for (shared/domain/features/derived-labels.ts). */
  outcome: DerivedOutcome;
  /** Curated-bucket key of the table, under `features/` (its retraining job's `trainingDataKey`). */
  key: string;
  /** The table's label column (its retraining job's `label`). */
  label: string;
  /** EventBridge Scheduler expression, evaluated in UTC; before the retraining's. */
  schedule: string;
}

export interface FeaturePreparationProps {
  prefix: string;
  dataKey: kms.IKey;
  /** The model image, which carries the `features` command. */
  repository: ecr.IRepository;
  imageTag: string;
  curatedBucket: s3.IBucket;
  servingTable: dynamodb.ITable;
  vpc: ec2.IVpc;
  /** Operators are told when a run could not be started (its dead letter). */
  alarmTopic: sns.ITopic;
  /** The container's environment: the names the functions get (shared/config loadConfig). */
  environment: Record<string, string>;
  instanceType: string;
  /** Hospital slugs whose current feature set the nightly job rebuilds; at least one. */
  hospitals: string[];
  /** EventBridge Scheduler expression of the nightly build, evaluated in UTC. */
  schedule: string;
  /**
   * Also build these training tables; absent or empty: none. The tables of one hospital are built
   * by one schedule and job (`groupTrainingSets`), named after the hospital's first set here: it
   * rebuilds the hospital's retrospective feature set
   * (`features/{hospital}/{spec}/sets/retrospective/`, at the UTC day `horizonDays` before the run)
   * once and derives every table from it, so they must share `horizonDays` and `schedule`. Two jobs
   * would rebuild the same set twice, and, started within the same flexible window, one could
   * rewrite it while the other reads it.
   */
  trainingSets?: TrainingSetProps[];
}

/** A processing job stops after this long (SageMaker StoppingCondition), in seconds. */
export const maxFeatureJobSeconds = 6 * 60 * 60;
/** The image's entrypoint (training/Dockerfile) with its `features` command, under tini as PID 1. */
export const featureJobEntrypoint = [
  '/usr/bin/tini',
  '--',
  '/usr/local/bin/sagemaker-entrypoint',
  'features',
];

/** Where the job reads and writes: feature sets (`features/{hospital}/...`) and the training table. */
const featuresPrefix = topLevelPrefix(keyLayout.features);
/** The serving-table indexes the build queries: patients of a hospital, a patient's observations. */
const queriedIndexes = ['byHospital', 'byPatientTime'];

/**
 * The name prefix of a hospital's training-set schedule and processing jobs
 * (`{it}-{execution id}`), from its first training set's model: `{prefix}-trainset` for the primary
 * model's, `{prefix}-trainset-{model}` for a served model's.
 */
export const trainingSetJobPrefix = (prefix: string, model?: string) =>
  model === undefined ? `${prefix}-trainset` : `${prefix}-trainset-${model}`;

/** Scheduler's limit on a schedule's description, in characters. */
export const maxScheduleDescription = 512;

/** The training sets of one hospital: one schedule and processing job builds all their tables. */
export interface TrainingSetGroup {
  hospital: string;
  /** The index date of the hospital's retrospective set: shared by its training sets. */
  horizonDays: number;
  /** When the job runs: shared by its training sets. */
  schedule: string;
  /** The hospital's training sets in the order given; the first names the schedule and jobs. */
  sets: readonly TrainingSetProps[];
}

/**
 * The training sets by hospital, in the order each hospital first appears, each group's sets in
 * the order given. Its horizon and schedule are its first set's (`validate` requires the others to
 * agree).
 */
export function groupTrainingSets(trainingSets: readonly TrainingSetProps[]): TrainingSetGroup[] {
  const groups = new Map<string, TrainingSetProps[]>();
  for (const training of trainingSets) {
    const sets = groups.get(training.hospital);
    if (sets) sets.push(training);
    else groups.set(training.hospital, [training]);
  }
  return [...groups.entries()].map(([hospital, sets]) => ({
    hospital,
    horizonDays: sets[0]!.horizonDays,
    schedule: sets[0]!.schedule,
    sets,
  }));
}

/**
 * The schedule's description: the tables the job builds and whose records. One table reads as it
 * always has; a list too long for Scheduler ends in "and N more".
 */
export function trainingSetDescription(group: TrainingSetGroup): string {
  const [first] = group.sets;
  const source = `from ${group.hospital}'s records`;
  if (group.sets.length === 1)
    return first!.model === undefined
      ? `Build the labelled training table ${source}`
      : `Build ${first!.model}'s labelled training table ${source}`;
  const names = group.sets.map((t) => t.model ?? 'the primary model');
  const describe = (shown: string[], more: number) => {
    const items = more > 0 ? [...shown, `${more} more`] : shown;
    const list = `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
    return `Build the labelled training tables of ${list} ${source}`;
  };
  for (let shown = names.length; shown > 1; shown--) {
    const text = describe(names.slice(0, shown), names.length - shown);
    if (text.length <= maxScheduleDescription) return text;
  }
  return describe(names.slice(0, 1), names.length - 1).slice(0, maxScheduleDescription);
}

/** Why jobs named `{jobPrefix}-{execution id}` would be refused; undefined when they fit. */
export const processingJobNameProblem = (jobPrefix: string) =>
  jobNameProblem(jobPrefix, 'processing job');

/** What differs between the jobs: the name prefix and the `features` command's flags. */
export interface ProcessingJob {
  /**
   * `{prefix}-features` or a hospital's training sets' (`trainingSetJobPrefix`); the job is named
   * `{jobPrefix}-{execution id}`.
   */
  jobPrefix: string;
  arguments: string[];
  roleArn: string;
  securityGroupId: string;
}

/**
 * A nightly (by default) schedule that starts one SageMaker Processing job: the model image's
 * `features` command for the listed hospitals, on a CPU instance in the isolated subnets. Unlike
 * training, network isolation is off: the job reads and writes the serving table and the curated
 * bucket itself, through the VPC's S3, DynamoDB and KMS endpoints (PrivateNetwork); the subnets
 * have no other way out. Each hospital of `trainingSets` adds a (weekly) schedule whose job
 * rebuilds that hospital's retrospective feature set and builds its labelled training tables from
 * it, one per training set of the hospital. The job's role reads and writes the serving table and
 * `features/` in the curated bucket, nothing under `models/`; Scheduler's role may create these
 * jobs (the nightly one's and each hospital's, by name prefix) and pass that role to SageMaker,
 * nothing else.
 */
export class FeaturePreparation extends Construct {
  readonly role: iam.Role;
  readonly policy: iam.ManagedPolicy;
  readonly securityGroup: ec2.SecurityGroup;
  readonly schedulerRole: iam.Role;
  /** The nightly feature build. */
  readonly schedule: scheduler.CfnSchedule;
  /**
   * The training-table builds, one per hospital of `trainingSets` (`groupTrainingSets`), in the
   * order the hospitals first appear there; each builds all of its hospital's tables.
   */
  readonly trainingSchedules: readonly scheduler.CfnSchedule[];
  /** Runs Scheduler could not start after its retries (EventBridge Scheduler dead-letter events). */
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: FeaturePreparationProps) {
    super(scope, id);
    validate(props);
    const featureJobs = `${props.prefix}-features`;
    const groups = groupTrainingSets(props.trainingSets ?? []).map((group) => ({
      group,
      lead: group.sets[0]!,
      jobPrefix: trainingSetJobPrefix(props.prefix, group.sets[0]!.model),
    }));
    // Exactly the jobs deployed: the grants and their acknowledgements name no other prefix.
    const jobPrefixes = [featureJobs, ...groups.map((g) => g.jobPrefix)];

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `${props.prefix} feature preparation jobs: HTTPS to VPC endpoints only`,
      allowAllOutbound: false,
    });
    // S3 and DynamoDB are gateway endpoints (routed public ranges), KMS an interface endpoint in
    // the VPC; the isolated subnets route nothing else.
    this.securityGroup.addEgressRule(
      ec2.Peer.anyIpv4(),
      ec2.Port.tcp(443),
      'S3, DynamoDB and KMS endpoints',
    );
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      description: `SageMaker feature preparation jobs of ${props.prefix}: permissions are in its managed policy only`,
    });
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: `Everything ${props.prefix} feature preparation jobs may do`,
      roles: [this.role],
      statements: [
        ...dataStatements(props),
        ...runtimeStatements(this, props.repository, jobPrefixes),
      ],
    });
    this.acknowledgeJobRole(props, jobPrefixes);

    this.deadLetterQueue = alarmedDeadLetterQueue(this, {
      prefix: props.prefix,
      name: 'features',
      dataKey: props.dataKey,
      alarmTopic: props.alarmTopic,
      alarmDescription: 'A scheduled feature preparation run could not be started.',
      holds: 'the feature preparation schedules',
    });
    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: `EventBridge Scheduler starts ${props.prefix} feature preparation jobs, nothing else`,
    });
    const startPolicy = this.startJobsPolicy(props, jobPrefixes);

    const job = (jobPrefix: string, args: string[]): ProcessingJob => ({
      jobPrefix,
      arguments: args,
      roleArn: this.role.roleArn,
      securityGroupId: this.securityGroup.securityGroupId,
    });
    this.schedule = this.addSchedule(props, 'Features', {
      name: featureJobs,
      description: `Rebuild the feature sets and case indexes of ${props.hospitals.join(', ')}`,
      expression: props.schedule,
      request: processingJobRequest(props, job(featureJobs, featureJobArguments(props.hospitals))),
    });
    // Named after its first set: a group led by the primary model's set keeps the construct id
    // (and so the logical id) and name that set's schedule has always had, one led by a served
    // model's those of that model's.
    this.trainingSchedules = groups.map(({ group, lead, jobPrefix }) =>
      this.addSchedule(
        props,
        lead.model === undefined ? 'TrainingSet' : `TrainingSet-${lead.model}`,
        {
          name: jobPrefix,
          description: trainingSetDescription(group),
          expression: group.schedule,
          request: processingJobRequest(props, job(jobPrefix, trainingSetArguments(group))),
        },
      ),
    );
    for (const schedule of [this.schedule, ...this.trainingSchedules])
      schedule.node.addDependency(startPolicy);
  }

  private startJobsPolicy(props: FeaturePreparationProps, jobPrefixes: string[]) {
    const { partition, region, account } = Stack.of(this);
    const volumeKey = !hasInstanceStorage(props.instanceType);
    const policy = new iam.ManagedPolicy(this, 'StartJobsPolicy', {
      description: `Start ${props.prefix} feature preparation jobs with their execution role`,
      roles: [this.schedulerRole],
      statements: [
        new iam.PolicyStatement({
          sid: 'StartProcessingJobs',
          actions: ['sagemaker:CreateProcessingJob'],
          resources: jobPrefixes.map(
            (p) => `arn:${partition}:sagemaker:${region}:${account}:processing-job/${p}-*`,
          ),
        }),
        ...schedulerRunStatements({
          executionRole: this.role,
          deadLetterQueue: this.deadLetterQueue,
          dataKey: props.dataKey,
          region,
          volumeKey,
        }),
      ],
    });
    Validations.of(policy).acknowledge(
      ...jobPrefixes.map((p) => ({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:processing-job/${p}-*]`,
        reason:
          `Each run is a new processing job named by Scheduler at run time (${p}-{execution id}); the ` +
          'grant is that name prefix, CreateProcessingJob only.',
      })),
    );
    return policy;
  }

  private addSchedule(
    props: FeaturePreparationProps,
    id: string,
    schedule: {
      name: string;
      description: string;
      expression: string;
      request: Record<string, unknown>;
    },
  ): scheduler.CfnSchedule {
    return new scheduler.CfnSchedule(this, id, {
      name: schedule.name,
      description: schedule.description,
      scheduleExpression: schedule.expression,
      scheduleExpressionTimezone: 'UTC',
      flexibleTimeWindow: { mode: 'FLEXIBLE', maximumWindowInMinutes: 60 },
      state: 'ENABLED',
      target: {
        arn: `arn:${Aws.PARTITION}:scheduler:::aws-sdk:sagemaker:createProcessingJob`,
        roleArn: this.schedulerRole.roleArn,
        input: Stack.of(this).toJsonString(schedule.request),
        // A throttled or failed CreateProcessingJob is retried; a job that starts and fails is not.
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 60 * 60 },
        deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
      },
    });
  }

  private acknowledgeJobRole(props: FeaturePreparationProps, jobPrefixes: string[]): void {
    Validations.of(this.policy).acknowledge(
      {
        id: objectPrefixFinding(props.prefix, 'curated', featuresPrefix),
        reason:
          'The build writes features/{hospital}/{spec version}/{file} for every listed hospital (and a named ' +
          'set under sets/), reads back what it streamed, and writes the training table under features/; the ' +
          'keys are only known at runtime, so the grant is the prefix; GetObject/PutObject/AbortMultipartUpload only.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'ecr:GetAuthorizationToken, cloudwatch:PutMetricData (limited by a namespace condition) and the ' +
          'SageMaker VPC ENI actions (ec2:*NetworkInterface*, Describe*) do not support resource-level permissions.',
      },
      ...jobPrefixes.map((p) => ({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/sagemaker/ProcessingJobs:log-stream:${p}-*]`,
        reason:
          'SageMaker names processing log streams {job name}/algo-1-{timestamp} in the account-wide ' +
          `/aws/sagemaker/ProcessingJobs group; the grant is the streams of these jobs (${p}-*) only.`,
      })),
    );
  }
}

/** `features --hospitals a,b,c`: rebuild each hospital's current feature set and case index. */
export function featureJobArguments(hospitals: string[]): string[] {
  return ['--hospitals', hospitals.join(',')];
}

/**
 * `features --training-hospital H --horizon-days N --table outcome=O,key=K,label=L ...`: the
 * hospital's labelled training tables, one `--table` per set in order, from one retrospective set.
 */
export function trainingSetArguments(
  group: Pick<TrainingSetGroup, 'hospital' | 'horizonDays'> & {
    sets: readonly Pick<TrainingSetProps, 'outcome' | 'key' | 'label'>[];
  },
): string[] {
  return [
    '--training-hospital',
    group.hospital,
    '--horizon-days',
    String(group.horizonDays),
    ...group.sets.flatMap((t) => ['--table', `outcome=${t.outcome},key=${t.key},label=${t.label}`]),
  ];
}

/** The CreateProcessingJob request (SageMaker API), as Scheduler sends it. */
export function processingJobRequest(
  props: FeaturePreparationProps,
  job: ProcessingJob,
): Record<string, unknown> {
  const volumeKey = !hasInstanceStorage(props.instanceType);
  return {
    ProcessingJobName: `${job.jobPrefix}-${executionId}`,
    RoleArn: job.roleArn,
    AppSpecification: {
      ImageUri: props.repository.repositoryUriForTag(props.imageTag),
      ContainerEntrypoint: featureJobEntrypoint,
      ContainerArguments: job.arguments,
    },
    Environment: props.environment,
    ProcessingResources: {
      ClusterConfig: {
        InstanceCount: 1,
        InstanceType: props.instanceType,
        VolumeSizeInGB: 30,
        ...(volumeKey ? { VolumeKmsKeyId: props.dataKey.keyArn } : {}),
      },
    },
    StoppingCondition: { MaxRuntimeInSeconds: maxFeatureJobSeconds },
    NetworkConfig: {
      // The job calls S3, DynamoDB and KMS itself (through the VPC endpoints): no isolation.
      EnableNetworkIsolation: false,
      EnableInterContainerTrafficEncryption: true,
      VpcConfig: {
        Subnets: props.vpc.isolatedSubnets.map((s) => s.subnetId),
        SecurityGroupIds: [job.securityGroupId],
      },
    },
  };
}

/** Reject what would deploy but never run: bad slugs, repeats, names SageMaker refuses. */
function validate(props: FeaturePreparationProps): void {
  const fail = (message: string): never => {
    throw new ConfigurationError(message);
  };
  if (props.hospitals.length === 0)
    fail('featureHospitals: name at least one hospital, or deploy no feature preparation');
  for (const hospital of props.hospitals)
    if (!identifierPattern.test(hospital))
      fail(
        `featureHospitals: ${JSON.stringify(hospital)} is not a hospital slug (a-z, 0-9 and -, not starting with -; at most 63)`,
      );
  const repeated = props.hospitals.find((h, i) => props.hospitals.indexOf(h) !== i);
  if (repeated !== undefined) fail(`featureHospitals: lists hospital "${repeated}" twice`);
  const featureJobsProblem = processingJobNameProblem(`${props.prefix}-features`);
  if (featureJobsProblem) fail(`prefix: ${featureJobsProblem}`);
  const trainingSets = props.trainingSets ?? [];
  const models = new Set<string | undefined>();
  const tables = new Map<string, TrainingSetProps>();
  for (const training of trainingSets) {
    if (training.model !== undefined && !identifierPattern.test(training.model))
      fail(`servedModels: ${JSON.stringify(training.model)} is not a model slug`);
    // A hospital's first set names its schedule and jobs; the others' names name no job.
    const first = trainingSets.find((t) => t.hospital === training.hospital)!;
    if (first === training) {
      const problem = processingJobNameProblem(trainingSetJobPrefix(props.prefix, training.model));
      if (problem) fail(`${settingOf(training, 'name')}: ${problem}`);
    }
    // One set per model: a model retrains on one table, and two groups led by one model would
    // share a schedule name.
    if (models.has(training.model))
      fail(
        `training sets: ${training.model === undefined ? 'the primary model' : `servedModels "${training.model}"`} has two`,
      );
    models.add(training.model);
    if (!props.hospitals.includes(training.hospital))
      fail(
        `${settingOf(training, 'hospital')}: "${training.hospital}" must be one of featureHospitals (${props.hospitals.join(', ')})`,
      );
    if (!Number.isInteger(training.horizonDays) || training.horizonDays < 30)
      fail(`${settingOf(training, 'horizonDays')}: must be a whole number of days, at least 30`);
    if (!training.key.startsWith(featuresPrefix))
      fail(
        `${settingOf(training, 'key')}: "${training.key}" must be under ${featuresPrefix}, where the job writes`,
      );
    // The job refuses a label that is not a column name (training/features-job.ts), which would
    // fail every table of the hospital's job.
    if (!trainingLabelPattern.test(training.label))
      fail(
        `${settingOf(training, 'label')}: ${JSON.stringify(training.label)} is not a column name (a letter or _, then letters, digits or _; at most 64)`,
      );
    // `--table outcome=O,key=K,label=L` (trainingSetArguments) is split at commas.
    for (const field of ['key', 'label'] as const)
      if (training[field].includes(','))
        fail(
          `${settingOf(training, field)}: ${JSON.stringify(training[field])} has a comma, which the job's --table cannot carry`,
        );
    const other = tables.get(training.key);
    if (other)
      fail(
        `${settingOf(training, 'key')}: "${training.key}" is also the table of ${settingOf(other, 'key')}; it would be written twice`,
      );
    tables.set(training.key, training);
    // A hospital's sets are one job (groupTrainingSets), which runs on one schedule and builds one
    // retrospective set, at the UTC day `horizonDays` before the run (training/features-job.ts),
    // that every table is derived from.
    if (first !== training)
      for (const field of ['horizonDays', 'schedule'] as const)
        if (training[field] !== first[field])
          fail(
            `${settingOf(training, field)}: ${JSON.stringify(training[field])} differs from ${JSON.stringify(first[field])} ` +
              `(${settingOf(first, field)}) though both build hospital "${training.hospital}"'s training tables: one job ` +
              'builds them from one retrospective feature set, so they must share horizonDays and prepSchedule',
          );
  }
}

/** The setting a training set's field comes from, for messages: the primary's or a served model's. */
function settingOf(
  training: TrainingSetProps,
  field: 'name' | 'hospital' | 'horizonDays' | 'schedule' | 'key' | 'label',
): string {
  if (training.model === undefined)
    return {
      name: 'prefix',
      hospital: 'trainingHospital',
      horizonDays: 'trainingHorizonDays',
      schedule: 'trainingPrepSchedule',
      key: 'trainingDataKey',
      label: 'trainingLabel',
    }[field];
  const served = `servedModels "${training.model}"`;
  return {
    name: `${served} name`,
    hospital: `${served} retrain.hospital`,
    horizonDays: `${served} retrain.horizonDays`,
    schedule: `${served} retrain.prepSchedule`,
    // A served model's table is named after it: features/training/{name}.csv.
    key: `${served} name`,
    label: `${served} label`,
  }[field];
}

/** The serving table and `features/` in the curated bucket, and the data key. */
function dataStatements(props: FeaturePreparationProps): iam.PolicyStatement[] {
  const { curatedBucket, servingTable: table } = props;
  const indexes = queriedIndexes.map((name) => {
    if (!servingTable.globalSecondaryIndexes.some((i) => i.indexName === name))
      throw new ConfigurationError(`serving table: no index ${name} for the feature build`);
    return `${table.tableArn}/index/${name}`;
  });
  return [
    // Patients of a hospital (byHospital), a patient's observations in time order (byPatientTime),
    // and the records under a patient's partition (the table itself).
    new iam.PolicyStatement({
      sid: 'QueryServingRecords',
      actions: ['dynamodb:Query'],
      resources: [table.tableArn, ...indexes],
    }),
    // Each patient's latest vector and the case index: puts, no update or delete.
    new iam.PolicyStatement({
      sid: 'ReadWriteFeatureItems',
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:BatchWriteItem'],
      resources: [table.tableArn],
    }),
    new iam.PolicyStatement({
      sid: 'ReadWriteFeatureFiles',
      actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
      resources: [curatedBucket.arnForObjects(`${featuresPrefix}*`)],
    }),
    // HeadObject of a missing key answers 404 only with ListBucket (403 without it).
    new iam.PolicyStatement({
      sid: 'ListFeatureFiles',
      actions: ['s3:ListBucket'],
      resources: [curatedBucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${featuresPrefix}*`] } },
    }),
    useKey('UseDataKey', props.dataKey, [
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKey',
      'kms:DescribeKey',
    ]),
  ];
}

/** What SageMaker needs to run the container: the image, logs, metrics and VPC interfaces. */
function runtimeStatements(
  scope: Construct,
  repository: ecr.IRepository,
  jobPrefixes: string[],
): iam.PolicyStatement[] {
  const { partition, region, account } = Stack.of(scope);
  const group = `arn:${partition}:logs:${region}:${account}:log-group:/aws/sagemaker/ProcessingJobs`;
  return [
    new iam.PolicyStatement({
      sid: 'PullModelImage',
      actions: [
        'ecr:BatchGetImage',
        'ecr:GetDownloadUrlForLayer',
        'ecr:BatchCheckLayerAvailability',
      ],
      resources: [repository.repositoryArn],
    }),
    new iam.PolicyStatement({
      sid: 'GetRegistryToken',
      actions: ['ecr:GetAuthorizationToken'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'WriteOwnLogs',
      actions: ['logs:CreateLogGroup', 'logs:DescribeLogStreams', 'logs:CreateLogStream'],
      resources: [group],
    }),
    new iam.PolicyStatement({
      sid: 'WriteOwnLogEvents',
      actions: ['logs:PutLogEvents', 'logs:CreateLogStream', 'logs:DescribeLogStreams'],
      resources: jobPrefixes.map((p) => `${group}:log-stream:${p}-*`),
    }),
    new iam.PolicyStatement({
      sid: 'PublishJobMetrics',
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': '/aws/sagemaker/ProcessingJobs' } },
    }),
    attachToVpcStatement(),
  ];
}
