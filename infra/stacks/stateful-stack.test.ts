// Tests for the stateful stack's template: what protects PHI at rest and who can sign in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { bucketRoles, tableDefinitions } from '../../shared/config/resources';
import { callerOf, type ApiEvent } from '../../functions/api/http';
import { authorize } from '../../shared/domain/access/policy';
import { clinicianClaims } from '../constructs/clinician-identity';
import { buildTestApp, only, type TestApp } from '../test-support';

type Resource = { Properties: Record<string, unknown>; DeletionPolicy?: string };

describe('Stack: stateful', () => {
  let built: TestApp;
  let template: Template;
  let buckets: Record<string, Resource>;
  let keyLogicalId: string;

  beforeAll(() => {
    // Prepare
    built = buildTestApp({}, { complianceChecks: false });
    template = Template.fromStack(built.stateful);
    buckets = template.findResources('AWS::S3::Bucket') as Record<string, Resource>;
    [keyLogicalId] = Object.keys(template.findResources('AWS::KMS::Key')) as [string];
  });
  afterAll(() => built.cleanUp());

  const bucketFor = (role: string): Resource => {
    const found = Object.entries(buckets).find(([, b]) =>
      JSON.stringify(b.Properties.BucketName).includes(`caregraph-${role}-`),
    );
    if (!found) throw new Error(`no ${role} bucket`);
    return found[1];
  };

  describe('Key', () => {
    it('is a single customer-managed key with yearly rotation, retained on stack deletion', () => {
      template.resourceCountIs('AWS::KMS::Key', 1);
      template.hasResource('AWS::KMS::Key', {
        Properties: { EnableKeyRotation: true, RotationPeriodInDays: 365 },
        DeletionPolicy: 'Retain',
      });
    });

    it('lets CloudWatch Logs use the key only for log groups of this account', () => {
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Sid: 'CloudWatchLogsEncryptsThisAccountsLogGroups',
              Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.anyValue() } },
            }),
          ]),
        },
      });
    });
  });

  describe('Buckets', () => {
    it.each(bucketRoles)('encrypts the %s bucket with the customer-managed key', (role) => {
      const encryption = (
        bucketFor(role).Properties.BucketEncryption as {
          ServerSideEncryptionConfiguration: unknown[];
        }
      ).ServerSideEncryptionConfiguration[0];
      expect(encryption).toMatchObject({
        ServerSideEncryptionByDefault: {
          SSEAlgorithm: 'aws:kms',
          KMSMasterKeyID: { 'Fn::GetAtt': [keyLogicalId, 'Arn'] },
        },
      });
    });

    it.each(bucketRoles)(
      'versions, retains and logs the %s bucket to the audit-log bucket',
      (role) => {
        const bucket = bucketFor(role);
        expect(bucket.DeletionPolicy).toBe('Retain');
        expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
        expect(bucket.Properties.LoggingConfiguration).toMatchObject({
          DestinationBucketName: { Ref: expect.stringMatching(/AuditLogs/) },
          LogFilePrefix: `s3-access/${role}/`,
        });
      },
    );

    it('keeps the audit-log bucket on SSE-S3, versioned, with an expiry', () => {
      const audit = bucketFor('audit-logs');
      expect(audit.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      });
      expect(audit.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(JSON.stringify(audit.Properties.LifecycleConfiguration)).toContain(
        '"ExpirationInDays":2192',
      );
    });

    it('blocks every kind of public access on every bucket', () => {
      expect(Object.keys(buckets)).toHaveLength(bucketRoles.length + 1);
      for (const bucket of Object.values(buckets)) {
        expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        });
      }
    });

    it('denies every request made without TLS, on every bucket', () => {
      for (const bucketId of Object.keys(buckets)) {
        template.hasResourceProperties('AWS::S3::BucketPolicy', {
          Bucket: { Ref: bucketId },
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Effect: 'Deny',
                Action: 's3:*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              }),
            ]),
          },
        });
      }
    });
  });

  describe('Tables', () => {
    it.each(tableDefinitions.map((d) => [d.logicalName, d] as const))(
      'builds the %s table from its definition in shared/config/resources.ts',
      (_name, def) => {
        template.hasResource('AWS::DynamoDB::Table', {
          Properties: Match.objectLike({
            TableName: `caregraph-${def.logicalName}`,
            BillingMode: 'PAY_PER_REQUEST',
            KeySchema: [
              { AttributeName: def.partitionKey.name, KeyType: 'HASH' },
              ...(def.sortKey ? [{ AttributeName: def.sortKey.name, KeyType: 'RANGE' }] : []),
            ],
            GlobalSecondaryIndexes: def.globalSecondaryIndexes.length
              ? def.globalSecondaryIndexes.map((i) =>
                  Match.objectLike({
                    IndexName: i.indexName,
                    KeySchema: [
                      { AttributeName: i.partitionKey.name, KeyType: 'HASH' },
                      ...(i.sortKey ? [{ AttributeName: i.sortKey.name, KeyType: 'RANGE' }] : []),
                    ],
                  }),
                )
              : Match.absent(),
            TimeToLiveSpecification: def.timeToLiveAttribute
              ? { AttributeName: def.timeToLiveAttribute, Enabled: true }
              : Match.absent(),
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            SSESpecification: {
              SSEEnabled: true,
              SSEType: 'KMS',
              KMSMasterKeyId: { 'Fn::GetAtt': [keyLogicalId, 'Arn'] },
            },
            DeletionProtectionEnabled: true,
          }),
          DeletionPolicy: 'Retain',
        });
      },
    );

    it('backs every table up with AWS Backup into a vault encrypted with the key', () => {
      template.hasResourceProperties('AWS::Backup::BackupVault', {
        EncryptionKeyArn: { 'Fn::GetAtt': [keyLogicalId, 'Arn'] },
      });
      const selection = JSON.stringify(template.findResources('AWS::Backup::BackupSelection'));
      for (const def of tableDefinitions) expect(selection).toContain(`Tables${def.logicalName}`);
    });
  });

  describe('Clinician identity', () => {
    it('requires TOTP MFA, a strong password and admin-created accounts, with threat protection on', () => {
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 14,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        Schema: Match.arrayWith([
          Match.objectLike({ Name: 'hospital', AttributeDataType: 'String' }),
          Match.objectLike({ Name: 'role', AttributeDataType: 'String' }),
        ]),
      });
    });

    it('has a patient attribute for patient-role users, an admin-set string that holds a FHIR id', () => {
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        Schema: Match.arrayWith([
          Match.objectLike({
            Name: 'patient',
            AttributeDataType: 'String',
            Mutable: true,
            StringAttributeConstraints: { MinLength: '1', MaxLength: '64' },
          }),
        ]),
      });
    });

    it('lets the app client read hospital, role and patient but never write them', () => {
      const [client] = Object.values(
        template.findResources('AWS::Cognito::UserPoolClient'),
      ) as Resource[];
      expect(client?.Properties.ReadAttributes).toEqual(
        expect.arrayContaining(['custom:hospital', 'custom:role', 'custom:patient']),
      );
      for (const attribute of ['custom:hospital', 'custom:role', 'custom:patient'])
        expect(client?.Properties.WriteAttributes, attribute).not.toContain(attribute);
    });

    it('names the attributes as the API reads them from the ID token: a patient-role caller is scoped to their record', () => {
      // Cognito puts a custom attribute `x` the client may read into ID tokens as `custom:x`.
      const pool = only(template.findResources('AWS::Cognito::UserPool'));
      const schema = (pool.Properties.Schema as { Name: string }[]).map((a) => a.Name);
      const claims: Record<string, string> = { sub: 'user-1' };
      const values = {
        hospital: 'north',
        role: 'patient',
        patient: 'abcdef0123456789abcdef0123456789',
      };
      for (const [name, attribute] of Object.entries(clinicianClaims)) {
        expect(schema, attribute).toContain(attribute);
        claims[`custom:${attribute}`] = values[name as keyof typeof values];
      }
      const caller = callerOf({
        requestContext: { authorizer: { jwt: { claims, scopes: [] } } },
      } as unknown as ApiEvent);
      expect(caller).toEqual({
        subject: 'user-1',
        hospital: 'north',
        role: 'patient',
        patient: values.patient,
      });
      // Their own record is served; another patient's is not found.
      expect(authorize(caller, 'patient:read', { patient: values.patient })).toBe('PATRQT');
      expect(() => authorize(caller, 'patient:read', { patient: 'f'.repeat(32) })).toThrow(
        /no such patient/,
      );
    });

    it('offers no OAuth implicit grant and no client secret', () => {
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        AllowedOAuthFlows: Match.absent(),
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      });
    });
  });

  describe('Network', () => {
    it('has isolated subnets only: no internet gateway and no NAT', () => {
      template.resourceCountIs('AWS::EC2::InternetGateway', 0);
      template.resourceCountIs('AWS::EC2::NatGateway', 0);
      template.resourceCountIs('AWS::EC2::Subnet', 2);
    });

    it('reaches S3 and DynamoDB through gateway endpoints and KMS, Secrets Manager, SNS, EventBridge and SageMaker Runtime through interface endpoints', () => {
      const endpoints = JSON.stringify(template.findResources('AWS::EC2::VPCEndpoint'));
      for (const service of [
        '.s3',
        '.dynamodb',
        '.kms',
        '.secretsmanager',
        '.sns',
        '.events',
        '.sagemaker.runtime',
      ])
        expect(endpoints).toContain(service);
      template.resourcePropertiesCountIs(
        'AWS::EC2::VPCEndpoint',
        { VpcEndpointType: 'Interface', PrivateDnsEnabled: true },
        5,
      );
      template.resourceCountIs('AWS::EC2::VPCEndpoint', 2 + 5);
    });

    it('lets the API invoke the model endpoint privately: SageMaker Runtime, private DNS, HTTPS from the VPC only', () => {
      const [runtime, ...others] = Object.values(
        template.findResources('AWS::EC2::VPCEndpoint', {
          Properties: {
            ServiceName: {
              'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.sagemaker.runtime']],
            },
          },
        }),
      ) as Resource[];
      expect(others).toHaveLength(0);
      expect(runtime?.Properties).toMatchObject({
        VpcEndpointType: 'Interface',
        PrivateDnsEnabled: true,
      });
      // The same security group as the other interface endpoints: 443 from the VPC's CIDR only.
      const groups = runtime?.Properties.SecurityGroupIds as { 'Fn::GetAtt': [string, string] }[];
      expect(groups).toHaveLength(1);
      const groupId = groups[0]!['Fn::GetAtt'][0];
      expect(groupId).toMatch(/EndpointSecurityGroup/);
      const group = template.toJSON().Resources[groupId] as Resource;
      expect(group.Properties.SecurityGroupIngress).toEqual([
        expect.objectContaining({ CidrIp: '10.40.0.0/16', FromPort: 443, ToPort: 443 }),
      ]);
    });

    it('records all traffic in flow logs, delivered to the audit-log bucket', () => {
      const [flowLog] = Object.values(template.findResources('AWS::EC2::FlowLog')) as Resource[];
      expect(flowLog?.Properties).toMatchObject({ TrafficType: 'ALL', LogDestinationType: 's3' });
      expect(JSON.stringify(flowLog?.Properties.LogDestination)).toMatch(/AuditLogs/);
    });
  });
});
