import { describe, expect, it } from 'vitest';
import { pooledCohortRisk, type PceInputs } from './pooled-cohort';

const example: Omit<PceInputs, 'sex' | 'africanAmerican'> = {
  age: 55,
  totalCholesterol: 213,
  hdl: 50,
  systolic: 120,
  treatedForHypertension: false,
  smoker: false,
  diabetes: false,
};

describe('Function: pooledCohortRisk', () => {
  // Goff DC Jr et al. 2013 ACC/AHA risk guideline, Table A example: 55 y, TC 213, HDL 50, untreated SBP 120,
  // non-smoker, no diabetes → 2.1% (white women), 3.0% (African American women), 5.3% (white men),
  // 6.1% (African American men).
  it.each([
    ['female', false, 0.021],
    ['female', true, 0.03],
    ['male', false, 0.053],
    ['male', true, 0.061],
  ] as const)(
    'reproduces the published example for %s (African American: %s)',
    (sex, africanAmerican, published) => {
      expect(
        Math.abs(pooledCohortRisk({ ...example, sex, africanAmerican }) - published),
      ).toBeLessThan(0.001);
    },
  );

  it('rises with smoking, diabetes and treated blood pressure', () => {
    const base = pooledCohortRisk({ ...example, sex: 'male', africanAmerican: false });
    expect(
      pooledCohortRisk({ ...example, sex: 'male', africanAmerican: false, smoker: true }),
    ).toBeGreaterThan(base);
    expect(
      pooledCohortRisk({ ...example, sex: 'male', africanAmerican: false, diabetes: true }),
    ).toBeGreaterThan(base);
    expect(
      pooledCohortRisk({
        ...example,
        sex: 'male',
        africanAmerican: false,
        systolic: 150,
        treatedForHypertension: true,
      }),
    ).toBeGreaterThan(base);
  });
});
