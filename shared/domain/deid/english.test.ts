// Tests (deid): the English word test that tells proper nouns from dictionary words.
import { describe, expect, it } from 'vitest';
import { WordFilter, englishStems, isEnglishWord, stemsOf } from './english';

describe('Class: WordFilter', () => {
  it('finds every word it was built from', () => {
    // Prepare
    const words = Array.from({ length: 500 }, (_, i) => `word${i.toString(36)}`);
    // Act
    const filter = WordFilter.of(words);
    // Assess
    expect(words.every((w) => filter.has(w))).toBe(true);
  });

  it('rejects nearly all words it was not built from (about 0.3% false positives at 12 bits a word)', () => {
    // Prepare
    const filter = WordFilter.of(Array.from({ length: 2000 }, (_, i) => `in${i}`));
    // Act
    const strangers = Array.from({ length: 2000 }, (_, i) => `out${i}`).filter((w) =>
      filter.has(w),
    );
    // Assess
    expect(strangers.length).toBeLessThan(20);
  });

  it('refuses an empty bit array', () => {
    expect(() => new WordFilter(new Uint8Array(0), 8)).toThrow(RangeError);
  });
});

describe('Function: stemsOf', () => {
  it('undoes plural, past, progressive and adverb endings', () => {
    expect(stemsOf('visits')).toContain('visit');
    expect(stemsOf('studies')).toContain('study');
    expect(stemsOf('hoping')).toContain('hope');
    expect(stemsOf('quickly')).toContain('quick');
    expect(stemsOf('cat')).toEqual([]);
  });
});

describe('Function: englishStems', () => {
  it('keeps stems, drops the inflections they lead to and words under 3 letters or with capitals', () => {
    expect(
      englishStems(['visit', 'visits', 'visited', 'an', 'Boston', 'study', 'studies']),
    ).toEqual(['study', 'visit']);
  });
});

describe('Function: isEnglishWord', () => {
  it('knows dictionary words and their inflections', () => {
    for (const word of ['harbor', 'claims', 'sometimes', 'reveals', 'strong', 'hockey', 'visited'])
      expect(isEnglishWord(word), word).toBe(true);
  });

  it('does not know invented names', () => {
    for (const word of ['velmira', 'quessard', 'dravnik', 'zentrafin', 'tobrinsk'])
      expect(isEnglishWord(word), word).toBe(false);
  });
});
