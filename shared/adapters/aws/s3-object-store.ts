// Secondary adapter: ObjectStore over S3 (AWS) or s3rver (embedded stack), via the AWS SDK v3 client.
import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type {
  BucketRole,
  ObjectStore,
  PresignedPut,
  PresignPutOptions,
  StoredObjectInfo,
} from '../../ports/object-store';
import { NotFoundError, ObjectChangedError } from '../../domain/errors';

export class S3ObjectStore implements ObjectStore {
  private presigningClient?: S3Client;

  constructor(
    private readonly client: S3Client,
    private readonly buckets: Record<BucketRole, string>,
    /** Server-side encryption with this KMS key in AWS; undefined locally. */
    private readonly kmsKeyId?: string,
  ) {}

  async getStream(
    bucket: BucketRole,
    key: string,
    options: { ifMatch?: string } = {},
  ): Promise<Readable> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({
          Bucket: this.buckets[bucket],
          Key: key,
          ...(options.ifMatch ? { IfMatch: `"${options.ifMatch.replace(/"/g, '')}"` } : {}),
        }),
      );
      return out.Body as Readable;
    } catch (error) {
      if (isNotFound(error))
        throw new NotFoundError(`object not found: ${bucket}/${key}`, { cause: error });
      if (isPreconditionFailed(error))
        throw new ObjectChangedError(
          `object ${bucket}/${key} is no longer the version announced (ETag ${options.ifMatch})`,
          { cause: error },
        );
      throw error;
    }
  }

  async getText(bucket: BucketRole, key: string): Promise<string | undefined> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.buckets[bucket], Key: key }),
      );
      return await out.Body!.transformToString('utf8');
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async put(
    bucket: BucketRole,
    key: string,
    body: string | Uint8Array,
    contentType?: string,
  ): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.buckets[bucket],
        Key: key,
        Body: body,
        ContentType: contentType,
        ...this.sse(),
      }),
    );
  }

  async putStream(
    bucket: BucketRole,
    key: string,
    body: Readable,
    contentType?: string,
  ): Promise<void> {
    // 5 MiB parts, 2 in flight: memory stays near 10 MiB whatever the object size.
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.buckets[bucket],
        Key: key,
        Body: body,
        ContentType: contentType,
        ...this.sse(),
      },
      queueSize: 2,
      partSize: 5 * 1024 * 1024,
    });
    await upload.done();
  }

  async head(bucket: BucketRole, key: string): Promise<StoredObjectInfo | undefined> {
    try {
      const out = await this.client.send(
        new HeadObjectCommand({ Bucket: this.buckets[bucket], Key: key }),
      );
      return {
        key,
        size: out.ContentLength ?? 0,
        etag: out.ETag,
        ...(out.LastModified ? { lastModified: out.LastModified.toISOString() } : {}),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async list(bucket: BucketRole, prefix: string): Promise<StoredObjectInfo[]> {
    const found: StoredObjectInfo[] = [];
    let token: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.buckets[bucket],
          Prefix: prefix,
          ContinuationToken: token,
        }),
      );
      for (const o of out.Contents ?? [])
        found.push({ key: o.Key!, size: o.Size ?? 0, etag: o.ETag });
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return found;
  }

  async presignPut(
    bucket: BucketRole,
    key: string,
    options: PresignPutOptions,
  ): Promise<PresignedPut> {
    const sse = this.sse();
    const command = new PutObjectCommand({
      Bucket: this.buckets[bucket],
      Key: key,
      ContentLength: options.contentLength,
      ContentType: options.contentType,
      ...sse,
    });
    // Signing content-length and content-type makes S3 refuse a body of any other size or type.
    const url = await getSignedUrl(this.presigner(), command, {
      expiresIn: options.expiresInSeconds,
      signableHeaders: new Set(['content-length', 'content-type']),
      unhoistableHeaders: new Set(
        sse.ServerSideEncryption
          ? ['x-amz-server-side-encryption', 'x-amz-server-side-encryption-aws-kms-key-id']
          : [],
      ),
    });
    return {
      url,
      headers: {
        'content-length': String(options.contentLength),
        'content-type': options.contentType,
        ...(sse.ServerSideEncryption
          ? {
              'x-amz-server-side-encryption': sse.ServerSideEncryption,
              'x-amz-server-side-encryption-aws-kms-key-id': sse.SSEKMSKeyId,
            }
          : {}),
      },
    };
  }

  /**
   * The client presigned URLs are signed with: `client` (its stack, credentials and endpoint), but
   * computing a request checksum only when the operation requires one. With the SDK's default since
   * v3.729 (WHEN_SUPPORTED) a presigned PutObject carries `x-amz-sdk-checksum-algorithm=CRC32` and
   * the CRC32 of the empty body the URL is signed over (`x-amz-checksum-crc32=AAAAAA==`), which S3
   * checks against the body the hospital uploads (aws/aws-sdk-js-v3#6810). PutObject requires none.
   * getSignedUrl reads only the client's config and middleware stack, so the client is `client`
   * with that one setting overridden (a client built again from a resolved config is not valid).
   */
  private presigner(): S3Client {
    this.presigningClient ??= Object.assign(Object.create(this.client) as S3Client, {
      config: {
        ...this.client.config,
        requestChecksumCalculation: () => Promise.resolve('WHEN_REQUIRED' as const),
      },
    });
    return this.presigningClient;
  }

  private sse() {
    return this.kmsKeyId
      ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: this.kmsKeyId }
      : {};
  }
}

/** S3 answers 412 PreconditionFailed when If-Match does not match the object's ETag. */
function isPreconditionFailed(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return name === 'PreconditionFailed' || status === 412;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return name === 'NoSuchKey' || name === 'NotFound' || status === 404;
}
