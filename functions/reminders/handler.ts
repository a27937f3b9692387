// Lambda entry point (AWS): build dependencies from the environment once per container, then delegate.
import type { Context } from 'aws-lambda';
import { loadConfig } from '../../shared/config/config';
import { buildDependencies } from '../../shared/adapters/composition';
import { buildObservability } from '../../shared/adapters/observability';
import { makeRemindersHandler } from './make-handler';

let built: ReturnType<typeof makeRemindersHandler> | undefined;

export const handler = (event: unknown, context: Context) => {
  if (!built) {
    const config = loadConfig();
    built = makeRemindersHandler(
      buildDependencies(config),
      buildObservability(config, 'reminders'),
    );
  }
  return built(event, context);
};
