// Secondary adapter support: the Neptune bulk loader (Loader Command and Get-Status APIs) through the
// AWS SDK's Neptune Data API client, used for N-Quads batches too large for SPARQL UPDATE. The client's
// endpoint is the graph endpoint itself; locally local/sparql-server.ts answers the same /loader API.
import {
  GetLoaderJobStatusCommand,
  NeptunedataClient,
  StartLoaderJobCommand,
} from '@aws-sdk/client-neptunedata';
import {
  ConfigurationError,
  DependencyError,
  ValidationError,
  type CaregraphError,
} from '../../domain/errors';
import type { GraphEndpoint } from './graph-endpoint';
import type { AwsCredentials } from './neptune-sigv4';

export interface NeptuneBulkLoaderOptions {
  /** Puts the N-Quads where Neptune can read them and returns their `s3://bucket/key` URI. */
  stage(nquads: string): Promise<string>;
  /** Role the Neptune cluster assumes to read the bucket; required by Neptune, ignored locally. */
  iamRoleArn?: string;
  /** Region of the staging bucket (and of the cluster). */
  region: string;
  /** Status poll interval in ms; default 2000. */
  pollMs?: number;
  /** Give up after this many ms; default 900 000 (15 min, a Lambda's limit). */
  timeoutMs?: number;
  /** A ready client (tests, or a shared one); default: one for the graph endpoint. */
  client?: NeptunedataClient;
  /** Credentials for a signed endpoint; default the SDK's provider chain (the Lambda role). */
  credentials?: AwsCredentials | (() => Promise<AwsCredentials>);
}

// Neptune Loader Get-Status: states from which a load may still complete.
const RUNNING = new Set(['LOAD_NOT_STARTED', 'LOAD_IN_QUEUE', 'LOAD_IN_PROGRESS']);
// An endpoint without IAM auth (the local stand-in, or a cluster with IAM auth off) ignores
// signatures, but the SDK always signs: give it placeholder credentials instead of the provider chain.
const UNSIGNED_ENDPOINT_CREDENTIALS = { accessKeyId: 'unsigned', secretAccessKey: 'unsigned' };

/**
 * Loads an already staged `s3://` source with Neptune's bulk loader (format nquads, failOnError,
 * queued) and polls Get-Status every `pollMs` until LOAD_COMPLETED, returning the loader's
 * totalRecords. Any other final status, or still running after `timeoutMs`, is a DependencyError
 * naming the loadId so the load can be inspected with `GET /loader/{loadId}?errors=TRUE`.
 */
export async function runNeptuneBulkLoad(
  target: GraphEndpoint,
  loader: NeptuneBulkLoaderOptions,
  source: string,
): Promise<number> {
  const client = loader.client ?? loaderClient(target, loader);
  try {
    const loadId = await startLoad(client, loader, source);
    const deadline = Date.now() + (loader.timeoutMs ?? 900_000);
    for (;;) {
      const status = await loadStatus(client, loadId);
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
  } finally {
    if (!loader.client) client.destroy();
  }
}

function loaderClient(target: GraphEndpoint, loader: NeptuneBulkLoaderOptions): NeptunedataClient {
  return new NeptunedataClient({
    endpoint: target.endpoint.replace(/\/+$/, ''),
    region: loader.region,
    maxAttempts: 3,
    ...(target.sign
      ? loader.credentials
        ? { credentials: loader.credentials }
        : {}
      : { credentials: UNSIGNED_ENDPOINT_CREDENTIALS }),
  });
}

async function startLoad(
  client: NeptunedataClient,
  loader: NeptuneBulkLoaderOptions,
  source: string,
): Promise<string> {
  const output = await client
    .send(
      new StartLoaderJobCommand({
        source,
        format: 'nquads',
        s3BucketRegion: loader.region,
        iamRoleArn: loader.iamRoleArn,
        failOnError: true,
        parallelism: 'MEDIUM',
        queueRequest: true,
      }),
    )
    .catch((error: unknown) => {
      throw loaderError(error, 'start');
    });
  const loadId = output.payload?.loadId;
  if (typeof loadId !== 'string') throw new DependencyError('the bulk loader returned no loadId');
  return loadId;
}

async function loadStatus(client: NeptunedataClient, loadId: string) {
  const output = await client
    .send(new GetLoaderJobStatusCommand({ loadId }))
    .catch((error: unknown) => {
      throw loaderError(error, `status of ${loadId}`);
    });
  const overall = (
    output.payload as { overallStatus?: { status?: unknown; totalRecords?: unknown } } | undefined
  )?.overallStatus;
  return {
    status: typeof overall?.status === 'string' ? overall.status : 'UNKNOWN',
    totalRecords: typeof overall?.totalRecords === 'number' ? overall.totalRecords : 0,
  };
}

/**
 * One mapping from the SDK's errors to the product's: a 400 (bad request, bad source URI) is a
 * ValidationError; 401/403 (IAM policy, bucket access) a ConfigurationError; throttling, 5xx and
 * network failures a DependencyError. Neptune's message goes into the cause only.
 */
function loaderError(error: unknown, what: string): CaregraphError {
  const e = error as { name?: string; $fault?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  const summary = `bulk loader ${what} failed: ${e.name ?? 'network error'}${status ? ` (HTTP ${status})` : ''}`;
  if (status === 401 || status === 403) {
    return new ConfigurationError(`${summary}: check the endpoint, IAM policy and loader role`, {
      cause: error,
    });
  }
  if (
    e.$fault === 'client' &&
    (status === 400 || status === 413) &&
    e.name !== 'ThrottlingException'
  )
    return new ValidationError(summary, undefined, { cause: error });
  return new DependencyError(summary, { cause: error });
}
