import { describe, expect, it } from 'vitest';
import { cidPriorFeatures, learnCidPrior, type CidPriorDocument } from './cid-prior';

const doc = (chemicals: string[], diseases: string[], cid: string[]): CidPriorDocument => ({
  chemicals: new Set(chemicals),
  diseases: new Set(diseases),
  cid: new Set(cid),
});

const docs = [
  doc(['C1'], ['D1', 'D2'], ['C1|D1']),
  doc(['C1'], ['D1'], ['C1|D1']),
  doc(['C2'], ['D2'], ['C2|D2']),
];

describe('Function: cidPriorFeatures', () => {
  it('marks a pair annotated in other training documents, with its smoothed rate', () => {
    // Prepare
    const prior = learnCidPrior(docs);
    // Act
    const [known, logCount, pairRate] = cidPriorFeatures(prior, 'C1', 'D1');
    // Assess: annotated in 2 of the 2 documents mentioning both: (2 + 0.1) / (2 + 1).
    expect(known).toBe(1);
    expect(logCount).toBeCloseTo(Math.log(3));
    expect(pairRate).toBeCloseTo(0.7);
  });

  it('leaves the scored document out, so a pair seen only there is unknown', () => {
    const prior = learnCidPrior(docs);
    expect(cidPriorFeatures(prior, 'C2', 'D2', docs[2])[0]).toBe(0);
    expect(cidPriorFeatures(prior, 'C2', 'D2')[0]).toBe(1);
    // The counts are restored afterwards.
    expect(prior.pairs.get('C2|D2')).toEqual({ positive: 1, seen: 1 });
  });

  it('gives an unseen pair the smoothed base rate', () => {
    const prior = learnCidPrior(docs);
    expect(cidPriorFeatures(prior, 'C9', 'D9')).toEqual([0, 0, 0.1, 0.1, 0.1]);
  });
});
