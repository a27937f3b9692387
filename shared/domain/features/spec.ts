// Domain (features): the versioned feature specification. A feature vector is always produced under
// one spec version, and a model records the version it was trained on, so serving can refuse a vector
// built under another. Change anything below (a window, a code set, a limit) -> bump the version.
import { drugClassDefinitions, namesOfClass, type DrugClassKey } from '../medications/drug-classes';
import { canonicalUnits } from '../preprocess/canonical-units';
import { conditionCodes } from '../risk/fhir/clinical-codes';

// 2026.11.2: medication classes read from medications/drug-classes.ts (more ingredients per class, e.g.
// labetalol as a beta blocker, fluvoxamine as an SSRI; see that module's tests).
// 2026.12.1: heart_failure by SNOMED CT reads every heart-failure concept of risk/fhir/clinical-codes.ts
// (chronic congestive 88805009, as Synthea records it, and the phenotype concepts), not only 84114007;
// a change to that set is a change to this spec.
// 2026.12.2: a Condition is dated as the derived labels date it (onsetDateTime, onsetPeriod.start,
// recordedDate), and an undated Condition or active medicine is not counted at a retrospective index
// date (a named set's build: no outcome of a retrospective table is a feature at its index date),
// while the features of the present count it; entered-in-error and cancelled smoking statuses, and
// dispenses entered in error, cancelled or declined, are not read; no age before the birth date;
// sex, race and ethnicity outside their value sets read as unknown.
// 2026.12.3: at a retrospective index date a Condition, MedicationRequest or MedicationStatement
// is judged as it stood at `at`, not by its status today (a hypertension resolved since, a statin
// order completed since, counts when it was under way at `at`; one abated or ended before it, or
// ended at an unknown date, does not); `age_years` is counted by the calendar (39 on the 39th
// birthday; a 29 February birth has its birthday on 1 March in a common year), not days/365.2425.
// 2026.12.4: at a retrospective index date a Condition active, in recurrence or relapse (or with
// no status) and an active order or statement count from their start, whatever their abatement or
// end date says, as the features of the present read them (a stale "active" order past its
// validityPeriod, an active Condition with a past abatement, read 0 in training and 1 served);
// only those ended today (resolved, inactive, remission; completed, stopped) go by their end
// date. A partial end date reads as its first day ("2023" counts at 2023-01-01; was dropped).
export const featureSpecVersion = 'features-2026.12.4';

export type Aggregate = 'latest' | 'mean' | 'min' | 'max' | 'slope';

/** A vital sign or lab summarised over a look-back window, in its canonical UCUM unit. */
export interface MeasurementFeature {
  key: string;
  /** `concept` of preprocess/canonical-units.ts: its LOINC codes and canonical unit are used. */
  concept: string;
  windowDays: number;
  aggregates: readonly Aggregate[];
  /**
   * Winsorisation limits in the canonical unit: values beyond them are clipped before aggregation.
   * Narrower than ingest's plausibility limits (which reject impossible values); these bound
   * possible-but-extreme values so one reading cannot dominate a scaled feature.
   */
  clip: readonly [number, number];
}

// Windows: vitals summarise the last year, labs the last two years (lipids and HbA1c are measured
// yearly or less often in primary care; ACC/AHA 2018 cholesterol guideline monitors lipids 4-12
// weeks after a change, then every 3-12 months). The "latest" value is the last observation
// carried forward within the window, never beyond it.
const vitalsWindow = 365;
const labsWindow = 730;
const all: readonly Aggregate[] = ['latest', 'mean', 'min', 'max', 'slope'];
const latestMean: readonly Aggregate[] = ['latest', 'mean'];

// Clip limits, in canonical units: a project choice (not a published table), set wider than any
// clinical decision threshold in this product (e.g. SBP 240 and glucose 30 mmol/L stay unclipped,
// above the ACC/AHA 2017 crisis and ADA 2024 hyperglycaemia cut-offs) and inside ingest's
// plausibility limits (preprocess/plausible-ranges.ts). Changing one changes the spec version.
export const measurementFeatures: readonly MeasurementFeature[] = [
  {
    key: 'sbp',
    concept: 'systolic blood pressure',
    windowDays: vitalsWindow,
    aggregates: all,
    clip: [70, 250],
  },
  {
    key: 'dbp',
    concept: 'diastolic blood pressure',
    windowDays: vitalsWindow,
    aggregates: all,
    clip: [30, 150],
  },
  {
    key: 'heart_rate',
    concept: 'heart rate',
    windowDays: vitalsWindow,
    aggregates: all,
    clip: [30, 200],
  },
  {
    key: 'resp_rate',
    concept: 'respiratory rate',
    windowDays: vitalsWindow,
    aggregates: latestMean,
    clip: [6, 60],
  },
  {
    key: 'spo2',
    concept: 'oxygen saturation',
    windowDays: vitalsWindow,
    aggregates: ['latest', 'min'],
    clip: [70, 100],
  },
  {
    key: 'temperature',
    concept: 'body temperature',
    windowDays: vitalsWindow,
    aggregates: ['latest', 'max'],
    clip: [33, 42],
  },
  {
    key: 'weight',
    concept: 'body weight',
    windowDays: vitalsWindow,
    aggregates: ['latest', 'slope'],
    clip: [2, 300],
  },
  {
    key: 'bmi',
    concept: 'body mass index',
    windowDays: vitalsWindow,
    aggregates: ['latest', 'slope'],
    clip: [10, 80],
  },
  { key: 'glucose', concept: 'glucose', windowDays: labsWindow, aggregates: all, clip: [1.5, 40] },
  {
    key: 'hba1c',
    concept: 'haemoglobin A1c',
    windowDays: labsWindow,
    aggregates: all,
    clip: [3.5, 18],
  },
  {
    key: 'creatinine',
    concept: 'creatinine',
    windowDays: labsWindow,
    aggregates: all,
    clip: [20, 1500],
  },
  {
    key: 'potassium',
    concept: 'potassium',
    windowDays: labsWindow,
    aggregates: latestMean,
    clip: [2, 8],
  },
  {
    key: 'total_chol',
    concept: 'total cholesterol',
    windowDays: labsWindow,
    aggregates: ['latest', 'mean', 'slope'],
    clip: [1.5, 15],
  },
  {
    key: 'hdl',
    concept: 'HDL cholesterol',
    windowDays: labsWindow,
    aggregates: latestMean,
    clip: [0.3, 4],
  },
  {
    key: 'ldl',
    concept: 'LDL cholesterol',
    windowDays: labsWindow,
    aggregates: ['latest', 'mean', 'slope'],
    clip: [0.3, 12],
  },
  {
    key: 'triglycerides',
    concept: 'triglycerides',
    windowDays: labsWindow,
    aggregates: latestMean,
    clip: [0.2, 30],
  },
];

/** LOINC codes and canonical unit of a measurement feature, from the ingest unit table. */
export function conceptOf(feature: MeasurementFeature): {
  loinc: ReadonlySet<string>;
  ucum: string;
} {
  const unit = canonicalUnits.find((u) => u.concept === feature.concept);
  if (!unit) throw new Error(`feature ${feature.key}: unknown concept "${feature.concept}"`);
  return { loinc: new Set(unit.loinc), ucum: unit.ucum };
}

/**
 * Condition flags: a patient has the condition when an active (or unspecified-status) Condition
 * carries an ICD-10-CM code under one of the prefixes (ICD-10-CM FY2025 chapter blocks) or one of
 * the SNOMED CT concepts (International Edition 2025-01; the concept itself, not its descendants,
 * since no terminology server is consulted).
 */
export const conditionFlags: readonly {
  key: string;
  icd10: readonly string[];
  snomed: readonly string[];
}[] = [
  {
    key: 'hypertension',
    icd10: ['I10', 'I11', 'I12', 'I13', 'I15', 'I16'],
    snomed: ['38341003', '59621000'],
  },
  { key: 'type2_diabetes', icd10: ['E11'], snomed: ['44054006'] },
  { key: 'prediabetes', icd10: ['R73.0'], snomed: ['15777000', '714628002'] },
  { key: 'hyperlipidaemia', icd10: ['E78'], snomed: ['55822004', '13644009'] },
  {
    key: 'coronary_disease',
    icd10: ['I20', 'I21', 'I22', 'I23', 'I24', 'I25'],
    snomed: ['53741008', '22298006', '414545008'],
  },
  { key: 'stroke', icd10: ['I63', 'I64', 'G45'], snomed: ['230690007', '266257000'] },
  { key: 'atrial_fibrillation', icd10: ['I48'], snomed: ['49436004'] },
  // SNOMED CT: the risk module's heart-failure concepts (congestive, chronic congestive as Synthea
  // records it, systolic, diastolic, reduced and normal EF), not only the parent 84114007.
  { key: 'heart_failure', icd10: ['I50'], snomed: [...conditionCodes.heartFailure.snomed] },
  { key: 'ckd', icd10: ['N18'], snomed: ['709044004'] },
  { key: 'obesity', icd10: ['E66'], snomed: ['414916001'] },
  { key: 'depression', icd10: ['F32', 'F33'], snomed: ['370143000', '35489007'] },
  { key: 'anxiety', icd10: ['F41'], snomed: ['21897009', '197480006'] },
  { key: 'asthma', icd10: ['J45'], snomed: ['195967001'] },
  { key: 'breast_cancer', icd10: ['C50'], snomed: ['254837009'] },
  { key: 'lung_cancer', icd10: ['C34'], snomed: ['254637007', '363358000'] },
  { key: 'colorectal_cancer', icd10: ['C18', 'C19', 'C20'], snomed: ['363406005'] },
];

/**
 * Medication classes recognised from the ingredient words of a medication's name (RxNorm names
 * start with the ingredient), grouped as WHO ATC/DDD Index 2025 groups (codes from the class table).
 * The ingredients of each class come from the one drug-class table, medications/drug-classes.ts.
 * Active: a MedicationRequest or MedicationStatement with status active, or dispensed within the
 * window. The order below is the order of the `medication_*` flags in the vector.
 */
const medicationFlagClasses: readonly DrugClassKey[] = [
  'ace_inhibitor',
  'arb',
  'calcium_channel_blocker',
  'thiazide',
  'beta_blocker',
  'loop_diuretic',
  'statin',
  'biguanide',
  'sulfonylurea',
  'sglt2_inhibitor',
  'glp1_agonist',
  'insulin',
  'anticoagulant',
  'antiplatelet',
  'ssri',
  'inhaled_corticosteroid',
  'short_acting_beta_agonist',
  'proton_pump_inhibitor',
  'opioid',
];

export const medicationClasses: readonly {
  key: string;
  atc: string;
  ingredients: readonly string[];
}[] = medicationFlagClasses.map((key) => ({
  key,
  atc: drugClassDefinitions[key].atc.join('/'),
  ingredients: namesOfClass(key),
}));

/** Smoking status (US Core 6.1 Smoking Status, LOINC 72166-2; SNOMED CT answers). */
export const smokingLoinc = '72166-2';
export const smokingCategories: Readonly<Record<string, 'never' | 'former' | 'current'>> = {
  '266919005': 'never',
  '8517006': 'former',
  '449868002': 'current',
  '428041000124106': 'current',
  '77176002': 'current',
  '428071000124103': 'current',
  '428061000124105': 'current',
};

/** Categorical features and their known levels; anything else encodes to the `unknown` bucket. */
export const categoricalFeatures: Readonly<Record<string, readonly string[]>> = {
  sex: ['female', 'male', 'other'],
  // US Core race/ethnicity OMB categories (CDC Race & Ethnicity code set 1.0).
  race: ['2106-3', '2054-5', '2028-9', '1002-5', '2076-8', '2131-1'],
  ethnicity: ['2135-2', '2186-5'],
  smoking: ['never', 'former', 'current'],
};

/** Names of every numeric feature, in vector order (before encoding of categoricals). */
export function numericFeatureNames(): string[] {
  return [
    'age_years',
    ...measurementFeatures.flatMap((f) => f.aggregates.map((a) => `${f.key}_${a}`)),
    ...measurementFeatures.map((f) => `${f.key}_count`),
  ];
}

/** Names of every 0/1 flag feature (conditions, medication classes, missingness indicators). */
export function flagFeatureNames(): string[] {
  return [
    ...conditionFlags.map((c) => `condition_${c.key}`),
    ...medicationClasses.map((m) => `medication_${m.key}`),
    ...measurementFeatures.map((f) => `${f.key}_missing`),
  ];
}
