import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadModel } from '../../../training/model-format';
import { runCommand } from '../io';
import { predictCommand } from './predict';
import { trainCommand } from './train';

/** A fixture CSV with "?" and empty missing markers, a categorical column and a quoted field. */
const fixture = [
  'id,age,sex,sbp,smoking,note,outcome',
  ...Array.from({ length: 80 }, (_v, i) => {
    const age = 35 + ((i * 7) % 45);
    const sbp = i % 11 === 0 ? '?' : String(110 + ((i * 13) % 60));
    const smoking = ['never', 'former', 'current', ''][i % 4];
    const outcome =
      (age - 35) / 45 + (i % 3 === 0 ? 0.4 : 0) + (smoking === 'current' ? 0.3 : 0) > 0.8 ? 1 : 0;
    return `p${i},${i % 17 === 0 ? '?' : age},${i % 2 ? 'female' : 'male'},${sbp},${smoking},"seen, stable",${outcome}`;
  }),
].join('\n');

/** Everything written to stderr from now on (restored by vi.restoreAllMocks). */
function captureStderr(): { toString(): string } {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((text += String(chunk)), true));
  return { toString: () => text };
}

function captureStdout() {
  let text = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    text += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return { text: () => text, spy };
}

describe('Command: caregraph train tabular', () => {
  let dir: string;
  let csv: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caregraph-train-cli-'));
    csv = join(dir, 'cohort.csv');
    await writeFile(csv, fixture);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prints the cross-validation report as JSON and writes a servable model with its card', async () => {
    // Prepare
    const stdout = captureStdout();
    const out = join(dir, 'model');
    // Act
    const code = await trainCommand.run([
      'tabular',
      '--csv',
      csv,
      '--label',
      'outcome',
      '--model',
      'logreg',
      '--cv',
      '4',
      '--seed',
      '7',
      '--exclude',
      'id,note',
      '--out',
      out,
      '--json',
    ]);
    // Assess
    expect(code).toBe(0);
    const report = JSON.parse(stdout.text()) as Record<string, unknown> & {
      folds: unknown[];
      auroc: number;
    };
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['model', 'cv', 'auroc', 'auprc', 'brier', 'accuracy', 'folds']),
    );
    expect(report).toMatchObject({ model: 'logreg', cv: 4 });
    expect(report.folds).toHaveLength(4);
    expect(report.auroc).toBeGreaterThan(0.8);
    const model = JSON.parse(await readFile(join(out, 'model.json'), 'utf8')) as {
      features: string[];
      kind: string;
    };
    expect(model.kind).toBe('logistic-regression');
    expect(model.features).toEqual(
      expect.arrayContaining([
        'age',
        'age:missing',
        'sex=female',
        'smoking=current',
        'smoking:missing',
        'sbp:missing',
      ]),
    );
    expect(await readFile(join(out, 'model-card.md'), 'utf8')).toContain('## Intended use');
  });

  it('declares --outcome and --horizon-days in model.json, and refuses a horizon alone', async () => {
    // Prepare
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = captureStderr();
    const out = join(dir, 'outcome-model');
    const flags = [
      'tabular',
      '--csv',
      csv,
      '--label',
      'outcome',
      '--model',
      'gnb',
      '--exclude',
      'id,note',
    ];
    // Act
    const code = await runCommand(trainCommand, [
      ...flags,
      ...['--outcome', 'stroke within two years', '--horizon-days', '730', '--out', out],
    ]);
    const alone = await runCommand(trainCommand, [...flags, '--horizon-days', '730']);
    // Assess
    expect(code).toBe(0);
    const model = JSON.parse(await readFile(join(out, 'model.json'), 'utf8')) as {
      outcome?: unknown;
    };
    expect(model.outcome).toEqual({ definition: 'stroke within two years', horizonDays: 730 });
    expect(alone).toBe(2);
    expect(stderr.toString()).toMatch(/horizonDays: goes with outcome/);
  });

  it('trains on the --population only and declares it in the served model and its card', async () => {
    // Prepare: ages 35-79 with some missing; the population 40..70 leaves out the rest
    const stderr = captureStderr();
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const out = join(dir, 'population-model');
    const inside = fixture
      .split('\n')
      .slice(1)
      .filter((line) => {
        const age = Number(line.split(',')[1]);
        return line.split(',')[1] !== '?' && age >= 40 && age <= 70;
      }).length;
    // Act
    const code = await runCommand(trainCommand, [
      'tabular',
      '--csv',
      csv,
      '--label',
      'outcome',
      '--model',
      'logreg',
      '--exclude',
      'id,note',
      '--cv',
      '3',
      '--population',
      'age=40..70',
      '--out',
      out,
    ]);
    // Assess
    expect(code).toBe(0);
    expect(String(stderr)).toContain(
      `population age: ${inside} of 80 rows inside it are trained on`,
    );
    const model = await loadModel(out);
    expect(model.population).toEqual({ age: { min: 40, max: 70 } });
    const card = JSON.parse(await readFile(join(out, 'model-card.json'), 'utf8')) as {
      data: { rows: number };
      limits: string[];
    };
    expect(card.data.rows).toBe(inside);
    expect(card.limits[0]).toMatch(/population age 40\.\.70/);
  });

  it.each([
    ['age=70..40', 2, 'must be column=MIN..MAX with MIN <= MAX'],
    ['age=40-79', 2, 'must be column=MIN..MAX'],
    ['age=..', 2, 'must be column=MIN..MAX'],
    ['egfr=15..', 1, 'cohort.csv: line 1: population: no column named "egfr"'],
  ])('refuses --population %s with exit %i, saying why', async (population, exit, message) => {
    // Prepare
    const stderr = captureStderr();
    // Act
    const code = await runCommand(trainCommand, [
      'tabular',
      '--csv',
      csv,
      '--label',
      'outcome',
      '--model',
      'logreg',
      '--population',
      population,
    ]);
    // Assess
    expect(code).toBe(exit);
    expect(String(stderr)).toContain(message);
  });

  it('gives the same report for the same seed', async () => {
    // Prepare
    const args = [
      'tabular',
      '--csv',
      csv,
      '--label',
      'outcome',
      '--model',
      'gnb',
      '--seed',
      '3',
      '--exclude',
      'id',
      '--json',
    ];
    const first = captureStdout();
    await trainCommand.run(args);
    vi.restoreAllMocks();
    const second = captureStdout();
    // Act
    await trainCommand.run(args);
    // Assess
    expect(second.text()).toBe(first.text());
  });

  it.each([
    [['tabular', '--label', 'outcome', '--model', 'logreg'], 'missing required flag --csv'],
    [['tabular', '--csv', 'x.csv', '--label', 'outcome', '--model', 'forest'], '--model'],
    [['forecast'], 'unknown task "forecast"'],
  ])('exits 2 on a usage error (%j)', async (args, message) => {
    // Prepare
    const stderr = captureStderr();
    // Act
    const code = await runCommand(trainCommand, args);
    // Assess
    expect(code).toBe(2);
    expect(String(stderr)).toContain(message);
  });

  it('exits 1 naming the file, line and column when a ">0" label is not a number', async () => {
    // Prepare
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, 'age,num\n50,0\n60,1\n70,high\n');
    const stderr = captureStderr();
    // Act
    const code = await runCommand(trainCommand, [
      'tabular',
      '--csv',
      bad,
      '--label',
      'num',
      '--positive',
      '>0',
      '--model',
      'gnb',
    ]);
    // Assess
    expect(code).toBe(1);
    expect(String(stderr)).toContain('bad.csv: line 4: column "num": expected a number');
  });
});

describe('Command: caregraph predict', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caregraph-predict-cli-'));
    await writeFile(join(dir, 'cohort.csv'), fixture);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const args = [
      'tabular',
      '--csv',
      join(dir, 'cohort.csv'),
      '--label',
      'outcome',
      '--model',
      'logreg',
      '--exclude',
      'id,note',
    ];
    await trainCommand.run([...args, '--out', join(dir, 'model')]);
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('scores raw CSV rows with the saved encoding and explains each prediction', async () => {
    // Prepare: a new file without the label, with a missing SBP and an unseen smoking level
    const rows = join(dir, 'new.csv');
    await writeFile(
      rows,
      'id,age,sex,sbp,smoking\nq1,78,male,?,current\nq2,36,female,112,vaping\n',
    );
    const stdout = captureStdout();
    // Act
    const code = await predictCommand.run(['--model', join(dir, 'model'), '--csv', rows, '--json']);
    // Assess
    expect(code).toBe(0);
    const body = JSON.parse(stdout.text()) as {
      model: { kind: string };
      predictions: {
        id: string;
        line: number;
        probability: number;
        explanation: { feature: string }[];
      }[];
    };
    expect(body.model.kind).toBe('logistic-regression');
    expect(body.predictions.map((p) => [p.id, p.line])).toEqual([
      ['q1', 2],
      ['q2', 3],
    ]);
    // The older current smoker is at higher risk than the young never-seen-level row
    expect(body.predictions[0]!.probability).toBeGreaterThan(body.predictions[1]!.probability);
    expect(body.predictions[0]!.explanation).toHaveLength(3);
  });

  it('fails with exit 1 and a clear reason for --patient when no stack runs', async () => {
    // Prepare
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const emptyDir = await mkdtemp(join(tmpdir(), 'caregraph-predict-nostack-'));
    // Act
    const code = await runCommand(predictCommand, [
      '--model',
      join(dir, 'model'),
      '--patient',
      'p1',
      '--data-dir',
      emptyDir,
    ]);
    // Assess
    expect(code).toBe(1);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/no running stack: .*stack\.json not found/);
    await rm(emptyDir, { recursive: true, force: true });
  });

  it('exits 2 when neither --csv nor --patient is given', async () => {
    // Prepare
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    // Act / Assess
    expect(await runCommand(predictCommand, ['--model', join(dir, 'model')])).toBe(2);
  });
});
