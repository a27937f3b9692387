import { describe, expect, it } from 'vitest';
import { bedsideSchwartz, ckdEpi2021, creatinineForEgfr, creatinineForSchwartz } from './renal';

describe('Function: ckdEpi2021', () => {
  it('reproduces a worked example of the published 2021 equation (woman, 50 y, Scr 1.0 mg/dL)', () => {
    // Scr/κ = 1.0/0.7 = 1.4286 → max-term 1.4286^−1.200 = 0.65176; 0.9938^50 = 0.73278;
    // 142 × 0.65176 × 0.73278 × 1.012 = 68.6 mL/min/1.73 m² (Inker LA et al. NEJM 2021;385:1737).
    expect(ckdEpi2021(1.0, 50, 'female')).toBeCloseTo(68.6, 1);
  });

  it('reproduces a worked example for a man below κ (40 y, Scr 0.7 mg/dL)', () => {
    // Scr/κ = 0.7/0.9 = 0.7778 → min-term 0.7778^−0.302 = 1.0789; 0.9938^40 = 0.77982; 142 × 1.0789 × 0.77982 = 119.5.
    expect(ckdEpi2021(0.7, 40, 'male')).toBeCloseTo(119.5, 1);
  });

  it('equals 142 × 0.9938^age (× 1.012 for women) when creatinine equals κ', () => {
    expect(ckdEpi2021(0.9, 60, 'male')).toBeCloseTo(142 * 0.9938 ** 60, 9);
    expect(ckdEpi2021(0.7, 60, 'female')).toBeCloseTo(142 * 0.9938 ** 60 * 1.012, 9);
  });

  it('falls as creatinine rises and with age', () => {
    expect(ckdEpi2021(1.5, 60, 'male')).toBeLessThan(ckdEpi2021(1.2, 60, 'male'));
    expect(ckdEpi2021(1.2, 80, 'male')).toBeLessThan(ckdEpi2021(1.2, 40, 'male'));
  });
});

describe('Function: creatinineForEgfr', () => {
  it('inverts the equation on both branches, for both sexes', () => {
    for (const sex of ['female', 'male'] as const) {
      for (const egfr of [8, 25, 44, 59, 75, 95, 120]) {
        for (const age of [18, 45, 70, 95]) {
          expect(ckdEpi2021(creatinineForEgfr(egfr, age, sex), age, sex)).toBeCloseTo(egfr, 8);
        }
      }
    }
  });
});

describe('Function: bedsideSchwartz', () => {
  it('is 0.413 × height / creatinine and inverts exactly', () => {
    expect(bedsideSchwartz(0.5, 120)).toBeCloseTo(99.12, 2);
    expect(creatinineForSchwartz(bedsideSchwartz(0.42, 131), 131)).toBeCloseTo(0.42, 10);
  });
});
