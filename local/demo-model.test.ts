import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadModel } from '../training/model-format';
import {
  demoModelColumns,
  demoModelThreshold,
  demoTrainingTable,
  ensureDemoModel,
  isStaleDemoModel,
} from './demo-model';
import { featureSpecVersion } from '../shared/domain/features/spec';

const asOf = '2026-06-01';

describe('Use case: the embedded stack demonstration model', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'caregraph-demo-model-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('labels only patients of the outcome population, with the generator outcome', () => {
    // Act
    const table = demoTrainingTable({ patients: 300, seed: 5, hospital: 'x', dirtyRate: 0, asOf });
    // Assess
    expect(table.header).toEqual([...demoModelColumns, 'cvd10y']);
    const age = (row: string[]) => Number(row[0]);
    const label = (row: string[]) => row.at(-1);
    const labelled = table.rows.filter((r) => label(r) !== '');
    expect(labelled.length).toBeGreaterThan(50);
    expect(labelled.every((r) => age(r) >= 40 && age(r) <= 79)).toBe(true);
    expect(table.rows.filter((r) => age(r) < 40).every((r) => label(r) === '')).toBe(true);
    expect(new Set(labelled.map(label))).toEqual(new Set(['0', '1']));
  });

  it('trains a served model that declares its population, threshold and synthetic origin', async () => {
    // Act
    const result = await ensureDemoModel({ dataDir, asOf, patients: 800, seed: 3 });
    // Assess
    expect(result.trained).toBe(true);
    const model = await loadModel(result.dir);
    expect(model.name).toBe('cvd-risk');
    expect(model.population).toEqual({ age_years: { min: 40, max: 79 } });
    expect(model.outcome).toEqual({
      definition: expect.stringMatching(/^first hard ASCVD event .*synthetic generator/),
      horizonDays: 3652,
    });
    expect(model.encoding?.columns.map((c) => c.name)).toEqual([...demoModelColumns]);
    expect(model.featureSpec).toBe(featureSpecVersion);
    expect(model.featureInput).toBe('raw');
    const document = JSON.parse(await readFile(join(result.dir, 'model.json'), 'utf8')) as {
      threshold: number;
    };
    expect(document.threshold).toBe(demoModelThreshold);
    const card = await readFile(join(result.dir, 'model-card.md'), 'utf8');
    expect(card).toMatch(/synthetic patients/);
    expect(card).toMatch(/Not for clinical use/);
    expect(result.auroc).toBeGreaterThan(0.7);
  });

  it('never overwrites a model already there', async () => {
    // Prepare
    const dir = join(dataDir, 'models', 'cvd-risk');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'model.json'), '{"the user":"model"}');
    // Act
    const result = await ensureDemoModel({ dataDir, asOf, patients: 100 });
    // Assess
    expect(result.trained).toBe(false);
    expect(await readFile(join(dir, 'model.json'), 'utf8')).toBe('{"the user":"model"}');
  });

  it('retrains its own model when that was trained under another feature spec, and only then', async () => {
    // Prepare: a demonstration model of an older spec (as written before models recorded one)
    const first = await ensureDemoModel({ dataDir, asOf, patients: 300, seed: 3 });
    const file = join(first.dir, 'model.json');
    const current = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const { featureSpec: _spec, ...older } = current;
    await writeFile(file, JSON.stringify(older));
    // Act
    const again = await ensureDemoModel({ dataDir, asOf, patients: 300, seed: 3 });
    const untouched = await ensureDemoModel({ dataDir, asOf, patients: 300, seed: 3 });
    // Assess
    expect(again.trained).toBe(true);
    expect((await loadModel(first.dir)).featureSpec).toBe(featureSpecVersion);
    expect(untouched.trained).toBe(false);
    expect(isStaleDemoModel({ ...current, featureSpec: 'features-1999.01.1' })).toBe(true);
    expect(isStaleDemoModel({ ...current, name: 'my-model', featureSpec: 'x' })).toBe(false);
  });
});
