// Local (synth): a worker thread that renders ranges of patients (writing their per-patient files) and
// posts the chunk back, transferring its encoded bytes rather than cloning them.
import { parentPort } from 'node:worker_threads';
import type { CohortOptions } from '../../shared/domain/synth/model';
import { renderChunk } from './chunk';

export interface RenderRequest {
  options: CohortOptions;
  /** The cohort directory (its folders already exist). */
  out: string;
  start: number;
  end: number;
}

parentPort?.on('message', (request: RenderRequest) => {
  try {
    const chunk = renderChunk(request.options, request.start, request.end, request.out);
    parentPort!.postMessage(
      chunk,
      chunk.files.map((f) => f.bytes.buffer as ArrayBuffer),
    );
  } catch (error) {
    parentPort!.postMessage({
      start: request.start,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
});
