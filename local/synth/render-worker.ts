// Local (synth): a worker thread that renders ranges of patients and posts their payloads back.
import { parentPort } from 'node:worker_threads';
import { renderCohortPatient } from '../../shared/domain/synth/cohort';
import type { CohortOptions } from '../../shared/domain/synth/model';
import { toPayload, type PatientPayload } from './payload';

export interface RenderRequest {
  options: CohortOptions;
  start: number;
  end: number;
}

parentPort?.on('message', (request: RenderRequest) => {
  const payloads: PatientPayload[] = [];
  try {
    for (let index = request.start; index < request.end; index++)
      payloads.push(toPayload(renderCohortPatient(request.options, index)));
    parentPort!.postMessage({ start: request.start, payloads });
  } catch (error) {
    parentPort!.postMessage({
      start: request.start,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
});
