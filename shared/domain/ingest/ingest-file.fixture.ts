// Test fixture: ingestFile's dependencies in memory (the serving table, the three buckets, a key ring
// under a temporary directory, a fixed clock), with hooks to fail a read or a write as a throttled
// dependency would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalKeyRing } from '../../adapters/local/local-key-ring';
import { fixedClock } from '../../ports/clock';
import type { BucketRole, ObjectStore, StoredObjectInfo } from '../../ports/object-store';
import type { Item } from '../../ports/table';
import { NotFoundError } from '../errors';
import { InMemoryTable } from '../monitoring/in-memory-table.fixture';
import type { IngestDeps } from './ingest-file';

export class InMemoryObjects implements ObjectStore {
  readonly objects = new Map<string, Buffer>();
  /** LastModified of each object (`bucket/key`), set by put and putStream; tests may set it. */
  readonly modified = new Map<string, string>();

  async getStream(bucket: BucketRole, key: string): Promise<Readable> {
    const body = this.objects.get(`${bucket}/${key}`);
    if (!body) throw new NotFoundError('no such object');
    const chunks: Buffer[] = [];
    for (let i = 0; i < body.length; i += 64 * 1024) chunks.push(body.subarray(i, i + 64 * 1024));
    return Readable.from(chunks);
  }

  async getText(bucket: BucketRole, key: string): Promise<string | undefined> {
    return this.objects.get(`${bucket}/${key}`)?.toString('utf8');
  }

  async put(bucket: BucketRole, key: string, body: string | Uint8Array): Promise<void> {
    this.objects.set(`${bucket}/${key}`, Buffer.from(body));
    this.modified.set(`${bucket}/${key}`, new Date().toISOString());
  }

  async putStream(bucket: BucketRole, key: string, body: Readable): Promise<void> {
    const parts: Buffer[] = [];
    for await (const part of body) parts.push(Buffer.from(part as Uint8Array));
    this.objects.set(`${bucket}/${key}`, Buffer.concat(parts));
    this.modified.set(`${bucket}/${key}`, new Date().toISOString());
  }

  async head(bucket: BucketRole, key: string): Promise<StoredObjectInfo | undefined> {
    const body = this.objects.get(`${bucket}/${key}`);
    const lastModified = this.modified.get(`${bucket}/${key}`);
    return body ? { key, size: body.length, ...(lastModified ? { lastModified } : {}) } : undefined;
  }

  async list(bucket: BucketRole, prefix: string): Promise<StoredObjectInfo[]> {
    return [...this.objects.entries()]
      .filter(([k]) => k.startsWith(`${bucket}/${prefix}`))
      .map(([k, v]) => ({ key: k.slice(bucket.length + 1), size: v.length }));
  }

  async presignPut(): Promise<never> {
    throw new Error('not supported in memory');
  }

  /** The NDJSON lines of every object under `prefix` in `bucket`, parsed. */
  lines(bucket: BucketRole, prefix: string): Record<string, unknown>[] {
    return [...this.objects.entries()]
      .filter(([k]) => k.startsWith(`${bucket}/${prefix}`))
      .flatMap(([, v]) => v.toString('utf8').split('\n'))
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

/** A serving table whose reads and batch writes can be made to fail. */
export class HookedTable extends InMemoryTable {
  onGet?: (pk: string, sk: string) => void;
  onPutMany?: (items: Item[]) => void;

  override async get(pk: string, sk: string): Promise<Item | undefined> {
    this.onGet?.(pk, sk);
    return super.get(pk, sk);
  }

  override async putMany(items: Item[]): Promise<void> {
    this.onPutMany?.(items);
    await super.putMany(items);
  }
}

export function memoryIngestDeps(): IngestDeps & {
  objects: InMemoryObjects;
  serving: HookedTable;
} {
  return {
    objects: new InMemoryObjects(),
    serving: new HookedTable(),
    keys: new LocalKeyRing(join(mkdtempSync(join(tmpdir(), 'cg-ingest-')), 'master.key')),
    clock: fixedClock('2026-06-01T00:00:00Z'),
  };
}
