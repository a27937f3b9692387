// Training (tabular): L2-penalised logistic regression solved by Newton's method (IRLS) with a
// backtracking line search, to convergence. Objective as scikit-learn's LogisticRegression
// (lbfgs, penalty "l2"): C * sum_i w_i * logloss_i + 0.5 * |beta|^2, intercept not penalised,
// w_i from class_weight ("balanced": n / (2 n_class)).
import { ValidationError } from '../../shared/domain/errors';
import { choleskySolve, softplus } from './linalg';
import { balancedWeights, type LabelledMatrix } from './matrix';
import type { LinearParams } from './served-kinds';

export interface LogisticRegressionOptions {
  /** Inverse regularisation strength (scikit-learn's C); default 1. */
  c?: number;
  /** "balanced" weighs each class by n / (2 n_class); default "balanced". */
  classWeight?: 'balanced' | 'none';
  /** Stop when the largest gradient component is below this; default 1e-8. */
  tolerance?: number;
  maxIterations?: number;
}

interface Problem {
  data: LabelledMatrix;
  weights: Float64Array;
  lambda: number;
}

/** Objective value at theta = [intercept, beta...]. */
function objective(p: Problem, theta: Float64Array): number {
  const { x, y } = p.data;
  let loss = 0;
  for (let i = 0; i < x.rows; i += 1) {
    let z = theta[0]!;
    for (let j = 0; j < x.cols; j += 1) z += theta[j + 1]! * x.data[i * x.cols + j]!;
    loss += p.weights[i]! * (softplus(z) - y[i]! * z);
  }
  let penalty = 0;
  for (let j = 1; j < theta.length; j += 1) penalty += theta[j]! ** 2;
  return loss + 0.5 * p.lambda * penalty;
}

/** Gradient and Hessian (row-major, (d+1) x (d+1)) at theta. */
function derivatives(p: Problem, theta: Float64Array): { g: Float64Array; h: Float64Array } {
  const { x, y } = p.data;
  const n = theta.length;
  const g = new Float64Array(n);
  const h = new Float64Array(n * n);
  const xi = new Float64Array(n);
  xi[0] = 1;
  for (let i = 0; i < x.rows; i += 1) {
    xi.set(x.data.subarray(i * x.cols, (i + 1) * x.cols), 1);
    let z = 0;
    for (let j = 0; j < n; j += 1) z += theta[j]! * xi[j]!;
    const prob = 1 / (1 + Math.exp(-z));
    const r = p.weights[i]! * (prob - y[i]!);
    const s = p.weights[i]! * prob * (1 - prob);
    for (let j = 0; j < n; j += 1) {
      g[j]! += r * xi[j]!;
      const sj = s * xi[j]!;
      if (sj === 0) continue;
      for (let k = 0; k <= j; k += 1) h[j * n + k]! += sj * xi[k]!;
    }
  }
  for (let j = 0; j < n; j += 1) {
    for (let k = 0; k < j; k += 1) h[k * n + j] = h[j * n + k]!;
    if (j > 0) {
      g[j]! += p.lambda * theta[j]!;
      h[j * n + j]! += p.lambda;
    }
  }
  // The intercept is unpenalised; a tiny ridge keeps the solve defined when a class is separable.
  h[0]! += 1e-12;
  return { g, h };
}

/**
 * Fit L2 logistic regression on (standardised) features. Returns coefficients and intercept
 * (log-odds scale). Throws ValidationError if Newton's method fails to converge.
 */
export function fitLogisticRegression(
  data: LabelledMatrix,
  options: LogisticRegressionOptions = {},
): LinearParams & { iterations: number } {
  const { c = 1, classWeight = 'balanced', tolerance = 1e-8, maxIterations = 100 } = options;
  const [w0, w1] = classWeight === 'balanced' ? balancedWeights(data.y) : [1, 1];
  const weights = Float64Array.from(data.y, (v) => (v ? w1 : w0));
  const problem: Problem = { data, weights, lambda: 1 / c };
  const theta = new Float64Array(data.x.cols + 1);
  let value = objective(problem, theta);
  for (let iteration = 1; iteration <= maxIterations; iteration += 1) {
    const { g, h } = derivatives(problem, theta);
    const gmax = g.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    if (gmax < tolerance * Math.max(1, data.x.rows)) return result(theta, iteration);
    const step = choleskySolve(h, g, theta.length);
    if (!step) break;
    let t = 1;
    let next = theta.map((v, j) => v - t * step[j]!);
    let nextValue = objective(problem, next);
    const decrease = g.reduce((s, v, j) => s + v * step[j]!, 0);
    while (nextValue > value - 1e-4 * t * decrease && t > 1e-10) {
      t /= 2;
      next = theta.map((v, j) => v - t * step[j]!);
      nextValue = objective(problem, next);
    }
    if (t <= 1e-10) return result(theta, iteration); // no further decrease: at the optimum to precision
    theta.set(next);
    value = nextValue;
  }
  throw new ValidationError(
    `logistic regression did not converge in ${maxIterations} Newton iterations`,
    'model',
  );
}

function result(theta: Float64Array, iterations: number): LinearParams & { iterations: number } {
  return { intercept: theta[0]!, coefficients: Array.from(theta.subarray(1)), iterations };
}
