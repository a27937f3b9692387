// Domain (nlp/vocabulary): the compact row builders the concept tables are written with.
//
// A row names its type, its terms ("preferred|synonym|misspelling"), its abbreviations and its codes.
// Abbreviation markers: "HTN" is matched with exact case; "=K" only when a value follows ("K 4.1",
// "K: 4.1"), for one-letter and lab-line abbreviations that are ordinary letters elsewhere.
// "~COPD" also matches in any case (abbreviations that are no English word and no other acronym).
import type { Concept, ConceptCodes, EntityType } from '../model';

export interface ConceptOptions {
  indications?: readonly string[];
}

/** Build a concept from a compact row; the id is `${type}:${preferred term}`. */
export function concept(
  type: EntityType,
  terms: string,
  abbreviations: string,
  codes: ConceptCodes,
  source: string,
  options: ConceptOptions = {},
): Concept {
  const synonyms = terms.split('|').filter((t) => t.length > 0);
  const preferred = synonyms[0] ?? abbreviations.split('|')[0]!.replace(/^=/, '');
  return {
    id: conceptId(type, preferred),
    type,
    preferred,
    synonyms,
    abbreviations: abbreviations.split('|').filter((a) => a.length > 0),
    codes,
    source,
    ...(options.indications ? { indications: options.indications } : {}),
  };
}

export function conceptId(type: EntityType, preferred: string): string {
  return `${type}:${preferred.toLowerCase()}`;
}

/** A drug row's options: the diseases (preferred terms) it is indicated for, as `treats` targets. */
export function ind(...diseases: string[]): ConceptOptions {
  return { indications: diseases.map((n) => conceptId('Disease', n)) };
}

/** A family of row builders for one type and one provenance line. */
export function rowsOf(type: EntityType, source: string) {
  return (
    terms: string,
    abbreviations: string,
    codes: ConceptCodes = {},
    options?: ConceptOptions,
  ) => concept(type, terms, abbreviations, codes, source, options);
}

/** The source of the adverse-event rows (adverse-events-a.ts and adverse-events-b.ts). */
export const ctcaeSource =
  'NCI CTCAE v5.0 terms; MeSH 2024; ICD-10-CM FY2024; SNOMED CT Intl 2024-01';
