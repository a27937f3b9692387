// Use case (reminders): the patient answers a reminder. The first answer wins (a conditional write),
// so a double tap or a retried request records one answer, stops escalation, and a snooze brings the
// reminder back exactly once, `snoozeMinutes` later, as a new occurrence with its own escalation.
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
  const answer = { pk, sk: reminderSk.ack, status: input.status, at: input.at.toISOString() };
  if (!(await deps.serving.putIfAbsent(answer))) {
    const earlier = await deps.serving.get(pk, reminderSk.ack);
    return { recorded: false, status: (earlier?.status as AckStatus | undefined) ?? input.status };
  }
  if (input.status !== 'snoozed') return { recorded: true, status: input.status };
  const snoozed = snoozedTask(occurrence, input.at, snoozeMinutes);
  // putIfAbsent: the new occurrence is written once, even if this request is retried.
  await deps.serving.putIfAbsent(snoozed as unknown as Item);
  return {
    recorded: true,
    status: 'snoozed',
    snoozedOccurrenceId: snoozed.occurrenceId,
    snoozedUntil: snoozed.dueAt,
  };
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
