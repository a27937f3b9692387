// Domain (nlp/lexicon): the combined system's glue between the dictionary matcher and a sequence
// tagger: tagger spans become entities linked to the dictionary's codes, the two entity lists merge by
// a chosen rule, and every document-level fact is applied at the end: a string tagged once is an
// entity wherever it recurs in the same document (one sense per discourse: Gale, Church & Yarowsky
// 1992, HLT "One sense per discourse"), and self-defined abbreviations take their long form's type
// (Schwartz & Hearst 2003, PSB 8:451), as in the TaggerOne/DNorm post-processing for CDR and NCBI.
import type { NlpEngine } from '../extract';
import { conceptLink } from '../linking/link';
import { wholeMatch } from '../matcher/dictionary';
import { organSystemConcept } from '../matcher/organ-system';
import type { ClinicalEntity, CodeSystemKey, EntityType } from '../model';
import { combineEntities } from './combine';

/** How dictionary and tagger entities merge. */
export type CombineRule =
  /** Both; on overlap the longer span, then the more confident (combineEntities). */
  | 'union'
  /** The tagger's spans win on overlap; dictionary spans fill only where the tagger found nothing. */
  | 'tagger-first';

export const combineRules: readonly CombineRule[] = ['union', 'tagger-first'];

/** A tagger's span: UTF-16 offsets into the text, `end` exclusive, confidence 0-1. */
export interface TaggerSpan {
  start: number;
  end: number;
  type: string;
  confidence: number;
}

const taggerTypes = new Set<string>(['Chemical', 'Disease', 'Symptom', 'Gene', 'Variant']);

/**
 * Entities of a tagger's spans on `text`, each linked to a concept when the dictionary matches the
 * whole span (its codes, `preferSystem` first), or, for a disease span "<organ> <word naming no
 * disease>" ("hepatic dysfunction"), the organ's disease (matcher/organ-system). Spans of types the
 * contract does not know are dropped.
 */
export function taggerEntities(
  engine: NlpEngine,
  text: string,
  spans: readonly TaggerSpan[],
  preferSystem?: CodeSystemKey,
): ClinicalEntity[] {
  return spans
    .filter((s) => taggerTypes.has(s.type) && s.end > s.start && s.end <= text.length)
    .map((s) => {
      const surface = text.slice(s.start, s.end);
      const whole = wholeMatch(engine.dictionary, surface);
      const concept =
        whole && sameFamily(whole.concept.type, s.type)
          ? whole.concept
          : sameFamily(s.type, 'Disease')
            ? organSystemConcept(engine.dictionary, surface)
            : undefined;
      return {
        start: s.start,
        end: s.end,
        text: surface,
        type: s.type as EntityType,
        assertion: 'present',
        confidence: Number(s.confidence.toFixed(3)),
        match: 'learned',
        ...(concept ? conceptLink(concept, preferSystem) : {}),
      };
    });
}

function sameFamily(a: string, b: string): boolean {
  const family = (t: string) => (t === 'Symptom' ? 'Disease' : t);
  return family(a) === family(b);
}

/** Merge dictionary and tagger entities by `rule` (see CombineRule); sorted by start offset. */
export function mergeEntities(
  dictionary: readonly ClinicalEntity[],
  tagger: readonly ClinicalEntity[],
  rule: CombineRule,
): ClinicalEntity[] {
  if (rule === 'union') return combineEntities(dictionary, tagger);
  const linked = combineEntities([], tagger).map((t) => lendCode(t, dictionary));
  const free = dictionary.filter((d) => !linked.some((t) => t.start < d.end && d.start < t.end));
  return [...linked, ...free].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A tagger entity without a code takes the code of a dictionary entity on exactly its span. */
function lendCode(t: ClinicalEntity, dictionary: readonly ClinicalEntity[]): ClinicalEntity {
  if (t.code !== undefined) return t;
  const same = dictionary.find((d) => d.start === t.start && d.end === t.end && d.code);
  return same
    ? {
        ...t,
        code: same.code,
        system: same.system,
        ...(same.codes ? { codes: same.codes } : {}),
        ...(same.conceptId ? { conceptId: same.conceptId } : {}),
      }
    : t;
}

const wordChar = /[\p{L}\p{N}]/u;

/**
 * One sense per discourse: every other word-bounded occurrence (same case) of an entity's text in
 * `text` becomes an entity of the same type and code, unless it overlaps an entity already found.
 * Strings shorter than `minLength` characters (default 3) are not spread.
 */
export function spreadWithinDocument(
  text: string,
  entities: readonly ClinicalEntity[],
  minLength = 3,
): ClinicalEntity[] {
  const added: ClinicalEntity[] = [];
  const taken = [...entities];
  const seen = new Set<string>();
  for (const e of entities) {
    if (e.text.length < minLength || seen.has(e.text)) continue;
    seen.add(e.text);
    for (let at = text.indexOf(e.text); at >= 0; at = text.indexOf(e.text, at + 1)) {
      const end = at + e.text.length;
      if (wordChar.test(text[at - 1] ?? ' ') || wordChar.test(text[end] ?? ' ')) continue;
      if (taken.some((k) => k.start < end && at < k.end)) continue;
      const copy = { ...e, start: at, end, confidence: Math.min(e.confidence, 0.7) };
      added.push(copy);
      taken.push(copy);
    }
  }
  return [...entities, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}
