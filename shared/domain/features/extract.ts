// Domain (features): a patient's FHIR record -> raw (untransformed) feature values, each with the
// provenance a clinician or auditor needs: which resources it came from, when they were taken, and
// over which window. Pure: no I/O, and `at` fixes what "latest" and every window mean.
import type { FhirJson } from '../ingest/source-record';
import { canonicalUnitByLoinc, toUcum } from '../preprocess/canonical-units';
import { calendarDay, conditionOnsetDay, excludedStatus } from '../recommend/case-outcome';
import { ageAt } from '../risk/fhir/patient-record';
import {
  categoricalFeatures,
  conceptOf,
  conditionFlags,
  featureSpecVersion,
  measurementFeatures,
  medicationClasses,
  smokingCategories,
  smokingLoinc,
  type Aggregate,
  type MeasurementFeature,
} from './spec';

export interface Provenance {
  /** Resource references (`Observation/abc`) the value was computed from (at most 10 listed). */
  sources: string[];
  /** How many resources contributed (may exceed the listed sources). */
  count: number;
  /** Clinical time of the newest contributing resource. */
  newest?: string;
  windowDays?: number;
  note?: string;
}

export interface RawFeature {
  value: number | string | null;
  unit?: string;
  provenance: Provenance;
}

export interface RawFeatureVector {
  specVersion: string;
  patient: string;
  at: string;
  features: Record<string, RawFeature>;
}

const day = 86_400_000;

/**
 * Observation statuses that are not a result: a reading entered in error or cancelled is not read
 * (measurements, smoking status, and derived-labels.ts's HbA1c).
 */
export const excludedObservationStatus: ReadonlySet<string> = new Set([
  'entered-in-error',
  'cancelled',
]);

/** FHIR R4 AdministrativeGender: every value `sex` can take (ingest refuses any other Patient.gender). */
const administrativeGender = ['female', 'male', 'other', 'unknown'] as const;
/** The HL7 v3 NullFlavor codes US Core allows as an OMB race or ethnicity category. */
const ombNullFlavours = ['UNK', 'ASKU'] as const;
/** The smoking value of a status whose SNOMED CT answer is not a known category (e.g. 266927001). */
const smokingUnknown = 'unknown';

/**
 * Every value the extraction gives each categorical feature, and nothing else: `sex` is the FHIR
 * AdministrativeGender (any other gender is `unknown`), `race` and `ethnicity` the US Core OMB
 * categories with the null flavours UNK and ASKU (any other code is `UNK`), `smoking` a category of
 * `smokingCategories` or `unknown`. A value outside the spec's levels (`categoricalFeatures`) goes to
 * the transform's unknown bucket; a model trained on these values can be served them
 * (training/model-lifecycle.ts servingProblems).
 */
export const categoricalValues: Readonly<Record<string, readonly string[]>> = {
  sex: administrativeGender,
  race: [...categoricalFeatures.race!, ...ombNullFlavours],
  ethnicity: [...categoricalFeatures.ethnicity!, ...ombNullFlavours],
  smoking: [...categoricalFeatures.smoking!, smokingUnknown],
};

const periodDays = (p: unknown) => {
  const period = p as FhirJson | undefined;
  return [period?.start, period?.end];
};

/** One clinical date FHIR R4 gives a resource, as `recordDays` and `careDays` read it. */
interface DateField {
  /** Its values as written (a period: its start and end). */
  of: (r: FhirJson) => unknown[];
  /** History told at a later contact (an onset, performed or occurrence date): see `careDays`. */
  history?: true;
  /** A day in care (`careDays`) only when this holds of the resource; always a record day. */
  careWhen?: (r: FhirJson) => boolean;
}

/** Every clinical date of a resource (see `recordDays`), the history dates marked. */
const dateFields: readonly DateField[] = [
  { of: (r) => periodDays(r.period) },
  { of: (r) => periodDays(r.effectivePeriod) },
  { of: (r) => periodDays(r.performedPeriod), history: true },
  { of: (r) => periodDays((r.context as FhirJson | undefined)?.period) },
  { of: (r) => [r.effectiveDateTime] },
  { of: (r) => [r.effectiveInstant] },
  { of: (r) => [r.performedDateTime], history: true },
  { of: (r) => [r.occurrenceDateTime], history: true },
  { of: (r) => [r.issued] },
  { of: (r) => [r.authoredOn] },
  { of: (r) => [r.whenPrepared] },
  { of: (r) => [r.whenHandedOver] },
  { of: (r) => [r.recordedDate] },
  // One recording date in care: `recorded` (Immunization) only without a `recordedDate`.
  { of: (r) => [r.recorded], careWhen: (r) => r.recordedDate == null },
  { of: (r) => [r.dateAsserted] },
  { of: (r) => [r.date] },
  {
    of: (r) => [r.resourceType === 'Condition' ? conditionOnsetDay(r) : undefined],
    history: true,
  },
];

/** The calendar days of `fields` in a resource; none when it is entered in error. */
function daysOf(r: FhirJson, fields: readonly DateField[]): string[] {
  const verification = codings(r.verificationStatus)[0]?.code;
  if (r.status === 'entered-in-error' || verification === 'entered-in-error') return [];
  return fields.flatMap((f) => f.of(r)).flatMap((v) => calendarDay(v) ?? []);
}

/**
 * The calendar days (YYYY-MM-DD, as written) a resource places the patient in care: every clinical
 * date FHIR R4 gives it (`dateFields`). Periods (Encounter, CarePlan, EpisodeOfCare, Coverage:
 * `period`; a DocumentReference's `context.period`), effective times (`effectiveDateTime`,
 * `effectiveInstant`, `effectivePeriod`), `issued`, `authoredOn`, a dispense's `whenPrepared` and
 * `whenHandedOver`, `recordedDate`, a MedicationStatement's `dateAsserted`, a Procedure's
 * `performedDateTime` and `performedPeriod`, an `occurrenceDateTime` (Immunization) and an
 * Immunization's `recorded`, a `date` (DocumentReference), and a Condition's onset day as the
 * features and labels date it (recommend/case-outcome.ts `conditionOnsetDay`). A resource entered
 * in error places nobody in care: it has no days. What derived-labels.ts reads as in care by the
 * index date and as follow-up.
 */
export function recordDays(r: FhirJson): string[] {
  return daysOf(r, dateFields);
}

/**
 * The days a resource shows the patient in this hospital's care: `recordDays` without the dates of
 * history told at a later contact (`history` in `dateFields`). An onset, a procedure's performed
 * date or an immunization's occurrence can be decades before the record was made (a problem list
 * taken at a first visit, an imported vaccine history), so such a date counts only when the
 * resource has no recording date of its own (`recordedDate`, `recorded`) and is not marked as
 * reported from elsewhere (`primarySource: false`); a recording date counts in its place. What
 * derived-labels.ts reads as in care by the index date (a first contact that is the outcome itself
 * must not pass as a patient the index date's features describe).
 */
export function careDays(r: FhirJson): string[] {
  const historyCounts = (r.recordedDate ?? r.recorded) === undefined && r.primarySource !== false;
  return daysOf(
    r,
    dateFields.filter((f) => (f.history ? historyCounts : (f.careWhen?.(r) ?? true))),
  );
}

/** How `extractRawFeatures` reads a record. */
export interface ExtractOptions {
  /**
   * `at` is an index date in the record's past (a feature set a training table is built from, whose
   * labels come from what was recorded after it): a Condition, or an active MedicationRequest or
   * MedicationStatement, without a date may have been recorded after `at`, so it is left out; and
   * one ended since is judged by its end date as of `at` (`conditionUnderWayAt`,
   * `medicineUnderWayAt`): a hypertension resolved since, or a statin order completed since, counts
   * when it was under way at `at`, while one still active today counts from its start, as in the
   * present (so the two readings agree at `at` = now). Otherwise (the default: the features of the present, as the
   * API's predictions, the nightly build and the similar-patient evidence compute them) status is
   * read as it is now, and an undated active Condition or medicine is on the record now, and
   * counts, whatever else the record dates after `at` (a course that ends next month, a reading
   * dated in a local day ahead of UTC).
   */
  retrospective?: boolean;
}

const missing = (note: string, windowDays?: number): RawFeature => ({
  value: null,
  provenance: { sources: [], count: 0, note, ...(windowDays ? { windowDays } : {}) },
});

interface Point {
  time: number;
  value: number;
  ref: string;
  iso: string;
}

/** Compute every raw feature of the spec for one patient at instant `at` (see ExtractOptions). */
export function extractRawFeatures(
  resources: readonly FhirJson[],
  at: Date,
  options: ExtractOptions = {},
): RawFeatureVector {
  const patient = resources.find((r) => r.resourceType === 'Patient');
  const features: Record<string, RawFeature> = {};
  Object.assign(features, demographics(patient, at));
  const points = measurementPoints(resources, at);
  for (const feature of measurementFeatures)
    Object.assign(features, summarise(feature, points.get(feature.key) ?? [], at));
  const retrospective = options.retrospective === true;
  Object.assign(
    features,
    conditions(resources, at, patient, retrospective),
    medications(resources, at, retrospective),
    smoking(resources, at),
  );
  return {
    specVersion: featureSpecVersion,
    patient: String(patient?.id ?? ''),
    at: at.toISOString(),
    features,
  };
}

/**
 * The raw columns of this spec: every name extractRawFeatures gives a patient, in its order. What a
 * model served to the API may ask for (the API sends these as a prediction's `records`).
 */
export function rawFeatureColumns(): string[] {
  return Object.keys(
    extractRawFeatures([{ resourceType: 'Patient', id: 'spec' }], new Date(0)).features,
  );
}

function demographics(patient: FhirJson | undefined, at: Date): Record<string, RawFeature> {
  if (!patient) return { age_years: missing('no Patient resource') };
  const ref = [`Patient/${String(patient.id)}`];
  const age = ageInYears(patient, at) ?? null;
  const omb = (suffix: string, values: readonly string[]) => {
    const ext = ((patient.extension as FhirJson[] | undefined) ?? []).find((e) =>
      String(e.url).endsWith(suffix),
    );
    const category = ((ext?.extension as FhirJson[] | undefined) ?? []).find(
      (e) => e.url === 'ombCategory',
    );
    const code = (category?.valueCoding as { code?: unknown } | undefined)?.code;
    if (code === undefined) return null;
    return typeof code === 'string' && values.includes(code) ? code : 'UNK';
  };
  const from = (value: number | string | null): RawFeature => ({
    value,
    provenance: { sources: ref, count: value === null ? 0 : 1 },
  });
  const gender = patient.gender;
  return {
    // Born after `at` (a retrospective index date before the birth): no age, not a negative one.
    age_years:
      age !== null && age < 0
        ? { ...missing('born after this moment'), unit: 'a' }
        : { ...from(age), unit: 'a' },
    sex: from(
      gender === undefined || gender === null
        ? null
        : categoricalValues.sex!.includes(String(gender))
          ? String(gender)
          : 'unknown',
    ),
    race: from(omb('us-core-race', categoricalValues.race!)),
    ethnicity: from(omb('us-core-ethnicity', categoricalValues.ethnicity!)),
  };
}

/** Every quantitative reading by feature key, converted to the canonical unit, up to `at`. */
function measurementPoints(resources: readonly FhirJson[], at: Date): Map<string, Point[]> {
  const byLoinc = new Map<string, MeasurementFeature>();
  for (const f of measurementFeatures) for (const code of conceptOf(f).loinc) byLoinc.set(code, f);
  const out = new Map<string, Point[]>();
  for (const r of resources) {
    if (r.resourceType !== 'Observation' || excludedObservationStatus.has(String(r.status)))
      continue;
    const iso = String(
      r.effectiveDateTime ?? (r.effectivePeriod as FhirJson | undefined)?.start ?? r.issued ?? '',
    );
    const time = Date.parse(iso);
    if (Number.isNaN(time) || time > at.getTime()) continue;
    const parts = [r, ...((r.component as FhirJson[] | undefined) ?? [])];
    for (const part of parts) {
      for (const coding of ((part.code as FhirJson | undefined)?.coding as
        FhirJson[] | undefined) ?? []) {
        if (coding.system !== 'http://loinc.org') continue;
        const feature = byLoinc.get(String(coding.code));
        const value =
          feature &&
          canonicalValue(String(coding.code), part.valueQuantity as FhirJson | undefined);
        if (feature && value !== undefined) {
          const list = out.get(feature.key) ?? [];
          list.push({ time, value, ref: `Observation/${String(r.id)}`, iso });
          out.set(feature.key, list);
        }
      }
    }
  }
  return out;
}

/** A Quantity in the concept's canonical unit; undefined when the unit is not convertible. */
export function canonicalValue(loinc: string, quantity: FhirJson | undefined): number | undefined {
  if (!quantity || typeof quantity.value !== 'number') return undefined;
  const unit = canonicalUnitByLoinc.get(loinc);
  if (!unit) return undefined;
  // A UCUM code as sent, else a known spelling of the code or of the human-readable unit.
  const candidates = [quantity.code, quantity.unit].filter(
    (u): u is string => typeof u === 'string',
  );
  const ucum = candidates
    .flatMap((u) => [u, toUcum(u)])
    .find((u) => u !== undefined && u in unit.from);
  const convert = ucum ? unit.from[ucum] : undefined;
  return convert ? convert(quantity.value) : undefined;
}

function summarise(
  feature: MeasurementFeature,
  all: Point[],
  at: Date,
): Record<string, RawFeature> {
  const { ucum } = conceptOf(feature);
  const since = at.getTime() - feature.windowDays * day;
  const points = all.filter((p) => p.time >= since).sort((a, b) => a.time - b.time);
  const out: Record<string, RawFeature> = {};
  const provenance = (used: Point[]): Provenance => ({
    sources: used.slice(-10).map((p) => p.ref),
    count: used.length,
    ...(used.length ? { newest: used[used.length - 1]!.iso } : {}),
    windowDays: feature.windowDays,
  });
  out[`${feature.key}_count`] = { value: points.length, provenance: provenance(points) };
  out[`${feature.key}_missing`] = { value: points.length ? 0 : 1, provenance: provenance(points) };
  const [lo, hi] = feature.clip;
  const clipped = points.map((p) => ({ ...p, value: Math.min(hi, Math.max(lo, p.value)) }));
  for (const aggregate of feature.aggregates) {
    const name = `${feature.key}_${aggregate}`;
    const value = aggregateOf(aggregate, clipped);
    out[name] =
      value === null
        ? missing(
            points.length ? 'too few readings for a trend' : 'no reading in window',
            feature.windowDays,
          )
        : {
            value,
            unit: aggregate === 'slope' ? `${ucum}/a` : ucum,
            provenance: {
              ...provenance(aggregate === 'latest' ? clipped.slice(-1) : clipped),
              ...(clipped.some((p, i) => p.value !== points[i]!.value)
                ? { note: `winsorised to [${lo}, ${hi}] ${ucum}` }
                : {}),
            },
          };
  }
  return out;
}

/**
 * One aggregate of time-ordered readings. `slope` is the ordinary least-squares slope per year,
 * needing two readings at least 7 days apart (else null: a trend over hours is noise).
 */
export function aggregateOf(
  aggregate: Aggregate,
  points: readonly { time: number; value: number }[],
): number | null {
  if (points.length === 0) return null;
  const values = points.map((p) => p.value);
  switch (aggregate) {
    case 'latest':
      return values[values.length - 1]!;
    case 'mean':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'slope': {
      if (points.length < 2 || points[points.length - 1]!.time - points[0]!.time < 7 * day)
        return null;
      const years = points.map((p) => (p.time - points[0]!.time) / (365.2425 * day));
      const mx = years.reduce((a, b) => a + b, 0) / years.length;
      const my = values.reduce((a, b) => a + b, 0) / values.length;
      let num = 0;
      let den = 0;
      for (let i = 0; i < points.length; i++) {
        num += (years[i]! - mx) * (values[i]! - my);
        den += (years[i]! - mx) ** 2;
      }
      return num / den;
    }
  }
}

function codings(concept: unknown): { system?: string; code?: string; display?: string }[] {
  return ((concept as FhirJson | undefined)?.coding as { system?: string; code?: string }[]) ?? [];
}

/**
 * Completed years from the Patient's birthDate to `at` by the calendar (risk/fhir/patient-record.ts
 * `ageAt`, the age the risk scores, recommendations and alerts use): the year difference, one less
 * when the month and day of `at` (UTC) come before those of the birth. Someone born on 29 February
 * has their birthday on 1 March in a common year (the month and day 02-29 come after 02-28): a
 * project choice, the one `ageAt` makes. Negative before the birth date; undefined without a
 * readable birthDate.
 */
function ageInYears(patient: FhirJson | undefined, at: Date): number | undefined {
  const birthDate = patient?.birthDate;
  if (typeof birthDate !== 'string') return undefined;
  return ageAt({ patient: { resourceType: 'Patient', birthDate }, at })?.years;
}

/** Clinical statuses (FHIR R4 condition-clinical) of a condition under way. */
const conditionUnderWay: readonly string[] = ['active', 'recurrence', 'relapse'];

/** Clinical statuses (FHIR R4 condition-clinical) of a condition that has ended. */
const conditionEnded: readonly string[] = ['inactive', 'remission', 'resolved'];

/**
 * The day (YYYY-MM-DD) a FHIR date or dateTime starts on, as written, for comparing with a calendar
 * day: a date written only to the month or year reads as its first day ("2023" as 2023-01-01,
 * "2023-06" as 2023-06-01), as a start date does through `Date.parse`, so "ended in 2023" counts
 * at 2023-01-01 (the day of `at` is in) and not at 2022-12-31.
 */
function firstDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : undefined;
}

/** An Age quantity in years (UCUM `a`, or a year unit as written), else undefined. */
function ageQuantityYears(quantity: unknown): number | undefined {
  const q = quantity as FhirJson | undefined;
  if (typeof q?.value !== 'number') return undefined;
  const unit = String(q.code ?? q.unit ?? '').toLowerCase();
  return ['a', 'yr', 'yrs', 'year', 'years'].includes(unit) ? q.value : undefined;
}

/**
 * Whether a Condition, dated on or before the day of `at`, was under way at `at`, at a
 * retrospective index date. So that a retrospective reading at `at` = now gives what the features
 * of the present give (no train/serve skew: a model is served what it learnt from), the clinical
 * status today decides first, as it does in the present:
 * - active, recurrence or relapse (or none, as the present reads it): under way since it began,
 *   whatever its abatement says. The present trusts the status, and an active Condition with an
 *   abatement breaks FHIR R4 invariant con-4 (abatement only with inactive, remission or
 *   resolved), so a stale abatement is not read against it;
 * - inactive, remission or resolved: ended; its abatement (FHIR R4 Condition.abatement[x]) says
 *   when. `abatementDateTime`, else `abatementPeriod.end` (else its start), on or after the day of
 *   `at`: under way (a partial date reads as its first day, `firstDay`); before it: abated.
 *   `abatementAge`, or the low end of an `abatementRange`, in years: under way while the patient
 *   was younger than that age at `at` (calendar age, `ageInYears`). No abatement, or one that
 *   cannot be dated (a string, `abatementBoolean`, an age without a birth date or in other units):
 *   `undefined`, ended at an unknown time, counted as not under way: the record does not show the
 *   condition at `at`, and counting it would make every condition ever resolved current at every
 *   later index date. The same reading as the risk scores' (risk/fhir/patient-record.ts
 *   `conditionActiveAt`);
 * - any other status: not under way (the present does not count it either).
 */
function conditionUnderWayAt(
  r: FhirJson,
  atDay: string,
  age: number | undefined,
): boolean | undefined {
  const status = codings(r.clinicalStatus)[0]?.code;
  if (!status || conditionUnderWay.includes(status)) return true;
  if (!conditionEnded.includes(status)) return false;
  const period = r.abatementPeriod as FhirJson | undefined;
  const abated = firstDay(r.abatementDateTime ?? period?.end ?? period?.start);
  if (abated !== undefined) return abated >= atDay;
  const abatedAge = ageQuantityYears(
    r.abatementAge ?? (r.abatementRange as FhirJson | undefined)?.low,
  );
  if (abatedAge !== undefined && age !== undefined) return age < abatedAge;
  return undefined;
}

/** "; "-joined notes of what a retrospective reading left out, or none. */
function leftOutNote(notes: Array<[count: number, what: string]>): string | undefined {
  const said = notes
    .filter(([count]) => count > 0)
    .map(([count, what]) => `${count} ${what} left out at a retrospective index date`);
  return said.length ? said.join('; ') : undefined;
}

/**
 * Condition flags at `at`: a Condition not refuted or entered in error, dated on or before the day
 * of `at` by the day the derived labels date it (recommend/case-outcome.ts conditionOnsetDay:
 * onsetDateTime, onsetPeriod.start, recordedDate), so an outcome recorded after an index date is
 * never a feature at it. In the features of the present, one whose clinical status is active,
 * recurrence or relapse (or unspecified) counts, and so does an undated one. At a retrospective
 * index date an undated one is left out (ExtractOptions), and one resolved, inactive or in
 * remission today is judged by its abatement as of `at` (`conditionUnderWayAt`): a hypertension
 * diagnosed in 2015 and resolved in 2024 counts at 2023-01-01.
 */
function conditions(
  resources: readonly FhirJson[],
  at: Date,
  patient: FhirJson | undefined,
  retrospective: boolean,
): Record<string, RawFeature> {
  const out: Record<string, RawFeature> = {};
  const atDay = at.toISOString().slice(0, 10);
  const age = retrospective ? ageInYears(patient, at) : undefined;
  const undated: FhirJson[] = [];
  const endedUndated: FhirJson[] = [];
  const active = resources.filter((r) => {
    if (r.resourceType !== 'Condition') return false;
    const status = codings(r.clinicalStatus)[0]?.code;
    const verification = codings(r.verificationStatus)[0]?.code;
    if (['refuted', 'entered-in-error'].includes(verification ?? '')) return false;
    const onset = conditionOnsetDay(r);
    if (!retrospective)
      return (
        (!status || conditionUnderWay.includes(status)) && (onset === undefined || onset <= atDay)
      );
    if (onset === undefined) {
      undated.push(r);
      return false;
    }
    if (onset > atDay) return false;
    const underWay = conditionUnderWayAt(r, atDay, age);
    if (underWay === undefined) endedUndated.push(r);
    return underWay === true;
  });
  const codedAs = (flag: (typeof conditionFlags)[number]) => (r: FhirJson) =>
    codings(r.code).some((c) =>
      c.system === 'http://snomed.info/sct'
        ? flag.snomed.includes(String(c.code))
        : c.system === 'http://hl7.org/fhir/sid/icd-10-cm' &&
          flag.icd10.some((p) => String(c.code).startsWith(p)),
    );
  for (const flag of conditionFlags) {
    const matching = active.filter(codedAs(flag));
    const note = leftOutNote([
      [undated.filter(codedAs(flag)).length, 'undated Condition(s)'],
      [endedUndated.filter(codedAs(flag)).length, 'Condition(s) ended at an unknown date'],
    ]);
    out[`condition_${flag.key}`] = {
      value: matching.length ? 1 : 0,
      provenance: {
        sources: matching.slice(0, 10).map((r) => `Condition/${String(r.id)}`),
        count: matching.length,
        ...(note ? { note } : {}),
      },
    };
  }
  return out;
}

const medicationWindowDays = 365;

/**
 * Statuses (FHIR R4 medicationrequest-status, medication-statement-status) of an order or statement
 * that was under way at some time: active now, or ended since (completed, stopped). What a
 * retrospective index date reads (`medicineUnderWayAt`); never entered-in-error, cancelled, draft,
 * on-hold, intended, not-taken or unknown.
 */
const medicineEverUnderWay: readonly string[] = ['active', 'completed', 'stopped'];

/**
 * Whether a MedicationRequest or MedicationStatement (active, completed or stopped) started by
 * `at` was under way at `at`, at a retrospective index date. As for Conditions
 * (`conditionUnderWayAt`), the status today decides first, so that a retrospective reading at
 * `at` = now gives what the features of the present give:
 * - active: under way since it started, whatever its end date says, as the present reads it. A
 *   request's `dispenseRequest.validityPeriod` is the window in which it may be dispensed, not the
 *   treatment period (FHIR R4 MedicationRequest.dispenseRequest.validityPeriod), and stale
 *   "active" orders past it are common in exports; reading its end here and not in the present
 *   would teach a model 0 where it is served 1;
 * - completed or stopped: ended; its end (a request's `dispenseRequest.validityPeriod.end`, a
 *   statement's `effectivePeriod.end`) on or after the day of `at`: under way (a partial date reads
 *   as its first day, `firstDay`); before it: ended. Without an end it ended at an unknown date
 *   (`undefined`) and does not count: it was under way from its start until some day before today,
 *   which may be before `at`, and counting it would make a course of 2015 current at every later
 *   index date (its dispenses, when the record has them, still count over their 365-day window).
 *   A project choice, as the risk scores read ended orders as history
 *   (risk/fhir/patient-record.ts `completedMedications`).
 */
function medicineUnderWayAt(r: FhirJson, atDay: string): boolean | undefined {
  if (r.status === 'active') return true;
  const validity = (r.dispenseRequest as FhirJson | undefined)?.validityPeriod as
    FhirJson | undefined;
  const ended = firstDay(validity?.end ?? (r.effectivePeriod as FhirJson | undefined)?.end);
  return ended === undefined ? undefined : ended >= atDay;
}

/**
 * Medication classes at `at`: a MedicationRequest or MedicationStatement started on or before `at`,
 * or a MedicationDispense handed over in the window before `at` whose status is not one of
 * `excludedStatus` (recommend/case-outcome.ts: not a medicine received). In the features of the
 * present a request or statement counts when active (undated too); at a retrospective index date
 * an undated one is left out (ExtractOptions), an active one counts, and one completed or stopped
 * counts when it was under way at `at` by its end date (`medicineUnderWayAt`): a statin ordered in
 * 2022 whose validity ran to 2024 counts at 2023-01-01, though completed today.
 */
function medications(
  resources: readonly FhirJson[],
  at: Date,
  retrospective: boolean,
): Record<string, RawFeature> {
  const since = at.getTime() - medicationWindowDays * day;
  const atDay = at.toISOString().slice(0, 10);
  const undated: FhirJson[] = [];
  const endedUndated: FhirJson[] = [];
  const current = resources.filter((r) => {
    if (r.resourceType === 'MedicationRequest' || r.resourceType === 'MedicationStatement') {
      const started = Date.parse(
        String(
          r.authoredOn ??
            (r.effectivePeriod as FhirJson | undefined)?.start ??
            r.effectiveDateTime ??
            '',
        ),
      );
      if (!retrospective)
        return r.status === 'active' && (Number.isNaN(started) || started <= at.getTime());
      if (!medicineEverUnderWay.includes(String(r.status))) return false;
      if (Number.isNaN(started)) {
        undated.push(r);
        return false;
      }
      if (started > at.getTime()) return false;
      const underWay = medicineUnderWayAt(r, atDay);
      if (underWay === undefined) endedUndated.push(r);
      return underWay === true;
    }
    if (r.resourceType === 'MedicationDispense') {
      if (excludedStatus.has(String(r.status))) return false;
      const handed = Date.parse(String(r.whenHandedOver ?? ''));
      return !Number.isNaN(handed) && handed >= since && handed <= at.getTime();
    }
    return false;
  });
  const out: Record<string, RawFeature> = {};
  for (const cls of medicationClasses) {
    const ofClass = (r: FhirJson) => {
      const names = codings(r.medicationCodeableConcept).map((c) => c.display ?? '');
      names.push(String((r.medicationCodeableConcept as FhirJson | undefined)?.text ?? ''));
      const words = names.join(' ').toLowerCase();
      return cls.ingredients.some((i) => new RegExp(`\\b${i}\\b`).test(words));
    };
    const matching = current.filter(ofClass);
    const leftOut = leftOutNote([
      [undated.filter(ofClass).length, 'undated order(s) or statement(s)'],
      [endedUndated.filter(ofClass).length, 'order(s) or statement(s) ended at an unknown date'],
    ]);
    out[`medication_${cls.key}`] = {
      value: matching.length ? 1 : 0,
      provenance: {
        sources: matching.slice(0, 10).map((r) => `${String(r.resourceType)}/${String(r.id)}`),
        count: matching.length,
        windowDays: medicationWindowDays,
        note: `ATC ${cls.atc}${leftOut ? `; ${leftOut}` : ''}`,
      },
    };
  }
  return out;
}

function smoking(resources: readonly FhirJson[], at: Date): Record<string, RawFeature> {
  const readings = resources
    .filter(
      (r) =>
        r.resourceType === 'Observation' &&
        !excludedObservationStatus.has(String(r.status)) &&
        codings(r.code).some((c) => c.code === smokingLoinc) &&
        Date.parse(String(r.effectiveDateTime ?? r.issued ?? '')) <= at.getTime(),
    )
    .sort((a, b) =>
      String(a.effectiveDateTime ?? '').localeCompare(String(b.effectiveDateTime ?? '')),
    );
  const last = readings[readings.length - 1];
  if (!last) return { smoking: missing('no smoking status recorded') };
  const code = codings(last.valueCodeableConcept)[0]?.code ?? '';
  return {
    smoking: {
      value: smokingCategories[code] ?? smokingUnknown,
      provenance: {
        sources: [`Observation/${String(last.id)}`],
        count: 1,
        newest: String(last.effectiveDateTime ?? ''),
      },
    },
  };
}
