// Training (tabular): linear SVM (hinge loss, L2 penalty) by dual coordinate descent — Hsieh,
// Chang, Lin, Keerthi & Sundararajan, "A dual coordinate descent method for large-scale linear
// SVM", ICML 2008, Algorithm 1, as liblinear's L2R_L1LOSS_SVC_DUAL (bias as a constant feature
// of 1, so it is regularised as liblinear's -B 1 does) — then Platt-scaled.
import type { Rng } from '../../shared/domain/synth/rng';
import { balancedWeights, range, shuffle, type LabelledMatrix, type Matrix } from './matrix';
import { crossValidatedPlatt } from './platt';
import type { LinearSvmParams } from './served-kinds';

export interface LinearSvmOptions {
  /** Penalty on hinge loss (liblinear's -c); default 1. */
  c?: number;
  classWeight?: 'balanced' | 'none';
  /** Stop when the projected gradient's spread is below this; default 0.1 (liblinear's -e). */
  tolerance?: number;
  maxEpochs?: number;
  /** Internal folds for Platt scaling; default 5 (libsvm, scikit-learn). */
  calibrationFolds?: number;
}

/** Hinge-loss weights and bias (decision f = w x + b, y in {-1, +1}). */
export function fitHingeWeights(
  data: LabelledMatrix,
  rng: Rng,
  options: LinearSvmOptions = {},
): { coefficients: number[]; intercept: number } {
  const { c = 1, classWeight = 'balanced', tolerance = 0.1, maxEpochs = 1000 } = options;
  const { x, y } = data;
  const d = x.cols;
  const [w0, w1] = classWeight === 'balanced' ? balancedWeights(y) : [1, 1];
  const upper = Float64Array.from(y, (v) => c * (v ? w1 : w0));
  const sign = Float64Array.from(y, (v) => (v ? 1 : -1));
  const qii = Float64Array.from(y, (_v, i) => {
    let s = 1; // the bias feature
    for (let j = 0; j < d; j += 1) s += x.data[i * d + j]! ** 2;
    return s;
  });
  const alpha = new Float64Array(x.rows);
  const w = new Float64Array(d + 1); // w[d] is the bias
  const order = range(x.rows);
  for (let epoch = 0; epoch < maxEpochs; epoch += 1) {
    shuffle(order, rng);
    let maxPg = -Infinity;
    let minPg = Infinity;
    for (const i of order) {
      let margin = w[d]!;
      for (let j = 0; j < d; j += 1) margin += w[j]! * x.data[i * d + j]!;
      const g = sign[i]! * margin - 1;
      const pg = alpha[i] === 0 ? Math.min(g, 0) : alpha[i] === upper[i] ? Math.max(g, 0) : g;
      maxPg = Math.max(maxPg, pg);
      minPg = Math.min(minPg, pg);
      if (Math.abs(pg) < 1e-12) continue;
      const old = alpha[i]!;
      alpha[i] = Math.min(Math.max(old - g / qii[i]!, 0), upper[i]!);
      const delta = (alpha[i]! - old) * sign[i]!;
      for (let j = 0; j < d; j += 1) w[j]! += delta * x.data[i * d + j]!;
      w[d]! += delta;
    }
    if (maxPg - minPg < tolerance) break;
  }
  return { coefficients: Array.from(w.subarray(0, d)), intercept: w[d]! };
}

const linearDecision =
  (model: { coefficients: number[]; intercept: number }) =>
  (x: Matrix): Float64Array =>
    Float64Array.from({ length: x.rows }, (_v, i) => {
      let f = model.intercept;
      for (let j = 0; j < x.cols; j += 1) f += model.coefficients[j]! * x.data[i * x.cols + j]!;
      return f;
    });

/** Fit a Platt-calibrated linear SVM on standardised features. */
export function fitLinearSvm(
  data: LabelledMatrix,
  rng: Rng,
  options: LinearSvmOptions = {},
): LinearSvmParams {
  const train = (part: LabelledMatrix) => linearDecision(fitHingeWeights(part, rng, options));
  const platt = crossValidatedPlatt(data, train, options.calibrationFolds ?? 5, rng);
  return { ...fitHingeWeights(data, rng, options), platt };
}
