// Domain (reminders): read one FHIR R4 (4.0.1) Dosage.timing into a DoseSchedule: which local days,
// which local times, within which bounds and how many doses. Every Timing form we do not schedule is
// refused with a ValidationError naming its element path, never silently approximated.
import type { Dosage, Timing, TimingRepeat } from '@medplum/fhirtypes';
import { ValidationError } from '../errors';
import {
  defaultEventClock,
  defaultTimesOfDay,
  eventMinutes,
  type EventClock,
  type EventCode,
} from './event-times';
import {
  civilEndOfFhirDateTime,
  civilOfFhirDateTime,
  parseClockTime,
  type CivilMinutes,
  type Weekday,
} from './local-time';

const minutesPerDay = 1440;

export interface DoseSchedule {
  /** `daily`: fixed local times on chosen days; `interval`: every `intervalMinutes` of wall-clock time from `anchor`. */
  kind: 'daily' | 'interval';
  /** Local minutes after midnight (daily). */
  timesOfDay: number[];
  /** Days on which doses fall, counted from the course's first day (daily). */
  onDay: (dayIndex: number, weekday: Weekday) => boolean;
  intervalMinutes: number;
  /** First dose (interval) / first moment of the course (daily), local civil minutes. */
  anchor: CivilMinutes;
  /** Course start as a local civil minute; doses before it do not exist. */
  start: CivilMinutes;
  /** Exclusive end of the course, local civil minutes. */
  end?: CivilMinutes;
  /** At most this many doses in the whole course (Timing.repeat.count). */
  count?: number;
  /**
   * Doses before this local civil minute do not exist and do not count toward `count`: the
   * prescription instant (MedicationRequest.authoredOn) when the course has no stated start.
   */
  notBefore?: CivilMinutes;
  /** Explicit Timing.event instants, local civil minutes. */
  events: CivilMinutes[];
}

export interface ScheduleContext {
  tz: string;
  /** Course start when the Timing has no bounds: MedicationRequest.authoredOn, else the window start. */
  fallbackStart: CivilMinutes;
  /** The prescription instant, when known: no dose of an unbounded-start course falls before it. */
  notBefore?: CivilMinutes;
  eventClock?: EventClock;
}

/**
 * The Timing.code abbreviations we accept without a repeat (FHIR R4 TimingAbbreviation value set,
 * http://hl7.org/fhir/ValueSet/timing-abbreviation), expressed as the repeat each one means.
 */
const abbreviations: Record<string, TimingRepeat> = {
  QD: { frequency: 1, period: 1, periodUnit: 'd' },
  BID: { frequency: 2, period: 1, periodUnit: 'd' },
  TID: { frequency: 3, period: 1, periodUnit: 'd' },
  QID: { frequency: 4, period: 1, periodUnit: 'd' },
  QOD: { frequency: 1, period: 2, periodUnit: 'd' },
  AM: { frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] },
  PM: { frequency: 1, period: 1, periodUnit: 'd', when: ['AFT'] },
  BED: { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] },
  WK: { frequency: 1, period: 1, periodUnit: 'wk' },
  Q1H: { frequency: 1, period: 1, periodUnit: 'h' },
  Q2H: { frequency: 1, period: 2, periodUnit: 'h' },
  Q3H: { frequency: 1, period: 3, periodUnit: 'h' },
  Q4H: { frequency: 1, period: 4, periodUnit: 'h' },
  Q6H: { frequency: 1, period: 6, periodUnit: 'h' },
  Q8H: { frequency: 1, period: 8, periodUnit: 'h' },
};

/** The DoseSchedule of `dosage` (found at `path`, e.g. `dosageInstruction[0]`). */
export function doseSchedule(dosage: Dosage, path: string, ctx: ScheduleContext): DoseSchedule {
  const timing: Timing | undefined = dosage.timing;
  if (!timing)
    throw new ValidationError(`${path}.timing is required to schedule reminders`, `${path}.timing`);
  const at = `${path}.timing`;
  const events = (timing.event ?? []).map((e, i) =>
    civilOfFhirDateTime(e, ctx.tz, `${at}.event[${i}]`),
  );
  let repeat = timing.repeat;
  if (!repeat && timing.code) repeat = abbreviationRepeat(timing, at);
  if (!repeat) {
    if (events.length) return { ...emptySchedule(ctx.fallbackStart), events };
    throw new ValidationError(`${at} has no repeat, event or code to schedule`, at);
  }
  return { ...repeatSchedule(repeat, `${at}.repeat`, ctx), events };
}

function abbreviationRepeat(timing: Timing, at: string): TimingRepeat {
  const code = timing.code?.coding?.find((c) => c.code && abbreviations[c.code])?.code;
  if (!code)
    throw new ValidationError(
      `${at}.code is not a supported abbreviation (${Object.keys(abbreviations).join(', ')})`,
      `${at}.code`,
    );
  return abbreviations[code]!;
}

function emptySchedule(start: CivilMinutes): DoseSchedule {
  return {
    kind: 'daily',
    timesOfDay: [],
    onDay: () => false,
    intervalMinutes: 0,
    anchor: start,
    start,
    events: [],
  };
}

function repeatSchedule(
  r: TimingRepeat,
  at: string,
  ctx: ScheduleContext,
): Omit<DoseSchedule, 'events'> {
  refuseUnsupported(r, at);
  const { start, end } = bounds(r, at, ctx);
  const frequency = positiveInteger(r.frequency ?? 1, `${at}.frequency`);
  const period = r.period ?? 1;
  if (!(period > 0)) throw new ValidationError(`${at}.period must be positive`, `${at}.period`);
  const unit = r.periodUnit ?? 'd';
  const count = r.count === undefined ? undefined : positiveInteger(r.count, `${at}.count`);
  const times = timesOfDay(r, frequency, at, ctx.eventClock ?? defaultEventClock);
  const weekdays = r.dayOfWeek?.length ? new Set<Weekday>(r.dayOfWeek) : undefined;
  const onWeekday = (w: Weekday) => !weekdays || weekdays.has(w);
  // FHIR R4 Timing.repeat.boundsPeriod.start states when the course starts; without it the course
  // starts when it was prescribed, so doses before that instant neither exist nor count.
  const notBefore = r.boundsPeriod?.start ? undefined : ctx.notBefore;
  const base = {
    start,
    end,
    count,
    intervalMinutes: 0,
    ...(notBefore !== undefined ? { notBefore } : {}),
  };

  if (unit === 'h') {
    const intervalMinutes = (period * 60) / frequency;
    if (!Number.isInteger(intervalMinutes) || intervalMinutes < 60)
      throw new ValidationError(
        `${at}: intervals must be whole minutes of at least 1 hour (got ${intervalMinutes} min)`,
        `${at}.period`,
      );
    // Anchored to local wall-clock time from the first dose: timeOfDay/when, else the course
    // start's own time when it has one, else the first default time (08:00).
    const startsMidnight = start % minutesPerDay === 0;
    const first =
      r.timeOfDay?.length || r.when?.length || startsMidnight ? times[0]! : start % minutesPerDay;
    const anchor = Math.floor(start / minutesPerDay) * minutesPerDay + first;
    return {
      ...base,
      kind: 'interval',
      timesOfDay: [],
      intervalMinutes,
      anchor,
      onDay: (_d, w) => onWeekday(w),
    };
  }
  const days = wholeNumber(period, `${at}.period`) * (unit === 'wk' ? 7 : 1);
  if (unit === 'd' && days > 1 && frequency > 1)
    throw new ValidationError(
      `${at}: several doses per multi-day period is not supported`,
      `${at}.frequency`,
    );
  let onDay: DoseSchedule['onDay'];
  if (unit === 'd') onDay = (d, w) => d % days === 0 && onWeekday(w);
  else if (weekdays) onDay = (d, w) => Math.floor(d / 7) % (days / 7) === 0 && weekdays.has(w);
  else {
    // n times a week without named days: spread evenly, from the course's first day.
    const offsets = new Set(
      Array.from({ length: frequency }, (_, k) => Math.floor((k * days) / frequency)),
    );
    onDay = (d) => offsets.has(d % days);
  }
  const perDay =
    unit === 'd' && days === 1
      ? times
      : times.slice(0, r.timeOfDay?.length || r.when?.length ? times.length : 1);
  return { ...base, kind: 'daily', timesOfDay: perDay, onDay, anchor: start };
}

function timesOfDay(r: TimingRepeat, frequency: number, at: string, clock: EventClock): number[] {
  if (r.timeOfDay?.length && r.when?.length)
    throw new ValidationError(
      `${at}: timeOfDay and when together are invalid (FHIR tim-10)`,
      `${at}.when`,
    );
  let times: number[];
  if (r.timeOfDay?.length)
    times = r.timeOfDay.map((t, i) => parseClockTime(t, `${at}.timeOfDay[${i}]`));
  else if (r.when?.length)
    times = r.when.flatMap((code, i) => {
      if (code === 'PHS' || !isEventCode(code, clock))
        throw new ValidationError(
          `${at}.when[${i}] "${code}" is not a supported event`,
          `${at}.when[${i}]`,
        );
      return eventMinutes(code, frequency, clock, r.offset);
    });
  else
    times = defaultTimesOfDay(r.periodUnit === 'd' || r.periodUnit === undefined ? frequency : 1);
  return [...new Set(times)].sort((a, b) => a - b);
}

function isEventCode(code: string, clock: EventClock): code is EventCode {
  return /^(WAKE|HS|C|CM|CD|CV|AC|ACM|ACD|ACV|PC|PCM|PCD|PCV)$/.test(code) || code in clock.periods;
}

function refuseUnsupported(r: TimingRepeat, at: string): void {
  if (r.periodUnit && !['h', 'd', 'wk'].includes(r.periodUnit))
    throw new ValidationError(
      `${at}.periodUnit "${r.periodUnit}" is not supported (use h, d or wk)`,
      `${at}.periodUnit`,
    );
  if (r.periodMax !== undefined)
    throw new ValidationError(
      `${at}.periodMax (a range of periods) is not supported`,
      `${at}.periodMax`,
    );
  if (r.boundsRange)
    throw new ValidationError(`${at}.boundsRange is not supported`, `${at}.boundsRange`);
}

/** Course bounds: boundsPeriod (a date end includes that whole day) or boundsDuration from the start. */
function bounds(
  r: TimingRepeat,
  at: string,
  ctx: ScheduleContext,
): { start: CivilMinutes; end?: CivilMinutes } {
  const period = r.boundsPeriod;
  const start = period?.start
    ? civilOfFhirDateTime(period.start, ctx.tz, `${at}.boundsPeriod.start`)
    : ctx.fallbackStart;
  if (period?.end)
    return { start, end: civilEndOfFhirDateTime(period.end, ctx.tz, `${at}.boundsPeriod.end`) };
  if (r.boundsDuration) {
    const d = r.boundsDuration;
    const unit = d.code ?? d.unit;
    const perUnit: Record<string, number> = {
      min: 1,
      h: 60,
      d: minutesPerDay,
      wk: 7 * minutesPerDay,
    };
    if (d.value === undefined || !(d.value > 0) || !unit || !perUnit[unit])
      throw new ValidationError(
        `${at}.boundsDuration must be a positive duration in min, h, d or wk`,
        `${at}.boundsDuration`,
      );
    return { start, end: start + Math.round(d.value * perUnit[unit]) };
  }
  return { start };
}

function positiveInteger(value: number, path: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new ValidationError(`${path} must be a positive integer`, path);
  return value;
}

function wholeNumber(value: number, path: string): number {
  if (!Number.isInteger(value))
    throw new ValidationError(`${path} must be a whole number of days or weeks`, path);
  return value;
}
