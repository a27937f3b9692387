// Lambda entry point (AWS): build dependencies from the environment once per container, then delegate.
import type { Context } from 'aws-lambda';
import { loadConfig } from '../../shared/config/config';
import { buildDependencies } from '../../shared/adapters/composition';
import { buildObservability } from '../../shared/adapters/observability';
import { apiDependencies, makeApiHandler } from './make-handler';
import type { ApiEvent } from './http';

let built: ReturnType<typeof makeApiHandler> | undefined;

export const handler = (event: ApiEvent, context: Context) => {
  if (!built) {
    const config = loadConfig();
    built = makeApiHandler(
      apiDependencies(buildDependencies(config)),
      buildObservability(config, 'api'),
    );
  }
  return built(event, context);
};
