// Domain (reminders): refill reminders. The supply on hand runs out `daysSupply` days after the last
// fill (FHIR R4 MedicationDispense.whenHandedOver + daysSupply; a fill handed over before the
// previous supply ran out starts when that runs out, carried forward as PDC does), or, without a
// dispense, after the MedicationRequest.dispenseRequest's expectedSupplyDuration; when neither
// states a duration, it is quantity / (doses a day x units a dose). The reminder is due
// `refillLeadDays` before that day.
import type { MedicationDispense, MedicationRequest, Quantity } from '@medplum/fhirtypes';
import { carriedForwardStarts } from '../adherence/pdc';
import { notActionable } from './actionable-request';
import { clinicianAdministered } from './administered-by-clinician';
import { doseSchedule } from './dose-schedule';
import { civilDoseTimes } from './expand-dosage';
import {
  assertTimeZone,
  civilDay,
  civilEndOfFhirDateTime,
  civilOfFhirDateTime,
  fromCivil,
  parseClockTime,
  toCivil,
} from './local-time';
import { medicationDisplay } from './medication-text';

/**
 * Days before the supply runs out that the refill reminder is due. Seven days is our documented
 * convention: it is about when a 30-day fill is no longer "refill too soon" for typical payers (~75-80%
 * of the days' supply used) and leaves time for pharmacy or mail-order turnaround.
 */
export const defaultRefillLeadDays = 7;
/** Local time of day refill reminders are sent: mid-morning, outside any sensible quiet hours. */
export const defaultRefillTime = '10:00';

const minutesPerDay = 1440;
const sampleDays = 28; // four weeks: covers daily, alternate-day and weekly patterns

export interface RefillOptions {
  tz: string;
  from: Date;
  to: Date;
  refillLeadDays?: number;
  refillTime?: string;
}

export interface RefillReminder {
  requestId: string;
  medication: string;
  at: Date;
  /** First local day (as an instant at local midnight) without supply, assuming on-time refills. */
  runsOutAt: Date;
}

/**
 * Refill reminders of one active request in [from, to), given its dispenses. A known fill gets a
 * reminder unless the next fill came before it was due; after the last fill handed over before `to`,
 * each later fill is assumed to happen when the previous supply runs out, until the course ends
 * (Timing.repeat.boundsPeriod.end). Returns [] when the supply duration cannot be determined, for
 * as-needed-only requests, and for requests a clinician gives (intravenous, inpatient).
 */
export function refillReminders(
  request: MedicationRequest,
  dispenses: MedicationDispense[],
  options: RefillOptions,
): RefillReminder[] {
  assertTimeZone(options.tz);
  if (request.status !== 'active') return [];
  // doNotPerform, or not an order (proposal, plan, option): nothing to refill (actionable-request.ts);
  // expandDosage reports the request as not scheduled.
  if (notActionable(request)) return [];
  // As-needed use has no predictable rate: projecting on-time refills would nag or mislead.
  const dosages = request.dosageInstruction ?? [];
  if (dosages.length && dosages.every((d) => d.asNeededBoolean || d.asNeededCodeableConcept))
    return [];
  // Infusions and inpatient orders: the pharmacy supplies the clinic or the ward, not the patient.
  if (dosages.length && dosages.every((d) => clinicianAdministered(request, d) !== undefined))
    return [];
  const supplies = suppliesBefore(request, dispenses, options);
  if (!supplies.length) return [];
  const lead = options.refillLeadDays ?? defaultRefillLeadDays;
  const time = parseClockTime(options.refillTime ?? defaultRefillTime, 'refillTime');
  const courseEnd = courseEndDay(request, options.tz);
  const lastDay = civilDay(toCivil(options.to, options.tz));
  const out: RefillReminder[] = [];
  const remind = (runsOut: number) => {
    const at = fromCivil((runsOut - lead) * minutesPerDay + time, options.tz);
    if (at >= options.from && at < options.to)
      out.push({
        requestId: request.id ?? '',
        medication: medicationDisplay(request),
        at,
        runsOutAt: fromCivil(runsOut * minutesPerDay, options.tz),
      });
  };
  // An early refill's days start when the supply before it runs out (carried forward as PQA's PDC
  // does, adherence/pdc.ts), so the left-over days of the earlier fill are not lost.
  const starts = carriedForwardStarts(supplies.map((s) => ({ day: s.startDay, days: s.days })));
  // Known fills: a reminder only where the next fill came after it was due (else it was not needed).
  supplies.forEach((supply, i) => {
    const runsOut = starts[i]! + supply.days;
    const next = supplies[i + 1];
    if (next && next.startDay <= runsOut - lead) return;
    if (courseEnd !== undefined && runsOut >= courseEnd) return;
    if (next) remind(runsOut);
  });
  // After the last fill: assume each refill happens the day the previous supply runs out.
  const last = supplies.at(-1)!;
  for (let start = starts.at(-1)!; ;) {
    const runsOut = start + last.days;
    if ((courseEnd !== undefined && runsOut >= courseEnd) || runsOut - lead > lastDay) break;
    remind(runsOut);
    start = runsOut;
  }
  return out;
}

/**
 * The supplies handed over before the window ends, oldest first (their first local day and whole days
 * they last); without dispenses, the one the dispenseRequest describes from its validity start.
 */
function suppliesBefore(
  request: MedicationRequest,
  dispenses: MedicationDispense[],
  options: RefillOptions,
): Supply[] {
  const { tz } = options;
  const fills = dispenses
    .filter((d) => (d.status ?? 'completed') === 'completed' && d.whenHandedOver)
    .filter((d) => Date.parse(d.whenHandedOver!) < options.to.getTime())
    .sort((a, b) => Date.parse(a.whenHandedOver!) - Date.parse(b.whenHandedOver!));
  if (fills.length)
    return fills.flatMap((fill) => {
      const days = durationDays(fill.daysSupply) ?? daysFromQuantity(request, fill.quantity, tz);
      const at = civilOfFhirDateTime(fill.whenHandedOver!, tz, 'MedicationDispense.whenHandedOver');
      return days && days > 0
        ? [{ startDay: civilDay(at), days: Math.max(1, Math.round(days)) }]
        : [];
    });
  const dr = request.dispenseRequest;
  const from =
    dr?.validityPeriod?.start ??
    request.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.start ??
    request.authoredOn;
  if (!dr || !from) return [];
  const days =
    durationDays(dr.expectedSupplyDuration) ?? daysFromQuantity(request, dr.quantity, tz);
  if (!days || !(days > 0)) return [];
  const startDay = civilDay(civilOfFhirDateTime(from, tz, 'dispenseRequest.validityPeriod.start'));
  return [{ startDay, days: Math.max(1, Math.round(days)) }];
}

interface Supply {
  startDay: number;
  days: number;
}

/** A Duration/Quantity in days (UCUM d, wk, mo = 30 d), or undefined. */
function durationDays(q: Quantity | undefined): number | undefined {
  if (q?.value === undefined) return undefined;
  const unit = q.code ?? q.unit ?? 'd';
  const perUnit: Record<string, number> = { d: 1, day: 1, days: 1, wk: 7, mo: 30 };
  return perUnit[unit] === undefined ? undefined : q.value * perUnit[unit]!;
}

/**
 * Days a quantity lasts: quantity / (doses a day x units a dose). Units a dose is the dose quantity
 * when it is in the same unit as the dispensed quantity, else 1 (one tablet, capsule... per dose).
 */
function daysFromQuantity(
  request: MedicationRequest,
  quantity: Quantity | undefined,
  tz: string,
): number | undefined {
  if (quantity?.value === undefined) return undefined;
  const dosage = request.dosageInstruction?.[0];
  if (!dosage?.timing || dosage.asNeededBoolean || dosage.asNeededCodeableConcept) return undefined;
  const schedule = doseSchedule(dosage, 'dosageInstruction[0]', { tz, fallbackStart: 0 });
  const open = { ...schedule, count: undefined, end: undefined };
  const first = civilDay(open.start) * minutesPerDay;
  const perDay =
    civilDoseTimes(open, first, first + sampleDays * minutesPerDay).length / sampleDays;
  if (!(perDay > 0)) return undefined;
  const dose = dosage.doseAndRate?.[0]?.doseQuantity;
  const sameUnit =
    dose?.value !== undefined && (dose.code ?? dose.unit) === (quantity.code ?? quantity.unit);
  return quantity.value / (perDay * (sameUnit ? dose!.value! : 1));
}

function courseEndDay(request: MedicationRequest, tz: string): number | undefined {
  const end = request.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.end;
  if (!end) return undefined;
  const path = 'dosageInstruction[0].timing.repeat.boundsPeriod.end';
  // The day after the last day of the course (a partial date covers its whole month or year).
  return civilDay(civilEndOfFhirDateTime(end, tz, path) - 1) + 1;
}
