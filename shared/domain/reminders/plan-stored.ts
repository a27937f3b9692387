// Use case (reminders): plan a patient's reminders from their stored record for the next days and
// store them for delivery. Run whenever new data for the patient is stored (PatientDataUpdated) and
// every day for every patient with an active order (replan-active.ts), so the 7-day horizon rolls
// forward for stable patients too. Occurrence ids are derived from the order and the prescribed
// instant, so re-planning rewrites the same tasks and never duplicates one; pending reminders that
// are no longer in the plan (a stopped order, a moved dose time) are withdrawn (replanReminders).
// A MedicationRequest whose Timing cannot be expanded (a taper step whose start cannot be worked
// out...) is skipped with its reason (reported), and the patient's other medicines are still
// planned; so is one that does not order the drug to be given (doNotPerform, a proposal, plan or
// option: actionable-request.ts). Two re-plans of one patient at once: the one from the newer data
// wins (plan-revision.ts). Reminders stored before re-plans withdrew anything are found and
// withdrawn with their order (legacy-reminders.ts).
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Clock } from '../../ports/clock';
import type { Item, Table } from '../../ports/table';
import { DependencyError, NotFoundError, ValidationError } from '../errors';
import { patientRecord } from '../serving/queries';
import { notActionable } from './actionable-request';
import { planReminders } from './plan';
import { replanReminders } from './schedule-reminders';
import {
  catchUpMinutes,
  occurrenceIdOf,
  reminderKeys,
  reminderShards,
  shardOf,
} from './delivery-keys';
import { fromCivil, parseCivilDate } from './local-time';
import {
  awaitCompletion,
  completePlanRevision,
  latestPlanRevision,
  takePlanRevision,
  writeUnlessSuperseded,
} from './plan-revision';
import { withdrawLegacyReminders } from './legacy-reminders';
import type { DoseOccurrence } from './expand-dosage';
import type { RefillReminder } from './refills';

/** FHIR core extension for a resource's IANA time zone (R5 `timezone`, usable in R4 as an extension). */
export const timezoneExtension = 'http://hl7.org/fhir/StructureDefinition/timezone';
/** Days planned ahead on each update; the every-minute tick delivers them as they fall due. */
export const planningHorizonDays = 7;
/**
 * Reads of the record a re-plan makes while other re-plans of the patient keep taking revisions
 * during its read. After the last it goes on with the revision it holds, which is then already
 * superseded: it writes nothing and, like any superseded re-plan, waits for the newer one to
 * complete or takes over (takeovers, below).
 */
const readAttempts = 3;
/**
 * Times a superseded re-plan whose newer re-plan does not complete within the wait
 * (plan-revision.ts awaitCompletion: it failed, timed out, or is slow) takes over: takes a new
 * revision, reads the record again and re-plans. After the last it throws a retryable
 * DependencyError, so the event is retried (and dead-lettered if it keeps failing), never lost.
 */
const takeovers = 2;
/**
 * Times in all a superseded re-plan goes on waiting, instead of taking over, because a still newer
 * re-plan started while it waited (the patient's latest revision moved past the one it waited for):
 * that one is running on data at least as new, and a takeover would only supersede it in turn (a
 * storm of re-plans superseding each other, the last ones failing retryably). Bounded, so a run of
 * re-plans that start and never complete is still taken over (each wait is at most 1.5 s).
 */
const newerWaits = 2;

export interface PlanStoredResult {
  written: number;
  /** Pending reminders withdrawn because they are no longer in the plan (stopped or changed orders). */
  withdrawn: number;
  tz: string;
  skipped: { request: string; reason: string }[];
  /**
   * Present when a newer re-plan of the patient started meanwhile (newer data) and completed: its
   * plan stands; this one withdrew only what it had itself just created (schedule-reminders.ts
   * replanReminders). A newer re-plan that does not complete is taken over (planStoredReminders).
   */
  superseded?: true;
  /**
   * false when the patient's Patient resource is not stored (yet): its other records can arrive
   * first, since files are ingested independently, or belong to a Patient that was quarantined.
   * Nothing is planned then; the Patient's own ingest publishes PatientDataUpdated, which plans.
   */
  patientStored: boolean;
}

/** The patient's IANA zone from the Patient's timezone extension, else the hospital default. */
export function patientTimeZone(resources: readonly Resource[], fallback: string): string {
  const patient = resources.find((r) => r.resourceType === 'Patient');
  const ext = patient?.extension?.find((e) => e.url === timezoneExtension);
  return ext?.valueCode ?? fallback;
}

function localDate(now: Date, tz: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(now);
}

export async function planStoredReminders(
  deps: { serving: Table; clock: Clock; wait?: (ms: number) => Promise<void> },
  input: { hospital: string; patientId: string; defaultTimeZone: string },
): Promise<PlanStoredResult> {
  let withdrawnBefore = 0;
  let waitsLeft = newerWaits;
  for (let run = 0; ; run++) {
    const record = await readRecord(deps, input);
    if (!record)
      return {
        written: 0,
        withdrawn: withdrawnBefore,
        tz: input.defaultTimeZone,
        skipped: [],
        patientStored: false,
      };
    const planned = await planFromRecord(deps, input, record);
    const { supersededBy, ...result } = planned;
    result.withdrawn += withdrawnBefore;
    if (supersededBy === undefined) {
      // Every write and withdrawal of this plan is done: a superseded older re-plan may now stop.
      await completePlanRevision(deps.serving, input.hospital, input.patientId, record.revision);
      return result;
    }
    // A newer re-plan (newer data) took over: its plan stands once it (or a re-plan newer still)
    // completes. While still newer re-plans keep starting, it waits for them (newerWaits); if none
    // completes (they failed, timed out, or are slow), this one re-plans from the record as it is
    // now, so the newer data (a stop) is never left unapplied.
    let seen = supersededBy;
    for (;;) {
      if (
        await awaitCompletion(
          deps.serving,
          input.hospital,
          input.patientId,
          supersededBy,
          deps.wait,
        )
      )
        return result;
      const latest = await latestPlanRevision(deps.serving, input.hospital, input.patientId);
      if (latest <= seen || waitsLeft === 0) break;
      waitsLeft--;
      seen = latest;
    }
    if (run >= takeovers)
      throw new DependencyError(
        'the reminder re-plan was superseded by newer re-plans that did not complete',
      );
    withdrawnBefore = result.withdrawn;
  }
}

interface StoredRecord {
  /** The plan revision taken before the record was read. */
  revision: number;
  resources: Resource[];
  /** When each MedicationRequest (by id) was stored (its item's updatedAt, as read). */
  ordersStoredAt: Map<string, unknown>;
}

/**
 * Take a plan revision, then read the patient's record (strongly consistent); undefined when the
 * Patient is not stored. The read counts only if no other re-plan took a revision while it ran: so
 * a re-plan with a higher revision planned from data at least as new (plan-revision.ts). Under
 * contention it reads again, readAttempts times at most.
 */
async function readRecord(
  deps: { serving: Table; clock: Clock },
  input: { hospital: string; patientId: string },
): Promise<StoredRecord | undefined> {
  let record: StoredRecord | undefined;
  try {
    for (let attempt = 1; attempt <= readAttempts; attempt++) {
      const revision = await takePlanRevision(
        deps.serving,
        input.hospital,
        input.patientId,
        deps.clock.now(),
      );
      const ordersStoredAt = new Map<string, unknown>();
      const resources = (await patientRecord(
        consistentReads(deps.serving, ordersStoredAt),
        input.hospital,
        input.patientId,
      )) as unknown as Resource[];
      record = { revision, resources, ordersStoredAt };
      if ((await latestPlanRevision(deps.serving, input.hospital, input.patientId)) === revision)
        break;
    }
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return undefined;
  }
  return record;
}

/** Plan the record's reminders under its revision and store them (replanReminders). */
async function planFromRecord(
  deps: { serving: Table; clock: Clock },
  input: { hospital: string; patientId: string; defaultTimeZone: string },
  { revision, resources, ordersStoredAt }: StoredRecord,
): Promise<PlanStoredResult & { supersededBy?: number }> {
  const tz = patientTimeZone(resources, input.defaultTimeZone);
  const shared = resources.filter(
    (r) => r.resourceType === 'Medication' || r.resourceType === 'MedicationDispense',
  );
  const doses: DoseOccurrence[] = [];
  const refills: RefillReminder[] = [];
  const skipped: PlanStoredResult['skipped'] = [];
  const now = deps.clock.now();
  const today = localDate(now, tz);
  // Planned from the local day of the tick's catch-up window, so a re-plan just after local midnight
  // still plans (and so keeps pending) yesterday's late reminders the tick may yet retry; the
  // horizon still ends planningHorizonDays after today.
  const from = localDate(new Date(now.getTime() - catchUpMinutes * 60_000), tz);
  const days = planningHorizonDays + (from === today ? 0 : 1);
  for (const request of resources) {
    if (request.resourceType !== 'MedicationRequest' || request.status !== 'active') continue;
    // doNotPerform, or a proposal, plan or option: no reminders, and said so (actionable-request.ts).
    const refused = notActionable(request);
    if (refused) {
      skipped.push({ request: `MedicationRequest/${request.id ?? ''}`, reason: refused.reason });
      continue;
    }
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [request, ...shared].map((resource) => ({ resource })),
    };
    try {
      const plan = planReminders(bundle, { tz, from, days });
      doses.push(...plan.doses);
      refills.push(...plan.refills);
      // An order planReminders could not plan (a taper step that cannot be placed...) is skipped
      // with its reason, by the same rule as `caregraph reminders plan`.
      for (const s of plan.skipped) skipped.push({ request: s.resource, reason: s.reason });
      // Refill problems (a dispense date that cannot be read...) cost only the refill reminders.
      for (const n of plan.notScheduled)
        if (n.resource && !skipped.some((s) => s.request === n.resource && s.reason === n.reason))
          skipped.push({ request: n.resource, reason: n.reason });
    } catch (error) {
      // Only the planning options are refused as a whole (the Patient's timezone extension naming
      // no IANA zone): then each order is skipped with that reason.
      if (!(error instanceof ValidationError)) throw error;
      skipped.push({ request: `MedicationRequest/${request.id ?? ''}`, reason: error.message });
    }
  }
  const until = fromCivil((parseCivilDate(today, 'today') + planningHorizonDays) * 1440, tz);
  // Snoozed reminders stay while their order is active or completed (the course ended with the
  // snoozed dose still to come); a stopped, cancelled or removed order takes its snooze with it.
  // An order changed to doNotPerform (or to a mere proposal) takes its snooze with it too.
  const snoozeOrders = resources.flatMap((r) =>
    r.resourceType === 'MedicationRequest' &&
    (r.status === 'active' || r.status === 'completed') &&
    !notActionable(r)
      ? [String(r.id ?? '')]
      : [],
  );
  const replanned = await replanReminders(
    deps,
    { hospital: input.hospital, patient: input.patientId, tz, doses, refills, snoozeOrders },
    { now, until, revision },
  );
  const { written, superseded, supersededBy } = replanned;
  let { withdrawn } = replanned;
  // Reminders stored before re-plans could withdraw them (no plan entry) of orders no longer planned.
  if (!superseded)
    withdrawn += await withdrawLegacyReminders(deps, {
      hospital: input.hospital,
      patient: input.patientId,
      tz,
      resources,
      ordersStoredAt,
      snoozeOrders,
      from: localDate(new Date(now.getTime() - catchUpMinutes * 60_000 - 86_400_000), tz),
      days: days + 1,
      now,
      until,
      revision,
    });
  const active = resources.some(
    (r) => r.resourceType === 'MedicationRequest' && r.status === 'active' && !notActionable(r),
  );
  await registerForReplan(deps.serving, input.hospital, input.patientId, active, now, revision);
  return {
    written,
    withdrawn,
    tz,
    skipped,
    patientStored: true,
    ...(superseded ? { superseded, supersededBy } : {}),
  };
}

/**
 * The table with every read strongly consistent (the record must include every acknowledged write),
 * noting the updatedAt of each MedicationRequest item the record's query returns in `ordersStoredAt`
 * (legacy-reminders.ts needs it, and need not query the orders again).
 */
function consistentReads(serving: Table, ordersStoredAt: Map<string, unknown>): Table {
  const order = 'MedicationRequest#';
  return {
    get: (pk, sk) => serving.get(pk, sk, { consistent: true }),
    put: (item) => serving.put(item),
    putIfAbsent: (item) => serving.putIfAbsent(item),
    putMany: (items) => serving.putMany(items),
    query: async (query) => {
      const page = await serving.query({ ...query, consistent: true });
      for (const item of page.items)
        if (String(item.sk).startsWith(order))
          ordersStoredAt.set(String(item.sk).slice(order.length), item.updatedAt);
      return page;
    },
  };
}

/** The registry shard of a patient (a stable hash of hospital and pseudonymous id). */
export function registryShard(hospital: string, patientId: string): number {
  return shardOf(occurrenceIdOf(hospital, patientId, 'replan'), reminderShards);
}

/**
 * Keep the rolling re-plan registry (replan-active.ts) current: a patient with an active order is
 * listed; one without is marked inactive only if listed (patients never on medication add nothing).
 * With the plan `revision` the entry is written under, an entry a newer re-plan wrote is left as it
 * is (an older re-plan finishing last cannot unlist a patient whose newer data has an active order).
 */
export async function registerForReplan(
  serving: Table,
  hospital: string,
  patientId: string,
  active: boolean,
  now: Date,
  revision?: number,
): Promise<void> {
  const key = {
    pk: reminderKeys.planRegistry(registryShard(hospital, patientId)),
    sk: `${hospital}#${patientId}`,
  };
  const entry: Item = {
    ...key,
    hospital,
    patient: patientId,
    active,
    plannedAt: now.toISOString(),
  };
  if (revision !== undefined) {
    await writeUnlessSuperseded(serving, key, revision, (stored) =>
      active || stored ? entry : undefined,
    );
    return;
  }
  if (!active && !(await serving.get(key.pk, key.sk))) return;
  await serving.put(entry);
}
