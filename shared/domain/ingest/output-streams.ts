// Domain (ingest): streaming multipart uploads of curated NDJSON (one per resource type) and of the
// quarantine, opened lazily, with backpressure. A file resumed from a checkpoint writes each segment
// to its own objects (`.part-0001.ndjson`...), so segments written before a failure are kept whole.
import { PassThrough } from 'node:stream';
import type { ObjectStore } from '../../ports/object-store';
import { keyLayout } from '../../config/resources';
import type { QuarantineEntry } from '../problem';

/** Segment 0 keeps the plain key; later segments add `.part-NNNN` before `.ndjson`. */
export function withSegment(key: string, segment: number): string {
  return segment === 0
    ? key
    : key.replace(/\.ndjson$/, `.part-${String(segment).padStart(4, '0')}.ndjson`);
}

/** One streaming upload per resource type and one for quarantine, opened lazily, with backpressure. */
export class OutputStreams {
  private readonly streams = new Map<string, { stream: PassThrough; done: Promise<void> }>();
  /** Quarantine objects written by this segment. */
  readonly quarantineKeys: string[] = [];

  /** The source's name (curated-source.ts), once its first curated line is written. */
  private digest?: string;

  constructor(
    private readonly objects: ObjectStore,
    private readonly hospital: string,
    /** Names the file's curated objects by its content, not its ETag (curated-source.ts). */
    private readonly source: { name(): Promise<string> },
    /** Checkpoint segment: 0 for a file processed in one go; each resumed segment gets its own objects. */
    private readonly segment = 0,
  ) {}

  curated(resourceType: string, json: string): Promise<void> {
    const digest = this.digest;
    if (digest === undefined)
      return this.source.name().then((name) => {
        this.digest = name;
        return this.curated(resourceType, json);
      });
    return this.write(
      'curated',
      withSegment(keyLayout.curated(this.hospital, resourceType, digest), this.segment),
      json,
    );
  }

  quarantine(key: string, entry: QuarantineEntry, raw: string): Promise<void> {
    const segmented = withSegment(key, this.segment);
    if (!this.quarantineKeys.includes(segmented)) this.quarantineKeys.push(segmented);
    return this.write('quarantine', segmented, JSON.stringify({ ...entry, raw }));
  }

  async close(): Promise<void> {
    for (const { stream } of this.streams.values()) stream.end();
    await Promise.all([...this.streams.values()].map((s) => s.done));
  }

  async abort(error: unknown): Promise<void> {
    for (const { stream } of this.streams.values())
      stream.destroy(error instanceof Error ? error : undefined);
    await Promise.allSettled([...this.streams.values()].map((s) => s.done));
  }

  private async write(bucket: 'curated' | 'quarantine', key: string, line: string): Promise<void> {
    let entry = this.streams.get(`${bucket}:${key}`);
    if (!entry) {
      const stream = new PassThrough();
      const done = this.objects.putStream(bucket, key, stream, 'application/fhir+ndjson');
      done.catch(() => undefined); // surfaced by close()/abort()
      entry = { stream, done };
      this.streams.set(`${bucket}:${key}`, entry);
    }
    if (!entry.stream.write(line + '\n')) {
      await new Promise<void>((resolve, reject) => {
        entry.stream.once('drain', resolve);
        entry.done.catch(reject);
      });
    }
  }
}
