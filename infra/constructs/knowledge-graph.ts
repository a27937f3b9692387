// Stateful construct: the knowledge graph on Amazon Neptune Serverless, in the isolated subnets,
// IAM-authenticated, encrypted with the data key, audited to CloudWatch Logs, with its bulk-loader role.
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as neptune from 'aws-cdk-lib/aws-neptune';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from './resolved-findings';

/** Engine 1.4.5.1 (2025-06-30) fixes a serverless scaling defect of 1.4.5.0 (Neptune engine release notes). */
export const graphEngineVersion = '1.4.5.1';
/** The cluster parameter group family of engine 1.4.x. */
const parameterGroupFamily = 'neptune1.4';
export const graphPort = 8182;
/** Key prefix in the curated bucket where N-Quads are staged for the bulk loader (s3-nquads-stager.ts). */
export const graphStagingPrefix = 'graph-staging/';
/** Days of automated backups (AWS Solutions N3 asks for at least 7). */
export const graphBackupRetentionDays = 14;

export interface KnowledgeGraphProps {
  prefix: string;
  key: kms.IKey;
  vpc: ec2.IVpc;
  /** The loader reads staged N-Quads from here (`graph-staging/` only). */
  curatedBucket: s3.IBucket;
  minCapacity: number;
  maxCapacity: number;
  /** Serverless readers besides the writer, for failover across Availability Zones. */
  replicas: number;
  /** Days to keep the audit log; rounded up to a retention CloudWatch Logs offers. */
  auditLogRetentionDays: number;
}

/** What the stateless stack needs to reach and authorise against the graph. */
export interface GraphConnection {
  /** Writer endpoint host name. */
  host: string;
  port: string;
  /** `cluster-...`: the resource part of `neptune-db:` IAM ARNs (not the cluster identifier). */
  clusterResourceId: string;
  /** Admits nothing by itself: the stateless stack opens 8182 to each function that needs it. */
  securityGroupId: string;
  loaderRoleArn: string;
}

/**
 * A Neptune Serverless cluster (one writer, optional readers) with IAM database authentication:
 * every SPARQL request is SigV4-signed and authorised per action (`neptune-db:ReadDataViaQuery`,
 * ...) against the cluster resource id. Storage and backups are encrypted with the data key;
 * deletion protection is on and stack deletion leaves a final snapshot. The audit log (every
 * query, with the caller's IAM ARN) goes to a log group created here, encrypted and retained.
 */
export class KnowledgeGraph extends Construct {
  readonly cluster: neptune.CfnDBCluster;
  readonly securityGroup: ec2.SecurityGroup;
  readonly loaderRole: iam.Role;
  readonly auditLog: logs.LogGroup;
  readonly connection: GraphConnection;

  constructor(scope: Construct, id: string, props: KnowledgeGraphProps) {
    super(scope, id);
    const clusterIdentifier = `${props.prefix}-graph`;

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `${clusterIdentifier}: SPARQL on ${graphPort} from the functions granted it`,
      allowAllOutbound: false,
    });
    // The bulk loader reads S3 through the VPC's gateway endpoint; nothing else leaves.
    this.securityGroup.addEgressRule(
      ec2.Peer.anyIpv4(),
      ec2.Port.tcp(443),
      'Bulk loader reads S3 through the gateway endpoint',
    );

    this.loaderRole = this.bulkLoaderRole(props);
    // Neptune creates the log group on first export unless it exists: then unencrypted, kept forever.
    this.auditLog = new logs.LogGroup(this, 'AuditLog', {
      logGroupName: `/aws/neptune/cluster/${clusterIdentifier}/audit`,
      encryptionKey: props.key,
      retention: retentionAtLeast(props.auditLogRetentionDays),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const subnets = new neptune.CfnDBSubnetGroup(this, 'Subnets', {
      dbSubnetGroupName: clusterIdentifier,
      dbSubnetGroupDescription: `${clusterIdentifier}: the isolated subnets`,
      subnetIds: props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }).subnetIds,
    });
    const parameters = new neptune.CfnDBClusterParameterGroup(this, 'Parameters', {
      family: parameterGroupFamily,
      description: `${clusterIdentifier}: audit log on`,
      // Neptune user guide, "Using audit logs with Neptune clusters".
      parameters: { neptune_enable_audit_log: '1' },
    });

    this.cluster = new neptune.CfnDBCluster(this, 'Cluster', {
      dbClusterIdentifier: clusterIdentifier,
      engineVersion: graphEngineVersion,
      serverlessScalingConfiguration: {
        minCapacity: props.minCapacity,
        maxCapacity: props.maxCapacity,
      },
      iamAuthEnabled: true,
      storageEncrypted: true,
      kmsKeyId: props.key.keyArn,
      deletionProtection: true,
      backupRetentionPeriod: graphBackupRetentionDays,
      preferredBackupWindow: '02:00-03:00',
      preferredMaintenanceWindow: 'sun:03:30-sun:04:30',
      copyTagsToSnapshot: true,
      dbPort: graphPort,
      dbSubnetGroupName: subnets.ref,
      vpcSecurityGroupIds: [this.securityGroup.securityGroupId],
      dbClusterParameterGroupName: parameters.ref,
      enableCloudwatchLogsExports: ['audit'],
      associatedRoles: [{ roleArn: this.loaderRole.roleArn }],
    });
    this.cluster.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);
    this.cluster.node.addDependency(this.auditLog);

    for (let i = 0; i <= props.replicas; i++) {
      new neptune.CfnDBInstance(this, i === 0 ? 'Writer' : `Reader${i}`, {
        dbClusterIdentifier: this.cluster.ref,
        dbInstanceClass: 'db.serverless',
        autoMinorVersionUpgrade: true,
      });
    }

    this.connection = {
      host: this.cluster.attrEndpoint,
      port: this.cluster.attrPort,
      clusterResourceId: this.cluster.attrClusterResourceId,
      securityGroupId: this.securityGroup.securityGroupId,
      loaderRoleArn: this.loaderRole.roleArn,
    };
  }

  /**
   * The role Neptune assumes (as rds.amazonaws.com) to read staged N-Quads: GetObject under
   * `graph-staging/` of the curated bucket, ListBucket limited to that prefix (the loader lists
   * its source prefix), and Decrypt of the data key through S3 only (the objects are SSE-KMS).
   */
  private bulkLoaderRole(props: KnowledgeGraphProps): iam.Role {
    const { region } = Stack.of(this);
    const role = new iam.Role(this, 'LoaderRole', {
      assumedBy: new iam.ServicePrincipal('rds.amazonaws.com'),
      description: `Neptune bulk loader of ${props.prefix}-graph: reads ${graphStagingPrefix} only`,
    });
    const staged = props.curatedBucket.arnForObjects(`${graphStagingPrefix}*`);
    const policy = new iam.ManagedPolicy(this, 'LoaderPolicy', {
      description: `Everything the ${props.prefix}-graph bulk loader may do`,
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          sid: 'ReadStagedNQuads',
          actions: ['s3:GetObject'],
          resources: [staged],
        }),
        new iam.PolicyStatement({
          sid: 'ListStagedNQuads',
          actions: ['s3:ListBucket'],
          resources: [props.curatedBucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${graphStagingPrefix}*`] } },
        }),
        new iam.PolicyStatement({
          sid: 'DecryptStagedNQuads',
          actions: ['kms:Decrypt'],
          resources: [props.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
        }),
      ],
    });
    acknowledgeWildcardResource(
      policy,
      staged,
      'Staged N-Quads are named by their content hash (graph-staging/{sha256}.nq), known only when kg-update ' +
        'stages a batch; the loader may read that prefix of the curated bucket and nothing else, GetObject only.',
    );
    return role;
  }
}

/** The shortest CloudWatch Logs retention that keeps at least `days` days. */
export function retentionAtLeast(days: number): logs.RetentionDays {
  const offered = Object.values(logs.RetentionDays)
    .filter((v): v is number => typeof v === 'number' && v !== logs.RetentionDays.INFINITE)
    .sort((a, b) => a - b);
  return (offered.find((d) => d >= days) ?? logs.RetentionDays.TEN_YEARS) as logs.RetentionDays;
}
