import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/domain/errors';
import { loadModelDirectory, parseModel } from '../model-format';
import { startModelServer } from '../serve';
import { selectBackend } from '../deep/backend';
import { parseCsv } from './csv';
import { encodeRows } from './encoding';
import { row } from './matrix';
import { writeModelDirectory } from './model-files';
import { tabularModelNames } from './models';
import { scoreMatrix } from './pipeline';
import { syntheticTable } from './synthetic-table';
import { trainTabular } from './train-tabular';

const table = parseCsv(syntheticTable({ rows: 240, seed: 21 }).csv, 'cohort.csv');
const trainedAt = new Date('2026-01-15T10:00:00Z');

describe('Model round trip: train -> save -> serve.ts -> same probabilities', () => {
  let dir: string;
  beforeAll(async () => {
    await selectBackend();
    dir = await mkdtemp(join(tmpdir(), 'caregraph-roundtrip-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(tabularModelNames)(
    'serves %s with the probabilities training computed',
    async (model) => {
      // Prepare
      const result = await trainTabular({
        table,
        label: 'outcome',
        model,
        cv: 2,
        exclude: ['id'],
        hyper: { epochs: 5 },
        name: `risk-${model}`,
        trainedAt,
      });
      const modelDir = join(dir, `risk-${model}`);
      await writeModelDirectory(modelDir, result.document, result.card);
      const x = encodeRows(table, result.pipeline.encoding, [0, 1, 2, 3, 4]);
      const expected = scoreMatrix(result.pipeline, x);
      const instances = Array.from({ length: x.rows }, (_v, i) => Array.from(row(x, i)));
      const server = await startModelServer({ modelDir, log: () => {} });
      try {
        // Act
        const response = await fetch(`${server.url}/invocations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ instances }),
        });
        const body = (await response.json()) as {
          predictions: { probability: number }[];
          model: { kind: string };
        };
        // Assess
        expect(response.status).toBe(200);
        expect(body.model.kind).toBe(result.document.kind);
        body.predictions.forEach((p, i) => expect(p.probability).toBeCloseTo(expected[i]!, 12));
      } finally {
        await server.close();
      }
    },
  );

  it('loads every trained kind from one models folder, as the embedded stack does', async () => {
    // Act
    const models = await loadModelDirectory(dir);
    // Assess
    expect([...models.values()].map((m) => m.kind).sort()).toEqual([
      'gnb',
      'linear-svm',
      'logistic-regression',
      'mlp',
      'rbf-svm',
    ]);
  });
});

describe('Model format: tabular kinds validation', () => {
  const header = {
    format: 'caregraph-model/1',
    name: 'm',
    version: '1',
    features: ['age', 'sbp'],
    createdAt: '2026-01-15T10:00:00Z',
  };
  it.each([
    [
      'gnb theta of the wrong width',
      {
        kind: 'gnb',
        classPrior: [0.5, 0.5],
        theta: [[1], [2, 3]],
        variance: [
          [1, 1],
          [1, 1],
        ],
      },
      'theta[0]',
    ],
    [
      'a zero gnb variance',
      {
        kind: 'gnb',
        classPrior: [0.5, 0.5],
        theta: [
          [1, 1],
          [2, 3],
        ],
        variance: [
          [1, 0],
          [1, 1],
        ],
      },
      'variance[0][1]',
    ],
    [
      'linear-svm without Platt parameters',
      { kind: 'linear-svm', coefficients: [1, 2], intercept: 0 },
      'platt',
    ],
    [
      'rbf-svm with a dual coefficient missing',
      {
        kind: 'rbf-svm',
        gamma: 0.5,
        supportVectors: [
          [0, 0],
          [1, 1],
        ],
        dualCoef: [1],
        intercept: 0,
        platt: { a: -1, b: 0 },
      },
      'dualCoef',
    ],
    [
      'mlp whose first layer does not take 2 inputs',
      { kind: 'mlp', layers: [{ weights: [[1]], bias: [0], activation: 'relu' }] },
      'layers[0].weights',
    ],
    [
      'standardization of the wrong width',
      {
        kind: 'linear-svm',
        coefficients: [1, 2],
        intercept: 0,
        platt: { a: -1, b: 0 },
        standardization: { mean: [0], std: [1] },
      },
      'standardization.mean',
    ],
  ])('rejects %s, naming the field', (_case, fields, path) => {
    // Act
    const act = () => parseModel({ ...header, ...fields }, 'model.json');
    // Assess
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(expect.objectContaining({ path }));
  });
});
