// Domain (nlp): the one entry point. Text -> sections -> dictionary and pattern mentions -> linked
// entities -> assertions (ConText) and allergens (a drug named as an allergy's substance) -> drug
// attributes -> relations. Pure: no I/O; the engine (tries
// built from the vocabulary and an optional learned lexicon) is built once and passed in or memoised.
import { allergenMentions } from './assertions/allergen';
import { AssertionClassifier } from './assertions/context';
import type { LearnedLexicon } from './lexicon/learn';
import { combineEntities } from './lexicon/combine';
import {
  mergeEntities,
  spreadWithinDocument,
  taggerEntities,
  type CombineRule,
  type TaggerSpan,
} from './lexicon/ensemble';
import { conceptLink, primaryCode } from './linking/link';
import { documentAbbreviations, withoutRedefinedShortForms } from './matcher/abbreviations';
import { cdrGuidelineMentions } from './matcher/cdr-guideline';
import { withCoordinations } from './matcher/coordination';
import { buildDictionary, matchDictionary, type DictionaryIndex } from './matcher/dictionary';
import { matchOrganSystem } from './matcher/organ-system';
import { matchDrugStems } from './matcher/stems';
import { indexVariants, matchVariantPatterns, type PatternMention } from './matcher/variants';
import type { ClinicalEntity, CodeSystemKey, Concept, ExtractionResult, Section } from './model';
import { drugAttributes } from './relations/attributes';
import { extractRelations } from './relations/relations';
import { nfcView } from './text/nfc';
import { detectSections, sectionAt } from './sections/sections';
import { acuteConditions } from './vocabulary/acute';
import {
  ambiguousAbbreviations,
  ambiguousGeneSymbols,
  starterVocabulary,
} from './vocabulary/index';
import { codeSystems } from './model';

export interface NlpEngine {
  dictionary: DictionaryIndex;
  concepts: ReadonlyMap<string, Concept>;
  variants: ReadonlyMap<string, Concept>;
  /** Re-read dictionary matches by the CDR annotation guideline (matcher/cdr-guideline.ts). */
  cdrGuideline?: boolean;
}

export interface EngineOptions {
  /** Default: the curated starter vocabulary. */
  concepts?: readonly Concept[];
  lexicon?: LearnedLexicon;
  /** Learned entries win over curated ones on the same span (corpus evaluation). */
  preferLearned?: boolean;
  /**
   * Re-read matches by the CDR annotation guideline, for corpora annotated by it: "<chemical>-induced
   * <disorder>" as both, "serum creatinine" as the chemical (default false: the curated compound
   * concept and the lab test, as clinical notes want them).
   */
  cdrGuideline?: boolean;
}

/** Build the matcher tries once; reuse the engine for every text. */
export function createNlpEngine(options: EngineOptions = {}): NlpEngine {
  const concepts = options.concepts ?? starterVocabulary;
  const dictionary = buildDictionary(concepts, {
    ambiguous: ambiguousAbbreviations,
    ...(options.lexicon ? { lexicon: options.lexicon } : {}),
    preferLearned: options.preferLearned ?? false,
  });
  return {
    dictionary,
    concepts: dictionary.concepts,
    variants: indexVariants(concepts),
    ...(options.cdrGuideline ? { cdrGuideline: true } : {}),
  };
}

let defaultEngine: NlpEngine | undefined;

export interface ExtractOptions {
  engine?: NlpEngine;
  /** Entities from a sequence tagger, merged with combineEntities (longest, then most confident). */
  taggerEntities?: readonly ClinicalEntity[];
  /** Raw spans of a sequence tagger: linked to the dictionary's codes and merged by `combine`. */
  taggerSpans?: readonly TaggerSpan[];
  /** How tagger spans merge with dictionary entities (default 'union'). */
  combine?: CombineRule;
  /**
   * Tagger spans less confident than this (0-1) are kept only where the dictionary also found an
   * entity (default 0: keep all). Choose it on training data (see chooseTaggerMinConfidence).
   */
  taggerMinConfidence?: number;
  /** Tag every recurrence of an entity's string in the text (default false). */
  spread?: boolean;
  /** Report this code system first when a concept has it (e.g. 'mesh' for BC5CDR). */
  preferSystem?: CodeSystemKey;
  /** Default true. */
  relations?: boolean;
  /**
   * The year the note was written (DocumentReference.date): a year before it dates a past event
   * ("NSTEMI in 2019" is historical). Default: the current year, which no note's year exceeds.
   */
  noteYear?: number;
}

/**
 * Clinical NER, assertions and relations for one text. Entity offsets are 0-based UTF-16 indices into
 * `text`, `end` exclusive; relation `head`/`tail` index the returned entities. Text that is not in
 * Unicode NFC ("Sjo\u0308gren syndrome") is read in NFC, with every offset mapped back to `text`
 * (text/nfc.ts); not when tagger spans are given, whose offsets are the text's own.
 */
export function extractClinical(text: string, options: ExtractOptions = {}): ExtractionResult {
  const view = options.taggerEntities || options.taggerSpans ? undefined : nfcView(text);
  if (!view) return extractFrom(text, options);
  const found = extractFrom(view.text, options);
  const span = <T extends { start: number; end: number }>(s: T): T => ({
    ...s,
    start: view.back(s.start, 'start'),
    end: view.back(s.end, 'end'),
  });
  return {
    entities: found.entities.map((e) => {
      const mapped = span(e);
      return { ...mapped, text: text.slice(mapped.start, mapped.end) };
    }),
    relations: found.relations.map((r) => (r.evidence ? { ...r, evidence: span(r.evidence) } : r)),
    sections: found.sections.map((s) => ({
      ...span(s),
      bodyStart: view.back(s.bodyStart, 'start'),
    })),
  };
}

function extractFrom(text: string, options: ExtractOptions): ExtractionResult {
  const engine = options.engine ?? (defaultEngine ??= createNlpEngine());
  const sections = detectSections(text);
  let entities = findEntities(engine, text, sections, options.preferSystem);
  if (options.taggerEntities) entities = combineEntities(entities, options.taggerEntities);
  if (options.taggerSpans) {
    const found = entities;
    const trusted = options.taggerSpans.filter(
      (t) =>
        t.confidence >= (options.taggerMinConfidence ?? 0) ||
        found.some((d) => d.start < t.end && t.start < d.end),
    );
    const tagged = taggerEntities(engine, text, trusted, options.preferSystem);
    entities = mergeEntities(entities, tagged, options.combine ?? 'union');
    entities = combineEntities(entities, documentAbbreviations(text, entities));
  }
  if (options.spread) entities = spreadWithinDocument(text, entities);
  entities = withCoordinations(engine.dictionary, text, entities, options.preferSystem);
  const classifier = new AssertionClassifier(text, sections, entities, options.noteYear);
  const allergens = allergenMentions(text, entities, sections);
  entities.forEach((e, i) => {
    const chronic = e.type === 'Disease' && !acuteConditions.has(e.conceptId ?? '');
    const allergen = allergens.has(i);
    e.assertion = classifier.classify(e.start, e.end, { type: e.type, chronic, allergen });
    // Negation wins: "No known allergy to amoxicillin" names no allergen.
    if (allergen && e.assertion !== 'negated') e.allergen = true;
    else delete e.allergen;
    if (e.type === 'Chemical') {
      const next = entities.slice(i + 1).find((n) => n.type === 'Chemical');
      const attributes = drugAttributes(text, e.end, next?.start ?? text.length);
      if (Object.keys(attributes).length > 0) e.attributes = attributes;
    }
  });
  const relations =
    options.relations === false ? [] : extractRelations(text, entities, engine.concepts);
  return { entities, relations, sections };
}

function findEntities(
  engine: NlpEngine,
  text: string,
  sections: readonly Section[],
  prefer?: CodeSystemKey,
): ClinicalEntity[] {
  const inHeader = (start: number) => {
    const s = sectionAt(sections, start);
    return s !== undefined && start < s.bodyStart;
  };
  const entities: ClinicalEntity[] = [];
  const matched = matchDictionary(engine.dictionary, text);
  const dictionary = engine.cdrGuideline
    ? cdrGuidelineMentions(engine.dictionary, text, matched)
    : matched;
  for (const m of [...dictionary, ...matchOrganSystem(engine.dictionary, text, dictionary)]) {
    if (inHeader(m.start)) continue;
    entities.push({
      start: m.start,
      end: m.end,
      text: m.text,
      type: m.concept.type,
      assertion: 'present',
      confidence: Number(m.confidence.toFixed(3)),
      match: m.kind,
      ...conceptLink(m.concept, prefer),
      ...sectionOf(sections, m.start),
    });
  }
  const patterns = matchVariantPatterns(text, engine.variants, ambiguousGeneSymbols)
    .filter((p) => !inHeader(p.start))
    .map((p) => patternEntity(text, p, sections));
  const stems = matchDrugStems(text)
    .filter((p) => !inHeader(p.start))
    .map((p): ClinicalEntity => ({
      ...p,
      text: text.slice(p.start, p.end),
      type: 'Chemical',
      assertion: 'present',
      confidence: 0.6,
      match: 'pattern',
      ...sectionOf(sections, p.start),
    }));
  const found = combineEntities(
    combineEntities(withoutRedefinedShortForms(text, entities), patterns),
    stems,
  );
  // Dictionary spans win over self-defined abbreviations on overlap (combineEntities keeps the longer).
  return combineEntities(found, documentAbbreviations(text, found));
}

function patternEntity(
  text: string,
  p: PatternMention,
  sections: readonly Section[],
): ClinicalEntity {
  const code = p.concept
    ? primaryCode(p.concept)
    : p.code && { code: p.code.value, system: codeSystems[p.code.key] };
  return {
    start: p.start,
    end: p.end,
    text: text.slice(p.start, p.end),
    type: p.type,
    assertion: 'present',
    ...(code ? { code: code.code, system: code.system } : {}),
    confidence: 0.8,
    match: 'pattern',
    ...(p.concept ? { conceptId: p.concept.id, codes: p.concept.codes } : {}),
    ...sectionOf(sections, p.start),
  };
}

function sectionOf(sections: readonly Section[], offset: number): Pick<ClinicalEntity, 'section'> {
  const s = sectionAt(sections, offset);
  return s ? { section: s.kind } : {};
}
