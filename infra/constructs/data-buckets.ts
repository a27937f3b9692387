// Stateful construct: the raw, curated and quarantine PHI buckets and the audit-log bucket they log to.
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { bucketRoles } from '../../shared/config/resources';
import type { BucketRole } from '../../shared/ports/object-store';
import { dataBucketName } from './resource-names';

export interface DataBucketsProps {
  prefix: string;
  key: kms.IKey;
  /** Days to keep S3 server access logs and VPC flow logs. */
  auditLogRetentionDays: number;
}

/** Settings every PHI bucket shares: KMS with our key, versioned, TLS-only, never public, retained. */
function phiBucketProps(key: kms.IKey): s3.BucketProps {
  return {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    // One data key per bucket for a while instead of one KMS call per object: same protection,
    // a fraction of the KMS requests on a busy ingest day.
    bucketKeyEnabled: true,
    versioned: true,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [
      { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
    ],
  };
}

export class DataBuckets extends Construct {
  /** S3 server access logs and VPC flow logs: the "who touched PHI, from where" record. */
  readonly auditLogs: s3.Bucket;
  readonly byRole: Record<BucketRole, s3.Bucket>;

  constructor(scope: Construct, id: string, props: DataBucketsProps) {
    super(scope, id);

    this.auditLogs = new s3.Bucket(this, 'AuditLogs', {
      bucketName: dataBucketName(props.prefix, 'audit-logs'),
      // S3 server access logging cannot deliver into a bucket whose default encryption is SSE-KMS.
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-audit-logs',
          expiration: Duration.days(props.auditLogRetentionDays),
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
    acknowledgeAuditLogBucket(this.auditLogs);

    const byRole: Partial<Record<BucketRole, s3.Bucket>> = {};
    for (const role of bucketRoles) {
      const bucket = new s3.Bucket(this, pascalCase(role), {
        ...phiBucketProps(props.key),
        bucketName: dataBucketName(props.prefix, role),
        serverAccessLogsBucket: this.auditLogs,
        serverAccessLogsPrefix: `s3-access/${role}/`,
      });
      Validations.of(bucket).acknowledge({
        id: 'HIPAA.Security-S3BucketReplicationEnabled',
        reason:
          'Cross-Region replication of PHI needs a second Region, a replica key and a BAA scope decision that ' +
          'has not been made; until then versioning, RETAIN and S3 durability protect the data.',
      });
      byRole[role] = bucket;
    }
    this.byRole = byRole as Record<BucketRole, s3.Bucket>;
  }
}

function acknowledgeAuditLogBucket(bucket: s3.Bucket): void {
  Validations.of(bucket).acknowledge(
    {
      id: 'AwsSolutions-S1',
      reason:
        'This is the server access log target itself; logging it into another bucket only moves the problem one bucket along.',
    },
    {
      id: 'HIPAA.Security-S3BucketLoggingEnabled',
      reason:
        'This is the server access log target itself; logging it into another bucket only moves the problem one bucket along.',
    },
    {
      id: 'HIPAA.Security-S3DefaultEncryptionKMS',
      reason:
        'S3 server access log delivery only supports SSE-S3 on the target bucket; the bucket holds request and flow metadata (keys, addresses, principals), never object contents.',
    },
    {
      id: 'HIPAA.Security-S3BucketReplicationEnabled',
      reason:
        "Audit logs follow the PHI buckets' pending cross-Region replication decision; versioning and RETAIN protect them until then.",
    },
  );
}

function pascalCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
