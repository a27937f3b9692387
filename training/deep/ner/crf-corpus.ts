// Training (NER): the linear-chain sequence tagger's recipe for one annotated corpus (BC5CDR,
// NCBI-disease training splits): dictionary hints for the training documents by jackknifing (each
// fold matched by a lexicon learned from the other folds, so the tagger learns how far the dictionary
// can be trusted on unseen text), the averaged perceptron trained on them, and tagging with hints
// from the lexicon of every training document, then the document-level post-processing. Also the
// out-of-fold predictions on the training split that choose settings without the development split.
import type { PubtatorDocument } from '../../../shared/domain/nlp/corpora/pubtator';
import {
  postProcessDocument,
  type PostProcessOptions,
} from '../../../shared/domain/nlp/crf/document';
import type { Gazetteer } from '../../../shared/domain/nlp/crf/gazetteer';
import type { SequenceModel } from '../../../shared/domain/nlp/crf/perceptron';
import {
  tagSequence,
  trainSequenceTagger,
  type ScoredSpan,
} from '../../../shared/domain/nlp/crf/tagger';
import { trainStackedTagger } from '../../../shared/domain/nlp/crf/stacked';
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
}

export interface CorpusCrf {
  model: SequenceModel;
  /** The stacked tagger's second stage, when trained with `stacked`. */
  second?: SequenceModel;
  /** The dictionary engine (curated vocabulary + lexicon of every training document). */
  engine: NlpEngine;
}

/** Train the sequence tagger on `train` (see the file comment); seconds on 500 abstracts. */
export function trainCorpusCrf(
  train: readonly PubtatorDocument[],
  options: CorpusCrfOptions,
): CorpusCrf {
  const source = options.source ?? 'annotated training documents';
  const hints = jackknifeHints(train, (others) => corpusEngine(others, source), options.hintFolds);
  const docs = train.map((d, i) => ({ text: d.text, spans: d.mentions, hints: hints[i]! }));
  const tagger = {
    types: options.types,
    epochs: options.epochs ?? 12,
    ...(options.buckets ? { buckets: options.buckets } : {}),
    ...(options.gazetteer ? { gazetteer: options.gazetteer } : {}),
  };
  const engine = corpusEngine(train, source);
  if (!options.stacked) return { model: trainSequenceTagger(docs, tagger), engine };
  const { first, second } = trainStackedTagger(docs, tagger);
  return { model: first, second, engine };
}

/** The dictionary's spans and the tagger's raw spans of one text. */
export function crfTag(crf: CorpusCrf, text: string): { hints: TypedSpan[]; raw: ScoredSpan[] } {
  const hints = dictionarySpans(crf.engine, text);
  const first = tagSequence(crf.model, text, hints);
  return { hints, raw: crf.second ? tagSequence(crf.second, text, hints, first) : first };
}

/** The tagger's spans of `text` after the document-level post-processing. */
export function crfSpans(crf: CorpusCrf, text: string, post?: PostProcessOptions): ScoredSpan[] {
  return postProcessDocument(text, crfTag(crf, text).raw, post);
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
