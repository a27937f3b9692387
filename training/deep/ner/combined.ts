// Training (deep, NER): the combined extractor `caregraph extract --tagger DIR` runs: the dictionary
// engine (curated vocabulary + the learned lexicon saved with the tagger) gives hint spans, the BiLSTM
// tags with them, and extractClinical merges both, links codes and applies the document-level rules.
// When the directory also holds the linear-chain sequence tagger (crf-store.ts) and `combination.json`
// holds a rule (`rule`, written by `caregraph train ner`), the three systems merge by that rule
// exactly as the NER evaluation merges them (corpus-systems.ts, crf-combination.ts): the sequence
// tagger's spans (a seed ensemble's already voted, crf/vote), the BiLSTM's spans and the dictionary's
// spans of the trained types go through combineDocument; the rule was chosen on the held-out tenth of
// the training files (e.g. "majority/post-strict" on BC5CDR). A directory with a sequence tagger but
// no saved rule (models trained before the rule was saved) keeps the fixed rule: the sequence tagger
// leads (post-processed as in crf/document, undefined short forms dropped) and BiLSTM spans of
// confidence 0.9+ fill only where it found nothing ("crf+bilstm>=0.9/post-strict").
// Either way the merged spans enter extractClinical tagger-first, which links codes.
// The model directory is the tagger's caregraph-model/1 directory plus `lexicon.json` and
// `combination.json`.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError } from '../../../shared/domain/errors';
import {
  createNlpEngine,
  extractClinical,
  type ExtractOptions,
  type NlpEngine,
} from '../../../shared/domain/nlp/extract';
import { parseLexicon } from '../../../shared/domain/nlp/lexicon/learn';
import type { TaggerSpan } from '../../../shared/domain/nlp/lexicon/ensemble';
import { voteSpans, type SpanVote } from '../../../shared/domain/nlp/lexicon/vote';
import type { ExtractionResult } from '../../../shared/domain/nlp/model';
import type { ModelCard } from '../model-dir';
import type { CorpusTagger } from './corpus-tagger';
import { tagWithHints } from './corpus-tagger';
import { combinationSystems, combineDocument, type Combination } from './crf-combination';
import { crfOutput, crfTag } from './crf-corpus';
import { loadSequenceTagger, type StoredSequenceTagger } from './crf-store';
import { loadTagger, saveTagger } from './store';
import type { Tagger } from './tagger';

export const lexiconFileName = 'lexicon.json';
/**
 * How the taggers' spans join the dictionary's: `{ "minConfidence": 0-1 }`, and from `train ner`
 * also the chosen rule (SavedCombination's fields: `rule`, `types`, `heldOutF1`).
 */
export const combinationFileName = 'combination.json';

/** The combination rule chosen on held-out training documents (crf-combination.ts). */
export interface SavedCombination {
  rule: Combination;
  /** The entity types scored when choosing (the BiLSTM's and dictionary's spans are kept to them). */
  types: readonly string[];
  /** The rule's held-out mean F1 (0-1). */
  heldOutF1?: number;
}

export interface CombinedExtractor {
  engine: NlpEngine;
  tagger: Tagger;
  sequenceTagger?: StoredSequenceTagger;
  /** The saved combination rule (absent: the fixed rule, see the file comment). */
  combination?: SavedCombination;
  /** The merged tagger spans `extract` hands to extractClinical. */
  taggerSpans(text: string): TaggerSpan[];
  /** extractClinical with the tagger's spans merged in (options as extractClinical's). */
  extract(text: string, options?: Omit<ExtractOptions, 'engine' | 'taggerSpans'>): ExtractionResult;
}

/**
 * The combined extractor of a tagger and the engine its hints come from; tagger spans below
 * `minConfidence` (0-1) count only where the dictionary agrees. With a sequence tagger, its spans
 * lead; `combination` (when given) is the rule that merges the three systems (file comment).
 */
export function combinedExtractor(
  tagger: Tagger,
  engine: NlpEngine,
  minConfidence = 0,
  sequenceTagger?: StoredSequenceTagger,
  combination?: SavedCombination,
): CombinedExtractor {
  const taggerSpans = (text: string): TaggerSpan[] => {
    const [spans] = tagWithHints(tagger, engine, [text]);
    if (!sequenceTagger) return spans!;
    const tagged = crfTag({ ...sequenceTagger, engine }, text);
    if (combination)
      return combineDocument(
        text,
        combinationSystems(combination.types, tagged, spans!),
        combination.rule,
      );
    const primary = crfOutput(text, tagged, { dropUndefinedShortForms: true });
    return voteSpans(
      { primary, secondary: spans!, dictionary: [] },
      { rule: 'fill', from: ['secondary'], minConfidence: bilstmFillConfidence },
    );
  };
  return {
    engine,
    tagger,
    ...(sequenceTagger ? { sequenceTagger } : {}),
    ...(sequenceTagger && combination ? { combination } : {}),
    taggerSpans,
    extract(text, options = {}) {
      if (!sequenceTagger)
        return extractClinical(text, {
          taggerMinConfidence: minConfidence,
          ...options,
          engine,
          taggerSpans: taggerSpans(text),
        });
      return extractClinical(text, {
        combine: 'tagger-first',
        ...options,
        engine,
        taggerSpans: taggerSpans(text),
      });
    },
  };
}

/** Fixed rule: BiLSTM spans this confident (0-1) fill gaps of the sequence tagger (file comment). */
const bilstmFillConfidence = 0.9;

/** Write a trained corpus tagger and its lexicon to `dir` (see the file comment). */
export async function saveCombinedModel(
  dir: string,
  trained: CorpusTagger,
  name: string,
  card: ModelCard,
  combination?: SavedCombination,
): Promise<void> {
  await saveTagger(dir, trained.tagger, name, card);
  await writeFile(join(dir, lexiconFileName), JSON.stringify(trained.lexicon));
  await writeFile(
    join(dir, combinationFileName),
    JSON.stringify({ minConfidence: trained.minConfidence, ...combination }),
  );
}

/**
 * Read a directory written by saveCombinedModel. The tfjs backend must already be selected.
 * Throws ValidationError naming the directory when the lexicon is missing or malformed.
 */
export async function loadCombinedExtractor(dir: string): Promise<CombinedExtractor> {
  const tagger = await loadTagger(dir);
  let json: string;
  try {
    json = await readFile(join(dir, lexiconFileName), 'utf8');
  } catch (error) {
    throw new ValidationError(`${dir}: no ${lexiconFileName} beside the tagger`, 'tagger', {
      cause: error,
    });
  }
  const engine = createNlpEngine({ lexicon: parseLexicon(json), preferLearned: true });
  const sequenceTagger = await loadSequenceTagger(dir);
  const { minConfidence, combination } = await readCombination(dir);
  return combinedExtractor(tagger, engine, minConfidence, sequenceTagger, combination);
}

async function readCombination(
  dir: string,
): Promise<{ minConfidence: number; combination?: SavedCombination }> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(join(dir, combinationFileName), 'utf8'));
  } catch (error) {
    throw new ValidationError(`${dir}: ${combinationFileName} missing or not JSON`, 'tagger', {
      cause: error,
    });
  }
  const { minConfidence: min, rule, types, heldOutF1 } = value as Record<string, unknown>;
  if (typeof min !== 'number' || !(min >= 0 && min <= 1))
    throw new ValidationError(`${combinationFileName}: minConfidence must be 0-1`, 'minConfidence');
  if (rule === undefined) return { minConfidence: min };
  if (!isCombination(rule))
    throw new ValidationError(
      `${combinationFileName}: rule must have a label, a vote and post-processing options`,
      'combination',
    );
  if (!Array.isArray(types) || types.length === 0 || !types.every((t) => typeof t === 'string'))
    throw new ValidationError(
      `${combinationFileName}: types must list entity types`,
      'combination',
    );
  return {
    minConfidence: min,
    combination: {
      rule,
      types: types as string[],
      ...(typeof heldOutF1 === 'number' ? { heldOutF1 } : {}),
    },
  };
}

function isCombination(value: unknown): value is Combination {
  if (typeof value !== 'object' || value === null) return false;
  const { label, vote, post } = value as Record<string, unknown>;
  return (
    typeof label === 'string' &&
    typeof post === 'object' &&
    post !== null &&
    !Array.isArray(post) &&
    isVote(vote)
  );
}

function isVote(value: unknown): value is SpanVote {
  if (typeof value !== 'object' || value === null) return false;
  const vote = value as Record<string, unknown>;
  if (vote.rule === 'primary' || vote.rule === 'majority') return true;
  return (
    vote.rule === 'fill' &&
    Array.isArray(vote.from) &&
    vote.from.every((f) => f === 'secondary' || f === 'dictionary') &&
    typeof vote.minConfidence === 'number' &&
    vote.minConfidence >= 0 &&
    vote.minConfidence <= 1
  );
}
