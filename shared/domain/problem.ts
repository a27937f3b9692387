// The one mapper from errors to what callers see: RFC 9457 problem documents at the API edge,
// quarantine entries in ingest reports, and retry decisions for queues.
import { asCaregraphError, ModelAwaitingRetrainingError, ValidationError } from './errors';

/** RFC 9457 Problem Details for HTTP APIs (application/problem+json). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Extension member: the field or path at fault, when known. */
  path?: string;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const serverDetails: Record<string, string> = {
  'dependency-unavailable':
    'A service caregraph depends on is temporarily unavailable; retry later.',
  configuration: 'The service is not configured correctly; the operators have been told.',
};

export const problemTypeBase = 'https://caregraph.dev/problems/';

/** Map any thrown value to a problem document; internal errors never leak their detail. */
export function toProblem(error: unknown, instance?: string): Problem {
  const e = asCaregraphError(error);
  // A model awaiting retraining says which model and specs (configuration, never PHI or hosts).
  const internal = e.status >= 500 && !(e instanceof ModelAwaitingRetrainingError);
  return {
    type: problemTypeBase + e.type,
    title: titles[e.status] ?? 'Error',
    status: e.status,
    // Server-side failures never reveal internals (configuration names, hosts, buckets) to callers.
    detail: internal ? (serverDetails[e.type] ?? 'An internal error occurred.') : e.message,
    ...(instance ? { instance } : {}),
    ...(e instanceof ValidationError && e.path ? { path: e.path } : {}),
  };
}

/** One rejected input record: where it was, which field, why. Never holds the record's values. */
export interface QuarantineEntry {
  file: string;
  line: number;
  path?: string;
  reason: string;
}

export function toQuarantineEntry(file: string, line: number, error: unknown): QuarantineEntry {
  const e = asCaregraphError(error);
  return {
    file,
    line,
    ...(e instanceof ValidationError && e.path ? { path: e.path } : {}),
    reason: e.type === 'internal' ? 'internal error while processing the record' : e.message,
  };
}

/** Queue delivery decision: retry transient faults (then DLQ); never retry bad input. */
export function shouldRetry(error: unknown): boolean {
  return asCaregraphError(error).retryable;
}
