// Lambda entry point (AWS): build dependencies from the environment once per container, then delegate.
import type { Context } from 'aws-lambda';
import { loadConfig } from '../../shared/config/config';
import { buildDependencies } from '../../shared/adapters/composition';
import { buildObservability } from '../../shared/adapters/observability';
import { news2Scorer } from '../../shared/domain/monitoring/news2-scorer';
import { makeMonitorHandler, type MonitorEvent } from './make-handler';

let built: ReturnType<typeof makeMonitorHandler> | undefined;

// The NEWS2 SpO2 scale is chosen per patient from their record (spo2-scale.ts), not configured here.
export const handler = (event: MonitorEvent, context: Context) => {
  if (!built) {
    const config = loadConfig();
    built = makeMonitorHandler(
      { ...buildDependencies(config), news2: news2Scorer, defaultTimeZone: config.defaultTimeZone },
      buildObservability(config, 'monitor'),
    );
  }
  return built(event, context);
};
