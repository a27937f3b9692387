// Domain (recommend): one patient's FHIR record reduced to the facts the guidelines and safety rules
// read — demographics, conditions, active medicines, allergies, labs, validated scores (computed by the
// risk module) and tumour findings — each with its provenance. Pure: `at` fixes what is current.
import type { AllergyIntolerance, Resource } from '@medplum/fhirtypes';
import type { PgxProfile } from '../pgx/profile';
import { cpicRecommendations, type CpicRecommendation } from '../pgx/cpic-recommendations';
import {
  activeCondition,
  ageAt,
  codings,
  conditionHistory,
  conditionOnset,
  describeCondition,
  describeMeasured,
  describeMedication,
  measurements,
  patientRecord,
  type Measured,
  type PatientRecord,
} from '../risk/fhir/patient-record';
import {
  historyConditions,
  recommenderConditions,
  recommenderLoinc as loinc,
  type RecommenderCondition,
} from './clinical-codes';
import { ingredientsIn } from './drugs';
import {
  altToUnitsPerLitre,
  labFacts,
  phq9Item9,
  scoreFacts,
  type LabFacts,
  type ScoreFacts,
} from './patient-labs';
import { sameUnit } from '../risk/score-definition';
import type { TumourFinding } from '../genomics/tumour-variants';
import { tumourFindingsFromFhir } from './tumour-findings';

export interface Fact<T> {
  value: T;
  unit?: string;
  source: string;
}

export interface ActiveMedication {
  text: string;
  ingredients: string[];
  source: string;
  /** YYYY-MM-DD the order's course starts (its bounds), else when it was written, when recorded. */
  started?: string;
}

/** An order that ended (completed or stopped), with the day its course ended when it says. */
export interface CompletedMedication {
  ingredients: string[];
  /** YYYY-MM-DD: the dosage's boundsPeriod end, else the dispense validity end. */
  ended?: string;
  source: string;
}

export interface RecordedAllergy {
  /** Substance name(s) and codes as recorded, lower case, joined for matching. */
  text: string;
  codes: string[];
  /** Anaphylaxis, angioedema or high criticality: an immediate-type (IgE) history. */
  severe: boolean;
  source: string;
}

/** A condition on record, with its onset (YYYY-MM-DD) when the Condition gives one. */
export interface ConditionFact extends Fact<true> {
  onset?: string;
}

export interface PatientFacts {
  patientId: string;
  at: Date;
  age?: Fact<number>;
  /** Age in months (for paediatric limits), when the birth date is known. */
  ageMonths?: number;
  sex?: Fact<'female' | 'male'>;
  /** US Core race includes Black or African American (CDC code 2054-5). */
  black?: Fact<boolean>;
  conditions: Partial<Record<RecommenderCondition, ConditionFact>>;
  pregnant?: Fact<true>;
  hepaticImpairment?: Fact<true>;
  medications: ActiveMedication[];
  /** Courses that ended (a finished adjuvant therapy...); absent when none is recorded. */
  completedMedications?: CompletedMedication[];
  allergies: RecordedAllergy[];
  labs: LabFacts;
  scores: ScoreFacts;
  tumour: TumourFinding[];
  pgx?: { profile: PgxProfile; cpic: CpicRecommendation[] };
}

const severeReaction = /anaphyla|angioedema|urticaria|hives|bronchospasm|wheez/i;

function allergiesOf(resources: readonly Resource[]): RecordedAllergy[] {
  return resources
    .filter((r): r is AllergyIntolerance => r.resourceType === 'AllergyIntolerance')
    .filter((a) => {
      const clinical = a.clinicalStatus?.coding?.[0]?.code;
      const verified = a.verificationStatus?.coding?.[0]?.code;
      return (
        !['inactive', 'resolved'].includes(clinical ?? '') &&
        !['refuted', 'entered-in-error'].includes(verified ?? '')
      );
    })
    .map((a) => {
      const cs = codings(a.code);
      const reactions = (a.reaction ?? []).flatMap((r) =>
        (r.manifestation ?? []).flatMap((m) => [m.text, ...codings(m).map((c) => c.display)]),
      );
      return {
        text: [a.code?.text, ...cs.map((c) => c.display)].filter(Boolean).join(' | ').toLowerCase(),
        codes: cs.map((c) => c.code ?? '').filter(Boolean),
        severe: a.criticality === 'high' || reactions.some((t) => severeReaction.test(t ?? '')),
        source: `AllergyIntolerance/${a.id ?? '?'}`,
      };
    });
}

function medicationsOf(record: PatientRecord): ActiveMedication[] {
  return record.medications.map((m) => {
    const concept = m.medicationCodeableConcept;
    const text = [concept?.text, ...codings(concept).map((c) => c.display), m.medicationReference]
      .map((t) => (typeof t === 'object' ? t?.display : t))
      .filter(Boolean)
      .join(' | ');
    const started =
      m.resourceType === 'MedicationRequest'
        ? (m.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.start ?? m.authoredOn)
        : (m.effectivePeriod?.start ?? m.effectiveDateTime);
    return {
      text,
      ingredients: ingredientsIn(text),
      source: describeMedication(m),
      ...(started ? { started: started.slice(0, 10) } : {}),
    };
  });
}

function completedMedicationsOf(record: PatientRecord): CompletedMedication[] {
  return (record.completedMedications ?? []).map((m) => {
    const concept = m.medicationCodeableConcept;
    const text = [concept?.text, ...codings(concept).map((c) => c.display)]
      .filter(Boolean)
      .join(' | ');
    const ended =
      m.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod?.end ??
      m.dispenseRequest?.validityPeriod?.end;
    return {
      ingredients: ingredientsIn(text),
      ...(ended ? { ended: ended.slice(0, 10) } : {}),
      source: describeMedication(m),
    };
  });
}

function conditionsOf(record: PatientRecord): PatientFacts['conditions'] {
  const out: PatientFacts['conditions'] = {};
  for (const key of Object.keys(recommenderConditions) as RecommenderCondition[]) {
    const codes = recommenderConditions[key];
    // A past condition recorded more than once gives its latest onset (conditionHistory).
    const found = historyConditions.includes(key)
      ? conditionHistory(record, codes)
      : activeCondition(record, codes);
    if (!found) continue;
    const onset = conditionOnset(found);
    out[key] = {
      value: true,
      source: describeCondition(found),
      ...(onset ? { onset: onset.slice(0, 10) } : {}),
    };
  }
  return out;
}

/** Pregnant: an active pregnancy Condition, or the latest pregnancy-status answer "pregnant". */
function pregnancyOf(
  record: PatientRecord,
  conditions: PatientFacts['conditions'],
): Fact<true> | undefined {
  if (conditions.pregnancy) return conditions.pregnancy;
  const status = record.observations
    .filter((o) => codings(o.code).some((c) => loinc.pregnancyStatus.includes(c.code as never)))
    .sort((a, b) => ((a.effectiveDateTime ?? '') < (b.effectiveDateTime ?? '') ? 1 : -1))[0];
  // SNOMED CT 77386006 |Pregnant| (LOINC 82810-3 answer list LL4129-4).
  if (status && codings(status.valueCodeableConcept).some((c) => c.code === '77386006'))
    return { value: true, source: `Observation/${status.id ?? '?'} pregnancy status` };
  return undefined;
}

/**
 * The newest ALT counts for hepatic impairment for this many days. An ALT above 3 x ULN is a state
 * of the liver now, not a diagnosis: acute elevations resolve within weeks (ALT half-life about 47 h),
 * and a chronic liver disease is a coded condition (liverDisease). 90 days is a project choice, the
 * window the renal checks give a creatinine (risk/fhir/provide.ts maxAgeDays.creatinine; KDIGO 2012
 * "more than 3 months" for chronicity).
 */
export const altMaxAgeDays = 90;

/**
 * Hepatic impairment: cirrhosis or hepatic failure recorded, or the newest ALT, if within
 * `altMaxAgeDays`, above 3 x the upper reference limit (40 U/L; the drug-induced liver injury
 * threshold of FDA Guidance "Drug-Induced Liver Injury: Premarketing Clinical Evaluation" 2009),
 * read in U/L (µkat/L x 60, patient-labs.ts altToUnitsPerLitre). An ALT in a unit not recognised is
 * not used, and `unusable` says so.
 */
function hepaticOf(
  conditions: PatientFacts['conditions'],
  alt: Measured | undefined,
  unusable: string[],
): Fact<true> | undefined {
  if (conditions.liverDisease) return conditions.liverDisease;
  if (!alt || alt.ageDays > altMaxAgeDays) return undefined;
  const toUl = Object.entries(altToUnitsPerLitre).find(([u]) => sameUnit(u, alt.unit))?.[1];
  if (!toUl) {
    unusable.push(
      `ALT: ${describeMeasured(alt)} in "${alt.unit}", a unit not recognised (not used for hepatic impairment)`,
    );
    return undefined;
  }
  const ul = Math.round(toUl(alt.value));
  if (ul > 120)
    return {
      value: true,
      source: `${describeMeasured(alt)} ALT ${alt.value} ${alt.unit}${sameUnit(alt.unit, 'U/L') ? '' : ` (${ul} U/L)`} > 3 x ULN`,
    };
  return undefined;
}

/**
 * Everything the recommender reads about one patient at `at` (data recorded later is ignored).
 * `vcfTumour` are tumour findings read from a VCF (genomics/tumour-variants.ts); `pgx` a profile from the pgx
 * module, whose CPIC recommendations are looked up here.
 */
export function patientFacts(
  resources: readonly Resource[],
  at: Date,
  options: { pgx?: PgxProfile; vcfTumour?: readonly TumourFinding[] } = {},
): PatientFacts {
  const record = patientRecord(resources, at);
  const patient = record.patient;
  const patientRef = `Patient/${patient?.id ?? '?'}`;
  const age = ageAt(record);
  const conditions = conditionsOf(record);
  const race = patient?.extension?.find((e) => e.url.endsWith('us-core-race'));
  const raceCodes = (race?.extension ?? []).map((e) => e.valueCoding?.code);
  const alt = measurements(record, loinc.alt)[0];
  const pregnant = patient?.gender === 'female' ? pregnancyOf(record, conditions) : undefined;
  const labs = labFacts(record, resources, at);
  const hepaticUnusable: string[] = [];
  const hepatic = hepaticOf(conditions, alt, hepaticUnusable);
  // The same ALT reading is reported once (labFacts may have listed it already).
  const unusable = [
    ...(labs.unusable ?? []),
    ...(labs.unusable?.some((u) => u.startsWith('ALT:')) ? [] : hepaticUnusable),
  ];
  return {
    patientId: patient?.id ?? '',
    at,
    ...(age ? { age: { value: age.years, unit: 'a', source: `${patientRef} birthDate` } } : {}),
    ...(age ? { ageMonths: age.months } : {}),
    ...(patient?.gender === 'female' || patient?.gender === 'male'
      ? { sex: { value: patient.gender, source: `${patientRef} gender` } }
      : {}),
    ...(race
      ? { black: { value: raceCodes.includes('2054-5'), source: `${patientRef} us-core-race` } }
      : {}),
    conditions,
    ...(pregnant ? { pregnant } : {}),
    ...(hepatic ? { hepaticImpairment: hepatic } : {}),
    medications: medicationsOf(record),
    ...(record.completedMedications?.length
      ? { completedMedications: completedMedicationsOf(record) }
      : {}),
    allergies: allergiesOf(resources),
    labs: unusable.length ? { ...labs, unusable } : labs,
    scores: withItem9(scoreFacts(resources, at), phq9Item9(record)),
    tumour: [...(options.vcfTumour ?? []), ...tumourFindingsFromFhir(record)],
    ...(options.pgx
      ? { pgx: { profile: options.pgx, cpic: cpicRecommendations(options.pgx) } }
      : {}),
  };
}

function withItem9(scores: ScoreFacts, item9: ScoreFacts['phq9Item9']): ScoreFacts {
  return item9 ? { ...scores, phq9Item9: item9 } : scores;
}

/** True when the patient takes an ingredient of class `cls` (or the ingredient itself). */
/**
 * Whole days from a date (an onset, a start) to `at`, counted from the latest day a partial date can mean (FHIR
 * dateTime may be YYYY or YYYY-MM: "2019" counts from 2019-12-31), so a year-only ACS is called
 * more than 12 months old only when it surely is. Undefined without an onset or with one not a date.
 */
export function daysSince(onset: string | undefined, at: Date): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(onset ?? '');
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 12 : Number(m[2]);
  // Day 0 of the next month is the last day of this one.
  const day = m[3] === undefined ? new Date(Date.UTC(year, month, 0)).getUTCDate() : Number(m[3]);
  const start = Date.UTC(year, month - 1, day);
  return Number.isNaN(start) ? undefined : Math.floor((at.getTime() - start) / 86_400_000);
}

/** Under 18 by a known age (an unknown age counts as an adult, as the adult guidelines then apply). */
export function isChild(facts: PatientFacts): boolean {
  return facts.age !== undefined && facts.age.value < 18;
}

export function takes(facts: PatientFacts, match: (drug: string) => boolean): ActiveMedication[] {
  return facts.medications.filter((m) => m.ingredients.some(match));
}
