// Use case: a batch's ingest reports, for the hospital's data engineers (GET /ingest/batches/{id}).
import type { ObjectStore } from '../../ports/object-store';
import { identifierPattern } from '../../config/resources';
import { NotFoundError, ValidationError } from '../errors';
import type { IngestReport, IngestStatus } from './report';

export interface BatchSummary {
  batch: string;
  status: IngestStatus | 'processing';
  records: { accepted: number; repaired: number; rejected: number };
  /** How many file reports the batch has (the totals and status cover them all). */
  fileCount: number;
  /** The first maxBatchFiles file reports (by key). */
  files: Omit<IngestReport, 'hospital' | 'key'>[];
  /** True when `files` was cut at maxBatchFiles: fileCount says how many there are. */
  truncated?: true;
}

/** At most this many file reports are returned inline; totals and status still cover every file. */
export const maxBatchFiles = 1000;

export async function batchSummary(
  objects: ObjectStore,
  hospital: string,
  batch: string,
): Promise<BatchSummary> {
  if (!identifierPattern.test(batch))
    throw new ValidationError('batch id must be a lowercase slug', 'id');
  const listed = await objects.list('curated', `reports/${hospital}/${batch}/`);
  if (listed.length === 0)
    throw new NotFoundError('no such batch for your hospital (or no file has finished yet)');
  const files: BatchSummary['files'] = [];
  const records = { accepted: 0, repaired: 0, rejected: 0 };
  const statuses = new Set<IngestStatus>();
  let fileCount = 0;
  for (const o of listed) {
    const text = await objects.getText('curated', o.key);
    if (!text) continue;
    const { hospital: _h, key: _k, ...report } = JSON.parse(text) as IngestReport;
    fileCount++;
    if (files.length < maxBatchFiles) files.push(report);
    statuses.add(report.status);
    records.accepted += report.records.accepted;
    records.repaired += report.records.repaired;
    records.rejected += report.records.rejected;
  }
  const status: BatchSummary['status'] =
    statuses.size === 1
      ? [...statuses][0]!
      : statuses.has('accepted') || statuses.has('partial')
        ? 'partial'
        : 'rejected';
  return {
    batch,
    status,
    records,
    fileCount,
    files,
    ...(fileCount > files.length ? { truncated: true as const } : {}),
  };
}
