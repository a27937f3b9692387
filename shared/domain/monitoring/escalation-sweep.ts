// Use case (monitoring): the scheduled escalation sweep. escalation.ts promises that an open,
// unacknowledged alert steps up while its problem persists (urgent -> critical after 1 h, warning ->
// urgent after 24 h, info -> warning after 7 days, each up to its rule's ceiling), whether or not new
// data for the patient arrives. Every alert write lists the alert on the byPatientTime index under
// `ALERT-CHECK`, sorted by when it next needs a look (escalation.ts `nextCheckAt`: its next step, or
// the retry of a page not confirmed sent). The sweep reads the due part of that partition (never a
// scan) and re-evaluates each due alert's patient at `now` (onPatientDataUpdated): a problem that
// persists escalates, one that has cleared with time (a low glucose now more than 24 h old) resolves
// instead of escalating. It then steps up by time any due alert the evaluation did not judge, pages
// the care team once per new severity, and moves each alert to its next check time (or off the
// index). Safe under at-least-once, overlapping or late invocations: every change is a conditional
// write on the alert's revision and every page is claimed before it is sent (alert-store.ts), so a
// repeated sweep changes and sends nothing more.
import type { Table } from '../../ports/table';
import { ValidationError } from '../errors';
import { alertKeys, storedAlertOf, type StoredAlert } from './alert-records';
import {
  conflict,
  deferCheck,
  pageCareTeam,
  readAlert,
  replaceAlert,
  retryOnConflict,
} from './alert-store';
import { escalateWithTime } from './escalation';
import { onPatientDataUpdated, type PatientDataUpdatedDeps } from './patient-data-updated';

/** The serving table (needs `putIfUnchanged`), the care-team notifier and the NEWS2 scorer. */
export type EscalationSweepDeps = Omit<PatientDataUpdatedDeps, 'clock'>;

export interface EscalationSweepOutcome {
  /** Alerts looked at (due at or before `now`). */
  checked: number;
  /** Patients re-evaluated (each once per run). */
  evaluated: number;
  resolved: number;
  escalated: number;
  notifications: number;
  /** Alerts whose check failed (a page that could not be sent): they stay due and are retried. */
  failed: number;
  /** True when the run stopped at its limit with more alerts due (the next run continues). */
  more: boolean;
}

/**
 * Alerts one run looks at: bounded so a run ends well within the monitor function's 30 s timeout
 * (each is a re-evaluation of its patient: their recent observations read, a few writes, at most one
 * page); a backlog continues next minute (`more`, logged with the counts).
 */
export const maxChecksPerRun = 50;

/** How long a check that threw waits before the sweep tries it again (project choice). */
export const failedCheckRetryMs = 5 * 60_000;

/** Escalates every alert due at or before `now` (up to `limit`), oldest due first. */
export async function escalateDueAlerts(
  deps: EscalationSweepDeps,
  input: { now: Date | string; limit?: number },
): Promise<EscalationSweepOutcome> {
  const now = input.now instanceof Date ? input.now.getTime() : Date.parse(input.now);
  if (Number.isNaN(now)) throw new ValidationError('now must be an ISO 8601 date-time', 'now');
  const limit = input.limit ?? maxChecksPerRun;
  const nowIso = new Date(now).toISOString();
  const outcome: EscalationSweepOutcome = {
    checked: 0,
    evaluated: 0,
    resolved: 0,
    escalated: 0,
    notifications: 0,
    failed: 0,
    more: false,
  };
  const evaluated = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await deps.serving.query({
      index: 'byPatientTime',
      partition: alertKeys.checkDue,
      limit: 100,
      cursor,
    });
    for (const item of page.items) {
      if (String(item.gsi2sk).split('#')[0]! > nowIso) return outcome;
      if (outcome.checked >= limit) {
        outcome.more = true;
        return outcome;
      }
      outcome.checked++;
      try {
        const { hospital, patientId } = storedAlertOf(item).alert;
        if (!evaluated.has(String(item.pk))) {
          evaluated.add(String(item.pk));
          const clock = { now: () => new Date(now) };
          const evaluation = await onPatientDataUpdated(
            { ...deps, clock },
            { hospital, patientId, batch: 'escalation-sweep' },
          );
          outcome.evaluated++;
          outcome.escalated += evaluation.escalated.length;
          outcome.resolved += evaluation.resolved.length;
          outcome.notifications += evaluation.notifications;
        }
        await checkAlert(deps.serving, deps, String(item.pk), String(item.sk), now, outcome);
      } catch {
        // One alert's failure (its record cannot be read or evaluated) must not hold up the others:
        // its check moves failedCheckRetryMs on, so it cannot keep the oldest slots of every run,
        // and a later run retries it. Counted, never logged with its identifiers.
        outcome.failed++;
        const key = { pk: String(item.pk), sk: String(item.sk) };
        await deferCheck(deps.serving, key, { now, until: now + failedCheckRetryMs })
          // If even that fails, the check stays due and is retried next run.
          .catch(() => undefined);
      }
    }
    cursor = page.cursor;
  } while (cursor);
  return outcome;
}

/**
 * After the evaluation: an alert still due (one the evaluation did not judge, e.g. NEWS2 with no
 * scorer wired) steps up by time alone; a page still due is sent; the alert is rescheduled.
 */
async function checkAlert(
  table: Table,
  deps: EscalationSweepDeps,
  pk: string,
  sk: string,
  now: number,
  outcome: EscalationSweepOutcome,
): Promise<void> {
  const stored = await retryOnConflict('alert', async () => {
    const current = await readAlert(table, pk, sk);
    if (!current) return undefined;
    const next = escalateWithTime(current.alert, now);
    if (next === current.alert) return current;
    const written = await replaceAlert(
      table,
      current,
      { ...next, updatedAt: new Date(now).toISOString() },
      now,
    );
    if (!written) return conflict;
    outcome.escalated++;
    return written;
  });
  if (!stored) return;
  const paged = await pageCareTeam({ table, notifier: deps.notifier, now }, stored);
  if (paged.sent) outcome.notifications++;
  await reschedule(table, paged.stored, now);
}

/**
 * An alert still listed as due (nothing to escalate yet, or a page another writer is sending) moves
 * to its next check time, or off the index when nothing more can happen (acknowledged, resolved, at
 * its ceiling). Conditional: a writer that changed it meanwhile has already set its check time.
 */
async function reschedule(table: Table, stored: StoredAlert, now: number): Promise<void> {
  if (stored.checkAt === undefined || stored.checkAt > new Date(now).toISOString()) return;
  await replaceAlert(table, stored, stored.alert, now);
}
