// Domain (synth/state): urine albumin-to-creatinine ratio (UACR): the patient's usual level, drawn once
// from the true conditions, when it is ordered (CKD and diabetes, yearly at office visits) and the value
// of one spot sample.
//
// Until 1.5.0 the generator drew no UACR, so CKD stages 1-2 stood on a normal eGFR alone, with no
// marker of kidney damage: KDIGO 2012 (and the KDIGO 2024 CKD guideline, Kidney Int 2024;105(4S):S117)
// define CKD G1-G2 only with such a marker, most often albuminuria (A2 30-300 mg/g, A3 > 300 mg/g).
import type { TrueCondition } from '../model';
import type { Rng } from '../rng';
import { dayFromIso } from './calendar';
import { clamp } from './math';
import type { EncounterMoment, LabHistory, MeasurementPatient } from './measurement-context';

/** KDIGO albuminuria category A2 starts here (mg/g). */
export const albuminuriaThreshold = 30;

/**
 * Share of CKD G3a-G5 patients with albuminuria (A2 or A3) by stage; the rest are A1. Generator choice
 * in line with the CKD Prognosis Consortium cohorts, where albuminuria grows more common as GFR falls.
 */
const albuminuricShare: Record<string, number> = { '3a': 0.45, '3b': 0.55, '4': 0.7, '5': 0.8 };

/** Median usual UACR (mg/g) without albuminuria: diabetes and hypertension run higher (generator choice). */
function normalMedian(conditions: readonly TrueCondition[]): number {
  const has = (key: TrueCondition['key']) => conditions.some((c) => c.key === key);
  if (has('type2-diabetes') || has('type1-diabetes')) return 12;
  return has('hypertension') ? 9 : 6;
}

/**
 * The patient's usual UACR (mg/g), from a stream of its own. CKD G1-G2 is albuminuric by definition
 * (A2 about four in five, A3 the rest: log-normal around 110 mg/g, from 45); CKD G3+ is albuminuric at
 * the stage's share. Everyone else stays under 25 mg/g: persistent albuminuria of 30 mg/g or more over
 * three months would itself be CKD (KDIGO 2012), and the patient has none.
 */
export function usualUacr(rng: Rng, conditions: readonly TrueCondition[]): number {
  const stage = conditions.find((c) => c.key === 'ckd')?.severity;
  const u = rng.next();
  const z = rng.normal();
  const albuminuric =
    stage === '1' || stage === '2' || (stage !== undefined && u < (albuminuricShare[stage] ?? 0.5));
  if (albuminuric) return clamp(110 * Math.exp(0.8 * z), 45, 3000);
  return clamp(normalMedian(conditions) * Math.exp(0.5 * z), 2, 25);
}

/**
 * Day-to-day variation of a spot UACR: log-normal with SD 0.4 (a CV of about 40 %). Generator choice
 * within the 30-60 % reported for spot samples (Naresh CN et al., "Day-to-day variability in spot urine
 * albumin-creatinine ratio", Am J Kidney Dis 2013;62:1095-101, whose repeatability limits correspond to
 * CVs of about 30 % (macroalbuminuria) to 60 % (microalbuminuria)).
 */
const uacrLogSd = 0.4;

/** An ordered UACR falls due a year after the last (10 months, to allow for scheduling). */
const uacrIntervalDays = 300;

const yearDays = 365.25;

function onsetBy(patient: MeasurementPatient, key: TrueCondition['key'], day: number) {
  const c = patient.conditions.find((x) => x.key === key);
  return c !== undefined && dayFromIso(c.onset) <= day ? c : undefined;
}

/**
 * Whether a UACR is ordered: at office visits, once a year, for CKD (KDIGO 2024: at least yearly), for
 * type 2 diabetes from diagnosis (ADA Standards of Care in Diabetes 2024, section 11, rec. 11.1a: at
 * least annually in type 2 diabetes; section 14 for youth-onset type 2) and for type 1 diabetes from 5
 * years' duration (rec. 11.1a; section 14 for children: once 5 years from diagnosis and from puberty or
 * 10 years of age). Deterministic: no draw, so the other labs' streams do not move.
 */
export function uacrDue(
  patient: MeasurementPatient,
  m: EncounterMoment,
  history: LabHistory,
): boolean {
  const { kind, day } = m.plan;
  if (kind !== 'ambulatory' && kind !== 'wellness') return false;
  if (history.lastUacrDay !== undefined && day - history.lastUacrDay < uacrIntervalDays)
    return false;
  if (onsetBy(patient, 'ckd', day) || onsetBy(patient, 'type2-diabetes', day)) return true;
  const type1 = onsetBy(patient, 'type1-diabetes', day);
  return type1 !== undefined && day - dayFromIso(type1.onset) >= 5 * yearDays && m.ageAt >= 10;
}

/**
 * One spot UACR (mg/g, whole number) around the usual level. A CKD G1-G2 patient's result stays at 30 or
 * more: their CKD is diagnosed on albuminuria, so the record must show it.
 */
export function uacrValue(rng: Rng, patient: MeasurementPatient): number {
  const value = patient.usualUacr * Math.exp(uacrLogSd * rng.normal());
  const stage = patient.conditions.find((c) => c.key === 'ckd')?.severity;
  const floor = stage === '1' || stage === '2' ? albuminuriaThreshold : 1;
  return Math.round(clamp(value, floor, 5000));
}
