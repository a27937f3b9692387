import { describe, expect, it } from 'vitest';
import { buildDictionary, matchDictionary, readsAsEnglish } from '../matcher/dictionary';
import { termKey } from '../text/tokens';
import { acuteConditions } from './acute';
import { ambiguousAbbreviations, starterVocabulary } from './index';

// LOINC codes carry a mod-10 check digit (LOINC Users' Guide 2.77, Appendix: "Calculating mod 10 check digits").
function loincCheckDigitValid(code: string): boolean {
  const [body, check] = code.split('-');
  if (!body || check === undefined || !/^\d+$/.test(body)) return false;
  const digits = body.split('').map(Number).reverse();
  let sum = 0;
  digits.forEach((d, i) => {
    if (i % 2 === 0) {
      const doubled = d * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else sum += d;
  });
  return (10 - (sum % 10)) % 10 === Number(check);
}

// SNOMED CT identifiers end in a Verhoeff check digit (SNOMED CT Technical Implementation Guide, 6.2.4).
const d = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]; // prettier-ignore
const p = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]; // prettier-ignore
function verhoeffValid(id: string): boolean {
  let c = 0;
  id.split('')
    .reverse()
    .forEach((ch, i) => (c = d[c]![p[i % 8]![Number(ch)]!]!));
  return c === 0;
}

describe('Table: starterVocabulary', () => {
  it('has unique concept ids', () => {
    const ids = starterVocabulary.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives no name to two concepts (names keyed as the matcher keys them, termKey)', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const c of starterVocabulary)
      for (const name of new Set(c.synonyms)) {
        const other = owner.get(termKey(name));
        if (other && other !== c.id) shared.push(`${name}: ${other} and ${c.id}`);
        owner.set(termKey(name), c.id);
      }
    expect(shared).toEqual([]);
  });

  it('points every drug indication at a disease concept of the vocabulary', () => {
    const ids = new Set(starterVocabulary.map((c) => c.id));
    const dangling = starterVocabulary.flatMap((c) =>
      (c.indications ?? []).filter((i) => !ids.has(i)),
    );
    expect(dangling).toEqual([]);
  });

  it('writes every LOINC code with a valid check digit', () => {
    const bad = starterVocabulary.filter(
      (c) => c.codes.loinc && !loincCheckDigitValid(c.codes.loinc),
    );
    expect(bad.map((c) => c.codes.loinc)).toEqual([]);
    expect(loincCheckDigitValid('2345-8')).toBe(false);
  });

  it('writes every SNOMED CT id with a valid Verhoeff check digit', () => {
    const bad = starterVocabulary.filter((c) => c.codes.snomed && !verhoeffValid(c.codes.snomed));
    expect(bad.map((c) => `${c.preferred} ${c.codes.snomed}`)).toEqual([]);
    expect(verhoeffValid('38341004')).toBe(false);
  });

  it('writes ICD-10-CM, MeSH, RxNorm and dbSNP codes in their published shapes', () => {
    for (const c of starterVocabulary) {
      if (c.codes.icd10cm) expect(c.codes.icd10cm).toMatch(/^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/);
      // MeSH unique ids: descriptors D + 6 or 9 digits; supplementary concept records C + 6 or 9.
      if (c.codes.mesh) expect(c.codes.mesh).toMatch(/^[DC]\d{6}(\d{3})?$/);
      if (c.codes.rxnorm) expect(c.codes.rxnorm).toMatch(/^\d{1,8}$/);
      if (c.codes.dbsnp) expect(c.codes.dbsnp).toMatch(/^rs\d+$/);
    }
  });

  it('names only Disease concepts of the vocabulary as acute episodes', () => {
    const ids = new Set(starterVocabulary.filter((c) => c.type === 'Disease').map((c) => c.id));
    expect([...acuteConditions].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('gives every ambiguous abbreviation sense a concept that exists', () => {
    const ids = new Set(starterVocabulary.map((c) => c.id));
    const senses = ambiguousAbbreviations.flatMap((a) => a.senses.map((s) => s.conceptId));
    expect(senses.filter((s) => !ids.has(s))).toEqual([]);
  });

  it('writes neonatal opioid withdrawal syndrome (NOWS) in exact case only: "nows" keys as "now"', () => {
    const nas = starterVocabulary.find((c) => c.codes.icd10cm === 'P96.1')!;
    expect(nas.abbreviations).toContain('NOWS');
    expect(nas.abbreviations).not.toContain('~NOWS');
  });

  // Every any-case abbreviation whose key is an English word ("~NOWS" -> "now", "~irAE" -> "ire"):
  // the matcher must not read the word, in mixed-case or all-lower-case notes.
  const clashes = starterVocabulary.flatMap((c) =>
    c.abbreviations
      .filter((a) => a.startsWith('~') && readsAsEnglish(a.slice(1)))
      .map((a) => ({ concept: c, word: termKey(a.slice(1)) })),
  );
  it('finds the any-case abbreviations that clash with English words (the scan below is not empty)', () => {
    expect(clashes.length).toBeGreaterThan(0);
  });
  it('matches no any-case abbreviation where its English word is written', () => {
    const index = buildDictionary(starterVocabulary);
    const lowerCaseNote =
      'the patient was seen in clinic today for routine follow up of her problems, and she is';
    const misread = clashes.flatMap(({ concept, word }) =>
      [`He is ${word} stable.`, `${lowerCaseNote} ${word} stable.`]
        .flatMap((text) => matchDictionary(index, text))
        .filter((m) => m.concept.id === concept.id)
        .map((m) => `${m.text} -> ${concept.preferred}`),
    );
    expect(misread).toEqual([]);
  });
});
