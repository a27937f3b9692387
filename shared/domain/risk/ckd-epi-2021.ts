// Domain (risk): CKD-EPI 2021 race-free creatinine eGFR, its exact inverse, and KDIGO GFR categories.
// The one implementation in the product: synth/state/renal.ts re-exports it.
import {
  outsidePopulation,
  roundTo,
  withinLimits,
  type PopulationCheck,
  type ScoreDefinition,
  type Sex,
} from './score-definition';
import { creatinineUnits } from './units';

/**
 * CKD-EPI 2021 creatinine equation without race (Inker LA et al. NEJM 2021;385:1737):
 * eGFR = 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age × 1.012 [if female],
 * κ = 0.7 (F) / 0.9 (M), α = −0.241 (F) / −0.302 (M). Scr in mg/dL, result in mL/min/1.73 m², age ≥ 18.
 */
export function ckdEpi2021(creatinineMgDl: number, ageYears: number, sex: Sex): number {
  const female = sex === 'female';
  const kappa = female ? 0.7 : 0.9;
  const alpha = female ? -0.241 : -0.302;
  const ratio = creatinineMgDl / kappa;
  return (
    142 *
    Math.pow(Math.min(ratio, 1), alpha) *
    Math.pow(Math.max(ratio, 1), -1.2) *
    Math.pow(0.9938, ageYears) *
    (female ? 1.012 : 1)
  );
}

/** The serum creatinine (mg/dL) for which CKD-EPI 2021 gives `egfr` at this age and sex (exact inverse). */
export function creatinineForEgfr(egfr: number, ageYears: number, sex: Sex): number {
  const female = sex === 'female';
  const kappa = female ? 0.7 : 0.9;
  const alpha = female ? -0.241 : -0.302;
  const r = egfr / (142 * Math.pow(0.9938, ageYears) * (female ? 1.012 : 1));
  // r ≥ 1 means Scr ≤ κ (the α branch); otherwise the −1.200 branch.
  return kappa * (r >= 1 ? Math.pow(r, 1 / alpha) : Math.pow(r, -1 / 1.2));
}

/**
 * KDIGO 2012 Clinical Practice Guideline for CKD, Table 5 (GFR categories, mL/min/1.73 m²):
 * G1 ≥ 90, G2 60–89, G3a 45–59, G3b 30–44, G4 15–29, G5 < 15. Applied to the eGFR as laboratories
 * report it, a whole number.
 */
export function kdigoGfrCategory(egfr: number): string {
  if (egfr >= 90) return 'G1';
  if (egfr >= 60) return 'G2';
  if (egfr >= 45) return 'G3a';
  if (egfr >= 30) return 'G3b';
  if (egfr >= 15) return 'G4';
  return 'G5';
}

/** Inker 2021 developed and validated the equation in adults (≥ 18 y); children need CKiD equations. */
const population: PopulationCheck[] = [
  {
    inputs: ['age'],
    outside: (v) => (v.age as number) < 18,
    reason: 'age under 18 years (use a paediatric equation such as CKiD)',
  },
];

export const ckdEpi2021Score: ScoreDefinition = {
  name: 'egfr-ckd-epi-2021',
  title: 'CKD-EPI 2021 creatinine eGFR (race-free)',
  unit: 'mL/min/{1.73_m2}',
  reference:
    'Inker LA et al. New creatinine- and cystatin C-based equations to estimate GFR without race, NEJM 2021;385:1737; categories: KDIGO 2012 Table 5',
  fields: [
    {
      name: 'age',
      kind: 'number',
      unit: 'a',
      min: 0,
      max: 120,
      description: 'age in years (validated ≥ 18)',
    },
    { name: 'sex', kind: 'enum', values: ['female', 'male'], description: 'sex' },
    {
      name: 'creatinine',
      kind: 'number',
      unit: 'mg/dL',
      min: 0.1,
      max: 30,
      convert: creatinineUnits,
      description: 'serum creatinine (IDMS-traceable)',
    },
  ],
  population,
  assess(v) {
    const egfr = Math.round(ckdEpi2021(v.creatinine as number, v.age as number, v.sex as Sex));
    return withinLimits(roundTo(egfr, 0), kdigoGfrCategory(egfr), outsidePopulation(population, v));
  },
};
