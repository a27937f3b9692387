// Domain (reminders): the reminder plan of one patient's FHIR R4 Bundle over a number of local days:
// dose reminders of every active MedicationRequest and refill reminders from its dispenses. Used by
// `caregraph reminders plan` and by whatever schedules reminders for delivery (schedule-reminders.ts).
import type { Bundle, MedicationDispense, MedicationRequest } from '@medplum/fhirtypes';
import { ValidationError } from '../errors';
import { expandDosage, type DoseOccurrence, type NotScheduled } from './expand-dosage';
import { refillReminders, type RefillReminder } from './refills';
import {
  assertTimeZone,
  civilOfFhirDateTime,
  fromCivil,
  isoWithOffset,
  parseCivilDate,
} from './local-time';
import { medicationIndex, resolveMedication, type MedicationIndex } from './medication-reference';
import type { QuietHours } from './quiet-hours';

export interface PlanOptions {
  tz: string;
  /** First local day, YYYY-MM-DD. */
  from: string;
  /** Number of local days, 1-366. */
  days: number;
  quietHours?: QuietHours;
  refillLeadDays?: number;
}

/** One line of the plan; the CLI contract's JSON shape. */
export interface PlannedReminder {
  medication: string;
  /** ISO-8601 with the patient's UTC offset at that instant. */
  at: string;
  dose?: string;
  kind: 'dose' | 'refill';
  /** Doses this reminder stands for, when quiet hours deferred several to it (absent when 1). */
  covers?: number;
}

/** A MedicationRequest left out of the plan entirely (no dose or refill reminder), and why. */
export interface SkippedOrder {
  /** `MedicationRequest/id` (`MedicationRequest/` when the request has no id). */
  resource: string;
  /** The element at fault, e.g. `entry[2].resource.dosageInstruction[1].sequence`. */
  path: string;
  /** The refusal, naming that element. */
  reason: string;
}

export interface ReminderPlan {
  reminders: PlannedReminder[];
  /** Bundle entries deliberately not scheduled (as-needed, inactive), by element path. */
  notScheduled: NotScheduled[];
  /**
   * Orders whose dosage cannot be planned (a taper step whose start cannot be worked out, a Timing
   * form we do not support...): each is left out with its reason and the other orders are planned,
   * by the CLI and the deployed planner (plan-stored.ts) alike.
   */
  skipped: SkippedOrder[];
  /** The occurrences behind `reminders`, for callers that store them. */
  doses: DoseOccurrence[];
  refills: RefillReminder[];
}

/**
 * Plan reminders for the local days [from, from + days) in `tz`, sorted by time (doses before refills
 * at the same instant). A MedicationRequest whose dosage cannot be planned is skipped (`skipped`, its
 * path naming the Bundle entry, e.g. `entry[2].resource.dosageInstruction[0].timing.repeat.periodUnit`)
 * and the others are planned. Throws ValidationError only for the options (tz, from, days).
 */
export function planReminders(bundle: Bundle, options: PlanOptions): ReminderPlan {
  assertTimeZone(options.tz);
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > 366)
    throw new ValidationError('days must be an integer from 1 to 366', 'days');
  const firstDay = parseCivilDate(options.from, 'from');
  const window = {
    tz: options.tz,
    from: fromCivil(firstDay * 1440, options.tz),
    to: fromCivil((firstDay + options.days) * 1440, options.tz),
  };
  const entries = bundle.entry ?? [];
  const medications = medicationIndex(entries);
  const dispenses: { keys: string[]; dispense: MedicationDispense }[] = [];
  const plan: ReminderPlan = {
    reminders: [],
    notScheduled: [],
    skipped: [],
    doses: [],
    refills: [],
  };
  entries.forEach((e, index) => {
    const r = e.resource;
    if (r?.resourceType !== 'MedicationDispense') return;
    // A dispense whose date cannot be read is left out of refill reminders, reported under its OWN
    // path; it never costs its order the dose reminders (or the other fills).
    const problem = dispenseDateProblem(r, options.tz, `entry[${index}].resource.whenHandedOver`);
    if (problem) {
      plan.notScheduled.push({ ...problem, resource: `MedicationDispense/${r.id ?? ''}` });
      return;
    }
    dispenses.push({
      keys: (r.authorizingPrescription ?? []).map((a) => a.reference ?? ''),
      dispense: r,
    });
  });
  entries.forEach((e, index) => {
    if (e.resource?.resourceType !== 'MedicationRequest') return;
    const at = `entry[${index}].resource`;
    const resource = `MedicationRequest/${e.resource.id ?? ''}`;
    let request: MedicationRequest;
    let fills: MedicationDispense[];
    let courseStartHint: string | undefined;
    // One order whose dosage cannot be planned is skipped with its reason (no dose or refill
    // reminder: a supply estimate from a dosage we cannot read would mislead); the others go on.
    try {
      request = withMedicationName(e.resource, medications);
      const keys = referenceKeys(request.id, e.fullUrl, 'MedicationRequest');
      fills = dispenses.filter((d) => d.keys.some((k) => keys.includes(k))).map((d) => d.dispense);
      courseStartHint = earliestHandedOver(fills, options.tz);
      const expansion = expandDosage(request, {
        ...window,
        quietHours: options.quietHours,
        courseStartHint,
      });
      plan.doses.push(...expansion.occurrences);
      plan.notScheduled.push(
        ...expansion.notScheduled.map((n) => ({ ...n, path: `${at}.${n.path}` })),
      );
    } catch (error) {
      if (!(error instanceof ValidationError) || error.path === 'tz') throw error;
      plan.skipped.push({
        resource,
        path: error.path ? `${at}.${error.path}` : at,
        reason: error.path ? `${at}.${error.message}` : `${at}: ${error.message}`,
      });
      return;
    }
    // Refills in their own try: a supply that cannot be worked out loses its refill reminders
    // (reported), never the order's dose reminders.
    try {
      plan.refills.push(
        ...refillReminders(request, fills, {
          ...window,
          refillLeadDays: options.refillLeadDays,
          courseStartHint,
          medications,
        }),
      );
    } catch (error) {
      if (!(error instanceof ValidationError) || !error.path || error.path === 'tz') throw error;
      plan.notScheduled.push({
        path: `${at}.${error.path}`,
        reason: `refill reminders not planned: ${error.message}`,
        resource: `MedicationRequest/${request.id ?? ''}`,
      });
    }
  });
  const lines = [
    ...plan.doses.map((d) => ({
      t: d.at.getTime(),
      order: 0,
      line: {
        ...line(d.medication, d.at, 'dose', options.tz, d.dose),
        ...(d.covers ? { covers: d.covers } : {}),
      },
    })),
    ...plan.refills.map((r) => ({
      t: r.at.getTime(),
      order: 1,
      line: line(r.medication, r.at, 'refill', options.tz),
    })),
  ];
  lines.sort(
    (a, b) => a.t - b.t || a.order - b.order || a.line.medication.localeCompare(b.line.medication),
  );
  plan.reminders = lines.map((l) => l.line);
  return plan;
}

function line(
  medication: string,
  at: Date,
  kind: PlannedReminder['kind'],
  tz: string,
  dose?: string,
): PlannedReminder {
  return { medication, at: isoWithOffset(at, tz), ...(dose ? { dose } : {}), kind };
}

/** Why a dispense's whenHandedOver cannot be read (its path and reason), or undefined. */
function dispenseDateProblem(
  dispense: MedicationDispense,
  tz: string,
  path: string,
): NotScheduled | undefined {
  if (!dispense.whenHandedOver) return undefined;
  try {
    civilOfFhirDateTime(dispense.whenHandedOver, tz, path);
    return undefined;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { path, reason: `${error.message}: this dispense is left out of refill reminders` };
  }
}

/** The earliest handed-over date of an order's completed fills (a course start stand-in). */
function earliestHandedOver(fills: MedicationDispense[], tz: string): string | undefined {
  let best: { value: string; civil: number } | undefined;
  for (const f of fills) {
    if ((f.status ?? 'completed') !== 'completed' || !f.whenHandedOver) continue;
    const civil = civilOfFhirDateTime(f.whenHandedOver, tz, 'whenHandedOver');
    if (!best || civil < best.civil) best = { value: f.whenHandedOver, civil };
  }
  return best?.value;
}

/** How other resources may refer to a resource in a Bundle: `Type/id` and its fullUrl. */
function referenceKeys(
  id: string | undefined,
  fullUrl: string | undefined,
  type: string,
): string[] {
  return [...(id ? [`${type}/${id}`] : []), ...(fullUrl ? [fullUrl] : [])];
}

/**
 * A request naming its drug by medicationReference gets the referenced (contained or Bundle)
 * Medication's code as its name (medication-reference.ts); a display-only one keeps its display.
 */
function withMedicationName(
  request: MedicationRequest,
  medications: MedicationIndex,
): MedicationRequest {
  if (request.medicationCodeableConcept) return request;
  const resolved = resolveMedication(request, medications);
  return resolved.concept && resolved.source !== 'display'
    ? { ...request, medicationCodeableConcept: resolved.concept }
    : request;
}
