import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { sameUnit } from './score-definition';
import { scoreFromInputs } from './scores-from-fhir';

describe('Function: scoreFromInputs', () => {
  it('rejects an unknown input, naming it and the expected ones', () => {
    const act = () => scoreFromInputs('gad7', { totl: 4 });
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(/unknown input "totl" for gad7; expected total, age/);
  });

  it('rejects a unit it cannot convert, naming the field', () => {
    expect(() =>
      scoreFromInputs('egfr-ckd-epi-2021', {
        age: 50,
        sex: 'male',
        creatinine: { value: 1, unit: 'g/L' },
      }),
    ).toThrow(/creatinine: unit "g\/L" is not accepted; use mg\/dL or umol\/L or mmol\/L/);
  });

  it('rejects a wrong type or category, naming the field', () => {
    expect(() => scoreFromInputs('cha2ds2-vasc', { age: 70, sex: 'x' })).toThrow(
      /sex must be one of female, male/,
    );
    expect(() =>
      scoreFromInputs('cha2ds2-vasc', { age: 70, sex: 'male', diabetes: 'yes' }),
    ).toThrow(/diabetes must be true or false/);
  });

  it('rejects input that is not an object', () => {
    expect(() => scoreFromInputs('gad7', [4])).toThrow(/JSON object/);
  });
});

describe('Function: sameUnit', () => {
  it('treats UCUM codes and their printed forms as the same unit', () => {
    expect(sameUnit('umol/L', 'µmol/L')).toBe(true);
    expect(sameUnit('mm[Hg]', 'mmHg')).toBe(true);
    expect(sameUnit('{beats}/min', '/min')).toBe(true);
    expect(sameUnit('mg/dL', 'mmol/L')).toBe(false);
  });
});
