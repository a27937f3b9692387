// Domain (risk/fhir): one patient's FHIR R4 resources as of a date, and the queries the scores need —
// the latest Observation by LOINC (including components of panels such as the blood-pressure panel),
// active Conditions by SNOMED CT / ICD-10, active medicines by class — each answer carrying its
// provenance (resource id, date, age in days) for the result's `inputs[].source`.
import type {
  CodeableConcept,
  Coding,
  Condition,
  FamilyMemberHistory,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient,
  Resource,
} from '@medplum/fhirtypes';
import type { ConditionCodes, DrugClass } from './clinical-codes';

const dayMs = 86_400_000;

export interface PatientRecord {
  at: Date;
  patient?: Patient;
  observations: Observation[];
  conditions: Condition[];
  medications: Array<MedicationRequest | MedicationStatement>;
  /** Orders that ended (status completed or stopped) by `at`: a finished course is history. */
  completedMedications?: MedicationRequest[];
  /** Statements of medicines taken in the past (status completed or stopped) by `at`. */
  pastMedicationStatements?: MedicationStatement[];
  familyHistory: FamilyMemberHistory[];
}

/** A measured quantity with where it came from. */
export interface Measured {
  value: number;
  /** UCUM code (or printed unit) as recorded. */
  unit: string;
  id: string;
  date: Date;
  ageDays: number;
}

/** A coded observation answer with where it came from. */
export interface CodedAnswer {
  concept: CodeableConcept;
  id: string;
  date: Date;
  ageDays: number;
}

/** Index resources for one patient, keeping only what was known at `at` and not entered in error. */
export function patientRecord(resources: readonly Resource[], at: Date): PatientRecord {
  const known = (date: Date | undefined) => date === undefined || date.getTime() <= at.getTime();
  const record: PatientRecord = {
    at,
    observations: [],
    conditions: [],
    medications: [],
    familyHistory: [],
  };
  for (const r of resources) {
    if (r.resourceType === 'Patient') record.patient ??= r;
    else if (r.resourceType === 'Observation') {
      if (
        !['entered-in-error', 'cancelled'].includes(r.status) &&
        observationDate(r) &&
        known(observationDate(r))
      )
        record.observations.push(r);
    } else if (r.resourceType === 'Condition') {
      if (conditionKnownAt(r, at)) record.conditions.push(r);
    } else if (r.resourceType === 'MedicationRequest') {
      if (['active', 'on-hold'].includes(r.status) && known(parseDate(r.authoredOn)))
        record.medications.push(r);
      else if (['completed', 'stopped'].includes(r.status) && known(parseDate(r.authoredOn)))
        (record.completedMedications ??= []).push(r);
    } else if (r.resourceType === 'MedicationStatement') {
      if (
        ['active', 'intended'].includes(r.status) &&
        known(parseDate(r.effectiveDateTime ?? r.effectivePeriod?.start))
      )
        record.medications.push(r);
      else if (
        ['completed', 'stopped'].includes(r.status) &&
        known(parseDate(r.effectiveDateTime ?? r.effectivePeriod?.start))
      )
        (record.pastMedicationStatements ??= []).push(r);
    } else if (r.resourceType === 'FamilyMemberHistory' && r.status !== 'entered-in-error')
      record.familyHistory.push(r);
  }
  return record;
}

export function parseDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function observationDate(o: Observation): Date | undefined {
  return parseDate(
    o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.effectiveInstant ?? o.issued,
  );
}

/** When a condition began, as written (a FHIR date or dateTime): its onset, else when recorded. */
export function conditionOnset(c: Condition): string | undefined {
  return c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate;
}

/** Recorded by `at` and not refuted (whether still active or not). */
function conditionKnownAt(c: Condition, at: Date): boolean {
  const verification = c.verificationStatus?.coding?.[0]?.code;
  if (verification === 'refuted' || verification === 'entered-in-error') return false;
  const onset = parseDate(conditionOnset(c));
  return !onset || onset.getTime() <= at.getTime();
}

/** Still active at `at`: not abated by then, and not recorded as resolved, inactive or in remission. */
function conditionActiveAt(c: Condition, at: Date): boolean {
  const abated = parseDate(c.abatementDateTime ?? c.abatementPeriod?.end);
  if (abated) return abated.getTime() > at.getTime();
  const clinical = c.clinicalStatus?.coding?.[0]?.code;
  return !['resolved', 'inactive', 'remission'].includes(clinical ?? '');
}

export function codings(concept: CodeableConcept | undefined): Coding[] {
  return concept?.coding ?? [];
}

function hasLoinc(concept: CodeableConcept | undefined, codes: readonly string[]): boolean {
  return codings(concept).some(
    (c) => c.system === 'http://loinc.org' && codes.includes(c.code ?? ''),
  );
}

function ageDays(date: Date, at: Date): number {
  return Math.floor((at.getTime() - date.getTime()) / dayMs);
}

/**
 * Every numeric value of these LOINC codes, as an Observation or a panel component, newest first:
 * valueQuantity, or valueInteger (FHIR R4 Observation.value[x]; questionnaire totals often use it),
 * whose unit is `{score}`.
 */
export function measurements(record: PatientRecord, codes: readonly string[]): Measured[] {
  const found: Measured[] = [];
  for (const o of record.observations) {
    const date = observationDate(o)!;
    const candidates = [o, ...(o.component ?? [])].filter((x) => hasLoinc(x.code, codes));
    for (const x of candidates) {
      const q = x.valueQuantity;
      const value = typeof q?.value === 'number' ? q.value : x.valueInteger;
      if (typeof value !== 'number') continue;
      found.push({
        value,
        unit: q ? (q.code ?? q.unit ?? '') : '{score}',
        id: `Observation/${o.id ?? '?'}`,
        date,
        ageDays: ageDays(date, record.at),
      });
    }
  }
  return found.sort((a, b) => b.date.getTime() - a.date.getTime());
}

export function latestMeasurement(
  record: PatientRecord,
  codes: readonly string[],
): Measured | undefined {
  return measurements(record, codes)[0];
}

/** A questionnaire item whose answer was recorded but cannot be scored, and why. */
export interface UnreadableItem {
  id: string;
  date: Date;
  ageDays: number;
  unreadable: string;
}

/**
 * The newest answer to a questionnaire item of these LOINC codes (an Observation or a panel
 * component), scored: a number (valueQuantity or valueInteger, as `measurements` reads it), or a
 * LOINC answer code (valueCodeableConcept, e.g. LA6571-9 "Nearly every day") scored by `answers`.
 * An item recorded with neither (another code, text, no value) is returned as unreadable, saying
 * why, so that a recorded answer is never taken for an absent one.
 */
export function latestItemScore(
  record: PatientRecord,
  codes: readonly string[],
  answers: Readonly<Record<string, number>>,
): Measured | UnreadableItem | undefined {
  const found: Array<Measured | UnreadableItem> = [];
  for (const o of record.observations) {
    const date = observationDate(o)!;
    const base = { id: `Observation/${o.id ?? '?'}`, date, ageDays: ageDays(date, record.at) };
    for (const x of [o, ...(o.component ?? [])].filter((x) => hasLoinc(x.code, codes))) {
      const q = x.valueQuantity;
      const number = typeof q?.value === 'number' ? q.value : x.valueInteger;
      if (typeof number === 'number') {
        found.push({ ...base, value: number, unit: q ? (q.code ?? q.unit ?? '') : '{score}' });
        continue;
      }
      const answer = codings(x.valueCodeableConcept).find(
        (c) =>
          (c.system === undefined || c.system === 'http://loinc.org') &&
          answers[c.code ?? ''] !== undefined,
      );
      if (answer) {
        found.push({ ...base, value: answers[answer.code!]!, unit: '{score}' });
        continue;
      }
      const recorded = x.valueCodeableConcept
        ? `answer ${[...codings(x.valueCodeableConcept).map((c) => c.code ?? c.display), x.valueCodeableConcept.text].filter(Boolean).join(' / ') || 'without a code'} is not one of ${Object.keys(answers).join(', ')}`
        : x.valueString !== undefined
          ? `answer "${x.valueString}" is text, not a number or an answer code`
          : x.dataAbsentReason
            ? `no answer (${codings(x.dataAbsentReason)[0]?.code ?? x.dataAbsentReason.text ?? 'data absent'})`
            : 'no value';
      found.push({ ...base, unreadable: recorded });
    }
  }
  return found.sort((a, b) => b.date.getTime() - a.date.getTime())[0];
}

/** The newest coded answer (valueCodeableConcept) of these LOINC codes. */
export function latestAnswer(
  record: PatientRecord,
  codes: readonly string[],
): CodedAnswer | undefined {
  return record.observations
    .filter((o) => hasLoinc(o.code, codes) && o.valueCodeableConcept)
    .map((o) => {
      const date = observationDate(o)!;
      return {
        concept: o.valueCodeableConcept!,
        id: `Observation/${o.id ?? '?'}`,
        date,
        ageDays: ageDays(date, record.at),
      };
    })
    .sort((a, b) => b.date.getTime() - a.date.getTime())[0];
}

/** True when a concept carries one of the code set's SNOMED codes or ICD-10 prefixes. */
export function matchesCodes(concept: CodeableConcept | undefined, codes: ConditionCodes): boolean {
  return codings(concept).some((c) => {
    if (c.system === 'http://snomed.info/sct') return codes.snomed.includes(c.code ?? '');
    if (c.system?.startsWith('http://hl7.org/fhir/sid/icd-10'))
      return codes.icd10.some((p) => (c.code ?? '').startsWith(p));
    return false;
  });
}

/** The first Condition in the code set still active at the record's date, if any. */
export function activeCondition(
  record: PatientRecord,
  codes: ConditionCodes,
): Condition | undefined {
  return record.conditions.find(
    (c) => matchesCodes(c.code, codes) && conditionActiveAt(c, record.at),
  );
}

/**
 * The Condition in the code set with the latest onset ever recorded by the record's date (history
 * criteria: prior stroke, MI). The latest, because its timing is what later rules read (DAPT for 12
 * months after an ACS); one without an onset only when none has one.
 */
export function conditionHistory(
  record: PatientRecord,
  codes: ConditionCodes,
): Condition | undefined {
  let latest: Condition | undefined;
  for (const c of record.conditions) {
    if (!matchesCodes(c.code, codes)) continue;
    const onset = conditionOnset(c);
    const latestOnset = latest && conditionOnset(latest);
    if (!latest || (onset !== undefined && (latestOnset === undefined || onset > latestOnset)))
      latest = c;
  }
  return latest;
}

function medicationConcept(
  m: MedicationRequest | MedicationStatement,
): CodeableConcept | undefined {
  return m.medicationCodeableConcept;
}

/** True when the medicine is of the class, by ATC prefix or ingredient name. */
function inDrugClass(m: MedicationRequest | MedicationStatement, drugClass: DrugClass): boolean {
  const concept = medicationConcept(m);
  const atc = codings(concept).some(
    (c) =>
      c.system === 'http://www.whocc.no/atc' &&
      drugClass.atc.some((p) => (c.code ?? '').startsWith(p)),
  );
  const texts = [concept?.text, ...codings(concept).map((c) => c.display)].filter(
    (t): t is string => !!t,
  );
  return atc || texts.some((t) => drugClass.ingredients.test(t));
}

/** The first active MedicationRequest/Statement of the class, by ATC prefix or ingredient name. */
export function activeMedication(
  record: PatientRecord,
  drugClass: DrugClass,
): MedicationRequest | MedicationStatement | undefined {
  return record.medications.find((m) => inDrugClass(m, drugClass));
}

/**
 * A medicine of the class ever recorded by the record's date: an active one, else a finished one
 * (a MedicationRequest or MedicationStatement completed or stopped).
 */
export function medicationEver(
  record: PatientRecord,
  drugClass: DrugClass,
): MedicationRequest | MedicationStatement | undefined {
  return (
    activeMedication(record, drugClass) ??
    [...(record.completedMedications ?? []), ...(record.pastMedicationStatements ?? [])].find((m) =>
      inDrugClass(m, drugClass),
    )
  );
}

/** "Observation/abc 2024-05-01 (3 d old)". */
export function describeMeasured(m: { id: string; date: Date; ageDays: number }): string {
  return `${m.id} ${m.date.toISOString().slice(0, 10)} (${m.ageDays} d old)`;
}

export function describeCondition(c: Condition): string {
  const onset = c.onsetDateTime ?? c.recordedDate;
  return `Condition/${c.id ?? '?'}${onset ? ` onset ${onset.slice(0, 10)}` : ''}`;
}

export function describeMedication(m: MedicationRequest | MedicationStatement): string {
  const date =
    m.resourceType === 'MedicationRequest'
      ? m.authoredOn
      : (m.effectiveDateTime ?? m.effectivePeriod?.start);
  return `${m.resourceType}/${m.id ?? '?'}${date ? ` ${date.slice(0, 10)}` : ''}`;
}

/** Completed years (or months) from the Patient's birthDate to `at`. */
export function ageAt(
  record: Pick<PatientRecord, 'patient' | 'at'>,
  at = record.at,
): { years: number; months: number } | undefined {
  const birth = parseDate(record.patient?.birthDate);
  if (!birth) return undefined;
  let years = at.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    at.getUTCMonth() < birth.getUTCMonth() ||
    (at.getUTCMonth() === birth.getUTCMonth() && at.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) years -= 1;
  // CDC growth charts: age in months = days / 30.4375.
  const months = (at.getTime() - birth.getTime()) / dayMs / 30.4375;
  return { years, months };
}
