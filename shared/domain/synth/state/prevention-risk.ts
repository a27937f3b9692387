// Domain (synth/state): the 10-year ASCVD risk a prescriber estimates for primary prevention, from the
// patient's own untreated risk factors with the project's one Pooled Cohort Equations implementation.
import type { RiskFactors, Sex } from '../model';
import { wholeYears, type Day } from './calendar';
import { clamp } from './math';
import type { OrderBook } from './order-book';
import { pooledCohortRisk } from './pooled-cohort';

export interface PreventionRiskInputs {
  sex: Sex;
  black: boolean;
  birthDay: Day;
  riskFactors: RiskFactors;
  /** Type 1 or type 2 diabetes. */
  diabetes: boolean;
}

/**
 * 10-year hard ASCVD risk (fraction 0–1) on `day`: the 2013 ACC/AHA Pooled Cohort Equations (Goff DC Jr
 * et al. Circulation 2014;129:S49) at the whole-year age on that day, on the untreated total cholesterol
 * and systolic BP (the pre-treatment values a statin decision rests on; so the untreated SBP
 * coefficients), current smoking and diabetes. Inputs are clamped to the equations' ranges (TC 130–320
 * mg/dL, HDL 20–100 mg/dL, SBP 90–200 mmHg), as in the outcome model. Valid at ages 40–79.
 */
export function primaryPreventionRisk(x: PreventionRiskInputs, day: Day): number {
  const rf = x.riskFactors;
  return pooledCohortRisk({
    age: wholeYears(x.birthDay, day),
    sex: x.sex,
    africanAmerican: x.black,
    totalCholesterol: clamp(rf.totalCholesterol, 130, 320),
    hdl: clamp(rf.hdl, 20, 100),
    systolic: clamp(rf.systolicUntreated, 90, 200),
    treatedForHypertension: false,
    smoker: rf.smoking === 'current',
    diabetes: x.diabetes,
  });
}

/**
 * 40–75 at the hyperlipidaemia diagnosis, no diabetes, LDL-C < 190 mg/dL and PCE risk then ≥ 20%: the
 * 2018 guideline's high-risk primary-prevention group (rec. 4.4.1).
 */
export function highRiskWithoutDiabetes(book: OrderBook): boolean {
  const { ctx } = book;
  const day = book.onsetDay('hyperlipidaemia');
  const age = wholeYears(ctx.birthDay, day);
  if (age < 40 || age > 75 || ctx.riskFactors.ldl >= 190) return false;
  if (book.has('type1-diabetes') || book.has('type2-diabetes')) return false;
  return primaryPreventionRisk({ ...ctx, diabetes: false }, day) >= 0.2;
}
