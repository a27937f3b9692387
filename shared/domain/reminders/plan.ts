// Domain (reminders): the reminder plan of one patient's FHIR R4 Bundle over a number of local days:
// dose reminders of every active MedicationRequest and refill reminders from its dispenses. Used by
// `caregraph reminders plan` and by whatever schedules reminders for delivery (schedule-reminders.ts).
import type { Bundle, Medication, MedicationDispense, MedicationRequest } from '@medplum/fhirtypes';
import { ValidationError } from '../errors';
import { expandDosage, type DoseOccurrence, type NotScheduled } from './expand-dosage';
import { refillReminders, type RefillReminder } from './refills';
import { assertTimeZone, fromCivil, isoWithOffset, parseCivilDate } from './local-time';
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
}

export interface ReminderPlan {
  reminders: PlannedReminder[];
  /** Bundle entries deliberately not scheduled (as-needed, inactive), by element path. */
  notScheduled: NotScheduled[];
  /** The occurrences behind `reminders`, for callers that store them. */
  doses: DoseOccurrence[];
  refills: RefillReminder[];
}

/**
 * Plan reminders for the local days [from, from + days) in `tz`, sorted by time (doses before refills
 * at the same instant). ValidationError paths name the Bundle entry, e.g.
 * `entry[2].resource.dosageInstruction[0].timing.repeat.periodUnit`.
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
  const medications = new Map<string, Medication>();
  const dispenses: { keys: string[]; dispense: MedicationDispense }[] = [];
  entries.forEach((e) => {
    const r = e.resource;
    if (r?.resourceType === 'Medication')
      referenceKeys(r.id, e.fullUrl, 'Medication').forEach((k) => medications.set(k, r));
    if (r?.resourceType === 'MedicationDispense')
      dispenses.push({
        keys: (r.authorizingPrescription ?? []).map((a) => a.reference ?? ''),
        dispense: r,
      });
  });
  const plan: ReminderPlan = { reminders: [], notScheduled: [], doses: [], refills: [] };
  entries.forEach((e, index) => {
    if (e.resource?.resourceType !== 'MedicationRequest') return;
    const request = withMedicationName(e.resource, medications);
    const keys = referenceKeys(request.id, e.fullUrl, 'MedicationRequest');
    const fills = dispenses
      .filter((d) => d.keys.some((k) => keys.includes(k)))
      .map((d) => d.dispense);
    const at = `entry[${index}].resource`;
    try {
      const expansion = expandDosage(request, { ...window, quietHours: options.quietHours });
      plan.doses.push(...expansion.occurrences);
      plan.notScheduled.push(
        ...expansion.notScheduled.map((n) => ({ ...n, path: `${at}.${n.path}` })),
      );
      plan.refills.push(
        ...refillReminders(request, fills, { ...window, refillLeadDays: options.refillLeadDays }),
      );
    } catch (error) {
      if (error instanceof ValidationError && error.path && error.path !== 'tz')
        throw new ValidationError(`${at}.${error.message}`, `${at}.${error.path}`, {
          cause: error,
        });
      throw error;
    }
  });
  const lines = [
    ...plan.doses.map((d) => ({
      t: d.at.getTime(),
      order: 0,
      line: line(d.medication, d.at, 'dose', options.tz, d.dose),
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

/** How other resources may refer to a resource in a Bundle: `Type/id` and its fullUrl. */
function referenceKeys(
  id: string | undefined,
  fullUrl: string | undefined,
  type: string,
): string[] {
  return [...(id ? [`${type}/${id}`] : []), ...(fullUrl ? [fullUrl] : [])];
}

/** A request naming its drug by medicationReference gets the referenced Medication's code as its name. */
function withMedicationName(
  request: MedicationRequest,
  medications: Map<string, Medication>,
): MedicationRequest {
  if (request.medicationCodeableConcept || !request.medicationReference?.reference) return request;
  const medication = medications.get(request.medicationReference.reference);
  return medication?.code ? { ...request, medicationCodeableConcept: medication.code } : request;
}
