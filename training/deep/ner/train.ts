// Training (deep, NER): the `caregraph train ner` job: PubTator training file(s) -> lexicon + BiLSTM
// tagger with dictionary hints (corpus-tagger.ts) + the linear-chain sequence tagger (crf-corpus.ts,
// stored by crf-store.ts) -> a model directory `caregraph extract --tagger DIR` loads (combined.ts).
// As in the NER evaluation (bench/eval/ner.ts), the sequence tagger has Brown word-cluster features
// (crf/brown.ts, C = 300, from the training files' texts) and is a 5-seed ensemble whose
// post-processed spans are kept by majority vote (crf/vote.ts); both are options.
// The caller selects the tfjs backend first (backend.ts).
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../../../shared/domain/errors';
import { parsePubtator, type PubtatorDocument } from '../../../shared/domain/nlp/corpora/pubtator';
import { textClusters } from '../../../shared/domain/nlp/crf/brown';
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
  /** Members of the sequence tagger's seed ensemble (seeds 1..K; default 5; 1: a single tagger). */
  sequenceMembers?: number;
  /** Brown clusters C of the sequence tagger's cluster features (default 300; 0: no clusters). */
  clusters?: number;
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
  const members = job.sequenceMembers ?? 5;
  const clusterCount = job.clusters ?? 300;
  if (!Number.isInteger(members) || members < 1)
    throw new ValidationError(
      'sequence tagger members must be a whole number of at least 1',
      'members',
    );
  if (!Number.isInteger(clusterCount) || clusterCount < 0)
    throw new ValidationError('clusters must be a whole number (0: none)', 'clusters');
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
  const clusters =
    clusterCount > 0
      ? textClusters(
          docs.map((d) => d.text),
          { clusters: clusterCount, onProgress: job.onProgress },
        )
      : undefined;
  if (clusters)
    job.onProgress?.(`Brown clusters (C=${clusterCount}): ${clusters.paths.size} words`);
  job.onProgress?.(`sequence tagger (${members} seed(s)) on ${docs.length} documents`);
  const seeds = Array.from({ length: members }, (_, i) => i + 1);
  const crf = trainCorpusCrf(docs, {
    types: entityTypes(docs),
    source: job.pubtator.join(', '),
    seeds,
    ...(clusters ? { clusters } : {}),
    ...(job.onProgress ? { onProgress: job.onProgress } : {}),
  });
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
      sequenceTaggerSeeds: seeds.join(','),
      sequenceTaggerClusters: clusterCount,
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
