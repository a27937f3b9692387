// Use case (reminders): the minute tick. Read the due buckets (query, never scan), then deliver each
// reminder and each escalation exactly once, even when the schedule fires twice or two invocations
// overlap: every send is preceded by a conditional claim (Table.putIfAbsent) on the occurrence's
// partition, and followed by a done marker (SENT / ESCALATED) and the task leaving the index.
//
// If an invocation dies between its claim and its done marker, the task stays in the index; once the
// claim is older than `claimTimeoutSeconds` a later tick takes the next claim (CLAIM#task#2...) and
// sends again with the SAME dedupeKey, which the notifier deduplicates (SNS FIFO: 5 minutes).
import type { Notifier } from '../../ports/notifier';
import type { Item, Table } from '../../ports/table';
import {
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
import { caregiverEscalation, patientReminder } from './reminder-messages';

export interface DeliveryDeps {
  serving: Table;
  notifier: Notifier;
}

export interface DeliveryOptions {
  /** Minutes before `now` whose buckets are read again (default catchUpMinutes, 30). */
  catchUpMinutes?: number;
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
}

const claimAttempts = 3;

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
  };
  const last = Math.floor(now.getTime() / 60_000);
  const minutes = Array.from(
    { length: (options.catchUpMinutes ?? defaultCatchUp) + 1 },
    (_, k) => new Date((last - k) * 60_000),
  );
  const batches = await Promise.all(minutes.map((m) => dueReminders(deps, m, options.shards)));
  const tasks = batches.flat();
  report.read = tasks.length;
  const ctx = { deps, now, claimTimeoutMs: (options.claimTimeoutSeconds ?? 120) * 1000 };
  await forEachLimited(tasks, options.concurrency ?? 32, async (task) => {
    const outcome =
      task.sk === reminderSk.occurrence
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
}

async function deliverOne(ctx: TickContext, task: ReminderTask): Promise<'delivered' | 'skipped'> {
  if (!(await claim(ctx, task, 'deliver'))) return 'skipped';
  await ctx.deps.notifier.send(patientReminder(task));
  if (task.kind === 'dose') {
    // Escalate relative to when the patient could first see the reminder (late catch-up included).
    const sentAt = Math.max(ctx.now.getTime(), Date.parse(task.dueAt));
    const due = ceilMinute(new Date(sentAt + task.escalateAfterMinutes * 60_000));
    const check = { ...withoutDueKeys(task), sk: reminderSk.escalationCheck } as ReminderTask;
    await ctx.deps.serving.put({ ...check, ...dueKeys(check, due) });
  }
  await finish(ctx, task, 'deliver');
  return 'delivered';
}

async function escalateOne(
  ctx: TickContext,
  task: ReminderTask,
): Promise<'escalated' | 'acknowledged' | 'skipped'> {
  if (await ctx.deps.serving.get(task.pk, reminderSk.ack)) {
    await ctx.deps.serving.put(withoutDueKeys(task) as unknown as Item);
    return 'acknowledged';
  }
  if (!(await claim(ctx, task, 'escalate'))) return 'skipped';
  await ctx.deps.notifier.send(caregiverEscalation(task));
  await finish(ctx, task, 'escalate');
  return 'escalated';
}

/**
 * Take the task's first free claim. False when the work is done (the stale index entry is removed) or
 * another invocation holds a claim younger than the timeout.
 */
async function claim(ctx: TickContext, task: ReminderTask, name: TaskName): Promise<boolean> {
  const { serving } = ctx.deps;
  for (let attempt = 1; attempt <= claimAttempts; attempt++) {
    const sk = reminderSk.claim(name, attempt);
    if (await serving.putIfAbsent({ pk: task.pk, sk, claimedAt: ctx.now.toISOString() }))
      return true;
    if (await serving.get(task.pk, reminderSk.done(name))) {
      await serving.put(withoutDueKeys(task) as unknown as Item);
      return false;
    }
    const held = await serving.get(task.pk, sk);
    const age = ctx.now.getTime() - Date.parse(String(held?.claimedAt ?? ctx.now.toISOString()));
    if (age < ctx.claimTimeoutMs) return false;
  }
  return false;
}

async function finish(ctx: TickContext, task: ReminderTask, name: TaskName): Promise<void> {
  await ctx.deps.serving.put({ pk: task.pk, sk: reminderSk.done(name), at: ctx.now.toISOString() });
  await ctx.deps.serving.put(withoutDueKeys(task) as unknown as Item);
}

function allShards(): number[] {
  return Array.from({ length: reminderShards }, (_, s) => s);
}

/** Run `fn` over `items` with at most `limit` in flight; the first failure rejects after all settle. */
async function forEachLimited<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item).catch((error: unknown) => errors.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length) throw errors[0];
}
