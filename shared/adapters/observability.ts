// Logging and metrics with Powertools. In AWS they write to stdout (CloudWatch); in the embedded
// stack they write to a log file so the CLI's stdout stays clean. Logs never carry PHI: callers log
// keys, counts and reasons, never record values.
import { Console } from 'node:console';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { AppConfig } from '../config/config';

export interface Observability {
  logger: Logger;
  metrics: Metrics;
}

const localStreams = new Map<string, Console>();

export function buildObservability(config: AppConfig, functionName: string): Observability {
  const logLevel = config.logLevel === 'SILENT' ? 'SILENT' : config.logLevel;
  const local = config.mode === 'local';
  const sink = local
    ? localConsole(join(config.dataDir ?? '.caregraph', 'logs', 'functions.log'))
    : undefined;
  const logger = new Logger({
    serviceName: config.serviceName,
    logLevel,
    persistentKeys: { function: functionName },
  });
  const metrics = new Metrics({
    namespace: 'caregraph',
    serviceName: config.serviceName,
    ...(sink ? { logger: sink } : {}),
  });
  if (sink) {
    // Powertools writes records through a private Console; point it at the local log file.
    (logger as unknown as { console: Console }).console = sink;
    (metrics as unknown as { console: Console }).console = sink;
  }
  return { logger, metrics };
}

function localConsole(file: string): Console {
  let sink = localStreams.get(file);
  if (!sink) {
    mkdirSync(join(file, '..'), { recursive: true });
    const stream = createWriteStream(file, { flags: 'a' });
    sink = new Console({ stdout: stream, stderr: stream });
    localStreams.set(file, sink);
  }
  return sink;
}
