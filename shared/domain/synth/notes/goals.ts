// Domain (synth/notes): whether a problem is at its goal by the numbers the note itself shows, so that
// a note never calls a problem "controlled" next to a reading that says otherwise.
import type { ConditionKey } from '../catalog';
import type { Composer } from './composer';

/** Where the note's own numbers put a problem: at goal, near it, off it, or no number shown. */
export type GoalBand = 'at' | 'near' | 'off' | undefined;

/**
 * The band of `key` by the encounter's measurements. Sources, beside each rule:
 * - blood pressure: 2017 ACC/AHA High Blood Pressure guideline, treatment goal < 130/80 mm Hg, stage 2
 *   from 140/90 (so 130-139/80-89 is "near");
 * - diabetes: HbA1c 8% or more is off goal (ADA Standards of Care in Diabetes 2024, section 6: < 7% for
 *   most adults, < 8% where stricter goals do not fit; generator cut-off for "uncontrolled" is 8%);
 * - obesity: a BMI of 30 or more in an adult (WHO); in a child the diagnosis itself is the problem;
 * - depression and anxiety: PHQ-9 (Kroenke, Spitzer & Williams, J Gen Intern Med 2001) and GAD-7
 *   (Spitzer et al., Arch Intern Med 2006) cut points 5, 10 and 15: under 5 at goal (remission),
 *   5-9 near, 10 or more off.
 */
export function goalBand(c: Composer, key: ConditionKey): GoalBand {
  const shown = c.truth.measurements;
  if (key === 'hypertension') {
    const bp = shown.find((m) => m.key === 'bloodPressurePanel');
    if (!bp) return undefined;
    const diastolic = bp.diastolic ?? 0;
    if (bp.value >= 140 || diastolic >= 90) return 'off';
    return bp.value >= 130 || diastolic >= 80 ? 'near' : 'at';
  }
  if (key === 'type2-diabetes' || key === 'type1-diabetes') {
    const a1c = shown.find((m) => m.key === 'hba1c');
    return a1c ? (a1c.value >= 8 ? 'off' : 'at') : undefined;
  }
  if (key === 'obesity') {
    if (c.truth.ageYears < 18) return 'off';
    const bmi = shown.find((m) => m.key === 'bmi');
    return bmi ? (bmi.value >= 30 ? 'off' : 'near') : undefined;
  }
  if (key === 'depression' || key === 'anxiety') {
    const score = shown.find((m) => m.key === (key === 'depression' ? 'phq9' : 'gad7'));
    if (!score) return undefined;
    if (score.value >= 10) return 'off';
    return score.value >= 5 ? 'near' : 'at';
  }
  return undefined;
}
