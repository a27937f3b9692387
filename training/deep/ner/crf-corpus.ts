// Training (NER): the linear-chain sequence tagger's recipe for one annotated corpus (BC5CDR,
// NCBI-disease training splits): dictionary hints for the training documents by jackknifing (each
// fold matched by a lexicon learned from the other folds, so the tagger learns how far the dictionary
// can be trusted on unseen text), the averaged perceptron trained on them, and tagging with hints
// from the lexicon of every training document, then the document-level post-processing. Optionally
// word-cluster features (crf/brown) and a seed ensemble whose post-processed spans are voted on
// (crf/vote). Also the out-of-fold predictions on the training split that choose settings without
// the development split.
import type { PubtatorDocument } from '../../../shared/domain/nlp/corpora/pubtator';
import {
  postProcessDocument,
  type PostProcessOptions,
} from '../../../shared/domain/nlp/crf/document';
import type { WordClusters } from '../../../shared/domain/nlp/crf/features';
import type { Gazetteer } from '../../../shared/domain/nlp/crf/gazetteer';
import type { SequenceModel } from '../../../shared/domain/nlp/crf/perceptron';
import type { ScoredSpan } from '../../../shared/domain/nlp/crf/tagger';
import {
  tagMember,
  trainVotedTagger,
  votedSpans,
  type SequenceTaggerMember,
} from '../../../shared/domain/nlp/crf/vote';
import type { NlpEngine } from '../../../shared/domain/nlp/extract';
import { corpusEngine } from '../../../shared/domain/nlp/lexicon/corpus';
import type { TypedSpan } from '../metrics';
import { dictionarySpans, jackknifeHints } from './hints';

export interface CorpusCrfOptions {
  /** Entity types to learn (e.g. Chemical, Disease). */
  types: readonly string[];
  /** Label of the training data, recorded in the lexicon. */
  source?: string;
  /** Perceptron epochs (default 12). */
  epochs?: number;
  /** Jackknife folds of the training documents' hints (default 5). */
  hintFolds?: number;
  /** Hashed feature table size (default 2^21). */
  buckets?: number;
  /** Names from another public corpus whose matches become features (see crf/gazetteer). */
  gazetteer?: Gazetteer;
  /** Train a two-stage (stacked) tagger (crf/stacked; default false). */
  stacked?: boolean;
  /** Word clusters (crf/brown) whose path prefixes become features; kept in the models. */
  clusters?: WordClusters;
  /**
   * Perceptron seeds: one tagger per seed, and with two or more a span is kept when most of them
   * produce it after post-processing (crf/vote). Default [1]: one tagger.
   */
  seeds?: readonly number[];
  /** Progress lines (one per tagger trained). */
  onProgress?: (line: string) => void;
}

export interface CorpusCrf {
  /** The (first) tagger. */
  model: SequenceModel;
  /** The stacked tagger's second stage, when trained with `stacked`. */
  second?: SequenceModel;
  /** Every member of a seed ensemble (the first is `model` and `second`); absent: one tagger. */
  members?: readonly SequenceTaggerMember[];
  /** The dictionary engine (curated vocabulary + lexicon of every training document). */
  engine: NlpEngine;
}

/** What one text gets from crfTag. */
export interface CrfTagged {
  /** The dictionary's spans (the taggers' hints). */
  hints: TypedSpan[];
  /** Each member's raw spans (one list for a single tagger). */
  runs: ScoredSpan[][];
  /**
   * The spans a combination starts from: a single tagger's raw spans, or the vote of the members'
   * post-processed spans (crfOutput with default post-processing).
   */
  raw: ScoredSpan[];
}

/** Train the sequence tagger(s) on `train` (file comment); about a minute per stacked tagger on 500 abstracts. */
export function trainCorpusCrf(
  train: readonly PubtatorDocument[],
  options: CorpusCrfOptions,
): CorpusCrf {
  const source = options.source ?? 'annotated training documents';
  const hints = jackknifeHints(train, (others) => corpusEngine(others, source), options.hintFolds);
  const docs = train.map((d, i) => ({ text: d.text, spans: d.mentions, hints: hints[i]! }));
  const seeds = options.seeds ?? [1];
  const members = trainVotedTagger(docs, {
    types: options.types,
    epochs: options.epochs ?? 12,
    seeds,
    stacked: options.stacked ?? false,
    ...(options.buckets ? { buckets: options.buckets } : {}),
    ...(options.gazetteer ? { gazetteer: options.gazetteer } : {}),
    ...(options.clusters ? { clusters: options.clusters } : {}),
    onMember: (i, seed, seconds) =>
      options.onProgress?.(
        `  sequence tagger ${i + 1}/${seeds.length} (seed ${seed}) on ${train.length} documents: ${seconds.toFixed(0)} s`,
      ),
  });
  const engine = corpusEngine(train, source);
  return { ...members[0]!, ...(members.length > 1 ? { members } : {}), engine };
}

/** The dictionary's spans and the tagger's spans of one text (CrfTagged). */
export function crfTag(crf: CorpusCrf, text: string): CrfTagged {
  const hints = dictionarySpans(crf.engine, text);
  const members = crf.members?.length ? crf.members : [crf];
  const runs = members.map((m) => tagMember(m, text, hints));
  const tagged = { hints, runs, raw: runs[0]! };
  return runs.length === 1 ? tagged : { ...tagged, raw: crfOutput(text, tagged) };
}

/**
 * The tagger's final spans of a tagged text: a single tagger's spans post-processed; for an
 * ensemble, each member's post-processed spans, then the majority vote (crf/vote).
 */
export function crfOutput(
  text: string,
  tagged: Pick<CrfTagged, 'runs'>,
  post?: PostProcessOptions,
): ScoredSpan[] {
  const processed = tagged.runs.map((raw) => postProcessDocument(text, raw, post));
  return processed.length === 1 ? processed[0]! : votedSpans(processed);
}

/** The tagger's final spans of `text` (crfOutput). */
export function crfSpans(crf: CorpusCrf, text: string, post?: PostProcessOptions): ScoredSpan[] {
  return crfOutput(text, crfTag(crf, text), post);
}

/**
 * Out-of-fold predictions on the training split: document i is tagged by a tagger trained on the
 * documents of the other `folds` folds (fold = i mod folds), with that fold's dictionary as hints.
 */
export function outOfFoldCrf(
  train: readonly PubtatorDocument[],
  options: CorpusCrfOptions & { folds?: number; onFold?: (fold: number) => void },
): { hints: TypedSpan[][]; raw: ScoredSpan[][] } {
  const folds = options.folds ?? 5;
  const hints: TypedSpan[][] = train.map(() => []);
  const raw: ScoredSpan[][] = train.map(() => []);
  for (let f = 0; f < folds; f++) {
    const crf = trainCorpusCrf(
      train.filter((_, i) => i % folds !== f),
      options,
    );
    train.forEach((d, i) => {
      if (i % folds !== f) return;
      ({ hints: hints[i], raw: raw[i] } = crfTag(crf, d.text));
    });
    options.onFold?.(f);
  }
  return { hints, raw };
}
