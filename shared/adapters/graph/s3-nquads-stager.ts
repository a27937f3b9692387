// Secondary adapter support: stages N-Quads in S3 for the Neptune bulk loader, which reads only S3.
import { createHash } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ConfigurationError, DependencyError } from '../../domain/errors';

export interface S3NQuadsStagerOptions {
  client: S3Client;
  bucket: string;
  /** Key prefix; default `graph-staging/`. A lifecycle rule should expire it. */
  prefix?: string;
  /** SSE-KMS key in AWS; undefined locally (s3rver). */
  kmsKeyId?: string;
}

/**
 * Returns a `stage` function for NeptuneBulkLoaderOptions: it writes the N-Quads to
 * `{prefix}{sha256 of the text}.nq` and returns that object's `s3://` URI. Keys are content
 * hashes, so staging the same batch twice writes the same object. A client-side fault (no such
 * bucket, access denied) is a ConfigurationError; anything else a DependencyError.
 */
export function s3NQuadsStager(
  options: S3NQuadsStagerOptions,
): (nquads: string) => Promise<string> {
  const prefix = options.prefix ?? 'graph-staging/';
  return async (nquads: string): Promise<string> => {
    const key = `${prefix}${createHash('sha256').update(nquads, 'utf8').digest('hex')}.nq`;
    try {
      await options.client.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: key,
          Body: nquads,
          ContentType: 'application/n-quads',
          ...(options.kmsKeyId
            ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: options.kmsKeyId }
            : {}),
        }),
      );
    } catch (error) {
      if ((error as { $fault?: unknown }).$fault === 'client') {
        throw new ConfigurationError(`cannot stage N-Quads in bucket ${options.bucket}`, {
          cause: error,
        });
      }
      throw new DependencyError('S3 did not accept the staged N-Quads', { cause: error });
    }
    return `s3://${options.bucket}/${key}`;
  };
}
