// Domain (risk): CHA2DS2-VASc stroke risk in atrial fibrillation (Lip GYH et al. Refining clinical risk
// stratification for predicting stroke and thromboembolism in atrial fibrillation using a novel risk
// factor-based approach: the Euro Heart Survey on AF. Chest 2010;137:263, Table 1).
import {
  atrialFibrillationPopulation,
  outsidePopulation,
  withinLimits,
  type ScoreDefinition,
  type Sex,
  type Values,
} from './score-definition';

export interface Cha2ds2VascInputs {
  /** Years. */
  age: number;
  sex: Sex;
  /** C: congestive heart failure or moderate-to-severe LV systolic dysfunction. */
  heartFailure: boolean;
  /** H: hypertension. */
  hypertension: boolean;
  /** D: diabetes mellitus. */
  diabetes: boolean;
  /** S2: prior stroke, TIA or thromboembolism. */
  strokeOrTia: boolean;
  /** V: prior MI, peripheral artery disease or aortic plaque. */
  vascularDisease: boolean;
}

/** Points 0–9: C 1, H 1, A2 (age ≥ 75) 2, D 1, S2 2, V 1, A (65–74) 1, Sc (female) 1. */
export function cha2ds2VascPoints(x: Cha2ds2VascInputs): number {
  const agePoints = x.age >= 75 ? 2 : x.age >= 65 ? 1 : 0;
  return (
    +x.heartFailure +
    +x.hypertension +
    agePoints +
    +x.diabetes +
    2 * +x.strokeOrTia +
    +x.vascularDisease +
    (x.sex === 'female' ? 1 : 0)
  );
}

/**
 * 2020 ESC Guidelines for AF (Hindricks G et al. Eur Heart J 2021;42:373, section 10.1): low risk
 * 0 (men) / 1 (women) — no anticoagulation; 1 (men) / 2 (women) — consider anticoagulation;
 * ≥ 2 (men) / ≥ 3 (women) — anticoagulation recommended.
 */
export function cha2ds2VascCategory(points: number, sex: Sex): string {
  const nonSex = points - (sex === 'female' ? 1 : 0);
  if (nonSex <= 0) return 'low';
  if (nonSex === 1) return 'moderate';
  return 'high';
}

// Lip 2010 derived the score in non-valvular AF (Euro Heart Survey); outside AF it is not validated.
const population = atrialFibrillationPopulation('the score is validated in non-valvular AF');

function assess(v: Values): ReturnType<ScoreDefinition['assess']> {
  const x = v as unknown as Cha2ds2VascInputs;
  const points = cha2ds2VascPoints(x);
  const category = cha2ds2VascCategory(points, x.sex);
  return withinLimits(points, category, outsidePopulation(population, v));
}

export const cha2ds2VascScore: ScoreDefinition = {
  name: 'cha2ds2-vasc',
  title: 'CHA2DS2-VASc: stroke risk in atrial fibrillation',
  unit: '{score}',
  reference: 'Lip GYH et al. Chest 2010;137:263, Table 1; categories: 2020 ESC AF guideline',
  fields: [
    { name: 'age', kind: 'number', unit: 'a', min: 0, max: 120, description: 'age in years' },
    { name: 'sex', kind: 'enum', values: ['female', 'male'], description: 'sex' },
    {
      name: 'atrialFibrillation',
      kind: 'boolean',
      absentMeansNo: true,
      description: 'non-valvular atrial fibrillation (the population the score applies to)',
    },
    {
      name: 'heartFailure',
      kind: 'boolean',
      absentMeansNo: true,
      description: 'congestive heart failure / LV dysfunction',
    },
    { name: 'hypertension', kind: 'boolean', absentMeansNo: true, description: 'hypertension' },
    { name: 'diabetes', kind: 'boolean', absentMeansNo: true, description: 'diabetes mellitus' },
    {
      name: 'strokeOrTia',
      kind: 'boolean',
      absentMeansNo: true,
      description: 'prior stroke, TIA or thromboembolism',
    },
    {
      name: 'vascularDisease',
      kind: 'boolean',
      absentMeansNo: true,
      description: 'prior MI, peripheral artery disease or aortic plaque',
    },
  ],
  population,
  assess,
};
