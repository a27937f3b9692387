// Domain (adherence): proportion of days covered (PDC) from pharmacy fills, by the Pharmacy Quality
// Alliance method (PQA, "Proportion of Days Covered" measure specifications, as used for NQF #0541
// and the CMS Part D adherence measures): PDC is judged over a measurement period (PQA: the
// measurement year; here by default the 365 days up to the day of the report, `pdcMeasurementDays`);
// the patient's treatment period starts at the first fill within it (the index prescription start
// date) and runs to the period's end; when a fill comes before the previous supply runs out, its days
// are shifted forward to start the day after (a fill before the period carries its supply into it
// this way); days past the period end do not count. PDC >= 80 % is the PQA adherence threshold for
// cardiovascular and diabetes drugs. Without a period start, years of good adherence would outweigh
// a recent lapse: monthly fills for five years and none for the last 120 days would still be > 90 %.
import { ValidationError } from '../errors';

/** One pharmacy fill. */
export interface Fill {
  /** Medication key: fills of the same key cover the same days. */
  medication: string;
  /** Date handed over, `YYYY-MM-DD` (a date-time's local date part is used). */
  date: string;
  /** Days' supply, a positive integer. */
  daysSupply: number;
}

export interface ProportionOfDaysCovered {
  medication: string;
  /** Covered days / period days, 0-1. */
  pdc: number;
  coveredDays: number;
  periodDays: number;
  /**
   * The index date (first fill within the measurement period) and the last day of the period,
   * `YYYY-MM-DD`, both included: the treatment period PDC is over.
   */
  from: string;
  to: string;
  fills: number;
  /** PQA eligibility: at least two fills on different dates within the measurement period. */
  eligible: boolean;
  /** PDC >= the PQA threshold (80 %). */
  adherent: boolean;
}

/** PQA PDC threshold for cardiovascular and diabetes medications. */
export const pqaThreshold = 0.8;

/** Default measurement period: the 365 days up to and including the report's day (project choice). */
export const pdcMeasurementDays = 365;

/** A measurement period, `YYYY-MM-DD` to `YYYY-MM-DD`, both days included. */
export interface MeasurementPeriod {
  start: string;
  end: string;
}

/** The `pdcMeasurementDays`-day measurement period ending on `end` (`YYYY-MM-DD`). */
export function trailingPeriod(end: string, days = pdcMeasurementDays): MeasurementPeriod {
  return { start: dateOf(dayNumber(end, 'periodEnd') - days + 1), end };
}

/**
 * PDC of one medication's fills over a measurement period. The treatment period starts at the first
 * fill within the period; fills before it only carry supply forward into it (shifting later fills),
 * fills after its end are ignored; undefined when no fill falls within the period. Throws
 * ValidationError naming the fill on a bad date or days' supply, or the period bound on a bad date.
 */
export function proportionOfDaysCovered(
  fills: readonly Fill[],
  period: MeasurementPeriod,
): ProportionOfDaysCovered | undefined {
  const end = dayNumber(period.end, 'period.end');
  const periodStart = dayNumber(period.start, 'period.start');
  if (periodStart > end) throw new ValidationError('must not be after period.end', 'period.start');
  const dated = fills
    .map((f, i) => ({ ...f, day: dayNumber(f.date, `fills[${i}].date`), index: i }))
    .filter((f) => f.day <= end)
    .sort((a, b) => a.day - b.day);
  dated.forEach((f) => {
    if (!Number.isInteger(f.daysSupply) || f.daysSupply < 1)
      throw new ValidationError(
        'days supply must be a positive integer',
        `fills[${f.index}].daysSupply`,
      );
  });
  const within = dated.filter((f) => f.day >= periodStart);
  if (within.length === 0) return undefined;
  const start = within[0]!.day; // the index prescription start date
  let covered = 0;
  const starts = carriedForwardStarts(dated.map((f) => ({ day: f.day, days: f.daysSupply })));
  for (const [k, fill] of dated.entries()) {
    const first = starts[k]!; // overlap shifted forward (PQA)
    const nextFree = first + fill.daysSupply;
    // Only days of the treatment period count: earlier fills matter only through the shifted starts.
    const from = Math.max(first, start);
    const last = Math.min(nextFree - 1, end);
    if (last >= from) covered += last - from + 1;
  }
  const periodDays = end - start + 1;
  const pdc = covered / periodDays;
  return {
    medication: within[0]!.medication,
    pdc,
    coveredDays: covered,
    periodDays,
    from: dateOf(start),
    to: dateOf(end),
    fills: within.length,
    eligible: new Set(within.map((f) => f.day)).size >= 2,
    adherent: pdc >= pqaThreshold,
  };
}

/**
 * The day each supply starts being used when an early fill's days are carried forward (PQA): the
 * later of its own day and the day the supplies before it run out. `supplies` oldest first, days as
 * day numbers; used by PDC here and by refill reminders (reminders/refills.ts).
 */
export function carriedForwardStarts(supplies: readonly { day: number; days: number }[]): number[] {
  let nextFree = Number.NEGATIVE_INFINITY; // first day not yet covered by earlier supplies
  return supplies.map((s) => {
    const first = Math.max(s.day, nextFree);
    nextFree = first + s.days;
    return first;
  });
}

/** PDC per medication key over fills of several medications, over one measurement period. */
export function pdcByMedication(
  fills: readonly Fill[],
  period: MeasurementPeriod,
): ProportionOfDaysCovered[] {
  const groups = new Map<string, Fill[]>();
  for (const f of fills) groups.set(f.medication, [...(groups.get(f.medication) ?? []), f]);
  return [...groups.values()]
    .map((group) => proportionOfDaysCovered(group, period))
    .filter((p): p is ProportionOfDaysCovered => p !== undefined)
    .sort((a, b) => a.medication.localeCompare(b.medication));
}

/** Days since 1970-01-01 of the calendar date at the start of a FHIR date or dateTime. */
export function dayNumber(value: string, field: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const t = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(t) || new Date(t).getUTCDate() !== Number(match?.[3]))
    throw new ValidationError('must be a date YYYY-MM-DD', field);
  return t / 86_400_000;
}

function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
