// Domain (reminders): the serving-table layout of reminder delivery.
//
// Every reminder occurrence has its own partition, `RO#<hospital>#<occurrenceId>`, holding:
//   OCCURRENCE        the reminder (a "task"): what to send, when, to whom (pseudonymous ids)
//   CLAIM#deliver#n   conditional claim n of the delivery (putIfAbsent; n > 1 only after a stale claim)
//   SENT              the reminder was handed to the notifier
//   ESCALATION-CHECK  a task due escalateAfterMinutes after delivery: escalate unless acknowledged
//   CLAIM#escalate#n, ESCALATED   the same claim/marker pair for the caregiver escalation
//   ACK               the patient's first answer (taken, skipped, snoozed)
//   CLAIM#abandon#n, ABANDONED   a task that aged out of the catch-up window undelivered: recorded
//                     and escalated to the caregiver once (deliver-due.ts)
// so acknowledging needs only hospital + occurrence id, and one hospital can never touch another's.
// A withdrawn reminder (its order was stopped or changed: schedule-reminders.ts) is its OCCURRENCE
// rewritten with `withdrawn` and without index keys; delivery checks the flag before claiming.
//
// Each patient's plan has its own partition, `RP#<hospital>#<patient>`, holding one
// `PENDING#<UTC day>#<occurrenceId>` entry per reminder planned for them, so a re-plan can find and
// withdraw the pending reminders that are no longer in the plan (queried per day, never scanned).
// A snoozed reminder's entry is flagged `snooze` and names its order (`orderId`): a re-plan keeps it
// while that order is still planned and withdraws it once the order is not.
// The same partition's `PLAN` item holds the patient's latest plan revision (plan-revision.ts): each
// re-plan takes the next one before reading the record, stamps it (`planRevision`) on every
// OCCURRENCE and PENDING# entry it writes or withdraws, and never replaces one a higher revision wrote.
// The rolling re-plan registry (plan-stored.ts) lists every patient with an active order under
// `RPLAN#<shard>`, sort key `<hospital>#<patient>`, so the daily re-plan queries, never scans.
//
// Tasks still waiting carry gsi3pk = `RD#<UTC minute>#<shard>` on the sparse index byDueMinute; a
// tick queries only the due minutes' buckets (never a scan), and a delivered task is rewritten
// without gsi3pk, leaving the index. Its sort key gsi3sk = `<hospital>#<occurrenceId>#<task>`.
import { createHash } from 'node:crypto';

/**
 * Shards per minute bucket: S = 16. One GSI partition key value is served by one partition (about
 * 1,000 writes/s and 3,000 reads/s of 4 KB). The target, 1,000,000 patients on two
 * medications, can put up to 2,000,000 once-daily reminders in the 08:00 bucket: unsharded, writing
 * them would take over half an hour on one partition and reading them ~80 s; over 16 shards writes
 * take ~2 min (spread over the planning run) and each shard's read ~5 s, and the 16 shards can be
 * delivered by parallel invocations. An empty minute costs 16 queries. Changing S changes where
 * items live: raise it only with a re-plan of pending reminders.
 */
export const reminderShards = 16;

/**
 * Catch-up window: each tick also reads the buckets of the previous 30 minutes, so a missed or failed
 * tick (EventBridge Scheduler retries, a Lambda throttle, a deploy) is made up by the next one.
 * Delivered tasks have left the index, so re-reading those buckets costs only what is still due. A
 * reminder more than 30 minutes late is not sent to the patient (a late dose prompt risks a double
 * dose with the next one more than a missed prompt risks a miss): the abandonment sweep
 * (abandonSweepMinutes) records it and tells the caregiver instead.
 */
export const catchUpMinutes = 30;

/**
 * Abandonment sweep: each tick also reads the 30 minute buckets just older than the catch-up window;
 * a task still there was never delivered, so it is recorded as abandoned (metric RemindersAbandoned)
 * and escalated to the caregiver, never dropped silently. 30 minutes of sweep tolerate 30 minutes
 * without any tick (a deploy, a throttled function) without losing the escalation.
 */
export const abandonSweepMinutes = 30;

/** Default minutes without an answer before the caregiver is told (configurable per patient). */
export const defaultEscalateAfterMinutes = 60;
/** Default minutes a snoozed reminder comes back after. */
export const defaultSnoozeMinutes = 15;

export type TaskName = 'deliver' | 'escalate' | 'abandon';
export type ReminderKind = 'dose' | 'refill';
export type AckStatus = 'taken' | 'skipped' | 'snoozed';

/** A reminder (sk OCCURRENCE) or an escalation check (sk ESCALATION-CHECK), as stored. */
export interface ReminderTask {
  pk: string;
  sk: 'OCCURRENCE' | 'ESCALATION-CHECK';
  gsi3pk?: string;
  gsi3sk?: string;
  hospital: string;
  /** Pseudonymous patient id (the serving layer's id), never a name or MRN. */
  patient: string;
  occurrenceId: string;
  kind: ReminderKind;
  /** Medication display and dose, sent only on the patient's own channel. */
  medication: string;
  dose?: string;
  /** When the reminder is due, UTC ISO instant; and the same instant in the patient's local time. */
  dueAt: string;
  localDueAt: string;
  /** The patient's IANA time zone, for local times in messages. */
  tz: string;
  critical: boolean;
  escalateAfterMinutes: number;
  /** Scheduled doses this reminder stands for (quiet hours deferred several to it); absent when 1. */
  covers?: number;
  /** The MedicationRequest id the reminder is for (absent on tasks stored before it was recorded). */
  orderId?: string;
  /** Set when a re-plan withdrew the reminder (its order was stopped or changed); never sent then. */
  withdrawn?: boolean;
  withdrawnAt?: string;
  /** The plan revision that last wrote or withdrew it (plan-revision.ts; absent on older tasks). */
  planRevision?: number;
}

const doneMarkers: Record<TaskName, string> = {
  deliver: 'SENT',
  escalate: 'ESCALATED',
  abandon: 'ABANDONED',
};

export const reminderSk = {
  occurrence: 'OCCURRENCE',
  escalationCheck: 'ESCALATION-CHECK',
  ack: 'ACK',
  done: (task: TaskName) => doneMarkers[task],
  claim: (task: TaskName, attempt: number) => `CLAIM#${task}#${attempt}`,
  /** A patient's pending-reminder entry, by the UTC day it is due (YYYY-MM-DD). */
  pending: (day: string, occurrenceId: string) => `PENDING#${day}#${occurrenceId}`,
  pendingDay: (day: string) => `PENDING#${day}#`,
  /** The patient's latest plan revision, in their plan partition (plan-revision.ts). */
  planRevision: 'PLAN',
  /** Where the next daily re-plan of a set of registry shards starts (replan-active.ts). */
  replanResume: 'RESUME',
} as const;

export const reminderKeys = {
  occurrence: (hospital: string, occurrenceId: string) => `RO#${hospital}#${occurrenceId}`,
  /** The index partition of one shard of one UTC minute. */
  dueBucket: (minute: string, shard: number) => `RD#${minute}#${String(shard).padStart(2, '0')}`,
  /** A patient's plan: the reminders pending for them (PENDING# entries). */
  patientPlan: (hospital: string, patient: string) => `RP#${hospital}#${patient}`,
  /** One shard of the rolling re-plan registry (patients with an active order). */
  planRegistry: (shard: number) => `RPLAN#${String(shard).padStart(2, '0')}`,
  /** The daily re-plan's progress over a set of registry shards (`all`, or `3,7,11`). */
  replanRun: (scope: string) => `RPRUN#${scope}`,
};

/** The UTC minute bucket of an instant, `2026-03-08T12:00Z` (seconds dropped). */
export function minuteBucket(instant: Date): string {
  return instant.toISOString().slice(0, 16) + 'Z';
}

/** The first whole minute at or after an instant. */
export function ceilMinute(instant: Date): Date {
  return new Date(Math.ceil(instant.getTime() / 60_000) * 60_000);
}

/** The shard of an occurrence: a stable hash, so both writer and reader agree without coordination. */
export function shardOf(occurrenceId: string, shards = reminderShards): number {
  return parseInt(occurrenceId.slice(0, 8), 16) % shards;
}

/**
 * A stable, opaque occurrence id (24 hex digits of SHA-256): the same planned dose always gets the
 * same id, so re-planning never duplicates a reminder; it reveals nothing about the patient.
 */
export function occurrenceIdOf(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);
}

/** Index keys that put a task in the bucket of `due`. */
export function dueKeys(
  task: Pick<ReminderTask, 'hospital' | 'occurrenceId' | 'sk'>,
  due: Date,
): Pick<ReminderTask, 'gsi3pk' | 'gsi3sk'> {
  return {
    gsi3pk: reminderKeys.dueBucket(minuteBucket(due), shardOf(task.occurrenceId)),
    gsi3sk: `${task.hospital}#${task.occurrenceId}#${task.sk}`,
  };
}

/** The task without its index keys: it leaves the byDueMinute index. */
export function withoutDueKeys(task: ReminderTask): ReminderTask {
  const { gsi3pk: _pk, gsi3sk: _sk, ...rest } = task;
  return rest;
}
