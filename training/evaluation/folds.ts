// Evaluation: stratified k-fold splits, seeded. Each class is shuffled and dealt round-robin into
// the folds, so every fold holds the class ratio to within one row (as scikit-learn's
// StratifiedKFold with shuffle=True intends). With groups (e.g. the rows of one patient), stratified
// GROUP k-fold keeps every row of a group in one fold, so no patient is both trained on and tested
// on (scikit-learn's StratifiedGroupKFold, added in 1.0, greedy algorithm below).
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
 * The data cannot be split into the folds asked for: a class has fewer rows (or groups) than
 * folds, or the grouped split left a fold without one class. A ValidationError (a user's `--cv`
 * gets it as such); internal splits (RBF tuning, the MLP's validation split, Platt's folds) catch
 * this type, never the message, and fall back as their docs say.
 */
export class FoldSplitError extends ValidationError {
  constructor(
    message: string,
    /** Why: too few rows/groups of a class for k folds, or a grouped fold without one class. */
    readonly reason: 'class-too-small' | 'fold-lacks-class',
  ) {
    super(message, 'cv');
  }
}

/**
 * Split rows with labels `y` into k stratified folds. Throws FoldSplitError when a class has
 * fewer rows than k (some fold would have no example of it).
 */
export function stratifiedKFold(y: Uint8Array, k: number, rng: Rng): Fold[] {
  if (!Number.isInteger(k) || k < 2)
    throw new ValidationError(`folds must be an integer >= 2, got ${k}`, 'cv');
  const byClass: number[][] = [[], []];
  y.forEach((v, i) => byClass[v]!.push(i));
  const smallest = Math.min(byClass[0]!.length, byClass[1]!.length);
  if (smallest < k) {
    throw new FoldSplitError(
      `cannot make ${k} stratified folds: the smaller class has only ${smallest} rows`,
      'class-too-small',
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

/** Groups renumbered 0..G-1 in order of first appearance, with each group's rows per class. */
function groupClassCounts(
  y: Uint8Array,
  groups: ArrayLike<number>,
): {
  of: Int32Array;
  counts: [number, number][];
} {
  if (groups.length !== y.length)
    throw new RangeError(`groups: ${groups.length} values for ${y.length} rows`);
  const ids = new Map<number, number>();
  const counts: [number, number][] = [];
  const of = new Int32Array(y.length);
  for (let i = 0; i < y.length; i += 1) {
    let g = ids.get(groups[i]!);
    if (g === undefined) {
      g = counts.length;
      ids.set(groups[i]!, g);
      counts.push([0, 0]);
    }
    of[i] = g;
    counts[g]![y[i]!]! += 1;
  }
  return { of, counts };
}

/** How many groups hold at least one row of each class: [class 0, class 1]. */
export function groupsPerClass(y: Uint8Array, groups: ArrayLike<number>): [number, number] {
  const { counts } = groupClassCounts(y, groups);
  return [counts.filter((c) => c[0] > 0).length, counts.filter((c) => c[1] > 0).length];
}

const isClose = (a: number, b: number) => Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);

/**
 * Split rows with labels `y` into k stratified folds keeping each group (`groups[i]`, any numbers)
 * whole: scikit-learn's StratifiedGroupKFold(shuffle=True) (sklearn/model_selection/_split.py,
 * 1.0-1.5): groups in a seeded random order, stably sorted by the spread (SD) of their class
 * counts, largest first, each put in the fold that keeps the per-class share of rows most even
 * across folds (mean over classes of the SD of the folds' shares), ties to the fold with fewer
 * rows. When every group is one row this is `stratifiedKFold` itself (same folds, same seed), so
 * data without repeated groups splits exactly as before. Throws FoldSplitError when a class is
 * in fewer than k groups, or a fold ends up without one class (the greedy can leave one even when
 * a valid split exists; scikit-learn only warns).
 */
export function stratifiedGroupKFold(
  y: Uint8Array,
  groups: ArrayLike<number>,
  k: number,
  rng: Rng,
): Fold[] {
  if (!Number.isInteger(k) || k < 2)
    throw new ValidationError(`folds must be an integer >= 2, got ${k}`, 'cv');
  const { of, counts } = groupClassCounts(y, groups);
  if (counts.length === y.length) return stratifiedKFold(y, k, rng);
  const smallest = Math.min(...groupsPerClass(y, groups));
  if (smallest < k)
    throw new FoldSplitError(
      `cannot make ${k} stratified group folds: the smaller class is in only ${smallest} groups (patients)`,
      'class-too-small',
    );
  const total = [0, 1].map((c) => counts.reduce((s, n) => s + n[c]!, 0));
  const spread = (n: [number, number]) => Math.abs(n[0] - n[1]) / 2;
  const order = Array.from(
    shuffle(
      Int32Array.from(counts, (_c, g) => g),
      rng,
    ),
  ).sort((a, b) => spread(counts[b]!) - spread(counts[a]!));
  const perFold = Array.from({ length: k }, () => [0, 0]);
  const foldOfGroup = new Int32Array(counts.length);
  const evaluate = () =>
    [0, 1].reduce((sum, c) => {
      const shares = perFold.map((n) => n[c]! / total[c]!);
      const mean = shares.reduce((s, v) => s + v, 0) / k;
      return sum + Math.sqrt(shares.reduce((s, v) => s + (v - mean) ** 2, 0) / k);
    }, 0) / 2;
  for (const g of order) {
    const n = counts[g]!;
    let [best, bestEval, bestSize] = [0, Infinity, Infinity];
    for (let f = 0; f < k; f += 1) {
      perFold[f]![0]! += n[0];
      perFold[f]![1]! += n[1];
      const value = evaluate();
      perFold[f]![0]! -= n[0];
      perFold[f]![1]! -= n[1];
      const size = perFold[f]![0]! + perFold[f]![1]!;
      if (value < bestEval || (isClose(value, bestEval) && size < bestSize))
        [best, bestEval, bestSize] = [f, value, size];
    }
    perFold[best]![0]! += n[0];
    perFold[best]![1]! += n[1];
    foldOfGroup[g] = best;
  }
  const lacking = perFold.findIndex((n) => n[0] === 0 || n[1] === 0);
  if (lacking >= 0)
    throw new FoldSplitError(
      `cannot make ${k} stratified group folds: fold ${lacking + 1} would hold no row of one class (too few groups of it)`,
      'fold-lacks-class',
    );
  return Array.from({ length: k }, (_f, f) => {
    const train: number[] = [];
    const test: number[] = [];
    of.forEach((g, i) => (foldOfGroup[g] === f ? test : train).push(i));
    return { train: Int32Array.from(train), test: Int32Array.from(test) };
  });
}

/** Stratified group folds when `groups` is given, else stratified folds. */
export function stratifiedFolds(
  y: Uint8Array,
  groups: ArrayLike<number> | undefined,
  k: number,
  rng: Rng,
): Fold[] {
  return groups ? stratifiedGroupKFold(y, groups, k, rng) : stratifiedKFold(y, k, rng);
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
