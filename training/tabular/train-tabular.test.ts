import { describe, expect, it } from 'vitest';
import { foldsFromAssignment } from '../evaluation/folds';
import { parseCsv } from './csv';
import { syntheticTable } from './synthetic-table';
import { trainTabular } from './train-tabular';

const table = parseCsv(syntheticTable({ rows: 90, seed: 5 }).csv, 'cohort.csv');
const trainedAt = new Date('2026-01-15T10:00:00Z');

describe('Function: trainTabular with explicit folds', () => {
  it('holds out exactly the rows of each fold it is given', async () => {
    // Prepare: three folds of 30 consecutive rows, whatever `cv` says
    const folds = foldsFromAssignment(Array.from({ length: 90 }, (_v, i) => Math.floor(i / 30)));
    // Act
    const { report, document } = await trainTabular({
      table,
      label: 'outcome',
      model: 'gnb',
      cv: 5,
      folds,
      exclude: ['id'],
      trainedAt,
    });
    // Assess
    expect(report.cv).toBe(3);
    expect(report.folds.map((f) => f.n)).toEqual([30, 30, 30]);
    const positivesIn = (from: number) =>
      table.rows.slice(from, from + 30).filter((r) => r[5] === '1').length;
    expect(report.folds.map((f) => f.positives)).toEqual([0, 30, 60].map(positivesIn));
    expect(document.training).toMatchObject({ cv: 3 });
  });

  it('refuses folds that leave a row out, naming the row', async () => {
    // Prepare: row 89 is in no fold
    const folds = foldsFromAssignment(Array.from({ length: 89 }, (_v, i) => i % 2));
    // Act and Assess
    await expect(
      trainTabular({ table, label: 'outcome', model: 'gnb', folds, exclude: ['id'], trainedAt }),
    ).rejects.toThrow('row 89 is never held out');
  });
});
