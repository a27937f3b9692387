// Domain (reminders): the local clock times we give FHIR's daily-living event codes, and the default
// administration times of an "n times a day" order with no times. FHIR R4 (4.0.1) EventTiming
// (http://hl7.org/fhir/ValueSet/event-timing) says the exact time of MORN, AFT, EVE... "is unspecified
// and established by institution convention or patient interpretation"; these are OUR conventions,
// overridable per deployment or patient (`ExpandOptions.eventTimes`), not clinical rules.

/** A FHIR EventTiming code we schedule (PHS, "after sleep", is refused: nobody is woken for a pill). */
export type EventCode =
  | DayPeriod
  | 'WAKE'
  | 'HS'
  | 'C'
  | 'CM'
  | 'CD'
  | 'CV'
  | 'AC'
  | 'ACM'
  | 'ACD'
  | 'ACV'
  | 'PC'
  | 'PCM'
  | 'PCD'
  | 'PCV';

/** The periods of the day, each given one clock time. */
export type DayPeriod =
  | 'MORN'
  | 'MORN.early'
  | 'MORN.late'
  | 'NOON'
  | 'AFT'
  | 'AFT.early'
  | 'AFT.late'
  | 'EVE'
  | 'EVE.early'
  | 'EVE.late'
  | 'NIGHT';

/** Local clock times, `HH:MM`, of the daily-living events the codes refer to. */
export interface EventClock {
  wake: string;
  breakfast: string;
  lunch: string;
  dinner: string;
  sleep: string;
  /** Minutes before a meal for AC/ACM/ACD/ACV without an explicit Timing.repeat.offset. */
  beforeMealMinutes: number;
  /** Minutes after a meal for PC/PCM/PCD/PCV without an explicit offset. */
  afterMealMinutes: number;
  /** Times of the periods of the day (MORN, AFT, EVE, NIGHT and their early/late parts). */
  periods: Record<DayPeriod, string>;
}

/**
 * Defaults. Meals at 08:00, 12:30 and 18:30; before-meal doses 30 minutes ahead (BNF Appendix 3,
 * cautionary label 22: "Take 30 to 60 minutes before food"; we take the earliest safe point, 30);
 * after-meal doses 30 minutes after (label 21, "with or just after food", read as within 30 min).
 * So ACM 07:30, CM 08:00, PCM 08:30; ACD 12:00, CD 12:30, PCD 13:00; ACV 18:00, CV 18:30, PCV 19:00;
 * WAKE 07:00, MORN 08:00 (early 06:00, late 10:00), NOON 12:00, AFT 14:00 (early 13:00, late 16:00),
 * EVE 18:00 (early 17:00, late 20:00), NIGHT 21:00, HS 22:00.
 */
export const defaultEventClock: EventClock = {
  wake: '07:00',
  breakfast: '08:00',
  lunch: '12:30',
  dinner: '18:30',
  sleep: '22:00',
  beforeMealMinutes: 30,
  afterMealMinutes: 30,
  periods: {
    'MORN.early': '06:00',
    MORN: '08:00',
    'MORN.late': '10:00',
    NOON: '12:00',
    'AFT.early': '13:00',
    AFT: '14:00',
    'AFT.late': '16:00',
    'EVE.early': '17:00',
    EVE: '18:00',
    'EVE.late': '20:00',
    NIGHT: '21:00',
  },
};

/**
 * Default administration times for `frequency` doses a day with no timeOfDay or when: once 08:00;
 * twice 08:00 and 20:00; three times 08:00, 14:00, 20:00; four times 08:00, 12:00, 16:00, 20:00;
 * more: evenly over the waking day 08:00-22:00. A convention (ISMP Acute Care Guidelines for Timely
 * Administration of Scheduled Medications, 2011, asks each organisation to set standard times), not
 * a clinical rule; minutes after midnight.
 */
export function defaultTimesOfDay(frequency: number): number[] {
  const fixed: Record<number, string[]> = {
    1: ['08:00'],
    2: ['08:00', '20:00'],
    3: ['08:00', '14:00', '20:00'],
    4: ['08:00', '12:00', '16:00', '20:00'],
  };
  const times = fixed[frequency];
  if (times) return times.map(minutes);
  const first = 8 * 60;
  const span = 14 * 60;
  return Array.from({ length: frequency }, (_, k) =>
    Math.round(first + (k * span) / (frequency - 1)),
  );
}

const meals = ['breakfast', 'lunch', 'dinner'] as const;
type Meal = (typeof meals)[number];

/** Which meals a generic meal code (C, AC, PC) means for `frequency` doses a day: 1 breakfast; 2 breakfast and dinner; 3+ all three. */
function mealsFor(frequency: number): Meal[] {
  if (frequency <= 1) return ['breakfast'];
  if (frequency === 2) return ['breakfast', 'dinner'];
  return [...meals];
}

/**
 * The local minutes-after-midnight of one event code, with Timing.repeat.offset (minutes). Per FHIR R4
 * Timing.repeat.offset, the offset is before the event for codes that say "before" (AC*, HS) and after
 * it otherwise.
 */
export function eventMinutes(
  code: EventCode,
  frequency: number,
  clock: EventClock,
  offset?: number,
): number[] {
  const mealCode = /^(AC|PC|C)([MDV]?)$/.exec(code);
  if (mealCode) {
    const [, relation, which] = mealCode;
    const chosen: Meal[] = which
      ? [({ M: 'breakfast', D: 'lunch', V: 'dinner' } as const)[which as 'M' | 'D' | 'V']]
      : mealsFor(frequency);
    const shift =
      relation === 'AC'
        ? -(offset ?? clock.beforeMealMinutes)
        : relation === 'PC'
          ? (offset ?? clock.afterMealMinutes)
          : (offset ?? 0);
    return chosen.map((meal) => wrap(minutes(clock[meal]) + shift));
  }
  if (code === 'WAKE') return [wrap(minutes(clock.wake) + (offset ?? 0))];
  if (code === 'HS') return [wrap(minutes(clock.sleep) - (offset ?? 0))];
  return [wrap(minutes(clock.periods[code as DayPeriod]) + (offset ?? 0))];
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

function wrap(minute: number): number {
  return ((minute % 1440) + 1440) % 1440;
}
