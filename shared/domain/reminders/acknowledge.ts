// Use case (reminders): the patient answers a reminder. The first answer wins (a conditional write),
// so a double tap or a retried request records one answer, stops escalation, and a snooze brings the
// reminder back exactly once, `snoozeMinutes` later, as a new occurrence with its own escalation.
// The answer stores `snoozeMinutes`, so a retry after a failure between the two writes rebuilds the
// same occurrence (same id and due time). The snoozed occurrence keeps its order id and gets a
// PENDING# entry in the patient's plan, so stopping the order withdraws it (schedule-reminders.ts).
import type { Item, Table } from '../../ports/table';
import { NotFoundError, ValidationError } from '../errors';
import {
  ceilMinute,
  defaultSnoozeMinutes,
  dueKeys,
  occurrenceIdOf,
  reminderKeys,
  reminderSk,
  withoutDueKeys,
  type AckStatus,
  type ReminderTask,
} from './delivery-keys';
import { isoWithOffset } from './local-time';
import { pendingEntry } from './schedule-reminders';

export interface AcknowledgeInput {
  hospital: string;
  occurrenceId: string;
  status: AckStatus;
  /** When the patient answered. */
  at: Date;
  /** Minutes until a snoozed reminder returns, 1-240 (default 15). */
  snoozeMinutes?: number;
  /** When set, the occurrence must belong to this (pseudonymous) patient, else it is not found. */
  patient?: string;
}

export interface AcknowledgeResult {
  /** False when an earlier answer was already recorded (this one changed nothing). */
  recorded: boolean;
  /** The answer in force (the earlier one when `recorded` is false). */
  status: AckStatus;
  /** The new occurrence a snooze scheduled. */
  snoozedOccurrenceId?: string;
  snoozedUntil?: string;
}

/** Record the patient's answer to a reminder; NotFoundError when the hospital has no such occurrence. */
export async function acknowledgeReminder(
  deps: { serving: Table },
  input: AcknowledgeInput,
): Promise<AcknowledgeResult> {
  const snoozeMinutes = input.snoozeMinutes ?? defaultSnoozeMinutes;
  if (!Number.isInteger(snoozeMinutes) || snoozeMinutes < 1 || snoozeMinutes > 240)
    throw new ValidationError('snoozeMinutes must be an integer from 1 to 240', 'snoozeMinutes');
  const pk = reminderKeys.occurrence(input.hospital, input.occurrenceId);
  const occurrence = (await deps.serving.get(pk, reminderSk.occurrence)) as
    ReminderTask | undefined;
  if (!occurrence || (input.patient !== undefined && occurrence.patient !== input.patient))
    throw new NotFoundError('no such reminder occurrence');
  const answer = {
    pk,
    sk: reminderSk.ack,
    status: input.status,
    at: input.at.toISOString(),
    ...(input.status === 'snoozed' ? { snoozeMinutes } : {}),
  };
  if (!(await deps.serving.putIfAbsent(answer))) {
    const earlier = await deps.serving.get(pk, reminderSk.ack);
    const status = (earlier?.status as AckStatus | undefined) ?? input.status;
    // A retried snooze whose first attempt stopped after the answer: rebuild the same occurrence
    // from the stored answer (same id, same due time) and write it if it is still missing.
    if (status === 'snoozed' && earlier && typeof earlier.snoozeMinutes === 'number') {
      const snoozed = snoozedTask(occurrence, new Date(String(earlier.at)), earlier.snoozeMinutes);
      await storeSnoozed(deps, snoozed);
      return {
        recorded: false,
        status,
        snoozedOccurrenceId: snoozed.occurrenceId,
        snoozedUntil: snoozed.dueAt,
      };
    }
    return { recorded: false, status };
  }
  if (input.status !== 'snoozed') return { recorded: true, status: input.status };
  const snoozed = snoozedTask(occurrence, input.at, snoozeMinutes);
  await storeSnoozed(deps, snoozed);
  return {
    recorded: true,
    status: 'snoozed',
    snoozedOccurrenceId: snoozed.occurrenceId,
    snoozedUntil: snoozed.dueAt,
  };
}

/**
 * Write the snoozed occurrence once (putIfAbsent, so a retry never resets it) after its entry in the
 * patient's plan partition, so a re-plan that no longer plans its order withdraws it
 * (schedule-reminders.ts). Entry first: a task never exists that a re-plan cannot find.
 */
async function storeSnoozed(deps: { serving: Table }, snoozed: ReminderTask): Promise<void> {
  if (snoozed.orderId !== undefined) await deps.serving.put(pendingEntry(snoozed, true));
  await deps.serving.putIfAbsent(snoozed as unknown as Item);
}

function snoozedTask(occurrence: ReminderTask, answeredAt: Date, minutes: number): ReminderTask {
  const occurrenceId = occurrenceIdOf(occurrence.hospital, occurrence.occurrenceId, 'snooze');
  const due = ceilMinute(new Date(answeredAt.getTime() + minutes * 60_000));
  const base: ReminderTask = {
    ...withoutDueKeys(occurrence),
    pk: reminderKeys.occurrence(occurrence.hospital, occurrenceId),
    sk: 'OCCURRENCE',
    occurrenceId,
    dueAt: due.toISOString(),
    localDueAt: isoWithOffset(due, occurrence.tz),
  };
  return { ...base, ...dueKeys(base, due) };
}
