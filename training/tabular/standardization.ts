// Training (tabular): z-scoring fitted on the training fold only. The parameters are saved in
// model.json (`standardization`), and serving applies them before the model, so callers send
// features in their natural units.
import { matrix, type Matrix } from './matrix';

/** Per-feature mean and population standard deviation (ddof 0, as scikit-learn's StandardScaler). */
export interface Standardization {
  mean: number[];
  std: number[];
}

/**
 * Fit mean and std on `x`. Features where `scaled[j]` is false (one-hot, indicators) keep mean 0
 * and std 1; a constant feature gets std 1 so it is centred but not divided by zero.
 */
export function fitStandardization(x: Matrix, scaled?: readonly boolean[]): Standardization {
  const mean = new Array<number>(x.cols).fill(0);
  const std = new Array<number>(x.cols).fill(1);
  for (let j = 0; j < x.cols; j += 1) {
    if (scaled && !scaled[j]) continue;
    let m = 0;
    for (let i = 0; i < x.rows; i += 1) m += x.data[i * x.cols + j]!;
    m /= Math.max(1, x.rows);
    let v = 0;
    for (let i = 0; i < x.rows; i += 1) v += (x.data[i * x.cols + j]! - m) ** 2;
    const sd = Math.sqrt(v / Math.max(1, x.rows));
    mean[j] = m;
    std[j] = sd > 1e-12 * Math.max(1, Math.abs(m)) ? sd : 1;
  }
  return { mean, std };
}

/** (x - mean) / std, as a new matrix. */
export function standardize(x: Matrix, s: Standardization): Matrix {
  const out = matrix(x.rows, x.cols);
  for (let i = 0; i < x.rows; i += 1) {
    for (let j = 0; j < x.cols; j += 1) {
      const k = i * x.cols + j;
      out.data[k] = (x.data[k]! - s.mean[j]!) / s.std[j]!;
    }
  }
  return out;
}
