// Domain (synth/notes/lexicon): procedures, body structures and the non-catalog diagnoses notes weigh in a
// differential, with SNOMED CT codes (International Edition; each checked against published FHIR value
// sets, IHE/DICOM anatomic region tables and Synthea output).
import { conditions, type ConditionKey } from '../../catalog';

export interface Term {
  code: string;
  display: string;
  terms: readonly string[];
  short: readonly string[];
}

const t = (code: string, display: string, terms: string[], short: string[] = []): Term => ({
  code,
  display,
  terms,
  short,
});

// prettier-ignore
export const procedures = {
  ecg: t('29303009', 'Electrocardiographic procedure', ['electrocardiogram', '12-lead electrocardiogram'], ['ECG', 'EKG']),
  echo: t('40701008', 'Echocardiography', ['echocardiogram', 'transthoracic echocardiogram'], ['TTE', 'echo']),
  chestXray: t('399208008', 'Plain chest X-ray', ['chest x-ray', 'chest radiograph'], ['CXR']),
  colonoscopy: t('73761001', 'Colonoscopy', ['colonoscopy']),
  mammogram: t('71651007', 'Mammography', ['mammogram', 'screening mammogram'], ['mammo']),
  spirometry: t('127783003', 'Spirometry', ['spirometry', 'pulmonary function testing'], ['PFTs']),
  appendectomy: t('80146002', 'Appendectomy', ['appendectomy', 'laparoscopic appendectomy'], ['appy']),
  cholecystectomy: t('38102005', 'Cholecystectomy', ['cholecystectomy', 'laparoscopic cholecystectomy'], ['lap chole']),
  tonsillectomy: t('173422009', 'Tonsillectomy', ['tonsillectomy']),
  cabg: t('232717009', 'Coronary artery bypass graft', ['coronary artery bypass grafting', 'bypass surgery'], ['CABG']),
  pci: t('415070008', 'Percutaneous coronary intervention', ['percutaneous coronary intervention', 'coronary stent placement'], ['PCI']),
  lumpectomy: t('392021009', 'Lumpectomy of breast', ['lumpectomy', 'partial mastectomy']),
  // A segmental colectomy, the curative operation for non-metastatic colon cancer (patientFacts).
  partialColectomy: t('43075005', 'Partial resection of colon', ['partial colectomy', 'hemicolectomy', 'partial resection of colon']),
  // The studies that rule out a stroke or a pulmonary embolism (`ruleOutStudy`). SNOMED CT US Edition
  // concepts (the International Edition has no contrast-specific ones), display names as in the
  // Belgian eHealth diagnostic imaging value set (be-vs-diagnostic-imaging-procedure); the CTPA's
  // full identifier as in a published SNOMED ECL of radiology procedures (16332841000119106).
  ctHead: t('383371000119108', 'Computed tomography of head without contrast', ['CT head without contrast', 'noncontrast head CT', 'head CT without contrast'], ['NCHCT', 'CT head']),
  ctpa: t('16332841000119106', 'Computed tomography angiography of pulmonary artery with contrast', ['CT pulmonary angiogram', 'CT angiogram of the chest'], ['CTPA', 'CTA chest']),
} as const satisfies Record<string, Term>;

export type ProcedureKey = keyof typeof procedures;

// prettier-ignore
export const anatomy = {
  chest: t('51185008', 'Thoracic structure', ['chest', 'thorax']),
  lungs: t('39607008', 'Lung structure', ['lungs', 'lung fields']),
  heart: t('80891009', 'Heart structure', ['heart']),
  abdomen: t('113345001', 'Abdominal structure', ['abdomen'], ['abd']),
  legs: t('61685007', 'Lower limb structure', ['lower extremities', 'legs', 'bilateral lower extremities'], ['BLE']),
  skin: t('39937001', 'Skin structure', ['skin']),
  breast: t('76752008', 'Breast structure', ['breast']),
  colon: t('71854001', 'Colon structure', ['colon']),
  eardrum: t('42859004', 'Tympanic membrane structure', ['tympanic membrane', 'eardrum'], ['TM']),
  brain: t('12738006', 'Brain structure', ['brain']),
} as const satisfies Record<string, Term>;

export type AnatomyKey = keyof typeof anatomy;

/** Diagnoses outside the condition catalog that notes consider and rule in or out. */
// prettier-ignore
export const differentials = {
  pneumonia: t('233604007', 'Pneumonia', ['pneumonia', 'community-acquired pneumonia'], ['PNA', 'CAP']),
  pulmonaryEmbolism: t('59282003', 'Pulmonary embolism', ['pulmonary embolism', 'pulmonary embolus'], ['PE']),
  acuteCoronarySyndrome: t('394659003', 'Acute coronary syndrome', ['acute coronary syndrome'], ['ACS']),
  urinaryInfection: t('68566005', 'Urinary tract infection', ['urinary tract infection'], ['UTI']),
  appendicitis: t('74400008', 'Appendicitis', ['appendicitis', 'acute appendicitis']),
  gastroenteritis: t('25374005', 'Gastroenteritis', ['gastroenteritis', 'viral gastroenteritis']),
  migraine: t('37796009', 'Migraine', ['migraine', 'migraine headache']),
} as const satisfies Record<string, Term>;

export type DifferentialKey = keyof typeof differentials;

/** What a clinician weighs for each presentation: catalog conditions (used only when the patient never had them) and others. */
export const differentialsFor: Readonly<
  Partial<Record<ConditionKey, readonly (DifferentialKey | ConditionKey)[]>>
> = {
  'heart-failure': ['pneumonia', 'acuteCoronarySyndrome', 'myocardial-infarction'],
  'myocardial-infarction': ['pulmonaryEmbolism', 'pneumonia'],
  'coronary-disease': ['acuteCoronarySyndrome', 'pulmonaryEmbolism'],
  'atrial-fibrillation': ['pulmonaryEmbolism', 'myocardial-infarction'],
  stroke: ['atrial-fibrillation'],
  asthma: ['pneumonia', 'heart-failure'],
  copd: ['pneumonia', 'heart-failure', 'pulmonaryEmbolism'],
  'lung-cancer': ['pneumonia'],
  'deep-vein-thrombosis': ['pulmonaryEmbolism'],
  'otitis-media': ['pneumonia', 'urinaryInfection'],
  'type1-diabetes': ['urinaryInfection'],
  depression: ['anxiety'],
  anxiety: ['depression', 'atrial-fibrillation'],
};

/** Procedures done or reviewed during an encounter for this reason. */
export const workupFor: Readonly<Partial<Record<ConditionKey, readonly ProcedureKey[]>>> = {
  'heart-failure': ['echo', 'chestXray', 'ecg'],
  'myocardial-infarction': ['ecg', 'echo', 'pci'],
  'coronary-disease': ['ecg', 'echo'],
  'atrial-fibrillation': ['ecg', 'echo'],
  stroke: ['echo', 'ecg'],
  asthma: ['spirometry', 'chestXray'],
  copd: ['spirometry', 'chestXray'],
  'lung-cancer': ['chestXray'],
  'breast-cancer': ['mammogram'],
  'colorectal-cancer': ['colonoscopy'],
};

/**
 * The study whose negative result a note shows when it rules out an emergency it weighed (until
 * 1.5.0 ED notes wrote "stroke ruled out" and "PE was ruled out" with no study at all):
 * - stroke or TIA: non-contrast CT of the head, the first study of a suspected stroke (AHA/ASA
 *   Guidelines for the Early Management of Patients With Acute Ischemic Stroke, 2019 update,
 *   Powers et al., Stroke 2019, section 2.2: non-contrast CT to exclude hemorrhage; ACR
 *   Appropriateness Criteria Cerebrovascular Diseases, 2023 revision);
 * - pulmonary embolism: CT pulmonary angiography (2019 ESC Guidelines for acute pulmonary embolism,
 *   Konstantinides et al., Eur Heart J 2020, section 4: a normal CTPA excludes PE in patients with
 *   low or intermediate clinical probability). Since 1.6.x the D-dimer comes first (ESC 2019 section
 *   4.3, age-adjusted cut-off: state/d-dimer.ts, a LOINC-coded lab, not a procedure): under its
 *   cut-off it excludes the PE with no CTPA, at or above it the CTPA rules it out
 *   (sections/results.ts).
 * MI and ACS are left to the troponin the state will carry.
 */
export const ruleOutStudy: Readonly<Partial<Record<DifferentialKey | ConditionKey, ProcedureKey>>> =
  {
    stroke: 'ctHead',
    pulmonaryEmbolism: 'ctpa',
  };

/** Surgical history a condition leaves behind (with the share of patients who had it). */
export const surgeryAfter: Readonly<
  Partial<Record<ConditionKey, readonly (readonly [ProcedureKey, number])[]>>
> = {
  'coronary-disease': [
    ['pci', 0.45],
    ['cabg', 0.15],
  ],
  'myocardial-infarction': [['pci', 0.7]],
  'breast-cancer': [['lumpectomy', 0.75]],
  'colorectal-cancer': [['colonoscopy', 0.95]],
};

/** Common unrelated operations and their approximate lifetime prevalence in US adults. */
export const incidentalSurgery: readonly (readonly [ProcedureKey, number])[] = [
  ['appendectomy', 0.07],
  ['cholecystectomy', 0.08],
  ['tonsillectomy', 0.1],
];

/** The specialty that follows what a note is about: its reason, suspected reason or complaint. */
export function specialtyOf(truth: {
  reason?: ConditionKey;
  suspected?: ConditionKey;
  presentation?: { specialty: string };
  conditions: readonly { condition: { key: ConditionKey } }[];
}): string {
  const key = truth.reason ?? truth.suspected;
  if (!key && truth.presentation) return truth.presentation.specialty;
  return specialtyFor(key ?? truth.conditions[0]?.condition.key);
}

/** Primary care and pediatrics are the patient's PCP, not a consultant. */
export function followedByPcp(specialty: string): boolean {
  return specialty === 'primary care' || specialty === 'pediatrics';
}

/** The specialty that follows a condition (for consults and follow-up). */
export function specialtyFor(key: ConditionKey | undefined): string {
  if (!key) return 'primary care';
  if (key === 'stroke') return 'neurology';
  if (/diabetes/.test(key) || key === 'obesity') return 'endocrinology';
  const byCategory: Record<string, string> = {
    cardiometabolic: 'cardiology',
    'mental-health': 'psychiatry',
    respiratory: 'pulmonology',
    oncology: 'oncology',
    paediatric: 'pediatrics',
    renal: 'nephrology',
    other: 'hematology',
  };
  return byCategory[conditions[key].category] ?? 'primary care';
}
