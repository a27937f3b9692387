// Training (deep, NER): the `caregraph train ner` job: PubTator training file(s) -> lexicon + BiLSTM
// tagger with dictionary hints (corpus-tagger.ts) + the linear-chain sequence tagger (crf-corpus.ts,
// stored by crf-store.ts) -> a model directory `caregraph extract --tagger DIR` loads (combined.ts).
// As in the NER evaluation (bench/eval/ner.ts), the sequence tagger has Brown word-cluster features
// (crf/brown.ts, C = 300, from the training files' texts) and is a 5-seed ensemble whose
// post-processed spans are kept by majority vote (crf/vote.ts); both are options.
// Also as there, the rule that merges the sequence tagger, the BiLSTM and the dictionary is chosen on
// the held-out tenth of the training documents (every tenth, the BiLSTM's early-stopping tenth),
// tagged by a sequence tagger trained on the other nine tenths (crf-combination.ts); the rule is saved
// in combination.json for extract --tagger. `combination: 'fixed'` skips that and keeps the older
// fixed rule (combined.ts).
// The caller selects the tfjs backend first (backend.ts).
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../../../shared/domain/errors';
import { parsePubtator, type PubtatorDocument } from '../../../shared/domain/nlp/corpora/pubtator';
import { textClusters } from '../../../shared/domain/nlp/crf/brown';
import { saveCombinedModel, type SavedCombination } from './combined';
import { tagWithHints, trainCorpusTagger, type CorpusTagger } from './corpus-tagger';
import { chooseCombination, combinationSystems } from './crf-combination';
import { crfTag, trainCorpusCrf, type CorpusCrfOptions } from './crf-corpus';
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
  /**
   * How the three systems merge: 'chosen' (default) picks the rule on the held-out tenth (about
   * doubling the sequence tagger's training time); 'fixed': sequence tagger first, BiLSTM 0.9+ fills.
   */
  combination?: 'chosen' | 'fixed';
  onProgress?: (line: string) => void;
}

export interface TrainNerReport {
  documents: number;
  epochs: number;
  /** Exact-span F1 (0-1) of the kept epoch on the held-out tenth of the training documents. */
  heldOutF1: number;
  lexiconEntries: number;
  /** The combination rule saved (e.g. "majority/post-strict"), or "fixed". */
  combination: string;
  /** Its mean F1 (0-1) over the types on the held-out tenth (absent for "fixed"). */
  combinationHeldOutF1?: number;
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
  const mode = job.combination ?? 'chosen';
  if (mode !== 'chosen' && mode !== 'fixed')
    throw new ValidationError('combination must be chosen or fixed', 'combination');
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
  const seeds = Array.from({ length: members }, (_, i) => i + 1);
  const crfOptions: CorpusCrfOptions = {
    types: entityTypes(docs),
    source: job.pubtator.join(', '),
    seeds,
    ...(clusters ? { clusters } : {}),
    ...(job.onProgress ? { onProgress: job.onProgress } : {}),
  };
  const chosen = mode === 'chosen' ? chooseRule(docs, trained, crfOptions, job) : undefined;
  job.onProgress?.(`sequence tagger (${members} seed(s)) on all ${docs.length} documents`);
  const crf = trainCorpusCrf(docs, crfOptions);
  const heldOutF1 = Math.max(...trained.tagger.history.map((h) => h.validationF1 ?? 0));
  await saveCombinedModel(
    job.out,
    trained,
    job.name ?? 'ner-tagger',
    {
      intendedUse:
        'Chemical and disease mention tagging merged with the dictionary matcher (caregraph extract --tagger).',
      trainingData: `${docs.length} PubTator documents (${job.pubtator.length} file(s)); every tenth held out for early stopping`,
      metrics: {
        heldOutF1: Number(heldOutF1.toFixed(4)),
        ...(chosen?.heldOutF1 !== undefined ? { combinationHeldOutF1: chosen.heldOutF1 } : {}),
      },
      limitations: [
        'Trained on PubMed abstracts: clinical notes differ in style, abbreviations and section layout.',
        'Types are those annotated in the training files (Chemical, Disease).',
        chosen
          ? `The sequence tagger (sequence-tagger.json/.bin), the BiLSTM and the dictionary merge by the rule chosen on the held-out tenth ("${chosen.rule.label}", saved in combination.json).`
          : 'The sequence tagger (sequence-tagger.json/.bin) leads; BiLSTM spans of confidence 0.9+ fill its gaps.',
      ],
      hyperparameters: {
        epochs: trained.tagger.history.length,
        seed: job.seed ?? 1,
        minConfidence: trained.minConfidence,
        sequenceTaggerSeeds: seeds.join(','),
        sequenceTaggerClusters: clusterCount,
        combination: chosen?.rule.label ?? 'fixed',
      },
    },
    chosen,
  );
  await saveSequenceTagger(job.out, crf);
  return {
    documents: docs.length,
    epochs: trained.tagger.history.length,
    heldOutF1,
    lexiconEntries: trained.lexicon.entries.length,
    combination: chosen?.rule.label ?? 'fixed',
    ...(chosen?.heldOutF1 !== undefined ? { combinationHeldOutF1: chosen.heldOutF1 } : {}),
    out: job.out,
  };
}

/**
 * The combination rule, chosen as the NER evaluation chooses it (corpus-systems.ts): a sequence
 * tagger trained on nine tenths of `docs` and the BiLSTM (which held that tenth out) tag the held-out
 * tenth, and chooseCombination scores every candidate there.
 */
function chooseRule(
  docs: readonly PubtatorDocument[],
  trained: CorpusTagger,
  crfOptions: CorpusCrfOptions,
  job: TrainNerJob,
): SavedCombination {
  const held = docs.filter((_, i) => i % 10 === 9);
  const fit = docs.filter((_, i) => i % 10 !== 9);
  job.onProgress?.(
    `sequence tagger on nine tenths (${fit.length} documents), to choose the combination on the held-out ${held.length}`,
  );
  const heldCrf = trainCorpusCrf(fit, crfOptions);
  const texts = held.map((d) => d.text);
  const heldBilstm = tagWithHints(trained.tagger, heldCrf.engine, texts);
  const types = crfOptions.types;
  const choice = chooseCombination(
    held.map((d, i) => ({
      text: d.text,
      gold: d.mentions,
      systems: combinationSystems(types, crfTag(heldCrf, d.text), heldBilstm[i]!),
    })),
    types,
  );
  const heldOutF1 = choice.heldOutF1[choice.best.label] ?? 0;
  job.onProgress?.(
    `combination chosen on the held-out tenth: ${choice.best.label} (mean F1 ${heldOutF1.toFixed(4)})`,
  );
  return { rule: choice.best, types: [...types], heldOutF1 };
}

/** The entity types annotated in `docs` (Chemical before Disease). */
function entityTypes(docs: readonly PubtatorDocument[]): string[] {
  const present = new Set<string>(docs.flatMap((d) => d.mentions.map((m) => m.type)));
  return ['Chemical', 'Disease'].filter((t) => present.has(t));
}
