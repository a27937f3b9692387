// Infra entry point (`cdk.json` runs it): builds the app's two stacks and the compliance checks every synth must pass.
import { pathToFileURL } from 'node:url';
import { App, Tags, Validations, type Environment } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { StatefulStack } from '../stacks/stateful-stack';
import { StatelessStack } from '../stacks/stateless-stack';
import { readSettings } from './settings';

export interface BuildAppProps {
  /** Context as `-c key=value` would give it; the CLI's own context still takes precedence. */
  context?: Record<string, unknown>;
  /** Where the cloud assembly goes; tests give a temporary directory. */
  outdir?: string;
  /**
   * Run the cdk-nag AWS Solutions and HIPAA Security packs during synth (default true). Only
   * unit tests that assert on one stack's template turn this off, to stay fast; the app itself
   * and the compliance test always run them.
   */
  complianceChecks?: boolean;
}

export interface CaregraphApp {
  app: App;
  stateful: StatefulStack;
  stateless: StatelessStack;
}

/**
 * Register the cdk-nag packs as CDK policy-validation plugins. An unacknowledged finding makes
 * synthesis fail: in-process (tests) `app.synth()` throws with the report, under the CLI
 * `cdk synth` prints it and exits non-zero. Findings are acknowledged only beside the construct
 * they concern, with `Validations.of(construct).acknowledge({ id, reason })`.
 */
export function addComplianceChecks(app: App): void {
  Validations.of(app).addPlugins(
    // The pack also copies every acknowledgement into the template metadata (`cdk_nag`), so an
    // auditor reading the deployed template sees what was accepted and why.
    new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }),
    new HIPAASecurityChecks(app),
  );
}

/** Build the caregraph CDK app without synthesising it: `cdk synth` and the tests share this. */
export function buildApp(props: BuildAppProps = {}): CaregraphApp {
  const app = new App({ context: props.context, outdir: props.outdir });
  const settings = readSettings(app.node);
  const { prefix } = settings;
  const env: Environment | undefined =
    settings.account || settings.region
      ? { account: settings.account, region: settings.region }
      : undefined;

  const stateful = new StatefulStack(app, `${prefix}-stateful`, {
    env,
    prefix,
    auditLogRetentionDays: settings.auditLogRetentionDays,
    description: `${prefix}: KMS key, PHI buckets, tables, clinician identity, private network`,
    terminationProtection: true,
  });
  const stateless = new StatelessStack(app, `${prefix}-stateless`, {
    env,
    prefix,
    stateful: stateful.resources,
    logLevel: settings.logLevel,
    logRetention: settings.logRetentionDays as logs.RetentionDays,
    ingestReservedConcurrency: settings.ingestReservedConcurrency,
    apiReservedConcurrency: settings.apiReservedConcurrency,
    apiRateLimit: settings.apiRateLimit,
    apiBurstLimit: settings.apiBurstLimit,
    alarmEmail: settings.alarmEmail,
    description: `${prefix}: ingest pipeline, clinician API, alarms`,
  });
  // The stateless stack names the buckets and tables rather than referencing them, so the order is stated here.
  stateless.addStackDependency(stateful, 'functions use buckets, tables and the key by name');

  Tags.of(app).add('project', 'caregraph');
  Tags.of(app).add('deployment', prefix);
  Tags.of(stateful).add('data-classification', 'phi');

  if (props.complianceChecks ?? true) addComplianceChecks(app);
  return { app, stateful, stateless };
}

// Run by the CDK CLI (`npx tsx infra/bin/app.ts`); imported by tests, where it must not synthesise.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildApp().app.synth();
}
