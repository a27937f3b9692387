// Training (deep, NER): the combined extractor `caregraph extract --tagger DIR` runs: the dictionary
// engine (curated vocabulary + the learned lexicon saved with the tagger) gives hint spans, the BiLSTM
// tags with them, and extractClinical merges both, links codes and applies the document-level rules.
// When the directory also holds the linear-chain sequence tagger (crf-store.ts), that tagger is the
// primary system (post-processed as in crf/document, undefined short forms dropped; a seed ensemble
// post-processes each member's spans and keeps those most members agree on, crf/vote) and BiLSTM spans
// of confidence 0.9+ fill only where it found nothing: the rule the NER evaluation chose on the
// held-out tenth of the BC5CDR training split for a single stacked tagger (bench/eval/ner.ts,
// "crf+bilstm>=0.9/post-strict"). With the 5-seed vote the evaluation now chooses
// "majority/post-strict" (held-out F1 0.8376 against 0.8351 for this rule); not adopted here yet.
// The model directory is the tagger's caregraph-model/1 directory plus `lexicon.json`.
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
import { voteSpans } from '../../../shared/domain/nlp/lexicon/vote';
import type { ExtractionResult } from '../../../shared/domain/nlp/model';
import type { ModelCard } from '../model-dir';
import type { CorpusTagger } from './corpus-tagger';
import { tagWithHints } from './corpus-tagger';
import { crfOutput, crfTag } from './crf-corpus';
import { loadSequenceTagger, type StoredSequenceTagger } from './crf-store';
import { loadTagger, saveTagger } from './store';
import type { Tagger } from './tagger';

export const lexiconFileName = 'lexicon.json';
/** How the tagger's spans join the dictionary's: `{ "minConfidence": 0-1 }`. */
export const combinationFileName = 'combination.json';

export interface CombinedExtractor {
  engine: NlpEngine;
  tagger: Tagger;
  sequenceTagger?: StoredSequenceTagger;
  /** extractClinical with the tagger's spans merged in (options as extractClinical's). */
  extract(text: string, options?: Omit<ExtractOptions, 'engine' | 'taggerSpans'>): ExtractionResult;
}

/**
 * The combined extractor of a tagger and the engine its hints come from; tagger spans below
 * `minConfidence` (0-1) count only where the dictionary agrees.
 */
export function combinedExtractor(
  tagger: Tagger,
  engine: NlpEngine,
  minConfidence = 0,
  sequenceTagger?: StoredSequenceTagger,
): CombinedExtractor {
  return {
    engine,
    tagger,
    ...(sequenceTagger ? { sequenceTagger } : {}),
    extract(text, options = {}) {
      const [spans] = tagWithHints(tagger, engine, [text]);
      if (!sequenceTagger)
        return extractClinical(text, {
          taggerMinConfidence: minConfidence,
          ...options,
          engine,
          taggerSpans: spans!,
        });
      const primary = crfOutput(text, crfTag({ ...sequenceTagger, engine }, text), {
        dropUndefinedShortForms: true,
      });
      const taggerSpans = voteSpans(
        { primary, secondary: spans!, dictionary: [] },
        { rule: 'fill', from: ['secondary'], minConfidence: bilstmFillConfidence },
      );
      return extractClinical(text, { combine: 'tagger-first', ...options, engine, taggerSpans });
    },
  };
}

/** BiLSTM spans at least this confident (0-1) fill gaps of the sequence tagger (file comment). */
const bilstmFillConfidence = 0.9;

/** Write a trained corpus tagger and its lexicon to `dir` (see the file comment). */
export async function saveCombinedModel(
  dir: string,
  trained: CorpusTagger,
  name: string,
  card: ModelCard,
): Promise<void> {
  await saveTagger(dir, trained.tagger, name, card);
  await writeFile(join(dir, lexiconFileName), JSON.stringify(trained.lexicon));
  await writeFile(
    join(dir, combinationFileName),
    JSON.stringify({ minConfidence: trained.minConfidence }),
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
  return combinedExtractor(tagger, engine, await readMinConfidence(dir), sequenceTagger);
}

async function readMinConfidence(dir: string): Promise<number> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(join(dir, combinationFileName), 'utf8'));
  } catch (error) {
    throw new ValidationError(`${dir}: ${combinationFileName} missing or not JSON`, 'tagger', {
      cause: error,
    });
  }
  const min = (value as { minConfidence?: unknown }).minConfidence;
  if (typeof min !== 'number' || !(min >= 0 && min <= 1))
    throw new ValidationError(`${combinationFileName}: minConfidence must be 0-1`, 'minConfidence');
  return min;
}
