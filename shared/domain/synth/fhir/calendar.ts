// Domain (synth/fhir): calendar arithmetic for rendering, on whole days since 1970-01-01 (UTC), so
// dispense schedules and derived dates need no Date objects in the per-patient hot path. The day
// arithmetic itself is the state generator's (state/calendar.ts), so both agree to the day.
import { dayFromIso, isoDate } from '../state/calendar';

/** Days since 1970-01-01 of a `YYYY-MM-DD` (or the date part of an ISO date-time). */
export function epochDay(date: string): number {
  return dayFromIso(date);
}

/** The `YYYY-MM-DD` of a day count since 1970-01-01 (inverse of `epochDay`). */
export function civilDate(day: number): string {
  return isoDate(day);
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: string, days: number): string {
  return civilDate(epochDay(date) + days);
}

/** The UTC offset of an ISO date-time (`Z`, `+01:00`), or undefined when it has none. */
export function utcOffset(dateTime: string): string | undefined {
  return /(Z|[+-]\d{2}:\d{2})$/.exec(dateTime)?.[1];
}

/**
 * An ISO date-time as a FHIR `instant` (seconds and a zone are required there): seconds are added
 * when missing, a date alone becomes local midnight at `fallbackOffset`.
 */
export function toInstant(dateTime: string, fallbackOffset = 'Z'): string {
  if (dateTime.length === 10) return `${dateTime}T00:00:00${fallbackOffset}`;
  const offset = utcOffset(dateTime);
  const local = offset ? dateTime.slice(0, dateTime.length - offset.length) : dateTime;
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return `${withSeconds}${offset ?? fallbackOffset}`;
}
