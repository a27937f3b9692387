import { describe, expect, it } from 'vitest';
import { ckdEpi2021, kdigoGfrCategory } from './ckd-epi-2021';
import { scoreFromInputs } from './scores-from-fhir';

// No published table of worked examples was found; these are hand computations of the published equation
// (Inker LA et al. NEJM 2021;385:1737), shown step by step.
describe('Score: egfr-ckd-epi-2021', () => {
  it('reproduces a worked example for a woman of 50 with creatinine 1.0 mg/dL', () => {
    // Scr/κ = 1.0/0.7 = 1.4286 → 1.4286^−1.200 = 0.65176; 0.9938^50 = 0.73278; 142 × 0.65176 × 0.73278 × 1.012 = 68.6.
    expect(ckdEpi2021(1.0, 50, 'female')).toBeCloseTo(68.6, 1);
    expect(
      scoreFromInputs('egfr-ckd-epi-2021', { age: 50, sex: 'female', creatinine: 1.0 }),
    ).toMatchObject({
      value: 69,
      category: 'G2',
      applicable: true,
    });
  });

  it('reproduces a worked example for a man of 40 below κ (creatinine 0.7 mg/dL)', () => {
    // Scr/κ = 0.7778 → 0.7778^−0.302 = 1.0789; 0.9938^40 = 0.77982; 142 × 1.0789 × 0.77982 = 119.5.
    expect(ckdEpi2021(0.7, 40, 'male')).toBeCloseTo(119.5, 1);
  });

  it('accepts creatinine in µmol/L (88.4 µmol/L per mg/dL)', () => {
    const result = scoreFromInputs('egfr-ckd-epi-2021', {
      age: 50,
      sex: 'female',
      creatinine: { value: 88.4, unit: 'µmol/L' },
    });
    expect(result.value).toBe(69);
  });

  it('places eGFR in KDIGO categories at every boundary', () => {
    expect(kdigoGfrCategory(90)).toBe('G1');
    expect(kdigoGfrCategory(89)).toBe('G2');
    expect(kdigoGfrCategory(60)).toBe('G2');
    expect(kdigoGfrCategory(59)).toBe('G3a');
    expect(kdigoGfrCategory(45)).toBe('G3a');
    expect(kdigoGfrCategory(44)).toBe('G3b');
    expect(kdigoGfrCategory(30)).toBe('G3b');
    expect(kdigoGfrCategory(29)).toBe('G4');
    expect(kdigoGfrCategory(15)).toBe('G4');
    expect(kdigoGfrCategory(14)).toBe('G5');
  });

  it('says children need another equation', () => {
    const result = scoreFromInputs('egfr-ckd-epi-2021', { age: 12, sex: 'male', creatinine: 0.5 });
    expect(result.applicable).toBe(false);
    expect(result.reason).toMatch(/under 18/);
  });

  it('names the field when creatinine is out of range', () => {
    expect(() =>
      scoreFromInputs('egfr-ckd-epi-2021', { age: 50, sex: 'male', creatinine: 0 }),
    ).toThrow(/creatinine must be a number from 0.1 to 30 mg\/dL/);
  });
});
