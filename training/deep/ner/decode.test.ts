import { describe, expect, it } from 'vitest';
import { bioAllows, constrainedTags, decodeSpans } from './decode';

const tags = ['O', 'B-Chemical', 'B-Disease', 'I-Chemical', 'I-Disease'];

describe('Function: constrainedTags', () => {
  it('never starts a mention with a stray I- tag, even when it is the likeliest tag', () => {
    // Prepare: token 0 favours O, token 1 favours I-Disease (invalid after O), token 2 O.
    const probs = [
      [0.9, 0.02, 0.04, 0.02, 0.02],
      [0.3, 0.05, 0.25, 0.05, 0.35],
      [0.9, 0.02, 0.04, 0.02, 0.02],
    ];
    // Act
    const best = constrainedTags(probs, tags).map((i) => tags[i]);
    // Assess: the valid reading with the most probability mass is O, O, O (0.3 > 0.25 for B-Disease).
    expect(best).toEqual(['O', 'O', 'O']);
  });

  it('keeps a multi-token mention together when B- then I- is the likeliest valid path', () => {
    const probs = [
      [0.1, 0.1, 0.6, 0.1, 0.1],
      [0.3, 0.05, 0.05, 0.05, 0.55],
    ];
    expect(constrainedTags(probs, tags).map((i) => tags[i])).toEqual(['B-Disease', 'I-Disease']);
  });

  it('allows I-X only after B-X or I-X', () => {
    expect(bioAllows('B-Disease', 'I-Disease')).toBe(true);
    expect(bioAllows('I-Chemical', 'I-Disease')).toBe(false);
    expect(bioAllows(undefined, 'I-Chemical')).toBe(false);
    expect(bioAllows('O', 'B-Chemical')).toBe(true);
  });
});

describe('Function: decodeSpans', () => {
  it('reports each span with the mean probability of its tokens', () => {
    const tokens = ['a', 'b', 'c'].map((text, i) => ({ text, start: 2 * i, end: 2 * i + 1 }));
    expect(decodeSpans(tokens, ['B-Chemical', 'I-Chemical', 'O'], [0.9, 0.5, 1])).toEqual([
      { start: 0, end: 3, type: 'Chemical', confidence: 0.7 },
    ]);
  });
});
