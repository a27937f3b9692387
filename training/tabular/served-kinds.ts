// Training/serving boundary (tabular kinds): the model.json fields and the plain-TypeScript scoring
// of every classical kind — Gaussian naive Bayes, linear and RBF SVMs with Platt scaling, and the
// MLP's forward pass — so the model server needs no tfjs. model-format.ts composes these with the
// format header. Inputs here are already standardised; outputs are on the log-odds scale.
import { z } from 'zod';

/** Log-odds of the positive class and per-feature contributions to it, for standardised input. */
export interface Scorer {
  logit(x: ArrayLike<number>): number;
  /** Additive log-odds terms (linear, GNB) or gradient x input (RBF SVM, MLP), one per feature. */
  contributions(x: ArrayLike<number>): Float64Array;
}

export interface SizeIssue {
  path: PropertyKey[];
  message: string;
}

/** A servable kind: its fields (added to the header schema), size checks and scorer factory. */
export interface TabularKind<T> {
  fields: z.ZodRawShape;
  sizes(model: T, features: number): SizeIssue[];
  scorer(model: T): Scorer;
}

/** Platt scaling (Platt 1999; Lin, Lin & Weng 2007): P(y = 1 | f) = 1 / (1 + exp(a * f + b)). */
export const plattSchema = z.object({ a: z.number(), b: z.number() });
export type Platt = z.infer<typeof plattSchema>;

const expect = (path: PropertyKey[], n: number, actual: number, what: string): SizeIssue[] =>
  actual === n ? [] : [{ path, message: `expected ${n} values, one per ${what}` }];

export interface LinearParams {
  coefficients: number[];
  intercept: number;
}

/** Logistic regression on standardised features: log-odds = intercept + sum coefficients * x. */
export function linearScorer(model: LinearParams, scale = 1, shift = 0): Scorer {
  const w = Float64Array.from(model.coefficients);
  return {
    logit(x) {
      let f = model.intercept;
      for (let j = 0; j < w.length; j += 1) f += w[j]! * x[j]!;
      return scale * f + shift;
    },
    contributions: (x) => Float64Array.from(w, (wj, j) => scale * wj * x[j]!),
  };
}

export interface GnbParams {
  classPrior: number[];
  theta: number[][];
  variance: number[][];
}

export const gnbKind: TabularKind<GnbParams> = {
  fields: {
    classPrior: z.array(z.number().gt(0).lt(1)).length(2),
    theta: z.array(z.array(z.number())).length(2),
    variance: z.array(z.array(z.number().positive())).length(2),
  },
  sizes: (m, n) =>
    [0, 1].flatMap((c) => [
      ...expect(['theta', c], n, m.theta[c]?.length ?? 0, 'feature'),
      ...expect(['variance', c], n, m.variance[c]?.length ?? 0, 'feature'),
    ]),
  /** Log-odds = log(prior1/prior0) + sum_j [log N(x_j; theta1, var1) - log N(x_j; theta0, var0)]. */
  scorer(m) {
    const [t0, t1] = [Float64Array.from(m.theta[0]!), Float64Array.from(m.theta[1]!)];
    const [v0, v1] = [Float64Array.from(m.variance[0]!), Float64Array.from(m.variance[1]!)];
    const logVarRatio = v0.map((v, j) => -0.5 * Math.log(v1[j]! / v));
    const prior = Math.log(m.classPrior[1]! / m.classPrior[0]!);
    const term = (x: ArrayLike<number>, j: number) =>
      logVarRatio[j]! -
      (0.5 * (x[j]! - t1[j]!) ** 2) / v1[j]! +
      (0.5 * (x[j]! - t0[j]!) ** 2) / v0[j]!;
    return {
      logit(x) {
        let f = prior;
        for (let j = 0; j < t0.length; j += 1) f += term(x, j);
        return f;
      },
      contributions: (x) => Float64Array.from(t0, (_t, j) => term(x, j)),
    };
  },
};

export interface LinearSvmParams extends LinearParams {
  platt: Platt;
}

export const linearSvmKind: TabularKind<LinearSvmParams> = {
  fields: { coefficients: z.array(z.number()), intercept: z.number(), platt: plattSchema },
  sizes: (m, n) => expect(['coefficients'], n, m.coefficients.length, 'feature'),
  scorer: (m) => linearScorer(m, -m.platt.a, -m.platt.b),
};

export interface RbfSvmParams {
  gamma: number;
  supportVectors: number[][];
  /** alpha_i * y_i (y in {-1, +1}) for each support vector. */
  dualCoef: number[];
  intercept: number;
  platt: Platt;
}

export const rbfSvmKind: TabularKind<RbfSvmParams> = {
  fields: {
    gamma: z.number().positive(),
    supportVectors: z.array(z.array(z.number())).min(1),
    dualCoef: z.array(z.number()),
    intercept: z.number(),
    platt: plattSchema,
  },
  sizes: (m, n) => [
    ...expect(['dualCoef'], m.supportVectors.length, m.dualCoef.length, 'support vector'),
    ...m.supportVectors.flatMap((sv, i) => expect(['supportVectors', i], n, sv.length, 'feature')),
  ],
  scorer: rbfScorer,
};

/** f(x) = intercept + sum_i dualCoef_i exp(-gamma |x - sv_i|^2); log-odds = -(a f + b). */
function rbfScorer(m: RbfSvmParams): Scorer {
  const d = m.supportVectors[0]?.length ?? 0;
  const sv = new Float64Array(m.supportVectors.length * d);
  m.supportVectors.forEach((v, i) => sv.set(v, i * d));
  const coef = Float64Array.from(m.dualCoef);
  const gamma = m.gamma;
  const { a, b } = m.platt;
  const kernel = (x: ArrayLike<number>, i: number) => {
    let s = 0;
    for (let j = 0, k = i * d; j < d; j += 1, k += 1) {
      const diff = x[j]! - sv[k]!;
      s += diff * diff;
    }
    return Math.exp(-gamma * s);
  };
  return {
    logit(x) {
      // Hot loop of RBF serving: flat arrays and locals only.
      let f = m.intercept;
      for (let i = 0, base = 0; i < coef.length; i += 1, base += d) {
        let s = 0;
        for (let j = 0; j < d; j += 1) {
          const diff = x[j]! - sv[base + j]!;
          s += diff * diff;
        }
        f += coef[i]! * Math.exp(-gamma * s);
      }
      return -(a * f + b);
    },
    contributions(x) {
      // d logit / dx_j = -a * sum_i coef_i K_i (-2 gamma)(x_j - sv_ij); attribution = x_j * that.
      const grad = new Float64Array(d);
      for (let i = 0; i < coef.length; i += 1) {
        const k = coef[i]! * kernel(x, i) * -2 * m.gamma;
        for (let j = 0; j < d; j += 1) grad[j]! += k * (x[j]! - sv[i * d + j]!);
      }
      return grad.map((g, j) => -m.platt.a * g * x[j]!);
    },
  };
}

export { mlpKind, type MlpParams } from './mlp-forward';
