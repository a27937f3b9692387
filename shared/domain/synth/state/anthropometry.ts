// Domain (synth/state): body size by age and sex — CDC 2000 growth references for children and the CDC
// anthropometric reference data for adults — expressed through per-patient z-scores so growth is smooth.
import type { Sex } from '../model';
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

/** BMI-for-age 50th and 95th percentiles (kg/m²), ages 2–19, CDC 2000 growth charts (same source). */
const bmi50: Record<Sex, Curve> = {
  male: [
    [2, 16.6],
    [3, 16.0],
    [4, 15.6],
    [5, 15.4],
    [6, 15.4],
    [7, 15.5],
    [8, 15.8],
    [9, 16.2],
    [10, 16.6],
    [11, 17.2],
    [12, 17.8],
    [13, 18.5],
    [14, 19.2],
    [15, 19.8],
    [16, 20.5],
    [17, 21.1],
    [18, 21.7],
    [19, 22.2],
  ],
  female: [
    [2, 16.4],
    [3, 15.8],
    [4, 15.4],
    [5, 15.2],
    [6, 15.3],
    [7, 15.5],
    [8, 15.9],
    [9, 16.3],
    [10, 16.9],
    [11, 17.5],
    [12, 18.0],
    [13, 18.7],
    [14, 19.4],
    [15, 19.9],
    [16, 20.4],
    [17, 20.9],
    [18, 21.3],
    [19, 21.6],
  ],
};
const bmi95: Record<Sex, Curve> = {
  male: [
    [2, 19.3],
    [3, 18.3],
    [4, 17.8],
    [5, 18.0],
    [6, 18.6],
    [7, 19.4],
    [8, 20.4],
    [9, 21.4],
    [10, 22.5],
    [11, 23.5],
    [12, 24.6],
    [13, 25.6],
    [14, 26.5],
    [15, 27.3],
    [16, 28.0],
    [17, 28.7],
    [18, 29.4],
    [19, 30.0],
  ],
  female: [
    [2, 19.1],
    [3, 18.3],
    [4, 18.0],
    [5, 18.3],
    [6, 18.9],
    [7, 19.8],
    [8, 20.7],
    [9, 21.8],
    [10, 22.9],
    [11, 24.1],
    [12, 25.2],
    [13, 26.2],
    [14, 27.2],
    [15, 28.1],
    [16, 28.9],
    [17, 29.6],
    [18, 30.3],
    [19, 31.0],
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

/**
 * Log-normal approximation of CDC BMI-for-age between the 50th and 95th percentiles:
 * ln BMI = ln M + s·z with s = ln(P95/M) / 1.645, so z = 1.645 lands exactly on the 95th percentile
 * (the obesity threshold). Valid for ages 2–19.
 */
function bmiScale(sex: Sex, age: number): { median: number; s: number } {
  const median = interpolate(bmi50[sex], age);
  return { median, s: Math.log(interpolate(bmi95[sex], age) / median) / 1.645 };
}

/** BMI (kg/m²) at a fractional age 2–19 for BMI-for-age z-score `z`. */
export function childBmi(sex: Sex, age: number, z: number): number {
  const { median, s } = bmiScale(sex, age);
  return median * Math.exp(s * z);
}

/** BMI-for-age z-score of a BMI (kg/m²) at a fractional age 2–19 (inverse of childBmi). */
export function childBmiZ(sex: Sex, age: number, bmi: number): number {
  const { median, s } = bmiScale(sex, age);
  return Math.log(bmi / median) / s;
}

/** The 95th BMI-for-age percentile (kg/m²): the paediatric obesity threshold. */
export function bmi95th(sex: Sex, age: number): number {
  return interpolate(bmi95[sex], age);
}

/** BMI-for-age percentile (0–100) from the z-score, one decimal. */
export function bmiPercentile(z: number): number {
  return Math.round(normalCdf(z) * 1000) / 10;
}
