// Lambda entry point (AWS): build dependencies from the environment once per container, then delegate.
import type { Context } from 'aws-lambda';
import { loadConfig } from '../../shared/config/config';
import { buildDependencies } from '../../shared/adapters/composition';
import { composeKgUpdateHandler } from './vocabulary';

let built: ReturnType<typeof composeKgUpdateHandler> | undefined;

export const handler = (event: unknown, context: Context) => {
  if (!built) {
    const config = loadConfig();
    // The curated vocabulary plus the imported ones the deployment names (read on first use).
    built = composeKgUpdateHandler(buildDependencies(config), config);
  }
  return built(event, context);
};
