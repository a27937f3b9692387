import { describe, expect, it } from 'vitest';
import { auroc, filteredRank, rankingScores, spanScores } from './metrics';

describe('Function: auroc', () => {
  it('is the share of positive-negative pairs ranked correctly, ties counting one half', () => {
    // Pairs (positive, negative): (0.9, 0.4) = 1, (0.9, 0.6) = 1, (0.4, 0.4) = 1/2,
    // (0.4, 0.6) = 0, so 2.5 of 4 pairs.
    expect(auroc([0.9, 0.4, 0.4, 0.6], [1, 1, 0, 0])).toBeCloseTo(0.625, 12);
  });

  it('is 1 for perfect separation, 0 for inverted and NaN with one class', () => {
    expect(auroc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auroc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auroc([0.3, 0.4], [1, 1])).toBeNaN();
  });
});

describe('Function: spanScores', () => {
  it('counts only exact start, end and type matches, per type', () => {
    const scores = spanScores(
      [
        {
          gold: [
            { start: 0, end: 8, type: 'Chemical' },
            { start: 20, end: 32, type: 'Disease' },
          ],
          predicted: [
            { start: 0, end: 8, type: 'Chemical' },
            { start: 20, end: 31, type: 'Disease' }, // boundary off by one: a miss and a false alarm
            { start: 40, end: 45, type: 'Chemical' },
          ],
        },
      ],
      ['Chemical', 'Disease'],
    );
    expect(scores.Chemical).toMatchObject({ truePositives: 1, precision: 0.5, recall: 1 });
    expect(scores.Chemical!.f1).toBeCloseTo(2 / 3, 12);
    expect(scores.Disease).toMatchObject({ truePositives: 0, precision: 0, recall: 0, f1: 0 });
  });
});

describe('Function: filteredRank and rankingScores', () => {
  it('ranks the true tail among candidates, skipping other known answers', () => {
    const scores = [0.9, 0.8, 0.7, 0.95];
    expect(filteredRank(scores, 2, new Set())).toBe(4);
    expect(filteredRank(scores, 2, new Set([0, 3]))).toBe(2);
    expect(filteredRank([1, 1, 1], 0, new Set())).toBe(2);
  });

  it('gives MRR and Hits@k of ranks', () => {
    const s = rankingScores([1, 2, 20, 4], [1, 10]);
    expect(s.mrr).toBeCloseTo((1 + 0.5 + 0.05 + 0.25) / 4, 12);
    expect(s['hits@1']).toBe(0.25);
    expect(s['hits@10']).toBe(0.75);
  });
});
