import { describe, expect, it } from 'vitest';
import { qsofaCategory, qsofaPoints } from './qsofa';
import { scoreFromInputs } from './scores-from-fhir';

describe('Score: qsofa', () => {
  it('counts RR ≥ 22, SBP ≤ 100 and altered mentation (Seymour 2016)', () => {
    expect(qsofaPoints({ respiratoryRate: 21, systolic: 101, alteredMentation: false })).toBe(0);
    expect(qsofaPoints({ respiratoryRate: 22, systolic: 101, alteredMentation: false })).toBe(1);
    expect(qsofaPoints({ respiratoryRate: 21, systolic: 100, alteredMentation: false })).toBe(1);
    expect(qsofaPoints({ respiratoryRate: 21, systolic: 101, alteredMentation: true })).toBe(1);
    expect(qsofaPoints({ respiratoryRate: 30, systolic: 90, alteredMentation: true })).toBe(3);
  });

  it('is positive (high risk) from 2 points', () => {
    expect(qsofaCategory(1)).toBe('low');
    expect(qsofaCategory(2)).toBe('high');
  });

  it('is already positive with two criteria met when the third is missing', () => {
    const result = scoreFromInputs('qsofa', { respiratoryRate: 24, systolic: 95 });
    expect(result).toMatchObject({
      value: 2,
      category: 'high',
      missing: ['alteredMentation'],
      applicable: false,
    });
  });

  it('gives no category when the missing criterion could still make it positive', () => {
    const result = scoreFromInputs('qsofa', { respiratoryRate: 24, systolic: 130 });
    expect(result.value).toBe(1);
    expect(result.category).toBeUndefined();
  });

  it('computes nothing when no criterion is observed', () => {
    expect(scoreFromInputs('qsofa', {})).toMatchObject({ value: null, applicable: false });
  });
});
