import { describe, expect, it } from 'vitest';
import { documentRelativeFeatures, stackFeatureNames } from './cid-stack';

const feature = (x: readonly number[], name: (typeof stackFeatureNames)[number]) =>
  x[stackFeatureNames.indexOf(name)];

describe('Function: documentRelativeFeatures', () => {
  // Prepare: cocaine is the best-scored chemical for seizures; lidocaine's seizure score is lower.
  const scores = new Map([
    ['cocaine|seizures', 0.8],
    ['cocaine|hypertension', 0.2],
    ['lidocaine|seizures', 0.4],
  ]);

  it('marks the best pair of the document, of its disease and of its chemical', () => {
    // Act
    const x = documentRelativeFeatures(scores).get('cocaine|seizures')!;
    // Assess
    expect(feature(x, 'bias')).toBe(1);
    expect(feature(x, 'firstStageLogit')).toBeCloseTo(Math.log(4));
    expect(feature(x, 'bestOfDocument')).toBe(1);
    expect(feature(x, 'bestForDisease')).toBe(1);
    expect(feature(x, 'shareOfDocumentBest')).toBe(1);
  });

  it('reads a second chemical for the same disease relative to the best one', () => {
    const x = documentRelativeFeatures(scores).get('lidocaine|seizures')!;
    expect(feature(x, 'bestForDisease')).toBe(0);
    expect(feature(x, 'bestForChemical')).toBe(1);
    expect(feature(x, 'bestOfDocument')).toBe(0);
    expect(feature(x, 'shareOfDocumentBest')).toBeCloseTo(0.5);
  });

  it('keeps certain first-stage probabilities finite', () => {
    const x = documentRelativeFeatures(new Map([['a|b', 1]])).get('a|b')!;
    expect(x.every(Number.isFinite)).toBe(true);
  });
});
