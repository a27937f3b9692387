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
import { NotFoundError, ValidationError } from '../errors';
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
import { latestPlanRevision, takePlanRevision, writeUnlessSuperseded } from './plan-revision';
import { withdrawLegacyReminders } from './legacy-reminders';
import type { DoseOccurrence } from './expand-dosage';
import type { RefillReminder } from './refills';

/** FHIR core extension for a resource's IANA time zone (R5 `timezone`, usable in R4 as an extension). */
export const timezoneExtension = 'http://hl7.org/fhir/StructureDefinition/timezone';
/** Days planned ahead on each update; the every-minute tick delivers them as they fall due. */
export const planningHorizonDays = 7;
/**
 * Reads of the record a re-plan makes while other re-plans of the patient keep taking revisions
 * during its read; after the last it plans anyway: its writes are still conditional, and a newer
 * re-plan's plan stands over its own (plan-revision.ts).
 */
const readAttempts = 3;

export interface PlanStoredResult {
  written: number;
  /** Pending reminders withdrawn because they are no longer in the plan (stopped or changed orders). */
  withdrawn: number;
  tz: string;
  skipped: { request: string; reason: string }[];
  /**
   * Present when a newer re-plan of the patient started meanwhile (newer data): its plan stands; this
   * one withdrew only what it had itself just created (schedule-reminders.ts replanReminders).
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
  deps: { serving: Table; clock: Clock },
  input: { hospital: string; patientId: string; defaultTimeZone: string },
): Promise<PlanStoredResult> {
  let revision = 0;
  let resources: Resource[] = [];
  try {
    // The revision is taken before the record is read (strongly consistent), and the read counts
    // only if no other re-plan took a revision while it ran: so a re-plan with a higher revision
    // planned from data at least as new (plan-revision.ts). Under contention it reads again.
    for (let attempt = 1; attempt <= readAttempts; attempt++) {
      revision = await takePlanRevision(
        deps.serving,
        input.hospital,
        input.patientId,
        deps.clock.now(),
      );
      resources = (await patientRecord(
        consistentReads(deps.serving),
        input.hospital,
        input.patientId,
      )) as unknown as Resource[];
      if ((await latestPlanRevision(deps.serving, input.hospital, input.patientId)) === revision)
        break;
    }
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return {
      written: 0,
      withdrawn: 0,
      tz: input.defaultTimeZone,
      skipped: [],
      patientStored: false,
    };
  }
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
  const { written, superseded } = replanned;
  let { withdrawn } = replanned;
  // Reminders stored before re-plans could withdraw them (no plan entry) of orders no longer planned.
  if (!superseded)
    withdrawn += await withdrawLegacyReminders(deps, {
      hospital: input.hospital,
      patient: input.patientId,
      tz,
      resources,
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
    ...(superseded ? { superseded } : {}),
  };
}

/** The table with every read strongly consistent (the record must include every acknowledged write). */
function consistentReads(serving: Table): Table {
  return {
    get: (pk, sk) => serving.get(pk, sk, { consistent: true }),
    put: (item) => serving.put(item),
    putIfAbsent: (item) => serving.putIfAbsent(item),
    putMany: (items) => serving.putMany(items),
    query: (query) => serving.query({ ...query, consistent: true }),
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
