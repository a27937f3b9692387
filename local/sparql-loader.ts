// Embedded stack, Neptune stand-in: the bulk loader (POST /loader, GET /loader/{loadId}) reading S3.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import oxigraph, { type Store } from 'oxigraph';
import { NQUADS, type NquadsPersistence } from './nquads-persistence';
import { allowMethods, HttpFailure, readBody, sendJson } from './sparql-protocol';

// Neptune loader `format` values for RDF, mapped to oxigraph media types.
const LOADER_FORMATS: Record<string, string> = {
  nquads: NQUADS,
  ntriples: 'application/n-triples',
  turtle: 'text/turtle',
  rdfxml: 'application/rdf+xml',
};

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

/** What the loader shares with the server: the store, its persistence and the queue of loads. */
export interface LoaderContext {
  store: Store;
  persistence: Pick<NquadsPersistence, 'changed'>;
  s3?: S3Client;
  loads: Map<string, LoadJob>;
  loadQueue: Promise<void>;
}

/** `/loader` and `/loader/{loadId}`: POST queues a load; GET lists load ids or reports one load. */
export async function handleLoader(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  params: URLSearchParams,
  ctx: LoaderContext,
): Promise<void> {
  if (path === '/loader' && req.method === 'POST') return startLoad(req, res, ctx);
  allowMethods(req, path === '/loader' ? 'GET, POST' : 'GET');
  const loadId = path === '/loader' ? params.get('loadId') : decodeURIComponent(path.slice(8));
  if (!loadId)
    return sendJson(res, 200, {
      status: '200 OK',
      payload: { loadIds: [...ctx.loads.keys()].reverse() },
    });
  return sendJson(res, 200, loadStatus(findLoad(ctx, loadId), params));
}

async function startLoad(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: LoaderContext,
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

async function runLoad(job: LoadJob, s3: S3Client, ctx: LoaderContext): Promise<void> {
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

function findLoad(ctx: LoaderContext, loadId: string): LoadJob {
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
