// Infra test helper: read a function's synthesized managed policy and answer, as IAM and S3 would,
// whether a request is allowed, so a test can run the domain code a function runs against its policy.
import type { Readable } from 'node:stream';
import type { Template } from 'aws-cdk-lib/assertions';
import { physicalName } from '../shared/config/resources';
import { InMemoryObjects } from '../shared/domain/ingest/ingest-file.fixture';
import type {
  BucketRole,
  ObjectStore,
  PresignPutOptions,
  PresignedPut,
  StoredObjectInfo,
} from '../shared/ports/object-store';
import { asList, type TemplateStatement } from './test-support';

/** The account, Region and partition the pseudo parameters of a template resolve to here. */
export const testEnvironment = { account: '111122223333', region: 'eu-west-1', partition: 'aws' };

/** The ARN of a data bucket of the `prefix` deployment, as the stateless stack names it. */
export const bucketArn = (prefix: string, role: BucketRole): string =>
  `arn:aws:s3:::${physicalName(prefix, role)}-${testEnvironment.account}-${testEnvironment.region}`;

/**
 * A template value as a string: pseudo parameters resolved to `testEnvironment`, joins joined, and
 * any other token (an attribute, an import) as `{"Fn::GetAtt":[...]}`, its JSON, so the same
 * reference on both sides compares equal.
 */
export function resolveValue(value: unknown): string {
  if (typeof value === 'string') return value;
  const o = value as Record<string, unknown>;
  if (typeof o === 'object' && o !== null && 'Ref' in o) {
    const pseudo: Record<string, string> = {
      'AWS::Partition': testEnvironment.partition,
      'AWS::AccountId': testEnvironment.account,
      'AWS::Region': testEnvironment.region,
    };
    const ref = o.Ref as string;
    if (pseudo[ref]) return pseudo[ref];
  }
  if (typeof o === 'object' && o !== null && 'Fn::Join' in o) {
    const [separator, parts] = o['Fn::Join'] as [string, unknown[]];
    return parts.map(resolveValue).join(separator);
  }
  return JSON.stringify(value);
}

/** IAM's wildcard match: `*` is any run of characters (slashes included), `?` any one. */
const matches = (pattern: string, value: string): boolean =>
  new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
  ).test(value);

/** One function's managed policy, evaluated the way IAM evaluates an identity policy (Allow only). */
export class FunctionPolicy {
  constructor(readonly statements: readonly TemplateStatement[]) {}

  /**
   * Whether `action` on `resource` is allowed, with `context` the request's condition keys (e.g.
   * `s3:prefix`). A statement whose condition names a key the request does not carry does not apply.
   */
  allows(action: string, resource: string, context: Record<string, string> = {}): boolean {
    return this.statements.some((s) => {
      if (((s as { Effect?: string }).Effect ?? 'Allow') !== 'Allow') return false;
      if (!asList(s.Action).some((a) => matches(a, action))) return false;
      const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
      if (!resources.map(resolveValue).some((r) => matches(r, resource))) return false;
      const conditions = (s.Condition ?? {}) as Record<string, Record<string, unknown>>;
      return Object.entries(conditions).every(([operator, keys]) =>
        Object.entries(keys).every(([key, wanted]) => {
          const have = context[key];
          if (have === undefined) return false;
          const values = asList(wanted as string | string[]).map(resolveValue);
          if (operator === 'StringLike') return values.some((v) => matches(v, have));
          if (operator === 'StringEquals') return values.includes(have);
          throw new Error(`FunctionPolicy: condition operator ${operator} is not modelled`);
        }),
      );
    });
  }
}

/** The managed policy attached to the role of the Lambda function named `functionName`. */
export function policyOfFunction(template: Template, functionName: string): FunctionPolicy {
  const [fn] = Object.values(
    template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: functionName } }),
  ) as { Properties: { Role: { 'Fn::GetAtt': [string, string] } } }[];
  if (!fn) throw new Error(`no function ${functionName}`);
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  const policies = Object.values(template.findResources('AWS::IAM::ManagedPolicy')) as {
    Properties: { Roles: unknown; PolicyDocument: { Statement: TemplateStatement[] } };
  }[];
  const policy = policies.find(
    (p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]),
  );
  if (!policy) throw new Error(`no managed policy for ${functionName}`);
  return new FunctionPolicy(policy.Properties.PolicyDocument.Statement);
}

/** What S3 answers a request the policy does not allow. */
export class AccessDeniedError extends Error {
  override readonly name = 'AccessDenied';
  readonly $metadata = { httpStatusCode: 403 };
}

/**
 * Objects in memory behind a function's policy, answering as S3 does: 403 for a request the policy
 * does not allow, and for a read of a missing key unless the policy also allows ListBucket on that
 * key (S3 tells a missing key, 404, only to a caller that may list it). Every request is recorded.
 */
export class PolicyGuardedObjects implements ObjectStore {
  /** Every request, allowed or not. */
  readonly requests: { action: string; bucket: BucketRole; key: string; allowed: boolean }[] = [];
  private readonly store = new InMemoryObjects();

  constructor(
    private readonly policy: FunctionPolicy,
    private readonly prefix: string,
  ) {}

  /** The requests the policy refused, e.g. `s3:PutObject curated/notes/north/n1.txt.enc`. */
  get denied(): string[] {
    return this.requests.filter((r) => !r.allowed).map((r) => `${r.action} ${r.bucket}/${r.key}`);
  }

  /** Store an object as an uploader would, outside the function's policy. */
  seed(bucket: BucketRole, key: string, body: string): void {
    this.store.objects.set(`${bucket}/${key}`, Buffer.from(body));
  }

  private authorise(action: string, bucket: BucketRole, key: string): void {
    const listing = action === 's3:ListBucket';
    const arn = listing
      ? bucketArn(this.prefix, bucket)
      : `${bucketArn(this.prefix, bucket)}/${key}`;
    const allowed = this.policy.allows(action, arn, listing ? { 's3:prefix': key } : {});
    this.requests.push({ action, bucket, key, allowed });
    if (!allowed) throw new AccessDeniedError(`not authorized to perform ${action} on ${arn}`);
  }

  /** A read: 403 unless allowed; for a missing key, 404 only with ListBucket on it, else 403. */
  private read(bucket: BucketRole, key: string): void {
    this.authorise('s3:GetObject', bucket, key);
    if (!this.store.objects.has(`${bucket}/${key}`)) this.authorise('s3:ListBucket', bucket, key);
  }

  async getText(bucket: BucketRole, key: string): Promise<string | undefined> {
    this.read(bucket, key);
    return this.store.getText(bucket, key);
  }

  async getStream(bucket: BucketRole, key: string): Promise<Readable> {
    this.read(bucket, key);
    return this.store.getStream(bucket, key);
  }

  async head(bucket: BucketRole, key: string): Promise<StoredObjectInfo | undefined> {
    this.read(bucket, key);
    return this.store.head(bucket, key);
  }

  async list(bucket: BucketRole, prefix: string): Promise<StoredObjectInfo[]> {
    this.authorise('s3:ListBucket', bucket, prefix);
    return this.store.list(bucket, prefix);
  }

  async put(bucket: BucketRole, key: string, body: string | Uint8Array): Promise<void> {
    this.authorise('s3:PutObject', bucket, key);
    return this.store.put(bucket, key, body);
  }

  async putStream(bucket: BucketRole, key: string, body: Readable): Promise<void> {
    this.authorise('s3:PutObject', bucket, key);
    return this.store.putStream(bucket, key, body);
  }

  /** A presigned PUT carries the signer's permissions: the function must be allowed the PutObject. */
  async presignPut(
    bucket: BucketRole,
    key: string,
    options: PresignPutOptions,
  ): Promise<PresignedPut> {
    this.authorise('s3:PutObject', bucket, key);
    return {
      url: `https://${bucketArn(this.prefix, bucket).split(':').pop()}.s3.amazonaws.com/${key}`,
      headers: { 'content-type': options.contentType },
    };
  }
}
