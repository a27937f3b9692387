// One error hierarchy for the product. Every error is named, carries a cause, and knows how it
// maps to an HTTP problem (RFC 9457) and whether a retry could help. Messages never carry PHI.

export interface ErrorOptions {
  cause?: unknown;
}

export abstract class CaregraphError extends Error {
  /** HTTP status when this error reaches the API edge. */
  abstract readonly status: number;
  /** Stable problem type slug, used in the RFC 9457 `type` URI. */
  abstract readonly type: string;
  /** True when the same request may succeed later (throttling, a server fault). */
  readonly retryable: boolean = false;

  constructor(message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}

/** Input that can never succeed as given: a bad record, flag, body or file. */
export class ValidationError extends CaregraphError {
  readonly status = 400;
  readonly type = 'validation';
  constructor(
    message: string,
    /** Where the problem is: a JSON path (`subject.reference`), flag or field name. */
    readonly path?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class NotFoundError extends CaregraphError {
  readonly status = 404;
  readonly type = 'not-found';
}

export class UnauthorizedError extends CaregraphError {
  readonly status = 401;
  readonly type = 'unauthorized';
}

export class ForbiddenError extends CaregraphError {
  readonly status = 403;
  readonly type = 'forbidden';
}

export class ConflictError extends CaregraphError {
  readonly status = 409;
  readonly type = 'conflict';
}

/** A stored object is no longer the version a caller was told about (S3 GetObject If-Match). */
export class ObjectChangedError extends ConflictError {}

/** A request body or upload larger than the route accepts. */
export class PayloadTooLargeError extends CaregraphError {
  readonly status = 413;
  readonly type = 'payload-too-large';
}

/** A request body in a media type the route does not accept. */
export class UnsupportedMediaTypeError extends CaregraphError {
  readonly status = 415;
  readonly type = 'unsupported-media-type';
}

export class ConfigurationError extends CaregraphError {
  readonly status = 500;
  readonly type = 'configuration';
}

/** A dependency failed (S3, DynamoDB, Neptune, SageMaker); retrying may succeed. */
export class DependencyError extends CaregraphError {
  readonly status = 503;
  readonly type = 'dependency-unavailable';
  override readonly retryable = true;
}

/**
 * A prediction model trained under another feature spec than the one the API builds features
 * under (a deploy changed featureSpecVersion): it cannot answer until a model of the current spec
 * is trained and promoted, so retrying later succeeds. Unlike other server-side errors its message
 * reaches callers (problem.ts), so it names only the model and the two spec versions: no patient
 * data, endpoint, host or bucket.
 */
export class ModelAwaitingRetrainingError extends CaregraphError {
  readonly status = 503;
  readonly type = 'model-awaiting-retraining';
  override readonly retryable = true;
}

/** Anything else: a bug. Reported as 500 without internal detail. */
export class InternalError extends CaregraphError {
  readonly status = 500;
  readonly type = 'internal';
}

/** Normalise anything thrown into a CaregraphError, keeping the original as the cause. */
export function asCaregraphError(error: unknown): CaregraphError {
  if (error instanceof CaregraphError) return error;
  if (isAwsThrottleOrFault(error))
    return new DependencyError('a dependency is unavailable', { cause: error });
  return new InternalError('internal error', { cause: error });
}

function isAwsThrottleOrFault(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { $fault?: string; $retryable?: unknown; name?: string; code?: string };
  // Node network failures carry their kind in `code` (ECONNREFUSED...), not in `name`.
  if (
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|UND_ERR_SOCKET)$/.test(
      e.code ?? '',
    )
  )
    return true;
  return (
    e.$fault === 'server' ||
    e.$retryable !== undefined ||
    /Throttl|ServiceUnavailable|TooManyRequests|ProvisionedThroughputExceeded|ECONNREFUSED|ECONNRESET/.test(
      e.name ?? '',
    )
  );
}
