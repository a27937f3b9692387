// Domain (recommend): the measurements and validated scores the guidelines read, in canonical units,
// each with provenance. Scores are computed by the risk module (risk/scores-from-fhir.ts), never here.
import type { Resource } from '@medplum/fhirtypes';
import { ValidationError } from '../errors';
import type { RiskScoreName } from '../risk/registry';
import { sameUnit } from '../risk/score-definition';
import { scoresFromFhir } from '../risk/scores-from-fhir';
import { phqFrequencyAnswers } from '../risk/fhir/clinical-codes';
import {
  ageAt,
  describeMeasured,
  latestItemScore,
  measurements,
  type Measured,
} from '../risk/fhir/patient-record';
import type { PatientRecord } from '../risk/fhir/patient-record';
import { cholesterolMgdlPerMmol, kgPerPound } from '../risk/units';
import { childHeightMaxAgeDays } from '../monitoring/rules';
import { recommenderLoinc as loinc } from './clinical-codes';
import type { Fact } from './patient-facts';

export interface LabFacts {
  /** Mean of the (up to) three most recent readings within a year, mmHg. */
  sbp?: Fact<number>;
  dbp?: Fact<number>;
  ldl?: Fact<number>;
  hba1c?: Fact<number>;
  /** mL/min/1.73 m²: CKD-EPI 2021 from creatinine (adults), else a reported eGFR. */
  egfr?: Fact<number>;
  /** Cockcroft-Gault creatinine clearance, mL/min (DOAC dosing uses it, per the labels). */
  crcl?: Fact<number>;
  /** Serum creatinine, mg/dL (apixaban dose criteria). */
  creatinine?: Fact<number>;
  weightKg?: Fact<number>;
  /** The latest height (cm) of the last 180 days (as the monitor reads it): a child's BP percentiles need it (AAP 2017). */
  heightCm?: Fact<number>;
  potassium?: Fact<number>;
  alt?: Fact<number>;
  /** Urine albumin-to-creatinine ratio, mg/g. */
  uacr?: Fact<number>;
  /** Left ventricular ejection fraction, %, the latest within 2 years. */
  lvef?: Fact<number>;
  /**
   * Every LVEF (%) recorded, newest first, with its date: HF with improved EF reads the lowest,
   * trastuzumab monitoring the pre-treatment one.
   */
  lvefReadings?: (Fact<number> & { date: string })[];
  /**
   * Readings passed over because they cannot be used (a unit not recognised, a creatinine too old
   * for CKD-EPI), each saying which and why; the report lists them with the missing data.
   */
  unusable?: string[];
}

export interface ScoreFact {
  value: number;
  category?: string;
  /** False when the patient is outside the score's validated population or input ranges. */
  applicable: boolean;
  reason?: string;
  /**
   * Inputs older than the score's documented maximum age (risk/fhir/provide.ts maxAgeDays: PHQ-9 and
   * GAD-7 14 days, the 10-year risk factors 365 days); empty when every input is current.
   */
  stale: string[];
  reference: string;
  source: string;
}

/**
 * A score a decision may rest on: computed for a patient inside its validated population
 * (`applicable`) from current inputs (none `stale`). Otherwise undefined, with `why` saying what
 * is wrong with the one on record (undefined too when there is none).
 */
export function usableScore(score: ScoreFact | undefined): {
  score?: ScoreFact;
  why?: string;
} {
  if (!score) return {};
  if (score.stale.length)
    return { why: `${score.source} rests on stale inputs (${score.stale.join(', ')})` };
  if (!score.applicable)
    return {
      why: `${score.source} is outside its validated use (${score.reason ?? 'not applicable'})`,
    };
  return { score };
}

/**
 * An answer recorded but impossible to score (an unknown answer code, text, no value, a number out of
 * range): never taken for an absent or a negative answer. `unreadable` says why, `source` where.
 */
export interface UnreadableFact {
  unreadable: string;
  source: string;
}

export type ScoreFacts = Partial<
  Record<'ascvd' | 'cha2ds2vasc' | 'hasbled' | 'phq9' | 'gad7', ScoreFact>
> & { phq9Item9?: Fact<number> | UnreadableFact };

const dayMs = 86_400_000;

/**
 * ALT in U/L from the units laboratories report it in: U/L and IU/L are the same unit; 1 µkat/L =
 * 60 U/L (1 U = 1 µmol/min = 16.67 nkat; IFCC/SI, as in Tietz Textbook of Laboratory Medicine, 7th ed.).
 */
export const altToUnitsPerLitre: Record<string, (x: number) => number> = {
  'U/L': (x) => x,
  '[IU]/L': (x) => x,
  'IU/L': (x) => x,
  'ukat/L': (x) => x * 60,
};

/**
 * The newest reading within `maxAgeDays`, converted to `unit`; undefined when there is none, or when
 * the newest is in a unit neither `unit` nor one of `convert`'s (an older reading in a known unit is
 * not used in its place: it would hide a newer value, e.g. an eGFR that fell). The unusable reading
 * is then described in `unusable`, when given, so the report can say why the value is absent.
 */
function latestIn(
  record: PatientRecord,
  codes: readonly string[],
  unit: string,
  convert: Record<string, (x: number) => number> = {},
  maxAgeDays = 730,
  unusable?: { name: string; list: string[] },
): Fact<number> | undefined {
  const m = measurements(record, codes)[0];
  if (!m || m.ageDays > maxAgeDays) return undefined;
  const f = sameUnit(m.unit, unit)
    ? (x: number) => x
    : Object.entries(convert).find(([u]) => sameUnit(u, m.unit))?.[1];
  if (f) return { value: round(f(m.value), 1), unit, source: describeMeasured(m) };
  unusable?.list.push(
    `${unusable.name}: ${describeMeasured(m)} in "${m.unit}", a unit not recognised (not used)`,
  );
  return undefined;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

function meanOfRecent(list: Measured[], at: Date, unit: string): Fact<number> | undefined {
  const recent = list.filter((m) => at.getTime() - m.date.getTime() <= 365 * dayMs).slice(0, 3);
  if (!recent.length) return undefined;
  const mean = recent.reduce((s, m) => s + m.value, 0) / recent.length;
  return {
    value: Math.round(mean),
    unit,
    source: `mean of ${recent.length}: ${recent.map(describeMeasured).join('; ')}`,
  };
}

/**
 * Cockcroft-Gault creatinine clearance (mL/min) = (140 - age) x weight (kg) / (72 x creatinine mg/dL),
 * x 0.85 for women (Cockcroft DW, Gault MH. Nephron 1976;16:31), actual body weight, as the DOAC
 * labels use it.
 */
export function cockcroftGault(age: number, weightKg: number, creatinine: number, female: boolean) {
  return ((140 - age) * weightKg * (female ? 0.85 : 1)) / (72 * creatinine);
}

/** Age in days of a measured value from its describeMeasured() text ("... (12 d old)"). */
function ageInDays(source: string): number | undefined {
  const m = /\((\d+) d old\)/.exec(source);
  return m ? Number(m[1]) : undefined;
}

/**
 * eGFR, creatinine and creatinine clearance. CKD-EPI 2021 (risk module) counts only when its
 * creatinine is current: one older than 90 days (risk/fhir/provide.ts maxAgeDays.creatinine: KDIGO
 * 2012 defines CKD over > 3 months, and dosing needs a current value) is stale, and then neither it
 * nor the creatinine clearance and creatinine it gives are used. A reported eGFR counts within 90
 * days too; with both, the newer wins (a reported eGFR of 25 last week outweighs a computed 80 from
 * two months ago). Neither: eGFR stays unset, so every renally dosed drug gets the missing-data
 * caution (safety/contraindications.ts) rather than passing on an old value.
 */
function renalFacts(
  resources: readonly Resource[],
  at: Date,
  labs: LabFacts,
  record: PatientRecord,
  unusable: string[],
) {
  const reported = latestIn(
    record,
    loinc.egfr,
    'mL/min/{1.73_m2}',
    { 'mL/min/1.73m2': (x) => x, 'mL/min/1.73m²': (x) => x },
    90,
    { name: 'eGFR', list: unusable },
  );
  const ckd = tryScore(resources, 'egfr-ckd-epi-2021', at);
  const creatinineSource = ckd?.inputs.find((i) => i.name === 'creatinine')?.source;
  const staleCreatinine = ckd?.stale.includes('creatinine') ?? false;
  if (ckd && ckd.value !== null && ckd.applicable && staleCreatinine)
    unusable.push(
      // The score's source already ends ", older than 90 d" for a stale input: said once, here.
      `creatinine: ${creatinineSource?.replace(/, older than \d+ d$/, '') ?? 'the latest'} is older than 90 days; CKD-EPI, creatinine clearance and the apixaban creatinine criterion not computed from it`,
    );
  const computedAge = creatinineSource ? ageInDays(creatinineSource) : undefined;
  const reportedAge = reported ? ageInDays(reported.source) : undefined;
  const reportedNewer =
    reported !== undefined &&
    (computedAge === undefined || (reportedAge !== undefined && reportedAge < computedAge));
  if (ckd && ckd.value !== null && ckd.applicable && !staleCreatinine) {
    const source = creatinineSource ?? 'creatinine';
    labs.egfr = reportedNewer
      ? reported
      : { value: ckd.value, unit: 'mL/min/{1.73_m2}', source: `CKD-EPI 2021 of ${source}` };
    const creat = ckd.inputs.find((i) => i.name === 'creatinine')?.value;
    const age = ckd.inputs.find((i) => i.name === 'age')?.value;
    const sex = ckd.inputs.find((i) => i.name === 'sex')?.value;
    if (typeof creat === 'number')
      labs.creatinine = { value: Math.round(creat * 100) / 100, unit: 'mg/dL', source };
    if (typeof creat === 'number' && typeof age === 'number' && labs.weightKg)
      labs.crcl = {
        value: Math.round(cockcroftGault(age, labs.weightKg.value, creat, sex === 'female')),
        unit: 'mL/min',
        source: `Cockcroft-Gault of ${source} and ${labs.weightKg.source}`,
      };
    return;
  }
  if (reported) labs.egfr = reported;
}

/**
 * How old a weight may be for the recommender (weight-based paediatric doses, Cockcroft-Gault): under
 * 2 years 30 days, 2-17 years 90 days, adults (or age unknown) 365 days. Project choice: an infant
 * doubles its birth weight by about 5 months and triples it by 12 (WHO Child Growth Standards 2006),
 * gaining up to ~15% a month early on, so a weight older than a month can under-dose by more than a
 * dose step; an older child gains 2-3 kg a year (more in puberty), ~5-10% in 3 months. Weight is
 * held to a shorter window than a child's height (childHeightMaxAgeDays, 180 days, monitoring/
 * rules.ts) because a dose scales with weight directly, while height only picks a BP-table column.
 */
export function weightMaxAgeDays(ageYears: number | undefined): number {
  if (ageYears === undefined || ageYears >= 18) return 365;
  return ageYears < 2 ? 30 : 90;
}

/** The labs and vital signs the recommender reads, as known at `at`. */
export function labFacts(
  record: PatientRecord,
  resources: readonly Resource[],
  at: Date,
): LabFacts {
  const labs: LabFacts = {};
  const unusable: string[] = [];
  const u = (name: string) => ({ name, list: unusable });
  const set = <K extends keyof LabFacts>(k: K, v: LabFacts[K] | undefined) => {
    if (v) labs[k] = v;
  };
  set('sbp', meanOfRecent(measurements(record, loinc.systolic), at, 'mm[Hg]'));
  set('dbp', meanOfRecent(measurements(record, loinc.diastolic), at, 'mm[Hg]'));
  set(
    'ldl',
    latestIn(
      record,
      loinc.ldl,
      'mg/dL',
      { 'mmol/L': (x) => x * cholesterolMgdlPerMmol },
      730,
      u('LDL-C'),
    ),
  );
  // IFCC mmol/mol -> NGSP %: % = 0.09148 x mmol/mol + 2.152 (IFCC-NGSP master equation, Hoelzel W et
  // al. Clin Chem 2004;50:166).
  set(
    'hba1c',
    latestIn(record, loinc.hba1c, '%', {}, 365, u('HbA1c')) ??
      latestIn(
        record,
        loinc.hba1cIfcc,
        '%',
        { 'mmol/mol': (x) => 0.09148 * x + 2.152 },
        365,
        u('HbA1c (IFCC)'),
      ),
  );
  const weightDays = weightMaxAgeDays(ageAt(record, at)?.years);
  set(
    'weightKg',
    latestIn(
      record,
      loinc.weight,
      'kg',
      { '[lb_av]': (x) => x * kgPerPound, lb: (x) => x * kgPerPound, g: (x) => x / 1000 },
      weightDays,
      u('weight'),
    ),
  );
  const staleWeight = measurements(record, loinc.weight)[0];
  if (!labs.weightKg && weightDays < 365 && staleWeight && staleWeight.ageDays <= 365)
    unusable.push(
      `weight: ${describeMeasured(staleWeight)} is older than the ${weightDays} days a child's weight-based dose allows (not used): record a current weight`,
    );
  set(
    'heightCm',
    latestIn(
      record,
      loinc.height,
      'cm',
      { '[in_i]': (x) => x * 2.54, m: (x) => x * 100, mm: (x) => x / 10 },
      childHeightMaxAgeDays,
      u('height'),
    ),
  );
  set(
    'potassium',
    latestIn(record, loinc.potassium, 'mmol/L', { 'meq/L': (x) => x }, 365, u('potassium')),
  );
  set('alt', latestIn(record, loinc.alt, 'U/L', altToUnitsPerLitre, 365, u('ALT')));
  set(
    'uacr',
    latestIn(
      record,
      loinc.albuminCreatinineRatio,
      'mg/g',
      { 'mg/mmol': (x) => x * 8.84 },
      730,
      u('albumin/creatinine ratio'),
    ),
  );
  set('lvef', latestIn(record, loinc.lvef, '%', {}, 730, u('LVEF')));
  const lvefs = measurements(record, loinc.lvef).filter((m) => sameUnit(m.unit, '%'));
  if (lvefs.length)
    labs.lvefReadings = lvefs.map((m) => ({
      value: m.value,
      unit: '%',
      date: m.date.toISOString().slice(0, 10),
      source: describeMeasured(m),
    }));
  renalFacts(resources, at, labs, record, unusable);
  if (unusable.length) labs.unusable = unusable;
  return labs;
}

function tryScore(resources: readonly Resource[], score: RiskScoreName, at: Date) {
  try {
    return scoresFromFhir(resources, score, at);
  } catch (error) {
    // No Patient resource: the score cannot be computed; the guideline reports what is missing.
    if (error instanceof ValidationError) return undefined;
    throw error;
  }
}

const scoreKeys = {
  ascvd: 'ascvd-pce',
  cha2ds2vasc: 'cha2ds2-vasc',
  hasbled: 'has-bled',
  phq9: 'phq9',
  gad7: 'gad7',
} as const satisfies Record<string, RiskScoreName>;

/** The distinct resource references a score's inputs came from ("Observation/x, Condition/y"). */
function scoreSources(sources: readonly string[]): string {
  const refs = sources.map((s) => s.split(' ')[0] ?? '').filter((s) => s.includes('/'));
  return [...new Set(refs)].join(', ') || 'recorded history';
}

/** The validated scores the guidelines use, computed by the risk module from the same resources. */
export function scoreFacts(resources: readonly Resource[], at: Date): ScoreFacts {
  const out: ScoreFacts = {};
  for (const [key, name] of Object.entries(scoreKeys) as [
    keyof typeof scoreKeys,
    RiskScoreName,
  ][]) {
    const r = tryScore(resources, name, at);
    if (!r || r.value === null) continue;
    out[key] = {
      value: r.value,
      ...(r.category ? { category: r.category } : {}),
      applicable: r.applicable,
      ...(r.reason ? { reason: r.reason } : {}),
      stale: r.stale,
      reference: r.reference,
      source: `${name} from ${scoreSources(r.inputs.map((i) => i.source))}`,
    };
  }
  return out;
}

/**
 * PHQ-9 item 9 of the last 14 days, scored 0-3: a number, or a LOINC LL358-3 answer code
 * (risk/fhir/clinical-codes.ts phqFrequencyAnswers; "Nearly every day" LA6571-9 is 3). An answer
 * recorded but impossible to score (another code, text, no value, a number that is not a whole 0-3,
 * a unit that is not a score) is an UnreadableFact saying why, as the PHQ-9 score's reason names it
 * (risk/fhir/bedside-inputs.ts): the recommendation must say so, never read it as a negative answer.
 */
export function phq9Item9(record: PatientRecord): Fact<number> | UnreadableFact | undefined {
  const item = latestItemScore(record, loinc.phq9Item9, phqFrequencyAnswers);
  if (!item || item.ageDays > 14) return undefined;
  const source = describeMeasured(item);
  if ('unreadable' in item) return { unreadable: item.unreadable, source };
  if (!sameUnit(item.unit, '{score}'))
    return { unreadable: `unit "${item.unit}" is not a score`, source };
  if (!Number.isInteger(item.value) || item.value < 0 || item.value > 3)
    return { unreadable: `value ${item.value} is not a score from 0 to 3`, source };
  return { value: item.value, unit: '{score}', source };
}
