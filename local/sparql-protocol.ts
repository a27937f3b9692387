// Embedded stack, Neptune stand-in: SPARQL Protocol request parsing, negotiation and error shapes.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import oxigraph from 'oxigraph';

const MAX_BODY_BYTES = 64 * 1024 * 1024;
// Neptune's default graph is the union of all named graphs; oxigraph's is a graph of its own.
const UNION_DEFAULT_GRAPH = { use_default_graph_as_union: true };
export const RESULT_FORMATS: Record<string, string> = {
  'application/sparql-results+json': 'application/sparql-results+json',
  'application/json': 'application/sparql-results+json',
  'application/sparql-results+xml': 'application/sparql-results+xml',
  'text/csv': 'text/csv',
  'text/tab-separated-values': 'text/tab-separated-values',
};
export const GRAPH_FORMATS: Record<string, string> = {
  'application/n-triples': 'application/n-triples',
  'text/plain': 'application/n-triples',
  'application/n-quads': 'application/n-quads',
  'text/turtle': 'text/turtle',
  'application/rdf+xml': 'application/rdf+xml',
};

/** A failure answered in Neptune's error shape: `{ requestId, code, detailedMessage }`. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly allow?: string,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }
}

export function allowMethods(req: IncomingMessage, allow: string): void {
  if (!allow.split(', ').includes(req.method ?? '')) {
    throw new HttpFailure(
      405,
      'MethodNotAllowedException',
      `${req.method} is not allowed here`,
      allow,
    );
  }
}

export type SparqlOperation = { kind: 'query' | 'update'; text: string; params: URLSearchParams };

export async function readSparqlOperation(
  req: IncomingMessage,
  url: URL,
): Promise<SparqlOperation> {
  allowMethods(req, 'GET, POST');
  if (req.method === 'GET') return operationFrom(url.searchParams, 'query');
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const body = (await readBody(req)).toString('utf8');
  if (contentType === 'application/sparql-query')
    return { kind: 'query', text: body, params: url.searchParams };
  if (contentType === 'application/sparql-update')
    return { kind: 'update', text: body, params: url.searchParams };
  if (contentType === 'application/x-www-form-urlencoded')
    return operationFrom(new URLSearchParams(body), 'query or update');
  throw new HttpFailure(
    415,
    'BadRequestException',
    `unsupported content type: ${contentType || '(none)'}`,
  );
}

function operationFrom(params: URLSearchParams, expected: string): SparqlOperation {
  const query = params.get('query');
  const update = expected === 'query' ? null : params.get('update');
  if ((query === null) === (update === null)) {
    throw new HttpFailure(400, 'MissingParameterException', `send exactly one of: ${expected}`);
  }
  return query !== null
    ? { kind: 'query', text: query, params }
    : { kind: 'update', text: update!, params };
}

/** Runs an oxigraph call, turning its errors into Neptune's error codes. */
export function runSparql<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/^error at \d+:\d+/.test(message))
      throw new HttpFailure(400, 'MalformedQueryException', `Malformed query: ${message}`);
    throw new HttpFailure(400, 'BadRequestException', message);
  }
}

// SPARQL 1.1 Query §4.1 prologue: comments, BASE and PREFIX may precede the query form keyword.
const PROLOGUE = /^(?:\s+|#[^\n]*(?:\n|$)|BASE\s*<[^>]*>|PREFIX\s*[^\s:]*:\s*<[^>]*>)*/i;

export function isGraphQuery(text: string): boolean {
  return /^(?:CONSTRUCT|DESCRIBE)\b/i.test(text.replace(PROLOGUE, ''));
}

/** Picks the first acceptable media type by q-value; anything unknown (or none) gets the default. */
export function negotiate(accept: string | undefined, formats: Record<string, string>): string {
  const ranked = (accept ?? '')
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return { type, q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0 && Object.hasOwn(formats, entry.type))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.type ?? Object.keys(formats)[0]!;
}

export function datasetOptions(params: URLSearchParams) {
  const defaults = params.getAll('default-graph-uri');
  const named = params.getAll('named-graph-uri');
  return {
    ...(defaults.length
      ? { default_graph: runSparql(() => defaults.map((iri) => oxigraph.namedNode(iri))) }
      : UNION_DEFAULT_GRAPH),
    ...(named.length
      ? { named_graphs: runSparql(() => named.map((iri) => oxigraph.namedNode(iri))) }
      : {}),
  };
}

/** Reads a request body as it streams in, refusing (413) past MAX_BODY_BYTES without buffering more. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  const tooLarge = () =>
    new HttpFailure(413, 'BadRequestException', `request body exceeds ${MAX_BODY_BYTES} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES)
    return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.pause();
      reject(tooLarge());
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export function sendFailure(res: ServerResponse, error: unknown): void {
  if (!(error instanceof HttpFailure)) console.error('sparql-server: request failed', error);
  const failure =
    error instanceof HttpFailure
      ? error
      : new HttpFailure(500, 'InternalFailureException', 'The request processing has failed.');
  if (res.headersSent) return void res.destroy();
  if (failure.allow) res.setHeader('allow', failure.allow);
  // A body left unread (413) would otherwise be parsed as the next request on this connection.
  if (failure.status === 413) res.setHeader('connection', 'close');
  sendJson(res, failure.status, {
    requestId: randomUUID(),
    code: failure.code,
    detailedMessage: failure.message,
  });
}
