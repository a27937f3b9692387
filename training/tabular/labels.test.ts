import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { positiveRule, readLabels } from './labels';

const missing = ['', 'NA', '?'];

describe('Function: readLabels', () => {
  it('marks grades above zero positive with --positive ">0" and leaves out missing labels', () => {
    // Prepare: UCI-heart-disease style `num` 0-4
    const table = parseCsv('age,num\n50,0\n60,2\n61,?\n70,4\n45,1\n', 'heart.csv');
    // Act
    const labels = readLabels(table, 'num', positiveRule('>0'), missing);
    // Assess
    expect(Array.from(labels.y)).toEqual([0, 1, 1, 1]);
    expect(Array.from(labels.rows)).toEqual([0, 1, 3, 4]);
    expect(labels.missing).toBe(1);
  });

  it('marks rows equal to the given value positive', () => {
    // Prepare
    const table = parseCsv('x,status\n1,died\n2,alive\n3,died\n', 'a.csv');
    // Act
    const labels = readLabels(table, 'status', positiveRule('died'), missing);
    // Assess
    expect(Array.from(labels.y)).toEqual([1, 0, 1]);
  });

  it('understands Yes/No without --positive', () => {
    // Prepare
    const table = parseCsv('x,readmitted\n1,Yes\n2,No\n', 'a.csv');
    // Act / Assess
    expect(Array.from(readLabels(table, 'readmitted', undefined, missing).y)).toEqual([1, 0]);
  });

  it.each([
    [
      'the label has many values and no --positive',
      'x,stage\n1,I\n2,II\n3,III\n',
      undefined,
      'say which is positive',
    ],
    [
      'a ">0" label is not a number',
      'x,num\n1,0\n2,two\n',
      '>0',
      'a.csv: line 3: column "num": expected a number',
    ],
    ['every row is negative', 'x,num\n1,0\n2,0\n', '>0', 'every labelled row is negative'],
    ['the column is absent', 'x,y\n1,0\n', '>0', 'a.csv: line 1: no column named "num"'],
  ])('fails clearly when %s', (_case, text, rule, message) => {
    // Prepare
    const table = parseCsv(text, 'a.csv');
    const label = text.startsWith('x,stage') ? 'stage' : 'num';
    // Act / Assess
    expect(() => readLabels(table, label, positiveRule(rule), missing)).toThrow(message);
  });
});
