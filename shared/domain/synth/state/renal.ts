// Domain (synth/state): kidney-function equations — CKD-EPI 2021 for adults and bedside CKiD for children —
// and their inverses, so creatinine and eGFR are always mutually consistent.
import type { Sex } from '../model';

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

/** Bedside CKiD equation for children: eGFR = 0.413 × height (cm) / Scr (Schwartz GJ et al. JASN 2009;20:629). */
export function bedsideSchwartz(creatinineMgDl: number, heightCm: number): number {
  return (0.413 * heightCm) / creatinineMgDl;
}

export function creatinineForSchwartz(egfr: number, heightCm: number): number {
  return (0.413 * heightCm) / egfr;
}

/** KDIGO 2012 GFR category bounds (mL/min/1.73 m²) for the CKD stages the condition model draws. */
export const ckdStageEgfr: Record<string, readonly [number, number]> = {
  '1': [90, 125],
  '2': [60, 89],
  '3a': [45, 59],
  '3b': [30, 44],
  '4': [15, 29],
  '5': [7, 14],
};
