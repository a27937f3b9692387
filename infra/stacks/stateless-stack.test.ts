// Tests for the stateless stack's template: ingest wiring, the clinician API, and what each function may do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { envNames, maxModelEndpoints, parseModelEndpoints } from '../../shared/config/config';
import { ingestMaxReceiveCount, ingestTimeout } from '../constructs/ingest-pipeline';
import { healthRoute, protectedRoutes } from '../constructs/clinician-api';
import { modelEndpointArn } from '../constructs/model-serving';
import { bucketArn, FunctionPolicy, resolveValue } from '../policy-harness';
import { buildTestApp, type TestApp } from '../test-support';

type Resource = { Properties: Record<string, unknown> };
type Statement = {
  Action: string | string[];
  Resource: unknown;
  Effect: string;
  Condition?: unknown;
};

const asList = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

describe('Stack: stateless', () => {
  let built: TestApp;
  let template: Template;

  beforeAll(() => {
    // Prepare
    built = buildTestApp({}, { complianceChecks: false });
    template = Template.fromStack(built.stateless);
  });
  afterAll(() => built.cleanUp());

  const logicalIdOf = (type: string, pattern: RegExp): string => {
    const id = Object.keys(template.findResources(type)).find((k) => pattern.test(k));
    if (!id) throw new Error(`no ${type} matching ${pattern}`);
    return id;
  };
  const queueIdNamed = (name: string): string => {
    const id = Object.keys(
      template.findResources('AWS::SQS::Queue', { Properties: { QueueName: name } }),
    )[0];
    if (!id) throw new Error(`no queue ${name}`);
    return id;
  };
  const functionNamed = (name: string): Resource => {
    const fn = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: name } }),
    )[0];
    if (!fn) throw new Error(`no function ${name}`);
    return fn as Resource;
  };
  /** Every Allow statement in the managed policy attached to the named function's role. */
  const statementsOf = (functionName: string): Statement[] => {
    const roleRef = (
      functionNamed(functionName).Properties.Role as { 'Fn::GetAtt': [string, string] }
    )['Fn::GetAtt'][0];
    const policies = Object.values(template.findResources('AWS::IAM::ManagedPolicy')) as Resource[];
    const policy = policies.find(
      (p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleRef }]),
    );
    if (!policy) throw new Error(`no managed policy for ${functionName}`);
    return (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
  };
  /** The API function's statements in another build of the stack. */
  const statementsOfApi = (other: Template): Statement[] => {
    const fn = Object.values(
      other.findResources('AWS::Lambda::Function', {
        Properties: { FunctionName: 'caregraph-api' },
      }),
    )[0] as Resource;
    const roleRef = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const policy = (
      Object.values(other.findResources('AWS::IAM::ManagedPolicy')) as Resource[]
    ).find((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleRef }]));
    if (!policy) throw new Error('no managed policy for caregraph-api');
    return (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
  };
  const actionsOf = (functionName: string): string[] =>
    statementsOf(functionName).flatMap((s) => asList(s.Action));

  describe('Ingest pipeline', () => {
    it('encrypts every queue (ingest, its DLQ, the monitor, kg-update and retraining DLQs) with the customer-managed key', () => {
      const queues = Object.values(template.findResources('AWS::SQS::Queue')) as Resource[];
      expect(queues).toHaveLength(5);
      for (const queue of queues)
        expect(JSON.stringify(queue.Properties.KmsMasterKeyId)).toMatch(/DataKey/);
    });

    it('denies non-TLS access to every queue', () => {
      template.resourcePropertiesCountIs(
        'AWS::SQS::QueuePolicy',
        {
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Effect: 'Deny',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              }),
            ]),
          },
        },
        5,
      );
    });

    it('moves a message to the DLQ after five receives, and waits six function timeouts before redelivery', () => {
      template.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: 'caregraph-ingest',
        RedrivePolicy: {
          deadLetterTargetArn: {
            'Fn::GetAtt': [queueIdNamed('caregraph-ingest-dlq'), 'Arn'],
          },
          maxReceiveCount: ingestMaxReceiveCount,
        },
      });
      expect(ingestMaxReceiveCount).toBe(5);
      const queue = Object.values(
        template.findResources('AWS::SQS::Queue', {
          Properties: { QueueName: 'caregraph-ingest' },
        }),
      )[0] as Resource;
      const fnTimeout = functionNamed('caregraph-ingest').Properties.Timeout as number;
      expect(fnTimeout).toBe(ingestTimeout.toSeconds());
      expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fnTimeout);
    });

    it('sends ObjectCreated events under raw/ of the raw bucket to the ingest queue', () => {
      template.hasResourceProperties('Custom::S3BucketNotifications', {
        BucketName: {
          'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^caregraph-raw-')])],
        },
        NotificationConfiguration: {
          QueueConfigurations: [
            {
              Events: ['s3:ObjectCreated:*'],
              Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'raw/' }] } },
              QueueArn: { 'Fn::GetAtt': [queueIdNamed('caregraph-ingest'), 'Arn'] },
            },
          ],
        },
      });
    });

    it('routes IngestContinuationRequested to the ingest queue (EventBridge may send to it), DLQ on failure', () => {
      const queue = queueIdNamed('caregraph-ingest');
      template.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: {
          source: ['caregraph.ingest'],
          'detail-type': ['IngestContinuationRequested'],
        },
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [queue, 'Arn'] },
            RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 },
            DeadLetterConfig: {
              Arn: { 'Fn::GetAtt': [queueIdNamed('caregraph-ingest-dlq'), 'Arn'] },
            },
          }),
        ],
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queue }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: Match.arrayWith(['sqs:SendMessage']),
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
            }),
          ]),
        },
      });
    });

    it('feeds the ingest function from the queue with partial batch failure reporting', () => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [queueIdNamed('caregraph-ingest'), 'Arn'] },
        FunctionName: { Ref: logicalIdOf('AWS::Lambda::Function', /IngestFunction/) },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    });

    it('alarms the operator topic as soon as one message reaches the DLQ', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [
          {
            Name: 'QueueName',
            Value: {
              'Fn::GetAtt': [queueIdNamed('caregraph-ingest-dlq'), 'QueueName'],
            },
          },
        ],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [{ Ref: logicalIdOf('AWS::SNS::Topic', /OperatorAlerts/) }],
      });
      template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    });
  });

  describe('Functions', () => {
    it.each(['caregraph-ingest', 'caregraph-api'])(
      'runs %s on nodejs22.x, ARM64, traced, bounded, in the VPC',
      (name) => {
        expect(functionNamed(name).Properties).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          ReservedConcurrentExecutions: expect.any(Number),
          VpcConfig: { SubnetIds: expect.any(Array), SecurityGroupIds: expect.any(Array) },
          LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/Logs/) } },
        });
      },
    );

    it.each(['caregraph-ingest', 'caregraph-api'])(
      'gives %s every name loadConfig needs, and no AWS_REGION',
      (name) => {
        const variables = (
          functionNamed(name).Properties.Environment as { Variables: Record<string, unknown> }
        ).Variables;
        expect(variables[envNames.mode]).toBe('aws');
        for (const key of [
          envNames.rawBucket,
          envNames.curatedBucket,
          envNames.quarantineBucket,
          envNames.servingTable,
          envNames.idempotencyTable,
          envNames.kmsKeyId,
          envNames.pseudonymSecretPrefix,
          envNames.logLevel,
          envNames.serviceName,
        ]) {
          expect(variables, key).toHaveProperty(key);
        }
        expect(variables[envNames.servingTable]).toBe('caregraph-serving');
        expect(variables).not.toHaveProperty(envNames.region);
      },
    );

    it('encrypts every log group with the key and expires it', () => {
      const groups = Object.values(template.findResources('AWS::Logs::LogGroup')) as Resource[];
      // ingest, api, reminders, reminders-replan, monitor, kg-update, the API access log and the
      // model endpoint's
      expect(groups).toHaveLength(8);
      for (const group of groups) {
        expect(JSON.stringify(group.Properties.KmsKeyId)).toMatch(/DataKey/);
        expect(group.Properties.RetentionInDays).toBe(365);
      }
    });
  });

  describe('Least privilege', () => {
    it('attaches no inline and no AWS-managed policy to the function roles', () => {
      for (const name of ['caregraph-ingest', 'caregraph-api']) {
        const roleId = (functionNamed(name).Properties.Role as { 'Fn::GetAtt': [string, string] })[
          'Fn::GetAtt'
        ][0];
        const role = template.toJSON().Resources[roleId] as Resource;
        expect(role.Properties.Policies).toBeUndefined();
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
        expect(JSON.stringify(template.findResources('AWS::IAM::Policy'))).not.toContain(roleId);
      }
    });

    it('never grants a wildcard action', () => {
      for (const name of ['caregraph-ingest', 'caregraph-api']) {
        for (const action of actionsOf(name))
          expect(action, `${name}: ${action}`).not.toContain('*');
      }
    });

    it('lets the API read serving records, reports and feature transforms, put patient inputs, append audit records, presign raw uploads, invoke the model endpoint, and nothing else', () => {
      const actions = actionsOf('caregraph-api');
      const dataActions = actions.filter((a) =>
        /^(s3|sqs|secretsmanager|dynamodb|events|sagemaker):/.test(a),
      );
      expect(dataActions.sort()).toEqual([
        'dynamodb:BatchGetItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:Query',
        'events:PutEvents',
        's3:AbortMultipartUpload',
        's3:GetObject',
        's3:GetObject',
        's3:ListBucket',
        's3:ListBucket',
        's3:PutObject',
        'sagemaker:InvokeEndpoint',
      ]);
      const statements = statementsOf('caregraph-api');
      const announce = statements.find((s) => asList(s.Action).includes('events:PutEvents'));
      expect(JSON.stringify(announce?.Resource)).toMatch(/event-bus\/default/);
      // Writes to DynamoDB are single puts: audit records, and patient inputs on the serving table
      // itself (decisions, acknowledgements, reported outcomes), never its indexes, never update or delete.
      const tableWrites = statements.filter((s) => asList(s.Action).includes('dynamodb:PutItem'));
      expect(tableWrites).toHaveLength(2);
      const [servingWrite] = tableWrites.filter((s) =>
        /table\/caregraph-serving"/.test(JSON.stringify(s.Resource)),
      );
      expect(asList(servingWrite!.Action)).toEqual(['dynamodb:PutItem']);
      expect(JSON.stringify(servingWrite?.Resource)).not.toMatch(/index/);
      expect(
        tableWrites.filter((s) => s !== servingWrite).map((s) => JSON.stringify(s.Resource)),
      ).toEqual([expect.stringMatching(/audit/)]);
      expect(actions).not.toContain('dynamodb:UpdateItem');
      expect(actions).not.toContain('dynamodb:DeleteItem');
      // S3 reads reach reports/ and the feature transforms only (constructs/clinician-api.test.ts
      // runs every route against them); S3 writes reach the raw bucket's raw/ prefix only.
      const s3Statements = statements.filter((s) =>
        asList(s.Action).some((a) => a.startsWith('s3:')),
      );
      for (const statement of s3Statements) {
        const text = JSON.stringify(statement);
        if (asList(statement.Action).includes('s3:PutObject'))
          expect(text).toMatch(/caregraph-raw-.*\/raw\/\*/);
        else {
          const curated = bucketArn('caregraph', 'curated');
          const resources = (
            Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]
          ).map(resolveValue);
          if (asList(statement.Action).includes('s3:ListBucket')) {
            expect(resources).toEqual([curated]);
            expect(['reports/*', 'features/*']).toContainEqual(
              (statement.Condition as { StringLike: { 's3:prefix': string[] } }).StringLike[
                's3:prefix'
              ][0],
            );
          } else
            for (const resource of resources)
              expect([`${curated}/reports/*`, `${curated}/features/*/*/transform.json`]).toContain(
                resource,
              );
        }
      }
      expect(JSON.stringify(statements)).not.toContain('idempotency');
    });

    it('lets ingest read and list raw uploads only and write curated, reports, notes and quarantine only', () => {
      const statements = statementsOf('caregraph-ingest');
      const s3Grants = statements
        .filter((s) => asList(s.Action).some((a) => a.startsWith('s3:')))
        .map((s) => ({
          actions: asList(s.Action).sort(),
          resources: JSON.stringify(s.Resource),
          resolved: resolveValue(s.Resource),
          condition: s.Condition,
        }));
      expect(s3Grants).toHaveLength(2 + 2);
      const [read, list, ...writes] = s3Grants;
      expect(read?.actions).toEqual(['s3:GetObject', 's3:GetObjectVersion']);
      expect(read?.resources).toMatch(/caregraph-raw-.*\/raw\/\*/);
      // A missing batch companion (note sidecar, mapping.json) is then a 404, not a 403.
      expect(list?.actions).toEqual(['s3:ListBucket']);
      expect(list?.resolved).toBe(bucketArn('caregraph', 'raw'));
      expect(list?.condition).toEqual({ StringLike: { 's3:prefix': ['raw/*'] } });
      for (const write of writes)
        expect(write.actions).toEqual(['s3:AbortMultipartUpload', 's3:PutObject']);
      const writeResources = writes.map((w) => w.resources).join(' ');
      expect(writeResources).toMatch(/caregraph-curated-.*\/curated\/\*/);
      expect(writeResources).toMatch(/caregraph-curated-.*\/reports\/\*/);
      expect(writeResources).toMatch(/caregraph-curated-.*\/notes\/\*/);
      expect(writeResources).toMatch(/caregraph-quarantine-.*\/quarantine\/\*/);
      expect(writeResources).not.toMatch(/caregraph-raw-/);
    });

    it('lets ingest only write the re-identification table, and no other function touch or name it', () => {
      const grants = statementsOf('caregraph-ingest').filter((s) =>
        JSON.stringify(s.Resource).includes('caregraph-reidentification'),
      );
      expect(grants.map((s) => asList(s.Action).sort())).toEqual([
        ['dynamodb:BatchWriteItem', 'dynamodb:PutItem'],
      ]);
      const ingestVariables = (
        functionNamed('caregraph-ingest').Properties.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
      expect(ingestVariables[envNames.reidentificationTable]).toBe('caregraph-reidentification');
      const api = functionNamed('caregraph-api').Properties.Environment as {
        Variables: Record<string, unknown>;
      };
      expect(api.Variables).not.toHaveProperty(envNames.reidentificationTable);
      expect(JSON.stringify(statementsOf('caregraph-api'))).not.toContain('reidentification');
    });

    it('lets ingest read secrets under the pseudonym prefix only, and consume only its own queue', () => {
      const statements = statementsOf('caregraph-ingest');
      const secrets = statements.find((s) =>
        asList(s.Action).includes('secretsmanager:GetSecretValue'),
      );
      expect(JSON.stringify(secrets?.Resource)).toContain(':secret:caregraph/pseudonym/*');
      const queue = statements.find((s) => asList(s.Action).includes('sqs:ReceiveMessage'));
      expect(queue?.Resource).toEqual({
        'Fn::GetAtt': [queueIdNamed('caregraph-ingest'), 'Arn'],
      });
    });
  });

  describe('Dead letters of asynchronous invocations', () => {
    // Lambda sends a failed asynchronous invocation to the function's on-failure destination or
    // DLQ with the function's own role; the roles are immutable (PipelineFunction), so the grant
    // CDK's SqsDestination would add is dropped and must be in the function's managed policy.
    it('lets every function send to its on-failure destination or DLQ, and use the key that encrypts it', () => {
      const functions = template.findResources('AWS::Lambda::Function') as Record<string, Resource>;
      const queues = template.findResources('AWS::SQS::Queue') as Record<string, Resource>;
      const targets: { functionId: string; arn: unknown; via: string }[] = [];
      for (const config of Object.values(
        template.findResources('AWS::Lambda::EventInvokeConfig'),
      ) as Resource[]) {
        const destinations = (config.Properties.DestinationConfig ?? {}) as Record<
          string,
          { Destination: unknown }
        >;
        for (const [via, { Destination }] of Object.entries(destinations))
          targets.push({
            functionId: (config.Properties.FunctionName as { Ref: string }).Ref,
            arn: Destination,
            via,
          });
      }
      for (const [functionId, fn] of Object.entries(functions)) {
        const dlq = (fn.Properties.DeadLetterConfig as { TargetArn?: unknown } | undefined)
          ?.TargetArn;
        if (dlq) targets.push({ functionId, arn: dlq, via: 'DeadLetterConfig' });
      }
      // The monitor and kg-update functions at least.
      expect(targets.length).toBeGreaterThanOrEqual(2);

      const missing: string[] = [];
      for (const { functionId, arn, via } of targets) {
        const name = functions[functionId]!.Properties.FunctionName as string;
        // Every destination is a queue of this stack (another kind needs its own check here).
        const queueId = (arn as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt']?.[0];
        const queue = queueId === undefined ? undefined : queues[queueId];
        expect(queue, `${name} ${via}: ${JSON.stringify(arn)}`).toBeDefined();
        const policy = new FunctionPolicy(statementsOf(name));
        if (!policy.allows('sqs:SendMessage', resolveValue(arn)))
          missing.push(`${name} ${via}: sqs:SendMessage on ${queueId}`);
        const key = queue?.Properties.KmsMasterKeyId;
        if (key !== undefined && key !== 'alias/aws/sqs')
          for (const action of ['kms:GenerateDataKey', 'kms:Decrypt'])
            if (!policy.allows(action, resolveValue(key)))
              missing.push(`${name} ${via}: ${action} on the key of ${queueId}`);
      }
      expect(missing).toEqual([]);
    });
  });

  describe('Pseudonymisation secrets', () => {
    const secretsGrant = (t: Template): string => {
      const policies = JSON.stringify(t.findResources('AWS::IAM::ManagedPolicy'));
      return /:secret:([^"*]*)\*/.exec(policies)?.[1] ?? '';
    };
    const ingestVariables = (t: Template): Record<string, unknown> =>
      (
        Object.values(
          t.findResources('AWS::Lambda::Function', {
            Properties: { FunctionName: Match.stringLikeRegexp('-ingest$') },
          }),
        )[0] as { Properties: { Environment: { Variables: Record<string, unknown> } } }
      ).Properties.Environment.Variables;

    it('names the prefix ingest reads the keys under in the PseudonymSecretPrefix output: caregraph/pseudonym/ by default', () => {
      expect(template.findOutputs('PseudonymSecretPrefix').PseudonymSecretPrefix).toMatchObject({
        Value: 'caregraph/pseudonym/',
      });
      expect(ingestVariables(template)[envNames.pseudonymSecretPrefix]).toBe(
        'caregraph/pseudonym/',
      );
      expect(secretsGrant(template)).toBe('caregraph/pseudonym/');
    });

    it('moves the prefix, the output and the grant with -c prefix (README: {prefix}/pseudonym/{hospital})', () => {
      const prod = buildTestApp({ prefix: 'caregraph-prod' }, { complianceChecks: false });
      try {
        const t = Template.fromStack(prod.stateless);
        const output = t.findOutputs('PseudonymSecretPrefix').PseudonymSecretPrefix as {
          Value: string;
          Description: string;
        };
        expect(output.Value).toBe('caregraph-prod/pseudonym/');
        expect(output.Description).toContain('caregraph-prod/pseudonym/{hospital}');
        expect(ingestVariables(t)[envNames.pseudonymSecretPrefix]).toBe(output.Value);
        expect(secretsGrant(t)).toBe(output.Value);
      } finally {
        prod.cleanUp();
      }
    });
  });

  describe('Clinician API', () => {
    it('verifies clinician JWTs against the Cognito issuer and app client', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: { Issuer: Match.anyValue(), Audience: [Match.anyValue()] },
      });
      const jwt = JSON.stringify(template.findResources('AWS::ApiGatewayV2::Authorizer'));
      expect(jwt).toMatch(/CliniciansPool.*ProviderURL/);
      expect(jwt).toMatch(/CliniciansPoolApiClient/);
    });

    it.each(protectedRoutes)('requires a JWT on $method $path', ({ method, path }) => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${method} ${path}`,
        AuthorizationType: 'JWT',
      });
    });

    it('routes every route of the API function, uploads and audit included', () => {
      const keys = protectedRoutes.map((r) => `${r.method} ${r.path}`);
      expect(keys).toEqual(
        expect.arrayContaining(['POST /uploads', 'GET /audit', 'GET /patients']),
      );
    });

    it('leaves GET /health open and routes nothing else', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `GET ${healthRoute}`,
        AuthorizationType: 'NONE',
      });
      template.resourceCountIs('AWS::ApiGatewayV2::Route', protectedRoutes.length + 1);
    });

    it('throttles and access-logs the $default stage without logging request paths', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
        AccessLogSettings: {
          DestinationArn: {
            'Fn::GetAtt': [logicalIdOf('AWS::Logs::LogGroup', /AccessLogs/), 'Arn'],
          },
          Format: Match.stringLikeRegexp('\\$context.requestId'),
        },
      });
      const [stage] = Object.values(
        template.findResources('AWS::ApiGatewayV2::Stage'),
      ) as Resource[];
      expect(JSON.stringify(stage?.Properties.AccessLogSettings)).not.toContain('$context.path');
    });
  });

  describe('Model predictions (GET /patients/{id}/predictions)', () => {
    // The endpoint's ARN as CloudFormation sees it: pseudo parameters, then the lower-case name.
    const endpointArn = (name: string) => ({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':sagemaker:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          `:endpoint/${name}`,
        ],
      ],
    });
    const apiVariables = (t: Template): Record<string, unknown> =>
      (
        Object.values(
          t.findResources('AWS::Lambda::Function', {
            Properties: { FunctionName: 'caregraph-api' },
          }),
        )[0] as { Properties: { Environment: { Variables: Record<string, unknown> } } }
      ).Properties.Environment.Variables;

    it('tells the API function the model and its endpoint as name=endpoint', () => {
      expect(apiVariables(template)[envNames.modelEndpoints]).toBe('cvd-risk=caregraph-cvd-risk');
      // The same name the endpoint is created under.
      template.hasResourceProperties('AWS::SageMaker::Endpoint', {
        EndpointName: 'caregraph-cvd-risk',
      });
    });

    it('lets the API invoke exactly that endpoint, and no other SageMaker action or resource', () => {
      const sagemaker = statementsOf('caregraph-api').filter((s) =>
        asList(s.Action).some((a) => a.startsWith('sagemaker:')),
      );
      expect(sagemaker).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Action: 'sagemaker:InvokeEndpoint',
          Resource: endpointArn('caregraph-cvd-risk'),
        }),
      ]);
      expect(JSON.stringify(sagemaker)).not.toContain('*');
      // No statement of the API's reaches SageMaker through a wildcard resource either.
      for (const statement of statementsOf('caregraph-api'))
        if (JSON.stringify(statement.Resource).includes('"*"'))
          expect(asList(statement.Action).join(' ')).not.toMatch(/sagemaker/);
    });

    it('lowers the endpoint name in the ARN, as SageMaker does', () => {
      expect(new Stack().resolve(modelEndpointArn('Caregraph-CVD-Risk'))).toEqual(
        endpointArn('caregraph-cvd-risk'),
      );
    });

    it('names no endpoint and grants no invoke with models=false', () => {
      const off = buildTestApp({ models: 'false' }, { complianceChecks: false });
      try {
        const t = Template.fromStack(off.stateless);
        t.resourceCountIs('AWS::SageMaker::Endpoint', 0);
        expect(apiVariables(t)).not.toHaveProperty(envNames.modelEndpoints);
        // The API function is still there, with its other variables.
        expect(apiVariables(t)[envNames.mode]).toBe('aws');
        expect(JSON.stringify(t.findResources('AWS::IAM::ManagedPolicy'))).not.toContain(
          'sagemaker:InvokeEndpoint',
        );
      } finally {
        off.cleanUp();
      }
    });

    it('serves the primary model alone by default: one endpoint, no ModelEndpoints output', () => {
      template.resourceCountIs('AWS::SageMaker::Endpoint', 1);
      expect(Object.keys(template.findOutputs('*'))).toEqual(
        expect.arrayContaining(['ModelEndpointName']),
      );
      expect(template.findOutputs('ModelEndpoints')).toEqual({});
      expect(built.stateless.endpoints).toEqual([built.stateless.serving]);
    });

    describe('with two more served models (servedModels)', () => {
      // Not in alphabetical order, so "in order" means the order given.
      const servedModels = [
        { name: 'sepsis', dataKey: 'models/sepsis/current/model.tar.gz' },
        { name: 'readmission', dataKey: 'models/readmission/current/model.tar.gz' },
      ];
      let several: TestApp;
      let t: Template;

      beforeAll(() => {
        // Prepare
        several = buildTestApp({ servedModels }, { complianceChecks: false });
        t = Template.fromStack(several.stateless);
      });
      afterAll(() => several.cleanUp());

      it('tells the API function every model and its endpoint, the primary (default) first, then in the order given', () => {
        // Act
        const value = apiVariables(t)[envNames.modelEndpoints];

        // Assess
        expect(value).toBe(
          'cvd-risk=caregraph-cvd-risk,sepsis=caregraph-sepsis,readmission=caregraph-readmission',
        );
        // The API reads it as three models, the primary the default.
        expect([...parseModelEndpoints(value as string)]).toEqual([
          ['cvd-risk', 'caregraph-cvd-risk'],
          ['sepsis', 'caregraph-sepsis'],
          ['readmission', 'caregraph-readmission'],
        ]);
        const endpointNames = Object.values(t.findResources('AWS::SageMaker::Endpoint')).map(
          (e) => (e as Resource).Properties.EndpointName,
        );
        expect(endpointNames.sort()).toEqual([
          'caregraph-cvd-risk',
          'caregraph-readmission',
          'caregraph-sepsis',
        ]);
      });

      it('lets the API invoke exactly those three endpoints, in one statement, without a wildcard', () => {
        // Act
        const sagemaker = statementsOfApi(t).filter((s) =>
          asList(s.Action).some((a) => a.startsWith('sagemaker:')),
        );

        // Assess
        expect(sagemaker).toHaveLength(1);
        expect(sagemaker[0]).toMatchObject({ Effect: 'Allow', Action: 'sagemaker:InvokeEndpoint' });
        expect(sagemaker[0]?.Resource).toEqual(
          expect.arrayContaining([
            endpointArn('caregraph-cvd-risk'),
            endpointArn('caregraph-sepsis'),
            endpointArn('caregraph-readmission'),
          ]),
        );
        expect(sagemaker[0]?.Resource).toHaveLength(3);
        expect(JSON.stringify(sagemaker)).not.toContain('*');
      });

      it('keeps the ModelEndpointName output and adds ModelEndpoints, listing every model as the API is told them', () => {
        expect(t.findOutputs('ModelEndpointName')).toEqual({
          ModelEndpointName: { Value: 'caregraph-cvd-risk' },
        });
        expect(t.findOutputs('ModelEndpoints').ModelEndpoints).toMatchObject({
          Value: apiVariables(t)[envNames.modelEndpoints],
        });
        expect(several.stateless.endpoints.map((e) => e.endpoint.endpointName)).toEqual([
          'caregraph-cvd-risk',
          'caregraph-sepsis',
          'caregraph-readmission',
        ]);
        expect(several.stateless.serving).toBe(several.stateless.endpoints[0]);
      });

      it('refuses a second allowPredictions rather than merging it into the first', () => {
        // Act
        const again = () =>
          several.stateless.api.allowPredictions([
            { name: 'frailty', endpointName: 'caregraph-frailty' },
          ]);

        // Assess
        expect(again).toThrow(
          /allowPredictions: called again with "frailty=caregraph-frailty"; the API already serves "cvd-risk=caregraph-cvd-risk,sepsis=caregraph-sepsis,readmission=caregraph-readmission"/,
        );
      });

      it('names no endpoint and grants no invoke with models=false, whatever servedModels lists', () => {
        const off = buildTestApp({ models: 'false', servedModels }, { complianceChecks: false });
        try {
          const offTemplate = Template.fromStack(off.stateless);
          offTemplate.resourceCountIs('AWS::SageMaker::Endpoint', 0);
          offTemplate.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 0);
          expect(apiVariables(offTemplate)).not.toHaveProperty(envNames.modelEndpoints);
          expect(
            JSON.stringify(offTemplate.findResources('AWS::IAM::ManagedPolicy')),
          ).not.toContain('sagemaker:InvokeEndpoint');
          expect(offTemplate.findOutputs('ModelEndpoint*')).toEqual({});
          expect(off.stateless.endpoints).toEqual([]);
        } finally {
          off.cleanUp();
        }
      });
    });
  });

  describe('ClinicianApi.allowPredictions', () => {
    const apiOf = (models: { name: string; endpointName: string }[]) => () => {
      const fresh = buildTestApp({ models: 'false' }, { complianceChecks: false });
      try {
        fresh.stateless.api.allowPredictions(models);
      } finally {
        fresh.cleanUp();
      }
    };

    it('refuses a list the API would refuse at cold start, or an empty one', () => {
      expect(
        apiOf([
          { name: 'a', endpointName: 'caregraph-a' },
          { name: 'a', endpointName: 'caregraph-b' },
        ]),
      ).toThrow(/ClinicianApi.allowPredictions: model "a" is listed twice/);
      expect(
        apiOf(
          Array.from({ length: maxModelEndpoints + 1 }, (_, i) => ({
            name: `m${i}`,
            endpointName: `caregraph-m${i}`,
          })),
        ),
      ).toThrow(new RegExp(`at most ${maxModelEndpoints} models`));
      expect(apiOf([])).toThrow(/give at least one model/);
    });
  });

  describe('Medication reminders', () => {
    it('invokes the reminders function every minute from EventBridge Scheduler, without retries', () => {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'rate(1 minute)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: Match.objectLike({
          RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 },
        }),
      });
    });

    it('lets the reminders function query due buckets through the index only, claim with puts and publish, never scan or delete', () => {
      const actions = actionsOf('caregraph-reminders');
      expect(actions).toEqual(
        expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'sns:Publish']),
      );
      for (const forbidden of [
        'dynamodb:Scan',
        'dynamodb:DeleteItem',
        'dynamodb:UpdateItem',
        's3:GetObject',
      ])
        expect(actions).not.toContain(forbidden);
      const query = statementsOf('caregraph-reminders').find((st) =>
        asList(st.Action).includes('dynamodb:Query'),
      );
      expect(JSON.stringify(query?.Resource)).toMatch(/index\/byDueMinute/);
    });
  });

  describe('Patient monitoring', () => {
    it('routes PatientDataUpdated from ingest to the monitor function, with retries and a dead-letter queue', () => {
      template.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: { source: ['caregraph.ingest'], 'detail-type': ['PatientDataUpdated'] },
        Targets: [
          Match.objectLike({
            RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 7200 },
            DeadLetterConfig: Match.objectLike({ Arn: Match.anyValue() }),
          }),
        ],
      });
    });

    it('parks invocations that fail after retries in the same DLQ, which pages the operators', () => {
      const [dlqId] = Object.keys(
        template.findResources('AWS::SQS::Queue', {
          Properties: { QueueName: 'caregraph-monitor-dlq' },
        }),
      );
      expect(dlqId).toBeDefined();
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [dlqId, 'Arn'] } } },
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'caregraph-monitor-dlq-not-empty',
        Threshold: 1,
      });
    });

    it('lets ingest put events on the default bus only, and the monitor read timelines, write alerts and publish', () => {
      const put = statementsOf('caregraph-ingest').find((s) =>
        asList(s.Action).includes('events:PutEvents'),
      );
      expect(JSON.stringify(put?.Resource)).toMatch(/event-bus\/default/);
      const actions = actionsOf('caregraph-monitor');
      expect(actions).toEqual(
        expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'sns:Publish']),
      );
      for (const forbidden of ['dynamodb:Scan', 'dynamodb:DeleteItem', 's3:GetObject'])
        expect(actions).not.toContain(forbidden);
    });
  });
});
