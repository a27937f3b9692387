// Lambda entry point (AWS): build dependencies from the environment once per container, then delegate.
import type { Context } from 'aws-lambda';
import { loadConfig } from '../../shared/config/config';
import { buildDependencies } from '../../shared/adapters/composition';
import { buildObservability } from '../../shared/adapters/observability';
import { makeKgUpdateHandler } from './make-handler';
import { vocabularyExtractor } from './vocabulary';

let built: ReturnType<typeof makeKgUpdateHandler> | undefined;

export const handler = (event: unknown, context: Context) => {
  if (!built) {
    const config = loadConfig();
    const deps = buildDependencies(config);
    const observability = buildObservability(config, 'kg-update');
    built = makeKgUpdateHandler(
      {
        ...deps,
        // The curated vocabulary plus the imported ones the deployment names (read on first use).
        ...vocabularyExtractor({
          objects: deps.objects,
          keys: config.nlp.vocabularyKeys,
          logger: observability.logger,
        }),
      },
      observability,
    );
  }
  return built(event, context);
};
