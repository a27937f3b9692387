// Test fixture (training): a logistic-regression model whose numbers are exact in binary floating point,
// so expected probabilities are exact. Shared by the model-format, serve and predictor tests.
export const riskModel = {
  format: 'caregraph-model/1',
  kind: 'logistic-regression',
  name: 'cvd-risk',
  version: '1.0.0',
  features: ['age', 'sbp'],
  standardization: { mean: [50, 120], std: [10, 20] },
  coefficients: [0.75, 0.5],
  intercept: -1,
  threshold: 0.5,
  createdAt: '2025-01-15T10:00:00Z',
};

/**
 * The same kind with a saved encoding of raw columns (as `caregraph train tabular` writes it), so it
 * accepts `records`: age (numeric, median 60, with a missingness indicator) and sex (one-hot with
 * an unknown bucket). For { age: 70, sex: 'male' }: z = -1 + 0.75 * (70 - 50) / 10 + 0.25 = 0.75.
 */
export const encodedRiskModel = {
  format: 'caregraph-model/1',
  kind: 'logistic-regression',
  name: 'cvd-encoded',
  version: '1.1.0',
  features: ['age', 'age:missing', 'sex=female', 'sex=male', 'sex=(unknown)'],
  encoding: {
    missing: ['', 'NA', '?'],
    columns: [
      { name: 'age', type: 'numeric', median: 60, indicator: true },
      {
        name: 'sex',
        type: 'categorical',
        levels: ['female', 'male'],
        mode: 'female',
        indicator: false,
      },
    ],
  },
  standardization: { mean: [50, 0, 0, 0, 0], std: [10, 1, 1, 1, 1] },
  coefficients: [0.75, 0.5, 0, 0.25, 0],
  intercept: -1,
  threshold: 0.5,
  createdAt: '2025-01-15T10:00:00Z',
};
