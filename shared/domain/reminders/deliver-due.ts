// Use case (reminders): the minute tick. Read the due buckets (query, never scan), then deliver each
// reminder and each escalation, even when the schedule fires twice or two invocations overlap: every
// send is preceded by a conditional claim (Table.putIfAbsent) on the occurrence's partition, and
// followed by a done marker (SENT / ESCALATED) and the task leaving the index.
//
// Retries and exactly-once. The notifications topic is a STANDARD SNS topic: SNS does not
// deduplicate, and a FIFO topic (5-minute deduplication) cannot deliver to SMS, e-mail or mobile
// push, the channels reminders go to. So duplicates are prevented here, by the claims, which are the
// durable record of each send attempt (its intent):
// - a send that threw marks its claim `failedAt`; the next tick takes the next claim
//   (CLAIM#deliver#2, #3, ...) and tries again, every minute, for the whole catch-up window;
// - a claim older than `claimTimeoutSeconds` with neither a done marker nor `failedAt` means the
//   invocation died between claim and done marker, so the send MAY have happened (e.g. SNS accepted
//   it and the SENT write failed). A patient reminder is then NOT sent again (a second dose prompt
//   risks a double dose): it is recorded as SENT `unconfirmed` and its escalation check is
//   scheduled, so the caregiver is told if the patient does not answer (report.unconfirmed). A
//   caregiver escalation in the same state IS sent again (a duplicate "dose not confirmed" is
//   harmless; a lost one is not): escalations are at-least-once.
// - a task that ages out of the catch-up window undelivered is never dropped silently: the next
//   abandonSweepMinutes of buckets are read too, and such a task is recorded as ABANDONED (counted in
//   report.abandoned, metric RemindersAbandoned) and escalated to the caregiver, once.
// A withdrawn reminder (its order was stopped or changed: schedule-reminders.ts) is not sent.
import type { Notifier } from '../../ports/notifier';
import type { Item, Table } from '../../ports/table';
import {
  abandonSweepMinutes as defaultSweep,
  catchUpMinutes as defaultCatchUp,
  ceilMinute,
  dueKeys,
  minuteBucket,
  reminderKeys,
  reminderShards,
  reminderSk,
  withoutDueKeys,
  type ReminderTask,
  type TaskName,
} from './delivery-keys';
import { caregiverEscalation, caregiverUndelivered, patientReminder } from './reminder-messages';
import { forEachLimited } from './plan-revision';

export interface DeliveryDeps {
  serving: Table;
  notifier: Notifier;
}

export interface DeliveryOptions {
  /** Minutes before `now` whose buckets are read again (default catchUpMinutes, 30). */
  catchUpMinutes?: number;
  /** Minutes beyond the catch-up window swept for abandoned tasks (default abandonSweepMinutes, 30). */
  abandonSweepMinutes?: number;
  /** Only these shards (parallel invocations may split the shards between them); default all. */
  shards?: number[];
  /** A claim older than this without a done marker is presumed dead (default 120 s; keep above the function timeout). */
  claimTimeoutSeconds?: number;
  /** Sends in flight at once (default 32). */
  concurrency?: number;
}

export interface DeliveryReport {
  /** Index items read (due tasks, including ones another invocation got first). */
  read: number;
  delivered: number;
  escalated: number;
  /** Escalation checks closed because the patient answered. */
  acknowledged: number;
  /** Tasks another invocation had claimed or already finished. */
  skipped: number;
  /** Reminders not sent because a re-plan withdrew them (order stopped or changed). */
  withdrawn: number;
  /**
   * Reminders whose earlier send attempt has an unknown outcome (the invocation died after
   * claiming): not sent again, recorded as sent-unconfirmed, escalation check scheduled.
   */
  unconfirmed: number;
  /** Tasks that aged out of the catch-up window undelivered: recorded and escalated to the caregiver. */
  abandoned: number;
}

/**
 * Claims tried per task before giving up loudly (an error, never a silent skip). Failed attempts are
 * retried once a minute within the catch-up window, so a task sees about 30; 100 is a safety bound.
 */
const maxClaimAttempts = 100;

/** The due-time index of the serving table (shared/config/resources.ts). */
export const dueIndex = 'byDueMinute';

/**
 * The tasks due in one UTC minute: one paginated query per shard bucket of that minute on the
 * byDueMinute index, never a scan; cost depends on what is due, not on the population.
 */
export async function dueReminders(
  deps: { serving: Table },
  minute: Date,
  shards: number[] = allShards(),
): Promise<ReminderTask[]> {
  const pages = await Promise.all(
    shards.map(async (shard) => {
      const items: Item[] = [];
      let cursor: string | undefined;
      do {
        const page = await deps.serving.query({
          index: dueIndex,
          partition: reminderKeys.dueBucket(minuteBucket(minute), shard),
          cursor,
        });
        items.push(...page.items);
        cursor = page.cursor;
      } while (cursor);
      return items;
    }),
  );
  return pages.flat() as unknown as ReminderTask[];
}

/**
 * Deliver everything due at or before `now` (back to the catch-up window). Dose reminders go to the
 * patient channel and schedule an escalation check `escalateAfterMinutes` later; escalation checks go
 * to the caregiver channel unless the dose was acknowledged.
 */
export async function deliverDue(
  deps: DeliveryDeps,
  now: Date,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = {
    read: 0,
    delivered: 0,
    escalated: 0,
    acknowledged: 0,
    skipped: 0,
    withdrawn: 0,
    unconfirmed: 0,
    abandoned: 0,
  };
  const last = Math.floor(now.getTime() / 60_000);
  const catchUp = options.catchUpMinutes ?? defaultCatchUp;
  const sweep = options.abandonSweepMinutes ?? defaultSweep;
  const minutes = Array.from(
    { length: catchUp + 1 + sweep },
    (_, k) => new Date((last - k) * 60_000),
  );
  const batches = await Promise.all(
    minutes.map(async (m, k) => {
      const tasks = await dueReminders(deps, m, options.shards);
      return tasks.map((task) => ({ task, agedOut: k > catchUp }));
    }),
  );
  const tasks = batches.flat();
  report.read = tasks.length;
  const ctx = {
    deps,
    now,
    claimTimeoutMs: (options.claimTimeoutSeconds ?? 120) * 1000,
    catchUpMinutes: catchUp,
  };
  await forEachLimited(tasks, options.concurrency ?? 32, async ({ task, agedOut }) => {
    const outcome = agedOut
      ? await abandonOne(ctx, task)
      : task.sk === reminderSk.occurrence
        ? await deliverOne(ctx, task)
        : await escalateOne(ctx, task);
    report[outcome]++;
  });
  return report;
}

interface TickContext {
  deps: DeliveryDeps;
  now: Date;
  claimTimeoutMs: number;
  catchUpMinutes: number;
}

type Outcome = Exclude<keyof DeliveryReport, 'read'>;

async function deliverOne(ctx: TickContext, task: ReminderTask): Promise<Outcome> {
  if (await isWithdrawn(ctx, task)) return 'withdrawn';
  const claimed = await claim(ctx, task, 'deliver');
  if (claimed.state === 'unknown') {
    // Maybe sent already: never a second prompt; the escalation check still guards the dose.
    await scheduleEscalationCheck(ctx, task);
    await finish(ctx, task, 'deliver', { unconfirmed: true });
    return 'unconfirmed';
  }
  if (claimed.state !== 'claimed') return 'skipped';
  await sendOrRelease(ctx, task, 'deliver', claimed.attempt, patientReminder(task));
  await scheduleEscalationCheck(ctx, task);
  await finish(ctx, task, 'deliver');
  return 'delivered';
}

async function escalateOne(ctx: TickContext, task: ReminderTask): Promise<Outcome> {
  if (await ctx.deps.serving.get(task.pk, reminderSk.ack)) {
    await ctx.deps.serving.put(withoutDueKeys(task) as unknown as Item);
    return 'acknowledged';
  }
  const claimed = await claim(ctx, task, 'escalate');
  if (claimed.state !== 'claimed') return 'skipped';
  await sendOrRelease(ctx, task, 'escalate', claimed.attempt, caregiverEscalation(task));
  await finish(ctx, task, 'escalate');
  return 'escalated';
}

/**
 * A task still in the index after its catch-up window: it was never delivered. Record it once
 * (ABANDONED) and tell the caregiver: for a reminder, that the patient was not prompted; for an
 * escalation check, the (late) escalation itself. Nothing clinical in the message or the logs.
 */
async function abandonOne(ctx: TickContext, task: ReminderTask): Promise<Outcome> {
  const { serving } = ctx.deps;
  const work: TaskName = task.sk === reminderSk.occurrence ? 'deliver' : 'escalate';
  if (await serving.get(task.pk, reminderSk.done(work))) {
    await serving.put(withoutDueKeys(task) as unknown as Item);
    return 'skipped';
  }
  if (work === 'deliver' && (await isWithdrawn(ctx, task))) return 'withdrawn';
  if (work === 'escalate' && (await serving.get(task.pk, reminderSk.ack))) {
    await serving.put(withoutDueKeys(task) as unknown as Item);
    return 'acknowledged';
  }
  const claimed = await claim(ctx, task, 'abandon');
  if (claimed.state !== 'claimed') return 'skipped';
  const notice =
    work === 'deliver' ? caregiverUndelivered(task, ctx.catchUpMinutes) : caregiverEscalation(task);
  await sendOrRelease(ctx, task, 'abandon', claimed.attempt, notice);
  await finish(ctx, task, 'abandon');
  return 'abandoned';
}

/** True when a re-plan withdrew the reminder (read from the table: the index may lag). */
async function isWithdrawn(ctx: TickContext, task: ReminderTask): Promise<boolean> {
  const current = await ctx.deps.serving.get(task.pk, reminderSk.occurrence);
  return Boolean(current?.withdrawn);
}

/** A dose reminder's escalation check, escalateAfterMinutes after the patient could first see it. */
async function scheduleEscalationCheck(ctx: TickContext, task: ReminderTask): Promise<void> {
  if (task.kind !== 'dose') return;
  // Escalate relative to when the patient could first see the reminder (late catch-up included).
  const sentAt = Math.max(ctx.now.getTime(), Date.parse(task.dueAt));
  const due = ceilMinute(new Date(sentAt + task.escalateAfterMinutes * 60_000));
  const check = { ...withoutDueKeys(task), sk: reminderSk.escalationCheck } as ReminderTask;
  await ctx.deps.serving.put({ ...check, ...dueKeys(check, due) });
}

/** Send; if the send throws, mark the claim failed (the next tick retries at once) and rethrow. */
async function sendOrRelease(
  ctx: TickContext,
  task: ReminderTask,
  name: TaskName,
  attempt: number,
  notification: Parameters<Notifier['send']>[0],
): Promise<void> {
  try {
    await ctx.deps.notifier.send(notification);
  } catch (error) {
    // If this write fails too, the claim goes stale with an unknown outcome (handled in claim).
    await ctx.deps.serving
      .put({
        pk: task.pk,
        sk: reminderSk.claim(name, attempt),
        claimedAt: ctx.now.toISOString(),
        failedAt: ctx.now.toISOString(),
      })
      .catch(() => undefined);
    throw error;
  }
}

type Claim = { state: 'claimed'; attempt: number } | { state: 'done' | 'busy' | 'unknown' };

/**
 * Take the task's next free claim (the record of this send attempt). `done` when the work is finished
 * (the stale index entry is removed); `busy` when another invocation holds a claim younger than the
 * timeout; `unknown` (patient reminders only) when a stale claim's send may have happened. Claims
 * marked failed are skipped over; so are stale ones for escalations (at-least-once).
 */
async function claim(ctx: TickContext, task: ReminderTask, name: TaskName): Promise<Claim> {
  const { serving } = ctx.deps;
  for (let attempt = 1; attempt <= maxClaimAttempts; attempt++) {
    const sk = reminderSk.claim(name, attempt);
    if (await serving.putIfAbsent({ pk: task.pk, sk, claimedAt: ctx.now.toISOString() }))
      return { state: 'claimed', attempt };
    if (await serving.get(task.pk, reminderSk.done(name))) {
      await serving.put(withoutDueKeys(task) as unknown as Item);
      return { state: 'done' };
    }
    const held = await serving.get(task.pk, sk);
    if (held?.failedAt) continue; // that attempt's send failed for certain: try again
    const age = ctx.now.getTime() - Date.parse(String(held?.claimedAt ?? ctx.now.toISOString()));
    if (age < ctx.claimTimeoutMs) return { state: 'busy' };
    if (name === 'deliver') return { state: 'unknown' };
  }
  // Loud, never a silent skip; no ids (the operator finds the task in the index by its minute).
  throw new Error(`reminder ${name} task exceeded ${maxClaimAttempts} claim attempts`);
}

async function finish(
  ctx: TickContext,
  task: ReminderTask,
  name: TaskName,
  extra: Item = {},
): Promise<void> {
  await ctx.deps.serving.put({
    pk: task.pk,
    sk: reminderSk.done(name),
    at: ctx.now.toISOString(),
    ...extra,
  });
  await ctx.deps.serving.put(withoutDueKeys(task) as unknown as Item);
}

function allShards(): number[] {
  return Array.from({ length: reminderShards }, (_, s) => s);
}
