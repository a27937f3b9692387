// Domain (nlp/linking): tie a mention to a concept code. Candidates are ranked exact > normalised >
// abbreviation > fuzzy (edit distance 1 on words of 6+ letters, Damerau-Levenshtein); the primary code
// of a concept follows the system FHIR profiles expect for its type (US Core: SNOMED CT for problems,
// RxNorm for medications, LOINC for observations; HGNC for genes, dbSNP for variants).
import {
  codeSystems,
  type ClinicalEntity,
  type CodeSystemKey,
  type Concept,
  type EntityType,
  type MatchKind,
} from '../model';
import { termKey } from '../text/tokens';

const preference: Readonly<Record<EntityType, readonly CodeSystemKey[]>> = {
  Disease: ['snomed', 'icd10cm', 'mesh', 'umls'],
  Symptom: ['snomed', 'icd10cm', 'mesh', 'umls'],
  Chemical: ['rxnorm', 'mesh', 'umls'],
  Gene: ['hgnc', 'umls'],
  Variant: ['dbsnp', 'umls'],
  LabTest: ['loinc', 'umls'],
  Procedure: ['snomed', 'umls'],
  Anatomy: ['snomed', 'umls'],
};

/** The code and system URI to report for `concept` (`prefer` first when the concept has it). */
export function primaryCode(
  concept: Concept,
  prefer?: CodeSystemKey,
): { code: string; system: string; key: CodeSystemKey } | undefined {
  const order = prefer ? [prefer, ...preference[concept.type]] : preference[concept.type];
  for (const key of order) {
    const code = concept.codes[key];
    if (code) return { code, system: codeSystems[key], key };
  }
  for (const [key, code] of Object.entries(concept.codes) as [CodeSystemKey, string][])
    if (code) return { code, system: codeSystems[key], key };
  return undefined;
}

/** What an entity of `concept` carries: the concept id, its primary code and all of its codes. */
export function conceptLink(
  concept: Concept,
  prefer?: CodeSystemKey,
): { conceptId: string } & Pick<ClinicalEntity, 'code' | 'system' | 'codes'> {
  const code = primaryCode(concept, prefer);
  return {
    conceptId: concept.id,
    ...(code ? { code: code.code, system: code.system } : {}),
    ...(Object.keys(concept.codes).length > 0 ? { codes: concept.codes } : {}),
  };
}

export interface LinkCandidate {
  concept: Concept;
  kind: MatchKind;
  /** 0-1, higher is better. */
  score: number;
}

export interface ConceptLinker {
  link(mention: string, type?: EntityType): LinkCandidate[];
}

const rank: Partial<Record<MatchKind, number>> = {
  exact: 1,
  normalised: 0.9,
  abbreviation: 0.8,
  fuzzy: 0.6,
};

/** A linker over `concepts`: exact surface, normalised key, abbreviation, then one-edit fuzzy key. */
export function buildLinker(concepts: readonly Concept[]): ConceptLinker {
  const exact = new Map<string, Concept[]>();
  const normal = new Map<string, Concept[]>();
  const abbreviation = new Map<string, Concept[]>();
  const add = (map: Map<string, Concept[]>, key: string, c: Concept) => {
    const list = map.get(key);
    if (!list) map.set(key, [c]);
    else if (!list.includes(c)) list.push(c);
  };
  for (const c of concepts) {
    for (const s of c.synonyms) {
      add(exact, s, c);
      add(normal, termKey(s), c);
    }
    for (const a of c.abbreviations) add(abbreviation, a.replace(/^[=~]/, ''), c);
  }
  const keys = [...normal.keys()];
  return {
    link(mention, type) {
      const fits = (c: Concept) => type === undefined || c.type === type;
      const key = termKey(mention);
      const tiers: [MatchKind, Concept[] | undefined][] = [
        ['exact', exact.get(mention)],
        ['normalised', normal.get(key)],
        ['abbreviation', abbreviation.get(mention)],
      ];
      for (const [kind, list] of tiers) {
        const hits = (list ?? []).filter(fits);
        if (hits.length > 0) return hits.map((concept) => ({ concept, kind, score: rank[kind]! }));
      }
      if (key.replace(/ /g, '').length < 6) return [];
      return keys
        .filter((k) => Math.abs(k.length - key.length) <= 1 && withinOneEdit(k, key))
        .flatMap((k) => normal.get(k)!.filter(fits))
        .map((concept) => ({ concept, kind: 'fuzzy' as const, score: rank.fuzzy! }));
    },
  };
}

/** True when `a` and `b` differ by at most one insertion, deletion, substitution or transposition. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
