// The embedded stack: real servers in-process on 127.0.0.1 (s3rver for S3, dynalite for DynamoDB,
// oxigraph behind a SPARQL 1.1 endpoint for Neptune, serve.ts for SageMaker), wired to the same
// handlers AWS runs, through the real AWS SDK v3 clients.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import { useAtomicObjectWrites } from './s3rver-atomic';
import dynalite from 'dynalite';
import { localConfig, type AppConfig } from '../shared/config/config';
import { buildDependencies, type Dependencies } from '../shared/adapters/composition';
import { buildObservability } from '../shared/adapters/observability';
import { CaregraphError, ValidationError } from '../shared/domain/errors';
import { keyLayout } from '../shared/config/resources';
import { makeIngestHandler } from '../functions/ingest/make-handler';
import { encodeS3Key } from '../functions/ingest/s3-event';
import { apiDependencies, makeApiHandler } from '../functions/api/make-handler';
import { startSparqlServer } from './sparql-server';
import { startModelServer } from '../training/serve';
import { clearStaleInProgress, createBuckets, createTables } from './bootstrap';
import { LocalQueue, type CloseOptions } from './event-queue';
import { LocalScheduler, type Schedule } from './scheduler';
import { makeRemindersHandler } from '../functions/reminders/make-handler';
import { makeReplanHandler } from '../functions/reminders/make-replan-handler';
import {
  dailyReplanAtUtc,
  replanFunctionTimeoutMs,
} from '../shared/domain/reminders/replan-active';
import { makeMonitorHandler } from '../functions/monitor/make-handler';
import { news2Scorer } from '../shared/domain/monitoring/news2-scorer';
import { eventTypes } from '../shared/ports/event-bus';
import { LocalEventBus } from './event-bus';
import { loadSeedKnowledge } from '../shared/domain/kg/seed/load';
import { composeKgUpdateHandler } from '../functions/kg-update/vocabulary';
import { lambdaContext, s3EventRecord } from './aws-events';
import { startApiGateway } from './api-gateway';
import { LocalIssuer } from './issuer';
import { discoveringModelEndpoints } from './served-models';

export interface StackOptions {
  dataDir: string;
  host?: string;
  ports?: Partial<Record<'api' | 's3' | 'dynamodb' | 'sparql' | 'model', number>>;
  logLevel?: AppConfig['logLevel'];
  schedules?: Schedule[];
  /** Scheduler period; one minute as on AWS. */
  schedulePeriodMs?: number;
  /**
   * Deliver NoteCurated to kg-update (NLP into the hospital graph), as the EventBridge rule does on
   * AWS. On by default: a note costs tens of milliseconds (`npm run bench -- kg-notes`).
   */
  notesToGraph?: boolean;
  /**
   * Curated-bucket keys of imported vocabularies (VOCAB.jsonl under vocabulary/) kg-update merges
   * into the curated one, as CAREGRAPH_NLP_VOCABULARY_KEYS does on AWS (default none). Read when the
   * first note arrives; upload them before ingesting notes.
   */
  nlpVocabularyKeys?: readonly string[];
  /**
   * The prediction models the API may invoke, as CAREGRAPH_MODEL_ENDPOINTS does on AWS
   * (`name=endpoint` pairs; default `cvd-risk`): each endpoint is a folder under `<dataDir>/models`.
   * The API serves the other folders there with a model.json too, after these, under their own
   * names, from their first request (discoveringModelEndpoints).
   */
  modelEndpoints?: string;
  /**
   * Deliver PatientDataUpdated to the monitor function, and run its alert escalation sweep every
   * scheduler period (default true; tests of the use case turn both off).
   */
  monitorOnEvents?: boolean;
  /** Message receives before the dead-letter file (SQS maxReceiveCount). */
  maxReceiveCount?: number;
  /** Turn S3 object-created events into ingest deliveries (default true; benchmarks invoke the handler themselves). */
  autoIngest?: boolean;
  /**
   * The ingest function's time per invocation (default 300,000 ms, its Lambda timeout) and records
   * between checkpoints (default 10,000); tests shrink both to make a file continue across
   * invocations.
   */
  ingest?: { timeoutMs?: number; checkpointEvery?: number };
}

export interface StackEndpoints {
  api: string;
  s3: string;
  dynamodb: string;
  sparql: string;
  model: string;
}

export interface RunningStack {
  config: AppConfig;
  /** The ingest function as deployed: SQS event in, partial batch response out. */
  ingest: ReturnType<typeof makeIngestHandler>;
  deps: Dependencies;
  endpoints: StackEndpoints;
  dataDir: string;
  ingestQueue: LocalQueue;
  scheduler: LocalScheduler;
  issuer: LocalIssuer;
  /** Resolves when every queued upload has been processed (or dead-lettered). */
  settled(): Promise<void>;
  /** Invocations a killed run left in progress (idempotency records cleared so they run again). */
  staleInvocations: number;
  /** Messages a previous run left unhandled and this start queued again, by queue. */
  resumed: Record<string, number>;
  /** Messages waiting in the queues (uploads, KG updates, monitoring), not counting those in flight. */
  queuedMessages(): number;
  /**
   * Stop every server. By default queued work is finished first; with `{ finish: false }` only the
   * batches in flight are (an ingest in flight stops at its next checkpoint, as before a Lambda
   * timeout), and the rest resumes on the next start from the queues' journals (a file stopped at
   * a checkpoint by its continuation event).
   */
  close(options?: CloseOptions): Promise<void>;
}

/** The issuer name in local tokens; stable across restarts so tokens survive a port change. */
export const localIssuerName = 'https://issuer.caregraph.local/';

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const dataDir = resolve(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  const ports = options.ports ?? {};
  mkdirSync(dataDir, { recursive: true });
  const closers: ((options: CloseOptions) => Promise<void>)[] = [];
  // Aborted by a stop that does not finish queued work: an ingest in flight then yields at its next
  // checkpoint and continues on the next start (its continuation event is journaled).
  const stopping = new AbortController();
  try {
    const s3rver = new S3rver({
      address: host,
      port: ports.s3 ?? 0,
      silent: true,
      directory: join(dataDir, 's3'),
    });
    // Whole objects only, as S3 serves them: s3rver alone can serve an object half written.
    useAtomicObjectWrites(s3rver);
    const s3Address = (await s3rver.run()) as AddressInfo;
    closers.push(() => s3rver.close());
    const dynamo = dynalite({
      path: join(dataDir, 'dynamodb'),
      createTableMs: 0,
      deleteTableMs: 0,
      updateTableMs: 0,
    });
    await new Promise<void>((ok, fail) =>
      dynamo.listen(ports.dynamodb ?? 0, host, (e?: Error) => (e ? fail(e) : ok())),
    );
    closers.push(() => new Promise<void>((ok) => dynamo.close(() => ok())));
    const s3Url = `http://${host}:${s3Address.port}`;
    const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    const sparql = await startSparqlServer({
      host,
      port: ports.sparql ?? 0,
      dataFile: join(dataDir, 'graph.nq'),
      s3: { endpoint: s3Url, credentials, region: 'us-east-1' },
    });
    closers.push(() => sparql.close());
    mkdirSync(join(dataDir, 'models'), { recursive: true });
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    // The model server's request log goes to the data directory, keeping the CLI's output clean.
    const modelLog = createWriteStream(join(dataDir, 'logs', 'model-server.log'), { flags: 'a' });
    closers.push(() => new Promise<void>((ok) => modelLog.end(() => ok())));
    const model = await startModelServer({
      host,
      port: ports.model ?? 0,
      modelDir: join(dataDir, 'models'),
      discoverModels: true,
      log: (entry) => modelLog.write(JSON.stringify(entry) + '\n'),
    });
    closers.push(() => model.close());

    const endpoints = {
      s3: s3Url,
      dynamodb: `http://${host}:${(dynamo.address() as AddressInfo).port}`,
      sparql: sparql.url,
      sagemaker: model.url,
    };
    const config = localConfig(
      endpoints,
      dataDir,
      options.logLevel ?? 'INFO',
      options.nlpVocabularyKeys,
      options.modelEndpoints,
    );
    // As on AWS: ingest publishes PatientDataUpdated; a rule delivers it to the monitor function.
    const events = new LocalEventBus(dataDir, { onHandlerError: invokeErrorLog(config) });
    const deps = buildDependencies(config, { events });
    const monitor =
      options.monitorOnEvents !== false
        ? makeMonitorHandler(
            { ...deps, news2: news2Scorer, defaultTimeZone: config.defaultTimeZone },
            buildObservability(config, 'monitor'),
          )
        : undefined;
    if (monitor)
      events.addRule({
        name: 'caregraph-local-patient-data-updated',
        ...eventTypes.patientDataUpdated,
        handler: monitor,
      });
    // NoteCurated: extract entities, assertions and relations into the hospital's graph.
    if (options.notesToGraph !== false) {
      events.addRule({
        name: 'caregraph-local-note-curated',
        ...eventTypes.noteCurated,
        handler: composeKgUpdateHandler(deps, config),
      });
    }
    closers.unshift((o) => events.close(o));
    await createBuckets(deps.s3, config);
    await createTables(deps.dynamodb, config);
    // A process killed mid-invocation leaves its idempotency record in progress; nothing runs yet.
    const staleInvocations = await clearStaleInProgress(deps.dynamodb, config.tables.idempotency);
    // Curated public knowledge (indications, contraindications, interactions, PGx pairs): the seed
    // named graph is replaced on every start, so it never duplicates.
    await loadSeedKnowledge(deps.graph);

    const ingest = makeIngestHandler(deps, buildObservability(config, 'ingest'), {
      ...(options.ingest?.checkpointEvery
        ? { checkpointEvery: options.ingest.checkpointEvery }
        : {}),
    });
    const ingestQueue = new LocalQueue({
      name: 'caregraph-local-ingest',
      handler: (event) =>
        ingest(
          event,
          lambdaContext('caregraph-ingest', options.ingest?.timeoutMs, stopping.signal),
        ),
      deadLetterFile: join(dataDir, 'dead-letters', 'ingest.jsonl'),
      // Durable, as SQS is: a continuation waiting here at a stop is not in S3's re-drive (its
      // upload's first invocation already completed), so only the journal keeps it.
      journalFile: join(dataDir, 'queues', 'caregraph-local-ingest.jsonl'),
      maxReceiveCount: options.maxReceiveCount ?? 5,
    });
    // As on AWS: a rule delivers IngestContinuationRequested to the ingest queue, so a file too
    // large for one invocation goes on in the next (functions/ingest/continuation.ts).
    events.addRule({
      name: 'caregraph-local-ingest-continuation',
      ...eventTypes.ingestContinuationRequested,
      handler: async (event) => {
        ingestQueue.send(JSON.stringify(event));
      },
    });
    // Messages a previous run left unhandled (stopped with work queued, or killed) go out again now
    // that every rule's target and the ingest queue exist; then uploads that are neither reported
    // nor queued (journal lost, or uploaded with autoIngest off) are re-driven from S3.
    const resumed = events.replay();
    const resumedUploads = ingestQueue.replayJournal();
    if (resumedUploads > 0) resumed['caregraph-local-ingest'] = resumedUploads;
    // Read now, before the queue's first batch leaves `waiting`.
    const replayedKeys = queuedObjectKeys(ingestQueue);
    if (options.autoIngest !== false) {
      wireObjectCreated(s3rver, config, ingestQueue);
      await redriveUnprocessed(deps, config, ingestQueue, replayedKeys);
    }
    closers.unshift((o) => ingestQueue.close(o));

    // The API serves the configured models and, as the model server does, any endpoint folder
    // installed while it runs (caregraph models promote), from its next request.
    const apiDeps = apiDependencies(deps);
    const api = makeApiHandler(
      {
        ...apiDeps,
        predictions: {
          ...apiDeps.predictions,
          models: discoveringModelEndpoints(config.models.endpoints, join(dataDir, 'models')),
        },
      },
      buildObservability(config, 'api'),
    );
    const gateway = await startApiGateway({
      host,
      port: ports.api ?? 0,
      handler: (event, context) => api(event, context),
      issuer: await LocalIssuer.open(join(dataDir, 'keys', 'issuer.jwk'), localIssuerName),
      info: (api) => ({
        api,
        s3: s3Url,
        dynamodb: endpoints.dynamodb,
        sparql: sparql.url,
        model: model.url,
        dataDir,
      }),
    });
    closers.unshift(() => closeServer(gateway.server));

    // As on AWS: EventBridge Scheduler invokes the reminders function every minute.
    const reminders = makeRemindersHandler(deps, buildObservability(config, 'reminders'));
    const scheduler = new LocalScheduler(
      [
        // Each with its AWS function's timeout (infra/constructs: reminders 50 s, monitor 30 s).
        { name: 'caregraph-reminders-every-minute', handler: reminders, timeoutMs: 50_000 },
        // As on AWS: the daily rolling re-plan of every patient with an active order (15 minutes).
        {
          name: 'caregraph-reminders-daily-replan',
          handler: makeReplanHandler(
            { ...deps, defaultTimeZone: config.defaultTimeZone },
            buildObservability(config, 'reminders-replan'),
          ),
          dailyAtUtc: dailyReplanAtUtc,
          timeoutMs: replanFunctionTimeoutMs,
        },
        // As on AWS: the alert escalation sweep, every minute, in the monitor function.
        ...(monitor
          ? [
              {
                name: 'caregraph-alert-escalation-every-minute',
                handler: monitor,
                timeoutMs: 30_000,
              },
            ]
          : []),
        ...(options.schedules ?? []),
      ],
      options.schedulePeriodMs,
    );
    scheduler.start();
    closers.unshift(() => scheduler.stop());

    return {
      config,
      ingest,
      deps,
      dataDir,
      endpoints: {
        api: gateway.url,
        s3: s3Url,
        dynamodb: endpoints.dynamodb,
        sparql: sparql.url,
        model: model.url,
      },
      ingestQueue,
      scheduler,
      issuer: gateway.issuer,
      settled: async () => {
        // Events can queue more ingest work (a file's continuation) and ingest more events.
        do {
          await ingestQueue.idle();
          await events.idle();
        } while (!ingestQueue.isIdle);
      },
      resumed,
      staleInvocations,
      queuedMessages: () => events.waitingCount + ingestQueue.waitingCount,
      close: (o = {}) => {
        if (o.finish === false) stopping.abort();
        return closeAll(closers, o);
      },
    };
  } catch (error) {
    // A stack that failed to start stops at once: queued work stays journaled for the next start.
    stopping.abort();
    await closeAll(closers, { finish: false });
    throw portInUse(error, host, ports) ?? error;
  }
}

const portNames = {
  api: ['API', '--port'],
  s3: ['S3', '--s3-port'],
  dynamodb: ['DynamoDB', '--dynamodb-port'],
  sparql: ['SPARQL', '--sparql-port'],
  model: ['model server', '--model-port'],
} as const;

/** A clear error for a port that something else already listens on, naming `start`'s flag for it. */
function portInUse(
  error: unknown,
  host: string,
  ports: NonNullable<StackOptions['ports']>,
): ValidationError | undefined {
  const { code, port } = (error ?? {}) as { code?: string; port?: number };
  if (code !== 'EADDRINUSE' || !port) return undefined;
  const server = (Object.keys(portNames) as (keyof typeof portNames)[]).find(
    (name) => ports[name] === port,
  );
  const [name, flag] = server ? portNames[server] : ['', ''];
  return new ValidationError(
    `the ${name ? `${name} ` : ''}port ${port} on ${host} is already in use, by another caregraph start or another program; stop it or choose another port${flag ? ` with ${flag}` : ''} (0 picks a free one)`,
    flag || undefined,
    { cause: error },
  );
}

/** S3 -> SQS: s3rver's object-created events become the notification JSON AWS puts on the queue. */
function wireObjectCreated(s3rver: S3rver, config: AppConfig, queue: LocalQueue): void {
  s3rver.on(
    'event',
    (event: {
      Records: {
        eventName: string;
        s3: {
          bucket: { name: string };
          object: { key: string; size?: number; eTag?: string; sequencer?: string };
        };
      }[];
    }) => {
      for (const r of event.Records) {
        const { bucket, object } = r.s3;
        if (
          bucket.name !== config.buckets.raw ||
          !r.eventName.startsWith('ObjectCreated') ||
          !object.key.startsWith(keyLayout.rawPrefix)
        )
          continue;
        const record = s3EventRecord({
          bucket: bucket.name,
          key: object.key,
          size: object.size ?? 0,
          eTag: String(object.eTag ?? ''),
          sequencer: String(object.sequencer ?? ''),
          eventName: r.eventName,
        });
        queue.send(JSON.stringify({ Records: [record] }));
      }
    },
  );
}

/**
 * Uploads whose report was never written and that are not already `queued` (their keys as in the
 * notifications) are queued again: nothing lost when a journal is, or an upload came in with
 * autoIngest off.
 */
async function redriveUnprocessed(
  deps: Dependencies,
  config: AppConfig,
  queue: LocalQueue,
  queued: ReadonlySet<string>,
): Promise<void> {
  const raw = await deps.objects.list('raw', keyLayout.rawPrefix);
  const reports = new Set((await deps.objects.list('curated', 'reports/')).map((o) => o.key));
  for (const o of raw) {
    const [, hospital, batch, ...file] = o.key.split('/');
    if (!hospital || !batch || file.length === 0) continue;
    if (reports.has(keyLayout.report(hospital, batch, file.join('/')))) continue;
    if (queued.has(encodeS3Key(o.key))) continue;
    const record = s3EventRecord({
      bucket: config.buckets.raw,
      key: o.key,
      size: o.size,
      eTag: (o.etag ?? '').replace(/"/g, ''),
      sequencer: 'redrive',
    });
    queue.send(JSON.stringify({ Records: [record] }));
  }
}

/** The (URL-encoded) object keys of the S3 notifications waiting in the ingest queue. */
function queuedObjectKeys(queue: LocalQueue): Set<string> {
  const keys = new Set<string>();
  for (const body of queue.waitingBodies()) {
    let records: { s3?: { object?: { key?: string } } }[] | undefined;
    try {
      records = (JSON.parse(body) as { Records?: typeof records }).Records;
    } catch {
      continue; // not a notification; the ingest function dead-letters it with its reason
    }
    for (const r of records ?? []) if (r.s3?.object?.key) keys.add(r.s3.object.key);
  }
  return keys;
}

/**
 * A rule target's failed invocation in the functions log, as Lambda's runtime logs an uncaught error:
 * the error's type always, its message only for the product's own errors (written without PHI; a
 * library's message could quote a value).
 */
function invokeErrorLog(config: AppConfig): (rule: string, error: unknown) => void {
  const loggers = new Map<string, ReturnType<typeof buildObservability>['logger']>();
  return (rule, error) => {
    let logger = loggers.get(rule);
    if (!logger) loggers.set(rule, (logger = buildObservability(config, rule).logger));
    logger.error('invocation failed; the event will be retried', {
      errorType: error instanceof Error ? error.name : typeof error,
      ...(error instanceof CaregraphError ? { errorMessage: error.message } : {}),
    });
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function closeAll(
  closers: ((options: CloseOptions) => Promise<void>)[],
  options: CloseOptions,
): Promise<void> {
  for (const close of closers.splice(0)) {
    await close(options).catch(() => undefined);
  }
}
