// Domain (recommend): the condition code sets the guidelines and safety rules ask about. The feature
// spec's `conditionFlags` (features/spec.ts) and the risk scores' `conditionCodes`
// (risk/fhir/clinical-codes.ts) are reused; the few sets neither defines are added below (ICD-10-CM
// FY2025 category prefixes; SNOMED CT International Edition 2025-01 concepts, the concept itself).
import { conditionFlags } from '../features/spec';
import { conditionCodes, type ConditionCodes } from '../risk/fhir/clinical-codes';

const fromFlag = (key: string): ConditionCodes => {
  const flag = conditionFlags.find((f) => f.key === key);
  if (!flag) throw new Error(`features/spec.ts has no condition flag "${key}"`);
  return { label: key.replace(/_/g, ' '), snomed: flag.snomed, icd10: flag.icd10 };
};

export const recommenderConditions = {
  hypertension: fromFlag('hypertension'),
  type2Diabetes: fromFlag('type2_diabetes'),
  type1Diabetes: conditionCodes.type1Diabetes,
  coronaryDisease: fromFlag('coronary_disease'),
  stroke: fromFlag('stroke'),
  atrialFibrillation: fromFlag('atrial_fibrillation'),
  // The risk module's set: its phenotype concepts, chronic congestive heart failure (as Synthea
  // records it), hypertensive heart and kidney disease with heart failure.
  heartFailure: conditionCodes.heartFailure,
  // The phenotype a coded diagnosis names, read when no LVEF is recorded. ICD-10-CM FY2025: I50.2-
  // Systolic (congestive) heart failure, inclusion term "Heart failure with reduced ejection fraction
  // [HFrEF]"; I50.3- Diastolic (congestive) heart failure, inclusion terms "Heart failure with
  // preserved ejection fraction [HFpEF]" and "with normal ejection fraction". SNOMED CT: 703272007
  // |Heart failure with reduced ejection fraction|, 417996009 |Systolic heart failure|; 446221000
  // |Heart failure with normal ejection fraction|, 418304008 |Diastolic heart failure|. I50.4-
  // (combined systolic and diastolic) names neither and is in neither set.
  heartFailureReducedEf: {
    label: 'heart failure with reduced ejection fraction',
    snomed: ['703272007', '417996009'],
    icd10: ['I50.2'],
  },
  heartFailurePreservedEf: {
    label: 'heart failure with preserved ejection fraction',
    snomed: ['446221000', '418304008'],
    icd10: ['I50.3'],
  },
  ckd: fromFlag('ckd'),
  depression: fromFlag('depression'),
  anxiety: fromFlag('anxiety'),
  asthma: fromFlag('asthma'),
  breastCancer: fromFlag('breast_cancer'),
  lungCancer: fromFlag('lung_cancer'),
  colorectalCancer: fromFlag('colorectal_cancer'),
  clinicalAscvd: conditionCodes.cardiovascularDisease,
  pregnancy: {
    ...conditionCodes.pregnancy,
    // O09: supervision of high-risk pregnancy (ICD-10-CM FY2025).
    icd10: [...conditionCodes.pregnancy.icd10, 'O09'],
  },
  liverDisease: {
    label: 'cirrhosis or hepatic failure',
    snomed: [...conditionCodes.cirrhosis.snomed, '59927004'],
    icd10: [...conditionCodes.cirrhosis.icd10, 'K72'],
  },
  acuteCoronarySyndrome: {
    label: 'acute coronary syndrome or myocardial infarction',
    snomed: ['394659003', '22298006', '401303003', '401314000'],
    icd10: ['I21', 'I22', 'I24'],
  },
  otitisMedia: { label: 'otitis media', snomed: ['65363002', '3110003'], icd10: ['H65', 'H66'] },
  melanoma: { label: 'melanoma', snomed: ['372244006'], icd10: ['C43'] },
  mitralStenosisOrMechanicalValve: {
    label: 'moderate-severe mitral stenosis or mechanical heart valve',
    snomed: ['79619009'],
    icd10: ['I05.0', 'I05.2', 'Z95.2'],
  },
  intracranialHaemorrhage: {
    label: 'intracranial haemorrhage',
    snomed: ['1386000'],
    icd10: ['I60', 'I61', 'I62'],
  },
  pepticUlcerOrGiBleed: {
    label: 'peptic ulcer or gastrointestinal bleeding',
    snomed: ['13200003', '74474003'],
    icd10: ['K25', 'K26', 'K27', 'K28', 'K92.0', 'K92.1', 'K92.2'],
  },
} as const satisfies Record<string, ConditionCodes>;

export type RecommenderCondition = keyof typeof recommenderConditions;

/** Conditions that count when ever recorded (history), not only while active. */
export const historyConditions: readonly RecommenderCondition[] = [
  'clinicalAscvd',
  'stroke',
  'intracranialHaemorrhage',
  'pepticUlcerOrGiBleed',
  'acuteCoronarySyndrome',
];

/** LOINC 2.78 codes of the measurements the recommender reads. */
export const recommenderLoinc = {
  systolic: ['8480-6'],
  diastolic: ['8462-4'],
  ldl: ['18262-6', '13457-7', '2089-1'],
  hba1c: ['4548-4', '17856-6'],
  hba1cIfcc: ['59261-8'],
  egfr: ['98979-8', '33914-3', '62238-1', '48642-3', '48643-1'],
  weight: ['29463-7', '3141-9'],
  // Body height, and body length lying (infants).
  height: ['8302-2', '8306-3'],
  potassium: ['2823-3', '6298-4'],
  alt: ['1742-6', '1744-2'],
  albuminCreatinineRatio: ['9318-7', '14959-1', '32294-1'],
  phq9Item9: ['44260-8'],
  pregnancyStatus: ['82810-3'],
  // Left ventricular ejection fraction, % (component "Ejection fraction", Heart.ventricle.left, Qn):
  // 10230-1 method-less (what FHIR exports and Synthea write); the echo reports' method-specific
  // codes 18043-0 "by US", 77891-0 "by US.2D+Calculated by Teichholz method", 77889-4 "by
  // US.M-mode+Calculated by cube method" and 104255-5 "by US.3D.A3C+Estimated" (LOINC names, as
  // loinc.org and its mirrors list them). Not the "- lower limit" and "- upper limit" terms of a
  // reported range (e.g. 104258-9): a bound is not the value.
  lvef: ['10230-1', '18043-0', '77891-0', '77889-4', '104255-5'],
} as const;
