// Domain (risk): the 2013 ACC/AHA Pooled Cohort Equations for 10-year hard ASCVD risk (first
// nonfatal MI, CHD death, fatal or nonfatal stroke). The one implementation in the product: the
// synthetic generator's outcome model (synth/state/pooled-cohort.ts) re-exports it.
import {
  outsidePopulation,
  roundTo,
  withinLimits,
  type PopulationCheck,
  type ScoreDefinition,
  type Sex,
  type Values,
  rangeCheck,
} from './score-definition';
import { cholesterolUnits, pressureUnits } from './units';

interface PceCoefficients {
  lnAge: number;
  lnAgeSquared: number;
  lnTotalCholesterol: number;
  lnAgeXlnTotalCholesterol: number;
  lnHdl: number;
  lnAgeXlnHdl: number;
  lnTreatedSbp: number;
  lnAgeXlnTreatedSbp: number;
  lnUntreatedSbp: number;
  lnAgeXlnUntreatedSbp: number;
  smoker: number;
  lnAgeXsmoker: number;
  diabetes: number;
  baselineSurvival: number;
  meanSum: number;
}

const zero = {
  lnAgeSquared: 0,
  lnAgeXlnTotalCholesterol: 0,
  lnAgeXlnHdl: 0,
  lnAgeXlnTreatedSbp: 0,
  lnAgeXlnUntreatedSbp: 0,
  lnAgeXsmoker: 0,
};

/** Goff DC Jr et al. 2013 ACC/AHA Guideline on the Assessment of Cardiovascular Risk, Circulation 2014;129:S49, Table A. */
const coefficients: Record<
  'whiteFemale' | 'blackFemale' | 'whiteMale' | 'blackMale',
  PceCoefficients
> = {
  whiteFemale: {
    ...zero,
    lnAge: -29.799,
    lnAgeSquared: 4.884,
    lnTotalCholesterol: 13.54,
    lnAgeXlnTotalCholesterol: -3.114,
    lnHdl: -13.578,
    lnAgeXlnHdl: 3.149,
    lnTreatedSbp: 2.019,
    lnUntreatedSbp: 1.957,
    smoker: 7.574,
    lnAgeXsmoker: -1.665,
    diabetes: 0.661,
    baselineSurvival: 0.9665,
    meanSum: -29.18,
  },
  blackFemale: {
    ...zero,
    lnAge: 17.114,
    lnTotalCholesterol: 0.94,
    lnHdl: -18.92,
    lnAgeXlnHdl: 4.475,
    lnTreatedSbp: 29.291,
    lnAgeXlnTreatedSbp: -6.432,
    lnUntreatedSbp: 27.82,
    lnAgeXlnUntreatedSbp: -6.087,
    smoker: 0.691,
    diabetes: 0.874,
    baselineSurvival: 0.9533,
    meanSum: 86.61,
  },
  whiteMale: {
    ...zero,
    lnAge: 12.344,
    lnTotalCholesterol: 11.853,
    lnAgeXlnTotalCholesterol: -2.664,
    lnHdl: -7.99,
    lnAgeXlnHdl: 1.769,
    lnTreatedSbp: 1.797,
    lnUntreatedSbp: 1.764,
    smoker: 7.837,
    lnAgeXsmoker: -1.795,
    diabetes: 0.658,
    baselineSurvival: 0.9144,
    meanSum: 61.18,
  },
  blackMale: {
    ...zero,
    lnAge: 2.469,
    lnTotalCholesterol: 0.302,
    lnHdl: -0.307,
    lnTreatedSbp: 1.916,
    lnUntreatedSbp: 1.809,
    smoker: 0.549,
    diabetes: 0.645,
    baselineSurvival: 0.8954,
    meanSum: 19.54,
  },
};

export interface PceInputs {
  /** Years, 40–79. */
  age: number;
  sex: Sex;
  /** PCE have African American and white (also used for other races) equations. */
  africanAmerican: boolean;
  /** mg/dL. */
  totalCholesterol: number;
  hdl: number;
  /** mmHg, as measured (treated or not). */
  systolic: number;
  treatedForHypertension: boolean;
  smoker: boolean;
  diabetes: boolean;
}

/** The PCE linear predictor minus the group mean, and the group's 10-year baseline survival. */
export function pceTerms(x: PceInputs): { centredSum: number; baselineSurvival: number } {
  const c =
    coefficients[
      `${x.africanAmerican ? 'black' : 'white'}${x.sex === 'female' ? 'Female' : 'Male'}`
    ];
  const lnAge = Math.log(x.age);
  const lnTc = Math.log(x.totalCholesterol);
  const lnHdl = Math.log(x.hdl);
  const lnSbp = Math.log(x.systolic);
  const smoker = x.smoker ? 1 : 0;
  const sbpTerm = x.treatedForHypertension
    ? c.lnTreatedSbp * lnSbp + c.lnAgeXlnTreatedSbp * lnAge * lnSbp
    : c.lnUntreatedSbp * lnSbp + c.lnAgeXlnUntreatedSbp * lnAge * lnSbp;
  const sum =
    c.lnAge * lnAge +
    c.lnAgeSquared * lnAge * lnAge +
    c.lnTotalCholesterol * lnTc +
    c.lnAgeXlnTotalCholesterol * lnAge * lnTc +
    c.lnHdl * lnHdl +
    c.lnAgeXlnHdl * lnAge * lnHdl +
    sbpTerm +
    c.smoker * smoker +
    c.lnAgeXsmoker * lnAge * smoker +
    c.diabetes * (x.diabetes ? 1 : 0);
  return { centredSum: sum - c.meanSum, baselineSurvival: c.baselineSurvival };
}

/** 10-year hard ASCVD risk as a fraction 0–1: 1 − S0^exp(Σβx − mean). */
export function pooledCohortRisk(x: PceInputs): number {
  const { centredSum, baselineSurvival } = pceTerms(x);
  return 1 - Math.pow(baselineSurvival, Math.exp(centredSum));
}

/**
 * 10-year ASCVD risk categories, % (2018 AHA/ACC Guideline on the Management of Blood Cholesterol,
 * Grundy SM et al. Circulation 2019;139:e1082, section 4.4): low < 5, borderline 5 to < 7.5,
 * intermediate 7.5 to < 20, high ≥ 20.
 */
export function ascvdRiskCategory(percent: number): string {
  if (percent < 5) return 'low';
  if (percent < 7.5) return 'borderline';
  if (percent < 20) return 'intermediate';
  return 'high';
}

/**
 * Goff 2013 (Table 5 and the online estimator): ages 40–79, TC 130–320 mg/dL, HDL 20–100 mg/dL,
 * SBP 90–200 mmHg, people without clinical ASCVD; the white equations are used for other races.
 */
const population: PopulationCheck[] = [
  rangeCheck('age', 40, 79, 'age outside 40–79 years'),
  rangeCheck('totalCholesterol', 130, 320, 'total cholesterol outside 130–320 mg/dL'),
  rangeCheck('hdl', 20, 100, 'HDL outside 20–100 mg/dL'),
  rangeCheck('systolic', 90, 200, 'systolic BP outside 90–200 mmHg'),
  {
    inputs: ['priorAscvd'],
    outside: (v) => v.priorAscvd === true,
    reason: 'known clinical ASCVD (secondary prevention: the PCE do not apply)',
  },
];

function assessPooledCohort(v: Values): ReturnType<ScoreDefinition['assess']> {
  const x: PceInputs = {
    age: v.age as number,
    sex: v.sex as Sex,
    africanAmerican: v.race === 'african-american',
    totalCholesterol: v.totalCholesterol as number,
    hdl: v.hdl as number,
    systolic: v.systolic as number,
    treatedForHypertension: v.treatedForHypertension as boolean,
    smoker: v.smoker as boolean,
    diabetes: v.diabetes as boolean,
  };
  if (x.age < 20)
    return {
      value: null,
      applicable: false,
      reason: 'outside the validated population: age under 20 years',
    };
  // Value as the ACC/AHA ASCVD Risk Estimator displays it: percent to one decimal.
  const percent = roundTo(100 * pooledCohortRisk(x), 1);
  const assessment = withinLimits(
    percent,
    ascvdRiskCategory(percent),
    outsidePopulation(population, v),
  );
  if (v.race === 'other' && assessment.applicable)
    return {
      ...assessment,
      reason:
        'white equations used for a race other than white or African American (may misestimate)',
    };
  return assessment;
}

export const pooledCohortScore: ScoreDefinition = {
  name: 'ascvd-pce',
  title: 'ACC/AHA Pooled Cohort Equations: 10-year hard ASCVD risk',
  unit: '%',
  reference:
    'Goff DC Jr et al. 2013 ACC/AHA Guideline on the Assessment of Cardiovascular Risk, Circulation 2014;129:S49, Table A; categories: 2018 AHA/ACC cholesterol guideline',
  fields: [
    {
      name: 'age',
      kind: 'number',
      unit: 'a',
      min: 0,
      max: 120,
      description: 'age in years (validated 40–79)',
    },
    { name: 'sex', kind: 'enum', values: ['female', 'male'], description: 'sex' },
    {
      name: 'race',
      kind: 'enum',
      values: ['white', 'african-american', 'other'],
      description: 'race (other uses the white equations)',
    },
    {
      name: 'totalCholesterol',
      kind: 'number',
      unit: 'mg/dL',
      min: 50,
      max: 1000,
      convert: cholesterolUnits,
      description: 'total cholesterol',
    },
    {
      name: 'hdl',
      kind: 'number',
      unit: 'mg/dL',
      min: 5,
      max: 250,
      convert: cholesterolUnits,
      description: 'HDL cholesterol',
    },
    {
      name: 'systolic',
      kind: 'number',
      unit: 'mm[Hg]',
      min: 50,
      max: 300,
      convert: pressureUnits,
      description: 'systolic blood pressure',
    },
    {
      name: 'treatedForHypertension',
      kind: 'boolean',
      description: 'on antihypertensive medication',
    },
    { name: 'smoker', kind: 'boolean', description: 'current smoker' },
    { name: 'diabetes', kind: 'boolean', absentMeansNo: true, description: 'diabetes' },
    {
      name: 'priorAscvd',
      kind: 'boolean',
      absentMeansNo: true,
      description: 'known clinical ASCVD (MI, stroke, PAD...): the PCE do not apply',
    },
  ],
  population,
  assess: assessPooledCohort,
};
