// Child-process entry for `npm run bench -- ingest`: the ingest function alone in a fresh process, as
// its Lambda runs, so that the process's peak resident memory is the function's own (what Lambda
// reports as Max Memory Used), not the benchmark's (which holds the whole file for its JSON.parse
// reference). Started with child_process.fork; receives `{ endpoints, dataDir, event }`, invokes the
// handler once and replies with its response, the time it took and the memory it used.
import type { SQSEvent } from 'aws-lambda';
import { lambdaContext } from '../local/aws-events';
import { LocalEventBus } from '../local/event-bus';
import { localConfig, type LocalEndpoints } from '../shared/config/config';
import { buildDependencies } from '../shared/adapters/composition';
import { buildObservability } from '../shared/adapters/observability';
import { makeIngestHandler } from '../functions/ingest/make-handler';
import { muteSdkNodeVersionNotice } from '../local/node-warnings';
import { answerParentOnce } from './child-entry';
import { processMemory } from './process-memory';

export interface HandlerRun {
  endpoints: LocalEndpoints;
  dataDir: string;
  event: SQSEvent;
  /** Also sample the heap retained after full collections (needs --expose-gc). */
  retained?: boolean;
}

export interface HandlerOutcome {
  failures: number;
  seconds: number;
  /** RSS when the handler was called (modules loaded, clients built), MiB. */
  rssBeforeMiB: number;
  /** Peak RSS of the process over its life (VmHWM), MiB: Lambda's Max Memory Used. */
  peakRssMiB: number;
  heapBeforeMiB: number;
  peakHeapMiB: number;
  /** RSS every 10 s of the run, MiB: whether memory levels off or keeps growing with the file. */
  rssEvery10sMiB: number[];
  /**
   * With CAREGRAPH_BENCH_RETAINED=1 (the benchmark then starts this process with --expose-gc): the
   * heap still in use after a full collection, every 5 s of the run, MiB. What the function retains,
   * as opposed to garbage not yet collected; the forced collections lower the peaks above, so the
   * benchmark's headline figures come from runs without it.
   */
  retainedHeapMiB?: number[];
}

muteSdkNodeVersionNotice();

answerParentOnce(
  {
    name: 'ingest-handler-process.ts',
    startedBy: 'bench/ingest.ts',
    failure: 'the ingest handler failed',
  },
  run,
);

async function run({
  endpoints,
  dataDir,
  event,
  retained: trace,
}: HandlerRun): Promise<HandlerOutcome> {
  const config = localConfig(endpoints, dataDir, 'ERROR');
  const deps = buildDependencies(config, { events: new LocalEventBus(dataDir) });
  const ingest = makeIngestHandler(deps, buildObservability(config, 'ingest'));
  const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);
  const rss: number[] = [];
  const rssSampler = setInterval(() => rss.push(mib(process.memoryUsage.rss())), 10_000);
  const gc = (globalThis as { gc?: () => void }).gc;
  const retained: number[] = [];
  const tracer =
    trace && gc
      ? setInterval(() => {
          gc();
          retained.push(mib(process.memoryUsage().heapUsed));
        }, 5_000)
      : undefined;
  const start = process.hrtime.bigint();
  const response = await ingest(event, lambdaContext('bench-ingest', 900_000));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  clearInterval(rssSampler);
  if (tracer) clearInterval(tracer);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  deps.dynamodb.destroy();
  deps.s3.destroy();
  return {
    failures: response.batchItemFailures.length,
    seconds,
    rssBeforeMiB: mib(before.rss),
    peakRssMiB: processMemory('self')?.peakRssMiB ?? mib(before.rss),
    heapBeforeMiB: mib(before.heapUsed),
    peakHeapMiB: mib(peakHeap),
    rssEvery10sMiB: rss,
    ...(tracer ? { retainedHeapMiB: retained } : {}),
  };
}
