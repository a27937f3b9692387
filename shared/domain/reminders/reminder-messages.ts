// Domain (reminders): what a reminder or an escalation says. No PHI: patients and occurrences are
// named by pseudonymous ids only. The medication's name and dose go only to the patient's own channel
// (the patient knows what they take); the caregiver channel learns that a dose went unconfirmed, not
// which drug, so a shared caregiver inbox or an SMS preview does not disclose treatment.
import type { Notification } from '../../ports/notifier';
import type { ReminderTask } from './delivery-keys';

export const reminderChannels = {
  patient: 'patient-reminders',
  caregiver: 'caregiver-escalations',
} as const;

/** The patient-channel reminder of a dose or refill; dedupeKey is the occurrence id. */
export function patientReminder(task: ReminderTask): Notification {
  const what = task.dose ? `${task.medication} (${task.dose})` : task.medication;
  return {
    channel: reminderChannels.patient,
    subject: task.kind === 'refill' ? 'Refill reminder' : 'Medication reminder',
    message:
      task.kind === 'refill'
        ? `Your supply of ${task.medication} runs low: please order a refill.`
        : `Time to take ${what}, due ${task.localDueAt}.${coversNote(task)} Reply taken, skipped or snooze.`,
    dedupeKey: task.occurrenceId,
    attributes: attributes(task),
  };
}

/** The caregiver-channel escalation of an unconfirmed dose: ids and times only. */
export function caregiverEscalation(task: ReminderTask): Notification {
  return {
    channel: reminderChannels.caregiver,
    subject: 'Dose not confirmed',
    message:
      `Patient ${task.patient} has not confirmed the dose reminder ${task.occurrenceId} due ` +
      `${task.localDueAt} after ${task.escalateAfterMinutes} minutes.`,
    dedupeKey: `${task.occurrenceId}:escalation`,
    attributes: attributes(task),
  };
}

/**
 * The caregiver-channel notice of a reminder that aged out of the catch-up window undelivered (the
 * patient was never prompted): ids, kind and time only, as for an unconfirmed dose.
 */
export function caregiverUndelivered(task: ReminderTask, lateMinutes: number): Notification {
  return {
    channel: reminderChannels.caregiver,
    subject: 'Reminder not delivered',
    message:
      `Patient ${task.patient} could not be sent the ${task.kind} reminder ${task.occurrenceId} due ` +
      `${task.localDueAt} within ${lateMinutes} minutes: please check in with them.`,
    dedupeKey: `${task.occurrenceId}:abandoned`,
    attributes: attributes(task),
  };
}

/**
 * Several doses deferred by quiet hours into one reminder: say so, with the standard patient-leaflet
 * warning ("do not take a double dose to make up for a forgotten dose").
 */
function coversNote(task: ReminderTask): string {
  if (!task.covers || task.covers < 2) return '';
  return (
    ` This reminder stands for ${task.covers} doses that fell in your quiet hours: ` +
    'take one dose, do not take a double dose to make up for them.'
  );
}

function attributes(task: ReminderTask): Record<string, string> {
  return {
    hospital: task.hospital,
    patient: task.patient,
    occurrence: task.occurrenceId,
    kind: task.kind,
  };
}
