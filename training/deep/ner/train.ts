// Training (deep, NER): the `caregraph train ner` job: PubTator training file(s) -> lexicon + BiLSTM
// tagger with dictionary hints (corpus-tagger.ts) + the linear-chain sequence tagger (crf-corpus.ts,
// stored by crf-store.ts) -> a model directory `caregraph extract --tagger DIR` loads (combined.ts).
// The caller selects the tfjs backend first (backend.ts).
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../../../shared/domain/errors';
import { parsePubtator, type PubtatorDocument } from '../../../shared/domain/nlp/corpora/pubtator';
import { saveCombinedModel } from './combined';
import { trainCorpusTagger } from './corpus-tagger';
import { trainCorpusCrf } from './crf-corpus';
import { saveSequenceTagger } from './crf-store';

export interface TrainNerJob {
  /** PubTator files (title, abstract and annotation lines; CDR relation lines are ignored). */
  pubtator: readonly string[];
  out: string;
  epochs?: number;
  seed?: number;
  name?: string;
  onProgress?: (line: string) => void;
}

export interface TrainNerReport {
  documents: number;
  epochs: number;
  /** Exact-span F1 (0-1) of the kept epoch on the held-out tenth of the training documents. */
  heldOutF1: number;
  lexiconEntries: number;
  out: string;
}

/** Train the combined NER model on PubTator files and write it to `job.out`. */
export async function trainNerModel(job: TrainNerJob): Promise<TrainNerReport> {
  if (job.pubtator.length === 0)
    throw new ValidationError('give at least one PubTator file', 'pubtator');
  const docs: PubtatorDocument[] = [];
  for (const file of job.pubtator) {
    let content: string;
    try {
      content = await readFile(file, 'utf8');
    } catch (error) {
      throw new ValidationError(`cannot read ${file}`, 'pubtator', { cause: error });
    }
    docs.push(...parsePubtator(content));
  }
  if (docs.length < 10)
    throw new ValidationError(
      `${docs.length} documents: need at least 10 to hold some out`,
      'pubtator',
    );
  const trained = await trainCorpusTagger(docs, {
    ...(job.epochs !== undefined ? { epochs: job.epochs } : {}),
    ...(job.seed !== undefined ? { seed: job.seed } : {}),
    source: job.pubtator.join(', '),
    onEpoch: (e, loss, s, f1) =>
      job.onProgress?.(
        `epoch ${e} loss ${loss.toFixed(4)} held-out F1 ${f1?.toFixed(4)} ${s.toFixed(0)} s`,
      ),
  });
  job.onProgress?.(`sequence tagger on ${docs.length} documents`);
  const crf = trainCorpusCrf(docs, { types: entityTypes(docs), source: job.pubtator.join(', ') });
  const heldOutF1 = Math.max(...trained.tagger.history.map((h) => h.validationF1 ?? 0));
  await saveCombinedModel(job.out, trained, job.name ?? 'ner-tagger', {
    intendedUse:
      'Chemical and disease mention tagging merged with the dictionary matcher (caregraph extract --tagger).',
    trainingData: `${docs.length} PubTator documents (${job.pubtator.length} file(s)); every tenth held out for early stopping`,
    metrics: { heldOutF1: Number(heldOutF1.toFixed(4)) },
    limitations: [
      'Trained on PubMed abstracts: clinical notes differ in style, abbreviations and section layout.',
      'Types are those annotated in the training files (Chemical, Disease).',
      'The sequence tagger (sequence-tagger.json/.bin) leads; BiLSTM spans of confidence 0.9+ fill its gaps.',
    ],
    hyperparameters: {
      epochs: trained.tagger.history.length,
      seed: job.seed ?? 1,
      minConfidence: trained.minConfidence,
    },
  });
  await saveSequenceTagger(job.out, crf);
  return {
    documents: docs.length,
    epochs: trained.tagger.history.length,
    heldOutF1,
    lexiconEntries: trained.lexicon.entries.length,
    out: job.out,
  };
}

/** The entity types annotated in `docs` (Chemical before Disease). */
function entityTypes(docs: readonly PubtatorDocument[]): string[] {
  const present = new Set<string>(docs.flatMap((d) => d.mentions.map((m) => m.type)));
  return ['Chemical', 'Disease'].filter((t) => present.has(t));
}
