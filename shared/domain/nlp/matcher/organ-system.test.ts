import { describe, expect, it } from 'vitest';
import { extractClinical } from '../extract';
import { ambiguousAbbreviations, starterVocabulary } from '../vocabulary/index';
import { buildDictionary } from './dictionary';
import { matchOrganSystem, organSystemConcept } from './organ-system';

const index = buildDictionary(starterVocabulary, { ambiguous: ambiguousAbbreviations });
const mesh = (phrase: string) => organSystemConcept(index, phrase)?.codes.mesh;

describe('Function: organSystemConcept', () => {
  it("reads an organ and a word naming no disease as the organ's disease", () => {
    // MeSH 2015: D006402 Hematologic Diseases, D008107 Liver Diseases, D006331 Heart Diseases,
    // D005767 Gastrointestinal Diseases.
    expect(mesh('hematologic toxicity')).toBe('D006402');
    expect(mesh('gastrointestinal toxicity')).toBe('D005767');
    expect(mesh('GI toxicity')).toBe('D005767');
    expect(mesh('haematological toxicities')).toBe('D006402');
    expect(mesh('hepatic impairment')).toBe('D008107');
    expect(mesh('heart damage')).toBe('D006331');
  });

  it('leaves other phrases and a bare head alone', () => {
    expect(organSystemConcept(index, 'toxicity')).toBeUndefined();
    expect(organSystemConcept(index, 'drug toxicity')).toBeUndefined();
    expect(organSystemConcept(index, 'severe damage')).toBeUndefined();
    expect(organSystemConcept(index, 'hepatic enzymes')).toBeUndefined();
  });
});

describe('Function: matchOrganSystem', () => {
  it('finds the mention with its organ words and offsets', () => {
    const text = 'Grade 3 hematologic toxicity occurred; no heart damage was seen.';
    expect(
      matchOrganSystem(index, text).map((m) => [m.text, m.start, m.concept.codes.mesh]),
    ).toEqual([
      ['hematologic toxicity', 8, 'D006402'],
      ['heart damage', 42, 'D006331'],
    ]);
  });

  it('gives extraction the longer organ span over the bare head', () => {
    const { entities } = extractClinical('Dose-limiting gastrointestinal toxicity was reported.', {
      relations: false,
    });
    const e = entities.find((x) => x.text.includes('toxicity'));
    expect(e).toMatchObject({ text: 'gastrointestinal toxicity', type: 'Disease' });
    expect(e?.codes?.mesh).toBe('D005767');
  });
});
