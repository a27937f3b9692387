import { beforeAll, describe, expect, it } from 'vitest';
import { auroc } from '../evaluation/metrics';
import { selectBackend } from '../deep/backend';
import { fromRows, matrix, seededRng } from './matrix';
import { fitMlp, minValidationRows, splitForValidation } from './mlp';
import { mlpKind } from './mlp-forward';

function ring(n: number, seed: number) {
  const rng = seededRng(seed, 'ring');
  const rows: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const [a, b] = [rng.normal(), rng.normal()];
    rows.push([a, b]);
    y.push(a * a + b * b < 1.4 ? 1 : 0);
  }
  return { x: fromRows(rows), y: Uint8Array.from(y), rows };
}

describe('Function: fitMlp', () => {
  beforeAll(async () => {
    await selectBackend();
  });

  it('learns a non-linear boundary and serves it through the plain forward pass', async () => {
    // Prepare
    const data = ring(400, 1);
    // Act
    const model = await fitMlp(data, seededRng(2), {
      hidden: [16],
      learningRate: 0.01,
      maxEpochs: 60,
    });
    const scorer = mlpKind.scorer(model);
    // Assess
    const p = data.rows.map((r) => scorer.logit(r));
    expect(auroc(data.y, p)).toBeGreaterThan(0.95);
    expect(model.layers.map((l) => l.bias.length)).toEqual([16, 1]);
  });

  it('gives the same weights for the same seed', async () => {
    // Prepare
    const data = ring(150, 3);
    const options = { hidden: [4, 3], maxEpochs: 3 };
    // Act
    const first = await fitMlp(data, seededRng(9), options);
    const second = await fitMlp(data, seededRng(9), options);
    // Assess
    expect(second.layers).toEqual(first.layers);
  });

  it('trains small data on every row to a plateau, and larger data with a validation split', async () => {
    // Prepare: validation would get 40 rows for the small set, minValidationRows for the large
    const small = ring(400, 4);
    const large = ring(10 * minValidationRows, 5);
    const options = { hidden: [4], maxEpochs: 2 };
    // Act
    const smallFit = await fitMlp(small, seededRng(1), options);
    const largeFit = await fitMlp(large, seededRng(1), options);
    // Assess
    expect(smallFit.stopping).toBe('plateau');
    expect(largeFit.stopping).toBe('validation');
    expect([smallFit.epochs, largeFit.epochs]).toEqual([2, 2]);
  });

  it('stops at the plateau of the training loss before the epoch cap', async () => {
    // Prepare: a separable problem whose loss flattens quickly at a high learning rate
    const data = ring(200, 6);
    // Act
    const model = await fitMlp(data, seededRng(3), {
      hidden: [16],
      learningRate: 0.05,
      maxEpochs: 2000,
      patience: 3,
    });
    // Assess
    expect(model.stopping).toBe('plateau');
    expect(model.epochs).toBeLessThan(2000);
  });

  it('trains to a plateau, never validating on its training rows, when a class is in one patient', async () => {
    // Prepare: enough rows for a validation split, but every positive row is one patient's
    const data = ring(10 * minValidationRows, 7);
    const groups = Int32Array.from(data.y, (v, i) => (v === 1 ? -1 : i));
    // Act
    const fit = await fitMlp({ ...data, groups }, seededRng(1), { hidden: [4], maxEpochs: 2 });
    // Assess
    expect(fit.stopping).toBe('plateau');
  });
});

describe('Function: splitForValidation', () => {
  it('gives no split (plateau training) when the grouped split would leave a side without a class', () => {
    // Prepare: the reviewer's seed repro: each class in 3 patients, and seed 0's grouped 3-fold
    // greedy leaves a fold without one class (it threw and aborted the training)
    const y = Uint8Array.from([0, 1, 0, 0, 0, 1, 1, 0, 1, 0]);
    const groups = Int32Array.from([0, 1, 1, 1, 1, 1, 2, 3, 3, 3]);
    const x = matrix(
      10,
      1,
      Float64Array.from({ length: 10 }, (_v, i) => i / 10),
    );
    // Act / Assess
    expect(splitForValidation({ x, y, groups }, seededRng(0, 'x'))).toBeUndefined();
  });

  it('keeps each patient on one side of a grouped split', () => {
    // Prepare: 60 patients of 2 rows each
    const data = ring(120, 8);
    const groups = Int32Array.from({ length: 120 }, (_v, i) => Math.floor(i / 2));
    data.y.forEach((_v, i) => (data.y[i] = data.y[i - (i % 2)]!));
    // Act
    const split = splitForValidation({ ...data, groups }, seededRng(2));
    // Assess
    const [train, held] = split!;
    const trained = new Set(train.groups);
    expect(Array.from(held.groups!).filter((g) => trained.has(g))).toEqual([]);
    expect(new Set(held.y)).toEqual(new Set([0, 1]));
    expect(train.y.length + held.y.length).toBe(120);
  });
});
