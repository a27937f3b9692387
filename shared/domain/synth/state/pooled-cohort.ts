// Domain (synth/state): the 2013 ACC/AHA Pooled Cohort Equations for 10-year hard ASCVD risk, the base of
// the generator's cardiovascular outcome model.
import type { Sex } from '../model';

interface PceCoefficients {
  lnAge: number;
  lnAgeSquared: number;
  lnTotalCholesterol: number;
  lnAgeXlnTotalCholesterol: number;
  lnHdl: number;
  lnAgeXlnHdl: number;
  lnTreatedSbp: number;
  lnAgeXlnTreatedSbp: number;
  lnUntreatedSbp: number;
  lnAgeXlnUntreatedSbp: number;
  smoker: number;
  lnAgeXsmoker: number;
  diabetes: number;
  baselineSurvival: number;
  meanSum: number;
}

const zero = {
  lnAgeSquared: 0,
  lnAgeXlnTotalCholesterol: 0,
  lnAgeXlnHdl: 0,
  lnAgeXlnTreatedSbp: 0,
  lnAgeXlnUntreatedSbp: 0,
  lnAgeXsmoker: 0,
};

/** Goff DC Jr et al. 2013 ACC/AHA Guideline on the Assessment of Cardiovascular Risk, Circulation 2014;129:S49, Table A. */
const coefficients: Record<
  'whiteFemale' | 'blackFemale' | 'whiteMale' | 'blackMale',
  PceCoefficients
> = {
  whiteFemale: {
    ...zero,
    lnAge: -29.799,
    lnAgeSquared: 4.884,
    lnTotalCholesterol: 13.54,
    lnAgeXlnTotalCholesterol: -3.114,
    lnHdl: -13.578,
    lnAgeXlnHdl: 3.149,
    lnTreatedSbp: 2.019,
    lnUntreatedSbp: 1.957,
    smoker: 7.574,
    lnAgeXsmoker: -1.665,
    diabetes: 0.661,
    baselineSurvival: 0.9665,
    meanSum: -29.18,
  },
  blackFemale: {
    ...zero,
    lnAge: 17.114,
    lnTotalCholesterol: 0.94,
    lnHdl: -18.92,
    lnAgeXlnHdl: 4.475,
    lnTreatedSbp: 29.291,
    lnAgeXlnTreatedSbp: -6.432,
    lnUntreatedSbp: 27.82,
    lnAgeXlnUntreatedSbp: -6.087,
    smoker: 0.691,
    diabetes: 0.874,
    baselineSurvival: 0.9533,
    meanSum: 86.61,
  },
  whiteMale: {
    ...zero,
    lnAge: 12.344,
    lnTotalCholesterol: 11.853,
    lnAgeXlnTotalCholesterol: -2.664,
    lnHdl: -7.99,
    lnAgeXlnHdl: 1.769,
    lnTreatedSbp: 1.797,
    lnUntreatedSbp: 1.764,
    smoker: 7.837,
    lnAgeXsmoker: -1.795,
    diabetes: 0.658,
    baselineSurvival: 0.9144,
    meanSum: 61.18,
  },
  blackMale: {
    ...zero,
    lnAge: 2.469,
    lnTotalCholesterol: 0.302,
    lnHdl: -0.307,
    lnTreatedSbp: 1.916,
    lnUntreatedSbp: 1.809,
    smoker: 0.549,
    diabetes: 0.645,
    baselineSurvival: 0.8954,
    meanSum: 19.54,
  },
};

export interface PceInputs {
  /** Years, 40–79. */
  age: number;
  sex: Sex;
  /** PCE have African American and white (also used for other races) equations. */
  africanAmerican: boolean;
  /** mg/dL. */
  totalCholesterol: number;
  hdl: number;
  /** mmHg, as measured (treated or not). */
  systolic: number;
  treatedForHypertension: boolean;
  smoker: boolean;
  diabetes: boolean;
}

/** The PCE linear predictor minus the group mean, and the group's 10-year baseline survival. */
export function pceTerms(x: PceInputs): { centredSum: number; baselineSurvival: number } {
  const c =
    coefficients[
      `${x.africanAmerican ? 'black' : 'white'}${x.sex === 'female' ? 'Female' : 'Male'}`
    ];
  const lnAge = Math.log(x.age);
  const lnTc = Math.log(x.totalCholesterol);
  const lnHdl = Math.log(x.hdl);
  const lnSbp = Math.log(x.systolic);
  const smoker = x.smoker ? 1 : 0;
  const sbpTerm = x.treatedForHypertension
    ? c.lnTreatedSbp * lnSbp + c.lnAgeXlnTreatedSbp * lnAge * lnSbp
    : c.lnUntreatedSbp * lnSbp + c.lnAgeXlnUntreatedSbp * lnAge * lnSbp;
  const sum =
    c.lnAge * lnAge +
    c.lnAgeSquared * lnAge * lnAge +
    c.lnTotalCholesterol * lnTc +
    c.lnAgeXlnTotalCholesterol * lnAge * lnTc +
    c.lnHdl * lnHdl +
    c.lnAgeXlnHdl * lnAge * lnHdl +
    sbpTerm +
    c.smoker * smoker +
    c.lnAgeXsmoker * lnAge * smoker +
    c.diabetes * (x.diabetes ? 1 : 0);
  return { centredSum: sum - c.meanSum, baselineSurvival: c.baselineSurvival };
}

/** 10-year hard ASCVD risk: 1 − S0^exp(Σβx − mean). */
export function pooledCohortRisk(x: PceInputs): number {
  const { centredSum, baselineSurvival } = pceTerms(x);
  return 1 - Math.pow(baselineSurvival, Math.exp(centredSum));
}
