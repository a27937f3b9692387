// Use case (reminders): store a patient's planned reminders as delivery tasks in the serving table,
// each in its due minute's bucket on the byDueMinute index (delivery-keys.ts). Idempotent: occurrence
// ids are derived from the order and the prescribed instant, so re-planning rewrites the same items;
// a re-written task that was already delivered is recognised by its SENT marker and not sent again.
import type { Table } from '../../ports/table';
import { ValidationError } from '../errors';
import {
  ceilMinute,
  defaultEscalateAfterMinutes,
  dueKeys,
  occurrenceIdOf,
  reminderKeys,
  reminderSk,
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
    fields: Pick<ReminderTask, 'medication' | 'dose' | 'critical'>,
  ): ReminderTask => {
    const due = ceilMinute(at);
    const { dose, ...rest } = fields;
    const base = {
      pk: reminderKeys.occurrence(input.hospital, occurrenceId),
      sk: reminderSk.occurrence,
      hospital: input.hospital,
      patient: input.patient,
      occurrenceId,
      kind,
      ...rest,
      ...(dose ? { dose } : {}),
      dueAt: due.toISOString(),
      localDueAt: isoWithOffset(due, input.tz),
      tz: input.tz,
      escalateAfterMinutes,
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
      { medication: d.medication, dose: d.dose, critical: d.critical },
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
      {
        medication: r.medication,
        critical: false,
      },
    ),
  );
  return [...doses, ...refills];
}

/** Store the plan's tasks (batched writes); returns how many were written. */
export async function scheduleReminders(
  deps: { serving: Table },
  input: ScheduleInput,
): Promise<number> {
  const tasks = reminderTasks(input);
  await deps.serving.putMany(tasks as unknown as Record<string, unknown>[]);
  return tasks.length;
}
