// Port: online inference (SageMaker InvokeEndpoint contract; the project's serve.ts locally).
export interface PredictionRequest {
  endpoint: string;
  /** Body sent as application/json. */
  body: unknown;
}

export interface Predictor {
  invoke<T = unknown>(request: PredictionRequest): Promise<T>;
}
