import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { featureSpecVersion } from '../shared/domain/features/spec';
import { loadModel, loadModelDirectory } from './model-format';
import { syntheticTable } from './tabular/synthetic-table';
import { runTrainingJob, sageMakerPaths } from './train';

describe('SageMaker training contract: training/train.ts', () => {
  let root: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    // Prepare: the /opt/ml layout under a temp folder, addressed through SM_* variables
    root = await mkdtemp(join(tmpdir(), 'caregraph-sm-'));
    env = {
      SM_INPUT_DIR: join(root, 'input'),
      SM_CHANNEL_TRAIN: join(root, 'input', 'data', 'train'),
      SM_MODEL_DIR: join(root, 'model'),
      SM_OUTPUT_DIR: join(root, 'output'),
    };
    await mkdir(join(root, 'input', 'config'), { recursive: true });
    await mkdir(env.SM_CHANNEL_TRAIN!, { recursive: true });
    await writeFile(
      join(env.SM_CHANNEL_TRAIN!, 'cohort.csv'),
      syntheticTable({ rows: 200, seed: 4 }).csv,
    );
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const hyperparameters = (values: Record<string, string>) =>
    writeFile(join(root, 'input', 'config', 'hyperparameters.json'), JSON.stringify(values));

  it('defaults every path to /opt/ml when no SM_* variable is set', () => {
    expect(sageMakerPaths({})).toEqual({
      inputConfigDir: '/opt/ml/input/config',
      trainChannel: '/opt/ml/input/data/train',
      modelDir: '/opt/ml/model',
      outputDir: '/opt/ml/output',
      outputDataDir: '/opt/ml/output/data',
    });
  });

  it('trains from string hyperparameters, writes a servable model to SM_MODEL_DIR and metrics lines', async () => {
    // Prepare: SageMaker passes every hyperparameter as a string
    await hyperparameters({
      label: 'outcome',
      model: 'logreg',
      cv: '3',
      seed: '5',
      exclude: 'id',
      name: 'cvd-risk',
    });
    const lines: string[] = [];
    // Act
    const code = await runTrainingJob(sageMakerPaths(env), {
      now: () => new Date('2026-01-15T10:00:00Z'),
      log: (line) => lines.push(line),
    });
    // Assess
    expect(code).toBe(0);
    const models = await loadModelDirectory(env.SM_MODEL_DIR!);
    expect(models.get('cvd-risk')).toMatchObject({
      kind: 'logistic-regression',
      createdAt: '2026-01-15T10:00:00.000Z',
    });
    const evaluation = JSON.parse(
      await readFile(join(root, 'output', 'data', 'evaluation.json'), 'utf8'),
    ) as { cv: number };
    expect(evaluation.cv).toBe(3);
    expect(lines.some((l) => /^auroc=0\.\d+;$/.test(l))).toBe(true);
    await expect(stat(join(root, 'output', 'failure'))).rejects.toThrow();
  });

  it('declares the outcome the retraining schedule names (hyperparameters outcome, horizon_days)', async () => {
    // Prepare: as infra/constructs/model-training.ts sends them for derived labels
    await hyperparameters({
      label: 'outcome',
      model: 'logreg',
      exclude: 'id',
      name: 'cvd-risk',
      outcome: 'hard ASCVD event (PCE definition)',
      horizon_days: '730',
    });
    // Act
    const code = await runTrainingJob(sageMakerPaths(env), {
      now: () => new Date(),
      log: () => {},
    });
    // Assess
    expect(code).toBe(0);
    const model = (await loadModelDirectory(env.SM_MODEL_DIR!)).get('cvd-risk');
    expect(model?.outcome).toEqual({
      definition: 'hard ASCVD event (PCE definition)',
      horizonDays: 730,
    });
    const card = await readFile(join(env.SM_MODEL_DIR!, 'model-card.md'), 'utf8');
    expect(card).toMatch(/probability of: hard ASCVD event \(PCE definition\) within 730 days/);
  });

  it("serves probabilities on the prevalence scale from the retraining schedule's hyperparameters", async () => {
    // Prepare: a 2.7%-prevalence outcome, and the hyperparameters the CDK sent before it named a
    // class weight (the image's default applies)
    const rows = ['patient,age_years,sbp_latest,outcome'];
    let s = 12345;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let events = 0;
    for (let i = 0; i < 3000; i++) {
      const age = 40 + Math.floor(rnd() * 40);
      const sbp = 110 + Math.floor(rnd() * 60);
      const z = -5.5 + 0.05 * (age - 40) + 0.02 * (sbp - 110);
      const y = rnd() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
      events += y;
      rows.push(`p${i},${age},${sbp},${y}`);
    }
    await rm(join(env.SM_CHANNEL_TRAIN!, 'cohort.csv'));
    await writeFile(join(env.SM_CHANNEL_TRAIN!, 'rare.csv'), rows.join('\n') + '\n');
    const run = async (extra: Record<string, string>) => {
      await hyperparameters({
        ...{ task: 'tabular', label: 'outcome', model: 'logreg', exclude: 'patient' },
        ...{ name: 'cvd-risk', outcome: 'hard ASCVD event', horizon_days: '730', ...extra },
      });
      expect(
        await runTrainingJob(sageMakerPaths(env), { now: () => new Date(), log: () => {} }),
      ).toBe(0);
      const model = await loadModel(env.SM_MODEL_DIR!);
      const x = rows.slice(1).map((r) => r.split(',').slice(1, 3).map(Number));
      const p = model.predict(x).map((q) => q.probability);
      const card = JSON.parse(
        await readFile(join(env.SM_MODEL_DIR!, 'model-card.json'), 'utf8'),
      ) as {
        training: string[];
        limits: string[];
        metrics: { thresholds: { youden: { threshold: number } } };
      };
      const served = JSON.parse(await readFile(join(env.SM_MODEL_DIR!, 'model.json'), 'utf8')) as {
        threshold: number;
      };
      const positives = model.predict(x).filter((q) => q.label === 1).length;
      return { meanP: p.reduce((a, b) => a + b, 0) / p.length, card, served, positives };
    };
    // Act
    const unweighted = await run({});
    const balanced = await run({ class_weight: 'balanced' });
    // Assess: an unweighted fit's mean probability is the event rate (the intercept's score equation)
    expect(events).toBe(81);
    expect(unweighted.meanP).toBeCloseTo(events / 3000, 6);
    expect(unweighted.card.training[0]).toBe('class weights: none');
    expect(unweighted.card.limits.join('\n')).not.toMatch(/balanced/);
    // The served label is at the card's out-of-fold Youden threshold, not at 0.5, so a calibrated
    // rare outcome still labels some patients positive
    expect(unweighted.served.threshold).toBe(unweighted.card.metrics.thresholds.youden.threshold);
    expect(unweighted.served.threshold).toBeLessThan(0.2);
    expect(unweighted.positives).toBeGreaterThan(events);
    // Balanced weights, asked for, still move them toward 0.5, and the card says so
    expect(balanced.meanP).toBeGreaterThan(10 * (events / 3000));
    expect(balanced.card.training[0]).toBe('class weights: balanced');
    expect(balanced.card.limits.at(-1)).toMatch(
      /^Fitted with balanced class weights: probabilities are shifted toward 0\.5/,
    );
  });

  it('refuses a horizon without the outcome it is the horizon of', async () => {
    await hyperparameters({ label: 'outcome', model: 'gnb', exclude: 'id', horizon_days: '730' });
    const code = await runTrainingJob(sageMakerPaths(env), {
      now: () => new Date(),
      log: () => {},
    });
    expect(code).toBe(1);
    expect(await readFile(join(root, 'output', 'failure'), 'utf8')).toMatch(
      /^horizonDays: goes with outcome/,
    );
  });

  it('writes the reason to output/failure and exits 1 when the label column is absent', async () => {
    // Prepare
    await hyperparameters({ label: 'died', model: 'gnb' });
    // Act
    const code = await runTrainingJob(sageMakerPaths(env), {
      now: () => new Date(),
      log: () => {},
    });
    // Assess
    expect(code).toBe(1);
    const reason = await readFile(join(root, 'output', 'failure'), 'utf8');
    expect(reason).toMatch(/cohort\.csv: line 1: no column named "died"\n$/);
  });

  it('fails clearly when a hyperparameter is invalid', async () => {
    // Prepare
    await hyperparameters({ label: 'outcome', model: 'logreg', cv: 'ten' });
    // Act
    const code = await runTrainingJob(sageMakerPaths(env), {
      now: () => new Date(),
      log: () => {},
    });
    // Assess
    expect(code).toBe(1);
    expect(await readFile(join(root, 'output', 'failure'), 'utf8')).toMatch(/^cv: /);
  });

  describe('the feature spec the training table carries (<table>.spec.json, copied with it)', () => {
    const csvFile = () => join(env.SM_CHANNEL_TRAIN!, 'cohort.csv');
    /** The document the features job writes beside a table, for `bytes` of the table. */
    const specFor = (featureSpec: string, bytes: Buffer) => ({
      featureSpec,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      rows: 200,
      label: 'outcome',
    });
    const train = async (extra: Record<string, string> = {}) => {
      await hyperparameters({
        label: 'outcome',
        model: 'gnb',
        exclude: 'id',
        name: 'cvd-risk',
        ...extra,
      });
      const lines: string[] = [];
      const code = await runTrainingJob(sageMakerPaths(env), {
        now: () => new Date('2026-01-15T10:00:00Z'),
        log: (line) => lines.push(line),
      });
      return { code, lines };
    };
    const modelJson = async () =>
      JSON.parse(await readFile(join(env.SM_MODEL_DIR!, 'model.json'), 'utf8')) as {
        featureSpec?: string;
      };

    it("records the spec the table was built under, not the running code's", async () => {
      // Prepare: a table built before a deploy that changed the spec: it names its own.
      const bytes = await readFile(csvFile());
      await writeFile(
        `${csvFile()}.spec.json`,
        JSON.stringify(specFor('features-2020.01.1', bytes)),
      );
      // Act
      const { code } = await train();
      // Assess
      expect(code).toBe(0);
      expect((await modelJson()).featureSpec).toBe('features-2020.01.1');
      expect(featureSpecVersion).not.toBe('features-2020.01.1');
    });

    it('records none, and says why, when the document describes another table', async () => {
      // Prepare: the document of an earlier table (the new one written, its document not yet)
      await writeFile(
        `${csvFile()}.spec.json`,
        JSON.stringify(specFor('features-2020.01.1', Buffer.from('patient,outcome\np1,1\n'))),
      );
      // Act
      const { code, lines } = await train();
      // Assess
      expect(code).toBe(0);
      expect((await modelJson()).featureSpec).toBeUndefined();
      expect(lines).toContainEqual(
        expect.stringMatching(
          /cohort\.csv\.spec\.json describes another table \(its SHA-256 is not this CSV's\): its feature spec features-2020\.01\.1 is not recorded$/,
        ),
      );
    });

    it('refuses a featureSpec hyperparameter the table contradicts, and a document it cannot read', async () => {
      const bytes = await readFile(csvFile());
      await writeFile(`${csvFile()}.spec.json`, JSON.stringify(specFor(featureSpecVersion, bytes)));
      expect((await train({ featureSpec: 'features-2020.01.1' })).code).toBe(1);
      expect(await readFile(join(root, 'output', 'failure'), 'utf8')).toMatch(
        new RegExp(
          `cohort\\.csv: the featureSpec setting says feature spec features-2020\\.01\\.1, .*cohort\\.csv\\.spec\\.json beside the CSV says ${featureSpecVersion.replace(/\./g, '\\.')}`,
        ),
      );
      await writeFile(`${csvFile()}.spec.json`, JSON.stringify({ featureSpec: 'v2' }));
      expect((await train()).code).toBe(1);
      expect(await readFile(join(root, 'output', 'failure'), 'utf8')).toMatch(
        /cohort\.csv\.spec\.json: featureSpec: /,
      );
    });
  });

  it('asks for the csv hyperparameter when the channel holds several CSV files', async () => {
    // Prepare
    await writeFile(join(env.SM_CHANNEL_TRAIN!, 'other.csv'), 'a,b\n1,0\n');
    await hyperparameters({ label: 'outcome', model: 'gnb' });
    // Act
    const code = await runTrainingJob(sageMakerPaths(env), {
      now: () => new Date(),
      log: () => {},
    });
    // Assess
    expect(code).toBe(1);
    expect(await readFile(join(root, 'output', 'failure'), 'utf8')).toContain(
      'expected exactly one .csv file (found 2)',
    );
  });

  it('runs as the container entry point, reading only SM_* variables for its paths', async () => {
    // Prepare
    await hyperparameters({ label: 'outcome', model: 'gnb', exclude: 'id' });
    // Act
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'training/train.ts'],
      {
        env,
      },
    );
    // Assess
    expect(stdout).toMatch(/^auroc=0\.\d+;$/m);
    const models = await loadModelDirectory(env.SM_MODEL_DIR!);
    expect([...models.values()][0]?.kind).toBe('gnb');
  });
});
