// Use case: ingest one uploaded file. Stream-parse it line by line, validate each FHIR resource,
// quarantine what is bad (with line, field and reason; the raw line is kept, never lost), write the
// de-identified serving records and curated NDJSON, and write the per-file report.
// Writes use deterministic keys, so a re-delivered event or a re-uploaded file never duplicates data.
import { PassThrough } from 'node:stream';
import type { ObjectStore } from '../../ports/object-store';
import type { Table, Item } from '../../ports/table';
import type { KeyRing } from '../../ports/key-ring';
import type { Clock } from '../../ports/clock';
import { keyLayout } from '../../config/resources';
import { toQuarantineEntry, type QuarantineEntry } from '../problem';
import { ValidationError } from '../errors';
import { parseJsonLine, validateResource } from '../fhir/validate';
import { deidentifiedProjection, servingItem } from '../serving/records';
import { decompressIfGzip, numberedLines } from './lines';
import { parseRawKey } from './raw-key';
import { ReportBuilder, type IngestReport } from './report';
import { detectFormat } from './format';

export interface IngestDeps {
  objects: ObjectStore;
  serving: Table;
  keys: KeyRing;
  clock: Clock;
}

export interface IngestInput {
  /** Raw object key, already URL-decoded. */
  key: string;
  /** Content identity (S3 ETag): curated output is keyed by it, so identical re-uploads overwrite, not duplicate. */
  etag: string;
  /** Optional progress callback, called every `progressEvery` lines. */
  onProgress?: (linesRead: number) => void;
}

const writeBatchSize = 200;

export async function ingestFile(deps: IngestDeps, input: IngestInput): Promise<IngestReport> {
  const startedAt = deps.clock.now().toISOString();
  const where = parseRawKey(input.key);
  const report = new ReportBuilder();
  const outputs = new OutputStreams(deps.objects, where.hospital, input.etag.replace(/"/g, ''));
  const quarantineKey = keyLayout.quarantine(where.hospital, where.batch, where.file);
  const source = await decompressIfGzip(await deps.objects.getStream('raw', input.key));
  let pendingItems: Item[] = [];
  try {
    const lines = numberedLines(source);
    const format = await detectFormat(lines);
    for await (const { line, text, oversized } of format.lines) {
      if (!oversized && text.trim() === '') continue;
      try {
        if (oversized) throw new ValidationError('line longer than 16 MiB');
        const resource = validateResource(parseJsonLine(text));
        const projected = await deidentifiedProjection(deps.keys, where.hospital, resource);
        pendingItems.push(
          servingItem(where.hospital, projected, { batch: where.batch, updatedAt: startedAt }),
        );
        await outputs.curated(projected.resourceType, JSON.stringify(projected));
        report.accept(projected.resourceType);
      } catch (error) {
        const entry = toQuarantineEntry(where.file, line, error);
        report.reject(entry);
        await outputs.quarantine(quarantineKey, entry, text);
      }
      if (pendingItems.length >= writeBatchSize) {
        await deps.serving.putMany(pendingItems);
        pendingItems = [];
      }
      if (line % 10_000 === 0) input.onProgress?.(line);
    }
    if (format.rejectWholeFile) {
      const entry = toQuarantineEntry(where.file, 0, format.rejectWholeFile);
      report.reject(entry);
    }
    await deps.serving.putMany(pendingItems);
    await outputs.close();
  } catch (error) {
    await outputs.abort(error);
    throw error;
  }
  const built = report.build(
    { ...where, startedAt, ...(outputs.quarantined ? { quarantineKey } : {}) },
    deps.clock.now().toISOString(),
  );
  await deps.objects.put(
    'curated',
    keyLayout.report(where.hospital, where.batch, where.file),
    JSON.stringify(built, null, 2),
    'application/json',
  );
  return built;
}

/** One streaming upload per resource type and one for quarantine, opened lazily, with backpressure. */
class OutputStreams {
  private readonly streams = new Map<string, { stream: PassThrough; done: Promise<void> }>();
  quarantined = false;

  constructor(
    private readonly objects: ObjectStore,
    private readonly hospital: string,
    private readonly digest: string,
  ) {}

  curated(resourceType: string, json: string): Promise<void> {
    return this.write('curated', keyLayout.curated(this.hospital, resourceType, this.digest), json);
  }

  quarantine(key: string, entry: QuarantineEntry, raw: string): Promise<void> {
    this.quarantined = true;
    return this.write('quarantine', key, JSON.stringify({ ...entry, raw }));
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

/**
 * Write the report of a file whose processing failed for good (e.g. a store rejected a write as
 * invalid): status rejected, with the reason. Records already written stay; the raw file is kept.
 */
export async function recordPermanentFailure(
  deps: IngestDeps,
  key: string,
  error: unknown,
): Promise<IngestReport> {
  const where = parseRawKey(key);
  const at = deps.clock.now().toISOString();
  const entry = toQuarantineEntry(where.file, 0, error);
  const report: IngestReport = {
    ...where,
    status: 'rejected',
    records: { accepted: 0, repaired: 0, rejected: 0 },
    byType: {},
    errors: [{ line: 0, reason: `processing failed and was not retried: ${entry.reason}` }],
    errorsOmitted: 0,
    startedAt: at,
    finishedAt: at,
  };
  await deps.objects.put(
    'curated',
    keyLayout.report(where.hospital, where.batch, where.file),
    JSON.stringify(report, null, 2),
    'application/json',
  );
  return report;
}
