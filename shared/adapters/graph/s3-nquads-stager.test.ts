// The happy path runs against a real s3rver in test/graph.int.test.ts; this file covers the S3
// faults s3rver cannot produce, with aws-sdk-client-mock.
import { PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, DependencyError } from '../../domain/errors';
import { s3NQuadsStager } from './s3-nquads-stager';

const s3Mock = mockClient(S3Client);
const fault = (name: string, $fault: 'client' | 'server') =>
  new S3ServiceException({ name, $fault, $metadata: {}, message: name });

describe('Function: s3NQuadsStager', () => {
  afterEach(() => {
    s3Mock.reset();
  });

  it('writes to a content-addressed key under graph-staging/ with KMS encryption when given a key', async () => {
    // Prepare
    s3Mock.on(PutObjectCommand).resolves({});
    const stage = s3NQuadsStager({
      client: new S3Client({}),
      bucket: 'staging',
      kmsKeyId: 'key-1',
    });

    // Act
    const first = await stage('<http://ex/s> <http://ex/p> "o" .\n');
    const again = await stage('<http://ex/s> <http://ex/p> "o" .\n');

    // Assess
    expect(first).toMatch(/^s3:\/\/staging\/graph-staging\/[0-9a-f]{64}\.nq$/);
    expect(again).toBe(first);
    expect(s3Mock.commandCalls(PutObjectCommand)[0]!.args[0].input).toMatchObject({
      Bucket: 'staging',
      ContentType: 'application/n-quads',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'key-1',
    });
  });

  it('turns an S3 service fault into a retryable DependencyError', async () => {
    // Prepare
    s3Mock.on(PutObjectCommand).rejects(fault('ServiceUnavailable', 'server'));
    const stage = s3NQuadsStager({ client: new S3Client({}), bucket: 'staging' });

    // Act
    const failure = stage('<http://ex/s> <http://ex/p> "o" .\n');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(DependencyError);
    await expect(failure).rejects.toMatchObject({ retryable: true });
  });

  it('turns access denied into a ConfigurationError', async () => {
    // Prepare
    s3Mock.on(PutObjectCommand).rejects(fault('AccessDenied', 'client'));
    const stage = s3NQuadsStager({ client: new S3Client({}), bucket: 'staging' });

    // Act
    const failure = stage('<http://ex/s> <http://ex/p> "o" .\n');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ConfigurationError);
  });
});
