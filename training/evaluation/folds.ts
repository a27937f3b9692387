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
