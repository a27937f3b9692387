// Training (tabular): choose the RBF SVM's C and gamma by cross-validated AUROC, as scikit-learn
// users do with GridSearchCV(SVC(kernel="rbf"), {"C": ..., "gamma": ...}, cv=StratifiedKFold(3),
// scoring="roc_auc"). The defaults alone (C = 1, gamma = "scale") overfit noisy clinical outcomes:
// on a 20,000-patient synthetic cohort they lost 0.025-0.043 AUROC against the Bayes-optimal ceiling,
// where a ten-times-smaller gamma lost under 0.01 (bench/eval/models.ts). The search runs on a
// stratified subsample (SMO is O(n^2)) and scores raw decision values: AUROC is invariant to the
// Platt map fitted afterwards.
import type { Rng } from '../../shared/domain/synth/rng';
import { auroc } from '../evaluation/metrics';
import { FoldSplitError, groupsPerClass, stratifiedFolds } from '../evaluation/folds';
import { positives, stratifiedSubsample, take, type LabelledMatrix } from './matrix';
import { fitKernelMachine, kernelDecision, scaleGamma } from './rbf-svm';

/** The grid: C values, and gamma as multiples of scikit-learn's gamma = "scale". */
export const rbfGrid = {
  c: [0.1, 1, 10],
  gammaTimesScale: [0.03, 0.1, 0.3, 1],
} as const;

/** Rows the search runs on at most (a stratified subsample). */
export const tuningRows = 2000;
const tuningFolds = 3;

export interface RbfChoice {
  c: number;
  gamma: number;
  /** Cross-validated AUROC of the chosen pair on the subsample. */
  auroc: number;
  /** Rows the search ran on. */
  rows: number;
  /**
   * Set when no search ran and the choice is the fallback C = 1, gamma = "scale" (auroc NaN): why
   * (for the model card's notes).
   */
  fallback?: string;
}

/**
 * The (C, gamma) pair of `rbfGrid` with the best 3-fold cross-validated AUROC on a stratified
 * subsample of at most `tuningRows` rows of `data` (standardised features). Ties keep the
 * smaller C and gamma (the smoother machine). The folds are stratified group folds when
 * `data.groups` is set. Falls back to C = 1, gamma = "scale" (with `fallback` saying why) when
 * either class has fewer than three rows (groups), where no fold could score, or when the grouped
 * split leaves a fold without one class (FoldSplitError, possible with few groups), rather than
 * abort the training.
 */
export function tuneRbfSvm(
  data: LabelledMatrix,
  rng: Rng,
  classWeight: 'balanced' | 'none' = 'balanced',
): RbfChoice {
  const sample = take(data, stratifiedSubsample(data.y, tuningRows, rng));
  const scale = scaleGamma(sample.x);
  const minority = sample.groups
    ? Math.min(...groupsPerClass(sample.y, sample.groups))
    : Math.min(positives(sample.y), sample.y.length - positives(sample.y));
  const unit = sample.groups ? 'groups' : 'rows';
  const untuned = (fallback: string): RbfChoice => ({
    c: 1,
    gamma: scale,
    auroc: Number.NaN,
    rows: sample.y.length,
    fallback,
  });
  if (minority < tuningFolds)
    return untuned(
      `a class has only ${minority} ${unit} of the ${tuningFolds} the tuning folds need`,
    );
  // Grouped when the data carry groups: a patient's rows never score the fit they trained.
  let folds;
  try {
    folds = stratifiedFolds(sample.y, sample.groups, tuningFolds, rng);
  } catch (error) {
    if (!(error instanceof FoldSplitError)) throw error;
    return untuned(`no ${tuningFolds}-fold grouped split held both classes in every fold`);
  }
  let best: RbfChoice | undefined;
  for (const c of rbfGrid.c)
    for (const times of rbfGrid.gammaTimesScale) {
      const gamma = scale * times;
      const scores = new Float64Array(sample.y.length);
      for (const fold of folds) {
        const machine = fitKernelMachine(take(sample, fold.train), { c, gamma, classWeight });
        const decision = kernelDecision(machine)(take(sample, fold.test).x);
        fold.test.forEach((row, i) => (scores[row] = decision[i]!));
      }
      const score = auroc(sample.y, scores);
      if (!best || score > best.auroc + 1e-9)
        best = { c, gamma, auroc: score, rows: sample.y.length };
    }
  return best!;
}
