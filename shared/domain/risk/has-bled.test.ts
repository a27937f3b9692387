import { describe, expect, it } from 'vitest';
import { hasBledCategory, hasBledPoints, type HasBledInputs } from './has-bled';
import { scoreFromInputs } from './scores-from-fhir';

const none: HasBledInputs = {
  age: 60,
  uncontrolledHypertension: false,
  abnormalRenalFunction: false,
  abnormalLiverFunction: false,
  stroke: false,
  bleeding: false,
  labileInr: false,
  antiplateletOrNsaid: false,
  alcohol: false,
};

describe('Score: has-bled', () => {
  it('gives one point per Pisters 2010 criterion and for age over 65', () => {
    expect(hasBledPoints(none)).toBe(0);
    expect(hasBledPoints({ ...none, age: 65 })).toBe(0);
    expect(hasBledPoints({ ...none, age: 66 })).toBe(1);
    for (const key of Object.keys(none).filter((k) => k !== 'age') as Array<keyof HasBledInputs>)
      expect(hasBledPoints({ ...none, [key]: true })).toBe(1);
    const all = Object.fromEntries(
      Object.keys(none).map((k) => [k, true]),
    ) as unknown as HasBledInputs;
    expect(hasBledPoints({ ...all, age: 70 })).toBe(9);
  });

  it('marks 3 or more as high bleeding risk', () => {
    expect(hasBledCategory(0)).toBe('low');
    expect(hasBledCategory(1)).toBe('moderate');
    expect(hasBledCategory(2)).toBe('moderate');
    expect(hasBledCategory(3)).toBe('high');
  });

  it('scores a JSON input', () => {
    const result = scoreFromInputs('has-bled', {
      age: 70,
      atrialFibrillation: true,
      stroke: true,
      antiplateletOrNsaid: true,
    });
    expect(result).toMatchObject({ value: 3, category: 'high', applicable: true, missing: [] });
  });

  it('gives no point for AF, and says the score is not validated without it or in a child', () => {
    // Pisters 2010 derived HAS-BLED in adults with atrial fibrillation (Euro Heart Survey on AF).
    const inputs = { age: 70, stroke: true, antiplateletOrNsaid: true };
    const noAf = scoreFromInputs('has-bled', inputs);
    expect(noAf).toMatchObject({ value: 3, category: 'high', applicable: false });
    expect(noAf.reason).toMatch(/no atrial fibrillation recorded/);
    const child = scoreFromInputs('has-bled', { ...inputs, age: 12, atrialFibrillation: true });
    expect(child).toMatchObject({ value: 2, applicable: false });
    expect(child.reason).toMatch(/age under 18/);
  });
});
