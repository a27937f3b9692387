import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import type { FittedTransform } from '../features/transform';
import { caseDigest, caseItem, caseKey, caseShards, fitStamp, indexedCase } from './case-index';

/** A two-feature transform: age (mean 60 years, SD 10) and one flag. */
const transform: FittedTransform = {
  specVersion: 'features-2026.11.1',
  rows: 10,
  numeric: { age_years: { median: 60, mean: 60, sd: 10 } },
  categorical: {},
  names: ['age_years', 'condition_hypertension'],
};
const facts = { treatments: ['amlodipine', 'lisinopril'], eventAfter: ['lisinopril'] };

describe('Function: caseItem', () => {
  it('holds a vector, treatments and outcome flags, and no id, date or free text', () => {
    // Act
    const item = caseItem('general', 'a1b2c3d4e5f6', [0.123456, 1], facts, transform);
    // Assess
    expect(Object.keys(item).sort()).toEqual([
      'eventAfter',
      'fit',
      'pk',
      'sk',
      'treatments',
      'vector',
    ]);
    expect(item.vector).toEqual([0.1235, 1]);
    expect(JSON.stringify(item)).not.toContain('a1b2c3d4e5f6');
    expect(JSON.stringify(item)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('caps age at 90 years (Safe Harbor) in standard-deviation units', () => {
    const aged = caseItem('general', 'p95', [3.5, 0], facts, transform); // 95 years
    const younger = caseItem('general', 'p85', [2.5, 0], facts, transform); // 85 years
    expect(aged.vector).toEqual([3, 0]);
    expect(younger.vector).toEqual([2.5, 0]);
  });

  it('refuses a vector that does not match the transform', () => {
    expect(() => caseItem('general', 'p1', [1], facts, transform)).toThrow(ValidationError);
  });

  it("gives a patient the same key on every build, and other hospitals' patients other partitions", () => {
    const first = caseKey('general', 'p1');
    expect(caseKey('general', 'p1')).toEqual(first);
    expect(first.sk).toBe(`CASE#${caseDigest('general', 'p1')}`);
    expect(caseKey('other', 'p1').pk.startsWith('CASES#other#')).toBe(true);
    expect(first.pk.startsWith('CASES#general#')).toBe(true);
    const shards = new Set(
      Array.from({ length: 200 }, (_, i) => caseKey('general', `p${i}`).pk.split('#').pop()),
    );
    expect([...shards].map(Number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: caseShards }, (_, i) => i),
    );
  });
});

describe('Function: indexedCase', () => {
  it('reads back what caseItem wrote, with the outcome per treatment', () => {
    const read = indexedCase(caseItem('general', 'p1', [0.5, 1], facts, transform));
    expect(read).toEqual({
      digest: caseDigest('general', 'p1'),
      fit: fitStamp(transform),
      case: {
        vector: [0.5, 1],
        treatments: ['amlodipine', 'lisinopril'],
        outcome: true,
        eventAfter: ['lisinopril'],
      },
    });
  });

  it('skips items that are not well-formed cases', () => {
    expect(indexedCase({ pk: 'CASES#general', sk: 'TRANSFORM', transform })).toBeUndefined();
    expect(indexedCase({ pk: 'x', sk: 'CASE#ab', vector: [1, 'two'] })).toBeUndefined();
  });
});
