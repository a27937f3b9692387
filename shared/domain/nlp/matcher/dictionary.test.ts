import { describe, expect, it } from 'vitest';
import { trainLexicon } from '../lexicon/learn';
import { ambiguousAbbreviations, starterVocabulary } from '../vocabulary/index';
import { buildDictionary, matchDictionary } from './dictionary';

const index = buildDictionary(starterVocabulary, { ambiguous: ambiguousAbbreviations });
const found = (text: string) => matchDictionary(index, text).map((m) => [m.text, m.concept.type]);

describe('Function: matchDictionary', () => {
  it('prefers the longest term at a position', () => {
    expect(found('known type 2 diabetes mellitus')).toEqual([
      ['type 2 diabetes mellitus', 'Disease'],
    ]);
  });

  it('matches plurals, British spellings and case variants of a term', () => {
    expect(found('Bilateral Pleural... Tumours and oedema')).toEqual([
      ['Tumours', 'Disease'],
      ['oedema', 'Symptom'],
    ]);
  });

  it('matches short abbreviations only with their case', () => {
    expect(found('Hx of HTN and CHF')).toEqual([
      ['HTN', 'Disease'],
      ['CHF', 'Disease'],
    ]);
    expect(found('as the mi of it')).toEqual([]);
  });

  it('tags a one-letter lab abbreviation only when a value follows', () => {
    expect(found('K 4.1, Na: 139')).toEqual([
      ['K', 'LabTest'],
      ['Na', 'LabTest'],
    ]);
    // "K" in "Vitamin K" is no potassium: only the vitamin is found, or the longer disease term
    expect(found('Vitamin K 10 mg given, plan B')).toEqual([['Vitamin K', 'Chemical']]);
    expect(found('Vitamin K deficiency plan B')).toEqual([['Vitamin K deficiency', 'Disease']]);
  });

  it('keeps the charge sign of K+ in the span', () => {
    const [m] = matchDictionary(index, 'K+ 3.2 mmol/L');
    expect(m!.text).toBe('K+');
    expect(m!.end).toBe(2);
  });

  it('reads MS from its context and leaves it unlinked without one', () => {
    const sense = (text: string) =>
      matchDictionary(index, text).find((m) => m.text === 'MS')?.concept.preferred;
    expect(sense('Echo shows MS with a diastolic murmur at the mitral valve')).toBe(
      'mitral stenosis',
    );
    expect(sense('MS with new demyelinating lesions on MRI')).toBe('multiple sclerosis');
    expect(sense('MS 4 mg IV q4h prn pain')).toBe('morphine');
    expect(sense('Seen by MS today')).toBeUndefined();
    // A curated term that spells the abbreviation out in a compound needs no context.
    expect(
      matchDictionary(index, 'MS relapse treated with steroids').map((m) => m.concept.preferred),
    ).toContain('multiple sclerosis relapse');
  });

  it('never reads an English word as an abbreviation, in any case or in an all-lower-case note', () => {
    expect(found('He is now afebrile. Nows and then.')).toEqual([]);
    expect(found('NOWS in the newborn')).toEqual([['NOWS', 'Disease']]);
    const note = 'the patient was seen in clinic today for follow up of her chronic problems.';
    expect(found(`${note} cap refill under two seconds. will dress the wound daily.`)).toEqual([]);
    // Mixed-case notes keep the exact-case reading; lower-case ones the forms whose clinical
    // reading dominates.
    expect(found('Admitted with CAP, DRESS ruled out.').map(([t]) => t)).toEqual(['CAP', 'DRESS']);
    expect(found(`${note} history of cad and vte, bun 22.`).map(([t]) => t)).toEqual([
      'cad',
      'vte',
      'bun',
    ]);
  });

  it('reports offsets into the input text', () => {
    const text = 'Pt w/ afib.';
    const [m] = matchDictionary(index, text);
    expect(text.slice(m!.start, m!.end)).toBe('afib');
  });

  it('never matches a term a learned stoplist marks as rarely an entity', () => {
    const lexicon = trainLexicon(
      [
        { text: 'lead to pain', entities: [] },
        { text: 'they lead the way', entities: [] },
        { text: 'lead poisoning', entities: [{ start: 0, end: 4, type: 'Chemical' }] },
        { text: 'and lead again', entities: [] },
      ],
      { minShare: 0.5, alsoScore: ['pain'] },
    );
    const withStops = buildDictionary(starterVocabulary, { lexicon });
    expect(matchDictionary(withStops, 'lead exposure').map((m) => m.text)).toEqual([]);
  });
});
