// Use case (reminders): plan a patient's reminders from their stored record for the next days and
// store them for delivery. Run whenever new data for the patient is stored (PatientDataUpdated) and
// every day for every patient with an active order (replan-active.ts), so the 7-day horizon rolls
// forward for stable patients too. Occurrence ids are derived from the order and the prescribed
// instant, so re-planning rewrites the same tasks and never duplicates one; pending reminders that
// are no longer in the plan (a stopped order, a moved dose time) are withdrawn (replanReminders).
// A MedicationRequest whose Timing cannot be expanded (a taper step whose start cannot be worked
// out...) is skipped with its reason (reported), and the patient's other medicines are still
// planned; so is one that does not order the drug to be given (doNotPerform, a proposal, plan or
// option: actionable-request.ts).
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
import type { DoseOccurrence } from './expand-dosage';
import type { RefillReminder } from './refills';

/** FHIR core extension for a resource's IANA time zone (R5 `timezone`, usable in R4 as an extension). */
export const timezoneExtension = 'http://hl7.org/fhir/StructureDefinition/timezone';
/** Days planned ahead on each update; the every-minute tick delivers them as they fall due. */
export const planningHorizonDays = 7;

export interface PlanStoredResult {
  written: number;
  /** Pending reminders withdrawn because they are no longer in the plan (stopped or changed orders). */
  withdrawn: number;
  tz: string;
  skipped: { request: string; reason: string }[];
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
  let resources: Resource[];
  try {
    resources = (await patientRecord(
      deps.serving,
      input.hospital,
      input.patientId,
    )) as unknown as Resource[];
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
  const { written, withdrawn } = await replanReminders(
    deps,
    { hospital: input.hospital, patient: input.patientId, tz, doses, refills, snoozeOrders },
    { now, until },
  );
  const active = resources.some(
    (r) => r.resourceType === 'MedicationRequest' && r.status === 'active' && !notActionable(r),
  );
  await registerForReplan(deps.serving, input.hospital, input.patientId, active, now);
  return { written, withdrawn, tz, skipped, patientStored: true };
}

/** The registry shard of a patient (a stable hash of hospital and pseudonymous id). */
export function registryShard(hospital: string, patientId: string): number {
  return shardOf(occurrenceIdOf(hospital, patientId, 'replan'), reminderShards);
}

/**
 * Keep the rolling re-plan registry (replan-active.ts) current: a patient with an active order is
 * listed; one without is marked inactive only if listed (patients never on medication add nothing).
 */
export async function registerForReplan(
  serving: Table,
  hospital: string,
  patientId: string,
  active: boolean,
  now: Date,
): Promise<void> {
  const key = {
    pk: reminderKeys.planRegistry(registryShard(hospital, patientId)),
    sk: `${hospital}#${patientId}`,
  };
  if (!active && !(await serving.get(key.pk, key.sk))) return;
  const entry: Item = {
    ...key,
    hospital,
    patient: patientId,
    active,
    plannedAt: now.toISOString(),
  };
  await serving.put(entry);
}
