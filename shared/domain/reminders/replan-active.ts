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
// splits the shards between schedules (detail.shards).
import type { Clock } from '../../ports/clock';
import type { Table } from '../../ports/table';
import { reminderKeys, reminderShards } from './delivery-keys';
import { planStoredReminders, registerForReplan } from './plan-stored';

/**
 * When the daily re-plan runs, UTC (infra: cron(15 2 * * ? *); local/scheduler.ts). The time does not
 * matter for correctness: a plan covers 7 local days, so a daily re-plan keeps at least 6 planned.
 */
export const dailyReplanAtUtc = '02:15';

export interface ReplanReport {
  /** Registry entries with an active order that were re-planned. */
  patients: number;
  written: number;
  withdrawn: number;
  /** Orders (or refills) that could not be planned, each with a reason in the patient's result. */
  skippedOrders: number;
  /** Patients whose re-plan failed with an error (the others are still re-planned). */
  failed: number;
  /** Registry entries found without an active order or without a stored Patient. */
  inactive: number;
  /**
   * Patients a newer re-plan (on newer data: a PatientDataUpdated during the run) took over from this
   * one: theirs stands (plan-revision.ts). Counted in `patients` too.
   */
  superseded: number;
}

export interface ReplanOptions {
  defaultTimeZone: string;
  /** Only these registry shards (default all). */
  shards?: number[];
  /** Patients re-planned at once (default 8). */
  concurrency?: number;
  /** Called with the error's name (never its message, which could quote data) of a failed patient. */
  onFailure?: (errorName: string) => void;
}

export async function replanActivePatients(
  deps: { serving: Table; clock: Clock },
  options: ReplanOptions,
): Promise<ReplanReport> {
  const report: ReplanReport = {
    patients: 0,
    written: 0,
    withdrawn: 0,
    skippedOrders: 0,
    failed: 0,
    inactive: 0,
    superseded: 0,
  };
  const shards = options.shards ?? Array.from({ length: reminderShards }, (_, s) => s);
  for (const shard of shards) {
    let cursor: string | undefined;
    do {
      const page = await deps.serving.query({
        partition: reminderKeys.planRegistry(shard),
        cursor,
      });
      const active = page.items.filter((e) => e.active === true);
      report.inactive += page.items.length - active.length;
      await forEachLimited(active, options.concurrency ?? 8, async (entry) => {
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
          report.failed++;
          options.onFailure?.((error as Error).name ?? 'Error');
        }
      });
      cursor = page.cursor;
    } while (cursor);
  }
  return report;
}

async function forEachLimited<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
