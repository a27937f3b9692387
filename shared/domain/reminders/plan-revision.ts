// Domain (reminders): per-patient plan revisions, so that of two re-plans of one patient running at
// once (the daily re-plan and a PatientDataUpdated one, or one event delivered twice) the one from
// the newest data wins, whatever order their steps interleave in.
//
// A re-plan takes the patient's next revision (RP#<hospital>#<patient> / PLAN, a counter raised by a
// conditional put) BEFORE it reads the patient's record (strongly consistent), and reads again under
// a new revision if another re-plan took one while it read (plan-stored.ts). So of two re-plans, the
// one with the higher revision read the record later, from data at least as new. Every reminder
// (OCCURRENCE) and registry entry it writes, and every reminder and plan entry it withdraws, carries
// `planRevision` and is written conditionally (Table.putIfUnchanged on the revision it read): never
// over an item a higher revision wrote. (The plan entries of its own plan are batched: an entry only
// tells a re-plan where to look, and withdrawals check the reminder itself.) A re-plan that read the
// record before a change therefore cannot re-create or un-withdraw what a newer re-plan withdrew,
// nor withdraw what it planned. What the older re-plan created or revived where the newer one had
// already looked (a day the newer plan never reached), it withdraws itself once it sees the newer
// revision (schedule-reminders.ts). Re-delivered events stay idempotent: a repeat re-plans the same
// stored record under a new revision and rewrites the same items.
//
// A re-plan that finds itself superseded leaves the patient's plan to the newer one, which may yet
// fail (a throttled write, a Lambda timeout): so a re-plan that finishes records it by raising
// `completedRevision` on the PLAN item (completePlanRevision, a conditional put that only ever
// raises it), and a superseded one waits briefly for the revision that superseded it (or a later
// one) to complete before it reports success (awaitCompletion; plan-stored.ts takes over if not).
import type { Item, Table } from '../../ports/table';
import { DependencyError } from '../errors';
import { reminderKeys, reminderSk } from './delivery-keys';

/** Conditional writes tried on one item before giving up loudly (a retryable error, never a skip). */
const maxAttempts = 50;

/** The revision an item was written under (undefined: written before revisions, or not by a plan). */
export function revisionOf(item: Item | undefined): number | undefined {
  const value = item?.planRevision;
  return typeof value === 'number' ? value : undefined;
}

/** The table's conditional put; refused (never an unconditional overwrite) when it has none. */
export function conditionalPut(serving: Table): NonNullable<Table['putIfUnchanged']> {
  if (!serving.putIfUnchanged)
    throw new DependencyError('the serving table offers no conditional put (putIfUnchanged)');
  return serving.putIfUnchanged.bind(serving);
}

/**
 * Take the patient's next plan revision (1 for the first re-plan). Call it before reading the record
 * the plan is made from.
 */
export async function takePlanRevision(
  serving: Table,
  hospital: string,
  patient: string,
  now: Date,
): Promise<number> {
  const put = conditionalPut(serving);
  const pk = reminderKeys.patientPlan(hospital, patient);
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const head = await serving.get(pk, reminderSk.planRevision, { consistent: true });
    const current = typeof head?.revision === 'number' ? head.revision : undefined;
    const next = (current ?? 0) + 1;
    const completed = completedOf(head);
    const item = {
      pk,
      sk: reminderSk.planRevision,
      revision: next,
      takenAt: now.toISOString(),
      ...(completed ? { completedRevision: completed } : {}),
      stamp: stampOf(next, completed),
    };
    if (await put(item, { attribute: 'stamp', expected: stampCondition(head) })) return next;
  }
  throw new DependencyError('the reminder plan revision kept changing under concurrent re-plans');
}

/**
 * The PLAN item's `stamp` (its revision and completed revision together, a pair that never repeats,
 * since both only rise): every write of the item is conditional on the stamp it read, so taking a
 * revision and recording a completion never undo each other.
 */
function stampOf(revision: number, completed: number): string {
  return `${revision}/${completed}`;
}

/**
 * What a write of the PLAN item expects to find: the stamp read, or, for an item written before
 * stamps (no attribute), absent; the first write adds it, so of two such writers one loses.
 */
function stampCondition(head: Item | undefined): string | undefined {
  return typeof head?.stamp === 'string' ? head.stamp : undefined;
}

function completedOf(head: Item | undefined): number {
  return typeof head?.completedRevision === 'number' ? head.completedRevision : 0;
}

/**
 * Record that the re-plan of `revision` finished (every write and withdrawal done): raise the
 * PLAN item's completedRevision to it, never lower it.
 */
export async function completePlanRevision(
  serving: Table,
  hospital: string,
  patient: string,
  revision: number,
): Promise<void> {
  const put = conditionalPut(serving);
  const pk = reminderKeys.patientPlan(hospital, patient);
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const head = await serving.get(pk, reminderSk.planRevision, { consistent: true });
    const completed = completedOf(head);
    if (completed >= revision) return;
    const current = typeof head?.revision === 'number' ? head.revision : revision;
    const item = {
      ...head,
      pk,
      sk: reminderSk.planRevision,
      revision: current,
      completedRevision: revision,
      stamp: stampOf(current, revision),
    };
    if (await put(item, { attribute: 'stamp', expected: stampCondition(head) })) return;
  }
  throw new DependencyError('the reminder plan revision kept changing under concurrent re-plans');
}

/**
 * The pauses (ms) between the reads of awaitCompletion: five strongly consistent reads over 1.5 s,
 * long enough for a newer re-plan that is running to finish (a few hundred ms for a week's plan).
 */
export const completionPollMs = [100, 200, 400, 800] as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Whether a re-plan of revision `revision` or later has completed, polling (strongly consistent)
 * for a bounded time: true as soon as one has, false when none has within completionPollMs.
 */
export async function awaitCompletion(
  serving: Table,
  hospital: string,
  patient: string,
  revision: number,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<boolean> {
  const pk = reminderKeys.patientPlan(hospital, patient);
  for (let poll = 0; ; poll++) {
    const head = await serving.get(pk, reminderSk.planRevision, { consistent: true });
    if (completedOf(head) >= revision) return true;
    const pause = completionPollMs[poll];
    if (pause === undefined) return false;
    await wait(pause);
  }
}

/** The latest revision taken for the patient (0 when none). */
export async function latestPlanRevision(
  serving: Table,
  hospital: string,
  patient: string,
): Promise<number> {
  const head = await serving.get(
    reminderKeys.patientPlan(hospital, patient),
    reminderSk.planRevision,
    {
      consistent: true,
    },
  );
  return typeof head?.revision === 'number' ? head.revision : 0;
}

export type RevisedWrite = 'written' | 'unchanged' | 'superseded';

/**
 * Replace the item at (pk, sk) with `next(stored)` stamped with `revision`, unless a higher revision
 * wrote it: `superseded`, nothing written. `next` returning undefined leaves it `unchanged`. A write
 * that lost a race (the item changed between the read and the conditional put) is tried again on
 * the new item.
 */
export async function writeUnlessSuperseded(
  serving: Table,
  key: { pk: string; sk: string },
  revision: number,
  next: (stored: Item | undefined) => Item | undefined,
): Promise<RevisedWrite> {
  const put = conditionalPut(serving);
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const stored = await serving.get(key.pk, key.sk, { consistent: true });
    const storedRevision = revisionOf(stored);
    if (storedRevision !== undefined && storedRevision > revision) return 'superseded';
    const item = next(stored);
    if (!item) return 'unchanged';
    const written = { ...item, pk: key.pk, sk: key.sk, planRevision: revision };
    if (await put(written, { attribute: 'planRevision', expected: storedRevision }))
      return 'written';
  }
  throw new DependencyError('a reminder kept changing under concurrent re-plans');
}

/** Run `fn` over `items` with at most `limit` in flight; rejects with the first failure after all settle. */
export async function forEachLimited<T>(
  items: readonly T[],
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
