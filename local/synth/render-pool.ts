// Local (synth): render patients on worker threads (one per core) and hand the chunks back in index
// order, with a bounded number of chunks in flight so memory stays flat however large the cohort.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { CohortOptions } from '../../shared/domain/synth/model';
import { renderChunk, type RenderedChunk } from './chunk';
import { limitInliningWhileRendering } from './jit-budget';
import type { RenderRequest } from './render-worker';

/** Patients per message: large enough that messaging is negligible, small enough to keep memory low. */
const chunkSize = 50;
/** Chunks queued per worker (each holds about 2-6 MB of encoded lines and files until written). */
const inFlightPerWorker = 3;
/** Below this, starting workers costs more than it saves. */
const inThreadBelow = 300;

/** Patients 0..N-1 of the cohort, rendered in chunks, in order. */
export async function* renderedChunks(
  options: CohortOptions,
  workers = availableParallelism(),
): AsyncGenerator<RenderedChunk> {
  const restoreInlining = limitInliningWhileRendering(process.execArgv);
  try {
    if (workers <= 1 || options.patients < inThreadBelow) {
      for (let start = 0; start < options.patients; start += chunkSize)
        yield renderChunk(options, start, Math.min(options.patients, start + chunkSize));
      return;
    }
    yield* fromWorkers(options, workers);
  } finally {
    restoreInlining();
  }
}

type ChunkResult = RenderedChunk | { start: number; error: string };

async function* fromWorkers(options: CohortOptions, count: number): AsyncGenerator<RenderedChunk> {
  const pool = Array.from(
    { length: count },
    () => new Worker(new URL('./render-worker.mjs', import.meta.url)),
  );
  const done = new Map<number, ChunkResult>();
  let wake: (() => void) | undefined;
  const owner = new Map<number, Worker>();
  let nextStart = 0;
  const dispatch = (worker: Worker) => {
    if (nextStart >= options.patients) return;
    owner.set(nextStart, worker);
    const end = Math.min(options.patients, nextStart + chunkSize);
    worker.postMessage({ options, start: nextStart, end } satisfies RenderRequest);
    nextStart += chunkSize;
  };
  let failure: Error | undefined;
  for (const worker of pool) {
    worker.on('message', (result: ChunkResult) => {
      done.set(result.start, result);
      wake?.();
    });
    worker.on('error', (error) => {
      failure = error;
      wake?.();
    });
    // Chunks finish out of order; with a few in flight per worker, none idles while the writer waits
    // for an earlier chunk from the other.
    for (let i = 0; i < inFlightPerWorker; i++) dispatch(worker);
  }
  try {
    for (let start = 0; start < options.patients; start += chunkSize) {
      while (!done.has(start)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const result = done.get(start)!;
      done.delete(start);
      if ('error' in result)
        throw new Error(
          `rendering patients ${start}-${start + chunkSize - 1} failed: ${result.error}`,
        );
      dispatch(owner.get(start)!);
      owner.delete(start);
      yield result;
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
