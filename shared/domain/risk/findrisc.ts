// Domain (risk): FINDRISC, the Finnish Diabetes Risk Score for 10-year risk of type 2 diabetes
// (Lindström J, Tuomilehto J. The Diabetes Risk Score: a practical tool to predict type 2 diabetes
// risk. Diabetes Care 2003;26:725, Table 2 (full score) and the FINDRISC form's risk bands).
import {
  missingInputsReason,
  outsidePopulation,
  outsideReason,
  withinLimits,
  type Assessment,
  type PopulationCheck,
  type ScoreDefinition,
  type Sex,
  type Values,
  rangeCheck,
} from './score-definition';
import { bmiUnits, heightUnits } from './units';

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

/** Each FINDRISC item's points (Lindström & Tuomilehto 2003, Table 2) and the most it can give. */
const items: {
  [K in Exclude<keyof FindriscInputs, 'sex'>]: {
    max: number;
    points(value: FindriscInputs[K], sex: Sex): number;
  };
} = {
  age: { max: 4, points: (age) => (age < 45 ? 0 : age < 55 ? 2 : age < 65 ? 3 : 4) },
  bmi: { max: 3, points: (bmi) => (bmi < 25 ? 0 : bmi <= 30 ? 1 : 3) },
  waist: {
    max: 4,
    points: (waist, sex) => {
      const [lower, upper] = sex === 'male' ? [94, 102] : [80, 88];
      return waist < lower ? 0 : waist <= upper ? 3 : 4;
    },
  },
  physicallyActive: { max: 2, points: (active) => (active ? 0 : 2) },
  dailyFruitVegetables: { max: 1, points: (daily) => (daily ? 0 : 1) },
  antihypertensiveMedication: { max: 2, points: (taking) => (taking ? 2 : 0) },
  highGlucoseHistory: { max: 5, points: (high) => (high ? 5 : 0) },
  familyHistory: {
    max: 5,
    points: (family) => ({ none: 0, 'second-degree': 3, 'first-degree': 5 })[family],
  },
};

type Item = keyof typeof items;
const itemNames = Object.keys(items) as Item[];

function itemPoints(x: Partial<FindriscInputs>, item: Item): number | undefined {
  const value = x[item];
  if (value === undefined || x.sex === undefined) return undefined;
  return (items[item].points as (v: typeof value, sex: Sex) => number)(value, x.sex);
}

export function findriscPoints(x: FindriscInputs): number {
  return itemNames.reduce((sum, item) => sum + itemPoints(x, item)!, 0);
}

/**
 * The points of the items present and the most the missing ones could add: the score lies between
 * `lower` and `upper`. Hospitals rarely record the lifestyle items (activity, diet), so this is what
 * a record usually allows.
 */
export function findriscBounds(
  x: Partial<FindriscInputs>,
  missing: readonly string[],
): { lower: number; upper: number } {
  let lower = 0;
  let upper = 0;
  for (const item of itemNames) {
    const points = missing.includes(item) ? undefined : itemPoints(x, item);
    lower += points ?? 0;
    upper += points ?? items[item].max;
  }
  return { lower, upper };
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

/** Derived and validated in Finnish adults aged 35–64 (Lindström 2003). */
const population: PopulationCheck[] = [rangeCheck('age', 35, 64, 'age outside 35–64 years')];

/**
 * Items missing: the points of those present are a lower bound, and the band is given only when the
 * missing items could not move the score out of it. Age and sex decide the population and the waist
 * bands, so without them there is no score (an age outside the population is still said).
 */
function assessPartial(v: Values, missing: string[]): Assessment {
  const outside = outsidePopulation(population, v);
  if (missing.includes('age') || missing.includes('sex'))
    return { value: null, applicable: false, reason: missingInputsReason(missing, outside) };
  const { lower, upper } = findriscBounds(v as Partial<FindriscInputs>, missing);
  const certain = findriscCategory(lower) === findriscCategory(upper);
  return {
    value: lower,
    ...(certain ? { category: findriscCategory(lower) } : {}),
    applicable: false,
    reason: [
      outsideReason(outside),
      `incomplete (missing ${missing.join(', ')}): points are a lower bound, at most ${upper} with them`,
    ]
      .filter(Boolean)
      .join('; '),
  };
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
      convert: heightUnits,
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
  population,
  assess(v: Values) {
    const points = findriscPoints(v as unknown as FindriscInputs);
    return withinLimits(points, findriscCategory(points), outsidePopulation(population, v));
  },
  assessPartial,
};
