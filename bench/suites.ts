// The benchmark suites `caregraph bench` knows.
import { ingestBenchmark } from './ingest';
import { synthBenchmark } from './synth';
import { alertsBenchmark } from './alerts';
import { remindersBenchmark } from './reminders';
import { modelsBenchmark } from './models';
import { recommendApiBenchmark, recommendBenchmark } from './recommend';
import { nlpBenchmark } from './nlp';
import { predictionsApiBenchmark } from './predictions';
import { deepBenchmark } from './deep';
import { kgBenchmark, kgNotesBenchmark } from './kg';
import { featuresBenchmark } from './features';

export interface BenchContext {
  progress: (line: string) => void;
  /** Suite-specific size (e.g. resources to ingest). */
  size?: number;
}

export interface BenchResult {
  metrics: Record<string, number | string>;
  notes?: string[];
}

export const benchSuites: Record<string, (ctx: BenchContext) => Promise<BenchResult>> = {
  ingest: ingestBenchmark,
  synth: synthBenchmark,
  alerts: alertsBenchmark,
  reminders: remindersBenchmark,
  models: modelsBenchmark,
  recommend: recommendBenchmark,
  'recommend-api': recommendApiBenchmark,
  'predictions-api': predictionsApiBenchmark,
  nlp: nlpBenchmark,
  deep: deepBenchmark,
  kg: kgBenchmark,
  'kg-notes': kgNotesBenchmark,
  features: featuresBenchmark,
};
