// Domain (synth/state): the D-dimer of a suspected pulmonary embolism: who gets it, when it is drawn,
// its value from the patient's true state, and the age-adjusted cut-off the notes judge it by.
//
// Until generator 1.6.0 the notes ruled a PE out only by a CT pulmonary angiogram, in every patient,
// with no D-dimer before it, and the state drew none.
import type { ConditionKey } from '../catalog';
import type { TrueMeasurement } from '../model';
import { cancerKeys, cancerPhase } from '../notes/cancer';
import { differentialsFor } from '../notes/lexicon/clinical';
import type { Rng } from '../rng';
import { isoDate, localDateTime } from './calendar';
import { clamp } from './math';
import { measurement, type EncounterMoment, type MeasurementPatient } from './measurement-context';

/**
 * The D-dimer cut-off (ng/mL FEU = µg/L FEU) under which a PE is excluded in a patient whose clinical
 * probability is not high: 500 up to 50 years, age x 10 above (ADJUST-PE, Righini M et al., JAMA
 * 2014;311:1117: no PE in 3 months in the patients left untreated under the age-adjusted cut-off; 2019
 * ESC Guidelines for acute pulmonary embolism, Konstantinides SV et al., Eur Heart J 2020;41:543,
 * section 4.3: an age-adjusted cut-off "should be considered" instead of the fixed one, class IIa B;
 * ACP best practice advice, Raja AS et al., Ann Intern Med 2015;163:701: age-adjusted thresholds
 * (age x 10 ng/mL) in patients over 50; ACEP clinical policy on suspected VTE, Wolf SJ et al., Ann
 * Emerg Med 2018;71:e59, level B). The fixed 500 ng/mL FEU is also the VIDAS D-Dimer Exclusion II
 * package insert's exclusion cut-off.
 */
export function ddimerCutoff(ageYears: number): number {
  return ageYears > 50 ? Math.floor(ageYears) * 10 : 500;
}

/**
 * Reported range: the VIDAS D-Dimer Exclusion II (bioMérieux) is linear from 45 to 10,000 ng/mL FEU
 * (Blood 2009;114(22):4203, the assay's analytical performance); results outside it are reported at
 * its ends here (whole ng/mL, so every value is a number).
 */
const reportedFloor = 45;
const reportedCeiling = 10000;

/**
 * Share of the eligible encounters (`ddimerEligible`) at which the clinician suspects a PE and draws a
 * D-dimer: 0.5, a generator choice (D-dimer ordering for chest pain and dyspnoea varies widely between
 * emergency departments; no single published rate fits every setting). The notes weigh a PE only where
 * one was drawn (notes/sections/assessment.ts).
 */
export const ddimerShare = 0.5;

/**
 * Whether a PE can be on the encounter's differential: adults in the ED or on the ward whose reason or
 * complaint puts it there (notes/lexicon/clinical.ts `differentialsFor`: MI, coronary disease, AF, COPD,
 * DVT; lexicon/presentations.ts: chest pain, dyspnoea, syncope). Not in children: the notes never weigh
 * a PE under 18 and the age-adjusted cut-off is validated in adults. Not in clinic: a suspected PE is
 * sent to the ED (notes/sections/assessment.ts).
 */
export function ddimerEligible(m: EncounterMoment): boolean {
  const { kind, reason } = m.plan;
  if ((kind !== 'emergency' && kind !== 'inpatient') || m.ageAt < 18) return false;
  const weighed =
    reason !== undefined
      ? (differentialsFor[reason as ConditionKey] ?? [])
      : (m.presentation?.differentials ?? []);
  return weighed.includes('pulmonaryEmbolism');
}

/**
 * The patient's D-dimer (ng/mL FEU) without a thrombosis: log-normal, median 380 ng/mL FEU to 40 years,
 * rising 3 %/yr after (exp(0.03 x (age - 40)): about 700 at 60 and 1,250 at 80), sigma 0.9; x2.5 with a
 * cancer under work-up or treatment (notes/cancer.ts phases 'diagnosis' and 'active'). Generator
 * choices tuned so that, in patients suspected of PE, about 60 % under 40 years are under 500 and, at
 * 75 and over, about 10-15 % are under 500 but about 30 % under the age-adjusted cut-off, as in
 * ADJUST-PE (Righini 2014: 6.4 % vs 29.7 % of patients 75 or older had PE excluded) and the fall of
 * D-dimer specificity with age and cancer (Schouten HJ et al., BMJ 2013;346:f2492; Di Nisio M et al.,
 * J Thromb Haemost 2003;1:2681). Recent surgery, pregnancy and sepsis also raise it; the cohort does
 * not model them.
 */
function baselineMedian(patient: MeasurementPatient, m: EncounterMoment): number {
  let median = 380 * Math.exp(0.03 * Math.max(0, m.ageAt - 40));
  const day = isoDate(m.plan.day);
  const cancer = patient.conditions.some((c) => {
    if (!cancerKeys.has(c.key) || c.onset.slice(0, 10) > day) return false;
    const phase = cancerPhase(c, day);
    return phase === 'diagnosis' || phase === 'active';
  });
  if (cancer) median *= 2.5;
  return median;
}

/**
 * An acute DVT (the encounter's reason, or a DVT that began in the 30 days before): D-dimer is above
 * the cut-off in over 95 % of proximal DVTs (2019 ESC PE guideline, section 4.3: D-dimer sensitivity
 * above 95 % for VTE); here always above it, median 3,000 ng/mL FEU (generator choice).
 */
function acuteDvt(patient: MeasurementPatient, m: EncounterMoment): boolean {
  if (m.plan.reason === 'deep-vein-thrombosis') return true;
  const day = isoDate(m.plan.day);
  const monthBefore = isoDate(m.plan.day - 30);
  return patient.conditions.some(
    (c) =>
      c.key === 'deep-vein-thrombosis' && c.onset.slice(0, 10) <= day && c.onset >= monthBefore,
  );
}

/**
 * The D-dimer of the encounter, or none: drawn at `ddimerShare` of the eligible encounters, on
 * arrival (16-45 min after the start, with the first troponin; within the encounter). The cohort
 * has no pulmonary embolism, so a value above the cut-off comes from age, cancer or a DVT and the
 * PE is then ruled out by a CT pulmonary angiogram (notes/sections/results.ts). `rng` is a stream
 * of its own.
 */
export function ddimerSample(
  rng: Rng,
  patient: MeasurementPatient,
  m: EncounterMoment,
): TrueMeasurement[] {
  if (!ddimerEligible(m) || !rng.chance(ddimerShare)) return [];
  const { plan } = m;
  const end = (plan.endDay - plan.day) * 1440 + plan.endMinute;
  const minute = Math.min(plan.startMinute + rng.int(16, 45), end);
  const spread = Math.exp(0.9 * rng.normal());
  const value = acuteDvt(patient, m)
    ? Math.max(ddimerCutoff(m.ageAt) * 1.2, 3000 * spread)
    : baselineMedian(patient, m) * spread;
  const at = localDateTime(patient.zone, plan.day, minute);
  return [
    measurement(
      'ddimer',
      Math.round(clamp(value, reportedFloor, reportedCeiling)),
      at,
      m.encounterId,
    ),
  ];
}
