// Domain (synth/state): 2–8 encounters in the three years before asOf — acute events on their onset day,
// inpatient stays and ED visits at condition-specific rates, chronic-care follow-ups and wellness visits —
// as day numbers and minutes (encounter-records renders them).
import type { ConditionKey } from '../catalog';
import type { TrueCondition, TrueEncounter } from '../model';
import type { Rng } from '../rng';
import { dayFromIso, dayOfWeek, type Day } from './calendar';
import { clamp, gamma } from './math';

/** An encounter with the day numbers and minutes that measurements and outcomes need. */
export interface EncounterPlan {
  kind: TrueEncounter['kind'];
  day: Day;
  startMinute: number;
  endDay: Day;
  endMinute: number;
  reason?: ConditionKey;
  /** Lower numbers are kept first when the count must be cut to 8. */
  priority: number;
  readmission?: boolean;
}

export interface EncounterContext {
  age: number;
  birthDay: Day;
  asOfDay: Day;
  conditions: readonly TrueCondition[];
}

const windowDays = 3 * 365;
export const maxEncounters = 8;

/**
 * Annual inpatient admission rates by condition (HCUP NIS 2019 discharges per prevalent patient, rounded):
 * heart failure ≈0.22, CKD stage 4–5 ≈0.15, lung cancer ≈0.15, COPD ≈0.08, AF ≈0.05, diabetes ≈0.04,
 * asthma ≈0.02; plus a background rate rising with age (all-cause ≈0.1/yr at 65+).
 */
const admissionRates: readonly (readonly [ConditionKey, number])[] = [
  ['heart-failure', 0.22],
  ['lung-cancer', 0.15],
  ['copd', 0.08],
  ['atrial-fibrillation', 0.05],
  ['type2-diabetes', 0.04],
  ['type1-diabetes', 0.06],
  ['asthma', 0.02],
  ['colorectal-cancer', 0.08],
];

/** Chronic-care follow-up visits per year (ADA: HbA1c every 3–6 months; HF and CKD 2–4 visits/yr; others yearly). */
const followUpRates: readonly (readonly [ConditionKey, number])[] = [
  ['type1-diabetes', 3],
  ['type2-diabetes', 2],
  ['heart-failure', 2],
  ['adhd', 1.5],
  ['hypertension', 1],
  ['ckd', 1],
  ['copd', 1],
  ['asthma', 0.7],
  ['depression', 1],
  ['anxiety', 0.7],
  ['atrial-fibrillation', 1],
  ['coronary-disease', 1],
  ['breast-cancer', 1],
  ['lung-cancer', 2],
  ['colorectal-cancer', 1],
];

function poisson(rng: Rng, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = rng.next();
  while (u > s && k < 20) {
    k++;
    p *= mean / k;
    s += p;
  }
  return k;
}

/** Office hours on a weekday: Saturday moves to Friday, Sunday to Monday, within [lo, hi]. */
function weekday(day: Day, lo: Day, hi: Day): Day {
  const dow = dayOfWeek(day);
  const shifted = dow === 6 ? day - 1 : dow === 0 ? day + 1 : day;
  return shifted >= lo && shifted <= hi ? shifted : day;
}

function office(
  rng: Rng,
  day: Day,
  kind: 'ambulatory' | 'wellness',
  priority: number,
  reason?: ConditionKey,
): EncounterPlan {
  const startMinute = 480 + 15 * rng.int(0, 34);
  const plan: EncounterPlan = {
    kind,
    day,
    startMinute,
    endDay: day,
    endMinute: startMinute + rng.pick([20, 30, 40]),
    priority,
  };
  if (reason) plan.reason = reason;
  return plan;
}

/** ED arrivals concentrate 08:00–22:00; median ED stay ≈3 h (NHAMCS 2021). */
function emergency(rng: Rng, day: Day, priority: number, reason?: ConditionKey): EncounterPlan {
  const startMinute = rng.chance(0.75) ? rng.int(480, 1319) : rng.int(0, 1439);
  const end = startMinute + rng.int(100, 480);
  const plan: EncounterPlan = {
    kind: 'emergency',
    day,
    startMinute,
    endDay: day + Math.floor(end / 1440),
    endMinute: end % 1440,
    priority,
  };
  if (reason) plan.reason = reason;
  return plan;
}

/** Length of stay 1–7 days, mean ≈4.5 (HCUP NIS 2019 mean LOS 4.6 days); discharge late morning. */
export function inpatient(
  rng: Rng,
  day: Day,
  priority: number,
  reason?: ConditionKey,
): EncounterPlan {
  const los = clamp(Math.round(gamma(rng, 2.2, 1.6)) + 1, 1, 7);
  const plan: EncounterPlan = {
    kind: 'inpatient',
    day,
    startMinute: rng.int(0, 1439),
    endDay: day + los,
    endMinute: rng.int(600, 900),
    priority,
  };
  if (reason) plan.reason = reason;
  return plan;
}

function acuteEvents(rng: Rng, ctx: EncounterContext, lo: Day): EncounterPlan[] {
  const plans: EncounterPlan[] = [];
  for (const c of ctx.conditions) {
    const onset = dayFromIso(c.onset);
    if (onset < lo) continue;
    if (c.key === 'myocardial-infarction' || c.key === 'stroke')
      plans.push(inpatient(rng, onset, 0, c.key));
    else if (c.key === 'deep-vein-thrombosis') plans.push(emergency(rng, onset, 0, c.key));
    else if (c.key === 'otitis-media') plans.push(office(rng, onset, 'ambulatory', 0, c.key));
    else if (plans.length < 4)
      plans.push(office(rng, weekday(onset, lo, ctx.asOfDay - 1), 'ambulatory', 1, c.key));
  }
  return plans;
}

/** Condition keys whose onset is on or before `day`. */
function presentOn(
  ctx: EncounterContext,
  day: Day,
  keys: ReadonlySet<ConditionKey>,
): ConditionKey[] {
  return ctx.conditions
    .filter((c) => keys.has(c.key) && dayFromIso(c.onset) <= day)
    .map((c) => c.key);
}

const admissionKeys: ReadonlySet<ConditionKey> = new Set(admissionRates.map(([k]) => k));
const edKeys: ReadonlySet<ConditionKey> = new Set([
  'asthma',
  'copd',
  'atrial-fibrillation',
  'heart-failure',
]);

function hospitalUse(rng: Rng, ctx: EncounterContext, lo: Day, years: number): EncounterPlan[] {
  let admissionRate = ctx.age >= 50 ? 0.02 + 0.002 * (ctx.age - 50) : 0.01;
  for (const [key, rate] of admissionRates)
    if (ctx.conditions.some((c) => c.key === key)) admissionRate += rate;
  if (ctx.conditions.some((c) => c.key === 'ckd' && (c.severity === '4' || c.severity === '5')))
    admissionRate += 0.15;
  const plans: EncounterPlan[] = [];
  for (let i = Math.min(2, poisson(rng, admissionRate * years)); i > 0; i--) {
    const day = rng.int(lo, Math.max(lo, ctx.asOfDay - 8));
    const reasons = presentOn(ctx, day, admissionKeys);
    plans.push(inpatient(rng, day, 2, reasons.length ? rng.pick(reasons) : undefined));
  }
  // ED visits ≈0.25 per person-year (NHAMCS 2021: 43 visits per 100 people, a third of them repeat users).
  for (let i = Math.min(2, poisson(rng, 0.25 * years)); i > 0; i--) {
    const day = rng.int(lo, ctx.asOfDay - 1);
    const reasons = presentOn(ctx, day, edKeys);
    plans.push(
      emergency(rng, day, 3, reasons.length && rng.chance(0.5) ? rng.pick(reasons) : undefined),
    );
  }
  return plans;
}

function routineCare(rng: Rng, ctx: EncounterContext, lo: Day): EncounterPlan[] {
  const plans: EncounterPlan[] = [];
  const hi = ctx.asOfDay - 1;
  for (const [key, rate] of followUpRates) {
    const c = ctx.conditions.find((x) => x.key === key && x.status === 'active');
    if (!c) continue;
    // Follow-ups only after the diagnosis.
    const from = Math.max(lo, dayFromIso(c.onset) + 1);
    if (from > hi) continue;
    for (let i = poisson(rng, (rate * (hi - from)) / 365.25); i > 0; i--) {
      plans.push(office(rng, weekday(rng.int(from, hi), from, hi), 'ambulatory', 4, key));
    }
  }
  plans.push(...preventiveVisits(rng, ctx, lo, hi));
  return plans;
}

/**
 * Preventive visits under 3 at the ages of the AAP/Bright Futures periodicity schedule (2024), in
 * months (the newborn visit at 3-5 days); jittered by up to a week.
 */
const wellChildMonths = [0.13, 1, 2, 4, 6, 9, 12, 15, 18, 24, 30] as const;

/**
 * Attendance of a scheduled well-child visit: ≈80% up to 12 months and ≈65% for 15-30 months,
 * between the bounds Wolf ER et al. measured over 152,418 children (Pediatrics 2018;142:e20174019:
 * 2-, 4- and 6-month visits 63-90%, 15- and 18-month visits 41-75%). From 3 years one preventive visit
 * a year is attended by ≈80% of children, ≈55% of adults and ≈75% of people 65+ (NHIS 2019 "doctor
 * visit for a check-up").
 */
function attendance(ageYears: number): number {
  if (ageYears < 1.1) return 0.8;
  if (ageYears < 3) return 0.65;
  return ageYears < 18 ? 0.8 : ageYears < 65 ? 0.55 : 0.75;
}

/**
 * Preventive visits on their schedule (until 1.5.0 each fell on a random day of the window, so a
 * patient could have an "annual physical" 9 days after the last one): under 3 at the Bright Futures
 * ages; from 3 once a year, at the patient's own time of year give or take a month, so two are at
 * least 10 months apart.
 */
function preventiveVisits(rng: Rng, ctx: EncounterContext, lo: Day, hi: Day): EncounterPlan[] {
  const plans: EncounterPlan[] = [];
  const add = (day: Day, ageYears: number): void => {
    if (day >= lo && day <= hi && rng.chance(attendance(ageYears)))
      plans.push(office(rng, weekday(day, lo, hi), 'wellness', 5));
  };
  for (const months of wellChildMonths) {
    const day = ctx.birthDay + Math.round(months * 30.44) + (months < 1 ? 0 : rng.int(-7, 7));
    add(day, months / 12);
  }
  const timeOfYear = rng.int(0, 364);
  const first = Math.max(3, Math.floor((lo - ctx.birthDay) / 365.25) - 1);
  const last = Math.floor((hi - ctx.birthDay) / 365.25);
  for (let age = first; age <= last; age++)
    add(ctx.birthDay + Math.round((age + timeOfYear / 365) * 365.25) + rng.int(-30, 30), age);
  return plans;
}

/** Stays still running at export are cut at the last day before asOf (the export shows them as current). */
function endBy(plan: EncounterPlan, hi: Day): EncounterPlan {
  if (plan.endDay <= hi) return plan;
  const sameDay = plan.day >= hi;
  return {
    ...plan,
    endDay: Math.max(hi, plan.day),
    endMinute: sameDay ? Math.min(1439, plan.startMinute + 90) : 1200,
  };
}

const startMinuteOf = (p: EncounterPlan): number => p.day * 1440 + p.startMinute;
const endMinuteOf = (p: EncounterPlan): number => p.endDay * 1440 + p.endMinute;
/** True when the two encounters share any time: a patient is in one place at a time. */
function overlap(a: EncounterPlan, b: EncounterPlan): boolean {
  return startMinuteOf(a) < endMinuteOf(b) && startMinuteOf(b) < endMinuteOf(a);
}

/** Attempts at a wellness visit that overlaps nothing, when topping up to 2 encounters. */
const topUpAttempts = 20;

/**
 * Days that must separate two preventive visits: 10 months from 3 years, 3 weeks before, and a week
 * in the first two months (Bright Futures sees a newborn at 3-5 days and again by 1 month).
 */
function preventiveSpacing(day: Day, birthDay: Day): number {
  const age = day - birthDay;
  return age >= 3 * 365.25 ? 300 : age >= 61 ? 21 : 7;
}

/**
 * Keeps 2–8 encounters that do not overlap in time: takes the plans by priority (a plan that
 * overlaps one already kept is dropped: no second admission during a stay, no office visit while an
 * inpatient), tops up with wellness visits.
 */
function fitCount(
  rng: Rng,
  plans: EncounterPlan[],
  lo: Day,
  hi: Day,
  birthDay: Day,
): EncounterPlan[] {
  const kept = plans
    .map((p) => [p, p.priority + rng.next()] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([p]) => p);
  const result: EncounterPlan[] = [];
  for (const plan of kept) {
    if (result.length === maxEncounters) break;
    const cut = endBy(plan, hi);
    if (!result.some((other) => overlap(other, cut))) result.push(cut);
  }
  for (let attempt = 0; result.length < 2 && attempt < topUpAttempts; attempt++) {
    const visit = endBy(office(rng, weekday(rng.int(lo, hi), lo, hi), 'wellness', 5), hi);
    const spacing = preventiveSpacing(visit.day, birthDay);
    const tooClose = (other: EncounterPlan): boolean =>
      other.kind === 'wellness' && Math.abs(other.day - visit.day) < spacing;
    if (!result.some((other) => overlap(other, visit) || tooClose(other))) result.push(visit);
  }
  return result.sort((a, b) => a.day - b.day || a.startMinute - b.startMinute);
}

/** Plans the patient's encounters from the 'encounters' stream. */
export function planEncounters(rng: Rng, ctx: EncounterContext): EncounterPlan[] {
  const lo = Math.max(ctx.asOfDay - windowDays, ctx.birthDay + 1);
  const years = (ctx.asOfDay - lo) / 365.25;
  const plans = [
    ...acuteEvents(rng, ctx, lo),
    ...hospitalUse(rng, ctx, lo, years),
    ...routineCare(rng, ctx, lo),
  ];
  return fitCount(rng, plans, lo, ctx.asOfDay - 1, ctx.birthDay);
}

/**
 * Appends the readmission stay that a drawn 30-day readmission implies. The stay is the outcome's
 * truth, so encounters it overlaps give way to it; at most 8 encounters are kept.
 */
export function addReadmission(
  rng: Rng,
  plans: EncounterPlan[],
  day: Day,
  reason: ConditionKey | undefined,
  asOfDay: Day,
): EncounterPlan[] {
  const stay = endBy({ ...inpatient(rng, day, 0, reason), readmission: true }, asOfDay - 1);
  const list = [...plans.filter((p) => !overlap(p, stay)), stay].sort(
    (a, b) => a.day - b.day || a.startMinute - b.startMinute,
  );
  if (list.length <= maxEncounters) return list;
  const drop = list.reduce((worst, p) => (p.priority > worst.priority ? p : worst), list[0]!);
  return list.filter((p) => p !== drop);
}
