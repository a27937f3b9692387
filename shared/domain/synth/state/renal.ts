// Domain (synth/state): kidney-function equations — CKD-EPI 2021 for adults (one implementation:
// shared/domain/risk/ckd-epi-2021.ts) and bedside CKiD for children — and their inverses, so creatinine
// and eGFR are always mutually consistent.
export { ckdEpi2021, creatinineForEgfr } from '../../risk/ckd-epi-2021';

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
