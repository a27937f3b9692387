// Domain (reminders): quiet hours. A non-critical reminder whose local time falls inside the patient's
// quiet window is moved to the END of that window (not dropped, not sent early): a dose is better
// taken a little late than missed, and sending it before its time could cause a double dose at the
// next one. Critical reminders (expand-dosage.ts, isCritical) are never moved.
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
