// Stateful construct: the isolated VPC the functions (and later Neptune) run in, reachable only through VPC endpoints.
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Fixed, not allocated: security group rules below name it, and Neptune's will. */
export const vpcCidr = '10.40.0.0/16';

export interface PrivateNetworkProps {
  /** Flow logs land here, next to the S3 server access logs. */
  flowLogBucket: s3.IBucket;
}

/**
 * Two Availability Zones of isolated subnets: no internet gateway, no NAT, so PHI cannot leave
 * except to the AWS services named below. S3 and DynamoDB are gateway endpoints (free, routed);
 * KMS and Secrets Manager are interface endpoints with private DNS, so the unmodified SDK clients
 * resolve to them. A function that needs another service needs its endpoint added here first.
 *
 * SQS is not on the list on purpose: the Lambda service polls the ingest queue, not the function.
 * Logs (stdout) and Lambda's own trace segments leave through the Lambda service, not the
 * function's network interface; a function that adds an X-Ray tracer SDK needs an X-Ray endpoint.
 */
export class PrivateNetwork extends Construct {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: PrivateNetworkProps) {
    super(scope, id);

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(vpcCidr),
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        { name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 22 },
      ],
      // CloudFormation opens the default security group; this strips its rules so nothing can use it.
      restrictDefaultSecurityGroup: true,
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
        DynamoDB: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
      flowLogs: {
        AllTraffic: {
          destination: ec2.FlowLogDestination.toS3(props.flowLogBucket, 'vpc-flow-logs/'),
          trafficType: ec2.FlowLogTrafficType.ALL,
        },
      },
    });

    // HTTPS from inside the VPC only, and the endpoints never start connections themselves.
    const endpointSecurityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: this.vpc,
      description: 'Interface endpoints: HTTPS from inside the VPC',
      allowAllOutbound: false,
    });
    endpointSecurityGroup.addIngressRule(
      ec2.Peer.ipv4(vpcCidr),
      ec2.Port.tcp(443),
      'HTTPS from the VPC',
    );
    for (const [name, service] of [
      ['Kms', ec2.InterfaceVpcEndpointAwsService.KMS],
      ['SecretsManager', ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER],
      // Reminders and alerts publish to the notifications topic.
      ['Sns', ec2.InterfaceVpcEndpointAwsService.SNS],
      // Ingest publishes PatientDataUpdated events.
      ['EventBridge', ec2.InterfaceVpcEndpointAwsService.EVENTBRIDGE],
      // The API invokes the model endpoint.
      ['SageMakerRuntime', ec2.InterfaceVpcEndpointAwsService.SAGEMAKER_RUNTIME],
    ] as const) {
      this.vpc.addInterfaceEndpoint(name, {
        service,
        privateDnsEnabled: true,
        securityGroups: [endpointSecurityGroup],
        open: false,
      });
    }
  }
}
