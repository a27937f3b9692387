// The evaluation suites `caregraph eval` (`npm run eval`) knows. Each reads ../shared/data and skips
// with a clear message when it is absent.
import { ingestSyntheaEval } from './ingest-synthea';
import { synthValidityEval } from './synth-validity';
import { pgxEval } from './pgx';
import { deidEval } from './deid';
import { modelsEval } from './models';
import { nerEval } from './ner';
import { relationsEval } from './relations';
import { deepEval } from './deep';
import { cidEval } from './cid';
import { sklearnEval } from './sklearn';
import { dirtyDefectsEval } from './dirty-defects';
import { vocabularyEval } from './vocabulary';

export interface EvalContext {
  sharedData: string;
  progress: (line: string) => void;
  /** Suite-specific size (`--size N`), e.g. the cohort size of the models suite. */
  size?: number;
}

export type EvalResult =
  { skipped: string } | { metrics: Record<string, number>; details?: Record<string, unknown> };

export const evalSuites: Record<string, (ctx: EvalContext) => Promise<EvalResult>> = {
  'ingest-synthea': ingestSyntheaEval,
  'synth-validity': synthValidityEval,
  pgx: pgxEval,
  deid: deidEval,
  models: modelsEval,
  ner: nerEval,
  relations: relationsEval,
  deep: deepEval,
  cid: cidEval,
  sklearn: sklearnEval,
  'dirty-defects': dirtyDefectsEval,
  vocabulary: vocabularyEval,
};
