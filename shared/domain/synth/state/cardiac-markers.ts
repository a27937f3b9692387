// Domain (synth/state): high-sensitivity cardiac troponin I (hs-cTnI) in the ACS workup: who gets it,
// when the samples are drawn, and their values from the patient's true state.
//
// Until 1.5.0 no troponin was drawn at all: MI admissions, and ED notes ruling ACS in or out for chest
// pain, had no cardiac biomarker behind them.
import type { ConditionKey } from '../catalog';
import type { Sex, TrueMeasurement } from '../model';
import type { Rng } from '../rng';
import { differentialsFor } from '../notes/lexicon/clinical';
import { localDateTime } from './calendar';
import { clamp } from './math';
import {
  hasCondition,
  measurement,
  type EncounterMoment,
  type MeasurementPatient,
} from './measurement-context';

/**
 * Sex-specific 99th percentile upper reference limits (ng/L) of the Abbott ARCHITECT STAT High Sensitive
 * Troponin-I assay, from its package insert (US reference population aged 18-75: women 15.6, men 34.2,
 * overall 26.2 ng/L), as tabulated in the IFCC Task Force on Clinical Applications of Cardiac
 * Bio-Markers' hs-cTn assay table and e.g. Heart Asia (BMJ) Table 2, "Comparison of 99th percentile
 * values ... using the Abbott ARCHITECT STAT high-sensitivity troponin I package". The Fourth Universal
 * Definition of MI (Thygesen K et al., Circulation 2018;138:e618) recommends sex-specific URLs.
 */
export const troponinUrl: Readonly<Record<Sex, number>> = { female: 15.6, male: 34.2 };

/**
 * The assay's limit of detection is 1.1-1.9 ng/L (package insert); lower results are reported at 2 ng/L
 * here (whole ng/L, generator choice), so every value is a number.
 */
const reportedFloor = 2;
/** Upper end of the assay's measuring interval without dilution (package insert: 50,000 ng/L). */
const reportedCeiling = 50000;

/**
 * Single-sample rule-out: a 0 h value under 4 ng/L ("very low") rules out NSTEMI when chest pain began
 * more than 3 h before (ESC 2020 NSTE-ACS guideline, Collet JP et al., Eur Heart J 2021;42:1289, the
 * 0 h/1 h algorithm's assay-specific cut-off for ARCHITECT hs-cTnI); half of such patients are
 * discharged on it (generator choice for the share who presented late enough).
 */
const veryLow = 4;
const singleSampleShare = 0.5;

/**
 * Reasons for an ED visit or stay that put ACS or MI on the notes' differential (notes/lexicon/clinical.ts
 * `differentialsFor`: heart failure, coronary disease, atrial fibrillation), MI itself, and acute stroke,
 * where a baseline troponin is recommended (Powers WJ et al., 2019 AHA/ASA acute ischemic stroke
 * guideline, Stroke 2019;50:e344, section 2.3: COR I, LOE C-LD). In acute heart failure troponin is
 * measured to find an ACS precipitant (2022 AHA/ACC/HFSA heart failure guideline, Heidenreich PA et al.,
 * Circulation 2022;145:e895, section 4.2, COR 1).
 */
function weighsAcs(key: ConditionKey | string): boolean {
  const weighed = differentialsFor[key as ConditionKey] ?? [];
  return weighed.includes('acuteCoronarySyndrome') || weighed.includes('myocardial-infarction');
}

/**
 * Whether hs-cTnI is drawn: adults in the ED or on the ward whose reason is MI, stroke or a condition
 * whose differential holds ACS/MI, or whose complaint's differential does (chest pain: 2021
 * AHA/ACC chest pain guideline, Gulati M et al., Circulation 2021;144:e368, hs-cTn in every patient
 * with acute chest pain and suspected ACS). Not in children: the notes never weigh ACS under 18 and
 * the URLs are adult ones.
 */
export function troponinOrdered(m: EncounterMoment): boolean {
  const { kind, reason } = m.plan;
  if ((kind !== 'emergency' && kind !== 'inpatient') || m.ageAt < 18) return false;
  if (reason !== undefined)
    return reason === 'myocardial-infarction' || reason === 'stroke' || weighsAcs(reason);
  return (m.presentation?.differentials ?? []).some(
    (d) => d === 'acuteCoronarySyndrome' || d === 'myocardial-infarction',
  );
}

/**
 * The usual hs-cTnI (ng/L) of a patient without an acute MI: log-normal around 3.5 ng/L (healthy
 * adults' median with this assay is a few ng/L), higher with age (+2 %/yr from 50), in men, and with
 * the chronic myocardial injury of heart failure (x3), coronary disease or a past MI (x1.5) and CKD
 * G3 (x1.8) or G4-5 (x3.5). Factors are generator choices; with them most results are under the URL,
 * and patients with heart failure or advanced CKD are above it more often, as in ED cohorts.
 */
function baseline(patient: MeasurementPatient, m: EncounterMoment): number {
  let level = 3.5 * (1 + 0.02 * Math.max(0, m.ageAt - 50)) * (patient.sex === 'male' ? 1.4 : 1);
  if (hasCondition(patient, 'heart-failure')) level *= 3;
  if (hasCondition(patient, 'coronary-disease') || hasCondition(patient, 'myocardial-infarction'))
    level *= 1.5;
  const stage = patient.conditions.find((c) => c.key === 'ckd')?.severity;
  if (stage === '3a' || stage === '3b') level *= 1.8;
  if (stage === '4' || stage === '5') level *= 3.5;
  return level;
}

const reported = (value: number) => Math.round(clamp(value, reportedFloor, reportedCeiling));

/**
 * The hs-cTnI samples of the encounter: one on arrival (within 16-45 min) and a repeat 1-3 h later
 * (ESC 2020 0 h/1 h and 0 h/2 h algorithms; the AHA/ACC 2021 chest pain guideline repeats at 1-3 h),
 * unless the encounter ends first or a very low first value rules MI out. In an MI both values are
 * above the sex-specific URL and the second is higher (a rise of 50 % or more: the Fourth Universal
 * Definition of MI needs a rise and/or fall with at least one value above the 99th percentile URL);
 * otherwise they vary little around the patient's usual level. `rng` is a stream of its own.
 */
export function troponinSeries(
  rng: Rng,
  patient: MeasurementPatient,
  m: EncounterMoment,
): TrueMeasurement[] {
  const { plan } = m;
  const end = (plan.endDay - plan.day) * 1440 + plan.endMinute;
  const firstMinute = Math.min(plan.startMinute + rng.int(16, 45), end);
  const secondMinute = firstMinute + rng.int(60, 180);
  const url = troponinUrl[patient.sex];
  const mi = plan.reason === 'myocardial-infarction';
  const first = mi
    ? reported(Math.max(url * 1.2, url * 4 * Math.exp(0.8 * rng.normal())))
    : reported(baseline(patient, m) * Math.exp(0.8 * rng.normal()));
  const second = mi
    ? reported(first * (1.5 + 4 * rng.next()))
    : reported(first * Math.exp(0.1 * rng.normal()));
  const at = (minute: number) => localDateTime(patient.zone, plan.day, minute);
  const out = [measurement('troponin', first, at(firstMinute), m.encounterId)];
  const ruledOutEarly = !mi && first < veryLow && rng.chance(singleSampleShare);
  if (secondMinute <= end && !ruledOutEarly)
    out.push(measurement('troponin', second, at(secondMinute), m.encounterId));
  return out;
}
