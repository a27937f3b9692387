import { describe, expect, it } from 'vitest';
import { mlpKind, type MlpParams } from './mlp-forward';

// Two inputs -> two ReLU units -> one logit.
const model: MlpParams = {
  layers: [
    {
      weights: [
        [1, -1],
        [2, 0.5],
      ],
      bias: [0, 0.5],
      activation: 'relu',
    },
    { weights: [[1.5], [-2]], bias: [0.25], activation: 'sigmoid' },
  ],
};

describe('MLP forward pass (served without tfjs)', () => {
  it('computes the hand-worked log-odds', () => {
    // Prepare
    const scorer = mlpKind.scorer(model);
    // Act: x = (1, 1): hidden z = (1 + 2, -1 + 0.5 + 0.5) = (3, 0) -> relu (3, 0)
    const logOdds = scorer.logit([1, 1]);
    // Assess: 0.25 + 1.5 * 3 - 2 * 0 = 4.75
    expect(logOdds).toBe(4.75);
  });

  it('attributes gradient x input that matches finite differences', () => {
    // Prepare
    const scorer = mlpKind.scorer(model);
    const x = [0.7, -0.2];
    const h = 1e-6;
    // Act
    const attributions = scorer.contributions(x);
    // Assess
    x.forEach((xj, j) => {
      const up = [...x];
      const down = [...x];
      up[j] = xj + h;
      down[j] = xj - h;
      const slope = (scorer.logit(up) - scorer.logit(down)) / (2 * h);
      expect(attributions[j]).toBeCloseTo(slope * xj, 6);
    });
  });

  it('reports a layer whose shape does not chain', () => {
    // Act
    const issues = mlpKind.sizes(model, 3);
    // Assess
    expect(issues[0]).toEqual({
      path: ['layers', 0, 'weights'],
      message: 'expected 3 rows, one per input',
    });
  });
});
