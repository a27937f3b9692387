// Lambda entry point (AWS): build dependencies from the environment once per container, then delegate.
import type { Context } from 'aws-lambda';
import { loadConfig } from '../../shared/config/config';
import { buildDependencies } from '../../shared/adapters/composition';
import { buildObservability } from '../../shared/adapters/observability';
import { makeReplanHandler } from './make-replan-handler';

let built: ReturnType<typeof makeReplanHandler> | undefined;

export const handler = (event: unknown, context: Context) => {
  if (!built) {
    const config = loadConfig();
    built = makeReplanHandler(
      { ...buildDependencies(config), defaultTimeZone: config.defaultTimeZone },
      buildObservability(config, 'reminders-replan'),
    );
  }
  return built(event, context);
};
