// Training (tabular): Gaussian naive Bayes, fitted as scikit-learn's GaussianNB does: per-class
// means and (biased, ddof 0) variances, class priors from frequencies, and variance smoothing of
// var_smoothing * max_j var(x_j) added to every variance (default var_smoothing 1e-9).
import type { GnbParams } from './served-kinds';
import type { LabelledMatrix } from './matrix';

/** scikit-learn GaussianNB default `var_smoothing` (sklearn 1.5 API reference). */
export const defaultVarSmoothing = 1e-9;

function columnVariances(data: LabelledMatrix): Float64Array {
  const { x } = data;
  const mean = new Float64Array(x.cols);
  const sq = new Float64Array(x.cols);
  for (let i = 0; i < x.rows; i += 1) {
    for (let j = 0; j < x.cols; j += 1) mean[j]! += x.data[i * x.cols + j]!;
  }
  mean.forEach((m, j) => (mean[j] = m / x.rows));
  for (let i = 0; i < x.rows; i += 1) {
    for (let j = 0; j < x.cols; j += 1) sq[j]! += (x.data[i * x.cols + j]! - mean[j]!) ** 2;
  }
  return sq.map((s) => s / x.rows);
}

/**
 * Fit Gaussian naive Bayes on a labelled matrix (both classes present). Returns the model.json
 * fields: classPrior [P(y=0), P(y=1)], theta (means) and variance, each [class][feature].
 */
export function fitGaussianNaiveBayes(
  data: LabelledMatrix,
  varSmoothing = defaultVarSmoothing,
): GnbParams {
  const { x, y } = data;
  const d = x.cols;
  const count = [0, 0];
  const sum = [new Float64Array(d), new Float64Array(d)];
  for (let i = 0; i < x.rows; i += 1) {
    const c = y[i]!;
    count[c]! += 1;
    for (let j = 0; j < d; j += 1) sum[c]![j]! += x.data[i * d + j]!;
  }
  const theta = sum.map((s, c) => s.map((v) => v / count[c]!));
  const sq = [new Float64Array(d), new Float64Array(d)];
  for (let i = 0; i < x.rows; i += 1) {
    const c = y[i]!;
    for (let j = 0; j < d; j += 1) sq[c]![j]! += (x.data[i * d + j]! - theta[c]![j]!) ** 2;
  }
  const epsilon = varSmoothing * Math.max(...columnVariances(data));
  // A feature constant over all rows would have zero variance; 1e-300 keeps the model valid.
  const floor = Math.max(epsilon, 1e-300);
  const variance = sq.map((s, c) => Array.from(s, (v) => v / count[c]! + floor));
  return {
    classPrior: count.map((n) => n / x.rows),
    theta: theta.map((t) => Array.from(t)),
    variance,
  };
}
