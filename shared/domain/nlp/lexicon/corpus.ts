// Domain (nlp/lexicon): the matcher engine for an annotated corpus: the curated vocabulary plus a
// lexicon learned from the corpus's training documents, learned entries outranking curated ones (the
// corpus's own annotation guideline decides spans). Shared by the NER evaluation and the tagger's
// dictionary-hint features, so both see the same dictionary.
import { createNlpEngine, type NlpEngine } from '../extract';
import type { EntityType } from '../model';
import { starterVocabulary } from '../vocabulary/index';
import { trainLexicon, type LearnedLexicon } from './learn';

export interface CorpusMentionDocument {
  text: string;
  mentions: readonly { start: number; end: number; type: EntityType; id?: string }[];
}

/**
 * Learn a lexicon from `train` (mention strings annotated in at least 30% of their occurrences, MeSH
 * ids as codes) scoring the curated Chemical, Disease and Symptom synonyms for the stoplist too.
 */
export function learnCorpusLexicon(
  train: readonly CorpusMentionDocument[],
  source: string,
): LearnedLexicon {
  return trainLexicon(
    train.map((d) => ({
      text: d.text,
      entities: d.mentions.map((m) => ({
        ...m,
        ...(m.id ? { code: m.id, system: 'mesh' as const } : {}),
      })),
    })),
    {
      source,
      minShare: 0.3,
      alsoScore: starterVocabulary
        .filter((c) => ['Chemical', 'Disease', 'Symptom'].includes(c.type))
        .flatMap((c) => c.synonyms),
    },
  );
}

/** A matcher engine for a corpus: curated vocabulary + the lexicon learned from `train`. */
export function corpusEngine(train: readonly CorpusMentionDocument[], source: string): NlpEngine {
  return corpusLexiconEngine(learnCorpusLexicon(train, source));
}

/**
 * The engine of a learned corpus lexicon: learned entries outrank curated ones, and matches are
 * re-read by the CDR annotation guideline (matcher/cdr-guideline.ts).
 */
export function corpusLexiconEngine(lexicon: LearnedLexicon): NlpEngine {
  return createNlpEngine({ lexicon, preferLearned: true, cdrGuideline: true });
}
