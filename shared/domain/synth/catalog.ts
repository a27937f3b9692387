// Domain (synth): the conditions and measurements the generator knows, with their codes.
// SNOMED CT codes: SNOMED CT International Edition (as used by Synthea R4 output and US Core);
// ICD-10-CM codes: ICD-10-CM FY2025 tabular list. Each code was checked against those sources.

export interface ConditionDefinition {
  snomed: { code: string; display: string };
  icd10: { code: string; display: string };
  /** Ways clinicians write it in notes (first is the preferred term); abbreviations included. */
  synonyms: string[];
  /** Chronic conditions stay active; others resolve. */
  chronic: boolean;
  category:
    | 'cardiometabolic'
    | 'mental-health'
    | 'respiratory'
    | 'oncology'
    | 'paediatric'
    | 'renal'
    | 'other';
}

export const conditions = {
  hypertension: {
    snomed: { code: '38341003', display: 'Hypertensive disorder, systemic arterial' },
    icd10: { code: 'I10', display: 'Essential (primary) hypertension' },
    synonyms: ['hypertension', 'HTN', 'high blood pressure', 'essential hypertension'],
    chronic: true,
    category: 'cardiometabolic',
  },
  'type2-diabetes': {
    snomed: { code: '44054006', display: 'Diabetes mellitus type 2' },
    icd10: { code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
    synonyms: [
      'type 2 diabetes',
      'T2DM',
      'DM2',
      'type 2 diabetes mellitus',
      'non-insulin-dependent diabetes',
    ],
    chronic: true,
    category: 'cardiometabolic',
  },
  prediabetes: {
    snomed: { code: '15777000', display: 'Prediabetes' },
    icd10: { code: 'R73.03', display: 'Prediabetes' },
    synonyms: ['prediabetes', 'impaired fasting glucose', 'borderline diabetes'],
    chronic: true,
    category: 'cardiometabolic',
  },
  hyperlipidaemia: {
    snomed: { code: '55822004', display: 'Hyperlipidemia' },
    icd10: { code: 'E78.5', display: 'Hyperlipidemia, unspecified' },
    synonyms: ['hyperlipidemia', 'HLD', 'high cholesterol', 'dyslipidemia'],
    chronic: true,
    category: 'cardiometabolic',
  },
  'coronary-disease': {
    snomed: { code: '53741008', display: 'Coronary arteriosclerosis' },
    icd10: {
      code: 'I25.10',
      display: 'Atherosclerotic heart disease of native coronary artery without angina pectoris',
    },
    synonyms: [
      'coronary artery disease',
      'CAD',
      'ischemic heart disease',
      'coronary heart disease',
    ],
    chronic: true,
    category: 'cardiometabolic',
  },
  'myocardial-infarction': {
    snomed: { code: '22298006', display: 'Myocardial infarction' },
    icd10: { code: 'I21.9', display: 'Acute myocardial infarction, unspecified' },
    synonyms: ['myocardial infarction', 'MI', 'heart attack', 'NSTEMI'],
    chronic: false,
    category: 'cardiometabolic',
  },
  stroke: {
    snomed: { code: '230690007', display: 'Cerebrovascular accident' },
    icd10: { code: 'I63.9', display: 'Cerebral infarction, unspecified' },
    synonyms: ['stroke', 'CVA', 'cerebrovascular accident', 'ischemic stroke'],
    chronic: false,
    category: 'cardiometabolic',
  },
  'atrial-fibrillation': {
    snomed: { code: '49436004', display: 'Atrial fibrillation' },
    icd10: { code: 'I48.91', display: 'Unspecified atrial fibrillation' },
    synonyms: ['atrial fibrillation', 'AFib', 'AF', 'a-fib'],
    chronic: true,
    category: 'cardiometabolic',
  },
  'heart-failure': {
    snomed: { code: '84114007', display: 'Heart failure' },
    icd10: { code: 'I50.9', display: 'Heart failure, unspecified' },
    synonyms: ['heart failure', 'CHF', 'congestive heart failure', 'HF'],
    chronic: true,
    category: 'cardiometabolic',
  },
  ckd: {
    snomed: { code: '709044004', display: 'Chronic kidney disease' },
    icd10: { code: 'N18.9', display: 'Chronic kidney disease, unspecified' },
    synonyms: ['chronic kidney disease', 'CKD', 'chronic renal insufficiency'],
    chronic: true,
    category: 'renal',
  },
  obesity: {
    snomed: { code: '414916001', display: 'Obesity' },
    icd10: { code: 'E66.9', display: 'Obesity, unspecified' },
    synonyms: ['obesity', 'obese'],
    chronic: true,
    category: 'cardiometabolic',
  },
  depression: {
    snomed: { code: '370143000', display: 'Major depressive disorder' },
    icd10: { code: 'F32.9', display: 'Major depressive disorder, single episode, unspecified' },
    synonyms: ['depression', 'major depressive disorder', 'MDD', 'depressive disorder'],
    chronic: true,
    category: 'mental-health',
  },
  anxiety: {
    snomed: { code: '21897009', display: 'Generalized anxiety disorder' },
    icd10: { code: 'F41.1', display: 'Generalized anxiety disorder' },
    synonyms: ['generalized anxiety disorder', 'GAD', 'anxiety'],
    chronic: true,
    category: 'mental-health',
  },
  asthma: {
    snomed: { code: '195967001', display: 'Asthma' },
    icd10: { code: 'J45.909', display: 'Unspecified asthma, uncomplicated' },
    synonyms: ['asthma', 'reactive airway disease', 'bronchial asthma'],
    chronic: true,
    category: 'respiratory',
  },
  copd: {
    snomed: { code: '13645005', display: 'Chronic obstructive lung disease' },
    icd10: { code: 'J44.9', display: 'Chronic obstructive pulmonary disease, unspecified' },
    synonyms: ['COPD', 'chronic obstructive pulmonary disease', 'emphysema'],
    chronic: true,
    category: 'respiratory',
  },
  'breast-cancer': {
    snomed: { code: '254837009', display: 'Malignant neoplasm of breast' },
    icd10: {
      code: 'C50.919',
      display: 'Malignant neoplasm of unspecified site of unspecified female breast',
    },
    synonyms: ['breast cancer', 'breast carcinoma', 'carcinoma of the breast'],
    chronic: true,
    category: 'oncology',
  },
  'lung-cancer': {
    snomed: { code: '254637007', display: 'Non-small cell lung cancer' },
    icd10: {
      code: 'C34.90',
      display: 'Malignant neoplasm of unspecified part of unspecified bronchus or lung',
    },
    synonyms: ['non-small cell lung cancer', 'NSCLC', 'lung adenocarcinoma', 'lung cancer'],
    chronic: true,
    category: 'oncology',
  },
  'colorectal-cancer': {
    snomed: { code: '363406005', display: 'Malignant neoplasm of colon' },
    icd10: { code: 'C18.9', display: 'Malignant neoplasm of colon, unspecified' },
    synonyms: ['colorectal cancer', 'colon cancer', 'colon adenocarcinoma', 'CRC'],
    chronic: true,
    category: 'oncology',
  },
  'deep-vein-thrombosis': {
    snomed: { code: '128053003', display: 'Deep venous thrombosis' },
    icd10: {
      code: 'I82.409',
      display:
        'Acute embolism and thrombosis of unspecified deep veins of unspecified lower extremity',
    },
    synonyms: ['deep vein thrombosis', 'DVT', 'deep venous thrombosis'],
    chronic: false,
    category: 'other',
  },
  'otitis-media': {
    snomed: { code: '65363002', display: 'Otitis media' },
    icd10: { code: 'H66.90', display: 'Otitis media, unspecified, unspecified ear' },
    synonyms: ['otitis media', 'ear infection', 'AOM', 'acute otitis media'],
    chronic: false,
    category: 'paediatric',
  },
  adhd: {
    snomed: { code: '406506008', display: 'Attention deficit hyperactivity disorder' },
    icd10: { code: 'F90.9', display: 'Attention-deficit hyperactivity disorder, unspecified type' },
    synonyms: ['ADHD', 'attention deficit hyperactivity disorder', 'attention-deficit disorder'],
    chronic: true,
    category: 'paediatric',
  },
  'atopic-dermatitis': {
    snomed: { code: '24079001', display: 'Atopic dermatitis' },
    icd10: { code: 'L20.9', display: 'Atopic dermatitis, unspecified' },
    synonyms: ['eczema', 'atopic dermatitis', 'atopic eczema'],
    chronic: true,
    category: 'paediatric',
  },
  'type1-diabetes': {
    snomed: { code: '46635009', display: 'Diabetes mellitus type 1' },
    icd10: { code: 'E10.9', display: 'Type 1 diabetes mellitus without complications' },
    synonyms: ['type 1 diabetes', 'T1DM', 'DM1', 'juvenile diabetes'],
    chronic: true,
    category: 'paediatric',
  },
} as const satisfies Record<string, ConditionDefinition>;

export type ConditionKey = keyof typeof conditions;
export const conditionKeys = Object.keys(conditions) as ConditionKey[];

type ConditionCodes = Pick<ConditionDefinition, 'snomed' | 'icd10'>;

/**
 * Heart failure coded by its LVEF category at diagnosis (1.11.0), as a problem-list entry, so chronic:
 * - HFrEF: ICD-10-CM I50.22 Chronic systolic (congestive) heart failure (I50.2- has the inclusion term
 *   "Heart failure with reduced ejection fraction [HFrEF]"); SNOMED CT 703272007 |Heart failure with
 *   reduced ejection fraction|;
 * - HFpEF: I50.32 Chronic diastolic (congestive) heart failure (I50.3-: "Heart failure with preserved
 *   ejection fraction [HFpEF]", "with normal ejection fraction"); SNOMED CT 446221000 |Heart failure
 *   with normal ejection fraction|;
 * - HFmrEF keeps the catalog's heart failure (84114007, I50.9): ICD-10-CM (FY2025) has no code for it.
 * Code sets as of ICD-10-CM FY2025 and SNOMED CT International 2025-01. The category at diagnosis
 * stays the code when the EF improves later (HFimpEF), as a problem list is not recoded.
 */
const heartFailureByPhenotype: Partial<Record<string, ConditionCodes>> = {
  HFrEF: {
    snomed: { code: '703272007', display: 'Heart failure with reduced ejection fraction' },
    icd10: { code: 'I50.22', display: 'Chronic systolic (congestive) heart failure' },
  },
  HFpEF: {
    snomed: { code: '446221000', display: 'Heart failure with normal ejection fraction' },
    icd10: { code: 'I50.32', display: 'Chronic diastolic (congestive) heart failure' },
  },
};

type Icd10Code = ConditionDefinition['icd10'];

/**
 * ICD-10-CM codes that name what the truth knows beyond the catalog's unspecified code (1.16.0).
 * Codes: ICD-10-CM FY2025 tabular list (unchanged from FY2024); conventions: ICD-10-CM Official
 * Guidelines for Coding and Reporting FY2024 (CMS/NCHS), section numbers beside each code.
 * - CKD by stage (I.C.14.a.1, "Stages of chronic kidney disease"): N18.1-N18.5 by the KDIGO G stage
 *   drawn (`severity` 1, 2, 3a, 3b, 4, 5; N18.31/N18.32 split stage 3 since FY2021). N18.6 (ESRD) needs
 *   dialysis, which is not modelled, so stage 5 is N18.5; no stage (never drawn) keeps N18.9.
 * - Hypertension with CKD (I.C.9.a.2, causal relationship presumed): I12.9 with stage 1-4 or
 *   unspecified CKD, I12.0 with stage 5 or ESRD, with the N18.- code as well ("Use additional code").
 * - Hypertension with heart failure (I.C.9.a.1, presumed): I11.0, with the I50.- code as well.
 * - Hypertension with heart failure and CKD (I.C.9.a.3): I13.0 with stage 1-4 CKD, I13.2 with stage 5
 *   or ESRD, with the I50.- and N18.- codes as well.
 * - Diabetes with CKD (I.A.15, the "with" convention: presumed linked): E11.22 Type 2 diabetes
 *   mellitus with diabetic chronic kidney disease (E10.22 for type 1), with the N18.- code as well.
 * - Asthma by its NAEPP EPR-3 severity (`severity`, state/other-condition-specs.ts): J45.20 mild
 *   intermittent, J45.30 mild persistent, J45.40 moderate persistent, J45.50 severe persistent, each
 *   "uncomplicated" (5th character 0: the problem-list entry, not an exacerbation's encounter
 *   diagnosis, x1, or status asthmaticus, x2); no severity keeps J45.909 (1.17.0).
 * - Depression by its PHQ-9 band (`severity`, state/physiology-labs.ts): F32.1 moderate (10-14),
 *   F32.2 severe without psychotic features for moderately severe (15-19) and severe (20-27):
 *   ICD-10-CM (like the DSM-5 specifiers) has only mild, moderate and severe, and the Condition's
 *   coded severity (fhir/conditions.ts `severityOf`) already reads "moderately severe" as Severe.
 *   Single episode (F32), as recurrence and psychotic features are not modelled (no F33.-, F32.3);
 *   no severity keeps F32.9 (1.17.0).
 * Since 1.17.0 a combination begins when its last component does (`recordedEntries`): until 1.16.1
 * the code went on the hypertension or diabetes entry with that entry's own onset, so an I11.0 or
 * I13.- entry could date from before the heart failure's own I50.- entry.
 */
const icd10Codes = {
  ckd1: { code: 'N18.1', display: 'Chronic kidney disease, stage 1' },
  ckd2: { code: 'N18.2', display: 'Chronic kidney disease, stage 2 (mild)' },
  ckd3a: { code: 'N18.31', display: 'Chronic kidney disease, stage 3a' },
  ckd3b: { code: 'N18.32', display: 'Chronic kidney disease, stage 3b' },
  ckd4: { code: 'N18.4', display: 'Chronic kidney disease, stage 4 (severe)' },
  ckd5: { code: 'N18.5', display: 'Chronic kidney disease, stage 5' },
  htnHf: { code: 'I11.0', display: 'Hypertensive heart disease with heart failure' },
  htnCkd: {
    code: 'I12.9',
    display:
      'Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease',
  },
  htnCkd5: {
    code: 'I12.0',
    display:
      'Hypertensive chronic kidney disease with stage 5 chronic kidney disease or end stage renal disease',
  },
  htnHfCkd: {
    code: 'I13.0',
    display:
      'Hypertensive heart and chronic kidney disease with heart failure and stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease',
  },
  htnHfCkd5: {
    code: 'I13.2',
    display:
      'Hypertensive heart and chronic kidney disease with heart failure and with stage 5 chronic kidney disease, or end stage renal disease',
  },
  t2dCkd: {
    code: 'E11.22',
    display: 'Type 2 diabetes mellitus with diabetic chronic kidney disease',
  },
  t1dCkd: {
    code: 'E10.22',
    display: 'Type 1 diabetes mellitus with diabetic chronic kidney disease',
  },
  asthmaIntermittent: { code: 'J45.20', display: 'Mild intermittent asthma, uncomplicated' },
  asthmaMild: { code: 'J45.30', display: 'Mild persistent asthma, uncomplicated' },
  asthmaModerate: { code: 'J45.40', display: 'Moderate persistent asthma, uncomplicated' },
  asthmaSevere: { code: 'J45.50', display: 'Severe persistent asthma, uncomplicated' },
  depressionModerate: {
    code: 'F32.1',
    display: 'Major depressive disorder, single episode, moderate',
  },
  depressionSevere: {
    code: 'F32.2',
    display: 'Major depressive disorder, single episode, severe without psychotic features',
  },
} satisfies Record<string, Icd10Code>;

/** J45.-0 by the asthma's NAEPP EPR-3 severity (state/other-condition-specs.ts). */
const asthmaSeverityIcd10: Readonly<Record<string, Icd10Code>> = {
  intermittent: icd10Codes.asthmaIntermittent,
  'mild persistent': icd10Codes.asthmaMild,
  'moderate persistent': icd10Codes.asthmaModerate,
  'severe persistent': icd10Codes.asthmaSevere,
};

/** F32.- by the depression's PHQ-9 band (state/other-condition-specs.ts, Kroenke 2001 cut-points). */
const depressionSeverityIcd10: Readonly<Record<string, Icd10Code>> = {
  moderate: icd10Codes.depressionModerate,
  'moderately severe': icd10Codes.depressionSevere,
  severe: icd10Codes.depressionSevere,
};

/** N18.- by the CKD stage the truth records (`severity`). */
const ckdStageIcd10: Readonly<Record<string, Icd10Code>> = {
  '1': icd10Codes.ckd1,
  '2': icd10Codes.ckd2,
  '3a': icd10Codes.ckd3a,
  '3b': icd10Codes.ckd3b,
  '4': icd10Codes.ckd4,
  '5': icd10Codes.ckd5,
};

/** A true condition as the coding reads it (model.ts `TrueCondition`). */
interface CodedCondition {
  key: ConditionKey;
  /** YYYY-MM-DD (needed to date a combination: `recordedEntries`). */
  onset?: string;
  severity?: string;
  status?: 'active' | 'resolved';
}

/** The conditions a combination code names beside the coded one (hypertension's CKD and HF). */
type Components = readonly CodedCondition[];

/**
 * The ICD-10-CM code the patient's other conditions (or the condition's stage or severity) call for,
 * if any, with the other conditions it names. `by` (YYYY-MM-DD): only conditions diagnosed by then.
 */
function specificIcd10(
  condition: CodedCondition,
  patientConditions: readonly CodedCondition[],
  by?: string,
): { icd10: Icd10Code; components: Components } | undefined {
  const present = (key: ConditionKey) =>
    patientConditions.find(
      (c) =>
        c.key === key && c.status !== 'resolved' && (by === undefined || (c.onset ?? '') <= by),
    );
  const alone = (icd10: Icd10Code | undefined) => (icd10 ? { icd10, components: [] } : undefined);
  switch (condition.key) {
    case 'ckd':
      return alone(
        condition.severity === undefined ? undefined : ckdStageIcd10[condition.severity],
      );
    case 'asthma':
      return alone(
        condition.severity === undefined ? undefined : asthmaSeverityIcd10[condition.severity],
      );
    case 'depression':
      return alone(
        condition.severity === undefined ? undefined : depressionSeverityIcd10[condition.severity],
      );
    case 'hypertension': {
      const ckd = present('ckd');
      const hf = present('heart-failure');
      const stage5 = ckd?.severity === '5';
      if (ckd && hf)
        return {
          icd10: stage5 ? icd10Codes.htnHfCkd5 : icd10Codes.htnHfCkd,
          components: [ckd, hf],
        };
      if (ckd) return { icd10: stage5 ? icd10Codes.htnCkd5 : icd10Codes.htnCkd, components: [ckd] };
      return hf ? { icd10: icd10Codes.htnHf, components: [hf] } : undefined;
    }
    case 'type2-diabetes': {
      const ckd = present('ckd');
      return ckd ? { icd10: icd10Codes.t2dCkd, components: [ckd] } : undefined;
    }
    case 'type1-diabetes': {
      const ckd = present('ckd');
      return ckd ? { icd10: icd10Codes.t1dCkd, components: [ckd] } : undefined;
    }
    default:
      return undefined;
  }
}

/** The catalog's codes, heart failure by its phenotype (`severity`). */
function conceptCodes(condition: CodedCondition): ConditionCodes {
  const byPhenotype =
    condition.key === 'heart-failure' && condition.severity !== undefined
      ? heartFailureByPhenotype[condition.severity]
      : undefined;
  return byPhenotype ?? conditions[condition.key];
}

/**
 * The SNOMED CT and ICD-10-CM codes a true condition is recorded with at the export: the catalog's,
 * except heart failure, by its phenotype (`severity`), and the ICD-10-CM code of CKD (by stage),
 * asthma and depression (by severity), hypertension (with CKD and/or heart failure) and diabetes
 * (with CKD), from `patientConditions`, all of the patient's true conditions (1.16.0, 1.17.0; see
 * `icd10Codes` above). SNOMED CT stays the catalog's concept, which every ICD-10-CM code here falls
 * under (the features, risk scores and knowledge graph read it).
 */
export function recordedCodes(
  condition: CodedCondition,
  patientConditions: readonly CodedCondition[],
): ConditionCodes {
  const codes = conceptCodes(condition);
  const specific = specificIcd10(condition, patientConditions);
  return specific ? { snomed: codes.snomed, icd10: specific.icd10 } : codes;
}

/** One problem-list entry a true condition is recorded as, from `onset` (YYYY-MM-DD). */
export interface RecordedEntry extends ConditionCodes {
  onset: string;
}

/**
 * The problem-list entries a true condition is recorded as (1.17.0): first its own, from its onset,
 * coded as it stood then (a hypertension diagnosed before its CKD is I10, a diabetes before its CKD
 * E11.9); then, when the export's combination code (`recordedCodes`) only began later, a second
 * entry with that code from the day its last component was diagnosed (I11.0 from the heart
 * failure's onset, I12.- and E1x.22 from the CKD's, I13.- from the later of the two): a combination
 * begins when all its conditions are present (ICD-10-CM Official Guidelines FY2024 I.C.9.a.1-3,
 * I.A.15 code the conditions together; they cannot predate either). The first entry keeps the
 * condition's true onset for every reader that dates hypertension or diabetes (feature flags at a
 * past index date, incident type 2 diabetes labels), as a problem list keeps the first entry
 * beside the refined one. Both stay active at the export.
 */
export function recordedEntries(
  condition: CodedCondition & { onset: string },
  patientConditions: readonly CodedCondition[],
): RecordedEntry[] {
  const codes = conceptCodes(condition);
  const atOnset = specificIcd10(condition, patientConditions, condition.onset);
  const first: RecordedEntry = {
    snomed: codes.snomed,
    icd10: atOnset?.icd10 ?? codes.icd10,
    onset: condition.onset,
  };
  const atExport = specificIcd10(condition, patientConditions);
  if (!atExport || atExport.icd10.code === first.icd10.code) return [first];
  const onset = atExport.components.reduce(
    (latest, c) => (c.onset !== undefined && c.onset > latest ? c.onset : latest),
    condition.onset,
  );
  return [first, { snomed: codes.snomed, icd10: atExport.icd10, onset }];
}

export const systems = {
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  omb: 'urn:oid:2.16.840.1.113883.6.238',
} as const;

export interface MeasurementDefinition {
  loinc: string;
  display: string;
  /** UCUM unit code the value is generated in. */
  unit: string;
  category: 'vital-signs' | 'laboratory' | 'survey' | 'social-history' | 'exam' | 'activity';
}

/** LOINC 2.78 codes of the measurements the generator emits (vital signs per the FHIR R4 vital-signs profile). */
export const measurements = {
  bloodPressurePanel: {
    loinc: '85354-9',
    display: 'Blood pressure panel with all children optional',
    unit: 'mm[Hg]',
    category: 'vital-signs',
  },
  systolic: {
    loinc: '8480-6',
    display: 'Systolic blood pressure',
    unit: 'mm[Hg]',
    category: 'vital-signs',
  },
  diastolic: {
    loinc: '8462-4',
    display: 'Diastolic blood pressure',
    unit: 'mm[Hg]',
    category: 'vital-signs',
  },
  heartRate: { loinc: '8867-4', display: 'Heart rate', unit: '/min', category: 'vital-signs' },
  respiratoryRate: {
    loinc: '9279-1',
    display: 'Respiratory rate',
    unit: '/min',
    category: 'vital-signs',
  },
  oxygenSaturation: {
    loinc: '59408-5',
    display: 'Oxygen saturation in Arterial blood by Pulse oximetry',
    unit: '%',
    category: 'vital-signs',
  },
  bodyTemperature: {
    loinc: '8310-5',
    display: 'Body temperature',
    unit: 'Cel',
    category: 'vital-signs',
  },
  bodyWeight: { loinc: '29463-7', display: 'Body weight', unit: 'kg', category: 'vital-signs' },
  bodyHeight: { loinc: '8302-2', display: 'Body height', unit: 'cm', category: 'vital-signs' },
  bmi: {
    loinc: '39156-5',
    display: 'Body mass index (BMI) [Ratio]',
    unit: 'kg/m2',
    category: 'vital-signs',
  },
  /**
   * ACVPU level (RCP NEWS2 2017). LOINC 2.78 names 67775-7 "Level of responsiveness" (the code
   * NEWS2 inputs read for consciousness); answers are SNOMED CT findings (fhir/vocabulary.ts).
   */
  consciousness: {
    loinc: '67775-7',
    display: 'Level of responsiveness',
    unit: '',
    category: 'vital-signs',
  },
  bmiPercentile: {
    loinc: '59576-9',
    display: 'Body mass index (BMI) [Percentile] Per age and sex',
    unit: '%',
    category: 'vital-signs',
  },
  glucoseMass: {
    loinc: '2345-7',
    display: 'Glucose [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    category: 'laboratory',
  },
  glucoseMoles: {
    loinc: '14749-6',
    display: 'Glucose [Moles/volume] in Serum or Plasma',
    unit: 'mmol/L',
    category: 'laboratory',
  },
  hba1c: {
    loinc: '4548-4',
    display: 'Hemoglobin A1c/Hemoglobin.total in Blood',
    unit: '%',
    category: 'laboratory',
  },
  totalCholesterol: {
    loinc: '2093-3',
    display: 'Cholesterol [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    category: 'laboratory',
  },
  hdl: {
    loinc: '2085-9',
    display: 'Cholesterol in HDL [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    category: 'laboratory',
  },
  ldl: {
    loinc: '18262-6',
    display: 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay',
    unit: 'mg/dL',
    category: 'laboratory',
  },
  triglycerides: {
    loinc: '2571-8',
    display: 'Triglyceride [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    category: 'laboratory',
  },
  creatinine: {
    loinc: '2160-0',
    display: 'Creatinine [Mass/volume] in Serum or Plasma',
    unit: 'mg/dL',
    category: 'laboratory',
  },
  egfr: {
    loinc: '98979-8',
    display:
      'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)',
    unit: 'mL/min/{1.73_m2}',
    category: 'laboratory',
  },
  potassium: {
    loinc: '2823-3',
    display: 'Potassium [Moles/volume] in Serum or Plasma',
    unit: 'mmol/L',
    category: 'laboratory',
  },
  alt: {
    loinc: '1742-6',
    display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
    unit: 'U/L',
    category: 'laboratory',
  },
  /**
   * High-sensitivity cardiac troponin I (the ACS workup: state/cardiac-markers.ts), in ng/L as
   * hs-cTn assays report it (IFCC Task Force on Clinical Applications of Cardiac Bio-Markers).
   */
  troponin: {
    loinc: '89579-7',
    display: 'Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method',
    unit: 'ng/L',
    category: 'laboratory',
  },
  /**
   * Quantitative D-dimer in fibrinogen-equivalent units (the suspected-PE workup: state/d-dimer.ts), in
   * ng/mL FEU as the VIDAS D-Dimer Exclusion II and most US laboratories report it. LOINC 48065-7
   * "Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma" (checked: display as in the HL7 PACIO
   * sample-data IG's D-dimer Observation; DDU results have a code of their own, not used here).
   */
  ddimer: {
    loinc: '48065-7',
    display: 'Fibrin D-dimer FEU [Mass/volume] in Platelet poor plasma',
    unit: 'ng/mL{FEU}',
    category: 'laboratory',
  },
  /** Spot urine albumin-to-creatinine ratio (KDIGO albuminuria categories in mg/g: state/albuminuria.ts). */
  uacr: {
    loinc: '9318-7',
    display: 'Albumin/Creatinine [Mass Ratio] in Urine',
    unit: 'mg/g',
    category: 'laboratory',
  },
  phq9: {
    loinc: '44261-6',
    display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
    unit: '{score}',
    category: 'survey',
  },
  gad7: {
    loinc: '70274-6',
    display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
    unit: '{score}',
    category: 'survey',
  },
  smokingStatus: {
    loinc: '72166-2',
    display: 'Tobacco smoking status',
    unit: '',
    category: 'social-history',
  },
  /** Adults' preventive visits (state/preventive-measures.ts, 1.10.0). */
  waistCircumference: {
    loinc: '8280-0',
    display: 'Waist Circumference at umbilicus by Tape measure',
    unit: 'cm',
    category: 'exam',
  },
  /** Exercise Vital Sign (HL7 Physical Activity IG 1.0.0, pa-observation-code-evs). */
  exerciseDaysPerWeek: {
    loinc: '89555-7',
    display:
      'How many days per week did you engage in moderate to strenuous physical activity in the last 30 days',
    unit: 'd/wk',
    category: 'activity',
  },
  exerciseMinutesPerDay: {
    loinc: '68516-4',
    display:
      'On those days that you engage in moderate to strenuous exercise, how many minutes, on average, do you exercise',
    unit: 'min/d',
    category: 'activity',
  },
} as const satisfies Record<string, MeasurementDefinition>;

export type MeasurementKey = keyof typeof measurements;
