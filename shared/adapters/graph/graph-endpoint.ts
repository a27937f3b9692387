// Secondary adapter support: one HTTP exchange with a Neptune-compatible endpoint (Neptune in AWS,
// local/sparql-server.ts locally): optional SigV4 signing, a timeout, and one mapping from HTTP
// failures to the product's errors.
import {
  ConfigurationError,
  DependencyError,
  ValidationError,
  type CaregraphError,
} from '../../domain/errors';

/** A request as the signer sees it; `url` is absolute and `headers` are lower-case names. */
export interface GraphHttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Adds authentication to a request (SigV4 for Neptune IAM auth); see neptuneSigner. */
export type GraphRequestSigner = (request: GraphHttpRequest) => Promise<GraphHttpRequest>;

export interface GraphEndpoint {
  /** Base URL without `/sparql`, e.g. https://cluster.region.neptune.amazonaws.com:8182. */
  endpoint: string;
  sign?: GraphRequestSigner;
  /** Per-request limit in ms; default 150 000 (above Neptune's 120 s default query timeout). */
  requestTimeoutMs?: number;
}

// Neptune answers these with HTTP 400 yet documents them as safe to retry (Neptune engine error codes).
const RETRYABLE_400_CODES = new Set(['ConstraintViolationException']);

/**
 * Sends one request to the graph endpoint at `path` and returns the response body text for a 2xx.
 * Anything else becomes a CaregraphError: a 400 or 413 (bad SPARQL, bad loader request) a
 * ValidationError; 401/403/404/405 a ConfigurationError (wrong URL or IAM policy); 429, 5xx,
 * timeouts and unreachable hosts a DependencyError. Neptune's `detailedMessage` goes into the
 * error's cause, not its message, since it can quote the query.
 */
export async function sendGraphRequest(
  target: GraphEndpoint,
  request: Omit<GraphHttpRequest, 'url'> & { path: string },
): Promise<string> {
  const { path, ...rest } = request;
  const unsigned: GraphHttpRequest = {
    ...rest,
    url: `${target.endpoint.replace(/\/+$/, '')}${path}`,
  };
  const signed = target.sign ? await target.sign(unsigned) : unsigned;
  let response: Response;
  try {
    response = await fetch(signed.url, {
      method: signed.method,
      headers: signed.headers,
      body: signed.body,
      signal: AbortSignal.timeout(target.requestTimeoutMs ?? 150_000),
    });
  } catch (error) {
    throw new DependencyError(`graph endpoint unreachable (${path})`, { cause: error });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new DependencyError(`graph endpoint response interrupted (${path})`, { cause: error });
  }
  if (response.ok) return text;
  throw graphEndpointError(response.status, text, path);
}

function graphEndpointError(status: number, body: string, path: string): CaregraphError {
  const { code, detailedMessage } = neptuneErrorBody(body);
  const cause = new Error(`${code}: ${detailedMessage}`);
  const summary = `graph endpoint answered HTTP ${status} ${code} (${path})`;
  if ((status === 400 && !RETRYABLE_400_CODES.has(code)) || status === 413) {
    return new ValidationError(summary, undefined, { cause });
  }
  if (status === 429 || status >= 500 || status === 400)
    return new DependencyError(summary, { cause });
  return new ConfigurationError(`${summary}: check the endpoint URL and IAM access`, { cause });
}

function neptuneErrorBody(body: string): { code: string; detailedMessage: string } {
  try {
    const json = JSON.parse(body) as { code?: unknown; detailedMessage?: unknown };
    return {
      code: typeof json.code === 'string' ? json.code : 'UnknownError',
      detailedMessage: typeof json.detailedMessage === 'string' ? json.detailedMessage : body,
    };
  } catch {
    return { code: 'UnknownError', detailedMessage: body.slice(0, 500) };
  }
}

/** Parses a JSON success body, treating anything unparsable as the dependency's fault. */
export function parseGraphJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new DependencyError(`graph endpoint returned invalid JSON for ${what}`, { cause: error });
  }
}
