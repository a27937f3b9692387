import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { makeConflicting } from './conflicts';

const observation = (value: number, code: string) => ({
  resourceType: 'Observation',
  id: 'o1',
  valueQuantity: { value, unit: code, system: 'http://unitsofmeasure.org', code },
});

describe('Function: makeConflicting', () => {
  it.each([
    ['SpO2 99 %', 99, '%', 94],
    ['BMI percentile 100 %', 100, '%', 95],
    ['BMI percentile 3 %', 3, '%', 3.3],
    ['PHQ-9 27 (the maximum)', 27, '{score}', 26],
    ['GAD-7 0 (the minimum)', 0, '{score}', 1],
  ])(
    'keeps a conflicting copy of %s on its scale (a possible value)',
    (_name, value, code, expected) => {
      for (let seed = 1; seed <= 20; seed++) {
        // Prepare
        const copy = observation(value, code);
        // Act
        const mutation = makeConflicting(copy, new Rng(seed));
        // Assess
        expect(copy.valueQuantity.value).toBe(expected);
        expect(mutation?.path).toBe('valueQuantity.value');
      }
    },
  );

  it('moves other quantities either way, by about 5 %', () => {
    const values = new Set<number>();
    for (let seed = 1; seed <= 20; seed++) {
      const copy = observation(80, 'kg');
      makeConflicting(copy, new Rng(seed));
      values.add(copy.valueQuantity.value);
    }
    expect([...values].sort()).toEqual([76, 84]);
  });
});
