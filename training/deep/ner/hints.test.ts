import { describe, expect, it } from 'vitest';
import { createNlpEngine } from '../../../shared/domain/nlp/extract';
import { trainLexicon } from '../../../shared/domain/nlp/lexicon/learn';
import { hintTagsOf, sentenceTokens } from './corpus';
import { jackknifeHints } from './hints';

// Made-up documents: "tobbleroot" is annotated in document 0 only, "quintorex" in 0 and 1.
const docs = [
  { text: 'Tobbleroot and quintorex were given.', entities: [{ start: 0, end: 10, type: 'Chemical' as const }, { start: 15, end: 24, type: 'Chemical' as const }] },
  { text: 'Quintorex was given.', entities: [{ start: 0, end: 9, type: 'Chemical' as const }] },
  { text: 'Tobbleroot again; quintorex again.', entities: [] },
]; // prettier-ignore

describe('Function: jackknifeHints', () => {
  it("hints a document only with what the other folds' lexicon knows", () => {
    // Act: three folds, each document its own fold.
    const hints = jackknifeHints(
      docs,
      (others) => createNlpEngine({ lexicon: trainLexicon(others), preferLearned: true }),
      3,
    );
    // Assess: document 0's tobbleroot is known only from itself, so it is not hinted there.
    const hinted = (i: number) => hints[i]!.map((h) => docs[i]!.text.slice(h.start, h.end));
    expect(hinted(0)).toEqual(['quintorex']);
    expect(hinted(1)).toEqual(['Quintorex']);
    expect(hinted(2)).toEqual(['Tobbleroot', 'quintorex']);
  });

  it('turns hint spans into BIO hint tags with types folded to Chemical, Disease or Other', () => {
    const text = 'Chest pain after aspirin.';
    const [tokens] = sentenceTokens(text);
    const tags = hintTagsOf(tokens!, [
      { start: 0, end: 10, type: 'Symptom' },
      { start: 17, end: 24, type: 'Chemical' },
    ]);
    expect(tags).toEqual(['B-Disease', 'I-Disease', 'O', 'B-Chemical', 'O']);
  });
});
