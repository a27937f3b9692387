// Domain (monitoring): blood pressure categories of children aged 1-12, by the percentile tables of the
// AAP 2017 guideline. Pure: age, sex, height and a blood pressure in; thresholds and a category out.
//
// Source: Flynn JT, Kaelber DC, Baker-Smith CM, et al. Clinical Practice Guideline for Screening and
// Management of High Blood Pressure in Children and Adolescents. Pediatrics 2017;140(3):e20171904.
// - Table 3 (definitions, children aged 1 to <13 years): normal <90th percentile; elevated >=90th to
//   <95th percentile, or 120/80 to <95th percentile, whichever is lower; stage 1 >=95th to <95th + 12
//   mm Hg, or 130/80 to 139/89, whichever is lower; stage 2 >=95th + 12 mm Hg, or >=140/90, whichever
//   is lower. Systolic and diastolic are judged apart and the higher category holds.
// - Tables 4 (boys) and 5 (girls): the 90th and 95th percentiles of systolic and diastolic BP by year
//   of age and height percentile (5th-95th), from normal-weight children, with the height in cm that
//   each height percentile stands for at that age. Only ages 1-12 are kept: from 13 the guideline
//   uses the adult thresholds (thresholds.ts). The 95th + 12 mm Hg rows of the tables are the 95th
//   plus 12, so they are computed, not stored; so are the 50th percentile rows, which no rule uses.
// - Table 7 and Figure 3 (management): stage 2 hypertension with symptoms, or a BP more than 30 mm Hg
//   above the 95th percentile (or >180/120 in an adolescent), is referred to an immediate source of
//   care such as an emergency department.
// The rows were checked against the guideline's Table 6 (screening values needing further
// evaluation, the 90th percentile at the 5th height percentile): every age and sex agrees
// (paediatric-bp.test.ts). When they were typed in, all 672 BP cells were also compared with a
// second, independent transcription of Tables 4-5 (none differed); heights are the tables' cm
// values (their inch column differs from cm / 2.54 by up to 0.17 cm in four cells, by rounding).

import type { BloodPressureCategory } from './thresholds';

export type Sex = 'male' | 'female';

/** The height percentiles of Tables 4-5, in column order. */
export const heightPercentiles = [5, 10, 25, 50, 75, 90, 95] as const;
export type HeightPercentile = (typeof heightPercentiles)[number];

/** Youngest and oldest whole year of age classified by the tables (Table 3: 1 to <13 years). */
export const percentileTableAges = { from: 1, to: 12 } as const;

type Seven = readonly [number, number, number, number, number, number, number];
/** One age's row: height (cm) per height percentile, then SBP 90th, SBP 95th, DBP 90th, DBP 95th. */
export type AgeRow = readonly [
  age: number,
  heightCm: Seven,
  sbp90: Seven,
  sbp95: Seven,
  dbp90: Seven,
  dbp95: Seven,
];

/** Flynn 2017 Table 4: boys, ages 1-12 (mm Hg; height in cm). */
// prettier-ignore
const boys: readonly AgeRow[] = [
  [1, [77.2, 78.3, 80.2, 82.4, 84.6, 86.7, 87.9], [98, 99, 99, 100, 100, 101, 101], [102, 102, 103, 103, 104, 105, 105], [52, 52, 53, 53, 54, 54, 54], [54, 54, 55, 55, 56, 57, 57]],
  [2, [86.1, 87.4, 89.6, 92.1, 94.7, 97.1, 98.5], [100, 100, 101, 102, 103, 103, 104], [104, 105, 105, 106, 107, 107, 108], [55, 55, 56, 56, 57, 58, 58], [57, 58, 58, 59, 60, 61, 61]],
  [3, [92.5, 93.9, 96.3, 99, 101.8, 104.3, 105.8], [101, 102, 102, 103, 104, 105, 105], [106, 106, 107, 107, 108, 109, 109], [58, 58, 59, 59, 60, 61, 61], [60, 61, 61, 62, 63, 64, 64]],
  [4, [98.5, 100.2, 102.9, 105.9, 108.9, 111.5, 113.2], [102, 103, 104, 105, 105, 106, 107], [107, 107, 108, 108, 109, 110, 110], [60, 61, 62, 62, 63, 64, 64], [63, 64, 65, 66, 67, 67, 68]],
  [5, [104.4, 106.2, 109.1, 112.4, 115.7, 118.6, 120.3], [103, 104, 105, 106, 107, 108, 108], [107, 108, 109, 109, 110, 111, 112], [63, 64, 65, 65, 66, 67, 67], [66, 67, 68, 69, 70, 70, 71]],
  [6, [110.3, 112.2, 115.3, 118.9, 122.4, 125.6, 127.5], [105, 105, 106, 107, 109, 110, 110], [108, 109, 110, 111, 112, 113, 114], [66, 66, 67, 68, 68, 69, 69], [69, 70, 70, 71, 72, 72, 73]],
  [7, [116.1, 118, 121.4, 125.1, 128.9, 132.4, 134.5], [106, 107, 108, 109, 110, 111, 111], [110, 110, 111, 112, 114, 115, 116], [68, 68, 69, 70, 70, 71, 71], [71, 71, 72, 73, 73, 74, 74]],
  [8, [121.4, 123.5, 127, 131, 135.1, 138.8, 141], [107, 108, 109, 110, 111, 112, 112], [111, 112, 112, 114, 115, 116, 117], [69, 70, 70, 71, 72, 72, 73], [72, 73, 73, 74, 75, 75, 75]],
  [9, [126, 128.3, 132.1, 136.3, 140.7, 144.7, 147.1], [107, 108, 109, 110, 112, 113, 114], [112, 112, 113, 115, 116, 118, 119], [70, 71, 72, 73, 74, 74, 74], [74, 74, 75, 76, 76, 77, 77]],
  [10, [130.2, 132.7, 136.7, 141.3, 145.9, 150.1, 152.7], [108, 109, 111, 112, 113, 115, 116], [112, 113, 114, 116, 118, 120, 121], [72, 73, 74, 74, 75, 75, 76], [76, 76, 77, 77, 78, 78, 78]],
  [11, [134.7, 137.3, 141.5, 146.4, 151.3, 155.8, 158.6], [110, 111, 112, 114, 116, 117, 118], [114, 114, 116, 118, 120, 123, 124], [74, 74, 75, 75, 75, 76, 76], [77, 78, 78, 78, 78, 78, 78]],
  [12, [140.3, 143, 147.5, 152.7, 157.9, 162.6, 165.5], [113, 114, 115, 117, 119, 121, 122], [116, 117, 118, 121, 124, 126, 128], [75, 75, 75, 75, 75, 76, 76], [78, 78, 78, 78, 78, 79, 79]],
];

/** Flynn 2017 Table 5: girls, ages 1-12 (mm Hg; height in cm). */
// prettier-ignore
const girls: readonly AgeRow[] = [
  [1, [75.4, 76.6, 78.6, 80.8, 83, 84.9, 86.1], [98, 99, 99, 100, 101, 102, 102], [101, 102, 102, 103, 104, 105, 105], [54, 55, 56, 56, 57, 58, 58], [59, 59, 60, 60, 61, 62, 62]],
  [2, [84.9, 86.3, 88.6, 91.1, 93.7, 96, 97.4], [101, 101, 102, 103, 104, 105, 106], [104, 105, 106, 106, 107, 108, 109], [58, 58, 59, 60, 61, 62, 62], [62, 63, 63, 64, 65, 66, 66]],
  [3, [91, 92.4, 94.9, 97.6, 100.5, 103.1, 104.6], [102, 103, 104, 104, 105, 106, 107], [106, 106, 107, 108, 109, 110, 110], [60, 61, 61, 62, 63, 64, 65], [64, 65, 65, 66, 67, 68, 69]],
  [4, [97.2, 98.8, 101.4, 104.5, 107.6, 110.5, 112.2], [103, 104, 105, 106, 107, 108, 108], [107, 108, 109, 109, 110, 111, 112], [62, 63, 64, 65, 66, 67, 67], [66, 67, 68, 69, 70, 70, 71]],
  [5, [103.6, 105.3, 108.2, 111.5, 114.9, 118.1, 120], [104, 105, 106, 107, 108, 109, 110], [108, 109, 109, 110, 111, 112, 113], [64, 65, 66, 67, 68, 69, 70], [68, 69, 70, 71, 72, 73, 73]],
  [6, [110, 111.8, 114.9, 118.4, 122.1, 125.6, 127.7], [105, 106, 107, 108, 109, 110, 111], [109, 109, 110, 111, 112, 113, 114], [67, 67, 68, 69, 70, 71, 71], [70, 71, 72, 72, 73, 74, 74]],
  [7, [115.9, 117.8, 121.1, 124.9, 128.8, 132.5, 134.7], [106, 106, 107, 109, 110, 111, 112], [109, 110, 111, 112, 113, 114, 115], [68, 68, 69, 70, 71, 72, 72], [72, 72, 73, 73, 74, 74, 75]],
  [8, [121, 123, 126.5, 130.6, 134.7, 138.5, 140.9], [107, 107, 108, 110, 111, 112, 113], [110, 111, 112, 113, 115, 116, 117], [69, 70, 71, 72, 72, 73, 73], [72, 73, 74, 74, 75, 75, 75]],
  [9, [125.3, 127.6, 131.3, 135.6, 140.1, 144.1, 146.6], [108, 108, 109, 111, 112, 113, 114], [112, 112, 113, 114, 116, 117, 118], [71, 71, 72, 73, 73, 73, 73], [74, 74, 75, 75, 75, 75, 75]],
  [10, [129.7, 132.2, 136.3, 141, 145.8, 150.2, 152.8], [109, 110, 111, 112, 113, 115, 116], [113, 114, 114, 116, 117, 119, 120], [72, 73, 73, 73, 73, 73, 73], [75, 75, 76, 76, 76, 76, 76]],
  [11, [135.6, 138.3, 142.8, 147.8, 152.8, 157.3, 160], [111, 112, 113, 114, 116, 118, 120], [115, 116, 117, 118, 120, 123, 124], [74, 74, 74, 74, 74, 75, 75], [76, 77, 77, 77, 77, 77, 77]],
  [12, [142.8, 145.5, 149.9, 154.8, 159.6, 163.8, 166.4], [114, 115, 116, 118, 120, 122, 122], [118, 119, 120, 122, 124, 125, 126], [75, 75, 75, 75, 76, 76, 76], [78, 78, 78, 78, 79, 79, 79]],
];

/** The rows of Tables 4 (male) and 5 (female), ages 1-12, as stored: for tests and documentation. */
export const aap2017Rows: Readonly<Record<Sex, readonly AgeRow[]>> = { male: boys, female: girls };

/** The lower bound (mm Hg, inclusive) of each category for one of systolic or diastolic. */
export interface CategoryLimits {
  /** 90th percentile, or the adult 120 (systolic) / 80 (diastolic), whichever is lower. */
  elevated: number;
  /** 95th percentile, or 130 / 80, whichever is lower. */
  stage1: number;
  /** 95th percentile + 12 mm Hg, or 140 / 90, whichever is lower. */
  stage2: number;
  /** The 90th and 95th percentiles themselves. */
  p90: number;
  p95: number;
  /** Above this (the 95th percentile + 30 mm Hg): referral to an immediate source of care (Table 7). */
  emergencyAbove: number;
}

export interface PaediatricBpLimits {
  ageYears: number;
  sex: Sex;
  /** The height percentile column used, and the height (cm) the table gives it at this age. */
  heightPercentile: HeightPercentile;
  columnHeightCm: number;
  systolic: CategoryLimits;
  diastolic: CategoryLimits;
}

/** Table 3's adult-aligned limits, applied when lower than the percentile ones ("whichever is lower"). */
const adultLimits = {
  systolic: { elevated: 120, stage1: 130, stage2: 140 },
  diastolic: { elevated: 80, stage1: 80, stage2: 90 },
} as const;
/** Table 3: stage 2 begins 12 mm Hg above the 95th percentile. */
const stage2AboveP95 = 12;
/** Table 7: more than 30 mm Hg above the 95th percentile warrants immediate care. */
const emergencyAboveP95 = 30;

/**
 * The column for a measured height: the height percentile whose tabulated height at this age is
 * nearest (below the 5th column's height, the 5th; above the 95th's, the 95th). The tables give
 * those heights so that a BP can be read without computing the child's exact height percentile;
 * a tie goes to the shorter column, whose limits are lower.
 */
function columnOf(heights: Seven, heightCm: number): number {
  let best = 0;
  for (let i = 1; i < heights.length; i++)
    if (Math.abs(heights[i]! - heightCm) < Math.abs(heights[best]! - heightCm)) best = i;
  return best;
}

function limits(
  p90: number,
  p95: number,
  adult: { elevated: number; stage1: number; stage2: number },
): CategoryLimits {
  return {
    elevated: Math.min(p90, adult.elevated),
    stage1: Math.min(p95, adult.stage1),
    stage2: Math.min(p95 + stage2AboveP95, adult.stage2),
    p90,
    p95,
    emergencyAbove: p95 + emergencyAboveP95,
  };
}

/**
 * The category limits for a child of `ageYears` whole years (1-12), `sex` and measured height (cm);
 * undefined outside 1-12 years or for a height that is not a positive number.
 */
export function paediatricBpLimits(input: {
  ageYears: number;
  sex: Sex;
  heightCm: number;
}): PaediatricBpLimits | undefined {
  const { ageYears, sex, heightCm } = input;
  if (
    !Number.isInteger(ageYears) ||
    ageYears < percentileTableAges.from ||
    ageYears > percentileTableAges.to
  )
    return undefined;
  if (!Number.isFinite(heightCm) || heightCm <= 0) return undefined;
  const row = (sex === 'male' ? boys : girls)[ageYears - percentileTableAges.from]!;
  const [, heights, sbp90, sbp95, dbp90, dbp95] = row;
  const column = columnOf(heights, heightCm);
  return {
    ageYears,
    sex,
    heightPercentile: heightPercentiles[column]!,
    columnHeightCm: heights[column]!,
    systolic: limits(sbp90[column]!, sbp95[column]!, adultLimits.systolic),
    diastolic: limits(dbp90[column]!, dbp95[column]!, adultLimits.diastolic),
  };
}

/** Whose limits these are, for messages: "a boy of 10 years at the 50th height percentile". */
export function describeChild(l: PaediatricBpLimits): string {
  return `a ${l.sex === 'male' ? 'boy' : 'girl'} of ${l.ageYears} years at the ${l.heightPercentile}th height percentile`;
}

/**
 * Table 6 (screening BP values requiring further evaluation) for ages 1-12: the 90th percentile at
 * the 5th height percentile, so a reading below it needs no height to be called normal. Undefined
 * outside 1-12 years (from 13, 120/80).
 */
export function screeningValues(
  ageYears: number,
  sex: Sex,
): { systolic: number; diastolic: number } | undefined {
  if (
    !Number.isInteger(ageYears) ||
    ageYears < percentileTableAges.from ||
    ageYears > percentileTableAges.to
  )
    return undefined;
  const [, , sbp90, , dbp90] = (sex === 'male' ? boys : girls)[
    ageYears - percentileTableAges.from
  ]!;
  return { systolic: sbp90[0], diastolic: dbp90[0] };
}

function categoryOf(mmHg: number, l: CategoryLimits): Exclude<BloodPressureCategory, 'crisis'> {
  if (mmHg >= l.stage2) return 'stage-2';
  if (mmHg >= l.stage1) return 'stage-1';
  if (mmHg >= l.elevated) return 'elevated';
  return 'normal';
}

const order: readonly BloodPressureCategory[] = ['normal', 'elevated', 'stage-1', 'stage-2'];

/**
 * The Table 3 category of a blood pressure (one reading or a mean) for these limits: systolic and
 * diastolic apart, the higher one holding. A missing value is left out; both missing -> undefined.
 * Never 'crisis': a child's emergency is judged by `aboveEmergencyLevel`.
 */
export function paediatricBpCategory(
  systolic: number | undefined,
  diastolic: number | undefined,
  l: PaediatricBpLimits,
): Exclude<BloodPressureCategory, 'crisis'> | undefined {
  const s = systolic === undefined ? undefined : categoryOf(systolic, l.systolic);
  const d = diastolic === undefined ? undefined : categoryOf(diastolic, l.diastolic);
  if (s === undefined) return d;
  if (d === undefined) return s;
  return order.indexOf(s) >= order.indexOf(d) ? s : d;
}

/** Table 7: a systolic or diastolic more than 30 mm Hg above its 95th percentile. */
export function aboveEmergencyLevel(
  systolic: number | undefined,
  diastolic: number | undefined,
  l: PaediatricBpLimits,
): boolean {
  return (
    (systolic !== undefined && systolic > l.systolic.emergencyAbove) ||
    (diastolic !== undefined && diastolic > l.diastolic.emergencyAbove)
  );
}
