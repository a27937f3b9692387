import { describe, expect, it } from 'vitest';
import { cidCandidates, cidFeatureNames, describesPopulation, type CidMention } from './cid';

/** Mentions of every occurrence of each name (case-sensitive, whole words). */
function mentionsOf(text: string, names: Record<string, [CidMention['type'], string]>) {
  return Object.entries(names).flatMap(([name, [type, id]]) =>
    [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => ({
      start: m.index,
      end: m.index + name.length,
      type,
      id,
    })),
  );
}

const feature = (x: readonly number[], name: (typeof cidFeatureNames)[number]) =>
  x[cidFeatureNames.indexOf(name)];

// A made-up abstract in the CDR style: title, then sentences.
const title = 'Lidocaine-induced seizures in patients with arrhythmia.';
const text = `${title} Lidocaine was given for arrhythmia. Two patients had seizures. Propranolol did not cause seizures.`;
const mentions = mentionsOf(text, {
  Lidocaine: ['Chemical', 'D008012'],
  Propranolol: ['Chemical', 'D011433'],
  seizures: ['Disease', 'D012640'],
  arrhythmia: ['Disease', 'D001145'],
});

describe('Function: cidCandidates', () => {
  it('makes one candidate per chemical id and disease id, with the bias first', () => {
    // Act
    const pairs = cidCandidates(text, title.length, mentions);
    // Assess
    expect([...pairs.keys()].sort()).toEqual([
      'D008012|D001145',
      'D008012|D012640',
      'D011433|D001145',
      'D011433|D012640',
    ]);
    for (const x of pairs.values()) {
      expect(x).toHaveLength(cidFeatureNames.length);
      expect(x[0]).toBe(1);
    }
  });

  it('describes the focus chemical and its induced disease of the title', () => {
    const x = cidCandidates(text, title.length, mentions).get('D008012|D012640')!;
    expect(feature(x, 'induced')).toBe(1);
    expect(feature(x, 'togetherInTitle')).toBe(1);
    expect(feature(x, 'chemicalRank1')).toBe(1);
    expect(feature(x, 'chemicalFirst')).toBe(1);
    expect(feature(x, 'negatedEverywhere')).toBe(0);
    expect(feature(x, 'logSentencesTogether')).toBeCloseTo(Math.log(2));
  });

  it('marks an indication ("patients with Y", "given for Y") and a denied relation', () => {
    const pairs = cidCandidates(text, title.length, mentions);
    const indication = pairs.get('D008012|D001145')!;
    expect(feature(indication, 'diseaseAsPopulation')).toBe(1);
    // "given for" treats, but the title sentence does not: not every co-occurrence is a treatment.
    expect(feature(indication, 'treatsEverywhere')).toBe(0);
    const body = title.length + 1;
    const treated = cidCandidates(
      text.slice(body),
      0,
      mentions
        .filter((m) => m.start >= body)
        .map((m) => ({ ...m, start: m.start - body, end: m.end - body })),
    );
    expect(feature(treated.get('D008012|D001145')!, 'treatsEverywhere')).toBe(1);
    const denied = pairs.get('D011433|D012640')!;
    expect(feature(denied, 'negatedEverywhere')).toBe(1);
    expect(feature(denied, 'chemicalRank2')).toBe(1);
    expect(feature(denied, 'chemicalInTitle')).toBe(0);
  });

  it('gives a pair that never shares a sentence its sentence distance and no cues', () => {
    const x = cidCandidates(text, title.length, mentions).get('D011433|D001145')!;
    expect(feature(x, 'coOccurs')).toBe(0);
    expect(feature(x, 'logSentenceGap')).toBeCloseTo(Math.log1p(2));
    expect(feature(x, 'treatsEverywhere')).toBe(0);
  });

  it('appends the extra features of each pair', () => {
    const pairs = cidCandidates(text, title.length, mentions, (c, d) => [
      c === 'D008012' ? 7 : 0,
      d.length,
    ]);
    expect(pairs.get('D008012|D012640')!.slice(-2)).toEqual([7, 7]);
  });
});

describe('Function: describesPopulation', () => {
  const at = (t: string, s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });

  it('reads "patients with Y", "treatment of Y" and "Y patients" as the studied population', () => {
    const a = 'Ten patients with severe asthma received it.';
    expect(describesPopulation(a, at(a, 'asthma'))).toBe(true);
    const b = 'It is used in the treatment of epilepsy.';
    expect(describesPopulation(b, at(b, 'epilepsy'))).toBe(true);
    const c = 'Asthma patients received it.';
    expect(describesPopulation(c, at(c, 'Asthma'))).toBe(true);
  });

  it('does not read an effect as the population', () => {
    const t = 'Ten patients developed asthma after the drug.';
    expect(describesPopulation(t, at(t, 'asthma'))).toBe(false);
  });
});
