// Domain (access): the append-only audit trail of every access to patient data through the API.
// An audit record says who (subject, role), for which hospital, did what (action, route, outcome),
// to which pseudonymous patient, when and for what purpose; it never holds PHI (no names, no
// values, no free text, no query strings). Records are only ever added (a conditional put), never
// updated; the IAM policy grants the API no UpdateItem or DeleteItem on the table.
import { randomUUID } from 'node:crypto';
import type { Table } from '../../ports/table';
import { ValidationError } from '../errors';
import type { Action, Principal, PurposeOfUse } from './policy';

export interface AuditEntry {
  /** ISO instant of the access. */
  at: string;
  subject: string;
  role: string;
  hospital: string;
  action: Action | 'unauthenticated';
  /** The route template, e.g. `GET /patients/{id}` (never the raw path: ids are kept separately). */
  route: string;
  /** Pseudonymous patient id the access concerned, when it concerned one. */
  patient?: string;
  purpose?: PurposeOfUse;
  outcome: 'allowed' | 'denied' | 'failed';
  /** HTTP status returned. */
  status: number;
  requestId: string;
}

/** Audit partitions are per hospital and UTC day, so one busy hospital spreads over days. */
export const auditKeys = {
  partition: (hospital: string, day: string) => `AUDIT#${hospital}#${day}`,
};

/** Append one audit record; a retried request appends its own record, never overwrites one. */
export async function recordAudit(audit: Table, entry: AuditEntry): Promise<void> {
  const day = entry.at.slice(0, 10);
  const written = await audit.putIfAbsent({
    pk: auditKeys.partition(entry.hospital, day),
    sk: `${entry.at}#${entry.requestId}#${randomUUID()}`,
    ...entry,
  });
  if (!written) throw new Error('audit record collision'); // a random suffix makes this unreachable
}

/** Build the audit entry for a request by `principal` (the outcome is filled in after the route ran). */
export function auditEntry(
  principal: Principal,
  action: Action,
  route: string,
  requestId: string,
  at: Date,
): Omit<AuditEntry, 'outcome' | 'status'> {
  return {
    at: at.toISOString(),
    subject: principal.subject,
    role: principal.role,
    hospital: principal.hospital,
    action,
    route,
    requestId,
  };
}

/** The shape of a served patient id: 128 bits of HMAC-SHA256 in hex (serving/resource-projection.ts). */
const pseudonymPattern = /^[0-9a-f]{32}$/;

/**
 * The patient an audit record may name: the path's id when it is a pseudonym, else none. Any other
 * id names no stored patient, and may be an identifier typed where a pseudonym belongs (an MRN).
 */
export function auditedPatient(id: string | undefined): { patient?: string } {
  return id !== undefined && pseudonymPattern.test(id) ? { patient: id } : {};
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** One page of a hospital's audit trail for a UTC day (oldest first). */
export async function listAudit(
  audit: Table,
  hospital: string,
  query: { day: string; limit?: number; cursor?: string },
): Promise<{ items: AuditEntry[]; next?: string }> {
  if (!dayPattern.test(query.day) || Number.isNaN(Date.parse(query.day)))
    throw new ValidationError('day must be a date YYYY-MM-DD', 'day');
  const page = await audit.query({
    partition: auditKeys.partition(hospital, query.day),
    limit: query.limit ?? 100,
    cursor: query.cursor,
  });
  return {
    items: page.items.map(({ pk: _pk, sk: _sk, ...entry }) => entry as unknown as AuditEntry),
    ...(page.cursor ? { next: page.cursor } : {}),
  };
}
