import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors';
import type { ClinicalEntity } from '../model';
import { combineEntities } from './combine';
import { parseLexicon, trainLexicon } from './learn';

const docs = [
  {
    text: 'Cisplatin caused nephrotoxicity.',
    entities: [
      { start: 0, end: 9, type: 'Chemical' as const, code: 'D002945', system: 'mesh' as const },
      { start: 17, end: 31, type: 'Disease' as const },
    ],
  },
  {
    text: 'After cisplatin, the cold persisted.',
    entities: [
      { start: 6, end: 15, type: 'Chemical' as const, code: 'D002945', system: 'mesh' as const },
    ],
  },
  { text: 'A common cold.', entities: [{ start: 9, end: 13, type: 'Disease' as const }] },
  { text: 'Cold water; cold room; cold hands.', entities: [] },
];

describe('Function: trainLexicon', () => {
  it('keeps strings annotated in at least minShare of their occurrences, with type and code', () => {
    const lexicon = trainLexicon(docs, { minShare: 0.5 });
    const cisplatin = lexicon.entries.find((e) => e.key === 'cisplatin')!;
    expect(cisplatin).toMatchObject({
      type: 'Chemical',
      code: 'D002945',
      system: 'mesh',
      share: 1,
    });
  });

  it('stoplists a common word annotated in few of its occurrences', () => {
    const lexicon = trainLexicon(docs, { minShare: 0.5, stopMinOccurrences: 3 });
    expect(lexicon.entries.some((e) => e.key === 'cold')).toBe(false);
    expect(lexicon.stoplist).toContain('cold');
  });

  it('does not count an occurrence inside a longer annotated mention against the shorter string', () => {
    // "methyldopa" annotated once alone, and three times only as part of "alpha-methyldopa"
    const nested = [
      {
        text: 'Hepatitis induced by methyldopa.',
        entities: [{ start: 21, end: 31, type: 'Chemical' as const }],
      },
      ...[1, 2, 3].map(() => ({
        text: 'Rats received alpha-methyldopa.',
        entities: [{ start: 14, end: 30, type: 'Chemical' as const }],
      })),
      { text: 'The methyldopa level was not measured.', entities: [] },
    ];
    const lexicon = trainLexicon(nested, { minShare: 0.3, stopMinOccurrences: 3 });
    // 1 annotated of 2 free-standing occurrences: kept, not stoplisted
    expect(lexicon.entries.find((e) => e.key === 'methyldopa')).toMatchObject({
      type: 'Chemical',
      share: 0.5,
    });
    expect(lexicon.stoplist).not.toContain('methyldopa');
  });

  it('rejects an annotation outside its text, naming the document', () => {
    expect(() =>
      trainLexicon([{ text: 'short', entities: [{ start: 2, end: 40, type: 'Disease' }] }]),
    ).toThrow(/document 0/);
  });

  it('round-trips through JSON and rejects a malformed artifact', () => {
    const lexicon = trainLexicon(docs);
    expect(parseLexicon(JSON.stringify(lexicon))).toEqual(lexicon);
    expect(() => parseLexicon('{"version":2}')).toThrow(ValidationError);
  });
});

const entity = (start: number, end: number, confidence: number, extra: Partial<ClinicalEntity> = {}): ClinicalEntity => ({
  start, end, text: 'x'.repeat(end - start), type: 'Disease', assertion: 'present', confidence, match: 'normalised', ...extra,
}); // prettier-ignore

describe('Function: combineEntities', () => {
  it('keeps the longer span where dictionary and tagger overlap, and both where they do not', () => {
    const merged = combineEntities(
      [entity(0, 5, 0.9), entity(20, 25, 0.9)],
      [entity(0, 12, 0.6, { match: 'learned' }), entity(30, 33, 0.7)],
    );
    expect(merged.map((e) => [e.start, e.end])).toEqual([
      [0, 12],
      [20, 25],
      [30, 33],
    ]);
  });

  it('prefers the more confident of two equal spans, and lends the dictionary code to a tagger span', () => {
    const merged = combineEntities(
      [entity(0, 5, 0.5, { code: 'D1', system: 'mesh' })],
      [entity(0, 5, 0.8)],
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]!.confidence).toBe(0.8);
    expect(merged[0]!.code).toBe('D1');
  });
});
