import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  DependencyError,
  ForbiddenError,
  InternalError,
  ModelAwaitingRetrainingError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from './errors';
import { problemTypeBase, shouldRetry, toProblem, toQuarantineEntry } from './problem';

const throttling = { name: 'ThrottlingException', message: 'Rate exceeded', $retryable: {} };

describe('Function: toProblem', () => {
  it('maps a ValidationError to a 400 problem with its detail, instance and path', () => {
    // Act
    const problem = toProblem(
      new ValidationError('limit must be at most 200', 'limit'),
      '/patients?limit=500',
    );

    // Assess
    expect(problem).toEqual({
      type: `${problemTypeBase}validation`,
      title: 'Bad Request',
      status: 400,
      detail: 'limit must be at most 200',
      instance: '/patients?limit=500',
      path: 'limit',
    });
  });

  it.each([
    [
      'UnauthorizedError',
      new UnauthorizedError('a bearer token is required'),
      401,
      'Unauthorized',
      'unauthorized',
    ],
    ['ForbiddenError', new ForbiddenError('not your hospital'), 403, 'Forbidden', 'forbidden'],
    ['NotFoundError', new NotFoundError('no such patient'), 404, 'Not Found', 'not-found'],
    ['ConflictError', new ConflictError('already exists'), 409, 'Conflict', 'conflict'],
  ])(
    'maps a %s to status %i (%s) with its message as detail',
    (_name, error, status, title, type) => {
      // Act
      const problem = toProblem(error);

      // Assess
      expect(problem).toEqual({
        type: problemTypeBase + type,
        title,
        status,
        detail: error.message,
      });
    },
  );

  it('hides the detail of an unexpected error and of an InternalError', () => {
    // Prepare
    const leaky = new Error('ConditionalCheckFailed on P#riverside#pat-001 for Ada Okafor');

    // Act
    const fromPlain = toProblem(leaky, '/patients/pat-001');
    const fromInternal = toProblem(
      new InternalError('table scan of caregraph-prod-serving failed'),
    );

    // Assess
    expect(fromPlain).toEqual({
      type: `${problemTypeBase}internal`,
      title: 'Internal Server Error',
      status: 500,
      detail: 'An internal error occurred.',
      instance: '/patients/pat-001',
    });
    expect(fromInternal.detail).toBe('An internal error occurred.');
    expect(JSON.stringify(fromPlain)).not.toContain('Okafor');
  });

  it('maps an AWS-like throttling error to a 503 problem with a generic detail', () => {
    // Act
    const problem = toProblem(throttling);

    // Assess
    expect(problem).toEqual({
      type: `${problemTypeBase}dependency-unavailable`,
      title: 'Service Unavailable',
      status: 503,
      detail: 'A service caregraph depends on is temporarily unavailable; retry later.',
    });
  });

  it('maps a ModelAwaitingRetrainingError to a 503 problem whose detail names the model and specs', () => {
    // Act
    const problem = toProblem(
      new ModelAwaitingRetrainingError('prediction model cvd-risk is awaiting retraining'),
      '/patients/{id}/predictions',
    );

    // Assess: unlike other 5xx, its (PHI-free) message is the detail, and a retry may succeed
    expect(problem).toEqual({
      type: `${problemTypeBase}model-awaiting-retraining`,
      title: 'Service Unavailable',
      status: 503,
      detail: 'prediction model cvd-risk is awaiting retraining',
      instance: '/patients/{id}/predictions',
    });
    expect(shouldRetry(new ModelAwaitingRetrainingError('x'))).toBe(true);
  });

  it('leaves out path when the ValidationError has none', () => {
    // Act
    const problem = toProblem(new ValidationError('body is not JSON'));

    // Assess
    expect(problem).not.toHaveProperty('path');
    expect(problem).not.toHaveProperty('instance');
  });
});

describe('Function: toQuarantineEntry', () => {
  it('records file, line, path and reason of a ValidationError', () => {
    // Act
    const entry = toQuarantineEntry(
      'Observation.ndjson',
      12,
      new ValidationError('Observation.status: must be one of final', 'status'),
    );

    // Assess
    expect(entry).toEqual({
      file: 'Observation.ndjson',
      line: 12,
      path: 'status',
      reason: 'Observation.status: must be one of final',
    });
  });

  it('replaces the message of an unexpected error with a generic reason', () => {
    // Act
    const entry = toQuarantineEntry(
      'Patient.ndjson',
      3,
      new TypeError("Cannot read properties of undefined (reading 'Okafor')"),
    );

    // Assess
    expect(entry).toEqual({
      file: 'Patient.ndjson',
      line: 3,
      reason: 'internal error while processing the record',
    });
  });

  it('keeps the reason of a dependency failure', () => {
    // Act
    const entry = toQuarantineEntry('Patient.ndjson', 0, throttling);

    // Assess
    expect(entry).toEqual({
      file: 'Patient.ndjson',
      line: 0,
      reason: 'a dependency is unavailable',
    });
  });
});

describe('Function: shouldRetry', () => {
  it.each([
    ['an AWS-like throttling error', throttling, true],
    ['a DependencyError', new DependencyError('graph endpoint unreachable'), true],
    ['a server fault', { name: 'InternalFailure', $fault: 'server' }, true],
    ['a ValidationError (bad input never succeeds)', new ValidationError('not valid JSON'), false],
    ['a NotFoundError', new NotFoundError('no such object'), false],
    ['an unexpected Error', new Error('bug'), false],
    ['undefined', undefined, false],
  ])('for %s is %s', (_case, error, expected) => {
    // Act
    const retry = shouldRetry(error);

    // Assess
    expect(retry).toBe(expected);
  });
});
