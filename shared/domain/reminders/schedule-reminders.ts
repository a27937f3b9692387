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
}

export interface ReplanResult {
  written: number;
  /** Pending reminders withdrawn because they are no longer in the plan. */
  withdrawn: number;
}

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
 */
export async function replanReminders(
  deps: { serving: Table },
  input: ScheduleInput,
  window: ReplanWindow,
): Promise<ReplanResult> {
  const earliest = window.now.getTime() - catchUpMinutes * 60_000;
  const all = reminderTasks(input);
  const tasks = all.filter((t) => Date.parse(t.dueAt) >= earliest);
  await storeTasks(deps, tasks);
  const planned = new Set(tasks.map((t) => t.occurrenceId));
  // A snoozed reminder (acknowledge.ts) is not itself in any plan: it stays while its order is one
  // of `snoozeOrders` (default: has a task in the plan) and is withdrawn once it is not (stopped,
  // cancelled, gone). A snooze whose order is not known (no id) is never withdrawn.
  const plannedOrders = new Set(input.snoozeOrders ?? all.map((t) => t.orderId));
  const partition = reminderKeys.patientPlan(input.hospital, input.patient);
  let withdrawn = 0;
  for (const day of utcDays(new Date(earliest), window.until)) {
    let cursor: string | undefined;
    do {
      const page = await deps.serving.query({
        partition,
        sortPrefix: reminderSk.pendingDay(day),
        cursor,
      });
      for (const entry of page.items) {
        const due = Date.parse(String(entry.dueAt));
        if (due < earliest || due >= window.until.getTime()) continue;
        if (entry.withdrawn || planned.has(String(entry.occurrenceId))) continue;
        if (entry.snooze && (!entry.orderId || plannedOrders.has(String(entry.orderId)))) continue;
        if (await withdraw(deps, input.hospital, entry, window.now)) withdrawn++;
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return { written: tasks.length, withdrawn };
}

/** Withdraw one pending reminder unless it was already sent; true when withdrawn now. */
async function withdraw(
  deps: { serving: Table },
  hospital: string,
  entry: Item,
  now: Date,
): Promise<boolean> {
  const pk = reminderKeys.occurrence(hospital, String(entry.occurrenceId));
  const task = (await deps.serving.get(pk, reminderSk.occurrence)) as ReminderTask | undefined;
  const sent = await deps.serving.get(pk, reminderSk.done('deliver'));
  const withdrawNow = Boolean(task && !sent && !task.withdrawn);
  if (withdrawNow) {
    // Out of the due index AND flagged: the tick re-reads the flag before claiming, in case the
    // index (eventually consistent) still shows it.
    await deps.serving.put({
      ...withoutDueKeys(task!),
      withdrawn: true,
      withdrawnAt: now.toISOString(),
    } as unknown as Item);
  }
  // Recorded last: if the re-plan stops before this, the next one withdraws again (idempotent).
  await deps.serving.put({ ...entry, withdrawn: true });
  return withdrawNow;
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
