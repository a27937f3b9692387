// Evaluation: stratified k-fold splits, seeded. Each class is shuffled and dealt round-robin into
// the folds, so every fold holds the class ratio to within one row (as scikit-learn's
// StratifiedKFold with shuffle=True intends).
import { ValidationError } from '../../shared/domain/errors';
import type { Rng } from '../../shared/domain/synth/rng';
import { shuffle } from '../tabular/matrix';

export interface Fold {
  /** Row indices to fit on, ascending. */
  train: Int32Array;
  /** Held-out row indices, ascending. */
  test: Int32Array;
}

/**
 * Split rows with labels `y` into k stratified folds. Throws ValidationError when a class has
 * fewer rows than k (some fold would have no example of it).
 */
export function stratifiedKFold(y: Uint8Array, k: number, rng: Rng): Fold[] {
  if (!Number.isInteger(k) || k < 2)
    throw new ValidationError(`folds must be an integer >= 2, got ${k}`, 'cv');
  const byClass: number[][] = [[], []];
  y.forEach((v, i) => byClass[v]!.push(i));
  const smallest = Math.min(byClass[0]!.length, byClass[1]!.length);
  if (smallest < k) {
    throw new ValidationError(
      `cannot make ${k} stratified folds: the smaller class has only ${smallest} rows`,
      'cv',
    );
  }
  const foldOf = new Int32Array(y.length);
  let next = 0;
  for (const members of byClass) {
    const order = shuffle(Int32Array.from(members), rng);
    // Continue dealing where the previous class stopped so fold sizes differ by at most one.
    for (const i of order) foldOf[i] = next++ % k;
  }
  return Array.from({ length: k }, (_f, f) => {
    const train: number[] = [];
    const test: number[] = [];
    foldOf.forEach((g, i) => (g === f ? test : train).push(i));
    return { train: Int32Array.from(train), test: Int32Array.from(test) };
  });
}

/**
 * Folds from a fold number per row (0..k-1), e.g. assignments written for another tool to share.
 * Throws ValidationError naming the first row whose number is not an integer in 0..k-1, or the
 * first fold number with no row.
 */
export function foldsFromAssignment(foldOf: ArrayLike<number>): Fold[] {
  const k = Math.max(-1, ...Array.from(foldOf)) + 1;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < foldOf.length; i += 1) {
    const f = foldOf[i]!;
    if (!Number.isInteger(f) || f < 0)
      throw new ValidationError(`fold assignment of row ${i} is not a fold number (${f})`, 'folds');
    members[f]!.push(i);
  }
  const empty = members.findIndex((m) => m.length === 0);
  if (k < 2 || empty >= 0)
    throw new ValidationError(
      k < 2 ? 'fold assignments name fewer than 2 folds' : `fold ${empty} has no row`,
      'folds',
    );
  return members.map((test) => {
    const held = new Set(test);
    const train = Array.from({ length: foldOf.length }, (_v, i) => i).filter((i) => !held.has(i));
    return { train: Int32Array.from(train), test: Int32Array.from(test) };
  });
}

/**
 * Check that `folds` are cross-validation folds over rows 0..n-1: every row held out exactly once,
 * and each fold trains on every other row. Throws ValidationError naming the fold and row.
 */
export function checkFolds(folds: readonly Fold[], n: number): void {
  if (folds.length < 2) throw new ValidationError('at least 2 folds are needed', 'folds');
  const heldIn = new Int32Array(n).fill(-1);
  folds.forEach((fold, f) => {
    for (const i of fold.test) {
      if (!(i >= 0 && i < n))
        throw new ValidationError(`fold ${f + 1}: row ${i} is outside 0..${n - 1}`, 'folds');
      if (heldIn[i]! >= 0)
        throw new ValidationError(
          `row ${i} is held out in folds ${heldIn[i]! + 1} and ${f + 1}`,
          'folds',
        );
      heldIn[i] = f;
    }
  });
  const never = heldIn.indexOf(-1);
  if (never >= 0) throw new ValidationError(`row ${never} is never held out`, 'folds');
  folds.forEach((fold, f) => {
    const ok =
      fold.train.length + fold.test.length === n &&
      new Set(fold.train).size === fold.train.length &&
      fold.train.every((i) => i >= 0 && i < n && heldIn[i] !== f);
    if (!ok)
      throw new ValidationError(
        `fold ${f + 1}: the training rows are not all the other rows`,
        'folds',
      );
  });
}
