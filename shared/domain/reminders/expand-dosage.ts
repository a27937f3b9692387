// Domain (reminders): expand a FHIR R4 (4.0.1) MedicationRequest's dosageInstruction into dose
// reminder occurrences in the patient's time zone, over a window [from, to).
//
// Daylight saving: doses are planned in local wall-clock time and converted with fromCivil, so an
// 08:00 dose stays 08:00 local across a change; a time in the spring-forward gap fires once at the
// next valid local time; a time in the fall-back overlap fires once, at its first occurrence.
// Interval orders (q8h: frequency 1, period 8 h) are anchored to local wall-clock time from the first
// dose (08:00, 16:00, 00:00 every local day), so across a change one interval is an hour shorter or
// longer instead of the times drifting by an hour for the rest of the course.
import { clinicianAdministered } from './administered-by-clinician';
import type { Dosage, MedicationRequest } from '@medplum/fhirtypes';
import type { EventClock } from './event-times';
import { doseSchedule, type DoseSchedule } from './dose-schedule';
import {
  assertTimeZone,
  civilDay,
  civilOfFhirDateTime,
  fromCivil,
  toCivil,
  weekdayOf,
  type CivilMinutes,
} from './local-time';
import { placeForQuietHours, type QuietHours } from './quiet-hours';
import { ValidationError } from '../errors';
import { doseText, medicationDisplay } from './medication-text';
import { notActionable } from './actionable-request';

const minutesPerDay = 1440;

export interface ExpandOptions {
  /** IANA time zone of the patient, e.g. `Europe/London`. */
  tz: string;
  /** Window start (inclusive) and end (exclusive), instants. */
  from: Date;
  to: Date;
  quietHours?: QuietHours;
  /** Clock times of MORN, ACM... (default: defaultEventClock). */
  eventClock?: EventClock;
  /** Whether a request's reminders are critical (never deferred by quiet hours); see isCriticalByDefault. */
  isCritical?: (request: MedicationRequest) => boolean;
  /**
   * The course start to use when the request has no authoredOn, as a FHIR date or dateTime: the
   * earliest dispense's whenHandedOver (plan.ts). Without either, a bounded course (count or
   * boundsDuration, no boundsPeriod.start) is refused: counted from each planning window it would
   * restart at every re-plan.
   */
  courseStartHint?: string;
}

export interface DoseOccurrence {
  requestId: string;
  dosageIndex: number;
  medication: string;
  dose?: string;
  /** When the reminder fires (after any quiet-hours deferral). */
  at: Date;
  /** When the order says the dose is due. */
  scheduledAt: Date;
  critical: boolean;
  deferred: boolean;
  /** Scheduled doses this reminder stands for: more than 1 when quiet hours deferred several to it. */
  covers?: number;
}

export interface NotScheduled {
  path: string;
  reason: string;
  /** Refill problems only: the resource whose data could not be used (`Type/id`). */
  resource?: string;
}

export interface DosageExpansion {
  occurrences: DoseOccurrence[];
  /** Dosages deliberately not scheduled (as-needed, inactive orders), for the caller to report. */
  notScheduled: NotScheduled[];
}

/**
 * A request is critical when its priority is urgent, asap or stat (FHIR R4 request-priority). A
 * deployment can pass its own rule, e.g. a time-critical list such as ISMP's (Acute Care Guidelines
 * for Timely Administration of Scheduled Medications, 2011).
 */
export function isCriticalByDefault(request: MedicationRequest): boolean {
  return (
    request.priority === 'urgent' || request.priority === 'asap' || request.priority === 'stat'
  );
}

/**
 * Dose reminders of one MedicationRequest in [from, to), sorted by time. Only `active` requests that
 * order the drug to be given are scheduled (on-hold, completed, stopped, draft..., doNotPerform and
 * the intents proposal, plan and option are reported in `notScheduled`); sequential dosages
 * (Dosage.sequence, a taper) one step after another (dosageSteps); as-needed dosages,
 * intravenous ones and inpatient orders (a clinician gives them: administered-by-clinician.ts) are
 * reported, not scheduled. Throws ValidationError naming the element path for Timing forms we do
 * not support (e.g. `dosageInstruction[0].timing.repeat.periodUnit`).
 */
export function expandDosage(request: MedicationRequest, options: ExpandOptions): DosageExpansion {
  assertTimeZone(options.tz);
  const notScheduled: NotScheduled[] = [];
  if (request.status !== 'active') {
    notScheduled.push({
      path: 'status',
      reason: `status is ${request.status ?? 'missing'}, not active`,
    });
    return { occurrences: [], notScheduled };
  }
  // doNotPerform, or a proposal, plan or option: not an order to take the drug (actionable-request.ts).
  const refused = notActionable(request);
  if (refused) {
    notScheduled.push(refused);
    return { occurrences: [], notScheduled };
  }
  const critical = (options.isCritical ?? isCriticalByDefault)(request);
  const medication = medicationDisplay(request);
  const occurrences: DoseOccurrence[] = [];
  const scheduled = dosageSchedules(
    request,
    {
      tz: options.tz,
      windowStart: toCivil(options.from, options.tz),
      courseStartHint: options.courseStartHint,
      eventClock: options.eventClock,
    },
    notScheduled,
  );
  for (const { index, dosage, schedule } of scheduled)
    occurrences.push(
      ...dosageOccurrences(
        schedule,
        dosage,
        index,
        { request, medication, critical, options },
        notScheduled,
      ),
    );
  occurrences.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.medication.localeCompare(b.medication),
  );
  return { occurrences, notScheduled };
}

export interface ScheduledDosage {
  /** Index in dosageInstruction. */
  index: number;
  dosage: Dosage;
  schedule: DoseSchedule;
}

export interface DosageScheduleOptions {
  tz: string;
  /** The course start when neither authoredOn nor courseStartHint gives one (the planning window's start). */
  windowStart: CivilMinutes;
  /** As ExpandOptions.courseStartHint: the earliest dispense's whenHandedOver. */
  courseStartHint?: string;
  eventClock?: EventClock;
}

/**
 * The DoseSchedule of each scheduled dosage of an active order, in course order: sequential dosages
 * (a taper) one step after another (dosageSteps), each later step from the previous step's end. As-
 * needed and clinician-given dosages are reported in `notScheduled`, not scheduled. Used for dose
 * reminders (expandDosage) and for the supply a taper uses step by step (refills.ts), so both place
 * the steps by this one rule. Throws ValidationError naming the element path of a step whose start
 * cannot be worked out or a Timing form we do not support.
 */
export function dosageSchedules(
  request: MedicationRequest,
  options: DosageScheduleOptions,
  notScheduled: NotScheduled[],
): ScheduledDosage[] {
  // The course starts when it was prescribed (authoredOn), at that instant: doses earlier that day
  // neither exist nor count toward Timing.repeat.count (FHIR R4 Timing: count is "the total number
  // of times the action is to occur", i.e. within the course). Without authoredOn, the earliest
  // dispense stands in for the start.
  const prescribed = request.authoredOn
    ? toCivilOf(request.authoredOn, options.tz)
    : options.courseStartHint
      ? toCivilOf(options.courseStartHint, options.tz)
      : undefined;
  const fallbackStart =
    prescribed !== undefined ? civilDay(prescribed) * minutesPerDay : options.windowStart;
  const scheduled: ScheduledDosage[] = [];
  const dosages = request.dosageInstruction ?? [];
  // Sequential dosages (a taper) run one step after another; see dosageSteps.
  let previous: { end: CivilMinutes | undefined; path: string } | undefined;
  for (const step of dosageSteps(dosages)) {
    const stepStart = previous === undefined ? fallbackStart : previous.end;
    const ends: (CivilMinutes | undefined)[] = [];
    for (const i of step) {
      const dosage = dosages[i]!;
      const path = `dosageInstruction[${i}]`;
      if (dosage.asNeededBoolean || dosage.asNeededCodeableConcept) {
        notScheduled.push({ path, reason: 'as needed (PRN): not scheduled' });
        continue;
      }
      const byClinician = clinicianAdministered(request, dosage);
      if (byClinician) {
        notScheduled.push({ path, reason: byClinician });
        continue;
      }
      const ownStart = dosage.timing?.repeat?.boundsPeriod?.start !== undefined;
      if (previous === undefined) {
        if (prescribed === undefined) refuseUnanchoredCourse(dosage, path);
      } else if (stepStart === undefined && !ownStart) {
        const at = `${path}.sequence`;
        throw new ValidationError(
          `${at}: this step starts when the previous one (${previous.path}) ends, and that end ` +
            'is not stated (timing.repeat.boundsDuration or boundsPeriod.end); give the previous ' +
            'step an end or this one a timing.repeat.boundsPeriod.start',
          at,
        );
      }
      const schedule = doseSchedule(dosage, path, {
        tz: options.tz,
        fallbackStart: stepStart ?? fallbackStart,
        ...(prescribed !== undefined ? { notBefore: prescribed } : {}),
        eventClock: options.eventClock,
      });
      ends.push(schedule.end);
      scheduled.push({ index: i, dosage, schedule });
    }
    previous = {
      end: ends.length && ends.every((e) => e !== undefined) ? Math.max(...ends) : undefined,
      path: step.map((i) => `dosageInstruction[${i}]`).join(', '),
    };
  }
  return scheduled;
}

/**
 * The dosage instructions grouped into steps, in order (FHIR R4 Dosage.sequence: "Indicates the order
 * in which the dosage instructions should be applied or interpreted"). Dosages of one sequence number
 * run at the same time; a later step without its own timing.repeat.boundsPeriod.start starts when the
 * previous step's course ends (its latest boundsPeriod.end or boundsDuration end), so a taper of
 * 40 mg for 5 days then 20 mg for 5 days is 40 mg on days 1-5 and 20 mg on days 6-10. Without any
 * sequence, all dosages are one step (they run together from the course start). A dosage without a
 * sequence among sequenced ones has no stated place in the order: refused naming its `sequence`.
 */
function dosageSteps(dosages: readonly Dosage[]): number[][] {
  const sequenced = dosages.map((d) => d.sequence !== undefined);
  if (!sequenced.some(Boolean)) return dosages.length ? [dosages.map((_, i) => i)] : [];
  const steps = new Map<number, number[]>();
  dosages.forEach((d, i) => {
    const at = `dosageInstruction[${i}].sequence`;
    if (d.sequence === undefined)
      throw new ValidationError(
        `${at} is missing while other dosage instructions of this order are sequenced: its place ` +
          'in the order cannot be worked out',
        at,
      );
    if (!Number.isInteger(d.sequence)) throw new ValidationError(`${at} must be an integer`, at);
    steps.set(d.sequence, [...(steps.get(d.sequence) ?? []), i]);
  });
  return [...steps.entries()].sort(([a], [b]) => a - b).map(([, indices]) => indices);
}

/** The reminders of one scheduled dosage in the window, after quiet hours (dropped ones reported). */
function dosageOccurrences(
  schedule: DoseSchedule,
  dosage: Dosage,
  i: number,
  ctx: {
    request: MedicationRequest;
    medication: string;
    critical: boolean;
    options: ExpandOptions;
  },
  notScheduled: NotScheduled[],
): DoseOccurrence[] {
  const { options, critical } = ctx;
  const windowStart = toCivil(options.from, options.tz);
  // One day of margin before the window catches doses deferred by quiet hours into it, and one
  // after it finds the dose following a deferred one (placeForQuietHours).
  const times = civilDoseTimes(
    schedule,
    windowStart - minutesPerDay,
    toCivil(options.to, options.tz) + minutesPerDay,
  );
  const { placed, dropped } = placeForQuietHours(
    times,
    critical ? undefined : options.quietHours,
    schedule.kind === 'interval' ? schedule.intervalMinutes : undefined,
  );
  const inWindow = (at: Date) => at >= options.from && at < options.to;
  const occurrences: DoseOccurrence[] = [];
  for (const p of placed) {
    const at = fromCivil(p.at, options.tz);
    if (!inWindow(at)) continue;
    occurrences.push({
      requestId: ctx.request.id ?? '',
      dosageIndex: i,
      medication: ctx.medication,
      dose: doseText(dosage),
      at,
      scheduledAt: fromCivil(p.scheduled, options.tz),
      critical,
      deferred: p.deferred,
      ...(p.covers > 1 ? { covers: p.covers } : {}),
    });
  }
  const droppedHere = dropped.filter((d) => inWindow(fromCivil(d.at, options.tz))).length;
  if (droppedHere)
    notScheduled.push({
      path: `dosageInstruction[${i}].timing`,
      reason:
        `${droppedHere} dose(s) due in quiet hours not reminded: the next dose is due too soon ` +
        'after the quiet hours end (no double dose)',
    });
  return occurrences;
}

/**
 * A bounded course (Timing.repeat.count or boundsDuration) without any start (no boundsPeriod.start,
 * authoredOn or dispense) cannot be placed in time: refused with the element's path.
 */
function refuseUnanchoredCourse(dosage: Dosage, path: string): void {
  const repeat = dosage.timing?.repeat;
  if (!repeat || repeat.boundsPeriod?.start) return;
  const bounded =
    repeat.count !== undefined ? 'count' : repeat.boundsDuration ? 'boundsDuration' : undefined;
  if (!bounded) return;
  const at = `${path}.timing.repeat.${bounded}`;
  throw new ValidationError(
    `${at}: a bounded course needs a start (MedicationRequest.authoredOn, ` +
      'timing.repeat.boundsPeriod.start or a dispense); without one it would restart at every plan',
    at,
  );
}

function toCivilOf(dateTime: string, tz: string): CivilMinutes {
  try {
    return civilOfFhirDateTime(dateTime, tz, 'authoredOn');
  } catch {
    // Not a FHIR date or dateTime: read as leniently as before (ingest validated the resource).
  }
  const instant = new Date(dateTime);
  return Number.isNaN(instant.getTime()) ? 0 : toCivil(instant, tz);
}

/**
 * The local civil minutes of every dose in [lo, hi), honouring course start, end and count. Doses
 * are counted from the course start, so a bounded course (count) stops at the right dose even when
 * the window opens mid-course.
 */
export function civilDoseTimes(
  s: DoseSchedule,
  lo: CivilMinutes,
  hi: CivilMinutes,
): CivilMinutes[] {
  const out: CivilMinutes[] = s.events.filter((t) => t >= lo && t < hi);
  const limit = Math.min(hi, s.end ?? Infinity);
  let taken = 0;
  const take = (t: CivilMinutes): boolean => {
    if (t < s.start || t >= limit) return t < limit;
    if (s.notBefore !== undefined && t < s.notBefore) return true;
    taken++;
    if (t >= lo) out.push(t);
    return s.count === undefined || taken < s.count;
  };
  if (s.kind === 'interval') {
    // Without a count, jump straight to the window instead of walking a years-old course.
    const skip =
      s.count === undefined ? Math.max(0, Math.floor((lo - s.anchor) / s.intervalMinutes)) : 0;
    for (let k = skip; ; k++) {
      const t = s.anchor + k * s.intervalMinutes;
      if (!s.onDay(0, weekdayOf(civilDay(t)))) {
        if (t >= limit) break;
        continue;
      }
      if (!take(t)) break;
    }
    return out.sort((a, b) => a - b);
  }
  const firstDay = civilDay(s.start);
  const fromDay = s.count === undefined ? Math.max(firstDay, civilDay(lo)) : firstDay;
  for (let day = fromDay; day * minutesPerDay < limit; day++) {
    if (!s.onDay(day - firstDay, weekdayOf(day))) continue;
    let more = true;
    for (const minute of s.timesOfDay) if (more) more = take(day * minutesPerDay + minute);
    if (!more) break;
  }
  return out.sort((a, b) => a - b);
}
