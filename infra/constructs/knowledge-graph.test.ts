// Tests for the knowledge graph in both stacks: the Neptune cluster and loader role (stateful), the
// kg-update function, its event routes and who may reach the graph (stateless).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { envNames } from '../../shared/config/config';
import { literaturePrefix as handlerLiteraturePrefix } from '../../functions/kg-update/make-handler';
import {
  buildTestApp,
  type TestApp,
  asList,
  only,
  type TemplateResource as Resource,
  type TemplateStatement as Statement,
} from '../test-support';
import { graphReadActions, graphWriteActions } from './graph-access';
import { graphEngineVersion } from './knowledge-graph';
import { objectPrefixFinding } from './data-access';
import { kgUpdateRetries, literaturePrefix } from './kg-update-function';

describe('Construct: KnowledgeGraph and KgUpdate', () => {
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

  const functionNamed = (name: string): Resource =>
    only(stateless.findResources('AWS::Lambda::Function', { Properties: { FunctionName: name } }));
  const policyOf = (template: Template, roleRef: string): Statement[] => {
    const policy = (
      Object.values(template.findResources('AWS::IAM::ManagedPolicy')) as Resource[]
    ).find((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleRef }]));
    if (!policy) throw new Error(`no managed policy for ${roleRef}`);
    return (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
  };
  const statementsOf = (functionName: string): Statement[] =>
    policyOf(
      stateless,
      (functionNamed(functionName).Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0],
    );
  const actionsOf = (functionName: string) =>
    statementsOf(functionName).flatMap((s) => asList(s.Action));

  describe('Neptune cluster', () => {
    it('is Neptune Serverless on engine 1.4.5.1 with the default capacity of 1 to 8 NCUs', () => {
      expect(graphEngineVersion).toBe('1.4.5.1');
      stateful.hasResourceProperties('AWS::Neptune::DBCluster', {
        DBClusterIdentifier: 'caregraph-graph',
        EngineVersion: '1.4.5.1',
        ServerlessScalingConfiguration: { MinCapacity: 1, MaxCapacity: 8 },
      });
      const instance = only(stateful.findResources('AWS::Neptune::DBInstance'));
      expect(instance.Properties).toMatchObject({
        DBInstanceClass: 'db.serverless',
        AutoMinorVersionUpgrade: true,
      });
    });

    it('requires IAM auth, encrypts with the data key, protects from deletion and keeps 14 days of backups', () => {
      const [keyId] = Object.keys(stateful.findResources('AWS::KMS::Key'));
      const cluster = only(stateful.findResources('AWS::Neptune::DBCluster'));
      expect(cluster.Properties).toMatchObject({
        IamAuthEnabled: true,
        StorageEncrypted: true,
        KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
        DeletionProtection: true,
        BackupRetentionPeriod: 14,
      });
      expect(cluster.DeletionPolicy).toBe('Snapshot');
    });

    it('exports the audit log, switched on in its parameter group, into an encrypted, retained log group', () => {
      stateful.hasResourceProperties('AWS::Neptune::DBCluster', {
        EnableCloudwatchLogsExports: ['audit'],
      });
      stateful.hasResourceProperties('AWS::Neptune::DBClusterParameterGroup', {
        Family: 'neptune1.4',
        Parameters: { neptune_enable_audit_log: '1' },
      });
      stateful.hasResource('AWS::Logs::LogGroup', {
        Properties: {
          LogGroupName: '/aws/neptune/cluster/caregraph-graph/audit',
          KmsKeyId: Match.anyValue(),
          RetentionInDays: 2192,
        },
        DeletionPolicy: 'Retain',
      });
    });

    it('lives in the isolated subnets behind a security group with no ingress of its own', () => {
      const subnets = only(stateful.findResources('AWS::Neptune::DBSubnetGroup'));
      expect(JSON.stringify(subnets.Properties.SubnetIds)).toMatch(
        /isolatedSubnet1.*isolatedSubnet2/,
      );
      const groups = stateful.findResources('AWS::EC2::SecurityGroup', {
        Properties: { GroupDescription: Match.stringLikeRegexp('^caregraph-graph') },
      });
      const group = only(groups);
      expect(group.Properties.SecurityGroupIngress).toBeUndefined();
      expect(group.Properties.SecurityGroupEgress).toEqual([
        expect.objectContaining({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }),
      ]);
    });

    it('adds a failover reader per graphReplicas and takes the capacity from context', () => {
      const other = buildTestApp(
        { graphReplicas: 1, graphMinCapacity: '2.5', graphMaxCapacity: 32 },
        { complianceChecks: false },
      );
      try {
        const template = Template.fromStack(other.stateful);
        template.resourceCountIs('AWS::Neptune::DBInstance', 2);
        template.hasResourceProperties('AWS::Neptune::DBCluster', {
          ServerlessScalingConfiguration: { MinCapacity: 2.5, MaxCapacity: 32 },
        });
      } finally {
        other.cleanUp();
      }
    });
  });

  describe('Bulk loader role', () => {
    it('is assumed by Neptune and associated with the cluster', () => {
      const [roleId] = Object.keys(
        stateful.findResources('AWS::IAM::Role', {
          Properties: {
            AssumeRolePolicyDocument: {
              Statement: [Match.objectLike({ Principal: { Service: 'rds.amazonaws.com' } })],
            },
          },
        }),
      );
      expect(roleId).toBeDefined();
      stateful.hasResourceProperties('AWS::Neptune::DBCluster', {
        AssociatedRoles: [{ RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] } }],
      });
    });

    it('reads graph-staging/ of the curated bucket only, and decrypts through S3 only', () => {
      const [roleId] = Object.keys(
        stateful.findResources('AWS::IAM::Role', {
          Properties: { Description: Match.stringLikeRegexp('bulk loader') },
        }),
      );
      const statements = policyOf(stateful, roleId!);
      expect(statements.flatMap((s) => asList(s.Action)).sort()).toEqual([
        'kms:Decrypt',
        's3:GetObject',
        's3:ListBucket',
      ]);
      const read = statements.find((s) => asList(s.Action).includes('s3:GetObject'));
      expect(JSON.stringify(read?.Resource)).toMatch(/BucketsCurated.*\/graph-staging\/\*/);
      const list = statements.find((s) => asList(s.Action).includes('s3:ListBucket'));
      expect(list?.Condition).toEqual({ StringLike: { 's3:prefix': ['graph-staging/*'] } });
      const decrypt = statements.find((s) => asList(s.Action).includes('kms:Decrypt'));
      expect(JSON.stringify(decrypt?.Condition)).toContain('kms:ViaService');
    });
  });

  describe('kg-update function', () => {
    it('runs in the VPC with the SPARQL endpoint and loader role of the cluster', () => {
      const fn = functionNamed('caregraph-kg-update');
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        VpcConfig: { SubnetIds: expect.any(Array), SecurityGroupIds: expect.any(Array) },
        ReservedConcurrentExecutions: 5,
      });
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      const endpoint = JSON.stringify(variables[envNames.sparqlEndpoint]);
      expect(endpoint).toMatch(
        /^\{"Fn::Join":\["",\["https:\/\/",.*GraphCluster.*Endpoint.*":",.*Port/,
      );
      expect(JSON.stringify(variables[envNames.graphLoaderRoleArn])).toMatch(/GraphLoaderRole/);
    });

    it('may query, update and bulk-load this cluster only, through its IAM resource id', () => {
      const graph = statementsOf('caregraph-kg-update').find(
        (s) => s.Sid === 'QueryAndUpdateGraph',
      );
      expect(asList(graph!.Action).sort()).toEqual([...graphWriteActions].sort());
      expect(graphWriteActions).toEqual(
        expect.arrayContaining([
          'neptune-db:connect',
          'neptune-db:ReadDataViaQuery',
          'neptune-db:WriteDataViaQuery',
          'neptune-db:DeleteDataViaQuery',
          'neptune-db:StartLoaderJob',
          'neptune-db:GetLoaderJobStatus',
        ]),
      );
      expect(JSON.stringify(graph!.Resource)).toMatch(
        /:neptune-db:.*ClusterResourceId.*\/\*"\]\]\}$/,
      );
    });

    it('reads curated notes and literature, writes staged N-Quads, and no other S3 object', () => {
      const s3Grants = statementsOf('caregraph-kg-update')
        .filter((s) => asList(s.Action).some((a) => a.startsWith('s3:')))
        .map((s) => `${asList(s.Action).sort().join('+')} ${JSON.stringify(s.Resource)}`);
      expect(s3Grants).toHaveLength(3);
      const notes = s3Grants.find((g) => g.includes('/notes/'));
      expect(notes).toMatch(/^s3:GetObject .*caregraph-curated-.*\/notes\/\*/);
      expect(notes).toMatch(/caregraph-curated-.*\/curated\/\*\/DocumentReference\/\*/);
      expect(s3Grants.join('\n')).toMatch(/^s3:GetObject .*caregraph-raw-.*\/literature\/\*/m);
      expect(s3Grants.join('\n')).toMatch(
        /^s3:AbortMultipartUpload\+s3:PutObject .*caregraph-curated-.*\/graph-staging\/\*/m,
      );
    });

    it('is told no imported vocabulary and may read none by default', () => {
      const variables = (
        functionNamed('caregraph-kg-update').Properties.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
      expect(variables).not.toHaveProperty(envNames.nlpVocabularyKeys);
      expect(JSON.stringify(statementsOf('caregraph-kg-update'))).not.toContain('vocabulary/');
    });

    it('with context nlpVocabularyKeys, is told the keys and may GetObject exactly those curated objects', () => {
      const other = buildTestApp(
        { nlpVocabularyKeys: 'vocabulary/mesh-2025.jsonl, vocabulary/umls.jsonl' },
        { complianceChecks: false },
      );
      try {
        const template = Template.fromStack(other.stateless);
        const fn = only(
          template.findResources('AWS::Lambda::Function', {
            Properties: { FunctionName: 'caregraph-kg-update' },
          }),
        );
        const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> })
          .Variables;
        expect(variables[envNames.nlpVocabularyKeys]).toBe(
          'vocabulary/mesh-2025.jsonl,vocabulary/umls.jsonl',
        );
        const statements = policyOf(
          template,
          (fn.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0],
        );
        const read = statements.filter((st) => st.Sid === 'ReadImportedVocabularies');
        expect(read).toHaveLength(1);
        expect(asList(read[0]!.Action)).toEqual(['s3:GetObject']);
        const resources = (read[0]!.Resource as unknown[]).map((r) => JSON.stringify(r));
        expect(resources).toHaveLength(2);
        expect(resources[0]).toMatch(
          /:s3:::caregraph-curated-.*"\/vocabulary\/mesh-2025\.jsonl"\]\]\}$/,
        );
        expect(resources[1]).toMatch(
          /:s3:::caregraph-curated-.*"\/vocabulary\/umls\.jsonl"\]\]\}$/,
        );
        for (const resource of resources) {
          expect(resource).not.toContain('*');
          expect(resource).not.toMatch(/caregraph-raw|quarantine/);
        }
        // Only that statement names vocabulary/; the other functions are not told or granted it.
        expect(statements.filter((st) => JSON.stringify(st).includes('vocabulary/'))).toEqual(read);
        for (const name of ['caregraph-ingest', 'caregraph-api', 'caregraph-monitor']) {
          const other = only(
            template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: name } }),
          );
          expect(JSON.stringify(other.Properties.Environment)).not.toContain(
            envNames.nlpVocabularyKeys,
          );
        }
      } finally {
        other.cleanUp();
      }
    });

    it('passes the cdk-nag gate with vocabularies configured, with no acknowledgement for them', () => {
      const other = buildTestApp({ nlpVocabularyKeys: 'vocabulary/mesh-2025.jsonl' });
      try {
        // In-process synth throws the validation report when a finding is left unacknowledged.
        other.app.synth();
        const template = JSON.stringify(Template.fromStack(other.stateless).toJSON());
        expect(template).not.toContain(objectPrefixFinding('caregraph', 'curated', 'vocabulary/'));
      } finally {
        other.cleanUp();
      }
    });

    it.each([
      ['a key outside vocabulary/', 'models/mesh.jsonl'],
      ['a key not ending .jsonl', 'vocabulary/desc2025.xml'],
      [
        'more than ten keys',
        Array.from({ length: 11 }, (_, i) => `vocabulary/${i}.jsonl`).join(','),
      ],
    ])('rejects context nlpVocabularyKeys with %s, naming it', (_case, value) => {
      expect(() => buildTestApp({ nlpVocabularyKeys: value }, { complianceChecks: false })).toThrow(
        /invalid CDK context: nlpVocabularyKeys: /,
      );
    });

    it('has no inline or AWS-managed policy and no wildcard action', () => {
      const roleId = (
        functionNamed('caregraph-kg-update').Properties.Role as { 'Fn::GetAtt': [string] }
      )['Fn::GetAtt'][0];
      const role = stateless.toJSON().Resources[roleId] as Resource;
      expect(role.Properties.Policies).toBeUndefined();
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      for (const action of actionsOf('caregraph-kg-update')) expect(action).not.toContain('*');
    });

    it('routes NoteCurated from ingest to the function, with retries and the dead-letter queue', () => {
      stateless.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: { source: ['caregraph.ingest'], 'detail-type': ['NoteCurated'] },
        Targets: [
          Match.objectLike({
            RetryPolicy: {
              MaximumRetryAttempts: kgUpdateRetries.delivery,
              MaximumEventAgeInSeconds: 7200,
            },
            DeadLetterConfig: {
              Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('KnowledgeGraphDeadLetters'), 'Arn'] },
            },
          }),
        ],
      });
    });

    it('routes S3 Object Created under literature/ of the raw bucket, the prefix the handler expects', () => {
      expect(literaturePrefix).toBe(handlerLiteraturePrefix);
      stateless.hasResourceProperties('Custom::S3BucketNotifications', {
        BucketName: {
          'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^caregraph-raw-')])],
        },
        NotificationConfiguration: { EventBridgeConfiguration: {} },
      });
      const rule = only(
        stateless.findResources('AWS::Events::Rule', {
          Properties: { EventPattern: { source: ['aws.s3'] } },
        }),
      );
      expect(rule.Properties.EventPattern).toMatchObject({
        'detail-type': ['Object Created'],
        detail: { object: { key: [{ prefix: 'literature/' }] } },
      });
      expect(JSON.stringify(rule.Properties.EventPattern)).toContain('caregraph-raw-');
    });

    it('parks events whose invocations all fail in the same encrypted DLQ, which pages the operators', () => {
      const [dlqId] = Object.keys(
        stateless.findResources('AWS::SQS::Queue', {
          Properties: { QueueName: 'caregraph-kg-update-dlq', KmsMasterKeyId: Match.anyValue() },
        }),
      );
      stateless.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        MaximumRetryAttempts: kgUpdateRetries.invocation,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [dlqId, 'Arn'] } } },
      });
      const send = statementsOf('caregraph-kg-update').find((s) =>
        asList(s.Action).includes('sqs:SendMessage'),
      );
      expect(send?.Resource).toEqual({ 'Fn::GetAtt': [dlqId, 'Arn'] });
      // EventBridge writes undeliverable events into the KMS-encrypted DLQ, so the key admits it.
      stateful.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Sid: 'EventBridgeDeadLettersIntoEncryptedQueues',
              Principal: { Service: 'events.amazonaws.com' },
              Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
              Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
            }),
          ]),
        },
      });
      stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'caregraph-kg-update-dlq-not-empty',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
        Threshold: 1,
      });
    });
  });

  describe('Network path and read access', () => {
    it('admits 8182 to the cluster only from the kg-update and API functions', () => {
      const ingress = Object.values(
        stateless.findResources('AWS::EC2::SecurityGroupIngress'),
      ) as Resource[];
      expect(ingress.map((r) => JSON.stringify(r.Properties.SourceSecurityGroupId)).sort()).toEqual(
        [
          expect.stringMatching(/ClinicianApiSecurityGroup/),
          expect.stringMatching(/KnowledgeGraphKgUpdateSecurityGroup/),
        ],
      );
      for (const rule of ingress) {
        expect(rule.Properties).toMatchObject({ IpProtocol: 'tcp', FromPort: 8182, ToPort: 8182 });
        expect(JSON.stringify(rule.Properties.GroupId)).toMatch(/GraphSecurityGroup/);
      }
    });

    it('lets the API read the graph (GET /kg) and never write it', () => {
      const graph = statementsOf('caregraph-api').find((s) => s.Sid === 'QueryGraph');
      expect(asList(graph!.Action).sort()).toEqual([...graphReadActions].sort());
      expect(actionsOf('caregraph-api')).not.toContain('neptune-db:WriteDataViaQuery');
      const variables = (
        functionNamed('caregraph-api').Properties.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
      expect(JSON.stringify(variables[envNames.sparqlEndpoint])).toMatch(/GraphCluster/);
    });

    it('gives the graph to no other function', () => {
      for (const name of ['caregraph-ingest', 'caregraph-monitor', 'caregraph-reminders']) {
        expect(actionsOf(name).filter((a) => a.startsWith('neptune-db:'))).toEqual([]);
      }
    });
  });
});
