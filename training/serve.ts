// Inference contract: SageMaker's container contract (GET /ping, POST /invocations, port 8080,
// models under /opt/ml/model) plus the SageMaker Runtime front door
// (POST /endpoints/{name}/invocations) so the real SageMakerRuntimeClient works unchanged against
// the embedded stack. Entry point of `docker run image serve`. Logs never include request bodies.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { asCaregraphError, NotFoundError, ValidationError } from '../shared/domain/errors';
import {
  loadModelDirectory,
  modelFileName,
  readInvocation,
  type LoadedModel,
} from './model-format';

/** SageMaker real-time inference caps payloads at 6 MB; the container enforces the same. */
export const defaultMaxBodyBytes = 6 * 1024 * 1024;

export type ServeLogEntry = Record<string, unknown> & {
  level: 'info' | 'warn' | 'error';
  msg: string;
};

export interface ModelServerOptions {
  /** Interface to bind; default 127.0.0.1 (the container entry point passes 0.0.0.0). */
  host?: string;
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** One sub-folder per endpoint name, or a model directly (SageMaker single-model layout). */
  modelDir: string;
  /** Largest accepted request body in bytes; default 6 MB. */
  maxBodyBytes?: number;
  /** Structured log sink; default one JSON line per entry on stderr. */
  log?: (entry: ServeLogEntry) => void;
  /**
   * Re-read modelDir when an unknown endpoint is asked for, or one whose `model.json` changed since
   * it was loaded, so a model written (or retrained) there after start is served at its next
   * request, as a newly deployed SageMaker endpoint is. The embedded stack sets it; a container
   * serves the model it started with.
   */
  discoverModels?: boolean;
}

export interface ModelServer {
  url: string;
  close(): Promise<void>;
  /** Re-read modelDir (after training); on failure the models already loaded keep serving. */
  reload(): Promise<void>;
  /** Endpoint names currently served. */
  endpoints(): string[];
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Outcome {
  reply: Reply;
  endpoint?: string;
}

/** `endpoint` is set on the SageMaker Runtime front door, unset on the container's /invocations. */
interface Route {
  endpoint?: string;
}

const frontDoorPath = /^\/endpoints\/([^/]+)\/invocations$/;
const jsonMediaRanges = new Set(['application/json', 'application/*', '*/*']);
const healthy: Reply = { status: 200, body: { status: 'healthy' } };

const stderrLog = (entry: ServeLogEntry): void => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

function matchRoute(pathname: string): Route | undefined {
  if (pathname === '/invocations') return {};
  const name = frontDoorPath.exec(pathname)?.[1];
  return name ? { endpoint: decodeURIComponent(name) } : undefined;
}

const mediaTypes = (header: string | undefined): string[] =>
  (header ?? '').split(',').map((part) => part.split(';')[0]?.trim().toLowerCase() ?? '');

const reject = (status: number, message: string, headers?: Record<string, string>): Reply => ({
  status,
  body: { message },
  headers,
});

function errorReply(error: unknown): Reply {
  const e = asCaregraphError(error);
  const path = e instanceof ValidationError ? e.path : undefined;
  const message = e.status >= 500 ? 'internal error' : e.message;
  return { status: e.status, body: { message, ...(path ? { path } : {}) } };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new ValidationError('body: not valid JSON', 'body', { cause: error });
  }
}

/** Read the body up to `limit` bytes; undefined when it is larger (the rest is drained). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}

function selectModel(models: Map<string, LoadedModel>, route: Route, req: IncomingMessage) {
  const target = route.endpoint ?? req.headers['x-amzn-sagemaker-target-model']?.toString();
  if (target !== undefined) {
    const model = models.get(target);
    // Same wording as SageMaker's ValidationError for an unknown endpoint.
    if (!model) throw new NotFoundError(`Endpoint ${target} of account local not found.`);
    return [target, model] as const;
  }
  const [only, ...others] = models.entries();
  if (!only) throw new NotFoundError('no model is loaded');
  if (others.length > 0) {
    const names = [...models.keys()].join(', ');
    throw new ValidationError(`several models are loaded (${names}); name one in the path`, 'path');
  }
  return only;
}

async function invokeModel(
  req: IncomingMessage,
  model: LoadedModel,
  limit: number,
): Promise<Reply> {
  const { 'content-type': contentType, accept } = req.headers;
  if (mediaTypes(contentType)[0] !== 'application/json') {
    req.resume();
    return reject(415, `unsupported content type ${contentType ?? '(none)'}; use application/json`);
  }
  if (accept && !mediaTypes(accept).some((type) => jsonMediaRanges.has(type))) {
    req.resume();
    return reject(406, `cannot produce ${accept}; this model answers application/json`);
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  const body = declared > limit ? undefined : await readBody(req, limit);
  if (!body) return reject(413, `body larger than ${limit} bytes`);
  try {
    const document = parseJson(body);
    if (isDescribe(document)) return { status: 200, body: describeModel(model) };
    const { rows, imputed, explain, outside } = readInvocation(document, model);
    if (explain && !model.explain) {
      throw new ValidationError(
        `body: explain: model kind ${model.kind} has no explainer`,
        'explain',
      );
    }
    const predictions = model.predict(rows).map((p, i) => ({
      ...p,
      ...(imputed ? { imputed: imputed[i]! } : {}),
      ...(outside ? { outsidePopulation: outside[i]! } : {}),
      ...(explain ? { explanation: explanation(model, rows[i]!) } : {}),
    }));
    const { name, version, kind, outcome, featureSpec } = model;
    return {
      status: 200,
      body: {
        predictions,
        model: {
          name,
          version,
          kind,
          ...(outcome ? { outcome } : {}),
          ...(featureSpec ? { featureSpec } : {}),
        },
      },
    };
  } catch (error) {
    return errorReply(error);
  }
}

/** `{ "describe": true }`, and nothing else: asks what the model is rather than for predictions. */
function isDescribe(document: unknown): boolean {
  if (typeof document !== 'object' || document === null || !('describe' in document)) return false;
  const keys = Object.keys(document);
  if (keys.length !== 1 || (document as { describe: unknown }).describe !== true)
    throw new ValidationError('body: describe: send { "describe": true } alone', 'describe');
  return true;
}

/**
 * What a describe invocation answers: the model's identity, declared outcome and population, the
 * raw columns it reads, and its card (null when it has none). No patient data is in either.
 */
export function describeModel(model: LoadedModel) {
  const { name, version, kind, createdAt, outcome, population, encoding, featureSpec } = model;
  return {
    model: {
      name,
      version,
      kind,
      createdAt,
      ...(outcome ? { outcome } : {}),
      ...(featureSpec ? { featureSpec } : {}),
      ...(population ? { population } : {}),
      features: model.features.length,
      ...(encoding ? { columns: encoding.columns.map((c) => c.name) } : {}),
    },
    card: model.card ?? null,
    ...(model.cardProblem ? { cardProblem: model.cardProblem } : {}),
  };
}

/** Every feature's value and log-odds contribution, largest effect first. */
function explanation(model: LoadedModel, row: readonly number[]) {
  return model.explain!(row)
    .map((c, j) => ({ feature: c.feature, value: row[j]!, contribution: c.contribution }))
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}

/**
 * SageMaker Runtime reports a container's non-2xx answer as ModelError (HTTP 424) carrying the
 * container's status and body, so the SDK raises the same error locally as on AWS.
 */
function asFrontDoorReply(reply: Reply): Reply {
  if (reply.status < 300) {
    return { ...reply, headers: { 'x-amzn-invoked-production-variant': 'AllTraffic' } };
  }
  const original = JSON.stringify(reply.body);
  const kind = reply.status < 500 ? 'client' : 'server';
  return {
    status: 424,
    headers: { 'x-amzn-errortype': 'ModelError' },
    body: {
      message: `Received ${kind} error (${reply.status}) from primary with message "${original}".`,
      OriginalStatusCode: reply.status,
      OriginalMessage: original,
    },
  };
}

async function handle(
  req: IncomingMessage,
  models: () => Map<string, LoadedModel>,
  limit: number,
  discover: ((endpoint: string) => Promise<void>) | undefined,
): Promise<Outcome> {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname === '/ping') {
    const ok = req.method === 'GET' || req.method === 'HEAD';
    return { reply: ok ? healthy : reject(405, 'use GET', { allow: 'GET' }) };
  }
  const route = matchRoute(pathname);
  if (!route) return { reply: reject(404, `no route for ${pathname}`) };
  if (req.method !== 'POST') return { reply: reject(405, 'use POST', { allow: 'POST' }) };
  const frontDoor = route.endpoint !== undefined;
  let selected;
  try {
    if (discover && route.endpoint !== undefined) await discover(route.endpoint);
    selected = selectModel(models(), route, req);
  } catch (error) {
    req.resume();
    const reply = errorReply(error);
    // An unknown endpoint is SageMaker's own ValidationError (404 here, 400 on AWS), not a ModelError.
    if (frontDoor) reply.headers = { 'x-amzn-errortype': 'ValidationError' };
    return { reply, endpoint: route.endpoint };
  }
  const [endpoint, model] = selected;
  const reply = await invokeModel(req, model, limit);
  return { reply: frontDoor ? asFrontDoorReply(reply) : reply, endpoint };
}

/** The modification time of `modelDir/endpoint/model.json`, or undefined when there is none. */
async function modelFileTime(modelDir: string, endpoint: string): Promise<number | undefined> {
  return stat(join(modelDir, endpoint, modelFileName)).then(
    (s) => s.mtimeMs,
    () => undefined,
  );
}

async function modelFileTimes(
  modelDir: string,
  endpoints: Iterable<string>,
): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const endpoint of endpoints) {
    const time = await modelFileTime(modelDir, endpoint);
    if (time !== undefined) times.set(endpoint, time);
  }
  return times;
}

function send(res: ServerResponse, reply: Reply): void {
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...reply.headers,
  });
  res.end(text);
}

/**
 * Start the model server. Loads every model under `modelDir` first (throws ValidationError for a
 * bad model.json, NotFoundError when the folder is missing), then listens on host:port.
 */
export async function startModelServer(options: ModelServerOptions): Promise<ModelServer> {
  const {
    host = '127.0.0.1',
    port = 0,
    modelDir,
    maxBodyBytes = defaultMaxBodyBytes,
    log = stderrLog,
  } = options;
  // The files' times are read before the files, here as in `reload` (a model.json replaced while
  // loading is then seen as changed at the next request).
  const firstTimes = await modelFileTimes(
    modelDir,
    await readdir(modelDir).catch(() => [] as string[]),
  );
  let models = await loadModelDirectory(modelDir);
  log({ level: 'info', msg: 'models loaded', modelDir, endpoints: [...models.keys()] });
  /** When each endpoint's model.json was last modified, as loaded (per-endpoint folders only). */
  let loadedVersions = new Map([...firstTimes].filter(([endpoint]) => models.has(endpoint)));
  const reload = async () => {
    // The times are read before the files: a model.json replaced while loading is then seen as
    // changed at the next request (read after, it would stamp the old model with the new time).
    const folders = await readdir(modelDir).catch(() => [] as string[]);
    const before = await modelFileTimes(modelDir, folders);
    const next = await loadModelDirectory(modelDir);
    loadedVersions = new Map([...before].filter(([endpoint]) => next.has(endpoint)));
    models = next;
    log({ level: 'info', msg: 'models reloaded', endpoints: [...models.keys()] });
  };
  // One reload at a time; requests meanwhile wait for it.
  let reloading: Promise<void> | undefined;
  const discover = options.discoverModels
    ? async (endpoint: string) => {
        const known = loadedVersions.get(endpoint);
        if (known !== undefined && known === (await modelFileTime(modelDir, endpoint))) return;
        await (reloading ??= reload()
          // A bad model.json written meanwhile must not stop the models already served.
          .catch((error: unknown) =>
            log({ level: 'warn', msg: 'model reload failed', error: (error as Error).message }),
          )
          .finally(() => (reloading = undefined)));
      }
    : undefined;

  const server = createServer((req, res) => {
    const started = performance.now();
    handle(req, () => models, maxBodyBytes, discover)
      .catch((error: unknown): Outcome => ({ reply: errorReply(error) }))
      .then(({ reply, endpoint }) => {
        send(res, reply);
        const { status } = reply;
        const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
        const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        log({ level, msg: 'request', method: req.method, path, endpoint, status, durationMs });
      });
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ready());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}`;
  log({ level: 'info', msg: 'listening', host, port: address.port, url });

  return {
    url,
    endpoints: () => [...models.keys()],
    reload,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

const usage = 'usage: serve.ts [serve] [--host 0.0.0.0] [--port 8080] [--model-dir /opt/ml/model]';
const cliOptions = {
  host: { type: 'string', default: '0.0.0.0' },
  port: { type: 'string', default: '8080' },
  'model-dir': { type: 'string', default: '/opt/ml/model' },
  help: { type: 'boolean', default: false },
} as const;

/** Container entry point; returns the exit code (0 running, 1 bad model, 2 usage error). */
export async function main(args: string[]): Promise<number> {
  let options: ModelServerOptions;
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: cliOptions,
    });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    const unknown = positionals.find((p) => p !== 'serve');
    if (unknown !== undefined) throw new Error(`unknown command ${unknown}`);
    const port = z.coerce.number().int().min(0).max(65535).safeParse(values.port);
    if (!port.success) throw new Error(`--port must be 0-65535, got ${values.port}`);
    options = { host: values.host, port: port.data, modelDir: values['model-dir'] };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  try {
    const server = await startModelServer(options);
    if (server.endpoints().length === 0) {
      throw new NotFoundError(`no model.json under ${options.modelDir}`);
    }
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    return 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main(process.argv.slice(2)).then((code) => {
    if (code !== 0) process.exit(code);
  });
}
