// Embedded stack: the local stand-in for Amazon Neptune. An oxigraph store behind the SPARQL 1.1
// Protocol at /sparql, Neptune's bulk loader at /loader (reading S3 through the real SDK client)
// and Neptune's /status, persisted as an N-Quads dump. Built on node:http only.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import oxigraph, { type Store } from 'oxigraph';

export interface SparqlServerOptions {
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** N-Quads file loaded at start and rewritten after changes; undefined keeps the graph in memory. */
  dataFile?: string;
  /** Where /loader reads `s3://` sources (s3rver locally); without it /loader answers 400. */
  s3?: {
    endpoint: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    region: string;
  };
}

export interface SparqlServer {
  /** Base URL, e.g. http://127.0.0.1:PORT (what Neptune calls the cluster endpoint). */
  url: string;
  /** `${url}/sparql`. */
  sparqlUrl: string;
  /** The live store. Changes made here directly are saved by flush()/close(), not by the debounce. */
  store: Store;
  /** Writes the N-Quads dump now (no-op without dataFile). */
  flush(): Promise<void>;
  /** Stops listening, waits for running loads, then flushes. */
  close(): Promise<void>;
}

const NQUADS = 'application/n-quads';
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const SAVE_DELAY_MS = 200;
// Neptune's default graph is the union of all named graphs; oxigraph's is a graph of its own.
const UNION_DEFAULT_GRAPH = { use_default_graph_as_union: true };
const RESULT_FORMATS: Record<string, string> = {
  'application/sparql-results+json': 'application/sparql-results+json',
  'application/json': 'application/sparql-results+json',
  'application/sparql-results+xml': 'application/sparql-results+xml',
  'text/csv': 'text/csv',
  'text/tab-separated-values': 'text/tab-separated-values',
};
const GRAPH_FORMATS: Record<string, string> = {
  'application/n-triples': 'application/n-triples',
  'text/plain': 'application/n-triples',
  'application/n-quads': 'application/n-quads',
  'text/turtle': 'text/turtle',
  'application/rdf+xml': 'application/rdf+xml',
};
// Neptune loader `format` values for RDF, mapped to oxigraph media types.
const LOADER_FORMATS: Record<string, string> = {
  nquads: NQUADS,
  ntriples: 'application/n-triples',
  turtle: 'text/turtle',
  rdfxml: 'application/rdf+xml',
};

/** A failure answered in Neptune's error shape: `{ requestId, code, detailedMessage }`. */
class HttpFailure extends Error {
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

interface LoadJob {
  loadId: string;
  source: string;
  format: string;
  failOnError: boolean;
  namedGraphUri?: string;
  status: string;
  startTime: number;
  endTime?: number;
  totalRecords: number;
  totalDuplicates: number;
  parsingErrors: number;
  feeds: { fullUri: string; status: string; totalRecords: number }[];
  errorLogs: { errorCode: string; errorMessage: string; fileName: string; recordNum: number }[];
}

interface ServerContext {
  store: Store;
  persistence: ReturnType<typeof nquadsPersistence>;
  s3?: S3Client;
  loads: Map<string, LoadJob>;
  loadQueue: Promise<void>;
}

/**
 * Starts the embedded SPARQL 1.1 endpoint that stands in for Amazon Neptune: `/sparql` (query by
 * GET `?query=`, POST form or `application/sparql-query`; update by POST form `update=` or
 * `application/sparql-update`), Neptune's bulk loader (`POST /loader`, `GET /loader/{loadId}`)
 * reading from S3 when `s3` is given, and `GET /status`. Reads see the default graph as the union
 * of all graphs, as Neptune does. With `dataFile` the graph is loaded from that N-Quads file and
 * written back (to a temp file, then renamed) about 200 ms after each change and on flush/close.
 */
export async function startSparqlServer(options: SparqlServerOptions = {}): Promise<SparqlServer> {
  const store = new oxigraph.Store();
  if (options.dataFile) await loadDataFile(store, options.dataFile);
  const ctx: ServerContext = {
    store,
    persistence: nquadsPersistence(store, options.dataFile),
    s3: options.s3 && new S3Client({ ...options.s3, forcePathStyle: true }),
    loads: new Map(),
    loadQueue: Promise.resolve(),
  };
  const server = createServer((req, res) => {
    route(req, res, ctx).catch((error: unknown) => sendFailure(res, error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { address, family, port } = server.address() as AddressInfo;
  const url = `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
  return {
    url,
    sparqlUrl: `${url}/sparql`,
    store,
    flush: () => ctx.persistence.flush(),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await ctx.loadQueue;
      ctx.s3?.destroy();
      await ctx.persistence.flush();
    },
  };
}

async function loadDataFile(store: Store, dataFile: string): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readFile(dataFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  store.load(bytes, { format: NQUADS });
}

/** Debounced, crash-safe N-Quads dumps: a rename never leaves a half-written data file behind. */
function nquadsPersistence(store: Store, dataFile: string | undefined) {
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (!dataFile) return Promise.resolve();
    writing = writing
      .catch(() => undefined)
      .then(async () => {
        const temp = `${dataFile}.${process.pid}.tmp`;
        await mkdir(dirname(dataFile), { recursive: true });
        await writeFile(temp, store.dump({ format: NQUADS }));
        await rename(temp, dataFile);
      });
    return writing;
  };
  return {
    changed(): void {
      if (!dataFile || timer) return;
      timer = setTimeout(
        () => save().catch((error: unknown) => console.error('sparql-server: save failed', error)),
        SAVE_DELAY_MS,
      );
    },
    flush: save,
  };
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: ServerContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/sparql') return handleSparql(req, res, url, ctx);
  if (path === '/status') {
    allowMethods(req, 'GET');
    return sendJson(res, 200, {
      status: 'healthy',
      role: 'writer',
      dbEngineVersion: 'local-oxigraph',
    });
  }
  if (path === '/loader' && req.method === 'POST') return startLoad(req, res, ctx);
  if (path === '/loader' || path.startsWith('/loader/')) {
    allowMethods(req, path === '/loader' ? 'GET, POST' : 'GET');
    const loadId =
      path === '/loader' ? url.searchParams.get('loadId') : decodeURIComponent(path.slice(8));
    if (!loadId)
      return sendJson(res, 200, {
        status: '200 OK',
        payload: { loadIds: [...ctx.loads.keys()].reverse() },
      });
    return sendJson(res, 200, loadStatus(findLoad(ctx, loadId), url.searchParams));
  }
  throw new HttpFailure(404, 'BadRequestException', `no such path: ${path}`);
}

function allowMethods(req: IncomingMessage, allow: string): void {
  if (!allow.split(', ').includes(req.method ?? '')) {
    throw new HttpFailure(
      405,
      'MethodNotAllowedException',
      `${req.method} is not allowed here`,
      allow,
    );
  }
}

async function handleSparql(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: ServerContext,
): Promise<void> {
  const operation = await readSparqlOperation(req, url);
  if (operation.kind === 'update') {
    runSparql(() => ctx.store.update(operation.text));
    ctx.persistence.changed();
    res.writeHead(200, { 'content-type': 'text/plain' }).end();
    return;
  }
  const formats = isGraphQuery(operation.text) ? GRAPH_FORMATS : RESULT_FORMATS;
  const mediaType = negotiate(req.headers.accept, formats);
  const body = runSparql(() =>
    ctx.store.query(operation.text, {
      results_format: formats[mediaType],
      ...datasetOptions(operation.params),
    }),
  ) as string;
  res.writeHead(200, { 'content-type': `${mediaType}; charset=utf-8` }).end(body);
}

type SparqlOperation = { kind: 'query' | 'update'; text: string; params: URLSearchParams };

async function readSparqlOperation(req: IncomingMessage, url: URL): Promise<SparqlOperation> {
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
function runSparql<T>(call: () => T): T {
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

function isGraphQuery(text: string): boolean {
  return /^(?:CONSTRUCT|DESCRIBE)\b/i.test(text.replace(PROLOGUE, ''));
}

/** Picks the first acceptable media type by q-value; anything unknown (or none) gets the default. */
function negotiate(accept: string | undefined, formats: Record<string, string>): string {
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

function datasetOptions(params: URLSearchParams) {
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
function readBody(req: IncomingMessage): Promise<Buffer> {
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

async function startLoad(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ServerContext,
): Promise<void> {
  const request = parseLoadRequest(await readBody(req));
  if (!ctx.s3) {
    throw new HttpFailure(
      400,
      'BadRequestException',
      'this local endpoint has no S3 to load from: start the SPARQL server with the s3 option',
    );
  }
  const job: LoadJob = {
    ...request,
    loadId: randomUUID(),
    status: 'LOAD_IN_QUEUE',
    startTime: Date.now(),
    totalRecords: 0,
    totalDuplicates: 0,
    parsingErrors: 0,
    feeds: [],
    errorLogs: [],
  };
  ctx.loads.set(job.loadId, job);
  const s3 = ctx.s3;
  // One load at a time, in order, as Neptune runs queued loads.
  ctx.loadQueue = ctx.loadQueue
    .then(() => runLoad(job, s3, ctx))
    .catch((error: unknown) => {
      job.status = 'LOAD_UNEXPECTED_ERROR';
      console.error('sparql-server: load failed unexpectedly', error);
    });
  sendJson(res, 200, { status: '200 OK', payload: { loadId: job.loadId } });
}

function parseLoadRequest(
  body: Buffer,
): Pick<LoadJob, 'source' | 'format' | 'failOnError' | 'namedGraphUri'> {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new HttpFailure(400, 'BadRequestException', 'the loader request body is not JSON');
  }
  const { source, format, failOnError = 'TRUE', parserConfiguration } = json;
  if (typeof source !== 'string' || !/^s3:\/\/[^/]+/.test(source)) {
    throw new HttpFailure(
      400,
      'BadRequestException',
      'source must be an s3://bucket/key-or-prefix URI',
    );
  }
  if (typeof format !== 'string' || !(format in LOADER_FORMATS)) {
    throw new HttpFailure(
      400,
      'BadRequestException',
      `format must be one of ${Object.keys(LOADER_FORMATS).join(', ')}`,
    );
  }
  const namedGraphUri = (parserConfiguration as { namedGraphUri?: unknown } | undefined)
    ?.namedGraphUri;
  return {
    source,
    format,
    failOnError: String(failOnError).toUpperCase() !== 'FALSE',
    ...(typeof namedGraphUri === 'string' ? { namedGraphUri } : {}),
  };
}

async function runLoad(job: LoadJob, s3: S3Client, ctx: ServerContext): Promise<void> {
  job.status = 'LOAD_IN_PROGRESS';
  const [, bucket = '', prefix = ''] = /^s3:\/\/([^/]+)\/?(.*)$/.exec(job.source) ?? [];
  let keys: string[];
  try {
    keys = await listKeys(s3, bucket, prefix);
    if (keys.length === 0) throw new Error('no objects under the source prefix');
  } catch (error) {
    job.errorLogs.push({
      errorCode: 'S3_READ_ERROR',
      errorMessage: String(error),
      fileName: job.source,
      recordNum: 0,
    });
    return finishLoad(job, 'LOAD_S3_READ_ERROR');
  }
  for (const key of keys) {
    const ok = await loadFeed(job, s3, bucket, key, ctx.store);
    if (!ok && job.failOnError) break;
  }
  ctx.persistence.changed();
  finishLoad(
    job,
    job.feeds.some((feed) => feed.status !== 'LOAD_COMPLETED') ? 'LOAD_FAILED' : 'LOAD_COMPLETED',
  );
}

function finishLoad(job: LoadJob, status: string): void {
  job.status = status;
  job.endTime = Date.now();
}

async function listKeys(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? [])
      if (object.Key && !object.Key.endsWith('/')) keys.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** Loads one S3 object atomically (oxigraph rolls back the whole file on a parse error). */
async function loadFeed(
  job: LoadJob,
  s3: S3Client,
  bucket: string,
  key: string,
  store: Store,
): Promise<boolean> {
  const fullUri = `s3://${bucket}/${key}`;
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const bytes = await object.Body!.transformToByteArray();
    const before = store.size;
    store.load(bytes, {
      format: LOADER_FORMATS[job.format]!,
      ...(job.namedGraphUri ? { to_graph_name: oxigraph.namedNode(job.namedGraphUri) } : {}),
    });
    const added = store.size - before;
    const records =
      job.format === 'nquads' || job.format === 'ntriples' ? countStatementLines(bytes) : added;
    job.totalRecords += records;
    job.totalDuplicates += records - added;
    job.feeds.push({ fullUri, status: 'LOAD_COMPLETED', totalRecords: records });
    return true;
  } catch (error) {
    job.parsingErrors += 1;
    job.feeds.push({ fullUri, status: 'LOAD_FAILED', totalRecords: 0 });
    const errorMessage = error instanceof Error ? error.message : String(error);
    job.errorLogs.push({
      errorCode: 'PARSING_ERROR',
      errorMessage,
      fileName: fullUri,
      recordNum: 0,
    });
    return false;
  }
}

function countStatementLines(bytes: Uint8Array): number {
  let count = 0;
  for (const line of Buffer.from(bytes).toString('utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) count += 1;
  }
  return count;
}

function findLoad(ctx: ServerContext, loadId: string): LoadJob {
  const job = ctx.loads.get(loadId);
  if (!job) throw new HttpFailure(404, 'LoadNotFoundException', `no load with id ${loadId}`);
  return job;
}

/** Neptune Loader Get-Status response; `details=TRUE` adds failedFeeds, `errors=TRUE` adds errorLogs. */
function loadStatus(job: LoadJob, params: URLSearchParams) {
  const feedCount = new Map<string, number>();
  for (const feed of job.feeds) feedCount.set(feed.status, (feedCount.get(feed.status) ?? 0) + 1);
  const overallStatus = {
    fullUri: job.source,
    runNumber: 1,
    retryNumber: 0,
    status: job.status,
    totalTimeSpent: Math.round(((job.endTime ?? Date.now()) - job.startTime) / 1000),
    startTime: Math.floor(job.startTime / 1000),
    totalRecords: job.totalRecords,
    totalDuplicates: job.totalDuplicates,
    parsingErrors: job.parsingErrors,
    datatypeMismatchErrors: 0,
    insertErrors: 0,
  };
  const flag = (name: string) => params.get(name)?.toUpperCase() === 'TRUE';
  const payload = {
    feedCount: [...feedCount].map(([status, count]) => ({ [status]: count })),
    overallStatus,
    ...(flag('details')
      ? { failedFeeds: job.feeds.filter((feed) => feed.status !== 'LOAD_COMPLETED') }
      : {}),
    ...(flag('errors')
      ? {
          errors: {
            startIndex: 1,
            endIndex: job.errorLogs.length,
            loadId: job.loadId,
            errorLogs: job.errorLogs,
          },
        }
      : {}),
  };
  return { status: '200 OK', payload };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function sendFailure(res: ServerResponse, error: unknown): void {
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
