// Domain (synth/state): the patient's untreated physiology at asOf (RiskFactors), consistent with age, sex
// and the conditions already drawn: body size, blood pressure, lipids, glycaemia, kidney function, labs.
import type { ConditionKey } from '../catalog';
import type { RiskFactors, Sex, TrueCondition } from '../model';
import type { Rng } from '../rng';
import {
  adultHeightSd,
  adultMeanHeightCm,
  bmi95th,
  childBmi,
  childBmiPercentile,
  childBmiZ,
  childHeightCm,
  infantWeightKg,
} from './anthropometry';
import { clamp, gamma, interpolate, round, truncatedNormal } from './math';
import { glycaemia, lipids, questionnaires } from './physiology-labs';
import {
  bedsideSchwartz,
  ckdEpi2021,
  ckdStageEgfr,
  creatinineForEgfr,
  creatinineForSchwartz,
} from './renal';
import type { SmokingStatus } from './smoking';

/** Per-patient z-scores and trends that let measurements reproduce body size at any past date. */
export interface BodyProfile {
  heightZ: number;
  /** BMI-for-age z (children 2+) or weight-for-age z (infants). */
  sizeZ: number;
  /** Adults: height and BMI at asOf. */
  adultHeightCm: number;
  adultBmi: number;
  /** kg per year, adults (weight drift over the encounter window). */
  weightTrend: number;
}

export interface PhysiologyContext {
  age: number;
  /** Fractional age at asOf, for growth curves. */
  exactAge: number;
  sex: Sex;
  smoking: SmokingStatus;
  conditions: readonly TrueCondition[];
}

function has(ctx: PhysiologyContext, key: ConditionKey): boolean {
  return ctx.conditions.some((c) => c.key === key);
}

function severityOf(ctx: PhysiologyContext, key: ConditionKey): string | undefined {
  return ctx.conditions.find((c) => c.key === key)?.severity;
}

/** Adult BMI by obesity class (class 1: 30–34.9, 2: 35–39.9, 3: ≥40; WHO/CDC), else < 30. */
function adultBmi(rng: Rng, age: number, obesityClass: string | undefined): number {
  if (obesityClass === 'class 1') return 30.1 + 4.8 * rng.next() ** 1.2;
  if (obesityClass === 'class 2') return 35 + 4.9 * rng.next() ** 1.2;
  if (obesityClass === 'class 3') return Math.min(40 + gamma(rng, 1.3, 4), 70);
  // Non-obese adults: NHANES 2017–2018 overweight 30.7% and healthy weight ≈26% of adults.
  return truncatedNormal(rng, age < 30 ? 24.6 : 25.7, 3.0, 16.5, 29.8);
}

/**
 * Child BMI z from obesity class: ≥95th percentile; class 2 ≥120% and class 3 ≥140% of the 95th (AAP
 * 2023). Without obesity, N(0.70, 1.32) below the 95th percentile (1.12.0, fitted so that of the
 * children without obesity 5.1% are underweight, < 5th percentile, and 20% overweight, 85th-95th:
 * 4.1% and 16.1% of all children 2-19 in NHANES 2017-2018, Fryar CD, Carroll MD, Afful J, NCHS Health
 * E-Stats 2020, with obesity at the cohort's 19.7%). Until 1.11.0 N(0.25, 1.0): 10% overweight.
 */
function childBmiZFor(rng: Rng, sex: Sex, age: number, obesityClass: string | undefined): number {
  if (obesityClass === undefined) return truncatedNormal(rng, 0.7, 1.32, -3.5, 1.6);
  const factor =
    obesityClass === 'class 1'
      ? 1.01 + 0.18 * rng.next()
      : obesityClass === 'class 2'
        ? 1.2 + 0.19 * rng.next()
        : 1.4 + 0.25 * rng.next();
  return Math.max(1.66, childBmiZ(sex, age, bmi95th(sex, age) * factor));
}

function drawBody(rng: Rng, ctx: PhysiologyContext) {
  const heightZ = rng.normal();
  const obesityClass = severityOf(ctx, 'obesity');
  const profile: BodyProfile = { heightZ, sizeZ: 0, adultHeightCm: 0, adultBmi: 0, weightTrend: 0 };
  if (ctx.age >= 18) {
    profile.adultHeightCm = adultMeanHeightCm(ctx.sex, ctx.age) + adultHeightSd[ctx.sex] * heightZ;
    profile.adultBmi = adultBmi(rng, ctx.age, obesityClass);
    // Adults gain ≈0.5 kg/year on average with wide spread (Hutfless S et al. Obesity 2013;21:E79).
    profile.weightTrend = rng.normal(0.5, 1.2);
    const heightCm = round(profile.adultHeightCm, 1);
    const weightKg = round((profile.adultBmi * heightCm * heightCm) / 1e4, 1);
    return { profile, heightCm, weightKg, bmi: round(weightKg / (heightCm / 100) ** 2, 1) };
  }
  const heightCm = round(childHeightCm(ctx.sex, ctx.exactAge, heightZ), 1);
  if (ctx.exactAge < 2) {
    profile.sizeZ = rng.normal();
    const weightKg = round(infantWeightKg(ctx.sex, ctx.exactAge, profile.sizeZ), 2);
    return { profile, heightCm, weightKg, bmi: round(weightKg / (heightCm / 100) ** 2, 1) };
  }
  profile.sizeZ = childBmiZFor(rng, ctx.sex, ctx.exactAge, obesityClass);
  const weightKg = round(
    (childBmi(ctx.sex, ctx.exactAge, profile.sizeZ) * heightCm * heightCm) / 1e4,
    1,
  );
  const bmi = round(weightKg / (heightCm / 100) ** 2, 1);
  return {
    profile,
    heightCm,
    weightKg,
    bmi,
    bmiPercentile: childBmiPercentile(ctx.sex, ctx.exactAge, bmi),
  };
}

/** Paediatric 50th-percentile BP by age (AAP 2017 CPG, Flynn JT et al. Pediatrics 2017;140:e20171904). */
const childSystolic50 = [
  [1, 86],
  [5, 95],
  [10, 102],
  [13, 107],
  [17, 112],
] as const;
const childDiastolic50 = [
  [1, 41],
  [5, 54],
  [10, 61],
  [13, 62],
  [17, 65],
] as const;

/**
 * How much a child's usual BP (mmHg) at `ageAt` differs from the usual BP at `ageAsOf`: the change of
 * the 50th-percentile curves between the two ages, so a child keeps its place in the distribution as
 * it grows (as its height and weight keep their z-scores). Until 1.13.0 a child's readings of three
 * years before were the BP of its age at the export.
 */
export function childBpAgeShift(
  ageAsOf: number,
  ageAt: number,
): { systolic: number; diastolic: number } {
  return {
    systolic: interpolate(childSystolic50, ageAt) - interpolate(childSystolic50, ageAsOf),
    diastolic: interpolate(childDiastolic50, ageAt) - interpolate(childDiastolic50, ageAsOf),
  };
}

/**
 * Untreated BP. Hypertension per 2017 ACC/AHA (≥130 systolic or ≥80 diastolic); untreated hypertensive
 * means around 146/88 mmHg (NHANES untreated hypertensives), with wider pulse pressure in older adults.
 */
function bloodPressure(rng: Rng, ctx: PhysiologyContext): { systolic: number; diastolic: number } {
  if (ctx.age < 18) {
    const s = interpolate(childSystolic50, ctx.exactAge) + clamp(rng.normal(0, 8), -16, 9);
    const d = interpolate(childDiastolic50, ctx.exactAge) + clamp(rng.normal(0, 7), -14, 8);
    return { systolic: Math.round(s), diastolic: Math.round(d) };
  }
  const older = Math.max(0, ctx.age - 55);
  if (!has(ctx, 'hypertension')) {
    const s = truncatedNormal(rng, 113 + 0.2 * Math.max(0, ctx.age - 30), 8, 92, 129);
    return { systolic: Math.round(s), diastolic: Math.round(truncatedNormal(rng, 72, 6, 55, 79)) };
  }
  let s = truncatedNormal(rng, 144 + 0.25 * older, 13, 118, 210);
  const d = truncatedNormal(rng, 87 - 0.3 * older, 9, 60, 125);
  if (s < 130 && d < 80) s = 130 + 10 * rng.next();
  return { systolic: Math.round(s), diastolic: Math.round(d) };
}

/** eGFR band for the CKD stage, else age-typical normal function (NHANES: ≈1 mL/min/1.73 m²/yr decline after 30). */
function kidney(
  rng: Rng,
  ctx: PhysiologyContext,
  heightCm: number,
): { creatinine: number; egfr: number } {
  if (ctx.age < 18) {
    const egfr = truncatedNormal(rng, 115, 12, 90, 150);
    const creatinine = round(Math.max(0.15, creatinineForSchwartz(egfr, heightCm)), 2);
    return { creatinine, egfr: round(bedsideSchwartz(creatinine, heightCm), 1) };
  }
  const stage = severityOf(ctx, 'ckd');
  const [lo, hi] = stage ? ckdStageEgfr[stage]! : [62, 125];
  const mean = stage ? (lo + hi) / 2 : 117 - 0.9 * Math.max(0, ctx.age - 30);
  const egfr = truncatedNormal(rng, mean, stage ? (hi - lo) / 3 : 12, lo + 1.5, hi - 1);
  const creatinine = round(creatinineForEgfr(egfr, ctx.age, ctx.sex), 2);
  return { creatinine, egfr: round(ckdEpi2021(creatinine, ctx.age, ctx.sex), 1) };
}

/** Resting heart rate: children Fleming S et al. Lancet 2011;377:1011 medians; adults NHANES ≈72/min. */
export const childHeartRate = [
  [0, 140],
  [1, 128],
  [2, 116],
  [4, 104],
  [6, 97],
  [8, 91],
  [12, 82],
  [15, 77],
  [18, 72],
] as const;
export const childRespiratoryRate = [
  [0, 44],
  [1, 35],
  [2, 31],
  [4, 27],
  [6, 24],
  [8, 22],
  [12, 19],
  [15, 17],
  [18, 16],
] as const;

function heartRate(rng: Rng, ctx: PhysiologyContext): number {
  if (ctx.age < 18)
    return Math.round(interpolate(childHeartRate, ctx.exactAge) * (1 + 0.08 * rng.normal()));
  if (has(ctx, 'atrial-fibrillation')) return Math.round(clamp(rng.normal(88, 14), 55, 140));
  let mean = ctx.sex === 'female' ? 74 : 70;
  if (has(ctx, 'obesity')) mean += 4;
  if (ctx.smoking === 'current') mean += 5;
  if (has(ctx, 'heart-failure')) mean += 6;
  return Math.round(clamp(rng.normal(mean, 9), 45, 125));
}

/** Potassium (mmol/L): reference 3.5–5.0; rises as eGFR falls below 45 (KDIGO 2012). */
function potassium(rng: Rng, ctx: PhysiologyContext): number {
  const stage = severityOf(ctx, 'ckd');
  const shift = stage === '3b' ? 0.2 : stage === '4' ? 0.4 : stage === '5' ? 0.6 : 0;
  return round(clamp(truncatedNormal(rng, 4.2, 0.3, 3.4, 5.1) + shift, 3.2, 6.2), 1);
}

/** ALT (U/L), log-normal around NHANES medians (men ≈24, women ≈18); ×1.35 with obesity (NAFLD). */
function alt(rng: Rng, ctx: PhysiologyContext): number {
  const median = ctx.age < 18 ? 16 : ctx.sex === 'male' ? 24 : 18;
  const factor = has(ctx, 'obesity') ? 1.35 : 1;
  return Math.round(clamp(median * factor * Math.exp(0.35 * rng.normal()), 6, 200));
}

/** Draws the untreated physiology from the 'physiology' stream. */
export function generatePhysiology(
  rng: Rng,
  ctx: PhysiologyContext,
): { riskFactors: RiskFactors; body: BodyProfile } {
  const body = drawBody(rng, ctx);
  const bp = bloodPressure(rng, ctx);
  const renal = kidney(rng, ctx, body.heightCm);
  const riskFactors: RiskFactors = {
    heightCm: body.heightCm,
    weightKg: body.weightKg,
    bmi: body.bmi,
    systolicUntreated: bp.systolic,
    diastolicUntreated: bp.diastolic,
    ...lipids(rng, ctx),
    ...glycaemia(rng, ctx),
    creatinine: renal.creatinine,
    egfr: renal.egfr,
    potassium: potassium(rng, ctx),
    alt: alt(rng, ctx),
    heartRate: heartRate(rng, ctx),
    smoking: ctx.smoking,
    ...questionnaires(rng, ctx),
  };
  if (body.bmiPercentile !== undefined) riskFactors.bmiPercentile = body.bmiPercentile;
  return { riskFactors, body: body.profile };
}
