import { describe, expect, it } from 'vitest';
import { qrisk3Category } from './qrisk3';
import { scoreFromInputs } from './scores-from-fhir';

// Expected scores are the original ClinRisk QRISK3-2017 C algorithm's outputs (1 decimal), published as the
// validation set QRISK3_2019_test (Li Y, QRISK3 R package, CRAN; RawData/QRISK3_2019_test.csv). Base
// person: 64 y, Indian, non-smoker, 80 kg, 178 cm, cholesterol/HDL 4, SBP 180, SD 20, Townsend 0.
const base = {
  age: 64,
  ethnicity: 'indian',
  smoking: 'non-smoker',
  weight: 80,
  height: 178,
  cholesterolHdlRatio: 4,
  systolic: 180,
  systolicSd: 20,
  townsend: 0,
  treatedHypertension: false,
};

describe('Score: qrisk3', () => {
  it.each([
    ['female', {}, 17.2],
    ['female', { townsend: 1 }, 17.9],
    ['female', { atrialFibrillation: true }, 36],
    ['female', { atypicalAntipsychotic: true }, 21.6],
    ['female', { corticosteroids: true }, 24.1],
    ['female', { erectileDysfunction: true }, 17.2],
    ['female', { migraine: true }, 19.1],
    ['female', { rheumatoidArthritis: true }, 20.9],
    ['female', { chronicKidneyDisease: true }, 22.3],
    ['female', { severeMentalIllness: true }, 19.3],
    ['female', { sle: true }, 23.5],
    ['female', { treatedHypertension: true }, 20.1],
    ['female', { type1Diabetes: true }, 45.6],
    ['female', { type2Diabetes: true }, 30.9],
    ['female', { height: 170 }, 17.3],
    ['female', { ethnicity: 'bangladeshi' }, 17.5],
    ['female', { ethnicity: 'other-asian' }, 14.2],
    ['female', { familyHistoryCvd: true }, 21.9],
    ['female', { cholesterolHdlRatio: 10 }, 37.8],
    ['female', { systolic: 175 }, 16.5],
    ['female', { systolicSd: 15 }, 16.6],
    ['female', { smoking: 'ex-smoker' }, 19.1],
    ['female', { smoking: 'light' }, 24.5],
    ['male', {}, 27.1],
    ['male', { atrialFibrillation: true }, 42],
    ['male', { erectileDysfunction: true }, 30.4],
    ['male', { chronicKidneyDisease: true }, 38.2],
    ['male', { sle: true }, 38.8],
    ['male', { type1Diabetes: true }, 55.2],
    ['male', { type2Diabetes: true }, 41.5],
    ['male', { weight: 75 }, 27.2],
    ['male', { ethnicity: 'bangladeshi' }, 33.4],
    ['male', { ethnicity: 'other-asian' }, 22],
    ['male', { cholesterolHdlRatio: 10 }, 59.1],
    ['male', { smoking: 'ex-smoker' }, 29.9],
    ['male', { smoking: 'light' }, 36],
  ] as const)(
    'matches the original algorithm for a %s with %j: %s %%',
    (sex, change, published) => {
      // Act
      const result = scoreFromInputs('qrisk3', { ...base, sex, ...change });
      // Assess
      expect(result.value).toBe(published);
      expect(result.missing).toEqual([]);
    },
  );

  it('uses Townsend 0 when no deprivation score is given, as the QRISK3 calculator does', () => {
    const { townsend: _t, ...withoutTownsend } = base;
    const result = scoreFromInputs('qrisk3', { ...withoutTownsend, sex: 'female' });
    expect(result.value).toBe(17.2);
    expect(result.inputs.find((i) => i.name === 'townsend')?.source).toMatch(/QRISK3 calculator/);
  });

  it('puts 10 % and above in the NICE statin category', () => {
    expect(qrisk3Category(9.9)).toBe('low');
    expect(qrisk3Category(10)).toBe('high');
  });

  it('is not applicable outside ages 25–84 or with known CVD', () => {
    expect(scoreFromInputs('qrisk3', { ...base, sex: 'male', age: 85 }).applicable).toBe(false);
    expect(scoreFromInputs('qrisk3', { ...base, sex: 'male', age: 24 }).applicable).toBe(false);
    const withCvd = scoreFromInputs('qrisk3', { ...base, sex: 'male', priorCvd: true });
    expect(withCvd.applicable).toBe(false);
    expect(withCvd.reason).toMatch(/known cardiovascular disease/);
  });

  it('refuses type 1 and type 2 diabetes both true (one three-way status), naming both fields', () => {
    expect(() =>
      scoreFromInputs('qrisk3', {
        ...base,
        sex: 'male',
        type1Diabetes: true,
        type2Diabetes: true,
      }),
    ).toThrow(/type1Diabetes and type2Diabetes are both true: QRISK3 takes one diabetes status/);
    expect(
      scoreFromInputs('qrisk3', { ...base, sex: 'male', type1Diabetes: true, type2Diabetes: false })
        .value,
    ).toBe(55.2);
  });

  it('needs the smoking category and reports it missing', () => {
    const { smoking: _s, ...withoutSmoking } = base;
    const result = scoreFromInputs('qrisk3', { ...withoutSmoking, sex: 'male' });
    expect(result.value).toBeNull();
    expect(result.missing).toEqual(['smoking']);
  });
});
