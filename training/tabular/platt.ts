// Training (tabular): Platt scaling — map SVM decision values f to probabilities
// P(y = 1 | f) = 1 / (1 + exp(A f + B)) — fitted with the Newton method and regularised targets of
// Lin, Lin & Weng, "A note on Platt's probabilistic outputs for support vector machines",
// Machine Learning 68 (2007), Algorithm 1 (as libsvm's sigmoid_train). Decision values come from
// an internal stratified cross-validation (grouped when the data carry groups, so a patient's rows
// are never on both sides), so the calibration never sees its own training rows.
import type { Rng } from '../../shared/domain/synth/rng';
import { FoldSplitError, stratifiedFolds, type Fold } from '../evaluation/folds';
import { positives, take, type LabelledMatrix, type Matrix } from './matrix';
import type { Platt } from './served-kinds';

function plattObjective(f: Float64Array, t: Float64Array, a: number, b: number): number {
  let value = 0;
  for (let i = 0; i < f.length; i += 1) {
    const z = f[i]! * a + b;
    value +=
      z >= 0 ? t[i]! * z + Math.log1p(Math.exp(-z)) : (t[i]! - 1) * z + Math.log1p(Math.exp(z));
  }
  return value;
}

/** Fit A and B on decision values `f` and labels `y` (Lin, Lin & Weng 2007, Algorithm 1). */
export function fitPlatt(f: Float64Array, y: Uint8Array): Platt {
  const prior1 = positives(y);
  const prior0 = y.length - prior1;
  const hi = (prior1 + 1) / (prior1 + 2);
  const lo = 1 / (prior0 + 2);
  const t = Float64Array.from(y, (v) => (v ? hi : lo));
  let a = 0;
  let b = Math.log((prior0 + 1) / (prior1 + 1));
  let value = plattObjective(f, t, a, b);
  for (let iteration = 0; iteration < 100; iteration += 1) {
    let [h11, h22, h21, g1, g2] = [1e-12, 1e-12, 0, 0, 0];
    for (let i = 0; i < f.length; i += 1) {
      const z = f[i]! * a + b;
      const p = z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
      const q = 1 - p;
      const d2 = p * q;
      h11 += f[i]! * f[i]! * d2;
      h22 += d2;
      h21 += f[i]! * d2;
      const d1 = t[i]! - p;
      g1 += f[i]! * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) break;
    const det = h11 * h22 - h21 * h21;
    const da = -(h22 * g1 - h21 * g2) / det;
    const db = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * da + g2 * db;
    let step = 1;
    while (step >= 1e-10) {
      const candidate = plattObjective(f, t, a + step * da, b + step * db);
      if (candidate < value + 1e-4 * step * gd) {
        a += step * da;
        b += step * db;
        value = candidate;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return { a, b };
}

/** A trainer returning the decision function of a model fitted on `data`. */
export type DecisionTrainer = (data: LabelledMatrix) => (x: Matrix) => Float64Array;

/**
 * The internal folds: `folds` of them, else the most fewer (down to 2) the data can be split into
 * when a class has too few rows (groups) for `folds` or the grouped split leaves a fold without one
 * class (FoldSplitError). Throws that error when not even 2 folds hold both classes.
 */
export function calibrationFolds(data: LabelledMatrix, folds: number, rng: Rng): Fold[] {
  for (let k = folds; ; k -= 1) {
    try {
      return stratifiedFolds(data.y, data.groups, k, rng);
    } catch (error) {
      if (!(error instanceof FoldSplitError) || k <= 2) throw error;
    }
  }
}

/**
 * Platt parameters from out-of-fold decision values of `train` over `folds` internal stratified
 * folds (libsvm uses 5; scikit-learn's CalibratedClassifierCV defaults to 5), stratified group
 * folds when `data.groups` is set; fewer folds when the data cannot be split into `folds`
 * (`calibrationFolds`).
 */
export function crossValidatedPlatt(
  data: LabelledMatrix,
  train: DecisionTrainer,
  folds: number,
  rng: Rng,
): Platt {
  const f = new Float64Array(data.y.length);
  for (const fold of calibrationFolds(data, folds, rng)) {
    const decide = train(take(data, fold.train));
    const held = take(data, fold.test);
    const values = decide(held.x);
    fold.test.forEach((i, k) => (f[i] = values[k]!));
  }
  return fitPlatt(f, data.y);
}
