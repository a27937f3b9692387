import { describe, expect, it } from 'vitest';
import { firstPassFeatures } from './first-pass';
import { sequenceTokens } from './tokens';

describe('Function: firstPassFeatures', () => {
  // Prepare: the first stage tagged "renal failure" once (tokens 0-1) but missed it at tokens 4-5.
  const text = 'renal failure and later renal failure';
  const tokens = sequenceTokens(text);
  const features = firstPassFeatures(tokens, [{ start: 0, end: 13, type: 'Disease' }]);

  it("carries each token's own first-stage tag and its neighbours'", () => {
    expect(features[0]).toContain('p=B-Disease');
    expect(features[1]).toContain('p-1=B-Disease|p=I-Disease|p+1=O');
    expect(features[4]).toContain('p=O');
  });

  it('marks the untagged recurrence of a tagged string with its B/I position and type', () => {
    expect(features[4]).toContain('pe=B-Disease');
    expect(features[5]).toContain('pe=I-Disease');
    expect(features[2]!.some((f) => f.startsWith('pe='))).toBe(false);
  });

  it('gives every occurrence of a word the type the first stage gave it elsewhere', () => {
    expect(features[5]).toContain('pw=Disease');
    expect(features[3]!.some((f) => f.startsWith('pw='))).toBe(false);
  });
});
