// Use case (reminders): the daily rolling re-plan. Reminders are planned planningHorizonDays (7)
// ahead; a patient whose record does not change would otherwise run out of reminders a week after
// their last PatientDataUpdated. Once a day (EventBridge Scheduler on AWS, the local scheduler in
// the embedded stack) every patient in the re-plan registry with an active order is re-planned from
// their stored record, exactly as on PatientDataUpdated (planStoredReminders): the horizon moves
// forward a day, and anything no longer in the plan is withdrawn.
//
// Idempotent: a re-plan rewrites the same occurrence ids and withdraws only what is not planned, so
// a schedule that fires twice or a retried invocation changes nothing more. A re-plan racing a
// PatientDataUpdated one cannot undo it either: whichever read the record later (took the higher
// plan revision, plan-revision.ts) wins, whatever order their writes land in. The registry is read
// by query (one partition per shard), never scanned; a deployment too large for one invocation
// may also split the shards between schedules (detail.shards).
//
// A patient whose re-plan fails (a throttled write, a newer re-plan that did not complete) is tried
// again once at the end of the run. The run starts no patient with less than its time margin left
// (replanTimeMargin: 60 s, or a tenth of the time left when the run started if that is less; AWS
// Lambda: 15 minutes); the patients it did not reach are counted (notReached), and where it stopped
// (the registry shard, the query cursor of the page and the sort key of the last entry started) is
// stored, so the next run goes on from there: through the rest of that shard, the other shards in
// turn, and last the part of the first shard before where it started. So a run cut short, even
// inside a shard larger than one run can finish, never leaves the same patients behind day after
// day; every patient is reached within as many runs as the registry needs. A patient left out one
// day still has 6 planned days.
import type { Clock } from '../../ports/clock';
import type { Item, Table } from '../../ports/table';
import { reminderKeys, reminderShards, reminderSk } from './delivery-keys';
import { planStoredReminders, registerForReplan } from './plan-stored';

/**
 * When the daily re-plan runs, UTC (infra: cron(15 2 * * ? *); local/scheduler.ts). The time does not
 * matter for correctness: a plan covers 7 local days, so a daily re-plan keeps at least 6 planned.
 */
export const dailyReplanAtUtc = '02:15';

/**
 * No patient's re-plan is started with less of the invocation left than this: a re-plan takes well
 * under a second, but a superseded one may wait and take over (plan-stored.ts), and the run still
 * counts what it did not reach and records where to resume. Never more than
 * replanTimeMarginShare of the time left when the run starts (replanTimeMargin), so a short
 * invocation (a retried one, a smaller timeout) still re-plans.
 */
export const replanTimeMarginMs = 60_000;
/** The largest share of the time left at the run's start kept as its margin (replanTimeMargin). */
export const replanTimeMarginShare = 0.1;
/**
 * The re-plan function's timeout (infra/constructs/reminder-delivery.ts, the Lambda maximum), which
 * the embedded stack's scheduler gives its run too (local/stack.ts).
 */
export const replanFunctionTimeoutMs = 900_000;

/** The margin of a run that starts with `timeLeftMs`: min(60 s, 10% of it). */
export function replanTimeMargin(timeLeftMs: number): number {
  return Math.min(replanTimeMarginMs, timeLeftMs * replanTimeMarginShare);
}

export interface ReplanReport {
  /** Registry entries with an active order that were re-planned. */
  patients: number;
  written: number;
  withdrawn: number;
  /** Orders (or refills) that could not be planned, each with a reason in the patient's result. */
  skippedOrders: number;
  /** Patients whose re-plan failed with an error, also when tried again at the end of the run. */
  failed: number;
  /** Patients whose first re-plan failed and who were tried again at the end of the run. */
  retried: number;
  /** Registry entries found without an active order or without a stored Patient. */
  inactive: number;
  /**
   * Patients a newer re-plan (on newer data: a PatientDataUpdated during the run) took over from this
   * one, and completed: theirs stands (plan-revision.ts). Counted in `patients` too.
   */
  superseded: number;
  /**
   * Registry entries with an active order this run did not start because too little time was left
   * (replanTimeMargin); the next run goes on from where this one stopped (`resumeShard`).
   */
  notReached: number;
  /** With notReached: the shard the next run goes on in (from the entry after the last started). */
  resumeShard?: number;
}

export interface ReplanOptions {
  defaultTimeZone: string;
  /** Only these registry shards (default all). */
  shards?: number[];
  /** Patients re-planned at once (default 8). */
  concurrency?: number;
  /** Called with the error's name (never its message, which could quote data) of a failed patient. */
  onFailure?: (errorName: string) => void;
  /** Milliseconds left in the invocation (Lambda context.getRemainingTimeInMillis); default unlimited. */
  remainingTimeMs?: () => number;
}

type RegistryEntry = Item;

/**
 * Where a run stopped (the RESUME item): in `shard`, after the entry with sort key `after` (none:
 * from the shard's start), whose page the query `cursor` (none: the first page) returns.
 */
interface ResumePosition {
  shard: number;
  cursor?: string;
  after?: string;
}

/** A stretch of one shard: from the resume position (`cursor`, `after`), or up to `upTo` (held). */
interface Segment {
  shard: number;
  cursor?: string;
  after?: string;
  upTo?: string;
}

export async function replanActivePatients(
  deps: { serving: Table; clock: Clock; wait?: (ms: number) => Promise<void> },
  options: ReplanOptions,
): Promise<ReplanReport> {
  const report: ReplanReport = {
    patients: 0,
    written: 0,
    withdrawn: 0,
    skippedOrders: 0,
    failed: 0,
    retried: 0,
    inactive: 0,
    superseded: 0,
    notReached: 0,
  };
  const timeLeft = () => options.remainingTimeMs?.() ?? Number.POSITIVE_INFINITY;
  const margin = replanTimeMargin(timeLeft());
  const outOfTime = () => timeLeft() < margin;
  const shards = options.shards ?? Array.from({ length: reminderShards }, (_, s) => s);
  const progress = {
    pk: reminderKeys.replanRun(
      options.shards ? [...shards].sort((a, b) => a - b).join(',') : 'all',
    ),
    sk: reminderSk.replanResume,
  };
  const resume = await deps.serving.get(progress.pk, progress.sk, { consistent: true });
  const resumeAt = shards.indexOf(Number(resume?.shard));
  const first = Math.max(0, resumeAt);
  const order = [...shards.slice(first), ...shards.slice(0, first)];
  const resumedAfter =
    resumeAt >= 0 && typeof resume?.after === 'string' ? resume.after : undefined;
  const segments: Segment[] = [
    {
      shard: order[0]!,
      ...(resumeAt >= 0 && typeof resume?.cursor === 'string' ? { cursor: resume.cursor } : {}),
      ...(resumedAfter !== undefined ? { after: resumedAfter } : {}),
    },
    ...order.slice(1).map((shard) => ({ shard })),
    // Last, the part of the first shard before where this run started.
    ...(resumedAfter !== undefined ? [{ shard: order[0]!, upTo: resumedAfter }] : []),
  ];
  const failures: { entry: RegistryEntry; errorName: string }[] = [];
  const replan = async (entry: RegistryEntry, final: boolean) => {
    const hospital = String(entry.hospital);
    const patientId = String(entry.patient);
    try {
      const result = await planStoredReminders(deps, {
        hospital,
        patientId,
        defaultTimeZone: options.defaultTimeZone,
      });
      if (!result.patientStored) {
        // The Patient is gone (or quarantined): stop re-planning them.
        await registerForReplan(deps.serving, hospital, patientId, false, deps.clock.now());
        report.inactive++;
        return;
      }
      report.patients++;
      report.written += result.written;
      report.withdrawn += result.withdrawn;
      report.skippedOrders += result.skipped.length;
      if (result.superseded) report.superseded++;
    } catch (error) {
      const errorName = (error as Error).name ?? 'Error';
      if (!final) {
        failures.push({ entry, errorName });
        return;
      }
      report.failed++;
      options.onFailure?.(errorName);
    }
  };
  let stoppedAt: ResumePosition | undefined;
  for (const segment of segments) {
    let cursor = segment.cursor;
    // The sort key of the last entry of this shard the run has dealt with.
    let handled = segment.after;
    for (;;) {
      const pageCursor = cursor;
      let page;
      try {
        page = await deps.serving.query({
          partition: reminderKeys.planRegistry(segment.shard),
          cursor,
        });
      } catch (error) {
        // A stored cursor the table no longer takes: the shard's start, skipping to `after`.
        if (pageCursor === undefined || pageCursor !== segment.cursor) throw error;
        cursor = undefined;
        segment.cursor = undefined;
        continue;
      }
      let items = page.items;
      if (segment.after !== undefined)
        items = items.filter((e) => byteOrder(String(e.sk), segment.after!) > 0);
      let ended = !page.cursor;
      if (segment.upTo !== undefined) {
        const before = items.filter((e) => byteOrder(String(e.sk), segment.upTo!) <= 0);
        ended ||= before.length < items.length;
        items = before;
      }
      const active = items.filter((e) => e.active === true);
      if (stoppedAt) {
        report.notReached += active.length; // the rest is only counted (registry queries)
      } else {
        report.inactive += items.length - active.length;
        const started = await forEachLimited(
          active,
          options.concurrency ?? 8,
          (entry) => replan(entry, false),
          () => !outOfTime(),
        );
        if (started < active.length) {
          report.notReached += active.length - started;
          report.resumeShard = segment.shard;
          const after = started > 0 ? String(active[started - 1]!.sk) : handled;
          stoppedAt = {
            shard: segment.shard,
            ...(pageCursor !== undefined ? { cursor: pageCursor } : {}),
            ...(after !== undefined ? { after } : {}),
          };
        } else if (items.length > 0) handled = String(items.at(-1)!.sk);
      }
      if (ended) break;
      cursor = page.cursor;
    }
  }
  // Failed re-plans (throttling, a newer re-plan that did not complete) are tried once more.
  report.retried = failures.length;
  const unretried = await forEachLimited(
    failures,
    options.concurrency ?? 8,
    ({ entry }) => replan(entry, true),
    () => !outOfTime(),
  );
  for (const { errorName } of failures.slice(unretried)) {
    report.failed++;
    options.onFailure?.(errorName);
  }
  // Where the next run goes on; a run that reached everyone clears it (the next starts afresh).
  if (stoppedAt || resume?.shard !== undefined)
    await deps.serving.put({
      ...progress,
      ...(stoppedAt ?? {}),
      at: deps.clock.now().toISOString(),
    });
  return report;
}

/** DynamoDB's order of string sort keys: by their UTF-8 bytes. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Run `fn` over `items` with at most `limit` in flight, starting each only while `mayStart()`;
 * returns how many were started (every item before that index was, none after).
 */
async function forEachLimited<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
  mayStart: () => boolean,
): Promise<number> {
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < items.length) {
      if (!mayStart()) {
        stopped = true;
        break;
      }
      await fn(items[next++]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return next;
}
