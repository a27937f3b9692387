import { describe, expect, it } from 'vitest';
import { extractClinical } from '../extract';
import { abbreviationDefinitions, wordOccurrences } from './abbreviations';

const pairs = (text: string) =>
  abbreviationDefinitions(text).map((d) => [
    text.slice(d.longStart, d.longEnd),
    text.slice(d.shortStart, d.shortEnd),
  ]);

describe('Function: abbreviationDefinitions', () => {
  it('finds the shortest long form whose words carry the short form letters (Schwartz-Hearst)', () => {
    // Examples of the kind in Schwartz & Hearst 2003, PSB 8:451, section 2.
    const text =
      'We studied the heat shock protein (HSP) and 5-fluorouracil (5-FU), not the drug (e.g. aspirin).';
    expect(pairs(text)).toEqual([
      ['heat shock protein', 'HSP'],
      ['5-fluorouracil', '5-FU'],
    ]);
  });

  it('requires the short form first character to start a word of the long form', () => {
    expect(pairs('the blood pressure (PB) was high')).toEqual([]);
  });

  it('does not reach back across a sentence end', () => {
    expect(pairs('Rats died. Mice (RM) lived')).toEqual([]);
    expect(pairs('Rats died. Mice (MC) lived')).toEqual([['Mice', 'MC']]);
  });

  it('does not reach back over a line break, which ends a sentence in a note', () => {
    expect(pairs('Heart failure\nsince (HF) admission')).toEqual([]);
    expect(pairs('Seen today\nheart failure (HF) stable')).toEqual([['heart failure', 'HF']]);
  });

  it('takes no lower-case English word in parentheses for a short form: "(chronic, stable)"', () => {
    const text =
      'Assessment and Plan:\nHigh cholesterol (chronic, stable) - continue home atorvastatin\n' +
      'Atopic eczema (chronic, stable) - no acute issues';
    expect(pairs(text)).toEqual([]);
    // On one line too: the letters of "chronic" run through "cholesterol on insulin cream".
    expect(pairs('Raised cholesterol on insulin cream (chronic)')).toEqual([]);
    expect(pairs('tetrodotoxin (ttx) blocked it')).toEqual([['tetrodotoxin', 'ttx']]);
  });
});

describe('Function: wordOccurrences', () => {
  it('skips occurrences inside longer words', () => {
    expect(wordOccurrences('PAN, PANX and (PAN)', 'PAN')).toEqual([0, 15]);
  });
});

describe('Function: withoutRedefinedShortForms (through extractClinical)', () => {
  const entitiesOf = (text: string) =>
    extractClinical(text, { relations: false }).entities.map((e) => `${e.text}:${e.type}`);

  it("drops the vocabulary's reading of a short form the text defines as something else", () => {
    // CAA is cerebral amyloid angiopathy in the vocabulary; this text makes it a chemical.
    const text = 'Rats received chloroacetaldehyde (CAA) daily. CAA caused tubular damage.';
    expect(entitiesOf('Biopsy showed CAA.')).toContain('CAA:Disease');
    expect(entitiesOf(text).filter((e) => e.startsWith('CAA:'))).toEqual([]);
  });

  it('gives no qualifier in parentheses the entity before it: "Atopic eczema (chronic, stable)"', () => {
    const text =
      'Assessment and Plan:\nHigh cholesterol (chronic, stable) - continue home atorvastatin\n' +
      'Atopic eczema (chronic, stable) - no acute issues';
    const result = extractClinical(text);
    expect(result.entities.map((e) => `${e.text}:${e.type}`)).toEqual([
      'High cholesterol:Disease',
      'atorvastatin:Chemical',
      'Atopic eczema:Disease',
    ]);
    expect(
      result.relations.map(
        (r) => `${r.type}(${result.entities[r.head]!.text}, ${result.entities[r.tail]!.text})`,
      ),
    ).toEqual(['treats(atorvastatin, High cholesterol)']);
  });

  it('keeps the reading when the long form is the same concept', () => {
    const text = 'He had cerebral amyloid angiopathy (CAA) on MRI. CAA explains the microbleeds.';
    expect(entitiesOf(text).filter((e) => e.startsWith('CAA:'))).toEqual([
      'CAA:Disease',
      'CAA:Disease',
    ]);
  });
});

describe('Function: documentAbbreviations, long forms headed by a disorder (through extractClinical)', () => {
  const abbreviations = (text: string) =>
    extractClinical(text, { relations: false })
      .entities.filter((e) => e.match === 'abbreviation')
      .map((e) => [e.text, e.type, e.conceptId]);

  it("gives the short form the head disorder's entity: 'ribavirin-induced hemolytic anemia (RIHA)'", () => {
    const text = 'Ribavirin-induced hemolytic anemia (RIHA) occurred. RIHA resolved.';
    const head = extractClinical(text, { relations: false }).entities.find(
      (e) => e.text === 'hemolytic anemia',
    )!;
    expect(abbreviations(text)).toEqual([
      ['RIHA', head.type, head.conceptId],
      ['RIHA', head.type, head.conceptId],
    ]);
  });

  it('does not when the disorder is the complement of a preposition: "duration of catatonia (DOC)"', () => {
    expect(abbreviations('Dopamine increased the duration of catatonia (DOC). DOC fell.')).toEqual(
      [],
    );
  });
});
