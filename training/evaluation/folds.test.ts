import { describe, expect, it } from 'vitest';
import { seededRng } from '../tabular/matrix';
import { checkFolds, foldsFromAssignment, stratifiedKFold } from './folds';

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

describe('Function: foldsFromAssignment', () => {
  it('holds out the rows numbered f in fold f and trains on the rest', () => {
    // Act
    const folds = foldsFromAssignment([1, 0, 1, 0, 2]);
    // Assess
    expect(folds.map((f) => Array.from(f.test))).toEqual([[1, 3], [0, 2], [4]]);
    expect(Array.from(folds[2]!.train)).toEqual([0, 1, 2, 3]);
  });

  it('round-trips the folds stratifiedKFold made', () => {
    // Prepare
    const y = Uint8Array.from({ length: 20 }, (_v, i) => (i % 3 === 0 ? 1 : 0));
    const folds = stratifiedKFold(y, 5, seededRng(3));
    const foldOf = new Int32Array(20);
    folds.forEach((f, k) => f.test.forEach((i) => (foldOf[i] = k)));
    // Act and Assess
    expect(foldsFromAssignment(foldOf)).toEqual(folds);
  });

  it('names a fold with no row and a row with no fold number', () => {
    expect(() => foldsFromAssignment([0, 2, 0, 2])).toThrow('fold 1 has no row');
    expect(() => foldsFromAssignment([0, 1, -1])).toThrow('row 2 is not a fold number');
    expect(() => foldsFromAssignment([0, 0])).toThrow('fewer than 2 folds');
  });
});

describe('Function: checkFolds', () => {
  const fold = (train: number[], test: number[]) => ({
    train: Int32Array.from(train),
    test: Int32Array.from(test),
  });

  it('accepts folds that hold every row out once', () => {
    expect(() => checkFolds([fold([2, 3], [0, 1]), fold([0, 1], [2, 3])], 4)).not.toThrow();
  });

  it('refuses a row held out twice, a row never held out and a fold that trains on its own test row', () => {
    expect(() => checkFolds([fold([2, 3], [0, 1]), fold([0, 2], [1, 3])], 4)).toThrow(
      'row 1 is held out in folds 1 and 2',
    );
    expect(() => checkFolds([fold([2, 3], [0, 1]), fold([0, 1], [2])], 4)).toThrow(
      'row 3 is never held out',
    );
    expect(() => checkFolds([fold([0, 2, 3], [0]), fold([0], [1, 2, 3])], 4)).toThrow(
      'fold 1: the training rows are not all the other rows',
    );
  });
});
