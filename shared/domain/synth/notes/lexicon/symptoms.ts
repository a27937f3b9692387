// Domain (synth/notes/lexicon): symptoms and signs the notes mention, with SNOMED CT finding codes, and
// which symptoms each encounter reason produces. Codes: SNOMED CT International Edition; each was checked
// against published FHIR value sets (e.g. HL7 COVID-19 signs and symptoms value set) and Synthea output.
import type { ConditionKey } from '../../catalog';

export interface SymptomDefinition {
  code: string;
  display: string;
  /** Ways notes write it (first is preferred). */
  terms: readonly string[];
  /** Abbreviated forms, used at the abbreviation rate. */
  short: readonly string[];
}

const s = (
  code: string,
  display: string,
  terms: string[],
  short: string[] = [],
): SymptomDefinition => ({ code, display, terms, short });

// One symptom per line reads as a table.
// prettier-ignore
export const symptoms = {
  chestPain: s('29857009', 'Chest pain', ['chest pain', 'chest discomfort', 'chest pressure', 'substernal chest pain', 'chest tightness'], ['CP']),
  dyspnea: s('267036007', 'Dyspnea', ['shortness of breath', 'dyspnea', 'breathlessness', 'dyspnea on exertion', 'difficulty breathing'], ['SOB', 'DOE']),
  orthopnea: s('62744007', 'Orthopnea', ['orthopnea', 'trouble breathing when lying flat', 'two-pillow orthopnea']),
  edema: s('267038008', 'Edema', ['leg swelling', 'ankle swelling', 'lower extremity edema', 'edema', 'pedal edema'], ['LE edema']),
  diaphoresis: s('415690000', 'Sweating', ['diaphoresis', 'sweating', 'sweats']),
  nausea: s('422587007', 'Nausea', ['nausea', 'feeling nauseated', 'queasiness']),
  vomiting: s('422400008', 'Vomiting', ['vomiting', 'emesis']),
  fever: s('386661006', 'Fever', ['fever', 'fevers', 'febrile episodes']),
  chills: s('43724002', 'Chill', ['chills', 'shaking chills']),
  cough: s('49727002', 'Cough', ['cough', 'coughing', 'nagging cough']),
  productiveCough: s('28743005', 'Productive cough', ['productive cough', 'cough with sputum', 'sputum production']),
  wheezing: s('56018004', 'Wheezing', ['wheezing', 'wheeze', 'wheezes']),
  palpitations: s('80313002', 'Palpitations', ['palpitations', 'heart racing', 'fluttering in the chest']),
  dizziness: s('404640003', 'Dizziness', ['dizziness', 'lightheadedness', 'feeling dizzy']),
  syncope: s('271594007', 'Syncope', ['syncope', 'fainting', 'passing out', 'loss of consciousness'], ['LOC']),
  headache: s('25064002', 'Headache', ['headache', 'headaches'], ['HA']),
  fatigue: s('84229001', 'Fatigue', ['fatigue', 'tiredness', 'low energy', 'feeling tired all the time']),
  weakness: s('13791008', 'Asthenia', ['weakness', 'generalized weakness', 'asthenia']),
  polyuria: s('28442001', 'Polyuria', ['polyuria', 'frequent urination', 'urinating more often']),
  polydipsia: s('17173007', 'Excessive thirst', ['polydipsia', 'excessive thirst', 'increased thirst']),
  weightLoss: s('89362005', 'Weight loss', ['weight loss', 'unintentional weight loss', 'losing weight'], ['wt loss']),
  lowMood: s('366979004', 'Depressed mood', ['low mood', 'depressed mood', 'feeling down', 'sadness']),
  anhedonia: s('28669007', 'Anhedonia', ['anhedonia', 'loss of interest in usual activities', 'no longer enjoying hobbies']),
  insomnia: s('193462001', 'Insomnia', ['insomnia', 'difficulty sleeping', 'trouble sleeping', 'poor sleep']),
  poorConcentration: s('26329005', 'Poor concentration', ['poor concentration', 'difficulty concentrating', 'trouble focusing']),
  appetiteLoss: s('79890006', 'Loss of appetite', ['loss of appetite', 'decreased appetite', 'poor appetite']),
  earPain: s('16001004', 'Otalgia', ['ear pain', 'otalgia', 'pulling at the ear']),
  congestion: s('68235000', 'Nasal congestion', ['nasal congestion', 'congestion', 'stuffy nose']),
  itching: s('418290006', 'Itching', ['itching', 'pruritus', 'itchy skin']),
  rash: s('271807003', 'Eruption of skin', ['rash', 'skin rash', 'red rash']),
  hemoptysis: s('66857006', 'Hemoptysis', ['hemoptysis', 'coughing up blood', 'blood-streaked sputum']),
  abdominalPain: s('21522001', 'Abdominal pain', ['abdominal pain', 'belly pain', 'stomach pain'], ['abd pain']),
  bloodInStool: s('405729008', 'Hematochezia', ['blood in stool', 'hematochezia', 'rectal bleeding'], ['BRBPR']),
  diarrhea: s('62315008', 'Diarrhea', ['diarrhea', 'loose stools']),
  myalgia: s('68962001', 'Muscle pain', ['myalgias', 'muscle aches', 'muscle pain']),
  breastLump: s('89164003', 'Breast lump', ['breast lump', 'breast mass', 'lump in the breast']),
  dysarthria: s('8011004', 'Dysarthria', ['slurred speech', 'dysarthria', 'difficulty speaking']),
  aphasia: s('87486003', 'Aphasia', ['aphasia', 'word-finding difficulty', 'trouble finding words']),
  legPain: s('10601006', 'Pain in lower limb', ['leg pain', 'calf pain', 'pain in the leg']),
  soreThroat: s('162397003', 'Pain in throat', ['sore throat', 'throat pain']),
  jointPain: s('57676002', 'Joint pain', ['joint pain', 'arthralgias', 'achy joints']),
  backPain: s('161891005', 'Backache', ['back pain', 'backache']),
} as const satisfies Record<string, SymptomDefinition>;

export type SymptomKey = keyof typeof symptoms;

/** Symptoms an encounter for this condition brings (the first is the usual chief complaint). */
export const reasonSymptoms: Readonly<Partial<Record<ConditionKey, readonly SymptomKey[]>>> = {
  'heart-failure': ['dyspnea', 'orthopnea', 'edema', 'fatigue', 'cough'],
  'myocardial-infarction': ['chestPain', 'diaphoresis', 'nausea', 'dyspnea'],
  'coronary-disease': ['chestPain', 'dyspnea', 'fatigue'],
  'atrial-fibrillation': ['palpitations', 'dizziness', 'fatigue', 'dyspnea'],
  stroke: ['weakness', 'dysarthria', 'aphasia', 'dizziness', 'headache'],
  hypertension: ['headache', 'dizziness'],
  'type2-diabetes': ['polyuria', 'polydipsia', 'fatigue'],
  'type1-diabetes': ['polyuria', 'polydipsia', 'weightLoss', 'fatigue'],
  prediabetes: ['fatigue'],
  ckd: ['fatigue', 'edema', 'appetiteLoss'],
  obesity: ['fatigue', 'jointPain'],
  depression: ['lowMood', 'anhedonia', 'insomnia', 'fatigue', 'poorConcentration', 'appetiteLoss'],
  anxiety: ['insomnia', 'palpitations', 'poorConcentration', 'fatigue'],
  asthma: ['wheezing', 'cough', 'dyspnea'],
  copd: ['dyspnea', 'productiveCough', 'wheezing'],
  'breast-cancer': ['breastLump', 'fatigue', 'weightLoss'],
  'lung-cancer': ['cough', 'hemoptysis', 'weightLoss', 'dyspnea', 'fatigue'],
  'colorectal-cancer': ['bloodInStool', 'abdominalPain', 'weightLoss', 'fatigue'],
  'deep-vein-thrombosis': ['legPain', 'edema'],
  'otitis-media': ['earPain', 'fever', 'congestion', 'cough'],
  adhd: ['poorConcentration'],
  'atopic-dermatitis': ['itching', 'rash'],
};

/**
 * A cancer's visit after its diagnosis (notes/cancer.ts; until 1.5.0 every cancer visit drew the
 * diagnostic profile above, so a 2007 breast cancer came back in 2025 with a "breast lump x 4 days"):
 * metastatic disease brings its systemic and site symptoms but not the primary's finding (a breast lump,
 * rectal bleeding); the first year of treatment fatigue (cancer-related fatigue, NCCN Cancer-Related
 * Fatigue v2.2024); a surveillance visit none. Generator choice beyond those.
 */
export const cancerVisitSymptoms: Readonly<
  Partial<Record<ConditionKey, Record<'metastatic' | 'treatment', readonly SymptomKey[]>>>
> = {
  'breast-cancer': { metastatic: ['fatigue', 'weightLoss', 'backPain'], treatment: ['fatigue'] },
  'lung-cancer': {
    metastatic: ['cough', 'dyspnea', 'fatigue', 'weightLoss'],
    treatment: ['fatigue', 'cough'],
  },
  'colorectal-cancer': {
    metastatic: ['fatigue', 'abdominalPain', 'weightLoss'],
    treatment: ['fatigue'],
  },
};

/** Negatives a clinician documents for this presentation (pertinent negatives), before general ROS. */
export const pertinentNegatives: Readonly<Partial<Record<ConditionKey, readonly SymptomKey[]>>> = {
  'heart-failure': ['chestPain', 'fever', 'palpitations', 'syncope'],
  'myocardial-infarction': ['fever', 'cough', 'abdominalPain', 'syncope'],
  'coronary-disease': ['syncope', 'palpitations', 'edema'],
  'atrial-fibrillation': ['chestPain', 'syncope', 'fever'],
  stroke: ['chestPain', 'fever', 'syncope', 'headache'],
  asthma: ['fever', 'chestPain', 'hemoptysis'],
  copd: ['fever', 'chestPain', 'hemoptysis', 'edema'],
  'otitis-media': ['vomiting', 'rash', 'diarrhea'],
  'deep-vein-thrombosis': ['chestPain', 'dyspnea', 'hemoptysis'],
  depression: ['weightLoss', 'headache'],
  'type2-diabetes': ['weightLoss', 'abdominalPain'],
};

/** A general review of systems, in the order notes usually run through it. */
// prettier-ignore
export const reviewOfSystems: readonly SymptomKey[] = [
  'fever', 'chills', 'weightLoss', 'headache', 'dizziness', 'chestPain', 'palpitations', 'dyspnea',
  'cough', 'wheezing', 'abdominalPain', 'nausea', 'vomiting', 'diarrhea', 'bloodInStool', 'edema',
  'rash', 'jointPain', 'soreThroat', 'syncope',
];

/** The review of systems for young children (no dizziness or chest pain in a toddler's note). */
// prettier-ignore
export const childReviewOfSystems: readonly SymptomKey[] = [
  'fever', 'vomiting', 'diarrhea', 'rash', 'cough', 'congestion', 'earPain', 'abdominalPain', 'soreThroat', 'wheezing',
];

/** Symptoms so close that asserting one while denying the other would contradict the note. */
const related: readonly (readonly SymptomKey[])[] = [
  ['cough', 'productiveCough', 'hemoptysis'],
  ['nausea', 'vomiting'],
  ['dyspnea', 'orthopnea', 'wheezing'],
  ['edema', 'legPain'],
  ['dysarthria', 'aphasia'],
  ['fever', 'chills'],
  ['lowMood', 'anhedonia'],
  ['itching', 'rash'],
  ['weakness', 'fatigue'],
];

/** `key` and the symptoms related to it. */
export function withRelated(key: SymptomKey): readonly SymptomKey[] {
  const group = related.find((g) => g.includes(key));
  return group ?? [key];
}
