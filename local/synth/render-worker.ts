// Local (synth): a worker thread that renders ranges of patients and posts each chunk back,
// transferring its encoded bytes (shared-file lines and per-patient files) rather than cloning them.
import { parentPort } from 'node:worker_threads';
import type { CohortOptions } from '../../shared/domain/synth/model';
import { renderChunk } from './chunk';

export interface RenderRequest {
  options: CohortOptions;
  start: number;
  end: number;
}

parentPort?.on('message', (request: RenderRequest) => {
  try {
    const chunk = renderChunk(request.options, request.start, request.end);
    const buffers = [...chunk.files.map((f) => f.bytes), chunk.documents.bytes];
    parentPort!.postMessage(
      chunk,
      buffers.map((b) => b.buffer as ArrayBuffer),
    );
  } catch (error) {
    parentPort!.postMessage({
      start: request.start,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
});
