// Domain: the per-file ingest report that hospitals read (the CLI's `ingest --json` prints it).
import type { QuarantineEntry } from '../problem';

export type IngestStatus = 'accepted' | 'partial' | 'rejected';

export interface IngestReport {
  file: string;
  batch: string;
  hospital: string;
  key: string;
  status: IngestStatus;
  records: { accepted: number; repaired: number; rejected: number };
  byType: Record<string, number>;
  /** The first errors (each with line, field path and reason); all of them are in the quarantine object. */
  errors: { line: number; path?: string; reason: string }[];
  errorsOmitted: number;
  quarantineKey?: string;
  startedAt: string;
  finishedAt: string;
}

/** Reports keep at most this many errors inline so they stay small; the quarantine object has every one. */
export const maxReportErrors = 1000;

export function ingestStatus(accepted: number, rejected: number): IngestStatus {
  if (rejected === 0 && accepted > 0) return 'accepted';
  if (accepted > 0) return 'partial';
  return 'rejected';
}

export class ReportBuilder {
  readonly records = { accepted: 0, repaired: 0, rejected: 0 };
  readonly byType: Record<string, number> = {};
  readonly errors: IngestReport['errors'] = [];
  errorsOmitted = 0;

  accept(resourceType: string): void {
    this.records.accepted++;
    this.byType[resourceType] = (this.byType[resourceType] ?? 0) + 1;
  }

  reject(entry: QuarantineEntry): void {
    this.records.rejected++;
    if (this.errors.length < maxReportErrors) {
      this.errors.push({
        line: entry.line,
        ...(entry.path ? { path: entry.path } : {}),
        reason: entry.reason,
      });
    } else {
      this.errorsOmitted++;
    }
  }

  build(
    base: Pick<IngestReport, 'file' | 'batch' | 'hospital' | 'key' | 'startedAt' | 'quarantineKey'>,
    finishedAt: string,
  ): IngestReport {
    const errors = [...this.errors];
    if (this.records.accepted === 0 && this.records.rejected === 0) {
      errors.push({ line: 0, reason: 'the file holds no records' });
    }
    return {
      ...base,
      status: ingestStatus(this.records.accepted, this.records.rejected),
      records: { ...this.records },
      byType: { ...this.byType },
      errors,
      errorsOmitted: this.errorsOmitted,
      finishedAt,
    };
  }
}
