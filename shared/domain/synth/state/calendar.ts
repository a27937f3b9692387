// Domain (synth/state): calendar arithmetic on whole days since 1970-01-01 and local ISO date-times in US zones.
// Integer day numbers keep generation cheap (no Date objects per measurement) and exact across leap years.

/** Days since 1970-01-01 (UTC calendar). */
export type Day = number;

export type UsZone =
  'eastern' | 'central' | 'mountain' | 'arizona' | 'pacific' | 'alaska' | 'hawaii';

/** Standard-time UTC offsets in hours (49 CFR Part 71, US standard time zones). */
const standardOffsetHours: Record<UsZone, number> = {
  eastern: -5,
  central: -6,
  mountain: -7,
  arizona: -7,
  pacific: -8,
  alaska: -9,
  hawaii: -10,
};

/** Arizona (outside the Navajo Nation) and Hawaii do not observe daylight saving time (15 U.S.C. 260a). */
const observesDst: Record<UsZone, boolean> = {
  eastern: true,
  central: true,
  mountain: true,
  arizona: false,
  pacific: true,
  alaska: true,
  hawaii: false,
};

/** Day number of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
/** Days in an average month (365.25 / 12 = 30.4375, the CDC growth charts' month of age). */
export const daysPerMonth = 365.25 / 12;

export function daysFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The proleptic Gregorian date of a day number (inverse of daysFromCivil). */
export function civilFromDays(z: Day): { year: number; month: number; day: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Parses YYYY-MM-DD. */
export function dayFromIso(iso: string): Day {
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** YYYY-MM-DD. */
export function isoDate(d: Day): string {
  const { year, month, day } = civilFromDays(d);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The same calendar date `years` later (29 February becomes 28 February in common years). */
export function addYears(d: Day, years: number): Day {
  const { year, month, day } = civilFromDays(d);
  const y = year + years;
  return daysFromCivil(y, month, month === 2 && day === 29 && !isLeap(y) ? 28 : day);
}

/** Completed years from `birth` to `at`. */
export function wholeYears(birth: Day, at: Day): number {
  const b = civilFromDays(birth);
  const a = civilFromDays(at);
  const beforeBirthday = a.month < b.month || (a.month === b.month && a.day < b.day);
  return a.year - b.year - (beforeBirthday ? 1 : 0);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(d: Day): number {
  return (((d + 4) % 7) + 7) % 7;
}

/** Nth Sunday on or after the first of a month. */
function nthSunday(year: number, month: number, n: number): Day {
  const first = daysFromCivil(year, month, 1);
  return first + ((7 - dayOfWeek(first)) % 7) + 7 * (n - 1);
}

/** [start, end] days of US daylight saving time in `year`, memoised (called for every timestamp). */
const dstCache = new Map<number, readonly [Day, Day]>();
function dstBounds(year: number): readonly [Day, Day] {
  let bounds = dstCache.get(year);
  if (!bounds) {
    bounds = [nthSunday(year, 3, 2), nthSunday(year, 11, 1)];
    dstCache.set(year, bounds);
  }
  return bounds;
}

/**
 * UTC offset in minutes for a local wall time. US DST (Energy Policy Act of 2005 §110, in force since 2007)
 * runs from 02:00 on the second Sunday of March to 02:00 on the first Sunday of November; the repeated
 * 01:00–02:00 hour in November is read as its first (daylight) occurrence.
 */
export function utcOffsetMinutes(zone: UsZone, d: Day, minuteOfDay: number): number {
  const standard = standardOffsetHours[zone] * 60;
  if (!observesDst[zone]) return standard;
  const [start, end] = dstBounds(civilFromDays(d).year);
  const inDst =
    (d > start && d < end) ||
    (d === start && minuteOfDay >= 120) ||
    (d === end && minuteOfDay < 120);
  return inDst ? standard + 60 : standard;
}

/** ISO 8601 local date-time with offset, e.g. 2025-07-01T09:30:00-04:00; minutes may overflow into later days. */
export function localDateTime(zone: UsZone, d: Day, minuteOfDay: number): string {
  let day = d + Math.floor(minuteOfDay / 1440);
  let minute = ((minuteOfDay % 1440) + 1440) % 1440;
  if (observesDst[zone] && minute >= 120 && minute < 180) {
    // 02:00–02:59 does not exist on the spring-forward Sunday: clocks read 03:00–03:59.
    if (day === dstBounds(civilFromDays(day).year)[0]) minute += 60;
  }
  if (minute >= 1440) {
    day += 1;
    minute -= 1440;
  }
  const offset = utcOffsetMinutes(zone, day, minute);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const time = `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}:00`;
  return `${isoDate(day)}T${time}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}
