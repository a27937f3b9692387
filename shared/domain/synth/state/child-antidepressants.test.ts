// Tests (synth/state): children's SSRIs follow their labels and the paediatric guidelines (1.12.0);
// until 1.11.0 children got the adult choice (sertraline or escitalopram, never fluoxetine) at adult doses.
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { drugs } from './drugs';
import { childAntidepressant } from './other-prescribing';

const draws = (indication: 'depression' | 'anxiety', age: number) => {
  const rng = new Rng(20261205);
  const seen = new Map<string, number>();
  for (let i = 0; i < 2000; i++) {
    const key = childAntidepressant(rng, indication, age) ?? 'none';
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return seen;
};

describe('Function: childAntidepressant', () => {
  it('gives depression fluoxetine from 8 (10 mg under 12), escitalopram only from 12, nothing under 8', () => {
    expect([...draws('depression', 7).keys()]).toEqual(['none']);
    expect([...draws('depression', 10).keys()]).toEqual(['fluoxetine-10']);
    const teen = draws('depression', 15);
    expect([...teen.keys()].sort()).toEqual(['escitalopram-10', 'fluoxetine-20']);
    expect(teen.get('fluoxetine-20')! / 2000).toBeCloseTo(0.6, 1);
  });

  it('gives anxiety sertraline 25 mg at 6-12 and 50 mg at 13-17, nothing under 6', () => {
    expect([...draws('anxiety', 5).keys()]).toEqual(['none']);
    expect([...draws('anxiety', 9).keys()].sort()).toEqual(['fluoxetine-10', 'sertraline-25']);
    // ZOLOFT: 25 mg at 6-12 years, 50 mg at 13-17.
    expect(draws('anxiety', 12).has('sertraline-25')).toBe(true);
    expect(draws('anxiety', 13).has('sertraline-25')).toBe(false);
    expect([...draws('anxiety', 16).keys()].sort()).toEqual([
      'escitalopram-10',
      'fluoxetine-20',
      'sertraline-50',
    ]);
  });

  it('codes the new products with their RxNorm SCDs', () => {
    expect(
      [drugs['fluoxetine-10'], drugs['fluoxetine-20'], drugs['sertraline-25']].map(
        (d) => `${d.rxcui} ${d.display}`,
      ),
    ).toEqual([
      '310384 fluoxetine 10 MG Oral Capsule',
      '310385 fluoxetine 20 MG Oral Capsule',
      '312940 sertraline 25 MG Oral Tablet',
    ]);
  });
});
