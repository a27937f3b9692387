// Domain (risk): adult body mass index and its WHO categories (WHO. Obesity: preventing and managing the
// global epidemic. Technical Report Series 894, 2000, Table 2.1).
import {
  outsidePopulation,
  roundTo,
  withinLimits,
  type NumberField,
  type PopulationCheck,
  type ScoreDefinition,
  type Values,
} from './score-definition';
import { bmiUnits, heightUnits, weightUnits } from './units';

/** BMI, kg/m², from weight in kg and height in cm. */
export function bodyMassIndex(weightKg: number, heightCm: number): number {
  return weightKg / (heightCm / 100) ** 2;
}

/**
 * WHO TRS 894 Table 2.1: < 18.5 underweight; 18.5–24.9 normal; 25.0–29.9 pre-obese (overweight);
 * 30.0–34.9 obese class I; 35.0–39.9 obese class II; ≥ 40.0 obese class III. Applied to BMI to 0.1.
 */
export function whoBmiCategory(bmi: number): string {
  if (bmi < 18.5) return 'underweight';
  if (bmi < 25) return 'normal';
  if (bmi < 30) return 'overweight';
  if (bmi < 35) return 'obese-class-1';
  if (bmi < 40) return 'obese-class-2';
  return 'obese-class-3';
}

/** BMI from weight and height when not given directly. */
/** Optional weight (kg) and height (cm) inputs from which BMI is derived when it is not given. */
export const weightAndHeightFields: NumberField[] = [
  {
    name: 'weight',
    kind: 'number',
    unit: 'kg',
    min: 2,
    max: 400,
    optional: true,
    convert: weightUnits,
    description: 'weight',
  },
  {
    name: 'height',
    kind: 'number',
    unit: 'cm',
    min: 40,
    max: 250,
    optional: true,
    convert: heightUnits,
    description: 'height',
  },
];

export function deriveBmi(v: Values): Record<string, { value: number; source: string }> {
  if (typeof v.weight === 'number' && typeof v.height === 'number')
    return { bmi: { value: bodyMassIndex(v.weight, v.height), source: 'weight / height²' } };
  return {};
}

/** WHO adult cut-offs apply from 18 years; children and adolescents need BMI-for-age (bmi-for-age). */
const population: PopulationCheck[] = [
  {
    inputs: ['age'],
    outside: (v) => (v.age as number) < 18,
    reason: 'age under 18 years (use bmi-for-age)',
  },
];

export const bmiScore: ScoreDefinition = {
  name: 'bmi',
  title: 'Adult body mass index (WHO categories)',
  unit: 'kg/m2',
  reference: 'WHO Technical Report Series 894 (2000), Table 2.1',
  fields: [
    {
      name: 'bmi',
      kind: 'number',
      unit: 'kg/m2',
      min: 8,
      max: 100,
      convert: bmiUnits,
      description: 'BMI (or give weight and height)',
    },
    ...weightAndHeightFields,
    {
      name: 'age',
      kind: 'number',
      unit: 'a',
      min: 0,
      max: 120,
      optional: true,
      description: 'age in years (adult categories from 18)',
    },
  ],
  derive: deriveBmi,
  population,
  assess(v: Values) {
    const bmi = roundTo(v.bmi as number, 1);
    return withinLimits(bmi, whoBmiCategory(bmi), outsidePopulation(population, v));
  },
};
