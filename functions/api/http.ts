// Edge: API Gateway HTTP API (payload v2) helpers: caller identity from JWT claims, responses, problems.
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { z } from 'zod';
import {
  PayloadTooLargeError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../shared/domain/errors';
import { roles, type Principal } from '../../shared/domain/access/policy';
import { toProblem } from '../../shared/domain/problem';
import { identifierPattern } from '../../shared/config/resources';
import { clockSkewMs } from '../../shared/domain/monitoring/patient-reported';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

/** The verified caller of a route. */
export type Caller = Principal;

const claimsSchema = z.object({
  sub: z.string().min(1),
  // Cognito puts custom attributes under `custom:`; the local issuer uses the same names.
  'custom:hospital': z.string().regex(identifierPattern),
  'custom:role': z.enum(roles),
  'custom:patient': z.string().optional(),
});

/** The verified caller. API Gateway's JWT authorizer (or the local gateway) has already checked the signature. */
export function callerOf(event: ApiEvent): Caller {
  const claims = claimsSchema.safeParse(event.requestContext.authorizer?.jwt?.claims ?? {});
  if (!claims.success)
    throw new UnauthorizedError('a bearer token with hospital and role claims is required');
  const c = claims.data;
  return {
    subject: c.sub,
    hospital: c['custom:hospital'],
    role: c['custom:role'],
    ...(c['custom:patient'] ? { patient: c['custom:patient'] } : {}),
  };
}

/** Route bodies are small JSON documents; uploads go straight to S3 through presigned URLs. */
export const maxJsonBodyBytes = 64 * 1024;

/** Parse a JSON request body: 415 unless JSON, 413 when over 64 KiB, 400 naming the problem. */
export function jsonBody(event: ApiEvent): unknown {
  const type = (event.headers?.['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !type.endsWith('+json'))
    throw new UnsupportedMediaTypeError('the request body must be application/json');
  const raw = event.isBase64Encoded
    ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
    : (event.body ?? '');
  if (Buffer.byteLength(raw, 'utf8') > maxJsonBodyBytes)
    throw new PayloadTooLargeError(`the request body exceeds ${maxJsonBodyBytes} bytes`);
  if (!raw.trim()) throw new ValidationError('the request body is empty', 'body');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ValidationError('the request body is not valid JSON', 'body');
  }
}

export function json(status: number, body: unknown): ApiResult {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/** A FHIR R4 searchset Bundle of `resources`, answered 200. */
export function searchsetBundle(resources: readonly unknown[]): ApiResult {
  return json(200, {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({ resource })),
  });
}

export function problem(error: unknown, instance: string): ApiResult {
  const p = toProblem(error, instance);
  return {
    statusCode: p.status,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify(p),
  };
}

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(2048).optional(),
});

/** The query string read with `schema`; a ValidationError naming the first bad parameter. */
export function queryParams<S extends z.ZodType>(schema: S, event: ApiEvent): z.output<S> {
  const parsed = schema.safeParse(event.queryStringParameters ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(
      `query parameter ${issue.path.join('.')}: ${issue.message}`,
      issue.path.join('.'),
    );
  }
  return parsed.data;
}

export function pageParams(event: ApiEvent): { limit?: number; cursor?: string } {
  return queryParams(pageQuery, event);
}

/**
 * An instant query parameter (`at`): strictly an ISO 8601 date-time with an offset (the same check as
 * the predictions route), at most `clockSkewMs` ahead of `now`; `now` when absent. ValidationError
 * naming the parameter otherwise.
 */
export function instantParam(event: ApiEvent, name: string, now: Date): Date {
  const raw = event.queryStringParameters?.[name];
  if (raw === undefined) return now;
  if (!z.iso.datetime({ offset: true }).safeParse(raw).success)
    throw new ValidationError(
      `query parameter ${name}: must be an ISO 8601 date-time with an offset`,
      name,
    );
  const at = new Date(raw);
  if (at.getTime() > now.getTime() + clockSkewMs)
    throw new ValidationError(`query parameter ${name}: cannot be in the future`, name);
  return at;
}

/** A boolean query parameter: `true` or `false` only (default false); ValidationError naming it otherwise. */
export function booleanParam(event: ApiEvent, name: string): boolean {
  const raw = event.queryStringParameters?.[name];
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new ValidationError(`query parameter ${name}: must be true or false`, name);
}
