// Local (synth): render patients on worker threads (one per core) and hand the chunks back in index
// order, with a bounded number of chunks in flight so memory stays flat however large the cohort.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { CohortOptions } from '../../shared/domain/synth/model';
import { chunkBuffers, recycleChunkBuffers, renderChunk, type RenderedChunk } from './chunk';
import { applyRenderJitSettings } from './jit-budget';
import type { RecycleRequest, RenderRequest } from './render-worker';
import { bundleRenderWorker, unbundledWorker } from './worker-bundle';

/** Patients per message: large enough that messaging is negligible, small enough to keep memory low. */
const chunkSize = 50;
/** Chunks queued per worker (each holds about 2-6 MB of encoded lines and files until written). */
const inFlightPerWorker = 3;
/** Below this, starting workers costs more than it saves. */
const inThreadBelow = 300;

/**
 * Patients 0..N-1 of the cohort, rendered in chunks, in order. A chunk's bytes are valid until the
 * consumer asks for the next chunk: then its buffers go back to the thread that rendered it, to be
 * reused (so write a chunk completely before moving on, and keep no views of its bytes).
 */
export async function* renderedChunks(
  options: CohortOptions,
  workers = availableParallelism(),
): AsyncGenerator<RenderedChunk> {
  const restoreJit = applyRenderJitSettings(process.execArgv);
  try {
    if (workers <= 1 || options.patients < inThreadBelow) {
      for (let start = 0; start < options.patients; start += chunkSize) {
        const chunk = renderChunk(options, start, Math.min(options.patients, start + chunkSize));
        yield chunk;
        recycleChunkBuffers(chunkBuffers(chunk));
      }
      return;
    }
    yield* fromWorkers(options, workers);
  } finally {
    restoreJit();
  }
}

type ChunkResult = RenderedChunk | { start: number; error: string };

async function* fromWorkers(options: CohortOptions, count: number): AsyncGenerator<RenderedChunk> {
  const script = await bundleRenderWorker();
  const pool = Array.from({ length: count }, () => new Worker(script?.url ?? unbundledWorker));
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
      const worker = owner.get(start)!;
      owner.delete(start);
      dispatch(worker);
      yield result;
      // Written: its memory goes back to the worker that rendered it.
      const recycle = chunkBuffers(result);
      worker.postMessage({ recycle } satisfies RecycleRequest, recycle);
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
    script?.dispose();
  }
}
