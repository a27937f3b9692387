import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/domain/errors';
import { parseCsv } from './csv';

describe('Function: parseCsv', () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks, with CRLF endings', () => {
    // Prepare
    const text =
      '\ufeffid,note,age\r\n1,"chest pain, resolved",70\r\n2,"said ""ok""\r\nthen left",\r\n';
    // Act
    const table = parseCsv(text, 'visits.csv');
    // Assess
    expect(table.header).toEqual(['id', 'note', 'age']);
    expect(table.rows).toEqual([
      ['1', 'chest pain, resolved', '70'],
      ['2', 'said "ok"\r\nthen left', ''],
    ]);
    expect(table.lines).toEqual([2, 3]);
  });

  it('skips blank lines and accepts a last row without a line break', () => {
    // Prepare / Act
    const table = parseCsv('a,b\n\n1,2\n\n3,4', 'x.csv');
    // Assess
    expect(table.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(table.lines).toEqual([3, 5]);
  });

  it('names the file and line of a row with the wrong number of fields', () => {
    // Prepare
    const text = 'age,sbp\n70,140\n"multi\nline",1,2\n';
    // Act
    const act = () => parseCsv(text, 'cohort.csv');
    // Assess: the bad record starts on line 3 even though it spans two lines
    expect(act).toThrow(ValidationError);
    expect(act).toThrow('cohort.csv: line 3: expected 2 fields (as in the header), got 3');
  });

  it.each([
    ['an unterminated quote', 'a,b\n1,"open\n', 'cohort.csv: line 2: unterminated quoted field'],
    ['a repeated column name', 'age,age\n1,2\n', 'cohort.csv: line 1: column "age" appears twice'],
    ['an unnamed column', 'age,,sbp\n1,2,3\n', 'cohort.csv: line 1: column 2 has no name'],
    ['an empty file', '\n\n', 'cohort.csv: the file is empty (no header row)'],
  ])('rejects %s with a message naming where', (_case, text, message) => {
    // Act / Assess
    expect(() => parseCsv(text, 'cohort.csv')).toThrow(message);
  });
});
