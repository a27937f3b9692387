// Lambda entry point (AWS): build dependencies from the environment once per container, then delegate.
import type { Context } from 'aws-lambda';
import { loadConfig } from '../../shared/config/config';
import { buildDependencies } from '../../shared/adapters/composition';
import { buildObservability } from '../../shared/adapters/observability';
import { extractClinical } from '../../shared/domain/nlp/extract';
import { makeKgUpdateHandler } from './make-handler';

let built: ReturnType<typeof makeKgUpdateHandler> | undefined;

export const handler = (event: unknown, context: Context) => {
  if (!built) {
    const config = loadConfig();
    built = makeKgUpdateHandler(
      {
        ...buildDependencies(config),
        extract: async (text) => extractClinical(text),
        extractorName: 'caregraph-nlp',
      },
      buildObservability(config, 'kg-update'),
    );
  }
  return built(event, context);
};
