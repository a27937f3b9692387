// Training (tabular): RBF-kernel SVM (C-SVC) by SMO with the second-order working-set selection of
// Fan, Chen & Lin, "Working set selection using second order information for training SVM",
// JMLR 6 (2005), WSS 2 — libsvm's solver without shrinking — and the bias as libsvm's
// calculate_rho. gamma = "scale" is scikit-learn's 1 / (n_features * X.var()) (sklearn >= 0.22).
// Kernel rows are cached as float32, as libsvm does. Then Platt-scaled by internal CV.
import type { Rng } from '../../shared/domain/synth/rng';
import { balancedWeights, type LabelledMatrix, type Matrix } from './matrix';
import { crossValidatedPlatt } from './platt';
import type { RbfSvmParams } from './served-kinds';

export interface RbfSvmOptions {
  c?: number;
  /** Kernel width; default "scale". */
  gamma?: number | 'scale';
  classWeight?: 'balanced' | 'none';
  /** KKT violation tolerance (libsvm's -e); default 1e-3. */
  tolerance?: number;
  /** Kernel row cache in bytes; default 100 MB (libsvm's default is 100 MB too). */
  cacheBytes?: number;
  calibrationFolds?: number;
}

/** scikit-learn's gamma="scale": 1 / (n_features * variance of all entries of X). */
export function scaleGamma(x: Matrix): number {
  let mean = 0;
  for (const v of x.data) mean += v;
  mean /= x.data.length;
  let variance = 0;
  for (const v of x.data) variance += (v - mean) ** 2;
  variance /= x.data.length;
  return variance > 0 ? 1 / (x.cols * variance) : 1;
}

/** RBF kernel rows K(x_i, .), cached least-recently-used. */
class KernelRows {
  private readonly cache = new Map<number, Float32Array>();
  private readonly norms: Float64Array;
  private readonly capacity: number;

  constructor(
    private readonly x: Matrix,
    private readonly gamma: number,
    cacheBytes: number,
  ) {
    this.norms = Float64Array.from({ length: x.rows }, (_v, i) => this.dot(i, i));
    this.capacity = Math.max(2, Math.floor(cacheBytes / (4 * x.rows)));
  }

  private dot(i: number, k: number): number {
    const { data, cols } = this.x;
    let s = 0;
    for (let j = 0; j < cols; j += 1) s += data[i * cols + j]! * data[k * cols + j]!;
    return s;
  }

  get(i: number): Float32Array {
    const hit = this.cache.get(i);
    if (hit) {
      this.cache.delete(i);
      this.cache.set(i, hit);
      return hit;
    }
    const rowValues = new Float32Array(this.x.rows);
    for (let k = 0; k < this.x.rows; k += 1) {
      const d2 = Math.max(0, this.norms[i]! + this.norms[k]! - 2 * this.dot(i, k));
      rowValues[k] = Math.exp(-this.gamma * d2);
    }
    if (this.cache.size >= this.capacity) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(i, rowValues);
    return rowValues;
  }
}

interface SmoState {
  y: Float64Array;
  c: Float64Array;
  alpha: Float64Array;
  grad: Float64Array;
}

const inUp = (s: SmoState, t: number) => (s.y[t]! > 0 ? s.alpha[t]! < s.c[t]! : s.alpha[t]! > 0);
const inLow = (s: SmoState, t: number) => (s.y[t]! > 0 ? s.alpha[t]! > 0 : s.alpha[t]! < s.c[t]!);

/** WSS 2: i maximises -y G over I_up; j minimises -b^2 / a over I_low. Undefined at optimality. */
function selectPair(
  s: SmoState,
  kernel: KernelRows,
  tolerance: number,
): [number, number] | undefined {
  let gmax = -Infinity;
  let i = -1;
  for (let t = 0; t < s.y.length; t += 1) {
    const v = -s.y[t]! * s.grad[t]!;
    if (v > gmax && inUp(s, t)) {
      gmax = v;
      i = t;
    }
  }
  if (i < 0) return undefined;
  const ki = kernel.get(i);
  let gmin = Infinity;
  let best = Infinity;
  let j = -1;
  for (let t = 0; t < s.y.length; t += 1) {
    if (!inLow(s, t)) continue;
    const v = -s.y[t]! * s.grad[t]!;
    gmin = Math.min(gmin, v);
    const b = gmax - v;
    if (b <= 0) continue;
    const a = Math.max(2 - 2 * ki[t]!, 1e-12); // K_ii = K_tt = 1 for the RBF kernel
    if (-(b * b) / a < best) {
      best = -(b * b) / a;
      j = t;
    }
  }
  return gmax - gmin < tolerance || j < 0 ? undefined : [i, j];
}

/** Move along the feasible direction (alpha_i += y_i t, alpha_j -= y_j t), clipped to the box. */
function updatePair(s: SmoState, kernel: KernelRows, i: number, j: number): void {
  const ki = kernel.get(i);
  const kj = kernel.get(j);
  const b = -s.y[i]! * s.grad[i]! + s.y[j]! * s.grad[j]!;
  const a = Math.max(2 - 2 * ki[j]!, 1e-12);
  const roomI = s.y[i]! > 0 ? s.c[i]! - s.alpha[i]! : s.alpha[i]!;
  const roomJ = s.y[j]! > 0 ? s.alpha[j]! : s.c[j]! - s.alpha[j]!;
  const t = Math.min(b / a, roomI, roomJ);
  s.alpha[i]! += s.y[i]! * t;
  s.alpha[j]! -= s.y[j]! * t;
  for (let k = 0; k < s.y.length; k += 1) s.grad[k]! += s.y[k]! * t * (ki[k]! - kj[k]!);
}

/** libsvm's calculate_rho: mean y G over free vectors, else the midpoint of the bounds. */
function rho(s: SmoState): number {
  let [ub, lb, sum, free] = [Infinity, -Infinity, 0, 0];
  for (let t = 0; t < s.y.length; t += 1) {
    const yg = s.y[t]! * s.grad[t]!;
    const atUpper = s.alpha[t]! >= s.c[t]!;
    const atLower = s.alpha[t]! <= 0;
    // At a bound, y G bounds rho from one side (which side depends on y and the bound).
    const bounded = atUpper || atLower;
    const upperSide = (atUpper && s.y[t]! < 0) || (atLower && s.y[t]! > 0);
    if (bounded && upperSide) ub = Math.min(ub, yg);
    else if (bounded) lb = Math.max(lb, yg);
    else {
      sum += yg;
      free += 1;
    }
  }
  return free > 0 ? sum / free : (ub + lb) / 2;
}

/** Fit the kernel machine: support vectors (rows with alpha > 0), alpha_i y_i and intercept. */
export function fitKernelMachine(
  data: LabelledMatrix,
  options: RbfSvmOptions = {},
): Omit<RbfSvmParams, 'platt'> & { iterations: number } {
  const { c = 1, classWeight = 'balanced', tolerance = 1e-3, cacheBytes = 100e6 } = options;
  const { x } = data;
  const gamma =
    options.gamma === undefined || options.gamma === 'scale' ? scaleGamma(x) : options.gamma;
  const [w0, w1] = classWeight === 'balanced' ? balancedWeights(data.y) : [1, 1];
  const s: SmoState = {
    y: Float64Array.from(data.y, (v) => (v ? 1 : -1)),
    c: Float64Array.from(data.y, (v) => c * (v ? w1 : w0)),
    alpha: new Float64Array(x.rows),
    grad: new Float64Array(x.rows).fill(-1),
  };
  const kernel = new KernelRows(x, gamma, cacheBytes);
  const maxIterations = Math.max(10_000_000, 100 * x.rows);
  let iterations = 0;
  for (; iterations < maxIterations; iterations += 1) {
    const pair = selectPair(s, kernel, tolerance);
    if (!pair) break;
    updatePair(s, kernel, pair[0], pair[1]);
  }
  const supportVectors: number[][] = [];
  const dualCoef: number[] = [];
  s.alpha.forEach((a, t) => {
    if (a <= 0) return;
    supportVectors.push(Array.from(x.data.subarray(t * x.cols, (t + 1) * x.cols)));
    dualCoef.push(a * s.y[t]!);
  });
  return { gamma, supportVectors, dualCoef, intercept: -rho(s), iterations };
}

/** Decision values f(x) = sum_i dualCoef_i K(sv_i, x) + intercept for each row of x. */
export function kernelDecision(model: Omit<RbfSvmParams, 'platt'>): (x: Matrix) => Float64Array {
  return (x) =>
    Float64Array.from({ length: x.rows }, (_v, r) => {
      let f = model.intercept;
      model.supportVectors.forEach((sv, i) => {
        let d2 = 0;
        for (let j = 0; j < x.cols; j += 1) d2 += (x.data[r * x.cols + j]! - sv[j]!) ** 2;
        f += model.dualCoef[i]! * Math.exp(-model.gamma * d2);
      });
      return f;
    });
}

/** Fit a Platt-calibrated RBF SVM on standardised features. */
export function fitRbfSvm(
  data: LabelledMatrix,
  rng: Rng,
  options: RbfSvmOptions = {},
): RbfSvmParams {
  const train = (part: LabelledMatrix) => kernelDecision(fitKernelMachine(part, options));
  const platt = crossValidatedPlatt(data, train, options.calibrationFolds ?? 5, rng);
  const { iterations: _iterations, ...machine } = fitKernelMachine(data, options);
  return { ...machine, platt };
}
