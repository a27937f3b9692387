import { describe, expect, it } from 'vitest';
import { seededRng } from '../tabular/matrix';
import { stratifiedKFold } from './folds';

describe('Function: stratifiedKFold', () => {
  // 30 negatives and 12 positives
  const y = Uint8Array.from({ length: 42 }, (_v, i) => (i % 7 < 2 ? 1 : 0));

  it('holds every row out exactly once and keeps the class ratio in each fold', () => {
    // Act
    const folds = stratifiedKFold(y, 4, seededRng(1));
    // Assess
    const held = folds.flatMap((f) => Array.from(f.test)).sort((a, b) => a - b);
    expect(held).toEqual(Array.from({ length: 42 }, (_v, i) => i));
    for (const f of folds) {
      const positives = Array.from(f.test).filter((i) => y[i]).length;
      expect(positives).toBeGreaterThanOrEqual(3);
      expect(positives).toBeLessThanOrEqual(3);
      expect(f.train.length + f.test.length).toBe(42);
    }
  });

  it('gives the same folds for the same seed and different folds for another', () => {
    const a = stratifiedKFold(y, 3, seededRng(7));
    const b = stratifiedKFold(y, 3, seededRng(7));
    const c = stratifiedKFold(y, 3, seededRng(8));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('refuses more folds than the smaller class has rows', () => {
    expect(() => stratifiedKFold(Uint8Array.from([1, 1, 0, 0, 0]), 3, seededRng(1))).toThrow(
      'the smaller class has only 2 rows',
    );
  });
});
