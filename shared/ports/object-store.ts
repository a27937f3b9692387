// Port: blob storage (S3 in AWS, s3rver locally). The domain sees buckets by logical role only.
import type { Readable } from 'node:stream';

export type BucketRole = 'raw' | 'curated' | 'quarantine';

export interface StoredObjectInfo {
  key: string;
  size: number;
  etag?: string;
  /** When the object was written (S3 LastModified, ISO 8601; whole seconds); head fills it. */
  lastModified?: string;
}

export interface ObjectStore {
  /**
   * Stream an object's bytes; throws NotFoundError when absent. With `ifMatch` (an ETag), throws
   * ObjectChangedError when the object is no longer that version (S3 checks it; s3rver ignores it).
   */
  getStream(bucket: BucketRole, key: string, options?: { ifMatch?: string }): Promise<Readable>;
  /** Read a small object whole (reports, configs); returns undefined when absent. */
  getText(bucket: BucketRole, key: string): Promise<string | undefined>;
  put(
    bucket: BucketRole,
    key: string,
    body: string | Uint8Array,
    contentType?: string,
  ): Promise<void>;
  /** Multipart streaming upload: memory stays bounded whatever the body size. */
  putStream(bucket: BucketRole, key: string, body: Readable, contentType?: string): Promise<void>;
  head(bucket: BucketRole, key: string): Promise<StoredObjectInfo | undefined>;
  list(bucket: BucketRole, prefix: string): Promise<StoredObjectInfo[]>;
  /**
   * A time-limited URL that lets its holder PUT exactly one object at `key`, of exactly
   * `contentLength` bytes (the length is part of the signature), and the headers the PUT must send.
   */
  presignPut(bucket: BucketRole, key: string, options: PresignPutOptions): Promise<PresignedPut>;
}

export interface PresignPutOptions {
  contentLength: number;
  contentType: string;
  expiresInSeconds: number;
}

export interface PresignedPut {
  url: string;
  headers: Record<string, string>;
}
