// Use case (reminders): store a patient's planned reminders as delivery tasks in the serving table,
// each in its due minute's bucket on the byDueMinute index (delivery-keys.ts). Idempotent: occurrence
// ids are derived from the order and the prescribed instant, so re-planning rewrites the same items;
// a re-written task that was already delivered is recognised by its SENT marker and not sent again.
//
// Every task also gets an entry in the patient's plan partition (PENDING#<day>#<occurrence>), so a
// re-plan (replanReminders) can withdraw the pending reminders that are no longer in the plan: a
// stopped order, a moved dose time, the refill of a superseded fill.
import type { Item, Table } from '../../ports/table';
import { ValidationError } from '../errors';
import {
  catchUpMinutes,
  ceilMinute,
  defaultEscalateAfterMinutes,
  dueKeys,
  occurrenceIdOf,
  reminderKeys,
  reminderSk,
  withoutDueKeys,
  type ReminderTask,
} from './delivery-keys';
import type { DoseOccurrence } from './expand-dosage';
import type { RefillReminder } from './refills';
import { isoWithOffset } from './local-time';
import {
  conditionalPut,
  forEachLimited,
  latestPlanRevision,
  revisionOf,
  takePlanRevision,
  writeUnlessSuperseded,
  type RevisedWrite,
} from './plan-revision';

export interface ScheduleInput {
  hospital: string;
  /** Pseudonymous patient id. */
  patient: string;
  tz: string;
  doses: DoseOccurrence[];
  refills?: RefillReminder[];
  /** Minutes without an answer before the caregiver is told, 1-1440 (default 60). */
  escalateAfterMinutes?: number;
  /**
   * Orders whose snoozed reminders a re-plan keeps (plan-stored.ts: every MedicationRequest still
   * active or completed): a snooze is withdrawn only when its order is stopped, cancelled or gone,
   * not merely because the order has no dose left in the plan (the last dose of a course, snoozed
   * past midnight). Without it, the orders that have a task in the plan.
   */
  snoozeOrders?: readonly string[];
}

/** The delivery tasks of a plan (exported for benchmarks and tests that load many at once). */
export function reminderTasks(input: ScheduleInput): ReminderTask[] {
  const escalateAfterMinutes = input.escalateAfterMinutes ?? defaultEscalateAfterMinutes;
  if (
    !Number.isInteger(escalateAfterMinutes) ||
    escalateAfterMinutes < 1 ||
    escalateAfterMinutes > 1440
  )
    throw new ValidationError(
      'escalateAfterMinutes must be an integer from 1 to 1440',
      'escalateAfterMinutes',
    );
  const task = (
    occurrenceId: string,
    kind: ReminderTask['kind'],
    at: Date,
    orderId: string,
    fields: Pick<ReminderTask, 'medication' | 'dose' | 'critical' | 'covers'>,
  ): ReminderTask => {
    const due = ceilMinute(at);
    const { dose, covers, ...rest } = fields;
    const base = {
      pk: reminderKeys.occurrence(input.hospital, occurrenceId),
      sk: reminderSk.occurrence,
      hospital: input.hospital,
      patient: input.patient,
      occurrenceId,
      kind,
      ...rest,
      ...(dose ? { dose } : {}),
      ...(covers && covers > 1 ? { covers } : {}),
      dueAt: due.toISOString(),
      localDueAt: isoWithOffset(due, input.tz),
      tz: input.tz,
      escalateAfterMinutes,
      orderId,
    } satisfies ReminderTask;
    return { ...base, ...dueKeys(base, due) };
  };
  const doses = input.doses.map((d) =>
    task(
      occurrenceIdOf(
        input.hospital,
        input.patient,
        d.requestId,
        String(d.dosageIndex),
        d.scheduledAt.toISOString(),
      ),
      'dose',
      d.at,
      d.requestId,
      { medication: d.medication, dose: d.dose, critical: d.critical, covers: d.covers },
    ),
  );
  const refills = (input.refills ?? []).map((r) =>
    task(
      occurrenceIdOf(
        input.hospital,
        input.patient,
        r.requestId,
        'refill',
        r.runsOutAt.toISOString(),
      ),
      'refill',
      r.at,
      r.requestId,
      {
        medication: r.medication,
        critical: false,
      },
    ),
  );
  return [...doses, ...refills];
}

/**
 * Store the plan's tasks and their pending entries (batched writes); returns how many tasks. Adds
 * only: it never withdraws anything, so it is for adding reminders (tests, benchmarks, one-off
 * loads). Re-planning a patient (a changed or stopped order) must use replanReminders.
 */
export async function scheduleReminders(
  deps: { serving: Table },
  input: ScheduleInput,
): Promise<number> {
  const tasks = reminderTasks(input);
  await storeTasks(deps, tasks);
  return tasks.length;
}

export interface ReplanWindow {
  /** When the re-plan runs. */
  now: Date;
  /** End (exclusive) of the planning horizon: pending reminders up to it that are not in the plan are withdrawn. */
  until: Date;
  /**
   * The patient's plan revision this re-plan took (takePlanRevision) BEFORE reading the data its plan
   * comes from (plan-stored.ts does). Without it one is taken now, which suits a caller that already
   * holds its data and has no concurrent re-plan to lose to (tests, one-off loads).
   */
  revision?: number;
}

export interface ReplanResult {
  /** Reminders written (a newer re-plan's reminders are never overwritten, so not counted). */
  written: number;
  /** Pending reminders withdrawn because they are no longer in the plan. */
  withdrawn: number;
  /**
   * Present when a newer re-plan of the patient (a higher revision: newer data) started meanwhile:
   * this one withdrew nothing of the patient's plan but what it had itself just created there
   * (counted in `withdrawn`), leaving the plan to the newer one. That one may yet fail: the caller
   * must see it complete (plan-revision.ts awaitCompletion) or re-plan itself (plan-stored.ts).
   */
  superseded?: true;
  /** With `superseded`: the newer revision this re-plan saw taken. */
  supersededBy?: number;
}

/** Conditional writes of one re-plan in flight at once. */
const writeConcurrency = 16;

/**
 * Replace a patient's pending reminders in [now - catch-up window, until) with `input`'s plan (the
 * patient's WHOLE plan for that window: every active order). Reminders due earlier than the catch-up
 * window are not (re)written: the tick would never read them.
 *
 * Order matters for safety: the new plan is written first and only then are stale reminders
 * withdrawn, so a re-plan interrupted midway never loses a reminder of an order still active (the
 * stale ones stay pending until the next re-plan withdraws them). Idempotent: a re-delivered event
 * re-plans from the same stored record, rewrites the same items and withdraws nothing new; a
 * withdrawn reminder that is planned again (order resumed) is rewritten without the flag.
 *
 * Concurrent re-plans (plan-revision.ts): every write and withdrawal is conditional on the item not
 * carrying a higher plan revision, so a re-plan from older data can neither bring back a reminder a
 * newer one withdrew nor withdraw one it planned. Once a re-plan sees a higher revision taken, it
 * stops: it withdraws what it created that no newer plan has rewritten, and withdraws nothing else;
 * it returns `superseded` with that revision, which its caller must see complete (plan-stored.ts).
 */
export async function replanReminders(
  deps: { serving: Table },
  input: ScheduleInput,
  window: ReplanWindow,
): Promise<ReplanResult> {
  const earliest = window.now.getTime() - catchUpMinutes * 60_000;
  const all = reminderTasks(input);
  const tasks = all.filter((t) => Date.parse(t.dueAt) >= earliest);
  const revision =
    window.revision ??
    (await takePlanRevision(deps.serving, input.hospital, input.patient, window.now));
  // The newer revision taken since this one (undefined while this is the latest).
  const superseded = async () => {
    const latest = await latestPlanRevision(deps.serving, input.hospital, input.patient);
    return latest > revision ? latest : undefined;
  };
  const newerAtStart = await superseded();
  if (newerAtStart !== undefined)
    return { written: 0, withdrawn: 0, superseded: true, supersededBy: newerAtStart };
  const partition = reminderKeys.patientPlan(input.hospital, input.patient);
  const span = { from: earliest, until: window.until.getTime() };
  // Read once, before the writes: what an older re-plan adds after this read, it takes back itself
  // when it sees this newer revision (below); a newer one's additions are the newer one's.
  const entries = await pendingEntries(deps, partition, span);
  const before = new Map(entries.map((e) => [String(e.occurrenceId), e]));
  const { written, revived } = await storePlanned(deps, tasks, revision, before);
  const newer = await superseded();
  if (newer !== undefined) {
    // The newer re-plan's withdrawals may have run before these writes, and so missed what they
    // created or brought back (nothing, or a withdrawn reminder, was stored): take those back
    // unless a newer plan has rewritten them since (they then carry its revision and are left).
    // What was pending before is the newer re-plan's to keep or withdraw.
    let retracted = 0;
    await forEachLimited(revived, writeConcurrency, async (task) => {
      if (await withdraw(deps, input.hospital, pendingEntry(task), window.now, revision))
        retracted++;
    });
    return { written, withdrawn: retracted, superseded: true, supersededBy: newer };
  }
  const planned = new Set(tasks.map((t) => t.occurrenceId));
  // A snoozed reminder (acknowledge.ts) is not itself in any plan: it stays while its order is one
  // of `snoozeOrders` (default: has a task in the plan) and is withdrawn once it is not (stopped,
  // cancelled, gone). A snooze whose order is not known (no id) is never withdrawn.
  const plannedOrders = new Set(input.snoozeOrders ?? all.map((t) => t.orderId));
  const stale = entries.filter(
    (entry) =>
      !entry.withdrawn &&
      !planned.has(String(entry.occurrenceId)) &&
      !(entry.snooze && (!entry.orderId || plannedOrders.has(String(entry.orderId)))),
  );
  let withdrawn = 0;
  // One at a time: an interrupted re-plan leaves the rest pending for the next one.
  for (const entry of stale)
    if (await withdraw(deps, input.hospital, entry, window.now, revision)) withdrawn++;
  return { written, withdrawn };
}

/** The patient's plan entries due in [from, until) (one query per UTC day, strongly consistent). */
async function pendingEntries(
  deps: { serving: Table },
  partition: string,
  span: { from: number; until: number },
): Promise<Item[]> {
  const entries: Item[] = [];
  for (const day of utcDays(new Date(span.from), new Date(span.until))) {
    let cursor: string | undefined;
    do {
      const page = await deps.serving.query({
        partition,
        sortPrefix: reminderSk.pendingDay(day),
        cursor,
        consistent: true,
      });
      for (const entry of page.items) {
        const due = Date.parse(String(entry.dueAt));
        if (due >= span.from && due < span.until) entries.push(entry);
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return entries;
}

/**
 * Withdraw one pending reminder under plan revision `revision`, unless it was already sent or a
 * newer plan (a higher revision) wrote it or its entry; true when withdrawn now.
 */
export async function withdraw(
  deps: { serving: Table },
  hospital: string,
  entry: Item,
  now: Date,
  revision: number,
): Promise<boolean> {
  const entryRevision = revisionOf(entry);
  if (entryRevision !== undefined && entryRevision > revision) return false;
  const pk = reminderKeys.occurrence(hospital, String(entry.occurrenceId));
  const sent = await deps.serving.get(pk, reminderSk.done('deliver'), { consistent: true });
  let wasPending = false;
  const outcome = sent
    ? 'unchanged'
    : // Out of the due index AND flagged: the tick re-reads the flag before claiming, in case the
      // index (eventually consistent) still shows it. One withdrawn already (by an older revision,
      // its entry left unmarked by an interruption) is stamped with this revision too, so a task
      // and its entry of one revision always agree (storePlanned relies on it).
      await writeUnlessSuperseded(
        deps.serving,
        { pk, sk: reminderSk.occurrence },
        revision,
        (task) => {
          wasPending = Boolean(task && !task.withdrawn);
          if (!task || (task.withdrawn && revisionOf(task) === revision)) return undefined;
          return {
            ...withoutDueKeys(task as unknown as ReminderTask),
            withdrawn: true,
            withdrawnAt: task.withdrawn ? task.withdrawnAt : now.toISOString(),
          } as unknown as Item;
        },
      );
  // A newer plan owns the reminder: its entry is the newer plan's to keep or withdraw.
  if (outcome === 'superseded') return false;
  // Recorded last: if the re-plan stops before this, the next one withdraws again (idempotent).
  // Conditional too, so an entry a newer plan has rewritten since (planned again) is not marked.
  await conditionalPut(deps.serving)(
    { ...entry, withdrawn: true, planRevision: revision },
    { attribute: 'planRevision', expected: entryRevision },
  );
  return outcome === 'written' && wasPending;
}

/**
 * A re-plan's tasks: the plan entries first (batched: an entry is only where a re-plan looks, so a
 * task never exists that a re-plan cannot find), then each task, conditionally (plan-revision.ts).
 * The entries read before (`before`) name the revision each task was last written under, so the
 * conditional put is tried on that at once, one request a task; a task that does not match (a
 * concurrent writer, an interrupted one) is read and written by writeUnlessSuperseded. Returns how
 * many tasks were written (not those a newer plan had written) and which of them were absent or
 * withdrawn before.
 */
async function storePlanned(
  deps: { serving: Table },
  tasks: ReminderTask[],
  revision: number,
  before: ReadonlyMap<string, Item>,
): Promise<{ written: number; revived: ReminderTask[] }> {
  const stamped = tasks.map((t) => ({ ...t, planRevision: revision }));
  await deps.serving.putMany(stamped.map((t) => pendingEntry(t)));
  const put = conditionalPut(deps.serving);
  let written = 0;
  const revived: ReminderTask[] = [];
  await forEachLimited(stamped, writeConcurrency, async (task) => {
    const entry = before.get(task.occurrenceId);
    const guess = revisionOf(entry);
    // A task of the entry's revision is pending exactly when its entry is (withdraw stamps both).
    let wasPending = Boolean(entry && !entry.withdrawn);
    let outcome: RevisedWrite | undefined;
    if (
      (guess === undefined || guess <= revision) &&
      (await put(task as unknown as Item, { attribute: 'planRevision', expected: guess }))
    )
      outcome = 'written';
    else
      outcome = await writeUnlessSuperseded(
        deps.serving,
        { pk: task.pk, sk: task.sk },
        revision,
        (stored) => {
          wasPending = Boolean(stored && !stored.withdrawn);
          return task as unknown as Item;
        },
      );
    if (outcome !== 'written') return;
    written++;
    if (!wasPending) revived.push(task);
  });
  return { written, revived };
}

async function storeTasks(deps: { serving: Table }, tasks: ReminderTask[]): Promise<void> {
  const pending = tasks.map((t) => pendingEntry(t));
  await deps.serving.putMany([...(tasks as unknown as Item[]), ...pending]);
}

/**
 * A task's entry in its patient's plan partition. A snoozed reminder's entry is flagged `snooze` and
 * names its order, so a re-plan keeps it exactly while that order is still planned.
 */
export function pendingEntry(task: ReminderTask, snooze = false): Item {
  return {
    pk: reminderKeys.patientPlan(task.hospital, task.patient),
    sk: reminderSk.pending(task.dueAt.slice(0, 10), task.occurrenceId),
    occurrenceId: task.occurrenceId,
    dueAt: task.dueAt,
    ...(snooze ? { snooze: true, orderId: task.orderId } : {}),
    ...(task.planRevision !== undefined ? { planRevision: task.planRevision } : {}),
  };
}

/** The UTC days (YYYY-MM-DD) from `from`'s day through the day of the instant before `until`. */
function utcDays(from: Date, until: Date): string[] {
  const days: string[] = [];
  const last = Math.floor((until.getTime() - 1) / 86_400_000);
  for (let d = Math.floor(from.getTime() / 86_400_000); d <= last; d++)
    days.push(new Date(d * 86_400_000).toISOString().slice(0, 10));
  return days;
}
