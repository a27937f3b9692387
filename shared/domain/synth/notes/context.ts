// Domain (synth/notes): the truth a note is written from, taken at the note's date (conditions by onset,
// medications active then, the encounter's measurements) plus patient-level facts every note must agree on.
import { conditions, measurements as catalogMeasurements, type ConditionKey } from '../catalog';
import type {
  SynthNote,
  SynthPatient,
  TrueCondition,
  TrueEncounter,
  TrueMeasurement,
  TrueMedication,
} from '../model';
import type { Rng } from '../rng';
import { abatementDate } from '../state/condition-course';
import { incidentalSurgery, surgeryAfter, type ProcedureKey } from './lexicon/clinical';
import { hospitalDisplayName } from './lexicon/people';
import type { Presentation } from './lexicon/presentations';
import { pickPerson, pickRelative, type Person } from './people';

export type NoteKind = SynthNote['kind'];

/** Facts drawn once per patient, so every note of the patient tells the same story. */
export interface PatientFacts {
  hospital: string;
  pcp: Person;
  /** A spouse, parent or child who brings the patient in or is the contact. */
  relative: Person;
  relativeRole: string;
  /** Operations, by year; `date` (YYYY-MM-DD) where the day is known: not in a note before it. */
  surgeries: { procedure: ProcedureKey; year: number; date?: string }[];
  alcohol: 'none' | 'social' | 'moderate';
  occupationIndex: number;
  employerIndex: number;
  /** Smokers (current and former): the year they started. */
  startYear: number;
  /** Former smokers: the year they quit, no later than the record's first encounter (smokingHistory). */
  quitYear: number;
  cigarettesPerDay: number;
}

export interface ConditionAtDate {
  condition: TrueCondition;
  assertion: 'present' | 'historical';
}

export interface NoteTruth {
  patient: SynthPatient;
  encounter: TrueEncounter;
  kind: NoteKind;
  /**
   * YYYY-MM-DD the note describes (admission for an H&P, the morning written for an inpatient
   * progress note, discharge for a discharge summary).
   */
  date: string;
  /** ISO date-time the note was authored. */
  authoredAt: string;
  ageYears: number;
  ageMonths: number;
  conditions: ConditionAtDate[];
  /** The encounter reason when the patient has it by the note date. */
  reason?: ConditionKey;
  /** Reason known at the encounter but not (yet) diagnosed: written as uncertain. */
  suspected?: ConditionKey;
  /** Why an ED visit or a stay without a catalog condition as its reason came (its complaint). */
  presentation?: Presentation;
  /** Acute presentation (emergency, inpatient, or a new/acute problem). */
  acute: boolean;
  /**
   * For a readmission (`TrueEncounter.readmission`), the discharge (ISO date-time) of the stay it
   * follows: its notes tell a return after that stay, not a new event (1.15.0).
   */
  readmittedAfter?: string;
  medications: TrueMedication[];
  stoppedMedications: TrueMedication[];
  /** The encounter's measurements as of the note: its own vital-sign set (measurementsAsOf). */
  measurements: TrueMeasurement[];
  smoking: 'never' | 'former' | 'current';
  facts: PatientFacts;
}

const dayMs = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / dayMs);
}

/** Year, month and day of a YYYY-MM-DD date. */
function dateParts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

export function ageAt(birthDate: string, date: string): { years: number; months: number } {
  const [by, bm, bd] = dateParts(birthDate);
  const [y, m, d] = dateParts(date);
  let months = (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
  months = Math.max(0, months);
  return { years: Math.floor(months / 12), months };
}

/** Patient-level facts; `rng` should be a fork reserved for them. */
export function patientFacts(patient: SynthPatient, rng: Rng): PatientFacts {
  const birthYear = Number(patient.demographics.birthDate.slice(0, 4));
  const surgeries: PatientFacts['surgeries'] = [];
  for (const c of patient.conditions) {
    // No breast surgery for a stage IV breast cancer (1.6.0; until 1.5.0 "lumpectomy" in 75%): de novo
    // metastatic disease is treated systemically (NCCN Breast v4.2024); removing the primary gave no
    // survival benefit (ECOG-ACRIN E2108, Khan SA et al. J Clin Oncol 2022;40:978).
    if (c.key === 'breast-cancer' && c.severity === 'IV') continue;
    for (const [procedure, share] of surgeryAfter[c.key] ?? []) {
      if (rng.chance(share) && !surgeries.some((s) => s.procedure === procedure)) {
        surgeries.push({ procedure, year: Number(c.onset.slice(0, 4)) + rng.int(0, 1) });
      }
    }
  }
  // A colorectal cancer of stage I-III was resected 3 weeks after its diagnosis (generator choice;
  // adjuvant capecitabine starts 4-12 weeks after it: state/cancer-therapy.ts) (1.7.0; until 1.6.0 no
  // patient had a colectomy, while stage III was on adjuvant capecitabine "after resection"):
  // colectomy with regional lymphadenectomy is the primary treatment of non-metastatic colon cancer
  // (NCCN Colon Cancer v3.2024, COL-2/COL-3; rectal cancer after neoadjuvant therapy: NCCN Rectal
  // Cancer v3.2024). Stage IV primaries are mostly left in place (NCCN COL-9; generator choice: none).
  // No draw: every other fact keeps its stream.
  const colorectal = patient.conditions.find((c) => c.key === 'colorectal-cancer');
  if (colorectal && colorectal.severity !== 'IV') {
    const date = shiftDate(colorectal.onset.slice(0, 10), 21);
    surgeries.push({ procedure: 'partialColectomy', year: Number(date.slice(0, 4)), date });
  }
  for (const [procedure, share] of incidentalSurgery) {
    if (rng.chance(share)) surgeries.push({ procedure, year: birthYear + rng.int(6, 40) });
  }
  const adult = patient.demographics.ageYears >= 18;
  const pcp = pickPerson(rng);
  const relativeRole = adult
    ? rng.pick(['wife', 'husband', 'daughter', 'son', 'sister', 'partner'])
    : rng.pick(['mother', 'father', 'grandmother']);
  return {
    hospital: hospitalDisplayName(patient.hospital),
    pcp,
    relative: pickRelative(rng, patient.demographics.name.family, relativeRole),
    relativeRole,
    surgeries,
    alcohol: rng.weighted([
      ['none', 0.4],
      ['social', 0.45],
      ['moderate', 0.15],
    ] as const),
    occupationIndex: rng.int(0, 1000),
    employerIndex: rng.int(0, 1000),
    ...smokingHistory(patient, rng),
  };
}

/**
 * When a smoker started and, if former, quit, and how much they smoked. They started at 13-21: nearly 9 in
 * 10 adult daily smokers first tried a cigarette by 18, and 99% by 26 (US Surgeon General, Preventing
 * Tobacco Use Among Youth and Young Adults, 2012). A former smoker quit no later than the record's
 * first encounter, because the smoking-status Observations of the record's wellness visits say
 * "former" from the first (state/lab-results.ts), and the notes must agree. Pack-years are then
 * cigarettes per day / 20 x years smoked, at the note's date (packYearsAt). Until generator 1.2.0
 * they were drawn on their own, so a note could say "1/2 ppd" and "60 pack-years" of a 30-year-old,
 * and a former smoker's quit year could lie after the record, making every note "current".
 */
function smokingHistory(
  patient: SynthPatient,
  rng: Rng,
): Pick<PatientFacts, 'startYear' | 'quitYear' | 'cigarettesPerDay'> {
  const birthYear = Number(patient.demographics.birthDate.slice(0, 4));
  const first = patient.encounters[0]?.start;
  const firstYear = first ? Number(first.slice(0, 4)) : birthYear + patient.demographics.ageYears;
  const startYear = Math.max(birthYear + 10, Math.min(birthYear + rng.int(13, 21), firstYear - 1));
  const quitYear = startYear + 1 + Math.floor(rng.next() * Math.max(1, firstYear - startYear));
  return { startYear, quitYear, cigarettesPerDay: rng.pick([5, 10, 10, 15, 20, 20, 30, 40]) };
}

/** Pack-years in `year`: packs a day x years smoked (to the quit year for a former smoker), at least 1. */
export function packYearsAt(
  facts: PatientFacts,
  smoking: 'former' | 'current',
  year: number,
): number {
  const smoked = (smoking === 'former' ? Math.min(year, facts.quitYear) : year) - facts.startYear;
  return Math.max(1, Math.round((facts.cigarettesPerDay / 20) * smoked));
}

/**
 * Status of the patient's conditions at `date`: present from onset to abatement, then history. A
 * resolved condition abates when its FHIR Condition does (state/condition-course.ts: a typical course
 * by condition, a year for chronic ones, extended to the end of a later stay for it); an active one
 * never. The latest episode of a repeated condition wins. Until generator 1.15.0 every acute condition
 * was present for 30 days, whatever the Condition's abatement (10 days for otitis media, 28 for MI and
 * stroke, 90 for DVT).
 */
export function conditionsAt(patient: SynthPatient, date: string): ConditionAtDate[] {
  const latest = new Map<ConditionKey, TrueCondition>();
  for (const c of patient.conditions) {
    if (c.onset.slice(0, 10) > date) continue;
    const seen = latest.get(c.key);
    if (!seen || seen.onset < c.onset) latest.set(c.key, c);
  }
  const out: ConditionAtDate[] = [];
  for (const c of latest.values()) {
    const abated = abatementDate(c, patient.encounters);
    const present = abated === undefined || date <= abated;
    out.push({ condition: c, assertion: present ? 'present' : 'historical' });
  }
  return out;
}

function activeOn(med: TrueMedication, date: string): boolean {
  return med.start.slice(0, 10) <= date && (med.end === undefined || med.end.slice(0, 10) > date);
}

/**
 * When a note was written: a discharge summary at discharge; an inpatient progress note on the
 * morning of hospital day 2 or 3 (stays with one last 3 days or more; the day follows from the
 * admission minute); any other note at the encounter's start. Until 1.3.0 the progress note shared
 * the admission's time, and said "hospital day 3" of the day of admission.
 */
function authoredAtOf(encounter: TrueEncounter, kind: NoteKind): string {
  if (kind === 'discharge-summary') return encounter.end;
  if (kind !== 'progress' || encounter.kind !== 'inpatient') return encounter.start;
  const minute = encounter.start.slice(14, 16);
  const morning = `${shiftDate(encounter.start, hospitalDayOf(encounter) - 1)}T07:${minute}:00${encounter.start.slice(19)}`;
  return Date.parse(morning) < Date.parse(encounter.end) ? morning : encounter.start;
}

/** The hospital day (admission day = 1) of an inpatient stay's progress note: 2 or 3. */
export function hospitalDayOf(encounter: TrueEncounter): number {
  return 2 + (Number(encounter.start.slice(15, 16)) % 2);
}

/**
 * The encounter's measurements as of a note written at `at` (ISO date-time): every lab and survey,
 * and of each vital sign the latest reading taken by then (a progress note the morning's ward set, a
 * discharge summary the discharge day's: state/ward-vitals.ts), or the first when none was (an H&P
 * is dated at arrival, its vitals minutes later). Until 1.6.0 an encounter had one set of vitals, and
 * every note of a stay showed the admission's.
 */
export function measurementsAsOf(
  measurements: readonly TrueMeasurement[],
  at: string,
): TrueMeasurement[] {
  // Local wall-clock times (YYYY-MM-DDTHH:MM), as the note prints them: a progress note's time keeps
  // the admission's UTC offset (authoredAtOf), so across a DST change its instant is an hour off.
  const limit = at.slice(0, 16);
  const chosen = new Map<TrueMeasurement['key'], TrueMeasurement>();
  for (const m of measurements) {
    if (catalogMeasurements[m.key].category !== 'vital-signs') continue;
    const t = m.at.slice(0, 16);
    const seen = chosen.get(m.key)?.at.slice(0, 16);
    // By the note's time beats after it; then the latest by then, or else the earliest after.
    const better =
      seen === undefined || (t <= limit ? seen > limit || t > seen : seen > limit && t < seen);
    if (better) chosen.set(m.key, m);
  }
  return measurements.filter(
    (m) => catalogMeasurements[m.key].category !== 'vital-signs' || chosen.get(m.key) === m,
  );
}

/** Everything one note of `kind` for `encounter` is allowed to say. */
export function noteTruth(
  patient: SynthPatient,
  encounter: TrueEncounter,
  kind: NoteKind,
  facts: PatientFacts,
  measurements: TrueMeasurement[],
  presentation?: Presentation,
): NoteTruth {
  const authoredAt = authoredAtOf(encounter, kind);
  const date = authoredAt.slice(0, 10);
  const age = ageAt(patient.demographics.birthDate, date);
  // The reason for the encounter is active at it, whatever its age (a recurrent acute condition).
  const atDate = conditionsAt(patient, date).map((c): ConditionAtDate =>
    c.condition.key === encounter.reason ? { ...c, assertion: 'present' } : c,
  );
  const reasonKnown = encounter.reason && atDate.some((c) => c.condition.key === encounter.reason);
  const acute =
    encounter.kind === 'emergency' ||
    encounter.kind === 'inpatient' ||
    (encounter.reason !== undefined && !conditions[encounter.reason].chronic);
  const medications = patient.medications.filter((m) => activeOn(m, date));
  const earlierStay = encounter.readmission
    ? patient.encounters
        .filter((e) => e.kind === 'inpatient' && Date.parse(e.end) <= Date.parse(encounter.start))
        .at(-1)
    : undefined;
  const stoppedMedications = patient.medications.filter(
    (m) => m.end !== undefined && m.end.slice(0, 10) <= date && daysBetween(m.end, date) <= 365,
  );
  return {
    patient,
    encounter,
    kind,
    date,
    authoredAt,
    ageYears: age.years,
    ageMonths: age.months,
    conditions: atDate,
    reason: reasonKnown ? encounter.reason : undefined,
    suspected: reasonKnown ? undefined : encounter.reason,
    presentation: encounter.reason ? undefined : presentation,
    acute,
    ...(earlierStay ? { readmittedAfter: earlierStay.end } : {}),
    medications,
    stoppedMedications,
    measurements: measurementsAsOf(measurements, authoredAt),
    // The status of the whole record: a former smoker quit before its first encounter (smokingHistory).
    smoking: patient.riskFactors.smoking,
    facts,
  };
}

/** Whether the patient has any of `keys` at the note's date (not only in the past). */
export function hasPresent(truth: NoteTruth, ...keys: readonly ConditionKey[]): boolean {
  return truth.conditions.some((x) => x.assertion === 'present' && keys.includes(x.condition.key));
}

/**
 * Whether this clinic visit makes the diagnosis it is for: its reason begins on the visit's day or
 * later (the record dates the diagnosis up to the visit). Such a visit is an evaluation, not a
 * follow-up.
 */
export function diagnosesReason(truth: NoteTruth): boolean {
  const { encounter, reason } = truth;
  if (!reason || (encounter.kind !== 'ambulatory' && encounter.kind !== 'wellness')) return false;
  const day = encounter.start.slice(0, 10);
  return truth.conditions.some((x) => x.condition.key === reason && x.condition.onset >= day);
}

/** Conditions the patient ever had by `date` (never to be negated or called merely possible). */
export function everHad(truth: NoteTruth): Set<ConditionKey> {
  return new Set(truth.conditions.map((c) => c.condition.key));
}

/** `iso` (YYYY-MM-DD...) shifted by `days`, as YYYY-MM-DD. */
export function shiftDate(iso: string, days: number): string {
  return new Date(Date.parse(iso.slice(0, 10)) + days * dayMs).toISOString().slice(0, 10);
}
