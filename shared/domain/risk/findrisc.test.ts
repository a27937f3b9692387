import { describe, expect, it } from 'vitest';
import { findriscBounds, findriscCategory, findriscPoints, type FindriscInputs } from './findrisc';
import { scoreFromInputs } from './scores-from-fhir';

const lowest: FindriscInputs = {
  age: 40,
  sex: 'male',
  bmi: 22,
  waist: 85,
  physicallyActive: true,
  dailyFruitVegetables: true,
  antihypertensiveMedication: false,
  highGlucoseHistory: false,
  familyHistory: 'none',
};

describe('Score: findrisc', () => {
  it.each([
    ['age 44', { age: 44 }, 0],
    ['age 45', { age: 45 }, 2],
    ['age 54', { age: 54 }, 2],
    ['age 55', { age: 55 }, 3],
    ['age 64', { age: 64 }, 3],
    ['age 65', { age: 65 }, 4],
    ['BMI 24.9', { bmi: 24.9 }, 0],
    ['BMI 25', { bmi: 25 }, 1],
    ['BMI 30', { bmi: 30 }, 1],
    ['BMI 30.1', { bmi: 30.1 }, 3],
    ['male waist 93', { waist: 93 }, 0],
    ['male waist 94', { waist: 94 }, 3],
    ['male waist 102', { waist: 102 }, 3],
    ['male waist 103', { waist: 103 }, 4],
    ['female waist 79', { sex: 'female', waist: 79 }, 0],
    ['female waist 80', { sex: 'female', waist: 80 }, 3],
    ['female waist 88', { sex: 'female', waist: 88 }, 3],
    ['female waist 89', { sex: 'female', waist: 89 }, 4],
    ['inactivity', { physicallyActive: false }, 2],
    ['no daily fruit or vegetables', { dailyFruitVegetables: false }, 1],
    ['antihypertensive medication', { antihypertensiveMedication: true }, 2],
    ['high glucose ever', { highGlucoseHistory: true }, 5],
    ['second-degree family history', { familyHistory: 'second-degree' }, 3],
    ['first-degree family history', { familyHistory: 'first-degree' }, 5],
  ] as const)('gives the Lindström 2003 points for %s', (_label, change, points) => {
    expect(findriscPoints({ ...lowest, ...change })).toBe(points);
  });

  it('uses the FINDRISC risk bands at each boundary', () => {
    expect(findriscCategory(6)).toBe('low');
    expect(findriscCategory(7)).toBe('slightly-elevated');
    expect(findriscCategory(11)).toBe('slightly-elevated');
    expect(findriscCategory(12)).toBe('moderate');
    expect(findriscCategory(14)).toBe('moderate');
    expect(findriscCategory(15)).toBe('high');
    expect(findriscCategory(20)).toBe('high');
    expect(findriscCategory(21)).toBe('very-high');
  });

  it('scores a high-risk woman of 64 in the very-high band', () => {
    const result = scoreFromInputs('findrisc', {
      age: 64,
      sex: 'female',
      bmi: 31,
      waist: 95,
      physicallyActive: false,
      dailyFruitVegetables: false,
      antihypertensiveMedication: true,
      highGlucoseHistory: true,
      familyHistory: 'first-degree',
    });
    expect(result).toMatchObject({ value: 25, category: 'very-high', applicable: true });
  });

  it('bounds the score by the most the missing items could add', () => {
    // A man of 58 (3), BMI 27 (1), waist 100 cm (3), on an antihypertensive (2), no high glucose,
    // first-degree family history (5): 14 without activity (at most 2) and diet (at most 1).
    const known = { ...lowest, age: 58, bmi: 27, waist: 100, antihypertensiveMedication: true };
    const partial = { ...known, familyHistory: 'first-degree' as const };
    expect(findriscBounds(partial, ['physicallyActive', 'dailyFruitVegetables'])).toEqual({
      lower: 14,
      upper: 17,
    });
    expect(findriscBounds(known, ['familyHistory', 'highGlucoseHistory'])).toEqual({
      lower: 9,
      upper: 19,
    });
  });

  it('gives the band of an incomplete score only when the missing items cannot change it', () => {
    const base = { age: 58, sex: 'male', bmi: 27, waist: 100, antihypertensiveMedication: true };
    // 14 to 17 spans moderate and high: no band.
    const spans = scoreFromInputs('findrisc', {
      ...base,
      highGlucoseHistory: false,
      familyHistory: 'first-degree',
    });
    expect(spans).toMatchObject({ value: 14, applicable: false });
    expect(spans.category).toBeUndefined();
    expect(spans.reason).toMatch(
      /missing physicallyActive, dailyFruitVegetables\): points are a lower bound, at most 17/,
    );
    // 20 to 23 at 66 with high glucose still spans high and very high; 22 to 25 does not.
    const certain = scoreFromInputs('findrisc', {
      ...base,
      age: 66,
      highGlucoseHistory: true,
      familyHistory: 'first-degree',
    });
    expect(certain).toMatchObject({ value: 20, applicable: false });
    expect(certain.category).toBeUndefined();
    const veryHigh = scoreFromInputs('findrisc', {
      ...base,
      bmi: 31,
      waist: 110,
      highGlucoseHistory: true,
      familyHistory: 'first-degree',
    });
    expect(veryHigh).toMatchObject({ value: 22, category: 'very-high', applicable: false });
    expect(veryHigh.reason).toMatch(/at most 25/);
  });

  it('gives no score without age or sex', () => {
    const result = scoreFromInputs('findrisc', { sex: 'male', bmi: 27 });
    expect(result.value).toBeNull();
    expect(result.reason).toMatch(/missing inputs: age/);
  });
});
