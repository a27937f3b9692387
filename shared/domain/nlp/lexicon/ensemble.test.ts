import { describe, expect, it } from 'vitest';
import { createNlpEngine, extractClinical } from '../extract';
import type { ClinicalEntity } from '../model';
import { mergeEntities, spreadWithinDocument, taggerEntities } from './ensemble';

const entity = (start: number, end: number, extra: Partial<ClinicalEntity> = {}): ClinicalEntity => ({
  start, end, text: 'x'.repeat(end - start), type: 'Disease', assertion: 'present', confidence: 0.9, match: 'normalised', ...extra,
}); // prettier-ignore

describe('Function: mergeEntities', () => {
  it('lets the tagger win an overlap under tagger-first, and the dictionary fill the gaps', () => {
    // Prepare: the dictionary found a longer span at 0-12; the tagger a shorter one at 0-5.
    const dictionary = [entity(0, 12), entity(20, 25, { code: 'D1', system: 'mesh' })];
    const tagger = [entity(0, 5, { match: 'learned' }), entity(20, 25, { match: 'learned' })];
    // Act
    const merged = mergeEntities(dictionary, tagger, 'tagger-first');
    // Assess
    expect(merged.map((e) => [e.start, e.end])).toEqual([
      [0, 5],
      [20, 25],
    ]);
    expect(merged[1]!.code).toBe('D1');
  });

  it('keeps the longer span under union', () => {
    const merged = mergeEntities([entity(0, 12)], [entity(0, 5)], 'union');
    expect(merged.map((e) => [e.start, e.end])).toEqual([[0, 12]]);
  });
});

describe('Function: spreadWithinDocument', () => {
  it('tags every whole-word recurrence of a tagged string, and nothing inside longer words', () => {
    const text = 'Lupus nephritis. Later nephritis again; glomerulonephritis is different.';
    const first = entity(6, 15, { text: 'nephritis', code: 'D009393' });
    const spread = spreadWithinDocument(text, [first]);
    expect(spread.map((e) => text.slice(e.start, e.end))).toEqual(['nephritis', 'nephritis']);
    expect(spread[1]!.code).toBe('D009393');
  });

  it('does not add a recurrence that overlaps an entity already found', () => {
    const text = 'nephritis and lupus nephritis';
    const spread = spreadWithinDocument(text, [
      entity(0, 9, { text: 'nephritis' }),
      entity(14, 29, { text: 'lupus nephritis' }),
    ]);
    expect(spread).toHaveLength(2);
  });
});

describe('Function: taggerEntities', () => {
  it('links a tagger span to the concept the dictionary matches on exactly that span', () => {
    const engine = createNlpEngine();
    const text = 'Started warfarin yesterday.';
    const [linked] = taggerEntities(engine, text, [
      { start: 8, end: 16, type: 'Chemical', confidence: 0.93 },
    ]);
    expect(linked).toMatchObject({ text: 'warfarin', type: 'Chemical', confidence: 0.93 });
    expect(linked!.code).toBeDefined();
  });

  it('feeds extractClinical, which adds what the dictionary missed and spreads it', () => {
    const engine = createNlpEngine();
    const text = 'Zorbaxitol was given. Zorbaxitol was stopped.';
    const result = extractClinical(text, {
      engine,
      relations: false,
      taggerSpans: [{ start: 0, end: 10, type: 'Chemical', confidence: 0.8 }],
      spread: true,
    });
    expect(result.entities.map((e) => [e.start, e.type])).toEqual([
      [0, 'Chemical'],
      [22, 'Chemical'],
    ]);
  });

  it('drops a tagger span below the minimum confidence unless the dictionary found one there', () => {
    const engine = createNlpEngine();
    const text = 'Zorbaxitol and warfarin.';
    const result = extractClinical(text, {
      engine,
      relations: false,
      taggerMinConfidence: 0.9,
      taggerSpans: [
        { start: 0, end: 10, type: 'Chemical', confidence: 0.6 },
        { start: 15, end: 23, type: 'Chemical', confidence: 0.6 },
      ],
    });
    expect(result.entities.map((e) => e.text)).toEqual(['warfarin']);
  });
});
