// Stateless stack: functions, queues, API, alarms and SageMaker jobs/endpoints; safe to destroy and redeploy,
// it holds no data of its own.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct, Node } from 'constructs';
import { envNames, parseVocabularyKeys } from '../../shared/config/config';
import {
  auditTable,
  idempotencyTable,
  reidentificationTable,
  servingTable,
} from '../../shared/config/resources';
import { dataBucketsByName, tableByName } from '../constructs/resource-names';
import { ReminderDelivery } from '../constructs/reminder-delivery';
import { PatientMonitoring } from '../constructs/patient-monitoring';
import { ClinicianApi } from '../constructs/clinician-api';
import { IngestPipeline } from '../constructs/ingest-pipeline';
import { connectToGraph, graphEndpointUrl, graphReadActions } from '../constructs/graph-access';
import { KgUpdate } from '../constructs/kg-update-function';
import { ModelExecutionRole } from '../constructs/model-execution-role';
import { modelRepositoryName } from '../constructs/model-repository';
import { ConfigurationError } from '../../shared/domain/errors';
import { FeaturePreparation } from '../constructs/feature-preparation';
import { derivedOutcomes } from '../../shared/domain/features/derived-labels';
import { ModelServing } from '../constructs/model-serving';
import { ModelTraining } from '../constructs/model-training';
import {
  primaryServedModel,
  readFeatureSettings,
  readModelGraphSettings,
  readServedModels,
  type FeatureSettings,
  type ModelGraphSettings,
  type ServedModel,
} from './model-graph-settings';
import type { StatefulResources } from './stateful-stack';

export interface StatelessStackProps extends StackProps {
  prefix: string;
  stateful: StatefulResources;
  logLevel: string;
  logRetention: logs.RetentionDays;
  ingestReservedConcurrency: number;
  apiReservedConcurrency: number;
  apiRateLimit: number;
  apiBurstLimit: number;
  alarmEmail?: string;
}

export class StatelessStack extends Stack {
  readonly ingest: IngestPipeline;
  readonly api: ClinicianApi;
  readonly alarmTopic: sns.Topic;
  readonly reminders: ReminderDelivery;
  readonly monitoring: PatientMonitoring;
  readonly kgUpdate: KgUpdate;
  readonly modelExecution: ModelExecutionRole;
  /** The primary model's scheduled retraining. */
  readonly training: ModelTraining;
  /**
   * Every scheduled retraining: the primary's (`training`) first, then one for each entry of
   * context `servedModels` with `retrain`, in order.
   */
  readonly trainings: readonly ModelTraining[];
  /**
   * The primary model's endpoint; absent when deployed with `-c models=false` (before an image
   * and a model exist).
   */
  readonly serving?: ModelServing;
  /**
   * Every served model's endpoint: the primary's (`serving`) first, then those of context
   * `servedModels` in order; empty with `models=false`.
   */
  readonly endpoints: readonly ModelServing[];
  /** Scheduled feature builds; absent while `featureHospitals` names no hospital (the default). */
  readonly features?: FeaturePreparation;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { prefix, stateful } = props;

    // Used by reference only: grants and encryption settings here must not write to the stateful
    // stack's key policy, which DataKey keeps complete on its own.
    const dataKey = kms.Key.fromKeyArn(this, 'DataKey', stateful.dataKey.keyArn);
    const pseudonymSecretPrefix = `${prefix}/pseudonym/`;
    const buckets = dataBucketsByName(this, prefix);
    const serving = tableByName(this, prefix, servingTable);
    const idempotency = tableByName(this, prefix, idempotencyTable);
    const audit = tableByName(this, prefix, auditTable);
    const reidentification = tableByName(this, prefix, reidentificationTable);

    this.alarmTopic = new sns.Topic(this, 'OperatorAlerts', {
      topicName: `${prefix}-operator-alerts`,
      masterKey: dataKey,
      enforceSSL: true,
    });
    if (props.alarmEmail) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    }

    const environment = (serviceName: string): Record<string, string> => ({
      [envNames.mode]: 'aws',
      [envNames.rawBucket]: buckets.raw.bucketName,
      [envNames.curatedBucket]: buckets.curated.bucketName,
      [envNames.quarantineBucket]: buckets.quarantine.bucketName,
      [envNames.servingTable]: serving.tableName,
      [envNames.idempotencyTable]: idempotency.tableName,
      [envNames.kmsKeyId]: stateful.dataKey.keyArn,
      [envNames.pseudonymSecretPrefix]: pseudonymSecretPrefix,
      [envNames.logLevel]: props.logLevel,
      [envNames.serviceName]: serviceName,
    });

    this.ingest = new IngestPipeline(this, 'Ingest', {
      prefix,
      dataKey,
      buckets,
      servingTable: serving,
      idempotencyTable: idempotency,
      reidentificationTable: reidentification,
      vpc: stateful.vpc,
      // Only ingest is given the re-identification table's name (and a write-only grant on it).
      environment: {
        ...environment(`${prefix}-ingest`),
        [envNames.reidentificationTable]: reidentification.tableName,
      },
      pseudonymSecretPrefix,
      reservedConcurrency: props.ingestReservedConcurrency,
      logRetention: props.logRetention,
      alarmTopic: this.alarmTopic,
    });

    this.api = new ClinicianApi(this, 'ClinicianApi', {
      prefix,
      dataKey,
      servingTable: serving,
      auditTable: audit,
      rawBucket: buckets.raw,
      curatedBucket: buckets.curated,
      vpc: stateful.vpc,
      // The API function gets every name because loadConfig validates them all at cold start;
      // a name is not a permission.
      environment: {
        ...environment(`${prefix}-api`),
        [envNames.auditTable]: audit.tableName,
        [envNames.sparqlEndpoint]: graphEndpointUrl(stateful.graph),
      },
      issuerUrl: stateful.clinicianIssuerUrl,
      audience: stateful.clinicianClientId,
      reservedConcurrency: props.apiReservedConcurrency,
      rateLimit: props.apiRateLimit,
      burstLimit: props.apiBurstLimit,
      logRetention: props.logRetention,
    });

    // GET /kg routes query the graph; the API never writes it.
    connectToGraph(this, this.api.function, stateful.graph, graphReadActions);

    this.reminders = new ReminderDelivery(this, 'Reminders', {
      prefix,
      dataKey,
      servingTable: serving,
      vpc: stateful.vpc,
      environment: environment(`${prefix}-reminders`),
      logRetention: props.logRetention,
      alarmTopic: this.alarmTopic,
    });

    this.monitoring = new PatientMonitoring(this, 'Monitoring', {
      prefix,
      dataKey,
      servingTable: serving,
      notifications: this.reminders.topic,
      alarmTopic: this.alarmTopic,
      vpc: stateful.vpc,
      environment: environment(`${prefix}-monitor`),
      logRetention: props.logRetention,
    });

    this.kgUpdate = new KgUpdate(this, 'KnowledgeGraph', {
      prefix,
      dataKey,
      rawBucket: buckets.raw,
      curatedBucket: buckets.curated,
      graph: stateful.graph,
      vpc: stateful.vpc,
      environment: environment(`${prefix}-kg-update`),
      logRetention: props.logRetention,
      alarmTopic: this.alarmTopic,
      vocabularyKeys: readVocabularyKeys(this.node),
    });

    const settings = readModelGraphSettings(this.node);
    const featureSettings = readFeatureSettings(this.node);
    const servedModels = readServedModels(this.node, settings, featureSettings, prefix);
    const models = this.buildModels(
      props,
      settings,
      featureSettings,
      servedModels,
      dataKey,
      buckets.curated,
    );
    this.modelExecution = models.execution;
    this.training = models.training;
    this.trainings = models.trainings;
    this.serving = models.endpoints[0];
    this.endpoints = models.endpoints;
    this.features = this.buildFeatures(props, settings, featureSettings, servedModels, {
      dataKey,
      repository: models.repository,
      curatedBucket: buckets.curated,
      servingTable: serving,
      // Lambda sets AWS_REGION itself; a SageMaker container is told it here (loadConfig needs it).
      environment: { ...environment(`${prefix}-features`), [envNames.region]: this.region },
    });

    new CfnOutput(this, 'ClinicianApiUrl', { value: this.api.api.apiEndpoint });
    new CfnOutput(this, 'IngestDeadLetterQueueUrl', {
      value: this.ingest.queue.deadLetterQueue.queueUrl,
    });
    new CfnOutput(this, 'PseudonymSecretPrefix', {
      description: `Secrets Manager name prefix of the pseudonymisation keys: ingest reads ${pseudonymSecretPrefix}{hospital} (a 256-bit key, base64) for each hospital`,
      value: pseudonymSecretPrefix,
    });
  }

  /**
   * SageMaker: the execution role, scheduled retraining of the primary model and of each served
   * model with `retrain`, and (unless `models=false`) one endpoint per served model, the primary
   * (`modelName`) and each of `servedModels`, which the clinician API is then allowed to invoke.
   */
  private buildModels(
    props: StatelessStackProps,
    settings: ModelGraphSettings,
    features: FeatureSettings,
    servedModels: ServedModel[],
    dataKey: kms.IKey,
    curatedBucket: s3.IBucket,
  ) {
    const { prefix, stateful } = props;
    const repository = ecr.Repository.fromRepositoryName(
      this,
      'ModelRepository',
      modelRepositoryName(prefix),
    );
    // The primary model first: it is the API's default model (parseModelEndpoints).
    const served = [primaryServedModel(settings), ...servedModels].map((model) => ({
      ...model,
      endpointName: `${prefix}-${model.name}`,
    }));
    const execution = new ModelExecutionRole(this, 'ModelExecution', {
      prefix,
      dataKey,
      repository,
      curatedBucket,
      vpc: stateful.vpc,
      endpointNames: served.map((m) => m.endpointName),
    });
    const training = new ModelTraining(this, 'ModelTraining', {
      prefix,
      modelName: settings.modelName,
      dataKey,
      execution,
      repository,
      imageTag: settings.modelImageTag,
      curatedBucket,
      trainingDataKey: settings.trainingDataKey,
      label: settings.trainingLabel,
      // Labels derived on a schedule say what they stand for; a hand-written table does not.
      ...(features.trainingHospital
        ? {
            outcome: {
              definition: derivedOutcomes[features.trainingOutcome],
              horizonDays: features.trainingHorizonDays,
            },
          }
        : {}),
      algorithm: settings.trainingAlgorithm,
      instanceType: settings.trainingInstanceType,
      vpc: stateful.vpc,
      schedule: settings.retrainSchedule,
      alarmTopic: this.alarmTopic,
    });
    // Each retrained served model like the primary, on the table its training set writes; the
    // construct names its schedule, jobs and dead letters after the model.
    const trainings = [
      training,
      ...servedModels.flatMap(({ name, imageTag, retrain }) =>
        retrain
          ? [
              new ModelTraining(this, `ModelTraining-${name}`, {
                prefix,
                modelName: name,
                dataKey,
                execution,
                repository,
                imageTag,
                curatedBucket,
                trainingDataKey: retrain.dataKey,
                label: retrain.label,
                outcome: {
                  definition: derivedOutcomes[retrain.outcome],
                  horizonDays: retrain.horizonDays,
                },
                algorithm: retrain.algorithm,
                instanceType: settings.trainingInstanceType,
                vpc: stateful.vpc,
                schedule: retrain.schedule,
                alarmTopic: this.alarmTopic,
              }),
            ]
          : [],
      ),
    ];
    // The primary keeps the construct id it has always had (its logical ids, so a deployed endpoint
    // is not replaced); each further model gets one of its own, from its unique name.
    const endpoints = settings.models
      ? served.map(
          (model, index) =>
            new ModelServing(this, index === 0 ? 'ModelServing' : `ModelServing-${model.name}`, {
              endpointName: model.endpointName,
              dataKey,
              execution,
              repository,
              imageTag: model.imageTag,
              curatedBucket,
              modelDataKey: model.dataKey,
              vpc: stateful.vpc,
              instanceType: model.instanceType,
              maxInstances: model.maxInstances,
              invocationsPerInstance: model.invocationsPerInstance,
              logRetention: props.logRetention,
            }),
        )
      : [];
    const [primary] = served;
    if (endpoints.length > 0 && primary) {
      new CfnOutput(this, 'ModelEndpointName', { value: primary.endpointName });
      if (served.length > 1)
        new CfnOutput(this, 'ModelEndpoints', {
          description:
            'Every served model and its endpoint, name=endpoint, comma-separated, the default model first (as the API is told them)',
          value: served.map((m) => `${m.name}=${m.endpointName}`).join(','),
        });
      // GET /patients/{id}/predictions?model=NAME; with `models=false` the API is given no
      // endpoint and serves no predictions.
      this.api.allowPredictions(
        served.map((m) => ({ name: m.name, endpointName: m.endpointName })),
      );
    }
    return { execution, training, trainings, endpoints, repository };
  }

  /**
   * SageMaker Processing: the `features` command of the model image, nightly for the listed
   * hospitals and weekly for the training tables the retraining reads: the primary's (with
   * `trainingHospital`) and each retrained served model's, one job per hospital building all of
   * that hospital's tables, named after its first (the primary's first). Nothing is deployed while
   * `featureHospitals` is empty.
   */
  private buildFeatures(
    props: StatelessStackProps,
    settings: ModelGraphSettings,
    features: FeatureSettings,
    servedModels: ServedModel[],
    resources: {
      dataKey: kms.IKey;
      repository: ecr.IRepository;
      curatedBucket: s3.IBucket;
      servingTable: dynamodb.ITable;
      environment: Record<string, string>;
    },
  ): FeaturePreparation | undefined {
    if (features.featureHospitals.length === 0) return undefined;
    return new FeaturePreparation(this, 'FeaturePreparation', {
      prefix: props.prefix,
      ...resources,
      imageTag: settings.modelImageTag,
      vpc: props.stateful.vpc,
      alarmTopic: this.alarmTopic,
      instanceType: features.featureInstanceType,
      hospitals: features.featureHospitals,
      schedule: features.featureSchedule,
      trainingSets: [
        ...(features.trainingHospital
          ? [
              {
                hospital: features.trainingHospital,
                horizonDays: features.trainingHorizonDays,
                outcome: features.trainingOutcome,
                key: settings.trainingDataKey,
                label: settings.trainingLabel,
                schedule: features.trainingPrepSchedule,
              },
            ]
          : []),
        ...servedModels.flatMap(({ name, retrain }) =>
          retrain
            ? [
                {
                  model: name,
                  hospital: retrain.hospital,
                  horizonDays: retrain.horizonDays,
                  outcome: retrain.outcome,
                  key: retrain.dataKey,
                  label: retrain.label,
                  schedule: retrain.prepSchedule,
                },
              ]
            : [],
        ),
      ],
    });
  }
}

/**
 * Context `nlpVocabularyKeys` (optional): the curated-bucket keys of imported vocabularies kg-update
 * merges into the curated one, comma-separated (`-c nlpVocabularyKeys=vocabulary/mesh-2025.jsonl,...`)
 * or a list in cdk.json; each under vocabulary/ and ending .jsonl, at most 10. Unset: none.
 */
export function readVocabularyKeys(node: Node): string[] {
  const value: unknown = node.tryGetContext('nlpVocabularyKeys');
  const source = 'invalid CDK context: nlpVocabularyKeys';
  if (value === undefined || value === null) return [];
  if (
    typeof value !== 'string' &&
    !(Array.isArray(value) && value.every((v) => typeof v === 'string'))
  )
    throw new ConfigurationError(`${source}: must be a comma-separated string or a list of keys`);
  return parseVocabularyKeys(value as string | string[], source);
}
