// Stateless building blocks: how a function reaches the knowledge graph (network path, IAM data actions, endpoint URL).
import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { graphPort, type GraphConnection } from './knowledge-graph';
import type { PipelineFunction } from './pipeline-function';
import { acknowledgeWildcardResource } from './resolved-findings';

/** Reading the graph with SPARQL queries (GET /kg routes). */
export const graphReadActions = ['neptune-db:connect', 'neptune-db:ReadDataViaQuery'];

/** Recording facts: SPARQL UPDATE (insert and delete) and the bulk loader for large batches. */
export const graphWriteActions = [
  ...graphReadActions,
  'neptune-db:WriteDataViaQuery',
  'neptune-db:DeleteDataViaQuery',
  'neptune-db:StartLoaderJob',
  'neptune-db:GetLoaderJobStatus',
];

/** The SPARQL endpoint base URL the graph adapter expects (no `/sparql`), for CAREGRAPH_SPARQL_ENDPOINT. */
export function graphEndpointUrl(graph: GraphConnection): string {
  return `https://${graph.host}:${graph.port}`;
}

/**
 * `arn:aws:neptune-db:{region}:{account}:{cluster-resource-id}/*`: Neptune's data-access resource
 * format (Neptune user guide, "IAM resource types for accessing data"). The trailing `/*` is part
 * of the format, not a widening: it is the only value the last segment takes.
 */
export function graphDataArn(scope: Construct, graph: GraphConnection): string {
  const { partition, region, account } = Stack.of(scope);
  return `arn:${partition}:neptune-db:${region}:${account}:${graph.clusterResourceId}/*`;
}

/**
 * Let `fn` talk to the graph: its security group may open TCP 8182 to the cluster's, the
 * cluster's admits 8182 from it (a rule kept in this stack, so it goes with the function), and its
 * policy gets `actions` on the cluster's data resource.
 */
export function connectToGraph(
  scope: Construct,
  fn: PipelineFunction,
  graph: GraphConnection,
  actions: string[],
): void {
  const cluster = clusterSecurityGroup(scope, graph);
  // The cluster's port is fixed at synth (KnowledgeGraph), so the rules name it literally.
  const port = ec2.Port.tcp(graphPort);
  fn.securityGroup.addEgressRule(
    ec2.Peer.securityGroupId(graph.securityGroupId),
    port,
    'SPARQL to the knowledge graph',
  );
  cluster.addIngressRule(fn.securityGroup, port, `SPARQL from ${fn.node.path}`);
  const data = graphDataArn(scope, graph);
  fn.allow(
    new iam.PolicyStatement({
      sid: actions.includes('neptune-db:WriteDataViaQuery') ? 'QueryAndUpdateGraph' : 'QueryGraph',
      actions,
      resources: [data],
    }),
  );
  acknowledgeWildcardResource(
    fn.policy,
    data,
    `Neptune data-access ARNs end in "/*" by format ({cluster resource id}/*); the grant is this one cluster and the listed actions only: ${actions.join(', ')}.`,
  );
}

/** The cluster's security group by id, imported once per stack. */
function clusterSecurityGroup(scope: Construct, graph: GraphConnection): ec2.ISecurityGroup {
  const stack = Stack.of(scope);
  const id = 'GraphSecurityGroup';
  return (
    (stack.node.tryFindChild(id) as ec2.ISecurityGroup | undefined) ??
    ec2.SecurityGroup.fromSecurityGroupId(stack, id, graph.securityGroupId, {
      allowAllOutbound: false,
    })
  );
}
