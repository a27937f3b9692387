// Domain (risk): the registry of clinical scores by their CLI names (`caregraph risk SCORE`), each with
// its definition (inputs, units, computation) and its reader of FHIR records.
import { bmiScore } from './bmi';
import { bmiForAgeScore } from './bmi-for-age';
import { cha2ds2VascScore } from './cha2ds2-vasc';
import { ckdEpi2021Score } from './ckd-epi-2021';
import { findriscScore } from './findrisc';
import { gad7Score } from './gad7';
import { hasBledScore } from './has-bled';
import { news2Score } from './news2';
import { phq9Score } from './phq9';
import { pooledCohortScore } from './pooled-cohort';
import { qrisk3Score } from './qrisk3';
import { qsofaScore } from './qsofa';
import type { ScoreDefinition } from './score-definition';
import {
  cha2ds2VascInputs,
  ckdEpiInputs,
  hasBledInputs,
  pooledCohortInputs,
  qrisk3Inputs,
} from './fhir/cardiovascular-inputs';
import {
  bmiForAgeInputs,
  bmiInputs,
  findriscInputs,
  gad7Inputs,
  news2Inputs,
  phq9Inputs,
  qsofaInputs,
} from './fhir/bedside-inputs';
import type { PatientRecord } from './fhir/patient-record';
import type { Provided } from './fhir/provide';

export interface RegisteredScore {
  definition: ScoreDefinition;
  /** Read the score's inputs from a patient's FHIR record, with provenance. */
  fromFhir(record: PatientRecord): Provided;
}

export const riskScores = {
  'ascvd-pce': { definition: pooledCohortScore, fromFhir: pooledCohortInputs },
  qrisk3: { definition: qrisk3Score, fromFhir: qrisk3Inputs },
  'cha2ds2-vasc': { definition: cha2ds2VascScore, fromFhir: cha2ds2VascInputs },
  'has-bled': { definition: hasBledScore, fromFhir: hasBledInputs },
  news2: { definition: news2Score, fromFhir: news2Inputs },
  qsofa: { definition: qsofaScore, fromFhir: qsofaInputs },
  'egfr-ckd-epi-2021': { definition: ckdEpi2021Score, fromFhir: ckdEpiInputs },
  findrisc: { definition: findriscScore, fromFhir: findriscInputs },
  phq9: { definition: phq9Score, fromFhir: phq9Inputs },
  gad7: { definition: gad7Score, fromFhir: gad7Inputs },
  bmi: { definition: bmiScore, fromFhir: bmiInputs },
  'bmi-for-age': { definition: bmiForAgeScore, fromFhir: bmiForAgeInputs },
} as const satisfies Record<string, RegisteredScore>;

export type RiskScoreName = keyof typeof riskScores;
export const riskScoreNames = Object.keys(riskScores) as RiskScoreName[];

export function isRiskScoreName(name: string): name is RiskScoreName {
  return Object.hasOwn(riskScores, name);
}
