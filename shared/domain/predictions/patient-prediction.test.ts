import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  DependencyError,
  ModelAwaitingRetrainingError,
  NotFoundError,
  ValidationError,
} from '../errors';
import { toProblem } from '../problem';
import type { PredictionRequest, Predictor } from '../../ports/predictor';
import { chooseModel, predictFromFeatures, rawColumnOf } from './patient-prediction';

const features = {
  patient: 'p-1',
  specVersion: 'features-test',
  features: {
    age_years: { value: 62, unit: 'a', provenance: { sources: ['Patient/p-1'], count: 1 } },
    sex: { value: 'male', provenance: { sources: ['Patient/p-1'], count: 1 } },
    hba1c_latest: { value: null, provenance: { sources: [], count: 0, note: 'no reading' } },
  },
};
const model = { name: 'cvd-risk', endpoint: 'prod-cvd-risk' };
const at = new Date('2026-06-01T00:00:00Z');

/** The Predictor port answering as a model endpoint would, recording what it was sent. */
function answering(answer: unknown | (() => never)): Predictor & { sent: PredictionRequest[] } {
  const sent: PredictionRequest[] = [];
  return {
    sent,
    invoke: <T>(request: PredictionRequest) => {
      sent.push(request);
      return typeof answer === 'function'
        ? Promise.reject((answer as () => never)())
        : Promise.resolve(answer as T);
    },
  };
}

const answer = {
  predictions: [
    {
      probability: 0.25,
      label: 0,
      imputed: ['hba1c_latest'],
      explanation: [
        { feature: 'sex=male', value: 1, contribution: -0.5 },
        { feature: 'age_years', value: 62, contribution: 0.4 },
        { feature: 'hba1c_latest:missing', value: 1, contribution: 0.1 },
        { feature: 'intercept-like', value: 0, contribution: 0 },
      ],
    },
  ],
  model: { name: 'cvd-risk', version: '3', kind: 'logistic-regression' },
};

describe('Use case: predictFromFeatures checks the feature spec the model was trained under', () => {
  it('refuses a model trained under another spec with a retryable 503 naming the model and both specs', async () => {
    // Prepare
    const predictor = answering({
      ...answer,
      model: { ...answer.model, featureSpec: 'features-1999.01.1' },
    });
    // Act
    const refused = predictFromFeatures(predictor, model, features, { at });
    const error = await refused.catch((e: unknown) => e);
    // Assess: the detail callers see (problem.ts passes it through), free of the endpoint and PHI
    expect(error).toBeInstanceOf(ModelAwaitingRetrainingError);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(toProblem(error)).toEqual({
      type: 'https://caregraph.dev/problems/model-awaiting-retraining',
      title: 'Service Unavailable',
      status: 503,
      detail:
        "prediction model cvd-risk is awaiting retraining for the current feature spec: it was trained on features of spec features-1999.01.1, and the patient's features are built under spec features-test; retry once a model of spec features-test is promoted",
    });
  });

  it('serves a model of the same spec without a warning', async () => {
    const predictor = answering({
      ...answer,
      model: { ...answer.model, featureSpec: 'features-test' },
    });
    const result = await predictFromFeatures(predictor, model, features, { at });
    expect(result.model.featureSpec).toBe('features-test');
    expect(result.warning).toBeUndefined();
  });

  it('serves a model that records no spec (older models), with a warning free of patient data', async () => {
    const result = await predictFromFeatures(answering(answer), model, features, { at });
    expect(result.prediction.probability).toBe(0.25);
    expect(result.warning).toBe(
      'model cvd-risk records no feature spec: nothing confirms it was trained on features of spec features-test',
    );
  });
});

describe('Use case: predictFromFeatures', () => {
  it('sends the raw features as one record with explain, and maps each listed feature to its input', async () => {
    // Prepare
    const predictor = answering(answer);
    // Act
    const result = await predictFromFeatures(predictor, model, features, { at, top: 3 });
    // Assess
    expect(predictor.sent).toEqual([
      {
        endpoint: 'prod-cvd-risk',
        body: {
          records: [{ age_years: 62, sex: 'male', hba1c_latest: null }],
          explain: true,
        },
      },
    ]);
    expect(result.prediction).toEqual({ probability: 0.25, label: 0 });
    expect(result.model).toEqual({ ...answer.model, endpoint: 'prod-cvd-risk' });
    expect(result.imputed).toEqual(['hba1c_latest']);
    expect(result.explanation.map((e) => [e.feature, e.input?.column])).toEqual([
      ['sex=male', 'sex'],
      ['age_years', 'age_years'],
      ['hba1c_latest:missing', 'hba1c_latest'],
    ]);
    expect(result.explanation[1]!.input).toEqual({
      column: 'age_years',
      value: 62,
      unit: 'a',
      provenance: { sources: ['Patient/p-1'], count: 1 },
    });
    expect(result.at).toBe('2026-06-01T00:00:00.000Z');
    expect(result.caution).toMatch(/not a diagnosis/);
  });

  it('passes on what the probability is of, when the model declares its outcome', async () => {
    // Prepare
    const outcome = { definition: 'hard ASCVD event', horizonDays: 3652 };
    const predictor = answering({ ...answer, model: { ...answer.model, outcome } });
    // Act
    const result = await predictFromFeatures(predictor, model, features, { at, top: 3 });
    // Assess
    expect(result.model).toEqual({ ...answer.model, outcome, endpoint: 'prod-cvd-risk' });
  });

  it('lists five features unless told otherwise', async () => {
    // Prepare
    const many = structuredClone(answer);
    many.predictions[0]!.explanation = Array.from({ length: 8 }, (_v, i) => ({
      feature: `f${i}`,
      value: i,
      contribution: 1 / (i + 1),
    }));
    // Act
    const result = await predictFromFeatures(answering(many), model, features, { at });
    // Assess
    expect(result.explanation.map((e) => e.feature)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
    expect(result.explanation[0]).not.toHaveProperty('input');
  });

  it('reports a model that needs inputs the feature spec lacks as a configuration error', async () => {
    // Prepare
    const predictor = answering(() => {
      throw new ValidationError('endpoint prod-cvd-risk: body: records[0].pack_years: missing');
    });
    // Act
    const act = predictFromFeatures(predictor, model, features, { at });
    // Assess
    await expect(act).rejects.toThrow(ConfigurationError);
    await expect(act).rejects.toThrow(
      /model cvd-risk \(endpoint prod-cvd-risk\) rejected feature spec features-test: .*pack_years/,
    );
  });

  it('says the model is not deployed when its endpoint does not exist', async () => {
    // Prepare
    const predictor = answering(() => {
      throw new NotFoundError('endpoint prod-cvd-risk not found');
    });
    // Act
    const act = predictFromFeatures(predictor, model, features, { at });
    // Assess
    await expect(act).rejects.toThrow(
      'model cvd-risk is not deployed (endpoint prod-cvd-risk not found)',
    );
  });

  it.each([
    ['a probability above 1', { ...answer.predictions[0], probability: 1.5 }],
    ['no label', { probability: 0.5 }],
  ])('refuses an answer with %s as outside the contract', async (_case, prediction) => {
    // Prepare
    const predictor = answering({ ...answer, predictions: [prediction] });
    // Act
    const act = predictFromFeatures(predictor, model, features, { at });
    // Assess
    await expect(act).rejects.toThrow(DependencyError);
    await expect(act).rejects.toThrow(/answered outside the inference contract \(predictions\.0\./);
  });
});

describe('Use case: predictFromFeatures, the model population', () => {
  it('says the estimate does not apply to a patient outside the population, naming the value', async () => {
    // Prepare
    const outside = structuredClone(answer) as typeof answer & {
      predictions: { outsidePopulation: object[] }[];
    };
    outside.predictions[0]!.outsidePopulation = [
      { column: 'age_years', value: 12, min: 40, max: 79 },
    ];
    // Act
    const result = await predictFromFeatures(answering(outside), model, features, { at });
    // Assess
    expect(result.applicable).toBe(false);
    expect(result.outsidePopulation).toEqual([
      { column: 'age_years', value: 12, min: 40, max: 79 },
    ]);
    expect(result.caution).toBe(
      'Outside the population the model was trained on: age_years 12 (trained on 40-79). The estimate does not apply to this patient.',
    );
  });

  it('is applicable inside the population, and silent about it when the model declares none', async () => {
    // Prepare
    const inside = structuredClone(answer) as typeof answer & {
      predictions: { outsidePopulation: object[] }[];
    };
    inside.predictions[0]!.outsidePopulation = [];
    // Act
    const declared = await predictFromFeatures(answering(inside), model, features, { at });
    const undeclared = await predictFromFeatures(answering(answer), model, features, { at });
    // Assess
    expect(declared.applicable).toBe(true);
    expect(declared.caution).toMatch(/not a diagnosis/);
    expect(undeclared).not.toHaveProperty('applicable');
  });
});

describe('Function: chooseModel', () => {
  const models = new Map([
    ['cvd-risk', 'prod-cvd-risk'],
    ['readmission', 'prod-readmission'],
  ]);

  it('takes the first model by default and a named one when asked', () => {
    expect(chooseModel(models, undefined)).toEqual({ name: 'cvd-risk', endpoint: 'prod-cvd-risk' });
    expect(chooseModel(models, 'readmission').endpoint).toBe('prod-readmission');
  });

  it('refuses an unknown model naming the known ones, and says when none is deployed', () => {
    expect(() => chooseModel(models, 'sepsis')).toThrow(
      expect.objectContaining({
        path: 'model',
        message: 'model must be one of cvd-risk, readmission',
      }),
    );
    expect(() => chooseModel(new Map(), undefined)).toThrow(NotFoundError);
  });
});

describe('Function: rawColumnOf', () => {
  const columns = new Set(['sex', 'hba1c_latest', 'age_years', 'race']);

  it.each([
    ['age_years', 'age_years'],
    ['sex=female', 'sex'],
    ['race=(unknown)', 'race'],
    ['hba1c_latest:missing', 'hba1c_latest'],
    ['smoking=never', undefined],
  ])('maps the encoded feature %s to the raw column %s', (feature, column) => {
    expect(rawColumnOf(feature, columns)).toBe(column);
  });
});
