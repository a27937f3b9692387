// Stateless construct: one caregraph Lambda the way every caregraph Lambda is built (bundling, network, logs, IAM).
import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The repository root: entries, the lockfile and tsconfig.json are resolved from here. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

// ESM bundles have no `require`; CommonJS dependencies that call it (through esbuild's shim) need
// one. Aliased import so it cannot collide with a `createRequire` the bundle itself imports.
const esmRequireBanner =
  "import { createRequire as __caregraphCreateRequire } from 'node:module'; " +
  'const require = __caregraphCreateRequire(import.meta.url);';

export interface PipelineFunctionProps {
  prefix: string;
  /** Short name: the function is `${prefix}-${name}`, its log group `/aws/lambda/${prefix}-${name}`. */
  name: string;
  /** Entry file relative to the repository root, e.g. `functions/ingest/handler.ts`. */
  entry: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  reservedConcurrentExecutions: number;
  environment: Record<string, string>;
  vpc: ec2.IVpc;
  /** Encrypts the log group; its key policy must already admit CloudWatch Logs (see DataKey). */
  logKey: kms.IKey;
  logRetention: logs.RetentionDays;
}

/**
 * A Node.js 22 / ARM64 function bundled as ESM with source maps, in the isolated subnets, traced,
 * with a bounded concurrency and an encrypted log group it owns.
 *
 * Its permissions live in one customer-managed policy (`policy`) that lists every action the
 * function may take, so a reviewer reads one document. The role is handed to Lambda as
 * immutable: CDK's implicit grants (`table.grantRead(fn)`, tracing, VPC, event sources) are
 * dropped instead of growing an inline policy, so every permission must be added with `allow()`.
 * A grant that seems to do nothing is the sign that it belongs in `allow()`.
 */
export class PipelineFunction extends Construct {
  readonly fn: nodejs.NodejsFunction;
  readonly policy: iam.ManagedPolicy;
  readonly logGroup: logs.LogGroup;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    super(scope, id);
    const functionName = `${props.prefix}-${props.name}`;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: props.logRetention,
      encryptionKey: props.logKey,
      // Logs may carry identifiers needed in an investigation; they outlive the function.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Outbound HTTPS only: in isolated subnets that reaches the VPC endpoints and nothing else.
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `${functionName}: HTTPS to VPC endpoints only`,
      allowAllOutbound: false,
    });
    this.securityGroup.addEgressRule(
      ec2.Peer.anyIpv4(),
      ec2.Port.tcp(443),
      'HTTPS to VPC endpoints',
    );

    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${functionName}; permissions are in its managed policy only`,
    });
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: `Everything ${functionName} may do`,
      roles: [role],
      statements: baselineStatements(this.logGroup),
    });

    this.fn = new nodejs.NodejsFunction(this, 'Function', {
      functionName,
      description: props.description,
      entry: `${repositoryRoot}${props.entry}`,
      handler: 'handler',
      projectRoot: repositoryRoot,
      depsLockFilePath: `${repositoryRoot}package-lock.json`,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: role.withoutPolicyUpdates(),
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: [this.securityGroup],
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: esmRequireBanner,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // Bundle the SDK version the tests ran against instead of whatever the runtime ships.
        bundleAwsSDK: true,
      },
    });
    // The immutable role hides the policy from CDK's ordering: without this, Lambda could be
    // created (and validate its VPC permissions) before the policy is attached.
    this.fn.node.addDependency(this.policy);

    Validations.of(this.policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only X-Ray PutTraceSegments/PutTelemetryRecords and the Lambda VPC ENI actions (ec2:*NetworkInterface*, ' +
        'DescribeSubnets) use "*": those actions do not support resource-level permissions.',
    });
    Validations.of(this.fn).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason:
          'nodejs22.x (a Lambda-supported Node LTS line) is the platform decision for this release; moving to ' +
          'nodejs24.x is a separate change that needs the test toolchain moved with it.',
      },
      {
        id: 'HIPAA.Security-LambdaDLQ',
        reason:
          'Callers invoke synchronously (SQS event source mapping, API Gateway); a function DLQ only catches ' +
          'asynchronous invocations. Failed ingest messages are kept by the source queue redrive DLQ.',
      },
    );
  }

  /** Add permissions to the function's managed policy: the only way this function gains any. */
  allow(...statements: iam.PolicyStatement[]): void {
    this.policy.addStatements(...statements);
  }
}

/** What any function needs to run: write its own logs, send traces, attach to the VPC. */
function baselineStatements(logGroup: logs.ILogGroup): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'WriteOwnLogs',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    }),
    new iam.PolicyStatement({
      sid: 'SendTraces',
      actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
      resources: ['*'],
    }),
    new iam.PolicyStatement({
      sid: 'AttachToVpc',
      actions: [
        'ec2:CreateNetworkInterface',
        'ec2:DescribeNetworkInterfaces',
        'ec2:DescribeSubnets',
        'ec2:DeleteNetworkInterface',
        'ec2:AssignPrivateIpAddresses',
        'ec2:UnassignPrivateIpAddresses',
      ],
      resources: ['*'],
    }),
  ];
}
