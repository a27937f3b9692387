import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnauthorizedError, ValidationError } from '../../shared/domain/errors';
import { callerOf, pageParams, problem, type ApiEvent } from './http';

/** The real API Gateway HTTP API (payload 2.0) event after the Cognito JWT authorizer, from events/. */
function sampleEvent(): ApiEvent {
  return JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', '..', 'events', 'apigw-v2-get-patient.json'),
      'utf8',
    ),
  ) as ApiEvent;
}

function withClaims(claims: Record<string, string> | undefined): ApiEvent {
  const event = sampleEvent();
  if (claims === undefined) {
    delete (event.requestContext as { authorizer?: unknown }).authorizer;
  } else {
    event.requestContext.authorizer.jwt.claims = claims;
  }
  return event;
}

function withQuery(query: Record<string, string> | undefined): ApiEvent {
  const event = sampleEvent();
  event.queryStringParameters = query;
  return event;
}

describe('Function: callerOf', () => {
  it('reads subject, hospital and role from the JWT claims', () => {
    // Act
    const caller = callerOf(sampleEvent());

    // Assess
    expect(caller).toEqual({
      subject: '5f2b6c1e-8d3a-4b7e-9c0d-1a2b3c4d5e6f',
      hospital: 'riverside',
      role: 'clinician',
    });
  });

  it('includes the patient of a patient token', () => {
    // Prepare
    const event = withClaims({
      sub: 'u-1',
      'custom:hospital': 'riverside',
      'custom:role': 'patient',
      'custom:patient': 'pat-001',
    });

    // Act
    const caller = callerOf(event);

    // Assess
    expect(caller).toEqual({
      subject: 'u-1',
      hospital: 'riverside',
      role: 'patient',
      patient: 'pat-001',
    });
  });

  it.each([
    ['no authorizer at all', undefined],
    ['no claims', {}],
    ['no role claim', { sub: 'u-1', 'custom:hospital': 'riverside' }],
    ['no hospital claim', { sub: 'u-1', 'custom:role': 'clinician' }],
    [
      'a hospital claim that is not a slug',
      { sub: 'u-1', 'custom:hospital': 'River Side', 'custom:role': 'clinician' },
    ],
    ['an empty subject', { sub: '', 'custom:hospital': 'riverside', 'custom:role': 'clinician' }],
  ])('rejects a request with %s as unauthorized', (_case, claims) => {
    // Act
    const read = () => callerOf(withClaims(claims));

    // Assess
    expect(read).toThrow(UnauthorizedError);
    expect(read).toThrow('a bearer token with hospital and role claims is required');
  });
});

describe('Function: pageParams', () => {
  it('returns no limit or cursor when the query string is empty', () => {
    // Act
    const page = pageParams(withQuery(undefined));

    // Assess
    expect(page).toEqual({});
  });

  it('reads limit as a number and keeps the cursor', () => {
    // Act
    const page = pageParams(withQuery({ limit: '50', cursor: 'eyJwayI6IlAjcml2ZXJzaWRlIn0' }));

    // Assess
    expect(page).toEqual({ limit: 50, cursor: 'eyJwayI6IlAjcml2ZXJzaWRlIn0' });
  });

  it.each([['1'], ['200']])('accepts the boundary limit %s', (limit) => {
    // Act
    const page = pageParams(withQuery({ limit }));

    // Assess
    expect(page.limit).toBe(Number(limit));
  });

  it.each([['0'], ['201'], ['abc'], ['2.5'], ['-3']])(
    'rejects limit=%s with a ValidationError naming limit',
    (limit) => {
      // Act
      const read = () => pageParams(withQuery({ limit }));

      // Assess
      expect(read).toThrow(ValidationError);
      expect(read).toThrow(/^query parameter limit: /);
      expect(read).toThrow(expect.objectContaining({ path: 'limit' }));
    },
  );

  it('rejects a cursor longer than 2048 characters, naming cursor', () => {
    // Act
    const read = () => pageParams(withQuery({ cursor: 'c'.repeat(2049) }));

    // Assess
    expect(read).toThrow(expect.objectContaining({ path: 'cursor' }));
  });
});

describe('Function: problem', () => {
  it('answers with the problem status, the problem+json content type and the problem as body', () => {
    // Act
    const result = problem(
      new ValidationError('query parameter limit: too big', 'limit'),
      '/patients',
    );

    // Assess
    expect(result.statusCode).toBe(400);
    expect(result.headers).toEqual({ 'content-type': 'application/problem+json' });
    expect(JSON.parse(String(result.body))).toMatchObject({
      status: 400,
      instance: '/patients',
      path: 'limit',
    });
  });
});
