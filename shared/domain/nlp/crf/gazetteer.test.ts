import { describe, expect, it } from 'vitest';
import { buildGazetteer, gazetteerTags } from './gazetteer';
import { sequenceTokens } from './tokens';

const tagsOf = (names: string[], text: string) =>
  gazetteerTags(buildGazetteer(names), sequenceTokens(text));

describe('Function: gazetteerTags', () => {
  it('marks the longest listed name, whatever its case', () => {
    // Prepare
    const names = ['renal failure', 'acute renal failure'];
    // Act
    const tags = tagsOf(names, 'Acute renal failure developed.');
    // Assess: the three-word name wins over its two-word tail.
    expect(tags).toEqual(['B', 'I', 'I', 'O', 'O']);
  });

  it('splits names at punctuation as the tagger does, so hyphenated names still match', () => {
    // Prepare / Act
    const tags = tagsOf(['drug-induced hepatitis'], 'a drug-induced hepatitis');
    // Assess: tokens a | drug | - | induced | hepatitis
    expect(tags).toEqual(['O', 'B', 'I', 'I', 'I']);
  });

  it('leaves a prefix of a name unmarked when the name does not finish', () => {
    // Prepare / Act
    const tags = tagsOf(['heart failure'], 'heart rate rose');
    // Assess
    expect(tags).toEqual(['O', 'O', 'O']);
  });

  it('ignores one-character names', () => {
    // Prepare / Act
    const gazetteer = buildGazetteer(['x', ' ']);
    // Assess: only the root node, no name ends
    expect(gazetteer.ends).toEqual([]);
  });
});
