// Domain (nlp/relations): gradient-boosted regression trees for a binary label under the logistic
// loss (Friedman 2001, "Greedy function approximation: a gradient boosting machine", Annals of
// Statistics 29:1189; the Newton leaf values of Friedman, Hastie & Tibshirani 2000, "Additive logistic
// regression", Annals of Statistics 28:337, as XGBoost uses them, Chen & Guestrin 2016, KDD). Small
// and exact: candidate thresholds are each feature's distinct values (at most `bins` quantiles), so
// the trees fit the few thousand CID candidate rows of a corpus in about a second.
import { seededRandom } from '../../random';

export interface BoostOptions {
  /** Number of trees. */
  rounds: number;
  /** Depth of every tree (number of splits on a root-to-leaf path). */
  depth: number;
  /** Shrinkage applied to every tree's leaf values. */
  learningRate: number;
  /** Least summed Hessian (p (1 - p)) in a leaf: XGBoost's min_child_weight. */
  minLeafWeight: number;
  /** L2 penalty on leaf values (XGBoost's lambda). */
  l2: number;
  /** Most candidate thresholds per feature (quantiles of its values). */
  bins: number;
  /** Share of rows each tree sees (sampled without replacement, seeded); 1 = all. */
  subsample: number;
  seed: number;
}

export const defaultBoostOptions: BoostOptions = {
  rounds: 150,
  depth: 3,
  learningRate: 0.1,
  minLeafWeight: 2,
  l2: 1,
  bins: 32,
  subsample: 0.8,
  seed: 1,
};

/** A tree node: a split on `feature` at `threshold` (x <= threshold goes left), or a leaf value. */
export type BoostNode =
  { leaf: number } | { feature: number; threshold: number; left: BoostNode; right: BoostNode };

/** A fitted booster: the base log-odds and the trees, summed to the log-odds of the positive class. */
export interface Booster {
  base: number;
  trees: BoostNode[];
}

/** Log-odds of the positive class for features `x`. */
export function boostLogit(model: Booster, x: readonly number[]): number {
  let z = model.base;
  for (const tree of model.trees) {
    let node = tree;
    while (!('leaf' in node)) node = x[node.feature]! <= node.threshold ? node.left : node.right;
    z += node.leaf;
  }
  return z;
}

/** Probability (0-1) of the positive class for features `x`. */
export function boostProbability(model: Booster, x: readonly number[]): number {
  return 1 / (1 + Math.exp(-boostLogit(model, x)));
}

/**
 * Fit `bag` boosters with seeds `seed`, `seed + 1`, ... and average them (their trees summed with
 * shrinkage 1 / bag): row subsampling makes one booster depend on its seed; the average does less.
 */
export function trainBoosterBag(
  rows: readonly { x: readonly number[]; y: 0 | 1 }[],
  options: Partial<BoostOptions> = {},
  bag = 3,
): Booster {
  const seed = options.seed ?? defaultBoostOptions.seed;
  const fitted = Array.from({ length: bag }, (_, k) =>
    trainBooster(rows, { ...options, seed: seed + k }),
  );
  const scale = (node: BoostNode): BoostNode =>
    'leaf' in node
      ? { leaf: node.leaf / bag }
      : { ...node, left: scale(node.left), right: scale(node.right) };
  return {
    base: fitted.reduce((a, b) => a + b.base, 0) / bag,
    trees: fitted.flatMap((b) => b.trees.map(scale)),
  };
}

/** Fit a booster to rows of features `x` and labels `y` (0 / 1). */
export function trainBooster(
  rows: readonly { x: readonly number[]; y: 0 | 1 }[],
  options: Partial<BoostOptions> = {},
): Booster {
  const o = { ...defaultBoostOptions, ...options };
  const n = rows.length;
  const positives = rows.filter((r) => r.y === 1).length;
  const rate = Math.min(Math.max(positives / Math.max(n, 1), 1e-6), 1 - 1e-6);
  const base = Math.log(rate / (1 - rate));
  const logit = new Float64Array(n).fill(base);
  const thresholds = candidateThresholds(rows, o.bins);
  const random = seededRandom(o.seed);
  const trees: BoostNode[] = [];
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  for (let round = 0; round < o.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-logit[i]!));
      grad[i] = p - rows[i]!.y;
      hess[i] = Math.max(p * (1 - p), 1e-9);
    }
    const sample: number[] = [];
    for (let i = 0; i < n; i++) if (o.subsample >= 1 || random() < o.subsample) sample.push(i);
    const tree = growTree(rows, sample, grad, hess, thresholds, o, o.depth);
    trees.push(tree);
    for (let i = 0; i < n; i++) logit[i]! += boostLogit({ base: 0, trees: [tree] }, rows[i]!.x);
  }
  return { base, trees };
}

function growTree(
  rows: readonly { x: readonly number[] }[],
  members: readonly number[],
  grad: Float64Array,
  hess: Float64Array,
  thresholds: readonly (readonly number[])[],
  o: BoostOptions,
  depth: number,
): BoostNode {
  let [g, h] = [0, 0];
  for (const i of members) [g, h] = [g + grad[i]!, h + hess[i]!];
  const leaf = { leaf: (-g / (h + o.l2)) * o.learningRate };
  if (depth === 0 || h < 2 * o.minLeafWeight) return leaf;
  const score = (sg: number, sh: number) => (sg * sg) / (sh + o.l2);
  const parent = score(g, h);
  let best = { gain: 1e-9, feature: -1, threshold: 0 };
  for (let f = 0; f < thresholds.length; f++) {
    const cuts = thresholds[f]!;
    if (cuts.length === 0) continue;
    // Sum gradients and Hessians per bin (bin b holds values in (cuts[b-1], cuts[b]]).
    const bg = new Float64Array(cuts.length + 1);
    const bh = new Float64Array(cuts.length + 1);
    for (const i of members) {
      const b = binOf(cuts, rows[i]!.x[f]!);
      bg[b]! += grad[i]!;
      bh[b]! += hess[i]!;
    }
    let [lg, lh] = [0, 0];
    for (let b = 0; b < cuts.length; b++) {
      lg += bg[b]!;
      lh += bh[b]!;
      if (lh < o.minLeafWeight || h - lh < o.minLeafWeight) continue;
      const gain = score(lg, lh) + score(g - lg, h - lh) - parent;
      if (gain > best.gain) best = { gain, feature: f, threshold: cuts[b]! };
    }
  }
  if (best.feature < 0) return leaf;
  const left = members.filter((i) => rows[i]!.x[best.feature]! <= best.threshold);
  const right = members.filter((i) => rows[i]!.x[best.feature]! > best.threshold);
  return {
    feature: best.feature,
    threshold: best.threshold,
    left: growTree(rows, left, grad, hess, thresholds, o, depth - 1),
    right: growTree(rows, right, grad, hess, thresholds, o, depth - 1),
  };
}

/** Index of the first cut >= v (values above every cut fall in the last bin). */
function binOf(cuts: readonly number[], v: number): number {
  let [lo, hi] = [0, cuts.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid]! >= v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Per feature, the candidate split points: its distinct values but the largest, thinned to at most
 * `bins` quantiles.
 */
function candidateThresholds(rows: readonly { x: readonly number[] }[], bins: number): number[][] {
  const width = rows[0]?.x.length ?? 0;
  const out: number[][] = [];
  for (let f = 0; f < width; f++) {
    const values = [...new Set(rows.map((r) => r.x[f]!))].sort((a, b) => a - b);
    values.pop();
    if (values.length <= bins) {
      out.push(values);
      continue;
    }
    const sorted = rows.map((r) => r.x[f]!).sort((a, b) => a - b);
    const cuts = new Set<number>();
    for (let q = 1; q < bins; q++) cuts.add(sorted[Math.floor((q * sorted.length) / bins)]!);
    out.push([...cuts].filter((c) => c < sorted[sorted.length - 1]!).sort((a, b) => a - b));
  }
  return out;
}
