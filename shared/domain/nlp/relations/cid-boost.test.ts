import { describe, expect, it } from 'vitest';
import { boostProbability, trainBooster, trainBoosterBag } from './cid-boost';
import { logistic, trainLogistic } from './cid-model';

// Exclusive or of two binary features, with a bias column: the interaction no linear model fits.
// Cells of unequal size, so a single feature already splits the labels (a greedy tree's first cut).
const cells: [number, number, 0 | 1, number][] = [
  [0, 0, 0, 100],
  [1, 1, 0, 20],
  [1, 0, 1, 50],
  [0, 1, 1, 50],
];
const xorRows = cells.flatMap(([a, b, y, n]) =>
  Array.from({ length: n }, () => ({ x: [1, a, b], y })),
);

describe('Function: trainBooster', () => {
  it('fits an interaction (exclusive or) that logistic regression cannot', () => {
    const trees = trainBooster(xorRows, { rounds: 60, depth: 2, subsample: 1 });
    const weights = trainLogistic(xorRows);
    const right = (p: (x: number[]) => number) =>
      cells.filter(([a, b, y]) => Math.round(p([1, a, b])) === y).length;
    expect(right((x) => boostProbability(trees, x))).toBe(4);
    expect(right((x) => logistic(weights, x))).toBeLessThan(4);
  });

  it('starts from the base rate: with no trees the probability is the share of positives', () => {
    const rows = [0, 0, 0, 1].map((y) => ({ x: [1], y: y as 0 | 1 }));
    expect(boostProbability(trainBooster(rows, { rounds: 0 }), [1])).toBeCloseTo(0.25, 10);
  });

  it('is deterministic for a seed, and row subsampling makes seeds differ', () => {
    const noisy = xorRows.map((r, i) => ({ ...r, y: (i % 7 === 0 ? 1 - r.y : r.y) as 0 | 1 }));
    const p = (seed: number) =>
      boostProbability(trainBooster(noisy, { rounds: 20, seed, subsample: 0.5 }), [1, 1, 0]);
    expect(p(3)).toBe(p(3));
    expect(p(3)).not.toBe(p(4));
  });
});

describe('Function: trainBoosterBag', () => {
  it('averages the log-odds of boosters fitted with consecutive seeds', () => {
    const options = { rounds: 10, subsample: 0.5, seed: 5 };
    const logit = (p: number) => Math.log(p / (1 - p));
    const [a, b] = [5, 6].map((seed) => trainBooster(xorRows, { ...options, seed }));
    const bag = trainBoosterBag(xorRows, options, 2);
    const x = [1, 0, 1];
    const mean = (logit(boostProbability(a!, x)) + logit(boostProbability(b!, x))) / 2;
    expect(logit(boostProbability(bag, x))).toBeCloseTo(mean, 10);
  });
});
