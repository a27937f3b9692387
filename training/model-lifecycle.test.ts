// Unit: what `caregraph models promote` refuses as unservable (servingProblems) or as probabilities
// far from the observed rates (calibrationProblem); the lifecycle on the embedded stack is
// test/model-lifecycle.int.test.ts.
import { describe, expect, it } from 'vitest';
import { InMemoryObjects } from '../shared/domain/ingest/ingest-file.fixture';
import { InMemoryTable } from '../shared/domain/monitoring/in-memory-table.fixture';
import { featureSpecVersion } from '../shared/domain/features/spec';
import { encodedRiskModel } from './fixtures';
import { parseModel } from './model-format';
import {
  approveVersion,
  calibrationLimits,
  calibrationProblem,
  promoteVersion,
  registerModelFiles,
  servingProblems,
  servingWarnings,
  type LifecycleDeps,
  type ModelFiles,
} from './model-lifecycle';
import { parseCsv } from './tabular/csv';
import { declareOutcome } from './tabular/job';
import { trainTabular } from './tabular/train-tabular';

type Column = (typeof encodedRiskModel.encoding.columns)[number] | Record<string, unknown>;

/** A logistic regression over these encoded columns (weights of no interest here). */
function modelOver(columns: readonly Record<string, unknown>[]) {
  const features = columns.flatMap((c) =>
    c.type === 'numeric'
      ? [c.name as string, ...(c.indicator ? [`${c.name as string}:missing`] : [])]
      : [...(c.levels as string[]), '(unknown)'].map((l) => `${c.name as string}=${l}`),
  );
  return parseModel({
    ...encodedRiskModel,
    features,
    encoding: { missing: [''], columns },
    standardization: { mean: features.map(() => 0), std: features.map(() => 1) },
    coefficients: features.map(() => 0.1),
  });
}
const age: Column = { name: 'age_years', type: 'numeric', median: 60, indicator: false };
const sex = (levels: string[]): Column => ({
  name: 'sex',
  type: 'categorical',
  levels,
  mode: levels[0],
  indicator: false,
});

describe('Function: servingProblems', () => {
  it('accepts raw features of the spec read as the spec gives them, flags as numbers or 0/1 levels', () => {
    const flag = {
      name: 'condition_hypertension',
      type: 'categorical',
      levels: ['0', '1'],
      mode: '0',
      indicator: false,
    };
    expect(servingProblems(modelOver([age, sex(['female', 'male']), flag]))).toEqual([]);
  });

  it('refuses sex levels the spec never sends: every patient would be "unknown"', () => {
    expect(servingProblems(modelOver([age, sex(['F', 'M'])]))).toEqual([
      'its column sex has levels F, M that the spec never gives (it gives female, male, other, unknown)',
    ]);
  });

  it('refuses a categorical feature trained as a number, and a number trained as categories', () => {
    const numericSex = { name: 'sex', type: 'numeric', median: 0, indicator: false };
    const ageBands = {
      name: 'age_years',
      type: 'categorical',
      levels: ['40-49', '50-59'],
      mode: '40-49',
      indicator: false,
    };
    expect(servingProblems(modelOver([numericSex]))).toEqual([
      'its column sex is numeric, and the spec gives it as one of female, male, other, unknown',
    ]);
    expect(servingProblems(modelOver([ageBands]))).toEqual([
      'its column age_years is categorical, and the spec gives it as a number',
    ]);
  });

  it('accepts every level the feature extraction gives: unknown sex and smoking, the OMB null flavours', () => {
    const categorical = (name: string, levels: string[]): Column => ({
      name,
      type: 'categorical',
      levels,
      mode: levels[0],
      indicator: false,
    });
    const model = modelOver([
      sex(['female', 'male', 'other', 'unknown']),
      categorical('smoking', ['current', 'former', 'never', 'unknown']),
      categorical('race', ['2106-3', 'UNK', 'ASKU']),
      categorical('ethnicity', ['2186-5', 'UNK', 'ASKU']),
    ]);
    expect(servingProblems(model)).toEqual([]);
    expect(servingProblems(modelOver([categorical('race', ['2106-3', 'White'])]))).toEqual([
      'its column race has levels White that the spec never gives (it gives 2106-3, 2054-5, 2028-9, 1002-5, 2076-8, 2131-1, UNK, ASKU)',
    ]);
  });

  it('refuses a model trained under another feature spec, naming both; warns of one that records none', () => {
    const trained = (featureSpec?: string) =>
      parseModel({
        ...encodedRiskModel,
        encoding: { missing: [''], columns: [age] },
        features: ['age_years'],
        standardization: { mean: [0], std: [1] },
        coefficients: [0.1],
        ...(featureSpec ? { featureSpec } : {}),
      });
    expect(servingProblems(trained('features-1999.01.1'))).toEqual([
      `it was trained on features of spec features-1999.01.1, and the API sends features of spec ${featureSpecVersion} (every prediction would be refused); retrain it on features of spec ${featureSpecVersion}`,
    ]);
    expect(servingProblems(trained(featureSpecVersion))).toEqual([]);
    expect(servingWarnings(trained(featureSpecVersion))).toEqual([]);
    expect(servingProblems(trained())).toEqual([]);
    expect(servingWarnings(trained())).toEqual([
      `model ${encodedRiskModel.name} version ${encodedRiskModel.version} records no feature spec: nothing confirms it was trained on features of spec ${featureSpecVersion} (its predictions carry the same warning)`,
    ]);
  });

  it('refuses columns the spec does not have, and a model with no encoding of raw columns', () => {
    expect(servingProblems(modelOver([{ ...age, name: 'pack_years' }]))[0]).toMatch(
      /^its columns pack_years are not raw features of spec features-/,
    );
    const { encoding: _e, ...bare } = encodedRiskModel;
    expect(servingProblems(parseModel(bare))[0]).toMatch(/no saved encoding of raw columns/);
  });
});

/** A model's files with a declared outcome and a card holding these calibration bins. */
function filesWith(
  bins: { count: number; meanPredicted: number; observed: number }[] | undefined,
  outcome: object | null = { definition: 'hard ASCVD event', horizonDays: 730 },
): { model: ReturnType<typeof parseModel>; files: ModelFiles } {
  const document = { ...encodedRiskModel, ...(outcome ? { outcome } : {}) };
  const card = { metrics: { auroc: 0.8, ...(bins ? { calibration: bins } : {}) } };
  return {
    model: parseModel(document),
    files: { 'model.json': JSON.stringify(document), 'model-card.json': JSON.stringify(card) },
  };
}
const check = ({ model, files }: ReturnType<typeof filesWith>) => calibrationProblem(model, files);

describe('Function: calibrationProblem', () => {
  it('refuses probabilities shifted toward 0.5 by balanced class weights, saying by how much', () => {
    // 1,000 rows: 900 at 0.4 with 2% events, 100 at 0.8 with 20%: mean 0.44, observed 0.038
    const balanced = filesWith([
      { count: 900, meanPredicted: 0.4, observed: 0.02 },
      { count: 100, meanPredicted: 0.8, observed: 0.2 },
    ]);
    expect(check(balanced)).toBe(
      'its mean out-of-fold probability 0.440 is 11.579 times the observed rate 0.038 (allowed 0.8-1.25), ' +
        'and its expected calibration error is 0.402 (at most 0.1): its probabilities are not those of ' +
        '"hard ASCVD event" over 730 days; retrain with class weights "none" (the default) or recalibrate',
    );
  });

  it('allows calibration-in-the-large within a factor of 1.25 either way, and an ECE up to 0.1', () => {
    expect(calibrationLimits).toEqual({ expectedOverObserved: [0.8, 1.25], ece: 0.1 });
    const mean = (p: number, observed = 0.04) =>
      check(filesWith([{ count: 1000, meanPredicted: p, observed }]));
    expect(mean(0.05)).toBeUndefined(); // 1.25 times
    expect(mean(0.032)).toBeUndefined(); // 0.8 times
    expect(mean(0.0504)).toMatch(/^its mean out-of-fold probability 0\.050 is 1\.260 times/);
    expect(mean(0.0316)).toMatch(
      /is 0\.790 times the observed rate 0\.040 \(allowed 0\.8-1\.25\):/,
    );
    // Right on average, wrong where it matters: half at 0.05 with 25% events, half at 0.45 with 25%.
    const spread = filesWith([
      { count: 500, meanPredicted: 0.05, observed: 0.25 },
      { count: 500, meanPredicted: 0.45, observed: 0.25 },
    ]);
    expect(check(spread)).toMatch(/^its expected calibration error is 0\.200 \(at most 0\.1\):/);
  });

  it('does not check a model without a declared outcome or without calibration in its card', () => {
    const off = [{ count: 100, meanPredicted: 0.5, observed: 0.05 }];
    expect(check(filesWith(off, null))).toBeUndefined();
    expect(check(filesWith(undefined))).toBeUndefined();
    const { model, files } = filesWith(off);
    expect(calibrationProblem(model, { 'model.json': files['model.json'] })).toBeUndefined();
    expect(check(filesWith([{ count: 100, meanPredicted: 5, observed: 0 }] as never))).toBe(
      "its card's metrics.calibration cannot be read as out-of-fold calibration bins",
    );
  });
});

describe('Use case: promoteVersion, the out-of-fold calibration of a declared outcome', () => {
  // A 2.7%-prevalence outcome of age_years and sbp_latest (raw features of the spec), as the
  // review's scheduled retraining saw it.
  function rareOutcomeCsv(): string {
    const rows = ['patient,age_years,sbp_latest,outcome'];
    let s = 12345;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 1500; i++) {
      const age = 40 + Math.floor(rnd() * 40);
      const sbp = 110 + Math.floor(rnd() * 60);
      const z = -5.5 + 0.05 * (age - 40) + 0.02 * (sbp - 110);
      rows.push(`p${i},${age},${sbp},${rnd() < 1 / (1 + Math.exp(-z)) ? 1 : 0}`);
    }
    return rows.join('\n') + '\n';
  }

  async function trained(version: string, classWeight: 'balanced' | 'none'): Promise<ModelFiles> {
    const result = await trainTabular({
      table: parseCsv(rareOutcomeCsv(), 'rare.csv'),
      label: 'outcome',
      model: 'logreg',
      exclude: ['patient'],
      hyper: { classWeight },
      name: 'cvd-risk',
      version,
      trainedAt: new Date('2026-12-01T00:00:00Z'),
    });
    const { document, card } = declareOutcome(result, {
      definition: 'hard ASCVD event',
      horizonDays: 730,
    });
    return { 'model.json': JSON.stringify(document), 'model-card.json': JSON.stringify(card) };
  }

  it('refuses a model fitted with balanced class weights and promotes the unweighted one', async () => {
    // Arrange: the registry, the bucket and an endpoint folder in memory
    const installed = new Map<string, ModelFiles>();
    let tick = 0;
    const deps: LifecycleDeps = {
      table: new InMemoryTable(),
      now: () => new Date(Date.UTC(2026, 11, 1, 0, 0, tick++)),
      objects: new InMemoryObjects(),
      served: {
        install: async (name, files) => void installed.set(name, files),
        servedModelJson: async (name) => installed.get(name)?.['model.json'],
      },
    };
    for (const [version, weights] of [
      ['1.0.0', 'balanced'],
      ['1.1.0', 'none'],
    ] as const) {
      await registerModelFiles(deps, await trained(version, weights), `runs/${version}`);
      await approveVersion(deps, 'cvd-risk', version, { by: 'Dr A. Reviewer' });
    }
    // Act, Assess
    await expect(promoteVersion(deps, 'cvd-risk', '1.0.0', { by: 'Ops B' })).rejects.toThrow(
      /^model cvd-risk version 1\.0\.0 cannot be promoted: its mean out-of-fold probability 0\.\d+ is \d+\.\d+ times the observed rate 0\.0\d+ \(allowed 0\.8-1\.25\)/,
    );
    expect(installed.size).toBe(0);
    const promoted = await promoteVersion(deps, 'cvd-risk', '1.1.0', { by: 'Ops B' });
    expect(promoted.version).toMatchObject({ version: '1.1.0', status: 'deployed' });
    expect(JSON.parse(installed.get('cvd-risk')!['model.json']!)).toMatchObject({
      version: '1.1.0',
    });
  });
});
