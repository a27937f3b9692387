// Domain (synth): the ground truth of one synthetic patient. Every output (FHIR, CSV, VCF, notes) is a
// rendering of this state, and DIR/truth/ records it, so every capability can be scored against it.
import type { ConditionKey, MeasurementKey } from './catalog';
import type { Presentation } from './notes/lexicon/presentations';

export const generatorVersion = 'caregraph-synth/1.17.0';

export interface CohortOptions {
  patients: number;
  seed: number;
  /** Hospital slug written into identifiers and the manifest. */
  hospital: string;
  /** Fraction of records that get a realistic defect (0 = clean). */
  dirtyRate: number;
  /** The export date: ages, "current" medications and outcome windows are relative to it (YYYY-MM-DD). */
  asOf: string;
}

export const defaultAsOf = '2026-01-01';

export type Sex = 'female' | 'male';

/** CPIC biogeographic groups (CPIC allele frequency tables) used to draw pharmacogene alleles. */
export type Ancestry =
  'european' | 'african-american' | 'east-asian' | 'central-south-asian' | 'latino';

export interface Coding {
  system: string;
  code: string;
  display: string;
}

export interface Demographics {
  sex: Sex;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** Whole years at `asOf`. */
  ageYears: number;
  /** OMB race category (urn:oid:2.16.840.1.113883.6.238), as the US Core race extension carries it. */
  race: Coding;
  /** OMB ethnicity category (same system). */
  ethnicity: Coding;
  ancestry: Ancestry;
  name: { family: string; given: string[]; prefix?: string };
  address: { line: string[]; city: string; state: string; postalCode: string; country: 'US' };
  /** Fictional numbers (555-01xx exchange) so no real person is ever dialled. */
  phone: string;
  email: string;
  /** Medical record number, unique within the hospital. */
  mrn: string;
  language: Coding;
  maritalStatus?: Coding;
}

export interface TrueCondition {
  key: ConditionKey;
  /** YYYY-MM-DD. */
  onset: string;
  status: 'active' | 'resolved';
  /**
   * E.g. CKD stage "3a", asthma "moderate persistent", cancer stage "II"; heart failure its LVEF
   * category "HFrEF" | "HFmrEF" | "HFpEF" (state/heart-failure.ts).
   */
  severity?: string;
  /**
   * Heart failure: the patient's left ventricular ejection fraction at diagnosis, % (integer, in its
   * category).
   */
  ejectionFraction?: number;
  /**
   * HFrEF whose LVEF improves on treatment (state/heart-failure.ts): the LVEF it reaches, %, and the
   * day it gets there (YYYY-MM-DD, possibly after `asOf`); it rises in a straight line from the
   * diagnosis to that day. Once above 40% the heart failure is HF with improved EF (HFimpEF).
   */
  improvedEf?: { ejectionFraction: number; date: string };
}

/** The patient's underlying physiology at `asOf`, before treatment effects, with units. */
export interface RiskFactors {
  heightCm: number;
  weightKg: number;
  /** kg/m2. */
  bmi: number;
  /** Paediatric BMI-for-age percentile (CDC 2000), children only. */
  bmiPercentile?: number;
  /** mmHg, untreated. */
  systolicUntreated: number;
  diastolicUntreated: number;
  /** mg/dL. */
  totalCholesterol: number;
  hdl: number;
  ldl: number;
  triglycerides: number;
  /** %, NGSP. */
  hba1c: number;
  /** mg/dL fasting. */
  fastingGlucose: number;
  /** mg/dL. */
  creatinine: number;
  /** mL/min/1.73m2, CKD-EPI 2021. */
  egfr: number;
  /** mmol/L. */
  potassium: number;
  /** U/L. */
  alt: number;
  /** beats/min at rest. */
  heartRate: number;
  smoking: 'never' | 'former' | 'current';
  /** Questionnaire totals where the patient was screened. */
  phq9?: number;
  gad7?: number;
}

/** FHIR R4 Timing.repeat subset that reminders and notes render from. */
export interface DosageTiming {
  frequency: number;
  period: number;
  periodUnit: 'h' | 'd' | 'wk';
  timeOfDay?: string[];
  when?: (
    | 'MORN'
    | 'AFT'
    | 'EVE'
    | 'NIGHT'
    | 'HS'
    | 'AC'
    | 'PC'
    | 'ACM'
    | 'ACD'
    | 'ACV'
    | 'PCM'
    | 'PCD'
    | 'PCV'
    | 'C'
    | 'CM'
    | 'CD'
    | 'CV'
  )[];
  dayOfWeek?: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
  /**
   * A chemotherapy cycle: the doses are taken on days 1..`daysOn` of every `cycleDays`-day cycle
   * (capecitabine days 1-14 every 21 days). FHIR R4 Timing.repeat cannot say this, so it is carried
   * in the sig text (Dosage.text) and the notes.
   */
  cycle?: { daysOn: number; cycleDays: number };
}

export interface TrueMedication {
  /** Stable key of the medication in the catalog, e.g. "lisinopril-10". */
  key: string;
  rxnorm: Coding;
  indication: ConditionKey;
  /** E.g. "10 mg". */
  doseText: string;
  doseQuantity: { value: number; unit: string };
  route: 'oral' | 'inhaled' | 'subcutaneous' | 'intravenous' | 'topical';
  timing?: DosageTiming;
  asNeeded?: boolean;
  /** YYYY-MM-DD; end absent while current. */
  start: string;
  end?: string;
  /** Proportion of days covered the patient truly achieves (0-1); drives observations and dispenses. */
  adherence: number;
  /** Dispense pattern: quantity per fill and days' supply. */
  dispense: { quantity: number; daysSupply: number };
}

export interface TrueAllergy {
  substance: Coding;
  category: 'medication' | 'food' | 'environment';
  reaction: Coding;
  criticality: 'low' | 'high';
}

export interface FamilyHistoryEntry {
  relationship:
    'mother' | 'father' | 'sister' | 'brother' | 'maternal-grandmother' | 'paternal-grandfather';
  condition: ConditionKey;
  onsetAge?: number;
  deceased?: boolean;
  /** A deceased relative's age at death (on each of the relative's entries), not before any onset. */
  deceasedAge?: number;
  /** This condition caused the relative's death (at most one entry per relative; none: another cause). */
  causeOfDeath?: boolean;
}

export interface TrueEncounter {
  id: string;
  kind: 'ambulatory' | 'emergency' | 'inpatient' | 'wellness';
  /** ISO date-time with offset. */
  start: string;
  end: string;
  reason?: ConditionKey;
  /**
   * Why an ED visit or a stay without a catalog reason came in (state/presentations.ts): its
   * complaint's symptoms, what a clinician weighs, who follows it up. Never serialised.
   */
  presentation?: Presentation;
  /** Inpatient stays get a discharge summary; others a progress or H&P note. */
  noteKinds: ('history-and-physical' | 'progress' | 'discharge-summary')[];
  /**
   * An office visit with an echocardiogram (state/heart-failure.ts `markEchoVisits`): the visit that
   * diagnoses heart failure, or an HFrEF's first follow-up 3 or more months after it. Never
   * serialised.
   */
  echo?: 'diagnosis' | 'repeat';
  /**
   * A stay that is the drawn 30-day readmission after the patient's latest stay before it
   * (state/encounters.ts `addReadmission`; `outcomes.readmission30d.eventDate` is its day). Its
   * reason is the earlier stay's; its notes tell a readmission (1.15.0). In truth/patients.jsonl.
   */
  readmission?: true;
}

/** A modelled outcome: the probability the generative model assigned, and what was drawn. */
export interface TrueOutcome {
  /** The probability the event was drawn with, the unobserved patient-level term included. */
  probability: number;
  /**
   * The Bayes-optimal prediction: the same risk equation with the unobserved term integrated out, i.e.
   * P(event | true state). No model of the patient's state can rank patients better on average.
   */
  bayesOptimalProbability: number;
  event: boolean;
  /** For time-to-event outcomes, the event date when it happened within the window. */
  eventDate?: string;
}

export interface Outcomes {
  /** Hard ASCVD event (MI, CHD death, stroke) within 10 years of `asOf`, adults 40-79 only. */
  cvd10y?: TrueOutcome;
  /** Incident type 2 diabetes within 5 years, adults without diabetes at `asOf`. */
  diabetes5y?: TrueOutcome;
  /** Readmission within 30 days of the latest inpatient discharge. */
  readmission30d?: TrueOutcome;
}

/** A pharmacogene diplotype and the per-position genotype calls behind it. */
export interface PgxDiplotype {
  gene: string;
  /** Star alleles, smaller first as PharmCAT writes them, e.g. ["*1", "*17"]. */
  alleles: [string, string];
}

export interface VariantCall {
  chrom: string;
  /** 1-based GRCh38 position. */
  pos: number;
  id?: string;
  ref: string;
  alt: string;
  /** VCF GT, phased when known, e.g. "0|1". */
  genotype: string;
  gene?: string;
  /** Somatic tumour variant (with VAF) rather than germline. */
  somatic?: { vaf: number; hgvsp: string };
}

export interface Genome {
  diplotypes: PgxDiplotype[];
  variants: VariantCall[];
  /** Tumour findings for cancer patients, e.g. EGFR L858R, ERBB2 amplification. */
  tumour: { gene: string; alteration: string; kind: 'snv' | 'amplification' | 'fusion' }[];
}

/** One true measurement as the patient's physiology and treatment produced it (before unit mixing or defects). */
export interface TrueMeasurement {
  key: MeasurementKey;
  /** ISO date-time with offset. */
  at: string;
  value: number;
  /** UCUM, the catalog unit of `key`. */
  unit: string;
  encounterId?: string;
  /** For blood pressure, the diastolic that goes with a systolic `value`. */
  diastolic?: number;
}

export type EntityType =
  'Disease' | 'Chemical' | 'Gene' | 'Variant' | 'Symptom' | 'Procedure' | 'LabTest' | 'Anatomy';
export type Assertion =
  'present' | 'negated' | 'possible' | 'family' | 'historical' | 'hypothetical';
export type PhiCategory =
  'NAME' | 'DATE' | 'AGE' | 'PHONE' | 'EMAIL' | 'ID' | 'LOCATION' | 'URL' | 'IP' | 'OTHER';

/** Character offsets are 0-based UTF-16 indices into the note text, `end` exclusive (the CLI contract's convention). */
export interface EntitySpan {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  assertion: Assertion;
  /** Ontology code when the mention maps to one (SNOMED CT for Disease/Symptom, RxNorm for Chemical, HGNC symbol for Gene, LOINC for LabTest). */
  code?: string;
  system?: string;
}

export interface RelationTriple {
  type: 'treats' | 'causes' | 'interacts' | 'associated_with';
  /** Indices into the note's `entities`. */
  head: number;
  tail: number;
}

export interface PhiSpan {
  start: number;
  end: number;
  category: PhiCategory;
  text: string;
}

export interface SynthNote {
  id: string;
  patientId: string;
  encounterId: string;
  kind: 'history-and-physical' | 'progress' | 'discharge-summary';
  /** ISO date-time with offset (when the note was authored). */
  date: string;
  title: string;
  text: string;
  entities: EntitySpan[];
  relations: RelationTriple[];
  phi: PhiSpan[];
  /** Note-level labels for text classification: the condition keys asserted present in the note. */
  labels: ConditionKey[];
  /** Perturbations applied, for the truth record (e.g. {"typos": 2, "abbreviations": 5}). */
  noise: Record<string, number>;
  /**
   * The LVEF (%) an echocardiogram in the note's workup reports (undefined when it reports none);
   * rendered as the encounter's LVEF Observation (fhir/study-results.ts).
   */
  echoLvef?: number | undefined;
}

export interface SynthPatient {
  index: number;
  /** Resource id of the Patient (a deterministic UUID). */
  id: string;
  hospital: string;
  demographics: Demographics;
  conditions: TrueCondition[];
  riskFactors: RiskFactors;
  medications: TrueMedication[];
  allergies: TrueAllergy[];
  familyHistory: FamilyHistoryEntry[];
  encounters: TrueEncounter[];
  /** Vital signs, labs and questionnaire scores over the encounters, oldest first. */
  measurements: TrueMeasurement[];
  /** Present for the share of patients who were genotyped. */
  genome?: Genome;
  outcomes: Outcomes;
  /**
   * LVEF measured outside the encounters (echo or MUGA at cardiac monitoring on trastuzumab,
   * state/cancer-therapy.ts `trastuzumabMonitoring`), oldest first; % and YYYY-MM-DD.
   */
  lvefReadings?: { date: string; value: number }[];
  /**
   * Trastuzumab's cardiotoxicity, when the patient has it (1.11.0, `trastuzumabMonitoring`): the day
   * the LVEF fall begins and its size in percentage points, before the readings' ±4 points.
   */
  trastuzumabCardiotoxicity?: { onset: string; fallPoints: number };
}
