// Unit: describing a served model (model-description.ts) against the Predictor port; the route over
// the embedded stack's real model server is in test/predictions.int.test.ts.
import { describe, expect, it } from 'vitest';
import { DependencyError, NotFoundError, ValidationError } from '../errors';
import type { Predictor } from '../../ports/predictor';
import { describeServedModel, listServedModels } from './model-description';

const models = new Map([
  ['cvd-risk', 'prod-cvd-risk'],
  ['t2d-risk', 'prod-t2d-risk'],
]);
const answering = (answer: unknown | (() => never)): Predictor & { asked: unknown[] } => {
  const asked: unknown[] = [];
  return {
    asked,
    invoke: async <T>(request: unknown) => {
      asked.push(request);
      if (typeof answer === 'function') (answer as () => never)();
      return answer as T;
    },
  };
};
const description = {
  model: {
    name: 'cvd-risk',
    version: '2',
    kind: 'logistic-regression',
    createdAt: '2026-12-05T08:00:00Z',
    features: 3,
  },
  card: { metrics: { auroc: 0.8 } },
};

describe('Function: describeServedModel', () => {
  it('asks the model’s endpoint to describe itself, and names what it asked', async () => {
    const predictor = answering(description);
    const got = await describeServedModel({ predictor, models }, 'cvd-risk');
    expect(predictor.asked).toEqual([{ endpoint: 'prod-cvd-risk', body: { describe: true } }]);
    expect(got).toEqual({ name: 'cvd-risk', endpoint: 'prod-cvd-risk', ...description });
  });

  it('answers 404 for a model the API does not serve, naming those it does', async () => {
    const predictor = answering(description);
    await expect(describeServedModel({ predictor, models }, 'sepsis')).rejects.toThrow(
      new NotFoundError('no model of that name is served by this API (models: cvd-risk, t2d-risk)'),
    );
    await expect(describeServedModel({ predictor, models: new Map() }, 'x')).rejects.toThrow(
      'no prediction model is deployed for this API',
    );
    expect(predictor.asked).toEqual([]);
  });

  it('reports an endpoint that refuses the describe body or answers outside the contract as a dependency problem', async () => {
    const old = answering(() => {
      throw new ValidationError('body: give exactly one of instances or records', 'body');
    });
    await expect(describeServedModel({ predictor: old, models }, 'cvd-risk')).rejects.toThrow(
      new DependencyError(
        'endpoint prod-cvd-risk does not answer describe invocations (its image predates them)',
      ),
    );
    const odd = answering({ model: { name: 'cvd-risk' } });
    await expect(describeServedModel({ predictor: odd, models }, 'cvd-risk')).rejects.toThrow(
      DependencyError,
    );
    const gone = answering(() => {
      throw new NotFoundError('Endpoint prod-cvd-risk of account 1 not found.');
    });
    await expect(describeServedModel({ predictor: gone, models }, 'cvd-risk')).rejects.toThrow(
      'model cvd-risk is not deployed (endpoint prod-cvd-risk not found)',
    );
  });
});

describe('Function: listServedModels', () => {
  it('lists the configured models in order, the first the default', () => {
    expect(listServedModels(models)).toEqual([
      { name: 'cvd-risk', endpoint: 'prod-cvd-risk', default: true },
      { name: 't2d-risk', endpoint: 'prod-t2d-risk', default: false },
    ]);
  });
});
