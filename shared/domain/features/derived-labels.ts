// Use case (features): outcome labels derived from the records themselves, for a retrospective
// training table. The hospital's feature set describes its patients at an index date (its `at`:
// `caregraph features --build --at DATE`); the label says whether an outcome event was recorded in
// the `horizonDays` after it. The design, stated in every report:
// - outcome `hard-ascvd`: a hard ASCVD event as the Pooled Cohort Equations define it (nonfatal MI or
//   stroke; Goff DC Jr et al., Circulation 2014;129:S49), read from Condition codes exactly as the
//   case index reads it (recommend/case-outcome.ts `hardAscvdEventDays`);
// - outcome `incident-t2d`: new type 2 diabetes, diagnosed as the ADA Standards of Care in
//   Diabetes-2024, section 2 (Diabetes Care 2024;47 Suppl 1:S20), Table 2.1 allows from a record: a
//   type 2 diabetes Condition (ICD-10-CM E11, SNOMED CT 44054006), or an HbA1c of 6.5% (48 mmol/mol)
//   or more confirmed by a second such result ("in the absence of unequivocal hyperglycemia,
//   diagnosis requires two abnormal test results"), dated by the second. Fasting and 2-hour glucose
//   are not used: a record rarely says a glucose was fasting. Prevalent: any diabetes Condition (E08-
//   E11, E13; SNOMED CT 73211009, 44054006, 46635009) or a confirmed HbA1c on or before the index
//   date. A patient whose first diabetes in the window is coded as another type (type 1, secondary)
//   is excluded as `otherDiabetes`, not counted negative;
// - excluded, with the count: a patient born after the index date (`notYetBorn`), one with no
//   record on or before it (`noRecordByIndex`: not in care at the index date, so the feature set
//   says nothing of them there, and a first contact that is the event itself would teach the model
//   that an empty record is high risk), a patient whose event came on or before the index date
//   (prevalent disease: the model is for a first event), and one with no event and no record in the
//   last year of the window (followed too briefly to call negative: a project choice, since an EHR
//   only sees what happens while the patient is in care);
// - each outcome's eligibility (`derivedOutcomePopulations`): the raw features that say, at the
//   index date, that the patient already has the disease; a model trained on these labels declares
//   them as its population (training/tabular/job.ts), so a patient who already had it is told the
//   first-event estimate does not apply;
// - the window must have ended: its end is the index date plus the horizon, at or before `now`.
// The labels are written beside the feature set (`labels-<outcome>-<days>d.csv`), so the table they
// make can be traced to them.
import type { FhirJson } from '../ingest/source-record';
import type { ObjectStore } from '../../ports/object-store';
import type { Table } from '../../ports/table';
import { NotFoundError, ValidationError } from '../errors';
import { calendarDay, conditionOnsetDay, hardAscvdEventDays } from '../recommend/case-outcome';
import { toUcum } from '../preprocess/canonical-units';
import { canonicalValue, careDays, excludedObservationStatus, recordDays } from './extract';
import { listPatients, patientRecord } from '../serving/queries';
import { describeFeatureSet, featureFiles, featureSetKey } from './build';
import { featureSpecVersion } from './spec';

export const derivedOutcomes = {
  'hard-ascvd':
    'hard ASCVD event (nonfatal MI or stroke, Pooled Cohort Equations definition, Goff 2013) recorded as a Condition',
  'incident-t2d':
    'new type 2 diabetes (ADA Standards of Care 2024, Table 2.1): a type 2 diabetes Condition, or a second HbA1c of 6.5% (48 mmol/mol) or more',
} as const;
export type DerivedOutcome = keyof typeof derivedOutcomes;

/** Whether `name` is a derived outcome: own keys only, so "constructor" or "toString" are not. */
export const isDerivedOutcome = (name: string): name is DerivedOutcome =>
  Object.hasOwn(derivedOutcomes, name);

/** The derived outcome whose definition (`derivedOutcomes`) is `definition` exactly, if any. */
export const derivedOutcomeOf = (definition: string): DerivedOutcome | undefined =>
  (Object.keys(derivedOutcomes) as DerivedOutcome[]).find((o) => derivedOutcomes[o] === definition);

/**
 * Who a model of each derived outcome is for, as inclusive ranges of raw features (the model.json
 * `population` form): patients without the disease at the features' moment, since the labels
 * exclude those who had it by the index date and the model estimates a first event. Read from the
 * condition flags (spec.ts `conditionFlags`; active, not refuted, dated on or before the moment):
 * - `hard-ascvd`: no coronary disease (ICD-10-CM I20-I25, which holds the MI codes I21 and I22) and no
 *   stroke flag (I63, I64, G45), so a patient with a recorded MI or ischaemic stroke is outside;
 * - `incident-t2d`: no type 2 diabetes (E11, SNOMED CT 44054006).
 * The flags are narrower than the labels' exclusion: a resolved or inactive Condition, a
 * haemorrhagic stroke (I60, I61), another type of diabetes, or a confirmed HbA1c without a Condition
 * excludes a patient from the labels but does not take a served patient outside the population.
 */
export const derivedOutcomePopulations: Readonly<
  Record<DerivedOutcome, Readonly<Record<string, { min?: number; max?: number }>>>
> = {
  'hard-ascvd': { condition_coronary_disease: { max: 0 }, condition_stroke: { max: 0 } },
  'incident-t2d': { condition_type2_diabetes: { max: 0 } },
};

/** No event and no record in this many last days of the window: followed too briefly to be negative. */
export const followUpEvidenceDays = 365;

export interface DerivedLabels {
  hospital: string;
  outcome: DerivedOutcome;
  definition: string;
  /** The feature set's `at` (index) and the window's end, ISO dates. */
  index: string;
  end: string;
  horizonDays: number;
  /** Curated-bucket key of the labels CSV (patient, outcome). */
  key: string;
  patients: number;
  positives: number;
  negatives: number;
  /**
   * Patients left out, by reason: `notYetBorn` (born after the index date), `noRecordByIndex` (no
   * record on or before it), `prevalent`, `shortFollowUp`, and (incident-t2d only) `otherDiabetes`,
   * a first diabetes in the window coded as another type. Each patient is counted once, under the
   * first reason that applies of: notYetBorn, prevalent or otherDiabetes, noRecordByIndex,
   * shortFollowUp (`labelPatient`).
   */
  excluded: {
    notYetBorn: number;
    noRecordByIndex: number;
    prevalent: number;
    shortFollowUp: number;
    otherDiabetes?: number;
  };
}

const day = 86_400_000;

/**
 * The latest calendar day the record shows the patient in care, up to `end` (YYYY-MM-DD): the
 * clinical dates of `recordDays` (extract.ts), as the baseline check reads them.
 */
function lastRecordDay(resources: readonly FhirJson[], end: string): string | undefined {
  let last: string | undefined;
  for (const r of resources)
    for (const d of recordDays(r)) if (d <= end && (!last || d > last)) last = d;
  return last;
}

/**
 * Why a patient cannot be in the cohort at the index date (YYYY-MM-DD), or undefined when they can:
 * born after it (`not-yet-born`), or no record on or before it (`no-record-by-index`: every day
 * the record shows the patient in care, `careDays` of extract.ts, comes later: periods, effective
 * times, recording and document dates, and an onset, procedure or immunization date only when it
 * is not history told at a later contact), so the index date's features describe nobody in care.
 */
export function baselineExclusion(
  record: readonly FhirJson[],
  index: string,
): 'not-yet-born' | 'no-record-by-index' | undefined {
  const patient = record.find((r) => r.resourceType === 'Patient');
  const born = calendarDay(patient?.birthDate);
  if (born && born > index) return 'not-yet-born';
  const inCare = record.some((r) => careDays(r).some((d) => d <= index));
  return inCare ? undefined : 'no-record-by-index';
}

/** What a patient's record says of the outcome over (index, end]. */
export type OutcomeFinding = 'prevalent' | 'event' | 'none' | 'other-diabetes';

/** Classify one patient's record for `outcome`: index and end are the window's days (YYYY-MM-DD). */
export function outcomeFinding(
  outcome: DerivedOutcome,
  record: readonly FhirJson[],
  endAt: Date,
  index: string,
  end: string,
): OutcomeFinding {
  return outcome === 'hard-ascvd'
    ? hardAscvdOutcome(record, endAt, index, end)
    : incidentT2dOutcome(record, endAt, index, end);
}

function hardAscvdOutcome(
  record: readonly FhirJson[],
  endAt: Date,
  index: string,
  end: string,
): OutcomeFinding {
  const events = hardAscvdEventDays(record, endAt);
  if (events.some((d) => d <= index)) return 'prevalent';
  return events.some((d) => d > index && d <= end) ? 'event' : 'none';
}

/** ADA 2024 Table 2.1: HbA1c >= 6.5% (NGSP), 48 mmol/mol (IFCC), is in the diabetes range. */
export const hba1cDiabetesPercent = 6.5;
export const hba1cDiabetesMmolPerMol = 48;

/**
 * An HbA1c in the diabetes range, judged in the unit it was reported in: 6.5% or 48 mmol/mol. (The
 * units' thresholds are each other's rounding: 47 mmol/mol converts to 6.45%, which would round up.)
 */
function inDiabetesRange(loinc: string, quantity: FhirJson | undefined): boolean {
  if (!quantity || typeof quantity.value !== 'number') return false;
  const ifcc = [quantity.code, quantity.unit].some(
    (u) => typeof u === 'string' && (toUcum(u) ?? u) === 'mmol/mol',
  );
  if (ifcc) return quantity.value >= hba1cDiabetesMmolPerMol;
  const percent = canonicalValue(loinc, quantity);
  return percent !== undefined && percent >= hba1cDiabetesPercent;
}
const icd10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const snomed = 'http://snomed.info/sct';
/** Type 2 diabetes (ICD-10-CM E11; SNOMED CT 44054006 "Diabetes mellitus type 2"). */
const type2Codes = { icd10: ['E11'], snomed: ['44054006'] };
/**
 * Any diabetes: ICD-10-CM E08 (due to an underlying condition), E09 (drug or chemical induced), E10
 * (type 1), E11 (type 2), E13 (other specified); SNOMED CT 73211009 (diabetes mellitus), 44054006
 * (type 2), 46635009 (type 1). Prediabetes (R73.0) and gestational diabetes (O24.4) are not.
 */
const anyDiabetesCodes = {
  icd10: ['E08', 'E09', 'E10', 'E11', 'E13'],
  snomed: ['73211009', '44054006', '46635009'],
};
const hba1cLoinc = new Set(['4548-4', '17856-6', '59261-8']);

function hasCode(resource: FhirJson, codes: { icd10: string[]; snomed: string[] }): boolean {
  const codings = ((resource.code as FhirJson | undefined)?.coding as FhirJson[] | undefined) ?? [];
  return codings.some((c) =>
    c.system === snomed
      ? codes.snomed.includes(String(c.code))
      : c.system === icd10 && codes.icd10.some((p) => String(c.code).startsWith(p)),
  );
}

/**
 * The first day (YYYY-MM-DD, up to `end`) of each kind of diabetes evidence in a record: a type 2
 * Condition, any diabetes Condition, and a confirmed HbA1c (the day of the second result in the
 * diabetes range). Refuted and entered-in-error Conditions, and cancelled or entered-in-error
 * Observations, are not evidence; an HbA1c in a unit that cannot be converted is not read.
 */
export function diabetesEvidence(
  record: readonly FhirJson[],
  end: string,
): { type2?: string; anyCode?: string; confirmedA1c?: string } {
  let type2: string | undefined;
  let anyCode: string | undefined;
  const highA1c: string[] = [];
  const earlier = (a: string | undefined, b: string) => (a && a <= b ? a : b);
  for (const r of record) {
    if (r.resourceType === 'Condition') {
      const day = conditionOnsetDay(r);
      if (!day || day > end || !hasCode(r, anyDiabetesCodes)) continue;
      anyCode = earlier(anyCode, day);
      if (hasCode(r, type2Codes)) type2 = earlier(type2, day);
    } else if (r.resourceType === 'Observation') {
      if (excludedObservationStatus.has(String(r.status))) continue;
      const day = calendarDay(
        r.effectiveDateTime ?? (r.effectivePeriod as FhirJson | undefined)?.start ?? r.issued,
      );
      if (!day || day > end) continue;
      for (const c of ((r.code as FhirJson | undefined)?.coding as FhirJson[] | undefined) ?? []) {
        if (c.system !== 'http://loinc.org' || !hba1cLoinc.has(String(c.code))) continue;
        if (inDiabetesRange(String(c.code), r.valueQuantity as FhirJson | undefined))
          highA1c.push(day);
        break;
      }
    }
  }
  highA1c.sort();
  return {
    ...(type2 ? { type2 } : {}),
    ...(anyCode ? { anyCode } : {}),
    ...(highA1c.length >= 2 ? { confirmedA1c: highA1c[1]! } : {}),
  };
}

function incidentT2dOutcome(
  record: readonly FhirJson[],
  _endAt: Date,
  index: string,
  end: string,
): OutcomeFinding {
  const { type2, anyCode, confirmedA1c } = diabetesEvidence(record, end);
  const first = (...days: (string | undefined)[]) =>
    days.filter((d): d is string => d !== undefined).sort()[0];
  const diabetes = first(anyCode, confirmedA1c);
  if (!diabetes) return 'none';
  if (diabetes <= index) return 'prevalent';
  // The first diabetes in the window: type 2 by its code, or by HbA1c with no other type coded first.
  const type2Day = first(type2, confirmedA1c);
  return type2Day === diabetes ? 'event' : 'other-diabetes';
}

/** A patient's label (1 or 0), or why the patient is left out of the table. */
export type PatientLabel =
  | 0
  | 1
  | 'not-yet-born'
  | 'no-record-by-index'
  | 'prevalent'
  | 'other-diabetes'
  | 'short-follow-up';

/**
 * Label one patient's record for `outcome` over the window (index, end] (days, YYYY-MM-DD; `endAt`
 * the window's end instant; `evidenceFrom` the first day of its last `followUpEvidenceDays`): the
 * exclusions of `DerivedLabels.excluded` in their order, then 1 for an event and 0 for none with a
 * record in the window's last year.
 */
export function labelPatient(
  outcome: DerivedOutcome,
  record: readonly FhirJson[],
  window: { endAt: Date; index: string; end: string; evidenceFrom: string },
): PatientLabel {
  const { endAt, index, end, evidenceFrom } = window;
  const baseline = baselineExclusion(record, index);
  if (baseline === 'not-yet-born') return baseline;
  const found = outcomeFinding(outcome, record, endAt, index, end);
  if (found === 'prevalent' || found === 'other-diabetes') return found;
  if (baseline) return baseline;
  if (found === 'event') return 1;
  return (lastRecordDay(record, end) ?? '') >= evidenceFrom ? 0 : 'short-follow-up';
}

/** The feature set's index date: the `at` of its raw vectors (the first line of raw-vectors.ndjson). */
async function featureSetIndex(
  objects: ObjectStore,
  hospital: string,
  set: string | undefined,
): Promise<string> {
  const key = featureSetKey(hospital, featureFiles.raw, set);
  if (!(await objects.head('curated', key)))
    throw new NotFoundError(
      `${describeFeatureSet(hospital, set)} of spec ${featureSpecVersion} does not exist: build it first (caregraph features --build --at DATE)`,
    );
  const stream = await objects.getStream('curated', key);
  let text = '';
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    if (text.includes('\n')) break;
  }
  stream.destroy();
  const at = (JSON.parse(text.slice(0, text.indexOf('\n'))) as { at?: string }).at;
  if (!at) throw new Error(`${key}: line 1 has no "at"`);
  return at;
}

/**
 * Label every patient of the hospital for `outcome` over `horizonDays` after the feature set's index
 * date, write the labels CSV beside the feature set and return it with the counts.
 */
export async function deriveLabels(
  deps: { serving: Table; objects: ObjectStore },
  hospital: string,
  request: {
    outcome: DerivedOutcome;
    horizonDays: number;
    now: Date;
    /** A named feature set (`FeatureSetOptions.set`) instead of the current one. */
    set?: string;
  },
  onProgress: (done: number) => void = () => {},
): Promise<DerivedLabels & { csv: string }> {
  const { outcome, horizonDays } = request;
  if (!Number.isInteger(horizonDays) || horizonDays < 30)
    throw new ValidationError(
      '--horizon-days must be a whole number of days, 30 or more',
      'horizon-days',
    );
  const indexAt = await featureSetIndex(deps.objects, hospital, request.set);
  const index = indexAt.slice(0, 10);
  const endAt = new Date(Date.parse(indexAt) + horizonDays * day);
  const end = endAt.toISOString().slice(0, 10);
  if (endAt.getTime() > request.now.getTime())
    throw new ValidationError(
      `the window ends ${end}, after today: the feature set's index date (${index}) plus ${horizonDays} days must have passed; build the features at an earlier --at`,
      'horizon-days',
    );
  const evidenceFrom = new Date(endAt.getTime() - followUpEvidenceDays * day)
    .toISOString()
    .slice(0, 10);
  const rows: string[] = ['patient,outcome'];
  const counts = {
    patients: 0,
    positives: 0,
    negatives: 0,
    notYetBorn: 0,
    noRecordByIndex: 0,
    prevalent: 0,
    shortFollowUp: 0,
    otherDiabetes: 0,
  };
  let cursor: string | undefined;
  do {
    const page = await listPatients(deps.serving, hospital, { limit: 200, cursor });
    for (const patient of page.items) {
      const id = String(patient.id);
      const record = await patientRecord(deps.serving, hospital, id);
      counts.patients++;
      const label = labelPatient(outcome, record, { endAt, index, end, evidenceFrom });
      if (label === 'not-yet-born') counts.notYetBorn++;
      else if (label === 'no-record-by-index') counts.noRecordByIndex++;
      else if (label === 'prevalent') counts.prevalent++;
      else if (label === 'other-diabetes') counts.otherDiabetes++;
      else if (label === 'short-follow-up') counts.shortFollowUp++;
      else if (label === 1) {
        counts.positives++;
        rows.push(`${id},1`);
      } else {
        counts.negatives++;
        rows.push(`${id},0`);
      }
      if (counts.patients % 100 === 0) onProgress(counts.patients);
    }
    cursor = page.next;
  } while (cursor);
  const csv = rows.join('\n') + '\n';
  const key = featureSetKey(hospital, `labels-${outcome}-${horizonDays}d.csv`, request.set);
  await deps.objects.put('curated', key, csv, 'text/csv');
  return {
    hospital,
    outcome,
    definition: derivedOutcomes[outcome],
    index,
    end,
    horizonDays,
    key,
    patients: counts.patients,
    positives: counts.positives,
    negatives: counts.negatives,
    excluded: {
      notYetBorn: counts.notYetBorn,
      noRecordByIndex: counts.noRecordByIndex,
      prevalent: counts.prevalent,
      shortFollowUp: counts.shortFollowUp,
      ...(outcome === 'incident-t2d' ? { otherDiabetes: counts.otherDiabetes } : {}),
    },
    csv,
  };
}
