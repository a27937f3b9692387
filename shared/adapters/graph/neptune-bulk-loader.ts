// Secondary adapter support: the Neptune bulk loader client (Loader Command and Get-Status APIs),
// used for N-Quads batches too large for SPARQL UPDATE. Locally local/sparql-server.ts answers it.
import { DependencyError } from '../../domain/errors';
import { parseGraphJson, sendGraphRequest, type GraphEndpoint } from './graph-endpoint';

export interface NeptuneBulkLoaderOptions {
  /** Puts the N-Quads where Neptune can read them and returns their `s3://bucket/key` URI. */
  stage(nquads: string): Promise<string>;
  /** Role the Neptune cluster assumes to read the bucket; required by Neptune, ignored locally. */
  iamRoleArn?: string;
  region: string;
  /** Status poll interval in ms; default 2000. */
  pollMs?: number;
  /** Give up after this many ms; default 900 000 (15 min, a Lambda's limit). */
  timeoutMs?: number;
}

// Neptune Loader Get-Status: states from which a load may still complete.
const RUNNING = new Set(['LOAD_NOT_STARTED', 'LOAD_IN_QUEUE', 'LOAD_IN_PROGRESS']);

interface LoaderStatusResponse {
  payload?: { overallStatus?: { status?: string; totalRecords?: number } };
}

/**
 * Loads an already staged `s3://` source with Neptune's bulk loader (format nquads, failOnError
 * TRUE) and polls Get-Status every `pollMs` until LOAD_COMPLETED, returning the loader's
 * totalRecords. Any other final status, or still running after `timeoutMs`, is a DependencyError
 * naming the loadId so the load can be inspected with `GET /loader/{loadId}?errors=TRUE`.
 */
export async function runNeptuneBulkLoad(
  target: GraphEndpoint,
  loader: NeptuneBulkLoaderOptions,
  source: string,
): Promise<number> {
  const loadId = await startLoad(target, loader, source);
  const deadline = Date.now() + (loader.timeoutMs ?? 900_000);
  for (;;) {
    const status = await loadStatus(target, loadId);
    if (status.status === 'LOAD_COMPLETED') return status.totalRecords;
    if (!RUNNING.has(status.status)) {
      throw new DependencyError(`bulk load ${loadId} of ${source} ended with ${status.status}`);
    }
    if (Date.now() >= deadline) {
      throw new DependencyError(
        `bulk load ${loadId} of ${source} still ${status.status} at the deadline`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, loader.pollMs ?? 2000));
  }
}

async function startLoad(target: GraphEndpoint, loader: NeptuneBulkLoaderOptions, source: string) {
  const body = JSON.stringify({
    source,
    format: 'nquads',
    region: loader.region,
    ...(loader.iamRoleArn ? { iamRoleArn: loader.iamRoleArn } : {}),
    failOnError: 'TRUE',
    parallelism: 'MEDIUM',
    queueRequest: 'TRUE',
  });
  const text = await sendGraphRequest(target, {
    method: 'POST',
    path: '/loader',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
  });
  const loadId = parseGraphJson<{ payload?: { loadId?: unknown } }>(text, 'a load request').payload
    ?.loadId;
  if (typeof loadId !== 'string') throw new DependencyError('the bulk loader returned no loadId');
  return loadId;
}

async function loadStatus(target: GraphEndpoint, loadId: string) {
  const text = await sendGraphRequest(target, {
    method: 'GET',
    path: `/loader/${encodeURIComponent(loadId)}`,
    headers: { accept: 'application/json' },
  });
  const overall = parseGraphJson<LoaderStatusResponse>(text, 'a load status').payload
    ?.overallStatus;
  return { status: overall?.status ?? 'UNKNOWN', totalRecords: overall?.totalRecords ?? 0 };
}
