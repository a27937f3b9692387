// Local (synth): a worker thread that renders ranges of patients and posts each chunk back,
// transferring its encoded bytes (shared-file lines and per-patient files) rather than cloning them.
import { parentPort } from 'node:worker_threads';
import type { CohortOptions } from '../../shared/domain/synth/model';
import { chunkBuffers, recycleChunkBuffers, renderChunk } from './chunk';

export interface RenderRequest {
  options: CohortOptions;
  start: number;
  end: number;
}

/** The buffers of a chunk this thread rendered, written and handed back for reuse. */
export interface RecycleRequest {
  recycle: ArrayBuffer[];
}

parentPort?.on('message', (request: RenderRequest | RecycleRequest) => {
  if ('recycle' in request) {
    recycleChunkBuffers(request.recycle);
    return;
  }
  try {
    const chunk = renderChunk(request.options, request.start, request.end);
    parentPort!.postMessage(chunk, chunkBuffers(chunk));
  } catch (error) {
    parentPort!.postMessage({
      start: request.start,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
});
