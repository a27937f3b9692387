// Use case (reminders): withdraw reminders stored before re-plans could withdraw anything.
//
// Before re-plans withdrew stale reminders, a plan was stored as OCCURRENCE items only: no PENDING#
// entry in the patient's plan partition (the only place a re-plan looks for what to withdraw), no
// `orderId`, and the patient not in the re-plan registry; and until snoozes were withdrawn with their
// order, a snoozed reminder had no entry either. Such a reminder of an order since stopped would be
// sent: no re-plan sees it.
//
// A reminder's occurrence id is a hash of hospital, patient, order id, dosage index and prescribed
// instant (a snooze's, of the reminder it snoozed), so the reminders an order the record still holds
// would have had can be worked out again and read by key (never a scan, nor an index query). Each
// re-plan does that for the orders it no longer plans (stopped, cancelled, completed, entered in
// error, on hold, "do not give", a mere proposal) and withdraws what it finds still pending, under
// its plan revision like any withdrawal. It costs a read per reminder, so only orders stored within
// `legacyWindowDays` are probed: a stored reminder was planned at most planningHorizonDays + 1 local
// days ahead, and an order that stopped being planned was stored again when it changed, so an order
// unchanged for longer has no pending reminder from a plan that still included it.
//
// What cannot be found this way (docs/cli.md, reminders): the old time of a dose whose timing changed
// (the old timing is no longer stored), the reminders of an order removed from the record, and the
// legacy reminders of a patient whose data has not changed since (nothing re-plans them, they are
// not in the registry, and finding them would take a scan); all of these end within 8 days.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Table } from '../../ports/table';
import { notActionable } from './actionable-request';
import {
  catchUpMinutes,
  occurrenceIdOf,
  reminderKeys,
  reminderSk,
  type ReminderTask,
} from './delivery-keys';
import { planReminders } from './plan';
import { forEachLimited } from './plan-revision';
import { reminderTasks, pendingEntry, withdraw } from './schedule-reminders';

/** Orders stored longer ago than this cannot have a pending reminder only this pass would find. */
export const legacyWindowDays = 9;

export interface LegacyInput {
  hospital: string;
  /** Pseudonymous patient id. */
  patient: string;
  tz: string;
  /** The patient's stored record. */
  resources: readonly Resource[];
  /**
   * When each of the record's MedicationRequests (by id) was stored: its item's `updatedAt`, as the
   * record's read returned it (plan-stored.ts), so the orders are not queried again.
   */
  ordersStoredAt: ReadonlyMap<string, unknown>;
  /** Orders whose snoozed reminders stay (plan-stored.ts): their snoozes are not withdrawn. */
  snoozeOrders: readonly string[];
  /** Local days probed: a day before the re-plan's first day (snoozes of earlier doses) to its end. */
  from: string;
  days: number;
  now: Date;
  until: Date;
  revision: number;
}

/** Withdraw the pending reminders of orders no longer planned; returns how many were withdrawn. */
export async function withdrawLegacyReminders(
  deps: { serving: Table },
  input: LegacyInput,
): Promise<number> {
  const unplanned = input.resources.filter(
    (r) =>
      r.resourceType === 'MedicationRequest' &&
      r.id !== undefined &&
      (r.status !== 'active' || notActionable(r) !== undefined),
  );
  if (unplanned.length === 0) return 0;
  const recent = recentlyStoredOrders(input);
  const shared = input.resources.filter(
    (r) => r.resourceType === 'Medication' || r.resourceType === 'MedicationDispense',
  );
  const earliest = input.now.getTime() - catchUpMinutes * 60_000;
  const candidates = new Set<string>();
  for (const request of unplanned) {
    if (request.resourceType !== 'MedicationRequest' || !recent(String(request.id))) continue;
    // What the order would be planned as were it still an order to take the drug.
    const asOrdered = { ...request, status: 'active' as const, intent: 'order' as const };
    delete asOrdered.doNotPerform;
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [asOrdered, ...shared].map((resource) => ({ resource })),
    };
    let tasks: ReminderTask[];
    try {
      const plan = planReminders(bundle, { tz: input.tz, from: input.from, days: input.days });
      tasks = reminderTasks({
        hospital: input.hospital,
        patient: input.patient,
        tz: input.tz,
        doses: plan.doses,
        refills: plan.refills,
      });
    } catch {
      continue; // an order that cannot be planned had no reminders to find
    }
    const keepsSnoozes = input.snoozeOrders.includes(String(request.id));
    for (const task of tasks) {
      const due = Date.parse(task.dueAt);
      if (due >= earliest && due < input.until.getTime()) candidates.add(task.occurrenceId);
      // Only a reminder already due can have been snoozed.
      if (!keepsSnoozes && due <= input.now.getTime())
        candidates.add(occurrenceIdOf(input.hospital, task.occurrenceId, 'snooze'));
    }
  }
  let withdrawn = 0;
  await forEachLimited([...candidates], 16, async (occurrenceId) => {
    const pk = reminderKeys.occurrence(input.hospital, occurrenceId);
    const task = (await deps.serving.get(pk, reminderSk.occurrence, { consistent: true })) as
      ReminderTask | undefined;
    if (!task || task.withdrawn || task.patient !== input.patient) return;
    if (Date.parse(task.dueAt) < earliest) return; // the tick no longer reads it
    if (await withdraw(deps, input.hospital, pendingEntry(task), input.now, input.revision))
      withdrawn++;
  });
  return withdrawn;
}

/** Whether an order's stored item was written within legacyWindowDays (unknown: yes). */
function recentlyStoredOrders(
  input: Pick<LegacyInput, 'ordersStoredAt' | 'now'>,
): (id: string) => boolean {
  const since = input.now.getTime() - legacyWindowDays * 86_400_000;
  return (id) => {
    const storedAt = Date.parse(String(input.ordersStoredAt.get(id)));
    return !(Number.isFinite(storedAt) && storedAt < since);
  };
}
