import { describe, expect, it } from 'vitest';
import { cha2ds2VascCategory, cha2ds2VascPoints } from './cha2ds2-vasc';
import { scoreFromInputs } from './scores-from-fhir';

const none = {
  heartFailure: false,
  hypertension: false,
  diabetes: false,
  strokeOrTia: false,
  vascularDisease: false,
};

describe('Score: cha2ds2-vasc', () => {
  it.each([
    ['a man of 64 with no risk factor', { age: 64, sex: 'male' }, 0],
    ['a man of 65 (A, 65–74)', { age: 65, sex: 'male' }, 1],
    ['a man of 74', { age: 74, sex: 'male' }, 1],
    ['a man of 75 (A2)', { age: 75, sex: 'male' }, 2],
    ['a woman of 64 (Sc)', { age: 64, sex: 'female' }, 1],
    ['heart failure (C)', { age: 50, sex: 'male', heartFailure: true }, 1],
    ['hypertension (H)', { age: 50, sex: 'male', hypertension: true }, 1],
    ['diabetes (D)', { age: 50, sex: 'male', diabetes: true }, 1],
    ['prior stroke or TIA (S2)', { age: 50, sex: 'male', strokeOrTia: true }, 2],
    ['vascular disease (V)', { age: 50, sex: 'male', vascularDisease: true }, 1],
    [
      'every factor (maximum 9)',
      {
        age: 80,
        sex: 'female',
        heartFailure: true,
        hypertension: true,
        diabetes: true,
        strokeOrTia: true,
        vascularDisease: true,
      },
      9,
    ],
  ] as const)('gives Lip 2010 points for %s', (_label, person, points) => {
    expect(cha2ds2VascPoints({ ...none, ...person })).toBe(points);
  });

  it('applies the 2020 ESC thresholds, which differ by sex', () => {
    expect(cha2ds2VascCategory(0, 'male')).toBe('low');
    expect(cha2ds2VascCategory(1, 'male')).toBe('moderate');
    expect(cha2ds2VascCategory(2, 'male')).toBe('high');
    expect(cha2ds2VascCategory(1, 'female')).toBe('low');
    expect(cha2ds2VascCategory(2, 'female')).toBe('moderate');
    expect(cha2ds2VascCategory(3, 'female')).toBe('high');
  });

  it('scores a person with atrial fibrillation and counts unstated history as absent', () => {
    const result = scoreFromInputs('cha2ds2-vasc', {
      age: 72,
      sex: 'female',
      atrialFibrillation: true,
      hypertension: true,
    });
    expect(result.value).toBe(3);
    expect(result.category).toBe('high');
    expect(result.applicable).toBe(true);
    expect(result.inputs.find((i) => i.name === 'diabetes')).toMatchObject({
      value: false,
      source: 'not recorded: counted as absent',
    });
  });

  it('says the score is not validated without atrial fibrillation', () => {
    const result = scoreFromInputs('cha2ds2-vasc', { age: 72, sex: 'female' });
    expect(result.applicable).toBe(false);
    expect(result.reason).toMatch(/atrial fibrillation/);
  });
});
