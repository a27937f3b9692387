// Local (synth): render patients on worker threads (one per core) and hand them back in index order,
// with a bounded number of chunks in flight so memory stays flat however large the cohort.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { renderCohortPatient } from '../../shared/domain/synth/cohort';
import type { CohortOptions } from '../../shared/domain/synth/model';
import { toPayload, type PatientPayload } from './payload';

const chunkSize = 25;
/** Below this, starting workers costs more than it saves. */
const inThreadBelow = 300;

/** Patients 0..N-1 of the cohort, rendered, in order. */
export async function* renderedPatients(
  options: CohortOptions,
  workers = availableParallelism(),
): AsyncGenerator<PatientPayload> {
  if (workers <= 1 || options.patients < inThreadBelow) {
    for (let index = 0; index < options.patients; index++)
      yield toPayload(renderCohortPatient(options, index));
    return;
  }
  yield* fromWorkers(options, workers);
}

interface ChunkResult {
  start: number;
  payloads?: PatientPayload[];
  error?: string;
}

async function* fromWorkers(options: CohortOptions, count: number): AsyncGenerator<PatientPayload> {
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
    worker.postMessage({
      options,
      start: nextStart,
      end: Math.min(options.patients, nextStart + chunkSize),
    });
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
    // Two chunks per worker in flight: it never idles while the writer drains the other.
    dispatch(worker);
    dispatch(worker);
  }
  try {
    for (let start = 0; start < options.patients; start += chunkSize) {
      while (!done.has(start)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const result = done.get(start)!;
      done.delete(start);
      if (result.error)
        throw new Error(
          `rendering patients ${start}-${start + chunkSize - 1} failed: ${result.error}`,
        );
      dispatch(owner.get(start)!);
      owner.delete(start);
      yield* result.payloads!;
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
