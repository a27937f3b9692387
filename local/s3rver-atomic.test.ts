// Integration (local): s3rver with atomic object writes, through the real S3 client. A reader polling
// an object that is being rewritten sees a whole version every time, never an empty or partial one.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useAtomicObjectWrites } from './s3rver-atomic';

/** The two methods of s3rver's filesystem store this test calls (s3rver ships no types). */
interface StoreForTest {
  getResourcePath(bucket: string, key: string, resource: string): string;
  putMetadata(
    bucket: string,
    key: string,
    metadata: Record<string, string>,
    md5?: string,
  ): Promise<void>;
}

describe('Function: useAtomicObjectWrites', () => {
  const directory = mkdtempSync(join(tmpdir(), 'caregraph-s3rver-atomic-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  let s3: S3Client;

  beforeAll(async () => {
    useAtomicObjectWrites(server);
    const { port } = await server.run();
    s3 = new S3Client({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'reports' }));
  });

  afterAll(async () => {
    s3?.destroy();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('serves a whole version of an object being rewritten, never a partial one', async () => {
    // Arrange: two versions of different sizes, written in turn while a reader polls the key.
    const versions = [
      JSON.stringify({ v: 'a'.repeat(300_000) }),
      JSON.stringify({ v: 'b'.repeat(90_000) }),
    ];
    const put = (body: string) =>
      s3.send(new PutObjectCommand({ Bucket: 'reports', Key: 'r/report.json', Body: body }));
    await put(versions[0]!);
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 60; i++) await put(versions[i % 2]!);
      writing = false;
    })();
    const seen: string[] = [];

    // Act
    while (writing) {
      const out = await s3.send(new GetObjectCommand({ Bucket: 'reports', Key: 'r/report.json' }));
      seen.push(await out.Body!.transformToString('utf8'));
    }
    await writer;

    // Assert: every read is one of the versions, whole.
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((body) => !versions.includes(body)).map((b) => b.length)).toEqual([]);
  });

  it('serves whole metadata while a PUT rewrites it, never an empty file (was a 500)', async () => {
    // Arrange: a key rewritten again and again with metadata while a reader asks for it.
    const put = (i: number) =>
      s3.send(
        new PutObjectCommand({
          Bucket: 'reports',
          Key: 'r/meta.json',
          Body: '{}',
          ContentType: 'application/json',
          Metadata: { batch: `b${i}`.padEnd(1500, 'x') },
        }),
      );
    await put(0);
    let writing = true;
    const writer = (async () => {
      for (let i = 1; i <= 300; i++) await put(i);
      writing = false;
    })();
    const failures: string[] = [];
    let reads = 0;

    // Act
    while (writing) {
      reads++;
      await s3
        .send(new GetObjectCommand({ Bucket: 'reports', Key: 'r/meta.json' }))
        .then((out) => {
          if (!out.Metadata?.batch?.startsWith('b')) failures.push('metadata missing');
          return out.Body!.transformToString('utf8');
        })
        .catch((error: Error) => failures.push(error.name));
    }
    await writer;

    // Assert
    expect(reads).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });

  it('replaces the metadata file whole: a reader never finds it empty or cut short', async () => {
    // The store's own write, raced by direct reads of the file (the GET's getMetadata reads it so).
    const store = (server as unknown as { store: StoreForTest }).store;
    const path = store.getResourcePath('reports', 'r/meta.json', 'metadata.json');
    const bad: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const reads = Array.from({ length: 4 }, () =>
        readFile(path, 'utf8').then((text) => {
          try {
            JSON.parse(text);
          } catch {
            bad.push(`${text.length} bytes`);
          }
        }),
      );
      await Promise.all([
        store.putMetadata(
          'reports',
          'r/meta.json',
          { 'content-type': `application/json; v=${i}` },
          'abc',
        ),
        ...reads,
      ]);
    }
    expect(bad).toEqual([]);
  });

  it('lists only whole objects and leaves no temporary files behind', async () => {
    // Arrange
    await s3.send(new PutObjectCommand({ Bucket: 'reports', Key: 'r/other.json', Body: '{}' }));

    // Act
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'reports', Prefix: 'r/' }));
    const files = readdirSync(join(directory, 'reports', 'r'));

    // Assert
    expect(listed.Contents?.map((o) => o.Key).sort()).toEqual([
      'r/meta.json',
      'r/other.json',
      'r/report.json',
    ]);
    expect(files.filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('refuses a server whose store is not where it expects', () => {
    // Act / Assert
    expect(() => useAtomicObjectWrites({})).toThrow(/filesystem store/);
  });
});
