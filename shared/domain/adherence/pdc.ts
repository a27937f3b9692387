// Domain (adherence): proportion of days covered (PDC) from pharmacy fills, by the Pharmacy Quality
// Alliance method (PQA, Adherence measures technical specifications, PDC; as used for NQF #0541):
// the period starts at the first fill (index date) and runs to the end of the measurement period;
// when a fill comes before the previous supply runs out, its days are shifted forward to start the day
// after; days past the period end do not count. PDC >= 80 % is the PQA adherence threshold for
// cardiovascular and diabetes drugs.
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
  /** The index date (first fill) and the last day of the period, `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
  fills: number;
  /** PQA eligibility: at least two fills on different dates. */
  eligible: boolean;
  /** PDC >= the PQA threshold (80 %). */
  adherent: boolean;
}

/** PQA PDC threshold for cardiovascular and diabetes medications. */
export const pqaThreshold = 0.8;

/**
 * PDC of one medication's fills through `periodEnd` (`YYYY-MM-DD`, included). Fills after the period
 * end are ignored; undefined when no fill falls in the period. Throws ValidationError naming the fill
 * on a bad date or days' supply.
 */
export function proportionOfDaysCovered(
  fills: readonly Fill[],
  periodEnd: string,
): ProportionOfDaysCovered | undefined {
  const end = dayNumber(periodEnd, 'periodEnd');
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
  if (dated.length === 0) return undefined;
  const start = dated[0]!.day;
  let covered = 0;
  let nextFree = start; // first day not yet covered by earlier fills
  for (const fill of dated) {
    const first = Math.max(fill.day, nextFree); // overlap shifted forward (PQA)
    const last = Math.min(first + fill.daysSupply - 1, end);
    if (last >= first) covered += last - first + 1;
    nextFree = first + fill.daysSupply;
  }
  const periodDays = end - start + 1;
  const pdc = covered / periodDays;
  return {
    medication: dated[0]!.medication,
    pdc,
    coveredDays: covered,
    periodDays,
    from: dateOf(start),
    to: dateOf(end),
    fills: dated.length,
    eligible: new Set(dated.map((f) => f.day)).size >= 2,
    adherent: pdc >= pqaThreshold,
  };
}

/** PDC per medication key over fills of several medications. */
export function pdcByMedication(
  fills: readonly Fill[],
  periodEnd: string,
): ProportionOfDaysCovered[] {
  const groups = new Map<string, Fill[]>();
  for (const f of fills) groups.set(f.medication, [...(groups.get(f.medication) ?? []), f]);
  return [...groups.values()]
    .map((group) => proportionOfDaysCovered(group, periodEnd))
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
