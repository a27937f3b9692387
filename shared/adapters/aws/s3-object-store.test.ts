// Unit tests (S3 adapter): the presigned upload URL signs the size and type, and no checksum.
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { BucketRole } from '../../ports/object-store';
import { S3ObjectStore } from './s3-object-store';

const buckets = { raw: 'caregraph-raw' } as Record<BucketRole, string>;
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

describe('Adapter: S3ObjectStore.presignPut', () => {
  it.each([
    ['on AWS, with SSE-KMS', 'alias/caregraph', undefined],
    ['on the embedded stack', undefined, 'http://127.0.0.1:4569'],
  ])('signs no checksum of an empty body into the URL (%s)', async (_, kmsKeyId, endpoint) => {
    // Prepare: a client as composition.ts builds it (the SDK's default checksum setting)
    const client = new S3Client({
      region: 'eu-west-2',
      credentials,
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    });
    const store = new S3ObjectStore(client, buckets, kmsKeyId);
    // Act
    const presigned = await store.presignPut('raw', 'raw/north/b1/Patient.ndjson', {
      contentLength: 1234,
      contentType: 'application/fhir+ndjson',
      expiresInSeconds: 300,
    });
    // Assess
    const url = new URL(presigned.url);
    const names = [...url.searchParams.keys()].map((k) => k.toLowerCase());
    expect(names.filter((k) => k.startsWith('x-amz-checksum-'))).toEqual([]);
    expect(names).not.toContain('x-amz-sdk-checksum-algorithm');
    expect(url.searchParams.get('X-Amz-SignedHeaders')!.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host']),
    );
    expect(presigned.headers).toMatchObject({
      'content-length': '1234',
      'content-type': 'application/fhir+ndjson',
    });
    // The store's own client keeps the SDK's default for the requests it sends itself.
    expect(await client.config.requestChecksumCalculation()).toBe('WHEN_SUPPORTED');
  });
});
