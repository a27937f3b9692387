// Domain (synth/state): body size by age and sex — CDC 2000 growth references for children and the CDC
// anthropometric reference data for adults — expressed through per-patient z-scores so growth is smooth.
import type { Sex } from '../model';
import { bmiLms, lmsValueAt, lmsZScore, type Lms } from '../../risk/bmi-for-age';
import { interpolate, normalCdf } from './math';

type Curve = readonly (readonly [number, number])[];

/** Median stature/length (cm) by age (years), CDC 2000 growth charts (Kuczmarski RJ et al. Vital Health Stat 11(246), 2002). */
const medianHeight: Record<Sex, Curve> = {
  male: [
    [0, 50],
    [0.5, 67.5],
    [1, 76],
    [1.5, 82.5],
    [2, 87],
    [3, 95.5],
    [4, 102.5],
    [5, 109],
    [6, 115.5],
    [7, 122],
    [8, 128],
    [9, 133.5],
    [10, 138.5],
    [11, 143.5],
    [12, 149],
    [13, 156],
    [14, 163.5],
    [15, 169.5],
    [16, 173],
    [17, 175],
    [18, 176],
    [20, 176.4],
  ],
  female: [
    [0, 49.2],
    [0.5, 65.8],
    [1, 74.3],
    [1.5, 80.7],
    [2, 85.5],
    [3, 94],
    [4, 101.5],
    [5, 108],
    [6, 115],
    [7, 121],
    [8, 127],
    [9, 132.5],
    [10, 138.5],
    [11, 144.5],
    [12, 151],
    [13, 156.5],
    [14, 159.5],
    [15, 161.5],
    [16, 162.5],
    [17, 163],
    [18, 163],
    [20, 162.7],
  ],
};

/** Median weight (kg) for infants under 2, CDC 2000 weight-for-age (same source). */
const medianInfantWeight: Record<Sex, Curve> = {
  male: [
    [0, 3.5],
    [0.5, 7.9],
    [1, 10.2],
    [1.5, 11.5],
    [2, 12.5],
  ],
  female: [
    [0, 3.4],
    [0.5, 7.3],
    [1, 9.5],
    [1.5, 10.9],
    [2, 12.0],
  ],
};

/**
 * Adult mean height (cm) by age, NHANES 2015–2018: CDC Anthropometric Reference Data (Fryar CD et al.
 * Vital Health Stat 3(46), 2021): men 20–39 176.4, 40–59 175.8, 60–79 173.8, 80+ 170.7; women 162.7,
 * 162.0, 159.6, 155.9. SD ≈ 7.5 cm (men) and 7.0 cm (women).
 */
const adultHeight: Record<Sex, Curve> = {
  male: [
    [20, 176.4],
    [50, 175.8],
    [70, 173.8],
    [85, 170.7],
  ],
  female: [
    [20, 162.7],
    [50, 162.0],
    [70, 159.6],
    [85, 155.9],
  ],
};
export const adultHeightSd: Record<Sex, number> = { male: 7.5, female: 7.0 };

/** Children's height varies ≈4% around the median (CDC 2000 stature-for-age SD ≈6 cm at 10 years). */
const childHeightCv = 0.04;
/** Infant weight-for-age varies ≈12% around the median (CDC 2000). */
const infantWeightCv = 0.12;

/** Height (cm) at a fractional age for a child with stature z-score `z`. */
export function childHeightCm(sex: Sex, age: number, z: number): number {
  return interpolate(medianHeight[sex], age) * (1 + childHeightCv * z);
}

/** Mean adult height (cm) at `age` years, interpolated between the NHANES 2015–2018 age groups. */
export function adultMeanHeightCm(sex: Sex, age: number): number {
  return interpolate(adultHeight[sex], age);
}

/** Weight (kg) at a fractional age under 2 years for weight-for-age z-score `z`. */
export function infantWeightKg(sex: Sex, age: number, z: number): number {
  return interpolate(medianInfantWeight[sex], age) * Math.exp(infantWeightCv * z);
}

/** Φ⁻¹(0.95): the z-score of the 95th percentile, the paediatric obesity threshold. */
const p95z = 1.6448536269514722;

/** CDC 2000 BMI-for-age L, M, S at a fractional age in years (the table spans 24-240.5 months). */
function lmsAt(sex: Sex, age: number): Lms {
  return bmiLms(sex, Math.min(240.5, Math.max(24, age * 12)));
}

/** d ln BMI / dz of the LMS curve at the 95th percentile: S / (1 + L·S·z). */
function slopeAtP95({ L, S }: Lms): number {
  return S / (1 + L * S * p95z);
}

/**
 * BMI (kg/m²) at a fractional age 2-19 for BMI-for-age z-score `z`: the CDC 2000 LMS curve (Cole 1990,
 * the same table the product reads, `risk/cdc-bmi-for-age-lms.ts`) up to the 95th percentile, and
 * above it a log-linear continuation with the curve's slope there. The LMS curve itself is not used
 * above: with L < 0 it bends up towards an asymptote (about z = 6) and is undefined beyond, while
 * severe obesity is graded by % of the 95th percentile (AAP 2023), which the continuation keeps
 * smooth across ages. Until 1.12.0 a log-normal fitted to the 50th and 95th percentiles was used on
 * both sides: its lower tail was far too wide (z = -2 gave a BMI the CDC curve puts at z = -4), so
 * 12% of children were underweight by the CDC percentile instead of about 4%.
 */
export function childBmi(sex: Sex, age: number, z: number): number {
  const lms = lmsAt(sex, age);
  if (z <= p95z) return lmsValueAt(z, lms);
  return lmsValueAt(p95z, lms) * Math.exp(slopeAtP95(lms) * (z - p95z));
}

/** BMI-for-age z-score of a BMI (kg/m²) at a fractional age 2-19 (inverse of childBmi). */
export function childBmiZ(sex: Sex, age: number, bmi: number): number {
  const lms = lmsAt(sex, age);
  const p95 = lmsValueAt(p95z, lms);
  return bmi <= p95 ? lmsZScore(bmi, lms) : p95z + Math.log(bmi / p95) / slopeAtP95(lms);
}

/** The 95th BMI-for-age percentile (kg/m²): the paediatric obesity threshold. */
export function bmi95th(sex: Sex, age: number): number {
  return lmsValueAt(p95z, lmsAt(sex, age));
}

/**
 * The CDC BMI-for-age percentile (0-100, one decimal) of a BMI, as the charts give it: the LMS
 * z-score at every BMI (what a record's BMI percentile Observation says and the product computes).
 */
export function childBmiPercentile(sex: Sex, age: number, bmi: number): number {
  return bmiPercentile(lmsZScore(bmi, lmsAt(sex, age)));
}

/** BMI-for-age percentile (0–100) from the z-score, one decimal. */
export function bmiPercentile(z: number): number {
  return Math.round(normalCdf(z) * 1000) / 10;
}
