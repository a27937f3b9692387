// Training (deep, NER): the combined system's recipe for one annotated corpus (BC5CDR, NCBI-disease
// training splits): a lexicon learned from the training documents, the tagger trained with jackknifed
// dictionary hints, every tenth training document held out for early stopping (never the development
// split), and tagging with hints from the full lexicon. Backend-neutral: callers pick the backend.
import type { PubtatorDocument } from '../../../shared/domain/nlp/corpora/pubtator';
import type { NlpEngine } from '../../../shared/domain/nlp/extract';
import {
  corpusEngine,
  corpusLexiconEngine,
  learnCorpusLexicon,
} from '../../../shared/domain/nlp/lexicon/corpus';
import type { LearnedLexicon } from '../../../shared/domain/nlp/lexicon/learn';
import { taggedSentences, type CorpusDocument } from './corpus';
import type { TypedSpan } from '../metrics';
import type { TaggedSpan } from './decode';
import { dictionarySpans, jackknifeHints } from './hints';
import {
  tagTexts,
  trainTagger,
  type Tagger,
  type TrainedTagger,
  type TrainTaggerOptions,
} from './tagger';

export interface CorpusTaggerOptions extends Omit<TrainTaggerOptions, 'validation'> {
  /** Jackknife folds for the training documents' hints (default 5). */
  folds?: number;
  /** Every n-th training document is held out for early stopping (default 10). */
  holdOutEvery?: number;
  /** Label of the training data, recorded in the lexicon (e.g. "BC5CDR training split"). */
  source?: string;
}

export interface CorpusTagger {
  tagger: TrainedTagger;
  /** Tagger confidence (0-1) below which a span needs the dictionary's support (extractClinical). */
  minConfidence: number;
  /** The lexicon learned from every training document (the engine's and the hints'). */
  lexicon: LearnedLexicon;
  engine: NlpEngine;
}

/** Documents of the shared PubTator parser as the tagger's corpus documents. */
export function corpusDocuments(docs: readonly PubtatorDocument[]): CorpusDocument[] {
  return docs.map((d) => ({
    id: d.pmid,
    text: d.text,
    spans: d.mentions.map((m) => ({ start: m.start, end: m.end, type: m.type })),
  }));
}

/**
 * Train the combined system's tagger on annotated `train` documents (see the file comment). Defaults:
 * at most 10 epochs, early stopping after `patience` 2 epochs without a better held-out F1, batches
 * of 32 sentences, Adam learning rate 0.004 (the settings measured on BC5CDR; see bench/eval/ner.ts).
 */
export async function trainCorpusTagger(
  train: readonly PubtatorDocument[],
  options: CorpusTaggerOptions = {},
): Promise<CorpusTagger> {
  const source = options.source ?? 'annotated training documents';
  const hints = jackknifeHints(train, (others) => corpusEngine(others, source), options.folds);
  const docs = corpusDocuments(train).map((d, i) => ({ ...d, hints: hints[i]! }));
  const every = options.holdOutEvery ?? 10;
  const held = docs.filter((_, i) => i % every === every - 1);
  const fit = docs.filter((_, i) => i % every !== every - 1);
  const tagger = await trainTagger(taggedSentences(fit), {
    epochs: 10,
    patience: 2,
    batchSize: 32,
    learningRate: 0.004,
    ...options,
    validation: taggedSentences(held),
  });
  const minConfidence = chooseTaggerMinConfidence(
    held,
    tagTexts(
      tagger,
      held.map((d) => d.text),
      64,
      held.map((d) => d.hints),
    ),
  );
  const lexicon = learnCorpusLexicon(train, source);
  const engine = corpusLexiconEngine(lexicon);
  return { tagger, minConfidence, lexicon, engine };
}

/**
 * The minimum tagger confidence (0, 0.5, 0.55 ... 0.95) that maximises exact-span micro F1 of the
 * union of dictionary spans (`doc.hints`, jackknifed so unseen) and tagger spans on held-out
 * training documents; a span below it survives only where the dictionary found something.
 */
export function chooseTaggerMinConfidence(
  docs: readonly CorpusDocument[],
  tagged: readonly (readonly TaggedSpan[])[],
): number {
  const family = (t: string) => (t === 'Symptom' ? 'Disease' : t);
  const key = (s: { start: number; end: number; type: string }) =>
    `${s.start}:${s.end}:${family(s.type)}`;
  const types = new Set(docs.flatMap((d) => d.spans.map((s) => s.type)));
  let best = { f1: -1, threshold: 0 };
  for (const threshold of [0, ...Array.from({ length: 10 }, (_, i) => 0.5 + i * 0.05)]) {
    let tp = 0;
    let predicted = 0;
    let gold = 0;
    docs.forEach((doc, i) => {
      const hints = doc.hints ?? [];
      const kept = tagged[i]!.filter(
        (t) => t.confidence >= threshold || hints.some((h) => h.start < t.end && t.start < h.end),
      );
      const spans = unionLongest(hints, kept);
      const goldKeys = new Set(doc.spans.map(key));
      const found = spans.filter((s) => types.has(family(s.type)));
      tp += found.filter((s) => goldKeys.has(key(s))).length;
      predicted += found.length;
      gold += goldKeys.size;
    });
    const f1 = tp === 0 ? 0 : (2 * tp) / (predicted + gold);
    if (f1 > best.f1) best = { f1, threshold };
  }
  return best.threshold;
}

/** Union of two span lists without overlaps: longer first, then the first list's. */
function unionLongest(first: readonly TypedSpan[], second: readonly TypedSpan[]): TypedSpan[] {
  const kept: TypedSpan[] = [];
  const ranked = [...first, ...second].sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const s of ranked) if (!kept.some((k) => k.start < s.end && s.start < k.end)) kept.push(s);
  return kept;
}

/** Tagger spans of each text, with the engine's dictionary spans as hints. */
export function tagWithHints(
  tagger: Tagger,
  engine: NlpEngine,
  texts: readonly string[],
): TaggedSpan[][] {
  return tagTexts(
    tagger,
    texts,
    64,
    texts.map((t) => dictionarySpans(engine, t)),
  );
}
