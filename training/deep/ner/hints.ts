// Training (deep, NER): the dictionary matcher's spans as the tagger's hint features. Hints for the
// tagger's own training documents are made by k-fold jackknifing (each fold matched with a lexicon
// learned from the other folds), so the tagger learns how far the dictionary can be trusted on text
// it has not memorised instead of copying it (the stacking recipe of Wolpert 1992, Neural Networks
// 5:241, "Stacked generalization").
import { extractClinical, type NlpEngine } from '../../../shared/domain/nlp/extract';
import type { TypedSpan } from '../metrics';

/** Entity spans the dictionary engine finds in `text` (types as the engine names them). */
export function dictionarySpans(engine: NlpEngine, text: string): TypedSpan[] {
  return extractClinical(text, { engine, relations: false }).entities.map((e) => ({
    start: e.start,
    end: e.end,
    type: e.type,
  }));
}

/**
 * Hint spans for every document of `docs`: document i is matched by the engine built (by
 * `engineOf`) from the documents of the other `folds` folds (fold = index mod folds).
 */
export function jackknifeHints<D extends { text: string }>(
  docs: readonly D[],
  engineOf: (others: readonly D[]) => NlpEngine,
  folds = 5,
): TypedSpan[][] {
  const hints: TypedSpan[][] = docs.map(() => []);
  for (let f = 0; f < folds; f++) {
    const engine = engineOf(docs.filter((_, i) => i % folds !== f));
    docs.forEach((d, i) => {
      if (i % folds === f) hints[i] = dictionarySpans(engine, d.text);
    });
  }
  return hints;
}
