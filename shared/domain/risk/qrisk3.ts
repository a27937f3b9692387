// Domain (risk): QRISK3-2017 10-year cardiovascular disease risk (Hippisley-Cox J, Coupland C, Brindle P.
// BMJ 2017;357:j2099), computed exactly as the published open-source algorithm does (ClinRisk Ltd.,
// QRISK3-2017, LGPL; coefficients and disclaimer in qrisk3-coefficients.ts).
import { ValidationError } from '../errors';
import {
  qrisk3Female,
  qrisk3Male,
  type Qrisk3AgeInteractions,
  type Qrisk3Model,
} from './qrisk3-coefficients';
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
import { deriveBmi } from './bmi';
import { bmiUnits, heightUnits, pressureUnits, weightUnits } from './units';

export const qrisk3Ethnicities = [
  'white',
  'indian',
  'pakistani',
  'bangladeshi',
  'other-asian',
  'black-caribbean',
  'black-african',
  'chinese',
  'other',
] as const;
export const qrisk3Smoking = ['non-smoker', 'ex-smoker', 'light', 'moderate', 'heavy'] as const;

export interface Qrisk3Inputs {
  sex: Sex;
  /** Years, 25–84. */
  age: number;
  ethnicity: (typeof qrisk3Ethnicities)[number];
  /** light < 10, moderate 10–19, heavy ≥ 20 cigarettes a day. */
  smoking: (typeof qrisk3Smoking)[number];
  /** kg/m². */
  bmi: number;
  /** Total cholesterol / HDL cholesterol. */
  cholesterolHdlRatio: number;
  /** mmHg. */
  systolic: number;
  /** Standard deviation of at least two recent systolic readings, mmHg. */
  systolicSd: number;
  /** Townsend deprivation score of the postcode (0 when unknown, as the QRISK3 calculator does). */
  townsend: number;
  atrialFibrillation: boolean;
  atypicalAntipsychotic: boolean;
  corticosteroids: boolean;
  /** Men only. */
  erectileDysfunction: boolean;
  migraine: boolean;
  rheumatoidArthritis: boolean;
  /** CKD stage 3, 4 or 5. */
  chronicKidneyDisease: boolean;
  severeMentalIllness: boolean;
  sle: boolean;
  treatedHypertension: boolean;
  type1Diabetes: boolean;
  type2Diabetes: boolean;
  /** Angina or heart attack in a first-degree relative under 60. */
  familyHistoryCvd: boolean;
}

function interactions(
  c: Qrisk3AgeInteractions,
  x: Qrisk3Inputs,
  bmi1: number,
  bmi2: number,
  sbp: number,
  town: number,
): number {
  const s = qrisk3Smoking.indexOf(x.smoking);
  return (
    (s > 0 ? c.smoking[s - 1]! : 0) +
    c.af * +x.atrialFibrillation +
    c.corticosteroids * +x.corticosteroids +
    c.impotence * +x.erectileDysfunction +
    c.migraine * +x.migraine +
    c.renal * +x.chronicKidneyDisease +
    c.sle * +x.sle +
    c.treatedHypertension * +x.treatedHypertension +
    c.type1 * +x.type1Diabetes +
    c.type2 * +x.type2Diabetes +
    c.bmi1 * bmi1 +
    c.bmi2 * bmi2 +
    c.familyHistory * +x.familyHistoryCvd +
    c.sbp * sbp +
    c.townsend * town
  );
}

/**
 * QRISK3-2017 10-year CVD risk in percent (unrounded), as cvd_female_raw / cvd_male_raw compute it.
 * Diabetes is one three-way variable (none, type 1, type 2; Hippisley-Cox 2017), carried as the two
 * indicators b_type1 and b_type2 of which at most one is set: both true is refused, naming the
 * fields, rather than adding both coefficients.
 */
export function qrisk3Risk(x: Qrisk3Inputs): number {
  if (x.type1Diabetes && x.type2Diabetes)
    throw new ValidationError(
      'type1Diabetes and type2Diabetes are both true: QRISK3 takes one diabetes status (none, type 1 or type 2); set one',
      'type2Diabetes',
    );
  const m: Qrisk3Model = x.sex === 'female' ? qrisk3Female : qrisk3Male;
  const dage = x.age / 10;
  const dbmi = x.bmi / 10;
  const age1 = Math.pow(dage, m.agePowers[0]) - m.centre.age1;
  const age2 = Math.pow(dage, m.agePowers[1]) - m.centre.age2;
  const bmi1 = Math.pow(dbmi, -2) - m.centre.bmi1;
  const bmi2 = Math.pow(dbmi, -2) * Math.log(dbmi) - m.centre.bmi2;
  const ratio = x.cholesterolHdlRatio - m.centre.ratio;
  const sbp = x.systolic - m.centre.sbp;
  const sbpSd = x.systolicSd - m.centre.sbpSd;
  const town = x.townsend - m.centre.townsend;
  const c = m.conditions;
  const a =
    m.ethnicity[qrisk3Ethnicities.indexOf(x.ethnicity)]! +
    m.smoking[qrisk3Smoking.indexOf(x.smoking)]! +
    age1 * m.continuous.age1 +
    age2 * m.continuous.age2 +
    bmi1 * m.continuous.bmi1 +
    bmi2 * m.continuous.bmi2 +
    ratio * m.continuous.ratio +
    sbp * m.continuous.sbp +
    sbpSd * m.continuous.sbpSd +
    town * m.continuous.townsend +
    c.af * +x.atrialFibrillation +
    c.atypicalAntipsychotic * +x.atypicalAntipsychotic +
    c.corticosteroids * +x.corticosteroids +
    c.impotence * +x.erectileDysfunction +
    c.migraine * +x.migraine +
    c.rheumatoidArthritis * +x.rheumatoidArthritis +
    c.renal * +x.chronicKidneyDisease +
    c.severeMentalIllness * +x.severeMentalIllness +
    c.sle * +x.sle +
    c.treatedHypertension * +x.treatedHypertension +
    c.type1 * +x.type1Diabetes +
    c.type2 * +x.type2Diabetes +
    c.familyHistory * +x.familyHistoryCvd +
    age1 * interactions(m.age1, x, bmi1, bmi2, sbp, town) +
    age2 * interactions(m.age2, x, bmi1, bmi2, sbp, town);
  return 100 * (1 - Math.pow(m.survivor10, Math.exp(a)));
}

/** NICE NG238 (2023), 1.6.7: offer a statin for primary prevention when the QRISK3 10-year risk is ≥ 10 %. */
export function qrisk3Category(percent: number): string {
  return percent >= 10 ? 'high' : 'low';
}

const conditionFields = [
  ['atrialFibrillation', 'atrial fibrillation'],
  ['atypicalAntipsychotic', 'on atypical antipsychotic medication'],
  ['corticosteroids', 'on regular oral corticosteroids'],
  ['erectileDysfunction', 'diagnosis of or treatment for erectile dysfunction (men)'],
  ['migraine', 'migraine'],
  ['rheumatoidArthritis', 'rheumatoid arthritis'],
  ['chronicKidneyDisease', 'chronic kidney disease stage 3, 4 or 5'],
  [
    'severeMentalIllness',
    'severe mental illness (schizophrenia, bipolar, moderate/severe depression)',
  ],
  ['sle', 'systemic lupus erythematosus'],
  ['type1Diabetes', 'type 1 diabetes'],
  ['type2Diabetes', 'type 2 diabetes'],
  ['familyHistoryCvd', 'angina or heart attack in a first-degree relative under 60'],
  ['priorCvd', 'known CVD (CHD, stroke or TIA): QRISK3 does not apply'],
] as const;

/**
 * Hippisley-Cox 2017: derived in people aged 25–84 without CVD at baseline (and not on statins);
 * the qrisk.org calculator accepts cholesterol/HDL 1–12, SBP 70–210 mmHg and BMI 20–40 kg/m².
 */
const population: PopulationCheck[] = [
  rangeCheck('age', 25, 84, 'age outside 25–84 years'),
  {
    inputs: ['priorCvd'],
    outside: (v) => v.priorCvd === true,
    reason: 'known cardiovascular disease',
  },
  rangeCheck('cholesterolHdlRatio', 1, 12, 'cholesterol/HDL ratio outside 1–12'),
  rangeCheck('systolic', 70, 210, 'systolic BP outside 70–210 mmHg'),
  rangeCheck('bmi', 20, 40, 'BMI outside 20–40 kg/m2'),
];

function assessQrisk3(v: Values): ReturnType<ScoreDefinition['assess']> {
  const x = {
    ...v,
    erectileDysfunction: v.sex === 'male' && v.erectileDysfunction === true,
  } as unknown as Qrisk3Inputs;
  if (x.age < 18)
    return {
      value: null,
      applicable: false,
      reason: 'outside the validated population: age under 18 years',
    };
  const percent = roundTo(qrisk3Risk(x), 1);
  return withinLimits(percent, qrisk3Category(percent), outsidePopulation(population, v));
}

export const qrisk3Score: ScoreDefinition = {
  name: 'qrisk3',
  title: 'QRISK3-2017: 10-year cardiovascular disease risk',
  unit: '%',
  reference:
    'Hippisley-Cox J et al. BMJ 2017;357:j2099; ClinRisk QRISK3-2017 open-source algorithm (LGPL); category: NICE NG238 (2023) 10 % threshold',
  fields: [
    {
      name: 'age',
      kind: 'number',
      unit: 'a',
      min: 0,
      max: 120,
      description: 'age in years (validated 25–84)',
    },
    { name: 'sex', kind: 'enum', values: ['female', 'male'], description: 'sex' },
    {
      name: 'ethnicity',
      kind: 'enum',
      values: qrisk3Ethnicities,
      description: 'QRISK3 ethnic group',
    },
    {
      name: 'smoking',
      kind: 'enum',
      values: qrisk3Smoking,
      description: 'light < 10, moderate 10–19, heavy ≥ 20 cigarettes/day',
    },
    {
      name: 'bmi',
      kind: 'number',
      unit: 'kg/m2',
      min: 8,
      max: 100,
      convert: bmiUnits,
      description: 'BMI (or give weight and height)',
    },
    {
      name: 'weight',
      kind: 'number',
      unit: 'kg',
      min: 2,
      max: 400,
      optional: true,
      convert: weightUnits,
      description: 'weight, for BMI',
    },
    {
      name: 'height',
      kind: 'number',
      unit: 'cm',
      min: 40,
      max: 250,
      optional: true,
      convert: heightUnits,
      description: 'height, for BMI',
    },
    {
      name: 'cholesterolHdlRatio',
      kind: 'number',
      unit: '{ratio}',
      min: 0.5,
      max: 30,
      description: 'total / HDL cholesterol',
    },
    {
      name: 'systolic',
      kind: 'number',
      unit: 'mm[Hg]',
      min: 50,
      max: 300,
      convert: pressureUnits,
      description: 'systolic BP',
    },
    {
      name: 'systolicSd',
      kind: 'number',
      unit: 'mm[Hg]',
      min: 0,
      max: 100,
      convert: pressureUnits,
      description: 'SD of ≥ 2 recent systolic readings',
    },
    {
      name: 'townsend',
      kind: 'number',
      unit: '{score}',
      min: -10,
      max: 20,
      whenAbsent: {
        value: 0,
        source: 'not given: 0, as the QRISK3 calculator uses without a postcode',
      },
      description: 'Townsend deprivation score (default 0)',
    },
    { name: 'treatedHypertension', kind: 'boolean', description: 'on blood pressure treatment' },
    ...conditionFields.map(([name, description]) => ({
      name,
      description,
      kind: 'boolean' as const,
      absentMeansNo: true,
    })),
  ],
  derive: deriveBmi,
  population,
  assess: assessQrisk3,
};
