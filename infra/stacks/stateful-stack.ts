// Stateful stack: everything that holds PHI or identity and must outlive a redeploy (key, buckets,
// tables, users, network, knowledge graph, model images).
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { ClinicianIdentity } from '../constructs/clinician-identity';
import { DataBuckets } from '../constructs/data-buckets';
import { DataKey } from '../constructs/data-key';
import { KnowledgeGraph, type GraphConnection } from '../constructs/knowledge-graph';
import { ModelRepository } from '../constructs/model-repository';
import { PrivateNetwork } from '../constructs/private-network';
import { ServingTables } from '../constructs/serving-tables';
import { readModelGraphSettings } from './model-graph-settings';

export interface StatefulStackProps extends StackProps {
  prefix: string;
  auditLogRetentionDays: number;
}

/**
 * What the stateless stack takes from this one by reference: what has no predictable name. Buckets
 * and tables it finds by name (infra/constructs/resource-names.ts).
 */
export interface StatefulResources {
  dataKey: kms.IKey;
  vpc: ec2.IVpc;
  /** Issuer (`iss`) and audience (`aud`, the app client id) of the clinicians' ID tokens. */
  clinicianIssuerUrl: string;
  clinicianClientId: string;
  /** The Neptune cluster: endpoint, IAM resource id, security group, loader role. */
  graph: GraphConnection;
}

export class StatefulStack extends Stack {
  readonly resources: StatefulResources;
  readonly buckets: DataBuckets;
  readonly tables: ServingTables;
  readonly graph: KnowledgeGraph;
  readonly models: ModelRepository;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { prefix } = props;

    const { key } = new DataKey(this, 'DataKey', { prefix });
    this.buckets = new DataBuckets(this, 'Buckets', {
      prefix,
      key,
      auditLogRetentionDays: props.auditLogRetentionDays,
    });
    this.tables = new ServingTables(this, 'Tables', { prefix, key });
    const network = new PrivateNetwork(this, 'Network', { flowLogBucket: this.buckets.auditLogs });
    const identity = new ClinicianIdentity(this, 'Clinicians', { prefix });
    const settings = readModelGraphSettings(this.node);
    this.graph = new KnowledgeGraph(this, 'Graph', {
      prefix,
      key,
      vpc: network.vpc,
      curatedBucket: this.buckets.byRole.curated,
      minCapacity: settings.graphMinCapacity,
      maxCapacity: settings.graphMaxCapacity,
      replicas: settings.graphReplicas,
      auditLogRetentionDays: props.auditLogRetentionDays,
    });
    this.models = new ModelRepository(this, 'Models', { prefix, key });

    this.resources = {
      dataKey: key,
      vpc: network.vpc,
      clinicianIssuerUrl: identity.issuerUrl,
      clinicianClientId: identity.client.userPoolClientId,
      graph: this.graph.connection,
    };

    // Operators and hospital onboarding read these from `cdk deploy --outputs-file`.
    for (const [role, bucket] of Object.entries(this.buckets.byRole)) {
      new CfnOutput(this, `${role}BucketName`, { value: bucket.bucketName });
    }
    new CfnOutput(this, 'ClinicianUserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'ClinicianIssuerUrl', { value: identity.issuerUrl });
    new CfnOutput(this, 'ClinicianClientId', { value: identity.client.userPoolClientId });
    new CfnOutput(this, 'GraphEndpoint', {
      value: `https://${this.graph.connection.host}:${this.graph.connection.port}`,
    });
    new CfnOutput(this, 'GraphLoaderRoleArn', { value: this.graph.loaderRole.roleArn });
    new CfnOutput(this, 'ModelRepositoryUri', { value: this.models.repository.repositoryUri });
  }
}
