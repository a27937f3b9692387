// Domain (risk): paediatric BMI-for-age percentile from the CDC 2000 growth charts by the LMS method
// (Cole TJ. The LMS method for constructing normalized growth standards. Eur J Clin Nutr 1990;44:45;
// CDC, "Percentile data files with LMS values" and its SAS program, which interpolates between ages).
import { femaleBmiLms, lmsAgesMonths, maleBmiLms } from './cdc-bmi-for-age-lms';
import { deriveBmi, weightAndHeightFields } from './bmi';
import {
  outsidePopulation,
  outsideReason,
  roundTo,
  type PopulationCheck,
  type ScoreDefinition,
  type Sex,
  type Values,
  rangeCheck,
} from './score-definition';
import { bmiUnits } from './units';
import { ValidationError } from '../errors';

export interface Lms {
  L: number;
  M: number;
  S: number;
}

/** L, M, S at an age in months (24–240.5), linearly interpolated between the CDC table rows. */
export function bmiLms(sex: Sex, ageMonths: number): Lms {
  const first = lmsAgesMonths[0]!;
  const last = lmsAgesMonths[lmsAgesMonths.length - 1]!;
  if (!(ageMonths >= first && ageMonths <= last))
    throw new ValidationError(`ageMonths must be from ${first} to ${last}`, 'ageMonths');
  const table = sex === 'female' ? femaleBmiLms : maleBmiLms;
  let i = lmsAgesMonths.findIndex((a) => a >= ageMonths);
  if (lmsAgesMonths[i] === ageMonths) return row(table, i);
  i -= 1;
  const [a0, a1] = [lmsAgesMonths[i]!, lmsAgesMonths[i + 1]!];
  const [r0, r1] = [row(table, i), row(table, i + 1)];
  const t = (ageMonths - a0) / (a1 - a0);
  return { L: r0.L + t * (r1.L - r0.L), M: r0.M + t * (r1.M - r0.M), S: r0.S + t * (r1.S - r0.S) };
}

function row(table: readonly number[], i: number): Lms {
  return { L: table[3 * i]!, M: table[3 * i + 1]!, S: table[3 * i + 2]! };
}

/** LMS z-score: ((X/M)^L − 1) / (L·S), or ln(X/M)/S when L = 0 (Cole 1990). */
export function lmsZScore(value: number, { L, M, S }: Lms): number {
  return L === 0 ? Math.log(value / M) / S : (Math.pow(value / M, L) - 1) / (L * S);
}

/** The measurement at z-score `z`: M·(1 + L·S·z)^(1/L) (Cole 1990). */
export function lmsValueAt(z: number, { L, M, S }: Lms): number {
  return L === 0 ? M * Math.exp(S * z) : M * Math.pow(1 + L * S * z, 1 / L);
}

/**
 * Standard normal cumulative distribution Φ(z), by Abramowitz & Stegun, Handbook of Mathematical
 * Functions (1964), 26.2.17: absolute error < 7.5e-8 (< 1e-5 percentile points).
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z);
  const t = 1 / (1 + 0.2316419 * x);
  const poly =
    t *
    (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const upperTail = (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * poly;
  return z >= 0 ? 1 - upperTail : upperTail;
}

/** CDC BMI-for-age percentile (0–100) for BMI in kg/m² at an age in months. */
export function bmiForAgePercentile(
  bmi: number,
  sex: Sex,
  ageMonths: number,
): { percentile: number; z: number } {
  const z = lmsZScore(bmi, bmiLms(sex, ageMonths));
  return { percentile: 100 * normalCdf(z), z };
}

/**
 * CDC weight categories for ages 2–19 (CDC, "Defining Child BMI Categories", 2000 charts):
 * underweight < 5th percentile; healthy weight 5th to < 85th; overweight 85th to < 95th; obesity ≥ 95th.
 */
export function bmiForAgeCategory(percentile: number): string {
  if (percentile < 5) return 'underweight';
  if (percentile < 85) return 'healthy-weight';
  if (percentile < 95) return 'overweight';
  return 'obesity';
}

/** CDC 2000 BMI-for-age charts cover 24–240.5 months; below 2 years CDC recommends WHO weight-for-length. */
const population: PopulationCheck[] = [
  rangeCheck('ageMonths', 24, 240.5, 'age outside 24–240.5 months (2–20 years)'),
];

function assess(v: Values): ReturnType<ScoreDefinition['assess']> {
  const sex = v.sex as Sex;
  const ageMonths = v.ageMonths as number;
  const bmi = v.bmi as number;
  // Outside the charts there is no percentile to give.
  const outside = outsideReason(outsidePopulation(population, v));
  if (outside !== undefined) return { value: null, applicable: false, reason: outside };
  const lms = bmiLms(sex, ageMonths);
  const { percentile, z } = bmiForAgePercentile(bmi, sex, ageMonths);
  const notes = [`z = ${roundTo(z, 2)}`];
  // Above the 97th percentile LMS extrapolation is unreliable; the CDC 2022 extended BMI-for-age charts
  // express severe obesity as percent of the 95th percentile (class 2 ≥ 120 %).
  if (percentile >= 97)
    notes.push(
      `${roundTo((100 * bmi) / lmsValueAt(1.6448536269514722, lms), 1)} % of the 95th percentile`,
    );
  return {
    value: roundTo(percentile, 2),
    category: bmiForAgeCategory(percentile),
    applicable: true,
    reason: notes.join('; '),
  };
}

export const bmiForAgeScore: ScoreDefinition = {
  name: 'bmi-for-age',
  title: 'Paediatric BMI-for-age percentile (CDC 2000, ages 2–20)',
  unit: '%',
  reference:
    'CDC 2000 growth charts, BMI-for-age LMS parameters (bmiagerev), Kuczmarski RJ et al. Vital Health Stat 11(246) 2002',
  fields: [
    {
      name: 'ageMonths',
      kind: 'number',
      unit: 'mo',
      min: 0,
      max: 1500,
      description: 'age in months (charts cover 24–240.5)',
    },
    { name: 'sex', kind: 'enum', values: ['female', 'male'], description: 'sex' },
    {
      name: 'bmi',
      kind: 'number',
      unit: 'kg/m2',
      min: 5,
      max: 100,
      convert: bmiUnits,
      description: 'BMI (or give weight and height)',
    },
    ...weightAndHeightFields,
  ],
  derive: deriveBmi,
  population,
  assess,
};
