// Domain (reminders): refill reminders. The supply on hand runs out `daysSupply` days after the last
// fill (FHIR R4 MedicationDispense.whenHandedOver + daysSupply; a fill handed over before the
// previous supply ran out starts when that runs out, carried forward as PDC does), or, without a
// dispense, after the MedicationRequest.dispenseRequest's expectedSupplyDuration; when neither
// states a duration, it is quantity / (doses a day x units a dose). A taper (Dosage.sequence) uses
// its supply step by step, each step at its own dose (dosageSchedules places the steps as the dose
// reminders do), and a supply that lasts to the end of the taper needs no refill; tablets a fill
// leaves over join the next fill, which goes on from the first dose not yet covered, and a last
// fill smaller than one dose is refused (taperOf). The reminder is due `refillLeadDays` before that
// day.
import type {
  Dosage,
  MedicationDispense,
  MedicationRequest,
  Quantity,
  Ratio,
} from '@medplum/fhirtypes';
import { ValidationError } from '../errors';
import { carriedForwardStarts } from '../adherence/pdc';
import { notActionable } from './actionable-request';
import { clinicianAdministered } from './administered-by-clinician';
import { doseSchedule } from './dose-schedule';
import { civilDoseTimes, dosageSchedules, type ScheduledDosage } from './expand-dosage';
import {
  assertTimeZone,
  civilDay,
  civilEndOfFhirDateTime,
  civilOfFhirDateTime,
  fromCivil,
  parseClockTime,
  toCivil,
} from './local-time';
import { referencedMedication, type MedicationIndex } from './medication-reference';
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
/** How far a taper's supply is followed (ten years): a supply lasting longer runs out then. */
const maxSupplyDays = 3660;
/**
 * A bound on the refills assumed after the last fill within one planning window (a year of daily
 * refills is 366): each covers at least a dose, so the projection always ends; the bound makes sure.
 */
const maxAssumedRefills = 10_000;

export interface RefillOptions {
  tz: string;
  from: Date;
  to: Date;
  refillLeadDays?: number;
  refillTime?: string;
  /** The course start when the request has no authoredOn (plan.ts: the earliest dispense). */
  courseStartHint?: string;
  /** The Bundle's or record's Medication resources, for a referenced Medication's strength. */
  medications?: MedicationIndex;
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
  const taper = taperOf(request, supplies, options);
  const courseEnd = taper ? taper.courseEnd : courseEndDay(request, options.tz);
  const lastDay = civilDay(toCivil(options.to, options.tz));
  const out: RefillReminder[] = [];
  const reminded = new Set<number>();
  const remind = (runsOut: number) => {
    // One reminder per run-out day (a taper supply that covers only part of a day's doses).
    if (reminded.has(runsOut)) return;
    reminded.add(runsOut);
    const at = fromCivil((runsOut - lead) * minutesPerDay + time, options.tz);
    if (at >= options.from && at < options.to)
      out.push({
        requestId: request.id ?? '',
        medication: medicationDisplay(request),
        at,
        runsOutAt: fromCivil(runsOut * minutesPerDay, options.tz),
      });
  };
  // The supply `supply` handed over on `day`, used after the supply before it: an early refill's
  // days start when the supply before it runs out (carried forward as PQA's PDC does,
  // adherence/pdc.ts); a taper's quantity joins the units left over and is used from the first dose
  // the supply before it did not cover (taperOf), so the same tablets last as long in one fill or
  // in several. `lastOfPlan`: no later fill is known (see Taper.use).
  const use = (supply: Supply, day: number, before: Run | undefined, lastOfPlan: boolean): Run => {
    if (supply.days !== undefined || !taper) {
      const start = before
        ? carriedForwardStarts([
            { day: before.start, days: before.runsOut - before.start },
            { day, days: 0 },
          ])[1]!
        : day;
      const runsOut = start === Infinity ? Infinity : start + (supply.days ?? 0);
      // Units a taper's earlier fill left over are still in hand when the stated days end.
      return { start, runsOut, left: before?.left };
    }
    if (before?.runsOut === Infinity) return { start: Infinity, runsOut: Infinity };
    // On or before the day the supply before it runs out: from that supply's first uncovered dose;
    // after it (a gap), from the day it was handed over.
    const from = Math.max(
      day * minutesPerDay,
      before ? (before.next ?? before.runsOut * minutesPerDay) : -Infinity,
    );
    return taper.use(from, (before?.left ?? 0) + supply.quantity!.value!, supply, lastOfPlan);
  };
  const runs: Run[] = [];
  supplies.forEach((supply, i) =>
    runs.push(use(supply, supply.startDay, runs.at(-1), i === supplies.length - 1)),
  );
  // Known fills: a reminder only where the next fill came after it was due (else it was not needed).
  supplies.forEach((supply, i) => {
    const runsOut = runs[i]!.runsOut;
    const next = supplies[i + 1];
    if (next && next.startDay <= runsOut - lead) return;
    if (courseEnd !== undefined && runsOut >= courseEnd) return;
    if (next && runsOut !== Infinity) remind(runsOut);
  });
  // After the last fill: assume each refill, the size of the last fill, happens the day the
  // previous supply runs out. Each assumed refill covers at least one more dose or day (Taper.use
  // refuses a supply that covers none), so this ends when the window or the course does; the bound
  // makes an endless loop impossible whatever the input.
  const last = supplies.at(-1)!;
  let run = runs.at(-1)!;
  for (let refills = 0; ; refills++) {
    if (run.runsOut === Infinity) break;
    if ((courseEnd !== undefined && run.runsOut >= courseEnd) || run.runsOut - lead > lastDay)
      break;
    if (refills >= maxAssumedRefills) {
      const at = last.dispense ? 'MedicationDispense.quantity' : 'dispenseRequest';
      throw new ValidationError(
        `more than ${maxAssumedRefills} refills of the last supply would be needed before the ` +
          `planning window ends: its supply cannot be planned (${at})`,
        last.dispense ? 'dosageInstruction' : 'dispenseRequest',
      );
    }
    remind(run.runsOut);
    run = use(last, run.runsOut, run, true);
  }
  return out;
}

/**
 * The supplies handed over before the window ends, oldest first (their first local day and whole days
 * they last); without dispenses, the one the dispenseRequest describes from its validity start. A
 * taper's supply without stated days keeps its quantity: how long it lasts depends on the steps it
 * meets (taperOf).
 */
function suppliesBefore(
  request: MedicationRequest,
  dispenses: MedicationDispense[],
  options: RefillOptions,
): Supply[] {
  const { tz } = options;
  const sequenced = isTaper(request);
  const supply = (
    startDay: number,
    date: string,
    stated: number | undefined,
    quantity: Quantity | undefined,
    dispense?: MedicationDispense,
  ): Supply[] => {
    if (sequenced && stated === undefined)
      return quantity?.value !== undefined && quantity.value > 0
        ? [{ startDay, date, quantity, dispense }]
        : [];
    const days = stated ?? daysFromQuantity(request, { quantity, dispense }, options);
    return days && days > 0 ? [{ startDay, date, days: Math.max(1, Math.round(days)) }] : [];
  };
  const fills = dispenses
    .filter((d) => (d.status ?? 'completed') === 'completed' && d.whenHandedOver)
    .filter((d) => Date.parse(d.whenHandedOver!) < options.to.getTime())
    .sort((a, b) => Date.parse(a.whenHandedOver!) - Date.parse(b.whenHandedOver!));
  if (fills.length)
    return fills.flatMap((fill) => {
      const at = civilOfFhirDateTime(fill.whenHandedOver!, tz, 'MedicationDispense.whenHandedOver');
      return supply(
        civilDay(at),
        fill.whenHandedOver!,
        durationDays(fill.daysSupply),
        fill.quantity,
        fill,
      );
    });
  const dr = request.dispenseRequest;
  const from =
    dr?.validityPeriod?.start ??
    request.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.start ??
    request.authoredOn;
  if (!dr || !from) return [];
  const startDay = civilDay(civilOfFhirDateTime(from, tz, 'dispenseRequest.validityPeriod.start'));
  return supply(startDay, from, durationDays(dr.expectedSupplyDuration), dr.quantity);
}

interface Supply {
  startDay: number;
  /** The FHIR date or dateTime the supply starts (whenHandedOver, or the dispenseRequest's start). */
  date: string;
  /** Whole days it lasts, when stated or worked out at a steady rate. */
  days?: number;
  /** A taper's supply without stated days: the quantity handed over, used step by step. */
  quantity?: Quantity;
  /** The fill, whose Medication may state the strength of a unit. */
  dispense?: MedicationDispense;
}

/** A Duration/Quantity in days (UCUM d, wk, mo = 30 d), or undefined. */
function durationDays(q: Quantity | undefined): number | undefined {
  if (q?.value === undefined) return undefined;
  const unit = q.code ?? q.unit ?? 'd';
  const perUnit: Record<string, number> = { d: 1, day: 1, days: 1, wk: 7, mo: 30 };
  return perUnit[unit] === undefined ? undefined : q.value * perUnit[unit]!;
}

/**
 * Days a quantity lasts: quantity / (doses a day x units a dose), at the first dosage's rate (see
 * unitsPerDose).
 */
function daysFromQuantity(
  request: MedicationRequest,
  supply: { quantity: Quantity | undefined; dispense?: MedicationDispense },
  options: RefillOptions,
): number | undefined {
  const { quantity } = supply;
  if (quantity?.value === undefined) return undefined;
  const dosage = request.dosageInstruction?.[0];
  if (!dosage?.timing || dosage.asNeededBoolean || dosage.asNeededCodeableConcept) return undefined;
  const schedule = doseSchedule(dosage, 'dosageInstruction[0]', {
    tz: options.tz,
    fallbackStart: 0,
  });
  const open = { ...schedule, count: undefined, end: undefined };
  const first = civilDay(open.start) * minutesPerDay;
  const perDay =
    civilDoseTimes(open, first, first + sampleDays * minutesPerDay).length / sampleDays;
  if (!(perDay > 0)) return undefined;
  const strengths = strengthsOf(request, supply.dispense, options.medications);
  return quantity.value / (perDay * (unitsPerDose(dosage, quantity, strengths) ?? 1));
}

/**
 * Dispensed units one dose takes: the dose quantity when it is in the dispensed quantity's unit;
 * else the dose over the Medication's strength when one ingredient's strength is stated in the dose's
 * unit per the dispensed unit (60 mg of 5 mg / 1 TAB tablets: 12); 1 when no dose is stated (one
 * tablet, capsule... per dose); undefined when the dose is in another unit and no strength converts it.
 */
function unitsPerDose(dosage: Dosage, quantity: Quantity, strengths: Ratio[]): number | undefined {
  const dose = dosage.doseAndRate?.[0]?.doseQuantity;
  if (dose?.value === undefined) return 1;
  const doseUnit = dose.code ?? dose.unit;
  const supplyUnit = quantity.code ?? quantity.unit;
  if (doseUnit === supplyUnit) return dose.value;
  const matching = strengths.filter((r) => {
    const perUnit = r.denominator && (r.denominator.code ?? r.denominator.unit);
    return (
      r.numerator?.value !== undefined &&
      r.numerator.value > 0 &&
      (r.numerator.code ?? r.numerator.unit) === doseUnit &&
      (perUnit === undefined || perUnit === supplyUnit)
    );
  });
  if (matching.length !== 1) return undefined;
  const strength = matching[0]!;
  return dose.value / (strength.numerator!.value! / (strength.denominator?.value ?? 1));
}

/** The ingredient strengths of the dispensed Medication, else of the ordered one (referenced). */
function strengthsOf(
  request: MedicationRequest,
  dispense: MedicationDispense | undefined,
  medications: MedicationIndex = new Map(),
): Ratio[] {
  for (const source of [dispense, request]) {
    const medication = source && referencedMedication(source, medications);
    const strengths = (medication?.ingredient ?? []).flatMap((i) =>
      i.strength ? [i.strength] : [],
    );
    if (strengths.length) return strengths;
  }
  return [];
}

/**
 * Whether the order is a taper: dosages in more than one step (FHIR R4 Dosage.sequence). One step
 * (every dosage `sequence` 1, as many systems write a single dosage) runs at one steady rate.
 */
function isTaper(request: MedicationRequest): boolean {
  const steps = (request.dosageInstruction ?? []).flatMap((d) =>
    d.sequence === undefined ? [] : [d.sequence],
  );
  return new Set(steps).size > 1;
}

/** How long a supply lasts, used after the supplies before it. */
interface Run {
  /** The first day it is used. */
  start: number;
  /** The first day without supply; Infinity when it lasts the course. */
  runsOut: number;
  /** A taper's supply: the first dose (local civil minutes) it does not cover. */
  next?: number;
  /** A taper's supply: the units (e.g. tablets) left when it runs out, still in hand. */
  left?: number;
}

interface Taper {
  /** The day after the taper's last dose; undefined when its last step has no end. */
  courseEnd: number | undefined;
  /**
   * `units` (the supply's quantity plus units left over) used step by step from the dose at or after
   * `from` (local civil minutes). Throws ValidationError when they do not cover that first dose and
   * `lastOfPlan` (no later fill is known to add to them): see taperOf.
   */
  use: (from: number, units: number, supply: Supply, lastOfPlan: boolean) => Run;
}

/**
 * A taper's supply, used step by step: the steps are placed as the dose reminders place them
 * (dosageSchedules), each dose takes its own units (unitsPerDose), and the supply runs out on the day
 * of the first dose it cannot cover in full; the units left then stay in hand for the next fill. Once
 * the last step ends the taper is over: supply left then is no refill need. Undefined for an order
 * that is not a taper (isTaper). Throws ValidationError naming the dose quantity when the steps'
 * doses differ and one cannot be converted to the dispensed unit (without a strength, "one unit a
 * dose" would make 60 mg and 20 mg take the same tablet), and when the last fill (or the
 * dispenseRequest), with what is left over, is smaller than one dose: a supply that covers no dose
 * cannot be planned as lasting (and refills of its size would never advance), so the order gets no
 * refill reminder rather than a wrong one.
 */
function taperOf(
  request: MedicationRequest,
  supplies: readonly Supply[],
  options: RefillOptions,
): Taper | undefined {
  if (!isTaper(request)) return undefined;
  const scheduled = dosageSchedules(
    request,
    {
      tz: options.tz,
      windowStart: supplies[0]!.startDay * minutesPerDay,
      courseStartHint: options.courseStartHint ?? supplies[0]!.date,
    },
    [],
  );
  if (!scheduled.length)
    return { courseEnd: undefined, use: (from) => ({ start: civilDay(from), runsOut: Infinity }) };
  const dosesOf = (s: ScheduledDosage, from: number, to: number) =>
    civilDoseTimes(s.schedule, from * minutesPerDay, to * minutesPerDay);
  const bounded = scheduled.every(
    (s) => s.schedule.end !== undefined || s.schedule.count !== undefined,
  );
  const firstDay = Math.min(...scheduled.map((s) => civilDay(s.schedule.start)));
  const lastDoses = bounded
    ? scheduled.flatMap((s) => dosesOf(s, firstDay, firstDay + maxSupplyDays).slice(-1))
    : [];
  const courseEnd = lastDoses.length
    ? Math.max(...lastDoses.map((t) => civilDay(t) + 1))
    : undefined;
  const doseKey = (d: Dosage) => {
    const q = d.doseAndRate?.[0]?.doseQuantity;
    return `${q?.value} ${q?.code ?? q?.unit}`;
  };
  const dosePath = (k: number) =>
    `dosageInstruction[${scheduled[k]!.index}].doseAndRate[0].doseQuantity`;
  return {
    courseEnd,
    use(from, units, supply, lastOfPlan) {
      const quantity = supply.quantity!;
      const unit = quantity.code ?? quantity.unit ?? 'none';
      const strengths = strengthsOf(request, supply.dispense, options.medications);
      const perDose = scheduled.map((s) => unitsPerDose(s.dosage, quantity, strengths));
      const unconverted = perDose.findIndex((u) => u === undefined);
      if (unconverted >= 0 && new Set(scheduled.map((s) => doseKey(s.dosage))).size > 1) {
        const at = dosePath(unconverted);
        throw new ValidationError(
          `${at} is not in the dispensed unit (${unit}) and no ` +
            "Medication.ingredient.strength converts it: the taper's doses differ, so how long " +
            'its supply lasts cannot be worked out',
          at,
        );
      }
      const start = civilDay(from);
      // Followed a year at a time, up to the taper's end (or ten years past an open last step).
      const end = (courseEnd ?? start + maxSupplyDays) * minutesPerDay;
      const yearMinutes = 366 * minutesPerDay;
      let left = units;
      let covered = 0;
      for (let lo = from; lo < end; lo += yearMinutes) {
        const hi = Math.min(end, lo + yearMinutes);
        const doses = scheduled
          .flatMap((s, k) =>
            civilDoseTimes(s.schedule, lo, hi).map((t) => ({ t, k, units: perDose[k] ?? 1 })),
          )
          .sort((a, b) => a.t - b.t);
        for (const dose of doses) {
          // A small tolerance: 120 tablets of 5 mg cover 60, 40 and 20 mg doses exactly.
          if (left + 1e-9 < dose.units) {
            if (!covered && lastOfPlan) throw smallerThanOneDose(supply, units, dose, unit);
            return { start, runsOut: civilDay(dose.t), next: dose.t, left: Math.max(0, left) };
          }
          left -= dose.units;
          covered++;
        }
      }
      return courseEnd === undefined
        ? { start, runsOut: civilDay(end), next: end, left: Math.max(0, left) }
        : { start, runsOut: Infinity };
    },
  };

  function smallerThanOneDose(
    supply: Supply,
    units: number,
    dose: { k: number; units: number },
    unit: string,
  ): ValidationError {
    const at = dosePath(dose.k);
    const what = supply.dispense
      ? `MedicationDispense.quantity (${supply.quantity!.value} ${unit}` +
        `${supply.dispense.id ? `, MedicationDispense/${supply.dispense.id}` : ''})`
      : `dispenseRequest.quantity (${supply.quantity!.value} ${unit})`;
    const onHand =
      units === supply.quantity!.value ? '' : `, ${round(units)} ${unit} with what was left over,`;
    return new ValidationError(
      `${what}${onHand} is smaller than one dose (${round(dose.units)} ${unit} at ${at}): a supply ` +
        'that covers no dose cannot be planned as lasting, so no refill reminder is planned',
      supply.dispense ? at : 'dispenseRequest.quantity',
    );
  }
}

/** A number of units for a message: at most three decimals (no floating-point noise). */
function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function courseEndDay(request: MedicationRequest, tz: string): number | undefined {
  const end = request.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.end;
  if (!end) return undefined;
  const path = 'dosageInstruction[0].timing.repeat.boundsPeriod.end';
  // The day after the last day of the course (a partial date covers its whole month or year).
  return civilDay(civilEndOfFhirDateTime(end, tz, path) - 1) + 1;
}
