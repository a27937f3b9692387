import { describe, expect, it } from 'vitest';
import { bioTags, sentenceRanges, sequenceTokens, spansOfTags } from './tokens';

describe('Function: sequenceTokens', () => {
  it('splits letters, digits and each punctuation mark, so "5-HT6" yields a boundary before 6', () => {
    const tokens = sequenceTokens('5-HT6 and Ca2+');
    expect(tokens.map((t) => t.text)).toEqual(['5', '-', 'HT', '6', 'and', 'Ca', '2', '+']);
    expect(tokens[3]).toMatchObject({ start: 4, end: 5 });
  });
});

describe('Function: bioTags and spansOfTags', () => {
  it('round-trips typed spans through BIO tags', () => {
    // Prepare
    const text = 'Cocaine-induced acute renal failure.';
    const tokens = sequenceTokens(text);
    const spans = [
      { start: 0, end: 7, type: 'Chemical' },
      { start: 16, end: 35, type: 'Disease' },
    ];
    // Act
    const tags = bioTags(tokens, spans);
    // Assess
    expect(tags).toEqual(['B-Chemical', 'O', 'O', 'B-Disease', 'I-Disease', 'I-Disease', 'O']);
    expect(spansOfTags(tokens, tags)).toEqual(spans);
  });

  it('opens a span at an I- tag that follows O, as conlleval does', () => {
    const tokens = sequenceTokens('a b c');
    expect(spansOfTags(tokens, ['O', 'I-Disease', 'I-Disease'])).toEqual([
      { start: 2, end: 5, type: 'Disease' },
    ]);
  });
});

describe('Function: sentenceRanges', () => {
  it('ends a sentence at a full stop before a capital, not inside "i.v. injection"', () => {
    const text = 'Rats got i.v. injection of drug. Then 5 died.';
    const tokens = sequenceTokens(text);
    const ranges = sentenceRanges(text, tokens);
    expect(ranges).toHaveLength(2);
    expect(tokens[ranges[1]!.from]!.text).toBe('Then');
  });
});
