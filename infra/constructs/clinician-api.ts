// Stateless construct: the clinicians' HTTP API (JWT from the Cognito pool) in front of the read-only API function.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  appendOnlyTable,
  objectPatternFinding,
  objectPrefixFinding,
  readReports,
  readTable,
  topLevelPrefix,
  useKey,
  writeObjects,
} from './data-access';
import { envNames, parseModelEndpoints } from '../../shared/config/config';
import { auditTable, keyLayout, servingTable } from '../../shared/config/resources';
import { featureFiles } from '../../shared/domain/features/build';
import { routes } from '../../functions/api/routes';
import { modelEndpointArn } from './model-serving';
import { PipelineFunction } from './pipeline-function';

export interface ClinicianApiProps {
  prefix: string;
  dataKey: kms.IKey;
  servingTable: dynamodb.ITable;
  /** The append-only audit trail every guarded route writes to. */
  auditTable: dynamodb.ITable;
  /** POST /uploads presigns PUTs under `raw/` with the function's role. */
  rawBucket: s3.IBucket;
  /**
   * Read from here: ingest reports (`reports/`) for GET /ingest/batches/{id}, and each hospital's
   * fitted feature transform (`features/{hospital}/{spec}/transform.json`) for
   * GET /patients/{id}/features.
   */
  curatedBucket: s3.IBucket;
  vpc: ec2.IVpc;
  environment: Record<string, string>;
  /** `iss` and `aud` the JWT authorizer accepts: the clinician user pool and its app client. */
  issuerUrl: string;
  audience: string;
  reservedConcurrency: number;
  rateLimit: number;
  burstLimit: number;
  logRetention: logs.RetentionDays;
}

export const healthRoute = '/health';

/** A model the API serves: the name clients ask for and the SageMaker endpoint that serves it. */
export interface PredictionModel {
  name: string;
  endpointName: string;
}

/**
 * Routes that need a token, read from the API's own route table so the deployed API and the
 * embedded gateway can never disagree; the API function's one policy decides per role and hospital.
 */
export const protectedRoutes: readonly { method: apigw.HttpMethod; path: string }[] = Object.keys(
  routes,
)
  .filter((key) => key !== `GET ${healthRoute}`)
  .map((key) => {
    const [method, path] = key.split(' ') as [keyof typeof apigw.HttpMethod, string];
    return { method: apigw.HttpMethod[method], path };
  });

// One JSON line per request. The route key (`GET /patients/{id}`), not the path, is logged so
// patient identifiers stay out of access logs; the caller's `sub` is kept for the audit trail.
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    sourceIp: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    caller: '$context.authorizer.claims.sub',
    authorizerError: '$context.authorizer.error',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/**
 * HTTP API with a `$default` stage (throttled, access-logged into an encrypted log group). The API
 * function may read serving records (GetItem/Query/BatchGetItem), append to and query the audit
 * table (no update or delete), read ingest reports and the fitted feature transforms, and presign
 * uploads under raw/; with model endpoints deployed (`allowPredictions`), also invoke those
 * endpoints; nothing else.
 */
export class ClinicianApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly function: PipelineFunction;
  readonly accessLogs: logs.LogGroup;
  /** The models given to `allowPredictions`, once it has been called. */
  private predictionModels?: readonly PredictionModel[];

  constructor(scope: Construct, id: string, props: ClinicianApiProps) {
    super(scope, id);

    this.function = new PipelineFunction(this, 'Api', {
      prefix: props.prefix,
      name: 'api',
      entry: 'functions/api/handler.ts',
      description: 'Clinical API: patients, observations, ingest reports, uploads, audit',
      memorySize: 512,
      // HTTP API gives up on an integration after 30 s; fail before it does, with our own error.
      timeout: Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: props.environment,
      vpc: props.vpc,
      logKey: props.dataKey,
      logRetention: props.logRetention,
    });
    this.function.allow(
      readTable('ReadServingRecords', props.servingTable, servingTable),
      // Clinician decisions, alert and reminder acknowledgements and patient-reported outcomes are
      // single (mostly conditional) puts under the patient; no update, delete or batch write.
      new iam.PolicyStatement({
        sid: 'WritePatientInputs',
        actions: ['dynamodb:PutItem'],
        resources: [props.servingTable.tableArn],
      }),
      // A patient-reported outcome announces PatientDataUpdated, on the account's default bus only.
      new iam.PolicyStatement({
        sid: 'AnnouncePatientReportedOutcomes',
        actions: ['events:PutEvents'],
        resources: [
          Stack.of(this).formatArn({
            service: 'events',
            resource: 'event-bus',
            resourceName: 'default',
          }),
        ],
      }),
      appendOnlyTable('AppendAuditRecords', props.auditTable, auditTable),
      // GenerateDataKey: audit records and presigned uploads are encrypted under the data key.
      useKey('UseDataKey', props.dataKey, [
        'kms:Decrypt',
        'kms:DescribeKey',
        'kms:GenerateDataKey',
      ]),
      ...readReports(props.curatedBucket),
      ...readFeatureTransforms(props.curatedBucket),
      writeObjects('PresignRawUploads', props.rawBucket, [keyLayout.rawPrefix]),
    );
    Validations.of(this.function.policy).acknowledge({
      id: objectPrefixFinding(props.prefix, 'raw', keyLayout.rawPrefix),
      reason:
        "POST /uploads presigns PUTs with this role for raw/{caller's hospital}/{batch}/{file}; the hospital " +
        'comes from the verified token at runtime, so the grant is the raw/ prefix; PutObject only, no read.',
    });
    Validations.of(this.function.policy).acknowledge({
      id: objectPrefixFinding(props.prefix, 'curated', topLevelPrefix(keyLayout.report)),
      reason:
        "GET /ingest/batches/{id} reads the ingest reports of the caller's hospital; report keys " +
        '({hospital}/{batch}/{file}) are only known at runtime, so the grant is the reports/ prefix; GetObject only.',
    });
    Validations.of(this.function.policy).acknowledge({
      id: objectPatternFinding(props.prefix, 'curated', featureTransformKeys),
      reason:
        "GET /patients/{id}/features reads the caller's hospital's fitted feature transform; the hospital comes " +
        'from the verified token and the spec version from the deployed code, so the grant is every ' +
        `${featureTransformKeys} and no other feature file; GetObject only.`,
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      logGroupName: `/aws/apigateway/${props.prefix}-clinician-api`,
      retention: props.logRetention,
      encryptionKey: props.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.api = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `${props.prefix}-clinician-api`,
      description: 'caregraph clinician API',
      // The default stage is added below: HttpApi's own default stage cannot take access logs or throttling.
      createDefaultStage: false,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: accessLogFormat,
      },
    });

    const integration = new HttpLambdaIntegration('ApiFunction', this.function.fn);
    const clinicianJwt = new HttpJwtAuthorizer('ClinicianJwt', props.issuerUrl, {
      jwtAudience: [props.audience],
    });
    for (const route of protectedRoutes) {
      this.api.addRoutes({
        path: route.path,
        methods: [route.method],
        integration,
        authorizer: clinicianJwt,
      });
    }
    const [health] = this.api.addRoutes({
      path: healthRoute,
      methods: [apigw.HttpMethod.GET],
      integration,
      authorizer: new apigw.HttpNoneAuthorizer(),
    });
    if (health) {
      Validations.of(health).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'GET /health is the liveness probe for monitors and load balancers that hold no clinician token; ' +
          'it returns service status only, never patient data.',
      });
    }
  }

  /**
   * Serve predictions from these models, all given at once, the default model first:
   * GET /patients/{id}/predictions?model=NAME calls SageMaker Runtime InvokeEndpoint on that
   * model's endpoint. The function is told every model and its endpoint in this order
   * (CAREGRAPH_MODEL_ENDPOINTS, `name=endpoint` pairs, comma-separated) and may invoke those
   * endpoints only. Not called (no variable, no grant) when no endpoint is deployed: the API then
   * serves no predictions. The list is checked as the function will read it (parseModelEndpoints:
   * names, repeats, at most maxModelEndpoints); a second call is refused rather than merged, so two
   * parts of the app cannot each think they decided the API's models.
   */
  allowPredictions(models: readonly PredictionModel[]): void {
    if (this.predictionModels)
      throw new Error(
        `ClinicianApi.allowPredictions: called again with ${describeModels(models)}; the API already serves ${describeModels(this.predictionModels)} (pass every model in one call)`,
      );
    if (models.length === 0)
      throw new Error('ClinicianApi.allowPredictions: give at least one model, or do not call it');
    const value = models.map((m) => `${m.name}=${m.endpointName}`).join(',');
    parseModelEndpoints(value, 'ClinicianApi.allowPredictions');
    this.predictionModels = [...models];
    this.function.fn.addEnvironment(envNames.modelEndpoints, value);
    this.function.allow(
      // GET /patients/{id}/predictions calls the model endpoints. These endpoints only (no
      // `endpoint/*`, no management actions): serving another model is a reviewed change of this
      // grant, not something the function can reach on its own.
      new iam.PolicyStatement({
        sid: 'InvokeModelEndpoint',
        actions: ['sagemaker:InvokeEndpoint'],
        resources: models.map((m) => modelEndpointArn(m.endpointName)),
      }),
    );
  }
}

/** The fitted feature transforms: `features/{hospital}/{spec}/transform.json` (keyLayout.features). */
export const featureTransformKeys = keyLayout.features('*', '*', featureFiles.transform);

/**
 * GetObject on the fitted transforms only (not the training tables and matrices beside them), and
 * ListBucket restricted to `features/`: a hospital without a fitted transform is a missing key,
 * which S3 answers with 404 (the API serves the raw features) only to a caller that may list, and
 * with 403 (a 500 from the API) to any other.
 */
function readFeatureTransforms(curated: s3.IBucket): iam.PolicyStatement[] {
  const features = topLevelPrefix(keyLayout.features);
  return [
    new iam.PolicyStatement({
      sid: 'ReadFeatureTransforms',
      actions: ['s3:GetObject'],
      resources: [curated.arnForObjects(featureTransformKeys)],
    }),
    new iam.PolicyStatement({
      sid: 'ListFeatureFiles',
      actions: ['s3:ListBucket'],
      resources: [curated.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${features}*`] } },
    }),
  ];
}

const describeModels = (models: readonly PredictionModel[]): string =>
  JSON.stringify(models.map((m) => `${m.name}=${m.endpointName}`).join(','));
