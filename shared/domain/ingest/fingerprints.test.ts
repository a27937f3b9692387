import { describe, expect, it } from 'vitest';
import { FingerprintTable, fingerprintOf } from './fingerprints';
import { DuplicateTracker } from './duplicates';

const observation = (id: string, value: number, patient = 'p1', minute = 0) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
  subject: { reference: `Patient/${patient}` },
  effectiveDateTime: new Date(Date.UTC(2026, 0, 1) + minute * 60_000).toISOString(),
  valueQuantity: { value, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
});

describe('fingerprintOf', () => {
  it('is the first 64 bits of SHA-1 of the UTF-8 text', () => {
    // SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d (FIPS 180-2, appendix A.1)
    expect(fingerprintOf('abc')).toEqual({ hi: 0xa9993e36, lo: 0x4706816a });
    expect(fingerprintOf('Observation/1')).not.toEqual(fingerprintOf('Observation/2'));
  });
});

describe('FingerprintTable', () => {
  it('remembers keys and their values, the latest value winning', () => {
    const table = new FingerprintTable(8, true);
    const a = fingerprintOf('a');
    expect(table.get(a)).toBeUndefined();
    table.set(a, { hi: 1, lo: 2 });
    expect(table.get(a)).toEqual({ hi: 1, lo: 2 });
    table.set(a, { hi: 3, lo: 4 });
    expect(table.get(a)).toEqual({ hi: 3, lo: 4 });
    expect(table.has(fingerprintOf('b'))).toBe(false);
  });

  it('remembers at least the last perGeneration keys and forgets beyond 2 x perGeneration', () => {
    const per = 100;
    const table = new FingerprintTable(per);
    const keys = Array.from({ length: 1_000 }, (_, i) => fingerprintOf(`key-${i}`));
    keys.forEach((k, i) => {
      table.set(k);
      // every one of the last `per` keys is still there after each insertion
      for (let j = Math.max(0, i - per + 1); j <= i; j++) expect(table.has(keys[j]!)).toBe(true);
    });
    const remembered = keys.filter((k) => table.has(k)).length;
    expect(remembered).toBeGreaterThanOrEqual(per);
    expect(remembered).toBeLessThanOrEqual(2 * per);
    expect(table.has(keys[0]!)).toBe(false);
  });

  it('a key set again while in the previous generation keeps its newest value', () => {
    const table = new FingerprintTable(2, true);
    const a = fingerprintOf('a');
    table.set(a, { hi: 0, lo: 1 });
    table.set(fingerprintOf('b'));
    table.set(fingerprintOf('c')); // rotates: a and b are now the previous generation
    table.set(a, { hi: 0, lo: 2 });
    expect(table.get(a)).toEqual({ hi: 0, lo: 2 });
  });

  it('allocates all its memory up front: the size does not depend on how many keys it saw', () => {
    const table = new FingerprintTable(65_536, true);
    const before = table.bytes;
    for (let i = 0; i < 300_000; i++) table.set(fingerprintOf(`k${i}`), { hi: i, lo: i });
    expect(table.bytes).toBe(before);
    expect(before).toBe(4 * 2 ** 20); // 2 generations x 131,072 slots x (8 + 8) bytes
  });
});

describe('DuplicateTracker', () => {
  it('tells a re-sent copy, a correction and the same measurement under another id', () => {
    const tracker = new DuplicateTracker(1_000);
    expect(tracker.check(observation('o1', 70))).toBe('new');
    expect(tracker.check(observation('o1', 70))).toBe('duplicate-merged');
    expect(tracker.check(observation('o1', 71))).toBe('conflict-later-wins');
    expect(tracker.check(observation('o2', 80, 'p2'))).toBe('new');
    expect(tracker.check(observation('o3', 80, 'p2'))).toBe('duplicate-observation-merged');
    expect(tracker.check(observation('o4', 81, 'p2'))).toBe('new');
  });

  it.each([
    ['valueString', 'No complaints', 'Chest pain since morning'],
    ['valueInteger', 2, 9],
    ['valueBoolean', true, false],
    ['valueDateTime', '2026-02-01', '2026-02-02'],
    ['valueTime', '08:00:00', '09:30:00'],
    ['valuePeriod', { start: '2026-02-01' }, { start: '2026-02-03' }],
    ['valueRange', { low: { value: 1 } }, { low: { value: 2 } }],
    ['valueRatio', { numerator: { value: 1 } }, { numerator: { value: 3 } }],
    [
      'valueSampledData',
      { period: 2, dimensions: 1, data: '1 2' },
      { period: 2, dimensions: 1, data: '1 3' },
    ],
    ['dataAbsentReason', { text: 'asked-declined' }, { text: 'not-performed' }],
    ['hasMember', [{ reference: 'Observation/a' }], [{ reference: 'Observation/b' }]],
  ])(
    'keeps two readings of one patient, code and time with different %s; merges only the same value',
    (element, first, second) => {
      const tracker = new DuplicateTracker(1_000);
      const reading = (id: string, value: unknown) => {
        const { valueQuantity: _, ...rest } = observation(id, 0);
        return { ...rest, [element]: value };
      };
      expect(tracker.check(reading('a', first))).toBe('new');
      expect(tracker.check(reading('b', second))).toBe('new');
      expect(tracker.check(reading('c', second))).toBe('duplicate-observation-merged');
    },
  );

  it('tells readings apart by the value element, not only its text (2 and "2")', () => {
    const tracker = new DuplicateTracker(1_000);
    const { valueQuantity: _, ...bare } = observation('a', 0);
    expect(tracker.check({ ...bare, id: 'a', valueInteger: 2 })).toBe('new');
    expect(tracker.check({ ...bare, id: 'b', valueString: '2' })).toBe('new');
  });

  it('never takes resources without an id for copies or corrections of each other', () => {
    const tracker = new DuplicateTracker(1_000);
    const { id: _, ...first } = observation('x', 70);
    const { id: __, ...second } = observation('x', 90);
    expect(tracker.check(first)).toBe('new');
    expect(tracker.check(second)).toBe('new');
  });

  it('over 200,000 distinct records, none is taken for a duplicate', () => {
    const tracker = new DuplicateTracker(1_000);
    const verdicts = new Set<string>();
    for (let i = 0; i < 200_000; i++)
      verdicts.add(tracker.check(observation(`o${i}`, 50 + (i % 500) / 10, `p${i % 3_000}`, i)));
    expect([...verdicts]).toEqual(['new']);
  });

  it('past its window a far copy counts as new (storage keys still keep one record)', () => {
    const tracker = new DuplicateTracker(10);
    tracker.check(observation('far', 70, 'px'));
    for (let i = 0; i < 50; i++) tracker.check(observation(`o${i}`, 60, `p${i}`));
    expect(tracker.check(observation('far', 70, 'px'))).toBe('new');
  });
});
