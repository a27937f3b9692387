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
  /** Rejections by reason (numbers stripped, so like reasons group). */
  byReason: Record<string, number>;
  /** Repairs by kind (unit-converted, duplicate-merged...); a repaired record counts once in records.repaired. */
  repairs: Record<string, number>;
  /**
   * Stored records with a caveat, by kind: `patient-not-yet-known` = a clinical record whose patient was
   * not in storage or earlier in this file when it was read (files of a batch arrive in any order).
   */
  warnings: Record<string, { count: number; firstLines: number[] }>;
  /**
   * What a non-data file was (a CSV mapping, a note sidecar, a Bulk Data export manifest), when it
   * holds configuration, not records.
   */
  configuration?: string;
  /** The first errors (each with line, field path and reason); all of them are in the quarantine object. */
  errors: { line: number; path?: string; reason: string }[];
  errorsOmitted: number;
  quarantineKey?: string;
  /** When a checkpointed file was written in several segments, every quarantine object, in order. */
  quarantineKeys?: string[];
  /** Set when this run resumed from a checkpoint after a failure: the last line the earlier run stored. */
  resumedAfterLine?: number;
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

/** What a checkpoint keeps of a report in progress. */
export interface ReportSnapshot {
  records: IngestReport['records'];
  byType: Record<string, number>;
  byReason: Record<string, number>;
  repairs: Record<string, number>;
  warnings?: IngestReport['warnings'];
  errors: IngestReport['errors'];
  errorsOmitted: number;
}

export class ReportBuilder {
  readonly records = { accepted: 0, repaired: 0, rejected: 0 };
  readonly byType: Record<string, number> = {};
  readonly byReason: Record<string, number> = {};
  readonly repairs: Record<string, number> = {};
  readonly warnings: IngestReport['warnings'] = {};
  readonly errors: IngestReport['errors'] = [];
  errorsOmitted = 0;
  configuration?: string;

  snapshot(): ReportSnapshot {
    return structuredClone({
      records: this.records,
      byType: this.byType,
      byReason: this.byReason,
      repairs: this.repairs,
      warnings: this.warnings,
      errors: this.errors,
      errorsOmitted: this.errorsOmitted,
    });
  }

  static restore(s: ReportSnapshot): ReportBuilder {
    const b = new ReportBuilder();
    Object.assign(b.records, s.records);
    Object.assign(b.byType, s.byType);
    Object.assign(b.byReason, s.byReason);
    Object.assign(b.repairs, s.repairs);
    Object.assign(b.warnings, s.warnings ?? {});
    b.errors.push(...s.errors);
    b.errorsOmitted = s.errorsOmitted;
    return b;
  }

  /** A stored record; with repairs it counts as repaired, else as accepted. */
  accept(resourceType: string, repairKinds: readonly string[] = []): void {
    if (repairKinds.length > 0) this.records.repaired++;
    else this.records.accepted++;
    for (const kind of new Set(repairKinds)) this.repairs[kind] = (this.repairs[kind] ?? 0) + 1;
    this.byType[resourceType] = (this.byType[resourceType] ?? 0) + 1;
  }

  /** A stored record with a caveat (it still counts as accepted or repaired). */
  warn(kind: string, line: number): void {
    const w = (this.warnings[kind] ??= { count: 0, firstLines: [] });
    w.count++;
    if (w.firstLines.length < 20) w.firstLines.push(line);
  }

  /** A record read but not stored because another copy of it was (counted as repaired). */
  merge(kind: string): void {
    this.records.repaired++;
    this.repairs[kind] = (this.repairs[kind] ?? 0) + 1;
  }

  reject(entry: QuarantineEntry): void {
    this.records.rejected++;
    const reason = entry.reason.replace(/\d+(\.\d+)?/g, 'N');
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
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
    const read = this.records.accepted + this.records.repaired + this.records.rejected;
    if (read === 0 && !this.configuration) {
      errors.push({ line: 0, reason: 'the file holds no records' });
    }
    return {
      ...base,
      status: this.configuration
        ? 'accepted'
        : ingestStatus(this.records.accepted + this.records.repaired, this.records.rejected),
      records: { ...this.records },
      byType: { ...this.byType },
      byReason: { ...this.byReason },
      repairs: { ...this.repairs },
      warnings: structuredClone(this.warnings),
      ...(this.configuration ? { configuration: this.configuration } : {}),
      errors,
      errorsOmitted: this.errorsOmitted,
      finishedAt,
    };
  }
}
