import { describe, expect, it } from 'vitest';
import { noteTokens, oovId, padId, tokenSpans, Vocabulary } from './vocabulary';

describe('Class: Vocabulary', () => {
  it('tokenizes notes in lower case and folds numbers to one token', () => {
    expect(noteTokens('BP 137/48, Losartan 50 mg PO daily.')).toEqual([
      'bp',
      '0',
      '0',
      'losartan',
      '0',
      'mg',
      'po',
      'daily',
    ]);
  });

  it('keeps the most frequent tokens behind PAD and OOV, ties in code-point order', () => {
    // Prepare
    const docs = [
      ['heart', 'failure', 'heart'],
      ['copd', 'failure', 'asthma'],
    ];
    // Act
    const vocabulary = Vocabulary.build(docs, 5);
    // Assess: heart 2, failure 2, then asthma before copd (1 each)
    expect(vocabulary.tokens).toEqual(['<pad>', '<oov>', 'failure', 'heart', 'asthma']);
    expect(vocabulary.id('copd')).toBe(oovId);
  });

  it('pads and truncates at the front, as Keras pad_sequences does by default', () => {
    const vocabulary = new Vocabulary(['<pad>', '<oov>', 'a', 'b', 'c']);
    expect(vocabulary.encode(['a', 'b'], 4)).toEqual([padId, padId, 2, 3]);
    expect(vocabulary.encode(['a', 'b', 'c', 'zzz'], 3)).toEqual([3, 4, oovId]);
  });

  it('survives a JSON round trip and rejects a vocabulary without the reserved ids', () => {
    const vocabulary = Vocabulary.build([['x', 'y']], 10);
    expect(Vocabulary.fromJson(JSON.parse(JSON.stringify(vocabulary.toJson())))).toEqual(
      vocabulary,
    );
    expect(() => new Vocabulary(['x', '<oov>'])).toThrow(/ids 0 and 1/);
  });

  it('gives word and punctuation tokens with UTF-16 offsets', () => {
    const text = 'Naloxone (µ-opioid) 5mg';
    const spans = tokenSpans(text);
    expect(spans.map((s) => s.text)).toEqual(['Naloxone', '(', 'µ', '-', 'opioid', ')', '5mg']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
