// Domain (monitoring): writing alerts and paging the care team safely when several writers act on one
// alert at once: two evaluations of the same patient (PatientDataUpdated is delivered at least once,
// and two batches can land together), the scheduled escalation sweep, and a clinician acknowledging.
//
// - Every change after an alert's first write is a conditional put on its revision `rev`
//   (Table.putIfUnchanged). A writer that loses re-reads and re-applies its change to what the other
//   stored, so no acknowledgement, escalation or resolution is overwritten.
// - A care-team page of one severity is claimed with a conditional put of the alert's
//   `NOTIFIED#{rule}#{episode}#{severity}` item before it is sent, so one writer pages, however many
//   race: SNS standard topics do not de-duplicate. A failed send marks the claim failed (and a claim
//   whose sender died goes stale after `pageRetryAfterMs`); the alert stays on the sweep's index
//   until the page is recorded, and the next evaluation or sweep claims it again and sends it. So a
//   page can, rarely, go out twice (a sender dying between sending and recording), never not at all.
import type { Notifier } from '../../ports/notifier';
import type { Item, PutCondition, Table } from '../../ports/table';
import { DependencyError } from '../errors';
import { alertItem, alertKeys, storedAlertOf, type Alert, type StoredAlert } from './alert-records';
import { nextCheckAt, pageDue, pageRetryAfterMs } from './escalation';
import type { Severity } from './rules';

/** The care-team channel of the Notifier port. */
export const careTeamChannel = 'care-team';

/** The care-team message: pseudonymous patient id, rule, severity and source; no values, no PHI. */
export function careTeamNotification(alert: Alert) {
  return {
    channel: careTeamChannel,
    subject: `[${alert.severity}] ${alert.rule}`,
    message: `Alert ${alert.alertId}: rule ${alert.rule} is ${alert.severity} for patient ${alert.patientId} (source: ${alert.source.guideline}, ${alert.source.version}). Review in caregraph.`,
    dedupeKey: `alert#${alert.hospital}#${alert.alertId}#${alert.severity}`,
    attributes: { hospital: alert.hospital, rule: alert.rule, severity: alert.severity },
  };
}

/** Returned by an attempt that lost a conditional write: re-read and try again. */
export const conflict = Symbol('conflict');

/** Attempts before a writer gives up (DependencyError, retryable: the invocation is retried). */
export const maxWriteAttempts = 8;

/** Runs `attempt` until it returns something other than `conflict`, with a short jittered backoff. */
export async function retryOnConflict<T>(
  what: string,
  attempt: () => Promise<T | typeof conflict>,
): Promise<T> {
  for (let i = 0; i < maxWriteAttempts; i++) {
    if (i > 0) await sleep(Math.random() * Math.min(200, 5 * 2 ** i));
    const result = await attempt();
    if (result !== conflict) return result;
  }
  throw new DependencyError(`${what} kept changing under concurrent writers; try again`);
}

function conditionalPut(table: Table): (item: Item, condition: PutCondition) => Promise<boolean> {
  if (!table.putIfUnchanged)
    throw new DependencyError('the alerts table offers no conditional put (putIfUnchanged)');
  return table.putIfUnchanged.bind(table);
}

export async function readAlert(
  table: Table,
  pk: string,
  sk: string,
): Promise<StoredAlert | undefined> {
  const item = await table.get(pk, sk);
  return item ? storedAlertOf(item) : undefined;
}

/** Writes a new alert (revision 1) unless one exists under its key. */
export async function createAlert(
  table: Table,
  alert: Alert,
  now: number,
): Promise<StoredAlert | undefined> {
  const item = alertItem(alert, 1, nextCheckAt(alert, now));
  return (await table.putIfAbsent(item)) ? storedAlertOf(item) : undefined;
}

/**
 * Replaces a stored alert with `next`, only if it is still at revision `current.rev`; undefined when
 * another writer changed it first (re-read and re-apply). `now` dates the sweep's check time.
 */
export async function replaceAlert(
  table: Table,
  current: StoredAlert,
  next: Alert,
  now: number,
): Promise<StoredAlert | undefined> {
  const item = alertItem(next, (current.rev ?? 0) + 1, nextCheckAt(next, now));
  const written = await conditionalPut(table)(item, { attribute: 'rev', expected: current.rev });
  return written ? storedAlertOf(item) : undefined;
}

/**
 * Moves a stored alert's sweep check to `until` if it is still due at `now`: a failure that
 * rescheduled the check itself (a refused page retries after pageRetryAfterMs) and a writer that
 * changed the alert meanwhile (its write sets the check time) are left alone. The sweep backs off a
 * check that failed this way, so one that keeps failing cannot take every run's slots from the
 * alerts behind it.
 */
export async function deferCheck(
  table: Table,
  key: { pk: string; sk: string },
  times: { now: number; until: number },
): Promise<void> {
  const current = await readAlert(table, key.pk, key.sk);
  if (!current?.checkAt || Date.parse(current.checkAt) > times.now) return;
  const item = alertItem(current.alert, (current.rev ?? 0) + 1, times.until);
  await conditionalPut(table)(item, { attribute: 'rev', expected: current.rev });
}

export interface PageContext {
  table: Table;
  notifier: Notifier;
  now: number;
}

/**
 * Pages the care team about the alert's current severity if that page is due and not yet sent,
 * claiming it first so that one writer pages. Returns the alert as stored afterwards and whether this
 * call sent the page. A failed send is recorded as failed (so a retry may claim it at once) and
 * rethrown: the invocation fails and is retried, and the sweep retries it too.
 */
export async function pageCareTeam(
  ctx: PageContext,
  stored: StoredAlert,
): Promise<{ stored: StoredAlert; sent: boolean }> {
  if (!pageDue(stored.alert)) return { stored, sent: false };
  const severity = stored.alert.severity;
  const claim = await claimPage(ctx, stored.alert, severity);
  if (claim === 'held') return { stored, sent: false };
  let sent = false;
  if (claim !== 'sent') {
    try {
      await ctx.notifier.send(careTeamNotification(stored.alert));
    } catch (error) {
      await conditionalPut(ctx.table)(
        { ...claim, state: 'failed' },
        { attribute: 'attempt', expected: claim.attempt as number },
      ).catch(() => false);
      throw error;
    }
    sent = true;
    await conditionalPut(ctx.table)(
      { ...claim, state: 'sent', sentAt: iso(ctx.now) },
      { attribute: 'attempt', expected: claim.attempt as number },
    );
  }
  return { stored: await recordPage(ctx, stored, severity), sent };
}

/**
 * Claims the page of `severity`: the claim item when this writer is to send it, 'sent' when it went
 * out already (only the alert's record of it is missing), 'held' when another writer is sending it.
 * A claim marked failed, or one older than `pageRetryAfterMs` (its sender died), is claimed again.
 */
async function claimPage(
  ctx: PageContext,
  alert: Alert,
  severity: Severity,
): Promise<Item | 'sent' | 'held'> {
  const key = {
    pk: alertKeys.partition(alert.hospital, alert.patientId),
    sk: alertKeys.notification(alert.rule, alert.episode, severity),
  };
  const first: Item = {
    ...key,
    kind: 'alert-page',
    hospital: alert.hospital,
    alertId: alert.alertId,
    severity,
    state: 'sending',
    attempt: 1,
    claimedAt: iso(ctx.now),
  };
  if (await ctx.table.putIfAbsent(first)) return first;
  const current = await ctx.table.get(key.pk, key.sk);
  if (!current) return 'held'; // not visible yet to this read: the sweep looks again later
  if (current.state === 'sent') return 'sent';
  const stale = Date.parse(String(current.claimedAt)) + pageRetryAfterMs <= ctx.now;
  if (current.state === 'sending' && !stale) return 'held';
  const again = { ...first, attempt: Number(current.attempt) + 1 };
  const claimed = await conditionalPut(ctx.table)(again, {
    attribute: 'attempt',
    expected: current.attempt as number,
  });
  return claimed ? again : 'held';
}

/** Adds `severity` to the alert's `notified` (conditionally, re-reading on conflict). */
async function recordPage(
  ctx: PageContext,
  stored: StoredAlert,
  severity: Severity,
): Promise<StoredAlert> {
  const pk = alertKeys.partition(stored.alert.hospital, stored.alert.patientId);
  const sk = alertKeys.sort(stored.alert.rule, stored.alert.episode);
  let current: StoredAlert | undefined = stored;
  return retryOnConflict('alert', async () => {
    current ??= await readAlert(ctx.table, pk, sk);
    if (!current) throw new DependencyError('alert not readable after its page was sent');
    if (current.alert.notified.includes(severity)) return current;
    const next: Alert = {
      ...current.alert,
      notified: [...current.alert.notified, severity],
      updatedAt: iso(ctx.now),
    };
    const written = await replaceAlert(ctx.table, current, next, ctx.now);
    current = undefined;
    return written ?? conflict;
  });
}

const iso = (t: number) => new Date(t).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
