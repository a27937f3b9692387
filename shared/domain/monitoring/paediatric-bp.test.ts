import { describe, expect, it } from 'vitest';
import {
  aap2017Rows,
  aboveEmergencyLevel,
  heightPercentiles,
  paediatricBpCategory,
  paediatricBpLimits,
  screeningValues,
  type Sex,
} from './paediatric-bp';

/**
 * Flynn et al., Pediatrics 2017;140:e20171904, Table 6 "Screening BP Values Requiring Further
 * Evaluation": the 90th percentile for age and sex at the 5th height percentile (systolic/diastolic,
 * mm Hg), a separate published table from Tables 4-5.
 */
const table6: Record<Sex, Record<number, [number, number]>> = {
  male: {
    1: [98, 52],
    2: [100, 55],
    3: [101, 58],
    4: [102, 60],
    5: [103, 63],
    6: [105, 66],
    7: [106, 68],
    8: [107, 69],
    9: [107, 70],
    10: [108, 72],
    11: [110, 74],
    12: [113, 75],
  },
  female: {
    1: [98, 54],
    2: [101, 58],
    3: [102, 60],
    4: [103, 62],
    5: [104, 64],
    6: [105, 67],
    7: [106, 68],
    8: [107, 69],
    9: [108, 71],
    10: [109, 72],
    11: [111, 74],
    12: [114, 75],
  },
};

describe('Function: paediatricBpLimits', () => {
  it("agrees with the guideline's Table 6 at the 5th height percentile for every age 1-12 and both sexes", () => {
    for (const sex of ['male', 'female'] as const)
      for (let age = 1; age <= 12; age++) {
        // A child shorter than the 5th column's height is read in the 5th column.
        const l = paediatricBpLimits({ ageYears: age, sex, heightCm: 40 })!;
        expect(l.heightPercentile, `${sex} ${age}`).toBe(5);
        expect([l.systolic.elevated, l.diastolic.elevated], `${sex} ${age}`).toEqual(
          table6[sex][age],
        );
      }
  });

  it('gives Table 6 as the screening values without a height, ages 1-12 only', () => {
    for (const sex of ['male', 'female'] as const)
      for (let age = 1; age <= 12; age++) {
        const v = screeningValues(age, sex)!;
        expect([v.systolic, v.diastolic], `${sex} ${age}`).toEqual(table6[sex][age]);
      }
    expect(screeningValues(0, 'male')).toBeUndefined();
    expect(screeningValues(13, 'female')).toBeUndefined();
  });

  it('reads a 10-year-old boy of 141.3 cm in the 50th height column of Table 4', () => {
    // Table 4, age 10, 50th height percentile (141.3 cm): 90th 112/74, 95th 116/77, 95th + 12 128/89.
    const l = paediatricBpLimits({ ageYears: 10, sex: 'male', heightCm: 141.3 })!;
    expect(l).toMatchObject({ heightPercentile: 50, columnHeightCm: 141.3 });
    expect(l.systolic).toEqual({
      elevated: 112,
      stage1: 116,
      stage2: 128,
      p90: 112,
      p95: 116,
      emergencyAbove: 146,
    });
    expect(l.diastolic).toEqual({
      elevated: 74,
      stage1: 77,
      stage2: 89,
      p90: 74,
      p95: 77,
      emergencyAbove: 107,
    });
  });

  it('takes the column whose tabulated height is nearest, the shorter one on a tie', () => {
    // Table 4, age 10: 130.2, 132.7, 136.7, 141.3, 145.9, 150.1, 152.7 cm.
    const column = (heightCm: number) =>
      paediatricBpLimits({ ageYears: 10, sex: 'male', heightCm })!.heightPercentile;
    expect(column(143)).toBe(50);
    expect(column(144)).toBe(75);
    // Table 4, age 8: 127 cm (25th) and 131 cm (50th); 129 cm is 2 cm from either.
    expect(paediatricBpLimits({ ageYears: 8, sex: 'male', heightCm: 129 })!.heightPercentile).toBe(
      25,
    );
    expect(
      paediatricBpLimits({ ageYears: 8, sex: 'male', heightCm: 129.1 })!.heightPercentile,
    ).toBe(50);
    expect(column(100)).toBe(5);
    expect(column(190)).toBe(95);
    expect(heightPercentiles).toEqual([5, 10, 25, 50, 75, 90, 95]);
  });

  it('uses the adult-aligned limit where it is lower than the percentile ("whichever is lower")', () => {
    // Table 4, age 12, 95th height percentile (165.5 cm): 90th 122/76, 95th 128/79.
    const l = paediatricBpLimits({ ageYears: 12, sex: 'male', heightCm: 165.5 })!;
    expect(l.systolic).toMatchObject({ elevated: 120, stage1: 128, stage2: 140 });
    // Diastolic: 95th + 12 would be 91; the >= 90 of Table 3 is lower.
    expect(l.diastolic).toMatchObject({ elevated: 76, stage1: 79, stage2: 90 });
    expect(paediatricBpCategory(121, 60, l)).toBe('elevated'); // below the 90th (122), at 120
    expect(paediatricBpCategory(100, 90, l)).toBe('stage-2');
    expect(paediatricBpCategory(100, 89, l)).toBe('stage-1');
  });

  it('reads girls from Table 5', () => {
    // Table 5, age 5, 50th height percentile (111.5 cm): 90th 107/67, 95th 110/71.
    const l = paediatricBpLimits({ ageYears: 5, sex: 'female', heightCm: 111.5 })!;
    expect(l.systolic).toMatchObject({ elevated: 107, stage1: 110, stage2: 122 });
    expect(l.diastolic).toMatchObject({ elevated: 67, stage1: 71, stage2: 83 });
    // The same child as a boy (Table 4, age 5, 112.4 cm nearest: 106/65, 109/69).
    const boy = paediatricBpLimits({ ageYears: 5, sex: 'male', heightCm: 111.5 })!;
    expect(boy.systolic.elevated).toBe(106);
    expect(boy.diastolic.stage1).toBe(69);
  });

  it("keeps the tables' own order: heights rise along each row and with age, 95th above 90th", () => {
    // A guard against a mistyped cell: every row of Tables 4-5 (ages 1-12) has these properties.
    const rising = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x >= xs[i - 1]!);
    for (const sex of ['male', 'female'] as const) {
      const rows = aap2017Rows[sex];
      expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      rows.forEach(([age, heights, sbp90, sbp95, dbp90, dbp95], i) => {
        const where = `${sex} ${age}`;
        expect(rising(heights) && new Set(heights).size === 7, where).toBe(true);
        if (i > 0) expect(heights[0], where).toBeGreaterThan(rows[i - 1]![1][0]);
        expect(rising(sbp90) && rising(sbp95) && rising(dbp90) && rising(dbp95), where).toBe(true);
        for (let c = 0; c < 7; c++) {
          expect(sbp95[c]! - sbp90[c]!, `${where} column ${c}`).toBeGreaterThanOrEqual(2);
          expect(dbp95[c]! - dbp90[c]!, `${where} column ${c}`).toBeGreaterThanOrEqual(1);
        }
      });
    }
  });

  it('classifies only ages 1-12 and a measured height', () => {
    expect(paediatricBpLimits({ ageYears: 0, sex: 'male', heightCm: 70 })).toBeUndefined();
    expect(paediatricBpLimits({ ageYears: 13, sex: 'male', heightCm: 160 })).toBeUndefined();
    expect(paediatricBpLimits({ ageYears: 6.5, sex: 'male', heightCm: 120 })).toBeUndefined();
    expect(paediatricBpLimits({ ageYears: 6, sex: 'male', heightCm: 0 })).toBeUndefined();
    expect(paediatricBpLimits({ ageYears: 6, sex: 'male', heightCm: Number.NaN })).toBeUndefined();
    expect(paediatricBpLimits({ ageYears: 1, sex: 'female', heightCm: 80 })).toBeDefined();
    expect(paediatricBpLimits({ ageYears: 12, sex: 'female', heightCm: 150 })).toBeDefined();
  });
});

describe('Function: paediatricBpCategory', () => {
  const l = paediatricBpLimits({ ageYears: 10, sex: 'male', heightCm: 141.3 })!;

  it('grades each of systolic and diastolic at its inclusive lower bound, the higher holding', () => {
    expect(paediatricBpCategory(111, 73, l)).toBe('normal');
    expect(paediatricBpCategory(112, 73, l)).toBe('elevated');
    expect(paediatricBpCategory(115, 74, l)).toBe('elevated');
    expect(paediatricBpCategory(116, 60, l)).toBe('stage-1');
    expect(paediatricBpCategory(127, 88, l)).toBe('stage-1');
    expect(paediatricBpCategory(128, 60, l)).toBe('stage-2');
    expect(paediatricBpCategory(100, 77, l)).toBe('stage-1');
    expect(paediatricBpCategory(100, 89, l)).toBe('stage-2');
  });

  it('judges the value present when one is missing', () => {
    expect(paediatricBpCategory(undefined, 77, l)).toBe('stage-1');
    expect(paediatricBpCategory(112, undefined, l)).toBe('elevated');
    expect(paediatricBpCategory(undefined, undefined, l)).toBeUndefined();
  });
});

describe('Function: aboveEmergencyLevel', () => {
  it('fires more than 30 mm Hg above the 95th percentile (Table 7), systolic or diastolic', () => {
    // Table 5, age 5, 111.5 cm: 95th 110/71 -> above 140/101.
    const l = paediatricBpLimits({ ageYears: 5, sex: 'female', heightCm: 111.5 })!;
    expect(aboveEmergencyLevel(140, 60, l)).toBe(false);
    expect(aboveEmergencyLevel(141, 60, l)).toBe(true);
    expect(aboveEmergencyLevel(100, 101, l)).toBe(false);
    expect(aboveEmergencyLevel(100, 102, l)).toBe(true);
    expect(aboveEmergencyLevel(undefined, undefined, l)).toBe(false);
  });
});
