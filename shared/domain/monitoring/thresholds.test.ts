import { describe, expect, it } from 'vitest';
import {
  aboveBloodPressureTarget,
  bloodPressureCategory,
  glucoseCategory,
  hba1cAboveGoal,
} from './thresholds';

describe('Function: bloodPressureCategory (ACC/AHA 2017 Table 6)', () => {
  it.each([
    [119, 79, 'normal'],
    [120, 79, 'elevated'],
    [129, 79, 'elevated'],
    [130, 79, 'stage-1'],
    [139, 79, 'stage-1'],
    [119, 80, 'stage-1'],
    [119, 89, 'stage-1'],
    [140, 70, 'stage-2'],
    [119, 90, 'stage-2'],
    [180, 120, 'stage-2'],
    [181, 80, 'crisis'],
    [150, 121, 'crisis'],
  ])('classifies %i/%i mm Hg as %s', (systolic, diastolic, category) => {
    expect(bloodPressureCategory(systolic, diastolic)).toBe(category);
  });

  it('takes the higher category when systolic and diastolic disagree', () => {
    expect(bloodPressureCategory(125, 85)).toBe('stage-1'); // elevated systolic, stage 1 diastolic
    expect(bloodPressureCategory(185, 70)).toBe('crisis');
  });

  it('never calls a diastolic alone "elevated": elevated needs diastolic <80 AND systolic 120-129', () => {
    expect(bloodPressureCategory(undefined, 79)).toBe('normal');
    expect(bloodPressureCategory(undefined, 80)).toBe('stage-1');
    expect(bloodPressureCategory(undefined, undefined)).toBeUndefined();
  });
});

describe('Function: aboveBloodPressureTarget (<130/80)', () => {
  it('is true from 130 systolic or 80 diastolic', () => {
    expect(aboveBloodPressureTarget(129, 79)).toBe(false);
    expect(aboveBloodPressureTarget(130, 70)).toBe(true);
    expect(aboveBloodPressureTarget(120, 80)).toBe(true);
    expect(aboveBloodPressureTarget(129, undefined)).toBe(false);
  });
});

describe('Function: glucoseCategory (ADA 2024)', () => {
  it.each([
    [53.9, 'hypoglycaemia-level-2'],
    [54, 'hypoglycaemia-level-1'],
    [69.9, 'hypoglycaemia-level-1'],
    [70, 'in-range'],
    [180, 'in-range'],
    [180.1, 'hyperglycaemia-level-1'],
    [250, 'hyperglycaemia-level-1'],
    [250.1, 'hyperglycaemia-level-2'],
  ])('classifies %f mg/dL as %s', (mg, category) => {
    expect(glucoseCategory(mg)).toBe(category);
  });
});

describe('Function: hba1cAboveGoal (ADA 2024 <7 %)', () => {
  it('is false below 7 % and true from 7 %', () => {
    expect(hba1cAboveGoal(6.9)).toBe(false);
    expect(hba1cAboveGoal(7)).toBe(true);
    expect(hba1cAboveGoal(7.5, 8)).toBe(false);
  });
});
