// Domain (reminders): wall-clock time in a patient's IANA time zone, with Intl only (no tz library).
// Reminders are planned in local civil time ("08:00 every day") and delivered at instants; this file
// is the one place that crosses between the two, with the daylight-saving rules documented below.
import { ValidationError } from '../errors';

/** A local civil date-time counted in minutes since 1970-01-01T00:00 (no zone attached). */
export type CivilMinutes = number;

const minutesPerDay = 1440;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter for a zone; throws ValidationError(path `tz`) for a zone Intl does not know. */
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (error) {
      throw new ValidationError(`unknown IANA time zone "${tz}"`, 'tz', { cause: error });
    }
    formatters.set(tz, f);
  }
  return f;
}

/** Throws ValidationError (path `tz`) unless `tz` is an IANA zone this runtime knows. */
export function assertTimeZone(tz: string): void {
  formatter(tz);
}

/** UTC offset of `tz` at `instant`, in minutes east of UTC (New York in winter: -300). */
export function offsetMinutes(instant: Date, tz: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(instant))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  const instantMinute = Math.floor(instant.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - instantMinute) / 60_000);
}

/** The local civil minute of an instant (seconds dropped). */
export function toCivil(instant: Date, tz: string): CivilMinutes {
  return Math.floor(instant.getTime() / 60_000) + offsetMinutes(instant, tz);
}

/**
 * The instant at which local civil time `civil` occurs in `tz`.
 * - Fall-back overlap (the hour that happens twice): the FIRST occurrence, so a dose fires once.
 * - Spring-forward gap (a time that never happens): the next valid local time, i.e. the instant of
 *   the transition itself (02:30 on a New York DST-start day -> 03:00 EDT; 01:30 in London -> 02:00 BST).
 * Assumes at most one offset change within a day either side, true of every IANA zone.
 */
export function fromCivil(civil: CivilMinutes, tz: string): Date {
  const naive = civil * 60_000;
  const before = offsetMinutes(new Date(naive - 86_400_000), tz);
  const after = offsetMinutes(new Date(naive + 86_400_000), tz);
  const valid = [before, after]
    .map((offset) => naive - offset * 60_000)
    .filter((t) => toCivil(new Date(t), tz) === civil)
    .sort((a, b) => a - b);
  if (valid.length) return new Date(valid[0]!);
  return new Date(transitionBetween(naive - before * 60_000, naive - after * 60_000, tz));
}

/** First instant (to the minute) at which the offset differs from the offset at `a`; a < b. */
function transitionBetween(x: number, y: number, tz: string): number {
  let lo = Math.min(x, y);
  let hi = Math.max(x, y);
  const start = offsetMinutes(new Date(lo), tz);
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (offsetMinutes(new Date(mid), tz) === start) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** ISO-8601 with the zone's offset at that instant, to the second: `2026-03-08T08:00:00-04:00`. */
export function isoWithOffset(instant: Date, tz: string): string {
  const offset = offsetMinutes(instant, tz);
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Civil day number (days since 1970-01-01) of a civil minute. */
export function civilDay(civil: CivilMinutes): number {
  return Math.floor(civil / minutesPerDay);
}

/** Minute of the civil day, 0-1439. */
export function minuteOfDay(civil: CivilMinutes): number {
  return civil - civilDay(civil) * minutesPerDay;
}

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

/** FHIR day-of-week code of a civil day (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): Weekday {
  return weekdays[(((day + 4) % 7) + 7) % 7]!;
}

/** Civil day of a `YYYY-MM-DD` date; ValidationError naming `path` otherwise. */
export function parseCivilDate(value: string, path: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!) : NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).getUTCDate() !== +match[3]!)
    throw new ValidationError(`${path} must be a date YYYY-MM-DD`, path);
  return ms / 86_400_000;
}

/** Minutes after midnight of a FHIR `time` (hh:mm or hh:mm:ss; seconds dropped). */
export function parseClockTime(value: string, path: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?$/.exec(value);
  if (!match)
    throw new ValidationError(
      `${path} must be a time of day hh:mm or hh:mm:ss, 00:00 to 23:59`,
      path,
    );
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * A FHIR date or dateTime as a civil minute in `tz`: a date is its local midnight; a dateTime with
 * an offset (or Z) is that instant's local time; a dateTime without one is read as local time.
 * A partial date (`YYYY` or `YYYY-MM`, valid FHIR R4 `date`/`dateTime`: "a year, a year and month,
 * or a year, month and day") is the first day of the period it names.
 */
export function civilOfFhirDateTime(value: string, tz: string, path: string): CivilMinutes {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return parseCivilDate(value, path) * minutesPerDay;
  const partial = partialDate(value, path);
  if (partial) return partial.first * minutesPerDay;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?$/.exec(
    value,
  );
  if (!match) throw new ValidationError(`${path} must be a FHIR date or dateTime`, path);
  if (!match[3])
    return parseCivilDate(match[1]!, path) * minutesPerDay + parseClockTime(match[2]!, path);
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime()))
    throw new ValidationError(`${path} must be a FHIR date or dateTime`, path);
  return toCivil(instant, tz);
}

/** `HH:MM` of a minute of the day. */
export function clockText(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The exclusive end of a FHIR date or dateTime read as a period (FHIR R4 Period.end: a date means
 * the whole day, a partial date the whole month or year; a dateTime ends one minute after it), as
 * a civil minute in `tz`.
 */
export function civilEndOfFhirDateTime(value: string, tz: string, path: string): CivilMinutes {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return (parseCivilDate(value, path) + 1) * minutesPerDay;
  const partial = partialDate(value, path);
  if (partial) return partial.end * minutesPerDay;
  return civilOfFhirDateTime(value, tz, path) + 1;
}

/** First civil day and exclusive end day of a partial FHIR date `YYYY` or `YYYY-MM`. */
function partialDate(value: string, path: string): { first: number; end: number } | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const year = +match[1]!;
  if (match[2] === undefined)
    return { first: Date.UTC(year, 0, 1) / 86_400_000, end: Date.UTC(year + 1, 0, 1) / 86_400_000 };
  const month = +match[2];
  if (month < 1 || month > 12)
    throw new ValidationError(`${path} must be a FHIR date or dateTime`, path);
  return {
    first: Date.UTC(year, month - 1, 1) / 86_400_000,
    end: Date.UTC(year, month, 1) / 86_400_000,
  };
}
