import { describe, expect, it } from 'vitest';
import {
  asCaregraphError,
  ConfigurationError,
  ConflictError,
  DependencyError,
  ForbiddenError,
  InternalError,
  ModelAwaitingRetrainingError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from './errors';

describe('Class: CaregraphError subclasses', () => {
  it.each([
    [
      'ValidationError',
      (cause: unknown) => new ValidationError('bad', 'field', { cause }),
      400,
      'validation',
      false,
    ],
    [
      'NotFoundError',
      (cause: unknown) => new NotFoundError('missing', { cause }),
      404,
      'not-found',
      false,
    ],
    [
      'UnauthorizedError',
      (cause: unknown) => new UnauthorizedError('no token', { cause }),
      401,
      'unauthorized',
      false,
    ],
    [
      'ForbiddenError',
      (cause: unknown) => new ForbiddenError('not yours', { cause }),
      403,
      'forbidden',
      false,
    ],
    [
      'ConflictError',
      (cause: unknown) => new ConflictError('exists', { cause }),
      409,
      'conflict',
      false,
    ],
    [
      'ConfigurationError',
      (cause: unknown) => new ConfigurationError('unset', { cause }),
      500,
      'configuration',
      false,
    ],
    [
      'DependencyError',
      (cause: unknown) => new DependencyError('down', { cause }),
      503,
      'dependency-unavailable',
      true,
    ],
    [
      'ModelAwaitingRetrainingError',
      (cause: unknown) => new ModelAwaitingRetrainingError('retrain', { cause }),
      503,
      'model-awaiting-retraining',
      true,
    ],
    [
      'InternalError',
      (cause: unknown) => new InternalError('bug', { cause }),
      500,
      'internal',
      false,
    ],
  ] as const)(
    '%s sets its name, keeps its cause and knows its status, type and retryability',
    (name, make, status, type, retryable) => {
      // Prepare
      const cause = new Error('root cause');

      // Act
      const error = make(cause);

      // Assess
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(name);
      expect(error.cause).toBe(cause);
      expect(error.status).toBe(status);
      expect(error.type).toBe(type);
      expect(error.retryable).toBe(retryable);
      expect(String(error.stack)).toContain(name);
    },
  );

  it('has no cause property when none is given', () => {
    // Act
    const error = new NotFoundError('missing');

    // Assess
    expect('cause' in error).toBe(false);
  });

  it('keeps the path of a ValidationError', () => {
    // Act
    const error = new ValidationError('must be a FHIR id', 'subject.reference');

    // Assess
    expect(error.path).toBe('subject.reference');
    expect(error.message).toBe('must be a FHIR id');
  });
});

describe('Function: asCaregraphError', () => {
  it('returns a CaregraphError unchanged', () => {
    // Prepare
    const error = new ForbiddenError('not yours');

    // Act
    const result = asCaregraphError(error);

    // Assess
    expect(result).toBe(error);
  });

  it.each([
    [
      'an AWS SDK throttling error',
      Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottlingException',
        $retryable: { throttling: true },
      }),
    ],
    [
      'an AWS SDK server fault',
      Object.assign(new Error('We encountered an internal error'), {
        name: 'InternalServerError',
        $fault: 'server',
      }),
    ],
    [
      'a DynamoDB throughput error',
      Object.assign(new Error('exceeded'), { name: 'ProvisionedThroughputExceededException' }),
    ],
    [
      'a 503 from a service',
      Object.assign(new Error('unavailable'), { name: 'ServiceUnavailable' }),
    ],
  ])('turns %s into a retryable DependencyError that keeps it as the cause', (_case, error) => {
    // Act
    const result = asCaregraphError(error);

    // Assess
    expect(result).toBeInstanceOf(DependencyError);
    expect(result.retryable).toBe(true);
    expect(result.cause).toBe(error);
  });

  it.each([
    ['a plain Error', new Error('boom')],
    ['a thrown string', 'boom'],
    [
      'an AWS client fault that will not go away',
      Object.assign(new Error('Requested resource not found'), {
        name: 'ResourceNotFoundException',
        $fault: 'client',
      }),
    ],
  ])('turns %s into a non-retryable InternalError that keeps it as the cause', (_case, error) => {
    // Act
    const result = asCaregraphError(error);

    // Assess
    expect(result).toBeInstanceOf(InternalError);
    expect(result.retryable).toBe(false);
    expect(result.cause).toBe(error);
  });
});
