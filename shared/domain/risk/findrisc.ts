// Domain (risk): FINDRISC, the Finnish Diabetes Risk Score for 10-year risk of type 2 diabetes
// (Lindström J, Tuomilehto J. The Diabetes Risk Score: a practical tool to predict type 2 diabetes
// risk. Diabetes Care 2003;26:725, Table 2 (full score) and the FINDRISC form's risk bands).
import type { ScoreDefinition, Sex, Values } from './score-definition';
import { bmiUnits } from './units';

export const familyHistoryOfDiabetes = ['none', 'second-degree', 'first-degree'] as const;

export interface FindriscInputs {
  /** Years. */
  age: number;
  sex: Sex;
  /** kg/m². */
  bmi: number;
  /** Waist circumference at the navel, cm. */
  waist: number;
  /** At least 30 minutes of physical activity daily. */
  physicallyActive: boolean;
  /** Vegetables, fruit or berries every day. */
  dailyFruitVegetables: boolean;
  antihypertensiveMedication: boolean;
  /** Ever found to have high blood glucose (health check, illness, pregnancy). */
  highGlucoseHistory: boolean;
  /** second-degree: grandparent, aunt, uncle, first cousin; first-degree: parent, sibling, child. */
  familyHistory: (typeof familyHistoryOfDiabetes)[number];
}

export function findriscPoints(x: FindriscInputs): number {
  const age = x.age < 45 ? 0 : x.age < 55 ? 2 : x.age < 65 ? 3 : 4;
  const bmi = x.bmi < 25 ? 0 : x.bmi <= 30 ? 1 : 3;
  const [lower, upper] = x.sex === 'male' ? [94, 102] : [80, 88];
  const waist = x.waist < lower ? 0 : x.waist <= upper ? 3 : 4;
  const family = { none: 0, 'second-degree': 3, 'first-degree': 5 }[x.familyHistory];
  return (
    age +
    bmi +
    waist +
    (x.physicallyActive ? 0 : 2) +
    (x.dailyFruitVegetables ? 0 : 1) +
    (x.antihypertensiveMedication ? 2 : 0) +
    (x.highGlucoseHistory ? 5 : 0) +
    family
  );
}

/**
 * FINDRISC form bands (Lindström & Tuomilehto 2003; estimated 10-year risk): < 7 low (1 in 100),
 * 7–11 slightly elevated (1 in 25), 12–14 moderate (1 in 6), 15–20 high (1 in 3), > 20 very high (1 in 2).
 */
export function findriscCategory(points: number): string {
  if (points < 7) return 'low';
  if (points <= 11) return 'slightly-elevated';
  if (points <= 14) return 'moderate';
  if (points <= 20) return 'high';
  return 'very-high';
}

export const findriscScore: ScoreDefinition = {
  name: 'findrisc',
  title: 'FINDRISC: 10-year risk of type 2 diabetes',
  unit: '{score}',
  reference: 'Lindström J, Tuomilehto J. Diabetes Care 2003;26:725 (FINDRISC form)',
  fields: [
    { name: 'age', kind: 'number', unit: 'a', min: 0, max: 120, description: 'age in years' },
    {
      name: 'sex',
      kind: 'enum',
      values: ['female', 'male'],
      description: 'sex (waist bands differ)',
    },
    {
      name: 'bmi',
      kind: 'number',
      unit: 'kg/m2',
      min: 8,
      max: 100,
      convert: bmiUnits,
      description: 'BMI',
    },
    {
      name: 'waist',
      kind: 'number',
      unit: 'cm',
      min: 30,
      max: 250,
      description: 'waist circumference',
    },
    { name: 'physicallyActive', kind: 'boolean', description: '≥ 30 min physical activity daily' },
    {
      name: 'dailyFruitVegetables',
      kind: 'boolean',
      description: 'vegetables, fruit or berries every day',
    },
    {
      name: 'antihypertensiveMedication',
      kind: 'boolean',
      description: 'ever on antihypertensive medication regularly',
    },
    {
      name: 'highGlucoseHistory',
      kind: 'boolean',
      description: 'ever found to have high blood glucose',
    },
    {
      name: 'familyHistory',
      kind: 'enum',
      values: familyHistoryOfDiabetes,
      description: 'family history of diabetes',
    },
  ],
  assess(v: Values) {
    const points = findriscPoints(v as unknown as FindriscInputs);
    // Derived and validated in Finnish adults aged 35–64 (Lindström 2003).
    const outside = (v.age as number) < 35 || (v.age as number) > 64;
    return {
      value: points,
      category: findriscCategory(points),
      applicable: !outside,
      ...(outside ? { reason: 'outside the validated population: age outside 35–64 years' } : {}),
    };
  },
};
