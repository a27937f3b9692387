import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../shared/domain/errors';
import { loadModelDirectory, parseModel, readInvocation } from './model-format';
import { encodedRiskModel, riskModel } from './fixtures';

describe('Model format: logistic-regression', () => {
  it('returns the hand-computed probability for standardized features', () => {
    // Prepare
    const model = parseModel(riskModel);
    // Act: age 70 y, systolic 140 mmHg
    const [prediction] = model.predict([[70, 140]]);
    // Assess: z = -1 + 0.75 * (70 - 50) / 10 + 0.5 * (140 - 120) / 20
    //           = -1 + 0.75 * 2 + 0.5 * 1 = 1
    //         p = 1 / (1 + e^-1) = 1 / 1.36787944117144 = 0.7310585786300049 -> label 1
    expect(prediction).toEqual({ probability: 0.7310585786300049, label: 1 });
  });

  it('labels 0 below the threshold', () => {
    // Prepare
    const model = parseModel(riskModel);
    // Act: both features at their means, so z = intercept = -1
    const [prediction] = model.predict([[50, 120]]);
    // Assess: p = 1 / (1 + e^1) = 1 / 3.718281828459045 = 0.2689414213699951
    expect(prediction?.label).toBe(0);
    expect(prediction?.probability).toBeCloseTo(0.2689414213699951, 15);
  });

  it('uses raw feature values when the model has no standardization', () => {
    // Prepare
    const { standardization: _unused, ...raw } = riskModel;
    const model = parseModel({ ...raw, coefficients: [0.25, -0.125], intercept: 0 });
    // Act
    const [prediction] = model.predict([[4, 8]]);
    // Assess: z = 0 + 0.25 * 4 - 0.125 * 8 = 0, p = 1 / (1 + e^0) = 0.5, and 0.5 >= threshold
    expect(prediction).toEqual({ probability: 0.5, label: 1 });
  });

  it('reports the model metadata from model.json', () => {
    // Prepare / Act
    const model = parseModel(riskModel);
    // Assess
    expect(model).toMatchObject({
      name: 'cvd-risk',
      version: '1.0.0',
      kind: 'logistic-regression',
      features: ['age', 'sbp'],
    });
  });

  it('reports the outcome the model declares, and none when it declares none', () => {
    const outcome = { definition: 'hard ASCVD event', horizonDays: 3652 };
    expect(parseModel({ ...riskModel, outcome }).outcome).toEqual(outcome);
    expect(parseModel(riskModel)).not.toHaveProperty('outcome');
  });
});

describe('Model format: validation', () => {
  it.each([
    ['a coefficient is missing', { coefficients: [0.75] }, 'coefficients'],
    [
      'a standard deviation is not positive',
      { standardization: { mean: [0, 0], std: [1, 0] } },
      'standardization.std[1]',
    ],
    ['the format is unknown', { format: 'caregraph-model/2' }, 'format'],
    ['the kind is unknown', { kind: 'random-forest' }, 'kind'],
    ['the threshold is outside (0, 1)', { threshold: 1.5 }, 'threshold'],
    ['feature names repeat', { features: ['age', 'age'] }, 'features'],
    ['createdAt is not a timestamp', { createdAt: 'yesterday' }, 'createdAt'],
    [
      'the saved encoding does not give the model features',
      {
        encoding: {
          ...encodedRiskModel.encoding,
          columns: encodedRiskModel.encoding.columns.slice(0, 1),
        },
      },
      'encoding',
    ],
    ['the outcome has no definition', { outcome: { definition: ' ' } }, 'outcome.definition'],
    [
      'the outcome horizon is not a whole number of days',
      { outcome: { definition: 'stroke', horizonDays: 30.5 } },
      'outcome.horizonDays',
    ],
    [
      'the saved encoding is malformed',
      { encoding: { missing: [], columns: [] } },
      'encoding.columns',
    ],
  ])('rejects model.json when %s, naming the field', (_case, change, path) => {
    // Prepare
    const base = 'encoding' in change ? encodedRiskModel : riskModel;
    const document = { ...base, ...change };
    // Act
    const act = () => parseModel(document, 'model.json');
    // Assess
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(expect.objectContaining({ path }));
  });
});

describe('Model format: loadModelDirectory', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keys a SageMaker single-model layout by the model name', async () => {
    // Prepare
    dir = await mkdtemp(join(tmpdir(), 'caregraph-model-'));
    await writeFile(join(dir, 'model.json'), JSON.stringify(riskModel));
    // Act
    const models = await loadModelDirectory(dir);
    // Assess
    expect([...models.keys()]).toEqual(['cvd-risk']);
  });

  it('keys one sub-folder per endpoint by the folder name and skips folders without a model', async () => {
    // Prepare
    dir = await mkdtemp(join(tmpdir(), 'caregraph-model-'));
    for (const endpoint of ['cvd-risk-prod', 'readmission']) {
      await mkdir(join(dir, endpoint));
      await writeFile(join(dir, endpoint, 'model.json'), JSON.stringify(riskModel));
    }
    await mkdir(join(dir, 'scratch'));
    // Act
    const models = await loadModelDirectory(dir);
    // Assess
    expect([...models.keys()]).toEqual(['cvd-risk-prod', 'readmission']);
  });

  it('names the file when model.json is not JSON', async () => {
    // Prepare
    dir = await mkdtemp(join(tmpdir(), 'caregraph-model-'));
    await writeFile(join(dir, 'model.json'), '{ not json');
    // Act
    const loading = loadModelDirectory(dir);
    // Assess
    await expect(loading).rejects.toThrow(/model\.json: not valid JSON/);
  });

  it('rejects a model directory that does not exist', async () => {
    // Prepare / Act
    const loading = loadModelDirectory(join(tmpdir(), 'caregraph-no-such-dir'));
    // Assess
    await expect(loading).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('Model format: records', () => {
  const model = parseModel(encodedRiskModel);

  it('refuses a boolean in a numeric column, naming the column', () => {
    expect(() => readInvocation({ records: [{ age: true, sex: 'male' }] }, model)).toThrow(
      'body: records[0].age: expected a number or null, got a boolean',
    );
  });

  it('lists a missing marker of a categorical column in imputed', () => {
    const read = readInvocation(
      {
        records: [
          { age: 70, sex: 'NA' },
          { age: null, sex: ' ' },
        ],
      },
      model,
    );
    expect(read.imputed).toEqual([['sex'], ['age', 'sex']]);
  });

  it('reads the feature spec and input a model records', () => {
    const recorded = parseModel({
      ...encodedRiskModel,
      featureSpec: 'features-2026.12.2',
      featureInput: 'raw',
    });
    expect(recorded).toMatchObject({ featureSpec: 'features-2026.12.2', featureInput: 'raw' });
    expect(model.featureSpec).toBeUndefined();
  });
});
