import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors';
import type { Concept } from '../model';
import { concept } from './define';
import {
  mergeVocabularies,
  parseVocabulary,
  parseVocabularyLine,
  vocabularyLine,
} from './imported';

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

const imported = (overrides: Partial<Concept>): Concept => ({
  id: 'Disease:x',
  type: 'Disease',
  preferred: 'x',
  synonyms: [],
  abbreviations: [],
  codes: {},
  source: 'test release',
  ...overrides,
});

describe('Function: parseVocabularyLine', () => {
  it('reads back the line vocabularyLine writes', () => {
    // Prepare
    const c = imported({
      id: 'Chemical:bupivacaine',
      type: 'Chemical',
      preferred: 'Bupivacaine',
      synonyms: ['Bupivacaine', 'Marcaine'],
      codes: { mesh: 'D002045' },
    });
    // Act
    const parsed = parseVocabularyLine(vocabularyLine(c), 1);
    // Assess
    expect(parsed).toEqual(c);
  });

  it('fills optional abbreviations and source', () => {
    const parsed = parseVocabularyLine(
      '{"id":"Gene:egfr","type":"Gene","preferred":"EGFR","synonyms":[]}',
      4,
      'genes.jsonl',
    );
    expect(parsed.abbreviations).toEqual([]);
    expect(parsed.codes).toEqual({});
    expect(parsed.source).toBe('imported vocabulary (genes.jsonl)');
  });

  it.each([
    ['{"id":"a",', /vocab\.jsonl line 7: not valid JSON/],
    ['["a"]', /line 7: not a JSON object/],
    [
      '{"id":"a","type":"Illness","preferred":"x","synonyms":[]}',
      /line 7: field "type" must be one of/,
    ],
    ['{"id":"a","type":"Disease","preferred":"  ","synonyms":[]}', /line 7: field "preferred"/],
    [
      '{"id":"a","type":"Disease","preferred":"x","synonyms":"x"}',
      /field "synonyms" must be an array/,
    ],
    [
      '{"id":"a","type":"Disease","preferred":"x","synonyms":[],"codes":{"meSH":"D1"}}',
      /unknown code system "meSH"/,
    ],
    [
      '{"id":"a","type":"Disease","preferred":"x","synonyms":[],"codes":{"mesh":7}}',
      /field "codes.mesh"/,
    ],
    [
      '{"id":"a","type":"Disease","preferred":"x","synonyms":[],"synonym":[]}',
      /unknown field "synonym"/,
    ],
  ])('rejects %s naming the file, line and field', (line, message) => {
    const error = (() => {
      try {
        return parseVocabularyLine(line, 7, 'vocab.jsonl');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('Function: parseVocabulary', () => {
  it('numbers lines across chunks and blank lines, so an error names the right one', async () => {
    const good = vocabularyLine(imported({ id: 'Disease:a', preferred: 'a' }));
    const chunks = [`${good}\n\n${good.slice(0, 10)}`, `${good.slice(10)}\n{"id":}\n`];
    await expect(collect(parseVocabulary(chunks, 'v.jsonl'))).rejects.toThrow(
      /v\.jsonl line 4: not valid JSON/,
    );
    const concepts = await collect(parseVocabulary([`${good}\n\n${good}\n`]));
    expect(concepts).toHaveLength(2);
  });
});

describe('Function: mergeVocabularies', () => {
  const curated = [
    concept('Disease', 'hypertension|high blood pressure', 'HTN', { mesh: 'D006973' }, 'curated'),
    concept('Chemical', 'metformin', '', { rxnorm: '6809', mesh: 'D008687' }, 'curated'),
  ];

  it('adds the names of an imported concept sharing a code to the curated concept, not a duplicate', () => {
    // Act
    const merged = mergeVocabularies(curated, [
      imported({
        id: 'Disease:hypertension',
        preferred: 'Hypertension',
        synonyms: ['Hypertension', 'Vascular Hypertensive Disease'],
        codes: { mesh: 'D006973' },
      }),
    ]);
    // Assess
    expect(merged).toMatchObject({ merged: 1, added: 0, skipped: 0 });
    expect(merged.concepts).toHaveLength(2);
    expect(merged.concepts[0]).toEqual({
      ...curated[0],
      synonyms: ['hypertension', 'high blood pressure', 'Vascular Hypertensive Disease'],
    });
    expect(curated[0]!.synonyms).toEqual(['hypertension', 'high blood pressure']);
  });

  it('matches on any shared system and code, and not on a code of another system', () => {
    const merged = mergeVocabularies(curated, [
      imported({
        preferred: 'Glucophage',
        type: 'Chemical',
        codes: { umls: 'C1', rxnorm: '6809' },
      }),
      imported({ id: 'Chemical:d006973', preferred: 'other', codes: { rxnorm: 'D006973' } }),
    ]);
    expect(merged.concepts[1]!.synonyms).toEqual(['metformin', 'Glucophage']);
    expect(merged.concepts.map((c) => c.preferred)).toEqual(['hypertension', 'metformin', 'other']);
  });

  it('merges a later imported concept into an earlier imported one through any of its codes', () => {
    const merged = mergeVocabularies(curated, [
      imported({
        id: 'Disease:gout',
        preferred: 'Gout',
        codes: { umls: 'C0018099', mesh: 'D006073' },
      }),
      imported({
        id: 'Disease:gouty arthritis',
        preferred: 'Gouty arthritis',
        codes: { mesh: 'D006073' },
      }),
    ]);
    expect(merged).toMatchObject({ merged: 1, added: 1 });
    expect(merged.concepts[2]!.synonyms).toEqual(['Gout', 'Gouty arthritis']);
  });

  it('keeps one of names the matcher cannot tell apart, and drops blank names', () => {
    const merged = mergeVocabularies(curated, [
      imported({
        preferred: 'Renal Stones',
        synonyms: ['Renal Stones', 'renal stone', 'RENAL-STONES', '', '  ', 'Kidney Calculi'],
        abbreviations: ['', 'RS', 'RS'],
        codes: { mesh: 'D007669' },
      }),
      imported({
        synonyms: ['High blood pressures', ' '],
        codes: { mesh: 'D006973' },
        preferred: 'HIGH BLOOD PRESSURE',
      }),
    ]);
    expect(merged.concepts[2]!.synonyms).toEqual(['Renal Stones', 'Kidney Calculi']);
    expect(merged.concepts[2]!.abbreviations).toEqual(['RS']);
    expect(merged.concepts[0]!.synonyms).toEqual(['hypertension', 'high blood pressure']);
  });

  it('skips an imported concept with no usable name, and fills a blank preferred term from its names', () => {
    const merged = mergeVocabularies(
      [],
      [
        imported({ preferred: ' ', synonyms: ['', '--'], codes: { mesh: 'D1' } }),
        imported({ id: 'Disease:', preferred: ' ', synonyms: ['Gout'], codes: { mesh: 'D2' } }),
      ],
    );
    expect(merged).toMatchObject({ merged: 0, added: 1, skipped: 1 });
    expect(merged.concepts[0]!.preferred).toBe('Gout');
  });

  it('gives an imported concept whose id is taken by an unrelated concept an id of its own', () => {
    const merged = mergeVocabularies(curated, [
      imported({ id: 'Disease:hypertension', preferred: 'Hypertension', codes: { umls: 'C9' } }),
      imported({ id: 'Disease:hypertension', preferred: 'Hypertension', codes: { umls: 'C8' } }),
    ]);
    expect(merged.concepts.map((c) => c.id)).toEqual([
      'Disease:hypertension',
      'Chemical:metformin',
      'Disease:hypertension|umls:C9',
      'Disease:hypertension|umls:C8',
    ]);
  });
});
