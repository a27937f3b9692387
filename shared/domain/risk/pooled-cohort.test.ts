import { describe, expect, it } from 'vitest';
import { ascvdRiskCategory, pooledCohortRisk } from './pooled-cohort';
import { scoreFromInputs } from './scores-from-fhir';

// Goff DC Jr et al. 2013 ACC/AHA risk guideline, Table A worked example: 55 y, TC 213 mg/dL, HDL 50 mg/dL,
// untreated SBP 120 mmHg, non-smoker, no diabetes.
const example = {
  age: 55,
  totalCholesterol: 213,
  hdl: 50,
  systolic: 120,
  treatedForHypertension: false,
  smoker: false,
  diabetes: false,
};

describe('Score: ascvd-pce', () => {
  it.each([
    ['female', 'white', 2.1],
    ['female', 'african-american', 3.0],
    ['male', 'white', 5.3],
    ['male', 'african-american', 6.1],
  ] as const)('reproduces the published example for a %s, %s: %s %%', (sex, race, published) => {
    // Act
    const result = scoreFromInputs('ascvd-pce', { ...example, sex, race });
    const percent = 100 * pooledCohortRisk({ ...example, sex, africanAmerican: race !== 'white' });
    // Assess: the Table A coefficients give 2.1, 3.0, 5.38 and 6.07 %; the guideline prints 5.3 for white
    // men (truncated), so the equation is held to 0.1 percentage points (as synth/state's original test
    // was) and the result shows it to one decimal, as the ACC/AHA estimator does.
    expect(Math.abs(percent - published)).toBeLessThan(0.1);
    expect(result.value).toBe(Math.round(percent * 10) / 10);
    expect(result.unit).toBe('%');
    expect(result.applicable).toBe(true);
    expect(result.missing).toEqual([]);
  });

  it('accepts cholesterol in mmol/L and converts it to mg/dL', () => {
    const result = scoreFromInputs('ascvd-pce', {
      ...example,
      sex: 'male',
      race: 'white',
      totalCholesterol: { value: 213 / 38.67, unit: 'mmol/L' },
      hdl: { value: 50 / 38.67, unit: 'mmol/L' },
    });
    expect(result.value).toBe(
      scoreFromInputs('ascvd-pce', { ...example, sex: 'male', race: 'white' }).value,
    );
  });

  it('places risk in the 2018 AHA/ACC categories at each boundary', () => {
    expect(ascvdRiskCategory(4.9)).toBe('low');
    expect(ascvdRiskCategory(5)).toBe('borderline');
    expect(ascvdRiskCategory(7.4)).toBe('borderline');
    expect(ascvdRiskCategory(7.5)).toBe('intermediate');
    expect(ascvdRiskCategory(19.9)).toBe('intermediate');
    expect(ascvdRiskCategory(20)).toBe('high');
  });

  it('says when the person is outside the validated population', () => {
    const young = scoreFromInputs('ascvd-pce', { ...example, age: 39, sex: 'male', race: 'white' });
    expect(young.applicable).toBe(false);
    expect(young.reason).toMatch(/age outside 40–79/);
    const secondary = scoreFromInputs('ascvd-pce', {
      ...example,
      sex: 'male',
      race: 'white',
      priorAscvd: true,
    });
    expect(secondary.applicable).toBe(false);
    expect(secondary.reason).toMatch(/known clinical ASCVD/);
  });

  it('uses the white equations for other races and says so', () => {
    const other = scoreFromInputs('ascvd-pce', { ...example, sex: 'male', race: 'other' });
    const white = scoreFromInputs('ascvd-pce', { ...example, sex: 'male', race: 'white' });
    expect(other.value).toBe(white.value);
    expect(other.reason).toMatch(/white equations/);
  });

  it('reports missing inputs instead of guessing them', () => {
    const { hdl: _hdl, ...withoutHdl } = example;
    const result = scoreFromInputs('ascvd-pce', { ...withoutHdl, sex: 'male', race: 'white' });
    expect(result.value).toBeNull();
    expect(result.missing).toEqual(['hdl']);
    expect(result.applicable).toBe(false);
  });

  it('rises with smoking, diabetes and treated blood pressure', () => {
    const base = { ...example, sex: 'male' as const, africanAmerican: false };
    const risk = pooledCohortRisk(base);
    expect(pooledCohortRisk({ ...base, smoker: true })).toBeGreaterThan(risk);
    expect(pooledCohortRisk({ ...base, diabetes: true })).toBeGreaterThan(risk);
    expect(
      pooledCohortRisk({ ...base, systolic: 150, treatedForHypertension: true }),
    ).toBeGreaterThan(risk);
  });
});
