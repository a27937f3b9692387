import { describe, expect, it } from 'vitest';
import { whoBmiCategory } from './bmi';
import { scoreFromInputs } from './scores-from-fhir';

describe('Score: bmi', () => {
  it.each([
    [18.4, 'underweight'],
    [18.5, 'normal'],
    [24.9, 'normal'],
    [25, 'overweight'],
    [29.9, 'overweight'],
    [30, 'obese-class-1'],
    [34.9, 'obese-class-1'],
    [35, 'obese-class-2'],
    [39.9, 'obese-class-2'],
    [40, 'obese-class-3'],
  ])('puts a BMI of %s in the WHO category %s', (bmi, category) => {
    expect(whoBmiCategory(bmi)).toBe(category);
  });

  it('computes BMI from weight and height, converting pounds and inches', () => {
    const metric = scoreFromInputs('bmi', { weight: 80, height: 178 });
    expect(metric).toMatchObject({ value: 25.2, category: 'overweight', missing: [] });
    expect(metric.inputs.find((i) => i.name === 'bmi')?.source).toBe('weight / height²');
    const imperial = scoreFromInputs('bmi', {
      weight: { value: 176.37, unit: '[lb_av]' },
      height: { value: 70.08, unit: '[in_i]' },
    });
    expect(imperial.value).toBe(25.2);
  });

  it('reports BMI missing when neither it nor weight and height are given', () => {
    expect(scoreFromInputs('bmi', { weight: 80 })).toMatchObject({ value: null, missing: ['bmi'] });
  });

  it('sends children to BMI-for-age', () => {
    expect(scoreFromInputs('bmi', { bmi: 20, age: 12 }).reason).toMatch(/bmi-for-age/);
  });
});
