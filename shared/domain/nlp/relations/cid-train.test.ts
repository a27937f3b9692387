import { describe, expect, it } from 'vitest';
import type { CidMention } from './cid';
import {
  cidPairFeatureNames,
  learnCidModel,
  predictCidPairs,
  scoreCidPairs,
  type CidDocument,
} from './cid-train';

/**
 * A made-up abstract: `cause` induces `effect` (the annotated pair), `remedy` is given for `illness`,
 * and both chemicals appear in a neutral last sentence.
 */
function abstract(n: number, [cause, effect, remedy, illness]: string[]): CidDocument {
  const title = `${cause}-induced ${effect} in rats.`;
  const text = `${title} The ${effect} began after ${cause} in ${n + 2} rats. ${remedy} was given for ${illness}. Doses of ${cause} and ${remedy} were recorded.`;
  const ids: Record<string, [CidMention['type'], string]> = {
    [cause!]: ['Chemical', `C${n}a`],
    [remedy!]: ['Chemical', `C${n}b`],
    [effect!]: ['Disease', `D${n}a`],
    [illness!]: ['Disease', `D${n}b`],
  };
  const mentions = Object.entries(ids).flatMap(([name, [type, id]]) =>
    [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => ({
      start: m.index,
      end: m.index + name.length,
      type,
      id,
    })),
  );
  return { text, titleLength: title.length, mentions, cid: [`C${n}a|D${n}a`] };
}

const names = (n: number) => [`toxin${n}`, `lesion${n}`, `antidote${n}`, `ailment${n}`];
const train = Array.from({ length: 30 }, (_, n) => abstract(n, names(n)));

describe('Function: learnCidModel', () => {
  it('learns from training abstracts to find the induced pair of an unseen abstract', () => {
    // Prepare
    const model = learnCidModel(train);
    const unseen = { ...abstract(99, names(99)), cid: [] };
    // Act
    const predicted = predictCidPairs(model, unseen);
    const scores = scoreCidPairs(model, unseen);
    // Assess
    expect(predicted).toEqual(new Set(['C99a|D99a']));
    expect(scores.get('C99a|D99a')!).toBeGreaterThan(scores.get('C99b|D99b')!);
    expect(model.classifier.crossValidatedF1).toBe(1);
  });

  it('predicts nothing for a document without both a chemical and a disease', () => {
    const model = learnCidModel(train);
    const doc = abstract(98, names(98));
    const chemicalsOnly = { ...doc, mentions: doc.mentions.filter((m) => m.type === 'Chemical') };
    expect(predictCidPairs(model, chemicalsOnly).size).toBe(0);
  });

  it('learns that a chemical with curated adverse effects is the likelier cause', () => {
    // Prepare: two chemicals placed symmetrically (their order alternates), one disease; the
    // annotated cause is always the chemical with a known adverse effect (of another disease)
    const doc = (n: number): CidDocument => {
      const [first, second] = n % 2 ? [`drug${n}`, `salt${n}`] : [`salt${n}`, `drug${n}`];
      const text = `${first} and ${second} in ${n} patients. Some had rash with ${first} and ${second}.`;
      const at = (name: string, type: CidMention['type'], id: string) =>
        [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => ({
          start: m.index,
          end: m.index + name.length,
          type,
          id,
        }));
      const mentions = [
        ...at(`drug${n}`, 'Chemical', `C${n}a`),
        ...at(`salt${n}`, 'Chemical', `C${n}b`),
        ...at('rash', 'Disease', `D${n}`),
      ];
      return { text, titleLength: text.indexOf('.') + 1, mentions, cid: [`C${n}a|D${n}`] };
    };
    const docs = Array.from({ length: 40 }, (_, n) => doc(n));
    const causes = new Set(Array.from({ length: 100 }, (_, n) => `C${n}a|Dother`));
    // Act
    const model = learnCidModel(docs, 5, { causes, treats: new Set() });
    const scores = scoreCidPairs(model, { ...doc(77), cid: [] });
    // Assess
    const weight = model.pairWeights[cidPairFeatureNames.indexOf('chemicalHasKnownEffects')]!;
    expect(model.pairWeights).toHaveLength(cidPairFeatureNames.length);
    expect(weight).toBeGreaterThan(0);
    expect(scores.get('C77a|D77')!).toBeGreaterThan(scores.get('C77b|D77')!);
  });
});
