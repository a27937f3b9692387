import { describe, expect, it } from 'vitest';
import { foldsFromAssignment } from '../evaluation/folds';
import { parseCsv, type CsvTable } from './csv';
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

/** 150 patients x 3 identical rows, a label unrelated to the 30 features: the true AUROC is 0.5. */
function noiseAdmissions(): CsvTable {
  let s = 12345;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const header = ['patient', ...Array.from({ length: 30 }, (_v, j) => `x${j}`), 'y'];
  const rows: string[][] = [];
  for (let p = 0; p < 150; p += 1) {
    const x = Array.from({ length: 30 }, () => (rnd() * 2 - 1).toFixed(4));
    const y = rnd() < 0.5 ? '1' : '0';
    for (let k = 0; k < 3; k += 1) rows.push([`p${p}`, ...x, y]);
  }
  return { file: 'admissions.csv', header, rows, lines: rows.map((_r, i) => i + 2) };
}

describe('Function: trainTabular cross-validates by patient', () => {
  const noise = noiseAdmissions();
  const settings = {
    table: noise,
    label: 'y',
    model: 'logreg' as const,
    hyper: { classWeight: 'none' as const, c: 10 },
    trainedAt,
    seed: 1,
  };

  it('keeps a patient’s rows in one fold by default, so noise scores about 0.5', async () => {
    // Act
    const { report, document, card } = await trainTabular(settings);
    // Assess: by row, the same table scores about 0.70 (each test row's copies were trained on)
    expect(report.auroc).toBeLessThan(0.6);
    expect(document.training).toMatchObject({ group: 'patient' });
    expect(document.features).not.toContain('patient');
    expect(card.training).toContainEqual(expect.stringContaining('cross-validation by patient'));
    expect(card.training).toContainEqual(
      expect.stringContaining('95% intervals: cluster bootstrap by patient'),
    );
  });

  it('is reproducible for a seed', async () => {
    const a = await trainTabular(settings);
    const b = await trainTabular(settings);
    expect(b.report.folds).toEqual(a.report.folds);
    expect(b.document).toEqual(a.document);
  });

  it('groups the internal splits too (linear SVM’s Platt calibration)', async () => {
    // Prepare: the SVM fits Platt on internal 5-fold decision values; by row, a patient's copies
    // sit on both sides and the calibration learns that the scores are trustworthy
    const grouped = await trainTabular({ ...settings, model: 'svm' });
    const ungrouped = await trainTabular({ ...settings, model: 'svm', group: null });
    // Assess: on noise the grouped slope is flat; by row it is steep
    const slope = (d: Record<string, unknown>) => Math.abs((d.platt as { a: number }).a);
    expect(slope(grouped.document)).toBeLessThan(slope(ungrouped.document) / 2);
  });

  it('splits by row with group: null, and names a group column the table lacks', async () => {
    const byRow = await trainTabular({ ...settings, group: null, exclude: ['patient'] });
    expect(byRow.report.auroc).toBeGreaterThan(0.6);
    await expect(trainTabular({ ...settings, group: 'admission' })).rejects.toThrow(
      'admissions.csv: line 1: group: no column named "admission"',
    );
  });

  it('bootstraps its intervals by patient: wider than the row bootstrap of the same predictions', async () => {
    // Prepare: the same patient-whole folds both ways, so the out-of-fold predictions are the same
    // and only the bootstrap differs
    const folds = foldsFromAssignment(
      Array.from({ length: 450 }, (_v, i) => Math.floor(i / 3) % 5),
    );
    // Act
    const byPatient = await trainTabular({ ...settings, folds });
    const byRow = await trainTabular({ ...settings, folds, group: null, exclude: ['patient'] });
    // Assess: three copies of each patient: the row bootstrap is about 1/sqrt(3) as wide
    const width = (r: typeof byRow) => r.report.ci.auroc.upper - r.report.ci.auroc.lower;
    expect(byPatient.report.ci.auroc.estimate).toBe(byRow.report.ci.auroc.estimate);
    expect(width(byPatient)).toBeGreaterThan(1.3 * width(byRow));
    expect(byRow.card.training).toContainEqual(
      expect.stringContaining('95% intervals: bootstrap by row'),
    );
  });

  it('refuses explicit folds that split a patient', async () => {
    const folds = foldsFromAssignment(Array.from({ length: 450 }, (_v, i) => i % 3));
    await expect(trainTabular({ ...settings, folds })).rejects.toThrow(
      'fold 1 holds out some rows of a patient and trains on others',
    );
  });
});
