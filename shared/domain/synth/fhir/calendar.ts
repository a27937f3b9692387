// Domain (synth/fhir): calendar arithmetic for rendering, on whole days since 1970-01-01 (UTC), so
// dispense schedules and derived dates need no Date objects in the per-patient hot path.

/** Days since 1970-01-01 of a `YYYY-MM-DD` (or the date part of an ISO date-time). */
export function epochDay(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  // Howard Hinnant's days_from_civil (public domain), proleptic Gregorian.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The `YYYY-MM-DD` of a day count since 1970-01-01 (inverse of `epochDay`). */
export function civilDate(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
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
