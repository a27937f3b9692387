// Domain (monitoring): the alert rules. Pure: readings and a moment in, findings out. A rule is
// "evaluated" when the patient has ever had its concept measured, whether or not it fired, so the
// alert lifecycle can resolve what cleared or went out of date.
import {
  news2Input,
  news2ParametersPresent,
  type News2Category,
  type News2Scorer,
} from './news2-input';
import {
  aboveEmergencyLevel,
  describeChild,
  paediatricBpCategory,
  paediatricBpLimits,
  type PaediatricBpLimits,
  type Sex,
} from './paediatric-bp';
import { bloodPressures, latestReading, type Reading } from './readings';
import type { Patient } from '@medplum/fhirtypes';
import { ageAt } from '../risk/fhir/patient-record';
import {
  aap2017,
  aap2017Percentiles,
  aap2017TreatmentGoal,
  accAha2017,
  adultBloodPressureGoal,
  bloodPressureTarget,
  ada2024,
  ada2024Children,
  bloodPressureCategory,
  glucoseCategory,
  hba1cAboveGoal,
  hba1cGoalPercent,
  type BloodPressureGoal,
  type GuidelineSource,
} from './thresholds';
import { msPerDay } from './trend';

export const severities = ['info', 'warning', 'urgent', 'critical'] as const;
export type Severity = (typeof severities)[number];

export const ruleIds = [
  'bp-crisis',
  'bp-above-target',
  'hypoglycaemia',
  'hyperglycaemia',
  'hba1c-above-goal',
  'news2',
] as const;
export type RuleId = (typeof ruleIds)[number];

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Why, in clinical words, with values and units; no identifiers. */
  reason: string;
  source: GuidelineSource;
  observationIds: string[];
}

/** RCP National Early Warning Score (NEWS) 2, December 2017, Chart 3 (clinical response). */
export const rcpNews2: GuidelineSource = {
  guideline: 'Royal College of Physicians NEWS2, Chart 3 clinical response thresholds',
  version: '2017',
};

export interface RuleSettings {
  /** The moment of evaluation, epoch ms. */
  now: number;
  /**
   * Age in whole years at `now`, when the patient's birth date is known (`ageInYears`). Adult rules
   * are not applied below the ages they were derived for: NEWS2 under 16 (RCP 2017), BP categories
   * under 13 (AAP 2017 classifies those by percentiles for age, sex and height: paediatric-bp.ts).
   * Unknown: adult rules.
   */
  ageYears?: number;
  /** Administrative sex (`sexOf`), which the AAP 2017 percentile tables need under 13. */
  sex?: Sex;
  news2?: News2Scorer;
  /** NEWS2 SpO2 scale (spo2-scale.ts); 1 when absent. Stated in the NEWS2 reason. */
  spo2Scale?: 1 | 2;
  /** Why that scale, e.g. "prescribed SpO2 target 88-92 % recorded" (stated in the reason). */
  spo2ScaleBasis?: string;
}

/** How far back each rule looks (documented policy, not guideline values). */
export const ruleLookback = {
  /** A crisis reading is acted on for 24 h; an older one is history, not a current emergency. */
  bpCrisisHours: 24,
  /** Averaging window for BP above target: 4 weeks, as ACC/AHA 2017 §8.3.3 reviews monthly. */
  bloodPressureDays: 28,
  /** A hypoglycaemia value keeps its alert open for 24 h after it was measured. */
  hypoglycaemiaHours: 24,
  /** Hyperglycaemia looks only at the latest glucose of the last 24 h (one post-meal peak clears). */
  hyperglycaemiaHours: 24,
  /** HbA1c is typically measured 2-4 times a year (ADA 2024 rec. 6.1-6.2): latest within a year. */
  hba1cDays: 365,
  /** A NEWS2 is only scored when some parameter was measured within the last 24 h. */
  news2Hours: 24,
} as const;

/**
 * A rule is "not evaluated" only when the patient never had the concept measured; once measured, no
 * recent value means no finding, so an alert raised on old data resolves instead of lingering.
 */
function everMeasured(readings: readonly Reading[], concept: Reading['concept'], now: number) {
  return latestReading(readings, concept, now) ? undefined : 'not-evaluated';
}

/** Every rule's finding (if it fires) and the list of rules that had data to judge. */
export function evaluateRules(
  readings: readonly Reading[],
  settings: RuleSettings,
): { findings: Finding[]; evaluated: RuleId[] } {
  const child = childBpLimits(readings, settings);
  const results: [RuleId, Finding | undefined | 'not-evaluated'][] = [
    ['bp-crisis', bpCrisis(readings, settings.now, child)],
    ['bp-above-target', bpAboveTarget(readings, settings, child)],
    ['hypoglycaemia', hypoglycaemia(readings, settings.now)],
    ['hyperglycaemia', hyperglycaemia(readings, settings.now)],
    ['hba1c-above-goal', hba1c(readings, settings.now, settings.ageYears)],
    ['news2', news2(readings, settings)],
  ];
  return {
    findings: results.flatMap(([, f]) => (f && f !== 'not-evaluated' ? [f] : [])),
    evaluated: results.filter(([, f]) => f !== 'not-evaluated').map(([rule]) => rule),
  };
}

const hours = (n: number) => n * 3_600_000;
const fmt = (n: number) => String(Math.round(n * 10) / 10);

/**
 * ACC/AHA 2017 §11.2: hypertensive crisis, systolic >180 and/or diastolic >120, on the latest reading of
 * the last 24 h, at any age. Under 13 also AAP 2017 Table 7: more than 30 mm Hg above the 95th
 * percentile for age, sex and height, referred to an immediate source of care.
 */
function bpCrisis(
  readings: readonly Reading[],
  now: number,
  child: ChildBp,
): Finding | undefined | 'not-evaluated' {
  const latest = bloodPressures(readings.filter((r) => r.t <= now)).at(-1);
  if (!latest) return 'not-evaluated';
  if (latest.t <= now - hours(ruleLookback.bpCrisisHours)) return undefined;
  const shown = `${latest.systolic ?? '?'}/${latest.diastolic ?? '?'} mm[Hg]`;
  if (bloodPressureCategory(latest.systolic, latest.diastolic) === 'crisis')
    return {
      rule: 'bp-crisis',
      severity: 'urgent',
      reason: `latest blood pressure ${shown} is in the hypertensive crisis range (>180 and/or >120)`,
      source: accAha2017,
      observationIds: latest.observationIds,
    };
  if (typeof child !== 'object' || !aboveEmergencyLevel(latest.systolic, latest.diastolic, child))
    return undefined;
  return {
    rule: 'bp-crisis',
    severity: 'urgent',
    reason: `latest blood pressure ${shown} is more than 30 mm Hg above the 95th percentile (${percentiles(child)}): refer to an immediate source of care`,
    source: aap2017Percentiles,
    observationIds: latest.observationIds,
  };
}

/**
 * Age in whole years at `now` from a Patient's birth date (undefined without one). A partial date
 * ("2010", "2010-06") counts from its first day, so between two possible ages the adult rules apply.
 */
export function ageInYears(patient: unknown, now: number): number | undefined {
  const birthDate = (patient as Patient | undefined)?.birthDate;
  if (typeof birthDate !== 'string') return undefined;
  return ageAt({ patient: { resourceType: 'Patient', birthDate }, at: new Date(now) })?.years;
}

/**
 * Administrative sex for the AAP 2017 tables, which are by sex: FHIR Patient.gender 'male' or
 * 'female'; 'other', 'unknown' or none -> undefined (a child's BP is then not classified).
 */
export function sexOf(patient: unknown): Sex | undefined {
  const gender = (patient as Patient | undefined)?.gender;
  return gender === 'male' || gender === 'female' ? gender : undefined;
}

/** Below this age BP is classified by the AAP 2017 percentile tables (paediatric-bp.ts). */
export const adultBpCategoriesFromYears = 13;
/**
 * A child's height is read from a measurement of the last 180 days: the tables want the height at
 * the visit, and a child grows 5-12 cm a year, a column or more of the tables (project choice).
 */
export const childHeightMaxAgeDays = 180;
/** NEWS2 is not validated under 16 (RCP 2017): paediatric early warning scores apply. */
export const news2FromYears = 16;
const isChild = (ageYears: number | undefined) => ageYears !== undefined && ageYears < 18;

/**
 * The AAP 2017 percentile limits of a child of 1-12 years at `now`, from the sex and the latest
 * height of the last `childHeightMaxAgeDays`. 'adult' from 13 years or with the age unknown;
 * 'unclassified' under 1 year (the tables start at 1), without a sex the tables have, or without
 * a recent height.
 */
type ChildBp = PaediatricBpLimits | 'adult' | 'unclassified';
function childBpLimits(readings: readonly Reading[], settings: RuleSettings): ChildBp {
  const { ageYears, sex, now } = settings;
  if (ageYears === undefined || ageYears >= adultBpCategoriesFromYears) return 'adult';
  if (!sex) return 'unclassified';
  const height = latestReading(readings, 'height', now);
  if (!height || height.t <= now - childHeightMaxAgeDays * msPerDay) return 'unclassified';
  return paediatricBpLimits({ ageYears, sex, heightCm: height.value }) ?? 'unclassified';
}

/** "95th percentile 116/77 mm[Hg] for a boy of 10 years at the 50th height percentile", for reasons. */
function percentiles(l: PaediatricBpLimits, which: 'p90' | 'p95' = 'p95'): string {
  return `${which === 'p95' ? '95th' : '90th'} percentile ${l.systolic[which]}/${l.diastolic[which]} mm[Hg] for ${describeChild(l)}`;
}

/**
 * The BP treatment goal for the patient at `now`: adults (18 and over, or the age unknown) the ACC/AHA
 * 2017 <130/80; 13-17 years AAP 2017's <130/80; 1-12 years AAP 2017's <90th percentile for age, sex
 * and height (Tables 4-5). Undefined when a child's BP cannot be judged (under 1 year, no male/female
 * sex, no height of the last 180 days).
 */
export function bloodPressureGoal(
  readings: readonly Reading[],
  settings: RuleSettings,
): BloodPressureGoal | undefined {
  const child = childBpLimits(readings, settings);
  if (child === 'unclassified') return undefined;
  if (child === 'adult')
    return isChild(settings.ageYears)
      ? {
          ...bloodPressureTarget,
          source: aap2017TreatmentGoal,
          describe: 'the <130/80 mm[Hg] goal',
        }
      : adultBloodPressureGoal;
  return {
    systolic: child.systolic.p90,
    diastolic: child.diastolic.p90,
    source: aap2017TreatmentGoal,
    describe: `the goal below the ${percentiles(child, 'p90')}`,
  };
}

/**
 * ACC/AHA 2017 Table 6 on the 4-week average (averaging, §4.2): stage 1 -> info, stage 2 -> warning.
 * At 13-17 years the same thresholds, as AAP 2017 Table 3; at 1-12 years AAP 2017 Table 3's
 * percentile categories (Tables 4-5, by sex and height); under 1 year, or a child without a sex or
 * a recent height, not evaluated.
 */
function bpAboveTarget(
  readings: readonly Reading[],
  settings: RuleSettings,
  child: ChildBp,
): Finding | undefined | 'not-evaluated' {
  const { now, ageYears } = settings;
  if (child === 'unclassified') return 'not-evaluated';
  const from = now - ruleLookback.bloodPressureDays * msPerDay;
  const all = readings.filter((r) => r.t <= now);
  const window = bloodPressures(all.filter((r) => r.t > from));
  const mean = (k: 'systolic' | 'diastolic') => {
    const v = window.map((b) => b[k]).filter((x): x is number => x !== undefined);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : undefined;
  };
  if (window.length === 0) return bloodPressures(all).length ? undefined : 'not-evaluated';
  const [sys, dia] = [mean('systolic'), mean('diastolic')];
  const category =
    child === 'adult' ? bloodPressureCategory(sys, dia) : paediatricBpCategory(sys, dia, child);
  if (category !== 'stage-1' && category !== 'stage-2' && category !== 'crisis') return undefined;
  const stage = category === 'stage-1' ? 'stage 1' : 'stage 2';
  const shown = `${fmt(sys ?? Number.NaN)}/${fmt(dia ?? Number.NaN)} mm[Hg]`;
  return {
    rule: 'bp-above-target',
    severity: category === 'stage-1' ? 'info' : 'warning',
    reason:
      `mean blood pressure over ${ruleLookback.bloodPressureDays} days ${shown} (${window.length} readings) is ${stage} hypertension` +
      (child === 'adult' ? '' : ` (${percentiles(child)})`),
    source: child !== 'adult' ? aap2017Percentiles : isChild(ageYears) ? aap2017 : accAha2017,
    observationIds: window.flatMap((b) => b.observationIds),
  };
}

/** ADA 2024 Table 6.4: any glucose <70 mg/dL (level 1 -> warning) or <54 (level 2 -> urgent) in 24 h. */
function hypoglycaemia(
  readings: readonly Reading[],
  now: number,
): Finding | undefined | 'not-evaluated' {
  const recent = readings.filter(
    (r) =>
      r.concept === 'glucose' && r.t <= now && r.t > now - hours(ruleLookback.hypoglycaemiaHours),
  );
  if (recent.length === 0) return everMeasured(readings, 'glucose', now);
  const low = recent.filter((r) => r.value < 70);
  if (low.length === 0) return undefined;
  const lowest = Math.min(...low.map((r) => r.value));
  const level2 = glucoseCategory(lowest) === 'hypoglycaemia-level-2';
  return {
    rule: 'hypoglycaemia',
    severity: level2 ? 'urgent' : 'warning',
    reason: `${low.length} glucose value(s) below 70 mg/dL in the last ${ruleLookback.hypoglycaemiaHours} h, lowest ${fmt(lowest)} mg/dL (level ${level2 ? 2 : 1} hypoglycaemia)`,
    source: ada2024,
    observationIds: low.map((r) => r.observationId),
  };
}

/** ADA 2024 / CGM consensus: latest glucose >180 mg/dL (level 1 -> info) or >250 (level 2 -> warning). */
function hyperglycaemia(
  readings: readonly Reading[],
  now: number,
): Finding | undefined | 'not-evaluated' {
  const latest = latestReading(readings, 'glucose', now);
  if (!latest) return 'not-evaluated';
  if (latest.t <= now - hours(ruleLookback.hyperglycaemiaHours)) return undefined;
  const category = glucoseCategory(latest.value);
  if (category !== 'hyperglycaemia-level-1' && category !== 'hyperglycaemia-level-2')
    return undefined;
  const level2 = category === 'hyperglycaemia-level-2';
  return {
    rule: 'hyperglycaemia',
    severity: level2 ? 'warning' : 'info',
    reason: `latest glucose ${fmt(latest.value)} mg/dL is above ${level2 ? 250 : 180} mg/dL (level ${level2 ? 2 : 1} hyperglycaemia)`,
    source: ada2024,
    observationIds: [latest.observationId],
  };
}

/** ADA 2024 rec. 6.5a: latest HbA1c at or above the <7 % goal -> info (a review, not an emergency). */
function hba1c(
  readings: readonly Reading[],
  now: number,
  ageYears: number | undefined,
): Finding | undefined | 'not-evaluated' {
  const latest = latestReading(readings, 'hba1c', now);
  if (!latest) return 'not-evaluated';
  if (latest.t <= now - ruleLookback.hba1cDays * msPerDay) return undefined;
  if (!hba1cAboveGoal(latest.value)) return undefined;
  return {
    rule: 'hba1c-above-goal',
    severity: 'info',
    reason: `latest HbA1c ${fmt(latest.value)} % is at or above the ${hba1cGoalPercent} % goal`,
    source: isChild(ageYears) ? ada2024Children : ada2024,
    observationIds: [latest.observationId],
  };
}

/**
 * NEWS2 via the injected scorer, on the patient's SpO2 scale (RCP NEWS2 2017 Chart 1: scale 2 only
 * for a prescribed 88-92 % target; spo2-scale.ts), mapped to RCP Chart 3 responses: low (1-4) -> info, a 3 in one
 * parameter -> warning (urgent ward-based review), medium (5-6) -> urgent, high (>=7) -> critical.
 * Partial or stale inputs are named in the reason: a partial NEWS2 understates risk.
 */
function news2(
  readings: readonly Reading[],
  settings: RuleSettings,
): Finding | undefined | 'not-evaluated' {
  if (!settings.news2) return 'not-evaluated';
  if (settings.ageYears !== undefined && settings.ageYears < news2FromYears) return 'not-evaluated';
  const recent = readings.filter(
    (r) => r.t <= settings.now && r.t > settings.now - hours(ruleLookback.news2Hours),
  );
  const scale = settings.spo2Scale ?? 1;
  const { input, observationIds } = news2Input(recent, settings.now, scale);
  if (news2ParametersPresent(input).length === 0)
    return news2ParametersPresent(news2Input(readings, settings.now).input).length
      ? undefined
      : 'not-evaluated';
  const result = settings.news2(input);
  if (result.value <= 0) return undefined;
  const gaps = [
    result.missing.length ? `missing ${result.missing.join(', ')}` : '',
    result.stale.length ? `stale ${result.stale.join(', ')}` : '',
  ].filter(Boolean);
  return {
    rule: 'news2',
    severity: news2Severity[result.category],
    reason:
      `NEWS2 ${result.value} (${result.category}) on SpO2 scale ${scale}` +
      (settings.spo2ScaleBasis ? ` (${settings.spo2ScaleBasis})` : '') +
      (gaps.length ? `; partial score: ${gaps.join('; ')}` : ''),
    source: rcpNews2,
    observationIds,
  };
}

const news2Severity: Record<News2Category, Severity> = {
  low: 'info',
  'low-medium': 'warning',
  medium: 'urgent',
  high: 'critical',
};
