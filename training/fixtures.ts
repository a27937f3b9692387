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
