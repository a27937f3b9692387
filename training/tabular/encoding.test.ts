import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { detectColumnTypes, encodeRows, featureNames, fitEncoding } from './encoding';

const table = parseCsv(
  [
    'mrn,age,smoking,sbp',
    'a1,40,never,120',
    'a2,?,current,NA',
    'a3,60,never,140',
    'a4,80,,160',
    'a5,50,former,130',
  ].join('\n'),
  'visits.csv',
);
const missing = ['', 'NA', '?'];

describe('Function: detectColumnTypes', () => {
  it('calls a column numeric when every present value is a number, categorical otherwise', () => {
    // Act
    const { types } = detectColumnTypes(table, missing, ['mrn']);
    // Assess
    expect([...types]).toEqual([
      ['age', 'numeric'],
      ['smoking', 'categorical'],
      ['sbp', 'numeric'],
    ]);
  });

  it('drops a text column with a distinct value in most rows as an identifier', () => {
    // Prepare: 60 rows, each with its own MRN
    const rows = Array.from({ length: 60 }, (_v, i) => `m${i},${i % 2 ? 'a' : 'b'}`);
    const ids = parseCsv(['mrn,group', ...rows].join('\n'), 'ids.csv');
    // Act
    const { types, dropped } = detectColumnTypes(ids, missing, []);
    // Assess
    expect(dropped).toEqual(['mrn']);
    expect([...types.keys()]).toEqual(['group']);
  });
});

describe('Function: fitEncoding / encodeRows', () => {
  it('imputes with medians and modes of the training rows only and adds missingness indicators', () => {
    // Prepare: train on rows 0-3 (ages 40, 60, 80 present -> median 60; sbp 120, 140, 160 -> 140)
    const { types } = detectColumnTypes(table, missing, ['mrn']);
    const encoding = fitEncoding(table, types, missing, [0, 1, 2, 3]);
    // Act
    const x = encodeRows(table, encoding, [1, 3]);
    // Assess
    expect(featureNames(encoding)).toEqual([
      'age',
      'age:missing',
      'smoking=current',
      'smoking=never',
      'smoking=(unknown)',
      'smoking:missing',
      'sbp',
      'sbp:missing',
    ]);
    // Row 1: age missing -> 60; smoking current; sbp missing -> 140
    expect(Array.from(x.data.subarray(0, 8))).toEqual([60, 1, 1, 0, 0, 0, 140, 1]);
    // Row 3: smoking missing -> mode "never" with its indicator
    expect(Array.from(x.data.subarray(8, 16))).toEqual([80, 0, 0, 1, 0, 1, 160, 0]);
  });

  it('puts a level never seen in training into the unknown bucket', () => {
    // Prepare: the training rows never see "former"
    const { types } = detectColumnTypes(table, missing, ['mrn']);
    const encoding = fitEncoding(table, types, missing, [0, 1, 2, 3]);
    // Act
    const x = encodeRows(table, encoding, [4]);
    // Assess: smoking=current, never, (unknown) -> 0, 0, 1
    expect(Array.from(x.data.subarray(2, 5))).toEqual([0, 0, 1]);
  });

  it('names file, line and column of a non-numeric value in a numeric column', () => {
    // Prepare
    const { types } = detectColumnTypes(table, missing, ['mrn']);
    const encoding = fitEncoding(table, types, missing, [0, 1, 2, 3]);
    const later = parseCsv('mrn,age,smoking,sbp\nb1,70,never,high\n', 'new.csv');
    // Act / Assess
    expect(() => encodeRows(later, encoding)).toThrow(
      'new.csv: line 2: column "sbp": expected a number',
    );
  });

  it('names a column the model needs that the file lacks', () => {
    // Prepare
    const { types } = detectColumnTypes(table, missing, ['mrn']);
    const encoding = fitEncoding(table, types, missing, [0, 1, 2, 3]);
    const later = parseCsv('age,smoking\n70,never\n', 'new.csv');
    // Act / Assess
    expect(() => encodeRows(later, encoding)).toThrow('new.csv: line 1: no column named "sbp"');
  });
});
