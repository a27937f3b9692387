import { describe, expect, it } from 'vitest';
import { femaleBmiLms, lmsAgesMonths, maleBmiLms } from './cdc-bmi-for-age-lms';
import {
  bmiForAgeCategory,
  bmiForAgePercentile,
  bmiLms,
  lmsZScore,
  normalCdf,
} from './bmi-for-age';
import { scoreFromInputs } from './scores-from-fhir';

// Published rows of the CDC file bmiagerev (CDC 2000 growth charts): L, M, S and the smoothed 5th, 85th
// and 95th percentile BMIs the CDC computed from them.
const published = [
  {
    sex: 'male',
    age: 24,
    L: -2.01118107,
    M: 16.57502768,
    S: 0.080592465,
    p5: 14.73731947,
    p85: 18.16219473,
    p95: 19.33801062,
  },
  {
    sex: 'male',
    age: 120.5,
    L: -2.765648008,
    M: 16.64613844,
    S: 0.120112464,
    p5: 14.21865508,
    p85: 19.3904113,
    p95: 22.15409238,
  },
  {
    sex: 'male',
    age: 240,
    L: -1.84233016,
    M: 23.02029424,
    S: 0.134539365,
    p5: 19.12055111,
    p85: 27.04606818,
    p95: 30.58964285,
  },
  {
    sex: 'female',
    age: 24,
    L: -0.98660853,
    M: 16.42339664,
    S: 0.085451785,
    p5: 14.39787089,
    p85: 18.01820579,
    p95: 19.10623522,
  },
  {
    sex: 'female',
    age: 120.5,
    L: -2.171295888,
    M: 16.86231366,
    S: 0.137057004,
    p5: 14.03535405,
    p85: 19.98399779,
    p95: 22.98257733,
  },
  {
    sex: 'female',
    age: 240,
    L: -2.34495843,
    M: 21.71699934,
    S: 0.152974718,
    p5: 17.82009046,
    p85: 26.47871966,
    p95: 31.76474311,
  },
] as const;

describe('Score: bmi-for-age', () => {
  it('holds 219 rows per sex from 24 to 240.5 months', () => {
    expect(lmsAgesMonths).toHaveLength(219);
    expect(maleBmiLms).toHaveLength(3 * 219);
    expect(femaleBmiLms).toHaveLength(3 * 219);
  });

  it.each(published)('keeps the published L, M, S of $sex at $age months', (row) => {
    const lms = bmiLms(row.sex, row.age);
    expect(lms.L).toBeCloseTo(row.L, 5);
    expect(lms.M).toBeCloseTo(row.M, 5);
    expect(lms.S).toBeCloseTo(row.S, 6);
  });

  it.each(published)(
    'puts the CDC 5th, 85th and 95th percentile BMIs of $sex at $age months at those percentiles',
    (row) => {
      expect(bmiForAgePercentile(row.p5, row.sex, row.age).percentile).toBeCloseTo(5, 2);
      expect(bmiForAgePercentile(row.p85, row.sex, row.age).percentile).toBeCloseTo(85, 2);
      expect(bmiForAgePercentile(row.p95, row.sex, row.age).percentile).toBeCloseTo(95, 2);
    },
  );

  it('turns a z-score into a percentile with the standard normal distribution', () => {
    // Worked example: a boy of 120.5 months with BMI 22.154 (his 95th percentile):
    // z = ((22.154 / 16.646)^−2.7656 − 1) / (−2.7656 × 0.12011) = 1.645 → Φ(1.645) = 0.950.
    const z = lmsZScore(22.15409238, bmiLms('male', 120.5));
    expect(z).toBeCloseTo(1.6449, 3);
    expect(100 * normalCdf(z)).toBeCloseTo(95, 2);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-1.959964)).toBeCloseTo(0.025, 6);
    expect(normalCdf(1.036433)).toBeCloseTo(0.85, 6);
  });

  it('interpolates linearly between table ages, as the CDC SAS program does', () => {
    const between = bmiLms('female', 25);
    const [before, after] = [bmiLms('female', 24.5), bmiLms('female', 25.5)];
    expect(between.M).toBeCloseTo((before.M + after.M) / 2, 10);
  });

  it('changes smoothly from row to row (a transcription error would show as a jump)', () => {
    for (const table of [maleBmiLms, femaleBmiLms])
      for (let i = 2; i < 216; i++) {
        const m = (k: number) => table[3 * k + 1]!;
        expect(Math.abs(m(i + 1) - 2 * m(i) + m(i - 1))).toBeLessThan(0.005);
      }
  });

  it('uses the CDC categories at each percentile boundary', () => {
    expect(bmiForAgeCategory(4.99)).toBe('underweight');
    expect(bmiForAgeCategory(5)).toBe('healthy-weight');
    expect(bmiForAgeCategory(84.99)).toBe('healthy-weight');
    expect(bmiForAgeCategory(85)).toBe('overweight');
    expect(bmiForAgeCategory(94.99)).toBe('overweight');
    expect(bmiForAgeCategory(95)).toBe('obesity');
  });

  it('scores a child from weight and height and reports the z-score', () => {
    // 10-year-old girl (120.5 months), 40 kg, 140 cm: BMI 20.41 kg/m².
    const result = scoreFromInputs('bmi-for-age', {
      ageMonths: 120.5,
      sex: 'female',
      weight: 40,
      height: 140,
    });
    expect(result.category).toBe('overweight');
    expect(result.value).toBeGreaterThan(85);
    expect(result.value).toBeLessThan(95);
    expect(result.reason).toMatch(/^z = /);
  });

  it('is not applicable outside 2–20 years', () => {
    const toddler = scoreFromInputs('bmi-for-age', { ageMonths: 18, sex: 'male', bmi: 17 });
    expect(toddler).toMatchObject({ value: null, applicable: false });
  });
});
