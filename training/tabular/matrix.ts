// Training (tabular): the dense row-major design matrix every classical model trains on, and the
// seeded random stream that makes folds, bootstraps, SGD orders and initial weights reproducible.
import { Rng } from '../../shared/domain/synth/rng';

/** Dense row-major matrix of float64 features: element (i, j) is data[i * cols + j]. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/**
 * A labelled design matrix: y[i] is 1 for the positive class, 0 otherwise. `groups[i]`, when
 * given, is row i's group (e.g. its patient): the internal splits of a fit (Platt calibration, the
 * MLP's validation split, the RBF SVM's tuning) keep a group's rows on one side.
 */
export interface LabelledMatrix {
  x: Matrix;
  y: Uint8Array;
  groups?: Int32Array;
}

export function matrix(rows: number, cols: number, data = new Float64Array(rows * cols)): Matrix {
  if (data.length !== rows * cols)
    throw new RangeError(`matrix: ${data.length} != ${rows}x${cols}`);
  return { rows, cols, data };
}

/** Build a matrix from nested arrays (tests and small fixtures). */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows[0]?.length ?? 0;
  const m = matrix(rows.length, cols);
  rows.forEach((row, i) => m.data.set(row, i * cols));
  return m;
}

/** Row i as a view (no copy). */
export function row(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/** The rows at `indices`, copied, in that order. */
export function takeRows(m: Matrix, indices: ArrayLike<number>): Matrix {
  const out = matrix(indices.length, m.cols);
  for (let k = 0; k < indices.length; k += 1) out.data.set(row(m, indices[k]!), k * m.cols);
  return out;
}

export function takeLabels(y: Uint8Array, indices: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k += 1) out[k] = y[indices[k]!]!;
  return out;
}

export function take(data: LabelledMatrix, indices: ArrayLike<number>): LabelledMatrix {
  const taken = { x: takeRows(data.x, indices), y: takeLabels(data.y, indices) };
  if (!data.groups) return taken;
  const groups = data.groups;
  return { ...taken, groups: Int32Array.from(indices, (i) => groups[i]!) };
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>, n = a.length): number {
  let s = 0;
  for (let j = 0; j < n; j += 1) s += a[j]! * b[j]!;
  return s;
}

/** Count of positives (y = 1). */
export function positives(y: Uint8Array): number {
  let n = 0;
  for (const v of y) n += v;
  return n;
}

/**
 * "Balanced" class weights as scikit-learn computes them: w_c = n / (2 * n_c), so each class
 * carries half the total weight. A class that is absent gets weight 0.
 */
export function balancedWeights(y: Uint8Array): [number, number] {
  const n1 = positives(y);
  const n0 = y.length - n1;
  return [n0 > 0 ? y.length / (2 * n0) : 0, n1 > 0 ? y.length / (2 * n1) : 0];
}

/** A seeded stream; the same seed and label always give the same numbers. */
export function seededRng(seed: number, label = 'tabular'): Rng {
  return new Rng(seed >>> 0).fork(label);
}

/** Fisher-Yates shuffle in place, driven by `rng`. */
export function shuffle<T extends { length: number; [i: number]: number }>(items: T, rng: Rng): T {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
  return items;
}

/** 0..n-1 as an Int32Array. */
export function range(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i += 1) out[i] = i;
  return out;
}

/** Draw at most `limit` rows, keeping the class ratio (stratified subsample), sorted by index. */
export function stratifiedSubsample(y: Uint8Array, limit: number, rng: Rng): Int32Array {
  if (y.length <= limit) return range(y.length);
  const byClass: number[][] = [[], []];
  y.forEach((v, i) => byClass[v]!.push(i));
  const picked: number[] = [];
  for (const members of byClass) {
    const quota = Math.round((members.length / y.length) * limit);
    const order = shuffle(Int32Array.from(members), rng);
    for (let k = 0; k < Math.min(quota, order.length); k += 1) picked.push(order[k]!);
  }
  return Int32Array.from(picked.sort((a, b) => a - b));
}
