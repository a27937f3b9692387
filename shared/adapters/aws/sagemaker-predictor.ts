// Secondary adapter: the Predictor port over SageMaker Runtime InvokeEndpoint. The same class
// serves AWS (client with default config) and the embedded stack (client pointed at serve.ts),
// and maps SageMaker's errors onto the product's error hierarchy.
import {
  InvokeEndpointCommand,
  type SageMakerRuntimeClient,
} from '@aws-sdk/client-sagemaker-runtime';
import type { PredictionRequest, Predictor } from '../../ports/predictor';
import {
  asCaregraphError,
  CaregraphError,
  DependencyError,
  InternalError,
  NotFoundError,
  ValidationError,
} from '../../domain/errors';

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
  OriginalStatusCode?: number;
  OriginalMessage?: string;
}

const retryableNames =
  /Throttl|TooManyRequests|ServiceUnavailable|InternalFailure|InternalDependencyException|ModelNotReady|TimeoutError|RequestTimeout/;
const networkCodes = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH)$/;

/** The container's own error body (`{ message, path }` from serve.ts), when it is JSON. */
function containerProblem(original: string | undefined): { message?: string; path?: string } {
  if (!original) return {};
  try {
    const parsed = JSON.parse(original) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { message, path } = parsed as Record<string, unknown>;
    return {
      ...(typeof message === 'string' ? { message } : {}),
      ...(typeof path === 'string' ? { path } : {}),
    };
  } catch {
    return {};
  }
}

/** A model container answered non-2xx: SageMaker reports it as ModelError with the original status. */
function fromModelError(e: SdkErrorShape, endpoint: string, cause: unknown): CaregraphError {
  const status = e.OriginalStatusCode ?? 0;
  const problem = containerProblem(e.OriginalMessage);
  const message = `endpoint ${endpoint}: ${problem.message ?? `model answered ${status}`}`;
  if (status === 404) return new NotFoundError(message, { cause });
  if (status === 429 || status >= 500 || status === 0)
    return new DependencyError(message, { cause });
  return new ValidationError(message, problem.path, { cause });
}

/**
 * Map an InvokeEndpoint failure: bad input (ValidationError, ModelError 4xx) to ValidationError,
 * an unknown endpoint to NotFoundError, throttling, faults and network failures to the retryable
 * DependencyError; anything else (credentials, bugs) through the hierarchy's default.
 */
export function mapSageMakerError(error: unknown, endpoint: string): CaregraphError {
  if (error instanceof CaregraphError) return error;
  if (typeof error !== 'object' || error === null) return asCaregraphError(error);
  const e = error as SdkErrorShape;
  const name = e.name ?? '';
  if (name === 'ModelError') return fromModelError(e, endpoint, error);
  if (name === 'ValidationError') {
    if (/not found/i.test(e.message ?? '')) {
      return new NotFoundError(`endpoint ${endpoint} not found`, { cause: error });
    }
    return new ValidationError(
      `endpoint ${endpoint}: ${e.message ?? 'invalid request'}`,
      undefined,
      { cause: error },
    );
  }
  const status = e.$metadata?.httpStatusCode ?? 0;
  const retryable =
    retryableNames.test(name) ||
    networkCodes.test(e.code ?? '') ||
    e.$fault === 'server' ||
    status === 429 ||
    status >= 500;
  if (retryable)
    return new DependencyError(`endpoint ${endpoint} is unavailable (${name || e.code})`, {
      cause: error,
    });
  return asCaregraphError(error);
}

/** Predictor port over SageMaker Runtime: JSON in, JSON out. */
export class SageMakerPredictor implements Predictor {
  constructor(private readonly client: SageMakerRuntimeClient) {}

  async invoke<T = unknown>({ endpoint, body }: PredictionRequest): Promise<T> {
    const command = new InvokeEndpointCommand({
      EndpointName: endpoint,
      ContentType: 'application/json',
      Accept: 'application/json',
      Body: new TextEncoder().encode(JSON.stringify(body)),
    });
    let output;
    try {
      output = await this.client.send(command);
    } catch (error) {
      throw mapSageMakerError(error, endpoint);
    }
    const text = new TextDecoder().decode(output.Body ?? new Uint8Array());
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      // A model that answers 200 with non-JSON is a defect in the model, not a transient fault.
      throw new InternalError(`endpoint ${endpoint} returned a body that is not JSON`, {
        cause: error,
      });
    }
  }
}
