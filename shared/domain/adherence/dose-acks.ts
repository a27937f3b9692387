// Domain (adherence): adherence from reminder acknowledgements (doses taken / doses scheduled) and the
// patterns of missed doses by time of day and weekday, in the patient's local time. Scheduled times
// carry their UTC offset (as `caregraph reminders plan` writes them), so no time-zone database is needed.
import { ValidationError } from '../errors';

export interface DoseEvent {
  medication: string;
  /** ISO 8601 date-time WITH offset, e.g. 2026-03-02T08:00:00+01:00 (local wall time is read from it). */
  scheduledAt: string;
  /** `taken` when the patient acknowledged the dose; `missed` or `skipped` otherwise. */
  outcome: 'taken' | 'missed' | 'skipped';
}

export interface DoseAdherence {
  medication: string;
  scheduled: number;
  taken: number;
  /** taken / scheduled, 0-1. */
  rate: number;
}

/** Doses taken over doses scheduled, per medication, for scheduled times in [from, to). */
export function doseAdherence(
  events: readonly DoseEvent[],
  window: { from?: string; to?: string } = {},
): DoseAdherence[] {
  const from = window.from ? Date.parse(window.from) : -Infinity;
  const to = window.to ? Date.parse(window.to) : Infinity;
  const byMedication = new Map<string, { scheduled: number; taken: number }>();
  events.forEach((e, i) => {
    const t = localTime(e.scheduledAt, `events[${i}].scheduledAt`).instant;
    if (t < from || t >= to) return;
    const m = byMedication.get(e.medication) ?? { scheduled: 0, taken: 0 };
    m.scheduled++;
    if (e.outcome === 'taken') m.taken++;
    byMedication.set(e.medication, m);
  });
  return [...byMedication.entries()]
    .map(([medication, m]) => ({ medication, ...m, rate: m.taken / m.scheduled }))
    .sort((a, b) => a.medication.localeCompare(b.medication));
}

export type TimeOfDay = 'night' | 'morning' | 'afternoon' | 'evening';
export const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface MissedRate {
  scheduled: number;
  missed: number;
  /** missed / scheduled, 0-1 (0 when nothing was scheduled). */
  rate: number;
}

export interface MissedDosePatterns {
  byTimeOfDay: Record<TimeOfDay, MissedRate>;
  byWeekday: Record<(typeof weekdays)[number], MissedRate>;
  /** The slot with the highest missed rate among those with >= `minScheduled` doses, if any. */
  worstTimeOfDay?: TimeOfDay;
  worstWeekday?: (typeof weekdays)[number];
}

/** Local hour bands: night 00-05, morning 06-11, afternoon 12-17, evening 18-23. */
function timeOfDay(hour: number): TimeOfDay {
  return hour < 6 ? 'night' : hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
}

/**
 * Missed-dose rates (missed or skipped over scheduled) by local time of day and local weekday.
 * `minScheduled` (default 4) keeps a slot with one or two doses from being named the worst.
 */
export function missedDosePatterns(
  events: readonly DoseEvent[],
  minScheduled = 4,
): MissedDosePatterns {
  const empty = (): MissedRate => ({ scheduled: 0, missed: 0, rate: 0 });
  const byTimeOfDay = { night: empty(), morning: empty(), afternoon: empty(), evening: empty() };
  const byWeekday = Object.fromEntries(
    weekdays.map((d) => [d, empty()]),
  ) as MissedDosePatterns['byWeekday'];
  events.forEach((e, i) => {
    const local = localTime(e.scheduledAt, `events[${i}].scheduledAt`);
    for (const slot of [byTimeOfDay[timeOfDay(local.hour)], byWeekday[weekdays[local.weekday]!]]) {
      slot.scheduled++;
      if (e.outcome !== 'taken') slot.missed++;
      slot.rate = slot.missed / slot.scheduled;
    }
  });
  return {
    byTimeOfDay,
    byWeekday,
    worstTimeOfDay: worst(byTimeOfDay, minScheduled),
    worstWeekday: worst(byWeekday, minScheduled),
  };
}

function worst<K extends string>(
  slots: Record<K, MissedRate>,
  minScheduled: number,
): K | undefined {
  let best: K | undefined;
  for (const [key, slot] of Object.entries(slots) as [K, MissedRate][]) {
    if (slot.scheduled < minScheduled || slot.missed === 0) continue;
    if (!best || slot.rate > slots[best].rate) best = key;
  }
  return best;
}

/** The local wall-clock hour and weekday (0 = Monday) written in an ISO date-time with offset. */
function localTime(
  value: string,
  field: string,
): { instant: number; hour: number; weekday: number } {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  const instant = Date.parse(value);
  if (!match || Number.isNaN(instant))
    throw new ValidationError('must be an ISO 8601 date-time with offset', field);
  const date = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return { instant, hour: Number(match[4]), weekday: (new Date(date).getUTCDay() + 6) % 7 };
}
