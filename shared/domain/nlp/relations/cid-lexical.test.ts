import { describe, expect, it } from 'vitest';
import { splitSentences } from '../text/sentences';
import type { CidMention } from './cid';
import {
  lexicalFeatures,
  lexicalProbability,
  outOfFoldLexical,
  trainLexical,
  type LexicalRow,
} from './cid-lexical';

const mention = (text: string, name: string, type: CidMention['type']): CidMention => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, type, id: name };
};

function featuresOf(text: string, chemical: string, disease: string): number[] {
  return lexicalFeatures(
    text,
    splitSentences(text),
    [mention(text, chemical, 'Chemical')],
    [mention(text, disease, 'Disease')],
  );
}

describe('Function: lexicalFeatures', () => {
  it('describes the words between two mentions of one sentence, so wordings differ', () => {
    const induced = featuresOf(
      'Cisplatin induced nephrotoxicity in rats.',
      'Cisplatin',
      'nephrotoxicity',
    );
    const treated = featuresOf(
      'Cisplatin treated nephrotoxicity in rats.',
      'Cisplatin',
      'nephrotoxicity',
    );
    expect(induced.length).toBeGreaterThan(3);
    expect(induced).not.toEqual(treated);
    // The same words in another sentence give the same features: only the wording counts.
    expect(featuresOf('Lithium induced polyuria in rats.', 'Lithium', 'polyuria')).toEqual(induced);
  });

  it('gives one "none" feature to a pair that never shares a sentence', () => {
    const none = featuresOf(
      'Cisplatin was given. Rats had nephrotoxicity.',
      'Cisplatin',
      'nephrotoxicity',
    );
    expect(none).toHaveLength(1);
    expect(featuresOf('Lithium was given. Rats had polyuria.', 'Lithium', 'polyuria')).toEqual(
      none,
    );
  });
});

describe('Function: trainLexical', () => {
  // "X induced Y" is a relation, "X prevented Y" is not; the model must learn the verbs.
  const sentence = (verb: string, i: number) => `Drug${i} ${verb} disease${i} in the study.`;
  const rows = (verb: string, y: 0 | 1, n: number): (LexicalRow & { doc: number })[] =>
    Array.from({ length: n }, (_, i) => ({
      features: featuresOf(sentence(verb, i), `Drug${i}`, `disease${i}`),
      y,
      doc: y * 100 + i,
    }));
  const data = [...rows('induced', 1, 40), ...rows('prevented', 0, 40)];

  it('learns which words between the mentions mark a relation', () => {
    const model = trainLexical(data);
    const p = (verb: string) =>
      lexicalProbability(model, featuresOf(sentence(verb, 7), 'Drug7', 'disease7'));
    expect(p('induced')).toBeGreaterThan(0.8);
    expect(p('prevented')).toBeLessThan(0.2);
  });

  it('is deterministic for a seed', () => {
    const a = trainLexical(data, { seed: 3 });
    const b = trainLexical(data, { seed: 3 });
    expect(a.bias).toBe(b.bias);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
  });

  it('averages several shuffled orders, so the fit depends less on the seed', () => {
    // "was linked to" is a relation in some abstracts and not in others: the order rows are seen in
    // moves a single AdaGrad fit, less so the average of five orders.
    const mixed = Array.from({ length: 60 }, (_, i) => ({
      features: featuresOf(sentence('was linked to', i), `Drug${i}`, `disease${i}`),
      y: (i * 7) % 3 === 0 ? (1 as const) : (0 as const),
    }));
    const probe = featuresOf(sentence('was linked to', 99), 'Drug99', 'disease99');
    const spread = (orders: number) => {
      const p = [1, 2, 3, 4, 5, 6].map((seed) =>
        lexicalProbability(trainLexical(mixed, { seed, orders }), probe),
      );
      return Math.max(...p) - Math.min(...p);
    };
    expect(spread(5)).toBeLessThan(spread(1) / 1.5);
  });

  it('scores every row out of fold, by a model that never saw its document', () => {
    const scores = outOfFoldLexical(data, 5);
    expect(scores).toHaveLength(data.length);
    const positives = scores.slice(0, 40);
    const negatives = scores.slice(40);
    expect(Math.min(...positives)).toBeGreaterThan(Math.max(...negatives));
  });
});
