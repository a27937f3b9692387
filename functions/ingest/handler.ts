// Lambda entry point (AWS): build dependencies from the environment once per container, then delegate.
import type { Context, SQSEvent } from 'aws-lambda';
import { loadConfig } from '../../shared/config/config';
import { buildDependencies } from '../../shared/adapters/composition';
import { buildObservability } from '../../shared/adapters/observability';
import { makeIngestHandler } from './make-handler';

let built: ReturnType<typeof makeIngestHandler> | undefined;

export const handler = (event: SQSEvent, context: Context) => {
  if (!built) {
    const config = loadConfig();
    built = makeIngestHandler(buildDependencies(config), buildObservability(config, 'ingest'));
  }
  return built(event, context);
};
