import { describe, expect, it } from 'vitest';
import { renderCohortPatient } from '../cohort';
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
    ['Exercise Vital Sign 0 d/wk (the minimum)', 0, 'd/wk', 1],
    ['Exercise Vital Sign 7 d/wk (the maximum)', 7, 'd/wk', 6],
    ['Exercise Vital Sign 0 min/d', 0, 'min/d', 1],
    ['a creatinine of 0.2 mg/dL', 0.2, 'mg/dL', 0.5],
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

  it('moves a count inside its range by a whole number, either way', () => {
    const values = new Set<number>();
    for (let seed = 1; seed <= 20; seed++) {
      const copy = observation(3, 'd/wk');
      makeConflicting(copy, new Rng(seed));
      values.add(copy.valueQuantity.value);
    }
    expect([...values].sort()).toEqual([2, 4]);
  });
});

describe('conflicting duplicates of a generated cohort (--dirty)', () => {
  // 400 patients at 50 % defects: about 400 conflicting values, 30 of them Exercise Vital Sign counts.
  const options = {
    patients: 400,
    seed: 8,
    hospital: 'conflicts',
    dirtyRate: 0.5,
    asOf: '2026-01-01',
  };
  const conflicts = Array.from({ length: options.patients }, (_, i) =>
    renderCohortPatient(options, i),
  ).flatMap(({ ndjson, defects }) =>
    defects
      .filter((d) => d.defect === 'duplicate' && d.path === 'valueQuantity.value')
      .map((d) => {
        const copy = JSON.parse(ndjson.get(d.file)![d.line! - 1] as string) as {
          id: string;
          valueQuantity: { value: number; code: string };
        };
        return {
          id: copy.id === d.resourceId,
          before: Number(/ (\S+) -> /.exec(d.detail)![1]),
          value: copy.valueQuantity.value,
          code: copy.valueQuantity.code,
          detail: d.detail,
        };
      }),
  );
  /** The possible range of each scale and whether it counts whole things. */
  const scales: Record<string, { max: number; whole: boolean }> = {
    'd/wk': { max: 7, whole: true },
    'min/d': { max: 1440, whole: true },
    '/min': { max: 300, whole: true },
    '{score}': { max: 27, whole: true },
    '%': { max: 100, whole: false },
  };

  it('reads the copies the records name, small counts among them', () => {
    expect(conflicts.length).toBeGreaterThan(300);
    expect(conflicts.every((c) => c.id)).toBe(true);
    const smallCounts = conflicts.filter(
      (c) => ['d/wk', 'min/d'].includes(c.code) && c.before < 10,
    );
    expect(smallCounts.length).toBeGreaterThanOrEqual(10);
    expect(smallCounts.some((c) => c.before === 0)).toBe(true);
  });

  it('gives every conflicting copy a possible value', () => {
    const impossible = conflicts.filter((c) => {
      const scale = scales[c.code];
      return (
        c.value < 0 ||
        (scale !== undefined &&
          (c.value > scale.max || (scale.whole && !Number.isInteger(c.value))))
      );
    });
    expect(impossible.map((c) => `${c.detail} ${c.code}`)).toEqual([]);
  });
});
