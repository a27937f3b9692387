// Domain (risk/fhir): the clinical code sets the scores read from FHIR — conditions by SNOMED CT
// (International Edition) and ICD-10 / ICD-10-CM (2024) category prefixes, medicines by ATC (WHO 2025)
// prefixes or ingredient name in the RxNorm/SNOMED display (both from the one drug-class table,
// medications/drug-classes.ts), observations by LOINC (2.78).
import {
  drugClassDefinitions,
  namesOfClass,
  wholeWordPattern,
  type DrugClassKey,
} from '../../medications/drug-classes';

export interface ConditionCodes {
  label: string;
  snomed: readonly string[];
  /** ICD-10 codes match by prefix: `I48` matches `I48.91`. */
  icd10: readonly string[];
}

export interface DrugClass {
  label: string;
  atc: readonly string[];
  /** Ingredient names matched as whole words in the coding display or text. */
  ingredients: RegExp;
}

const c = (label: string, snomed: string[], icd10: string[]): ConditionCodes => ({
  label,
  snomed,
  icd10,
});

export const conditionCodes = {
  diabetes: c('diabetes', ['73211009', '44054006', '46635009'], ['E10', 'E11', 'E13']),
  type1Diabetes: c('type 1 diabetes', ['46635009'], ['E10']),
  type2Diabetes: c('type 2 diabetes', ['44054006'], ['E11']),
  hypertension: c('hypertension', ['38341003', '59621000'], ['I10', 'I11', 'I12', 'I13', 'I15']),
  atrialFibrillation: c('atrial fibrillation', ['49436004'], ['I48']),
  // Heart failure (84114007), congestive (42343007), chronic congestive (88805009, the concept Synthea
  // records), and the phenotype concepts a problem list may carry instead: systolic (417996009),
  // diastolic (418304008), HF with reduced EF (703272007), HF with normal EF (446221000); their
  // ICD-10-CM codes are I50.2- and I50.3-, inside I50. Hypertensive heart (and kidney) disease with
  // heart failure: I11.0, I13.0, I13.2.
  heartFailure: c(
    'heart failure',
    ['84114007', '42343007', '88805009', '417996009', '418304008', '703272007', '446221000'],
    ['I50', 'I11.0', 'I13.0', 'I13.2'],
  ),
  strokeOrTia: c(
    'stroke, TIA or thromboembolism',
    ['230690007', '422504002', '266257000'],
    ['I63', 'I64', 'G45', 'I74', 'Z86.73'],
  ),
  stroke: c('stroke', ['230690007', '422504002'], ['I63', 'I64', 'Z86.73']),
  vascularDisease: c(
    'MI, peripheral artery disease or aortic plaque',
    ['22298006', '399211009', '399957001', '840580004'],
    ['I21', 'I22', 'I25.2', 'I70.0', 'I70.2', 'I73.9'],
  ),
  cardiovascularDisease: c(
    'known CVD (CHD, MI, angina, stroke, TIA, PAD)',
    [
      '53741008',
      '22298006',
      '399211009',
      '194828000',
      '414545008',
      '230690007',
      '422504002',
      '266257000',
      '399957001',
    ],
    ['I20', 'I21', 'I22', 'I23', 'I24', 'I25', 'I63', 'I64', 'G45', 'I70.2', 'I73.9', 'Z86.73'],
  ),
  chronicKidneyDisease3to5: c(
    'CKD stage 3–5',
    ['433144002', '431857002', '433146000', '46177005'],
    ['N18.3', 'N18.4', 'N18.5', 'N18.6'],
  ),
  migraine: c('migraine', ['37796009'], ['G43']),
  rheumatoidArthritis: c('rheumatoid arthritis', ['69896004'], ['M05', 'M06']),
  sle: c('systemic lupus erythematosus', ['55464009'], ['M32']),
  severeMentalIllness: c(
    'schizophrenia, bipolar disorder or moderate/severe depression',
    ['58214004', '13746004'],
    ['F20', 'F25', 'F31', 'F32.1', 'F32.2', 'F32.3', 'F33.1', 'F33.2', 'F33.3'],
  ),
  erectileDysfunction: c('erectile dysfunction', ['860914002', '397803000'], ['N52', 'F52.21']),
  hypercapnicRespiratoryFailure: c(
    'hypercapnic respiratory failure',
    [],
    ['J96.02', 'J96.12', 'J96.22', 'J96.92'],
  ),
  pregnancy: c('pregnancy', ['77386006'], ['Z33.1', 'Z34']),
  cirrhosis: c('cirrhosis', ['19943007'], ['K70.3', 'K74.6']),
  dialysisOrTransplant: c(
    'dialysis, renal transplant or end-stage renal disease',
    ['46177005'],
    ['Z99.2', 'Z94.0', 'N18.6'],
  ),
  majorBleeding: c(
    'major bleeding or predisposition',
    ['131148009', '74474003', '1386000'],
    ['I60', 'I61', 'I62', 'K92.0', 'K92.1', 'K92.2', 'D62'],
  ),
  alcoholMisuse: c('alcohol misuse', ['7200002', '15167005'], ['F10.1', 'F10.2']),
  coronaryEvent: c(
    'angina or heart attack',
    ['22298006', '53741008', '194828000', '414545008'],
    ['I20', 'I21', 'I22', 'I23', 'I24', 'I25'],
  ),
} as const;

/**
 * A risk-input class read from the one drug-class table (medications/drug-classes.ts): its ATC
 * groups and the names of its ingredients, matched as whole words. `label` is what a "no active ..."
 * source line says.
 */
function fromTable(label: string, ...classes: DrugClassKey[]): DrugClass {
  return {
    label,
    atc: classes.flatMap((cls) => drugClassDefinitions[cls].atc),
    ingredients: wholeWordPattern(classes.flatMap(namesOfClass)),
  };
}

// QRISK3 "regular oral corticosteroids" (Hippisley-Cox et al., BMJ 2017;357:j2099): the ingredient
// followed by an oral form in the display ("prednisolone 5 MG Oral Tablet").
const corticosteroids = wholeWordPattern(namesOfClass('systemic_corticosteroid')).source;

export const drugClasses = {
  // ACC/AHA 2017 Tables 18-19 and ATC C02, C03, C07, C08, C09 (QRISK3/Framingham treated hypertension).
  antihypertensive: fromTable('antihypertensive', 'antihypertensive'),
  atypicalAntipsychotic: fromTable('atypical antipsychotic', 'atypical_antipsychotic'),
  oralCorticosteroid: {
    label: 'regular oral corticosteroid',
    atc: drugClassDefinitions.systemic_corticosteroid.atc,
    ingredients: new RegExp(`${corticosteroids}.*\\boral\\b`, 'i'),
  },
  erectileDysfunctionTreatment: fromTable(
    'erectile dysfunction treatment',
    'erectile_dysfunction_treatment',
  ),
  // HAS-BLED "drugs predisposing to bleeding" (Pisters et al., Chest 2010;138:1093): antiplatelets
  // (B01AC) and NSAIDs (M01A, coxibs included).
  antiplateletOrNsaid: fromTable(
    'antiplatelet or NSAID',
    'antiplatelet',
    'nsaid',
    'cox2_inhibitor',
  ),
  vitaminKAntagonist: fromTable('vitamin K antagonist', 'vitamin_k_antagonist'),
} as const satisfies Record<string, DrugClass>;

/** LOINC codes by quantity; the first code is the canonical one. */
export const loinc = {
  systolic: ['8480-6'],
  totalCholesterol: ['2093-3', '14647-2'],
  hdl: ['2085-9', '14646-4'],
  cholesterolHdlRatio: ['9830-1'],
  creatinine: ['2160-0', '14682-9', '38483-4'],
  respiratoryRate: ['9279-1'],
  spo2: ['59408-5', '2708-6'],
  pulse: ['8867-4'],
  temperature: ['8310-5', '8331-1'],
  oxygenFlow: ['3151-8'],
  inspiredOxygen: ['3150-0'],
  bmi: ['39156-5'],
  weight: ['29463-7'],
  height: ['8302-2', '8306-3'],
  waist: ['8280-0', '56086-2'],
  // HL7 Physical Activity IG 1.0.0, Exercise Vital Sign (pa-observation-code-evs): days a week of
  // moderate-to-strenuous activity, minutes on those days, and minutes a week.
  exerciseDaysPerWeek: ['89555-7'],
  exerciseMinutesPerDay: ['68516-4'],
  exerciseMinutesPerWeek: ['82290-8'],
  phq9: ['44261-6'],
  phq9Item9: ['44260-8'],
  gad7: ['70274-6'],
  glasgowComaScale: ['9269-2'],
  consciousness: ['67775-7', '80288-4'],
  smokingStatus: ['72166-2'],
  cigarettesPerDay: ['64218-1'],
  packsPerDay: ['8663-7'],
  inr: ['6301-6', '34714-6'],
} as const;

/** Tobacco smoking status answers (US Core 6.1.0 Smoking Status value set, SNOMED CT). */
export const smokingAnswers = {
  never: ['266919005', '8392000'],
  former: ['8517006'],
  light: ['428061000124105'],
  heavy: ['428071000124103'],
  currentAmountUnknown: ['449868002', '428041000124106', '77176002', '65568007'],
} as const;

/** v3 RoleCode first-degree relatives (parents, siblings, children). */
export const firstDegreeRelatives = new Set([
  'MTH',
  'FTH',
  'NMTH',
  'NFTH',
  'PRN',
  'NPRN',
  'SIS',
  'BRO',
  'SIB',
  'NSIS',
  'NBRO',
  'NSIB',
  'TWINSIS',
  'TWINBRO',
  'TWIN',
  'FTWINSIS',
  'FTWINBRO',
  'ITWINSIS',
  'ITWINBRO',
  'SON',
  'DAU',
  'CHILD',
  'NCHILD',
]);
