// Embedded stack: the local Amazon Neptune stand-in's HTTP server, routing /sparql, /loader, /status.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { S3Client } from '@aws-sdk/client-s3';
import oxigraph, { type Store } from 'oxigraph';
import { openNquadsPersistence, type NquadsPersistence } from './nquads-persistence';
import { handleLoader, type LoaderContext } from './sparql-loader';
import {
  allowMethods,
  datasetOptions,
  GRAPH_FORMATS,
  HttpFailure,
  isGraphQuery,
  negotiate,
  readSparqlOperation,
  RESULT_FORMATS,
  runSparql,
  sendFailure,
  sendJson,
} from './sparql-protocol';

export interface SparqlServerOptions {
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /**
   * N-Quads snapshot loaded at start, with its journal of later updates (`${dataFile}.journal`);
   * undefined keeps the graph in memory.
   */
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
  /** The live store. Changes made here directly are saved by flush()/close(), not by the journal. */
  store: Store;
  /** Writes an N-Quads snapshot now and empties the journal (no-op without dataFile). */
  flush(): Promise<void>;
  /** Stops listening, waits for running loads, then flushes. */
  close(): Promise<void>;
}

interface ServerContext extends LoaderContext {
  persistence: NquadsPersistence;
}

/**
 * Starts the embedded SPARQL 1.1 endpoint that stands in for Amazon Neptune: `/sparql` (query by
 * GET `?query=`, POST form or `application/sparql-query`; update by POST form `update=` or
 * `application/sparql-update`), Neptune's bulk loader (`POST /loader`, `GET /loader/{loadId}`)
 * reading from S3 when `s3` is given, and `GET /status`. Reads see the default graph as the union
 * of all graphs, as Neptune does. With `dataFile` the graph is loaded from that N-Quads snapshot and
 * its journal; each update is appended to the journal before it is acknowledged, and the snapshot is
 * rewritten (temp file, then rename) when the journal outgrows it, after bulk loads and on flush/close.
 */
export async function startSparqlServer(options: SparqlServerOptions = {}): Promise<SparqlServer> {
  const store = new oxigraph.Store();
  const ctx: ServerContext = {
    store,
    persistence: await openNquadsPersistence(store, options.dataFile),
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
  if (path === '/loader' || path.startsWith('/loader/'))
    return handleLoader(req, res, path, url.searchParams, ctx);
  throw new HttpFailure(404, 'BadRequestException', `no such path: ${path}`);
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
    await ctx.persistence.recorded(operation.text);
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
