// Tests for the CDK app as `cdk synth` builds it: the cdk-nag gate and the deployment prefix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { ConfigurationError } from '../../shared/domain/errors';
import { buildTestApp, type TestApp } from '../test-support';

describe('App: caregraph', () => {
  const built: TestApp[] = [];
  const track = (app: TestApp): TestApp => (built.push(app), app);
  afterEach(() => built.splice(0).forEach((b) => b.cleanUp()));

  describe('compliance gate (cdk-nag AWS Solutions + HIPAA Security)', () => {
    it('synthesises both stacks with no unacknowledged finding', () => {
      // Prepare
      const { app, outdir } = track(buildTestApp());

      // Act: with findings left, synth throws the validation report (in-process mode)
      const assembly = app.synth();

      // Assess
      expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual([
        'caregraph-stateful',
        'caregraph-stateless',
      ]);
      const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
        pluginReports: { violations?: unknown[] }[];
      };
      expect(report.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
      // The same packs run directly on the tree, independent of how CDK invokes plugins.
      for (const pack of [new AwsSolutionsChecks(), new HIPAASecurityChecks()]) {
        expect(pack.validateScope(app).violations, pack.readPackName).toEqual([]);
      }
    });

    it('fails synthesis when a construct breaks a rule without an acknowledgement', () => {
      // Prepare: the real app plus one bucket that is neither KMS-encrypted nor access-logged
      const { app, stateful } = track(buildTestApp());
      new s3.Bucket(stateful, 'UnencryptedProbe', {
        encryption: s3.BucketEncryption.S3_MANAGED,
        enforceSSL: true,
        versioned: true,
      });

      // Act
      const failure = (() => {
        try {
          app.synth();
        } catch (error) {
          return (error as Error).message;
        }
        return 'synthesised without error';
      })();

      // Assess: the report names the resource and the rules it breaks
      expect(failure).toContain('caregraph-stateful/UnencryptedProbe/Resource');
      expect(failure).toContain('HIPAA.Security-S3DefaultEncryptionKMS');
      expect(failure).toContain('AwsSolutions-S1');
    });

    it('writes every acknowledgement and its reason into the template metadata for auditors', () => {
      const { app, stateful } = track(buildTestApp());
      app.synth();
      const raw = Object.values(Template.fromStack(stateful).findResources('AWS::S3::Bucket')).find(
        (b) => JSON.stringify(b).includes('caregraph-raw-'),
      );
      expect(raw?.Metadata?.cdk_nag?.rules_to_suppress).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: 'HIPAA.Security-S3BucketReplicationEnabled',
            reason: expect.stringMatching(/.{40,}/),
          }),
        ]),
      );
    });
  });

  describe('deployment prefix', () => {
    it('names stacks, tables and buckets after the `prefix` context value', () => {
      const { stateful, stateless } = track(
        buildTestApp({ prefix: 'caregraph-dev' }, { complianceChecks: false }),
      );
      expect([stateful.stackName, stateless.stackName]).toEqual([
        'caregraph-dev-stateful',
        'caregraph-dev-stateless',
      ]);
      const template = Template.fromStack(stateful);
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        TableName: 'caregraph-dev-serving',
      });
      expect(JSON.stringify(template.findResources('AWS::S3::Bucket'))).toContain(
        'caregraph-dev-raw-',
      );
    });

    it('rejects a prefix that cannot be part of a bucket name', () => {
      expect(() => buildTestApp({ prefix: 'Caregraph_Dev' }, { complianceChecks: false })).toThrow(
        ConfigurationError,
      );
    });
  });
});
