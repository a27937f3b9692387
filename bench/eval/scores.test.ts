import { describe, expect, it } from 'vitest';
import { prefixed, prf, round4 } from './scores';

describe('Function: prf', () => {
  it('gives micro precision, recall and F1 from counts (8 TP, 2 FP, 8 FN -> 0.8, 0.5, 0.6154)', () => {
    // Act / Assess
    expect(prf(8, 2, 8)).toEqual({ precision: 0.8, recall: 0.5, f1: 0.6154 });
  });

  it('is zero, not NaN, when nothing was predicted or expected', () => {
    // Act / Assess
    expect(prf(0, 0, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('Function: prefixed and round4', () => {
  it('puts the prefix before every metric name and rounds to four decimals', () => {
    // Act / Assess
    expect(prefixed('bc5cdr.cid', { f1: 0.5 })).toEqual({ 'bc5cdr.cid.f1': 0.5 });
    expect(round4(0.123456)).toBe(0.1235);
  });
});
