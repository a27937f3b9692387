// Domain (reminders): quiet hours. A non-critical reminder whose local time falls inside the patient's
// quiet window is moved to the END of that window (not dropped, not sent early): a dose is better
// taken a little late than missed, and sending it before its time could cause a double dose at the
// next one. Critical reminders (expand-dosage.ts, isCritical) are never moved.
//
// Several doses of one order deferred to the same end of the window become ONE reminder that says how
// many doses it stands for (never several reminders at one instant, which reads as "take them all"),
// and a deferred dose is dropped when taking it at the window's end would crowd the next dose
// (placeForQuietHours).
import { ValidationError } from '../errors';
import { civilDay, parseClockTime, type CivilMinutes } from './local-time';

/** A daily local window, `HH:MM`; `start` after `end` means it spans midnight (22:00-07:00). */
export interface QuietHours {
  start: string;
  end: string;
}

const minutesPerDay = 1440;

/** Parse `HH:MM-HH:MM` (a CLI flag or a setting) into QuietHours; ValidationError naming `path`. */
export function parseQuietHours(value: string, path = 'quietHours'): QuietHours {
  const [start, end, extra] = value.split('-');
  if (!start || !end || extra !== undefined)
    throw new ValidationError(`${path} must be HH:MM-HH:MM`, path);
  const hours = { start: start.trim(), end: end.trim() };
  if (parseClockTime(hours.start, path) === parseClockTime(hours.end, path))
    throw new ValidationError(`${path} must not start and end at the same time`, path);
  return hours;
}

/**
 * Where a reminder at local civil minute `civil` is moved by quiet hours: the civil minute at which
 * the window ends, or undefined when it is outside the window (the window is [start, end)).
 */
export function deferForQuietHours(
  civil: CivilMinutes,
  quiet: QuietHours | undefined,
): CivilMinutes | undefined {
  if (!quiet) return undefined;
  const start = parseClockTime(quiet.start, 'quietHours.start');
  const end = parseClockTime(quiet.end, 'quietHours.end');
  const midnight = civilDay(civil) * minutesPerDay;
  const minute = civil - midnight;
  if (start < end) return minute >= start && minute < end ? midnight + end : undefined;
  if (minute >= start) return midnight + minutesPerDay + end;
  if (minute < end) return midnight + end;
  return undefined;
}

/** Where one dose (or several doses deferred together) of an order is reminded. */
export interface QuietPlacement {
  /** The first dose's scheduled civil minute (the order's own time). */
  scheduled: CivilMinutes;
  /** When the reminder fires: `scheduled`, or the end of the quiet window. */
  at: CivilMinutes;
  deferred: boolean;
  /** How many scheduled doses this reminder stands for (more than 1 when several were deferred). */
  covers: number;
}

/**
 * Place the doses of ONE dosage of one order (`times`, local civil minutes) around quiet hours:
 *
 * - doses deferred to the same window end are collapsed into one reminder with `covers` = their count;
 * - a deferred reminder is dropped (returned in `dropped`) when the order's next dose comes too soon
 *   after it. For an interval order (FHIR R4 Timing.repeat.periodUnit `h`: a dose every
 *   period/frequency hours, so the spacing IS the prescription) "too soon" is less than half a dosing
 *   interval: the usual missed-dose rule ("skip the missed dose if it is almost time for the next
 *   one"; patient leaflets: "do not take a double dose to make up for a forgotten dose"). A rule of
 *   one whole interval would drop every deferred dose of a regular interval order, since the next dose
 *   is always less than one interval after a deferred one (a q24h dose at 23:00 would never be
 *   reminded). For clock-time orders (timeOfDay, when, n a day) the prescriber chose the clock times,
 *   not a spacing, so a deferred dose is dropped only when the next dose is due at the same instant.
 *
 * `intervalMinutes` is the dosing interval of an interval order, undefined for clock-time orders.
 */
export function placeForQuietHours(
  times: readonly CivilMinutes[],
  quiet: QuietHours | undefined,
  intervalMinutes?: number,
): { placed: QuietPlacement[]; dropped: { scheduled: CivilMinutes; at: CivilMinutes }[] } {
  const sorted = [...times].sort((a, b) => a - b);
  const placed: QuietPlacement[] = [];
  const dropped: { scheduled: CivilMinutes; at: CivilMinutes }[] = [];
  for (let i = 0; i < sorted.length;) {
    const first = sorted[i]!;
    const to = deferForQuietHours(first, quiet);
    if (to === undefined) {
      placed.push({ scheduled: first, at: first, deferred: false, covers: 1 });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < sorted.length && deferForQuietHours(sorted[j]!, quiet) === to) j++;
    const next = sorted[j];
    const crowded =
      next !== undefined &&
      (intervalMinutes === undefined ? next <= to : next - to < intervalMinutes / 2);
    if (crowded) for (const t of sorted.slice(i, j)) dropped.push({ scheduled: t, at: to });
    else placed.push({ scheduled: first, at: to, deferred: true, covers: j - i });
    i = j;
  }
  return { placed, dropped };
}
