// Domain (nlp/matcher): coordinated mentions that share a head word, "breast and ovarian cancer",
// "pleural and pericardial effusions", "chest, back or abdominal pain": the dictionary finds only the
// conjunct written out in full ("ovarian cancer"), and the others are elided. A mention is read as
// coordinated when every elided conjunct, completed with the full conjunct's words after its first,
// is itself a vocabulary term of a clinical type ("breast" + "cancer" -> breast cancer). The mention
// then spans the whole coordination and names every concept (`members`), as the BC5CDR and
// NCBI-disease guidelines annotate such composite mentions with all their ids (Dogan, Leaman & Lu
// 2014, J Biomed Inform 47:1; Li et al. 2016, Database baw068). Clinically it matters most in family
// histories: "mother had breast and ovarian cancer" is two diagnoses.
import { conceptLink } from '../linking/link';
import type { ClinicalEntity, CodeSystemKey, EntityMember } from '../model';
import { wholeMatch, type DictionaryIndex } from './dictionary';
import { organSystemConcept } from './organ-system';

const coordinable = new Set(['Disease', 'Symptom']);
/** Words a conjunct may not be: they start clauses or name a population, not a kind of disease. */
const notModifiers = new Set(['with', 'without', 'of', 'the', 'a', 'an', 'no', 'not']);
// "W1, W2 and " / "W1 or " / "W1 and/or " right before the full conjunct (single-word conjuncts).
const listBefore = /((?:[A-Za-z][\w-]*,\s+)*[A-Za-z][\w-]*,?\s+(?:and\/or|and|or)\s+)$/;
// The same coordination inside one span (a sequence tagger may return the whole composite mention).
const listInside = /^((?:[A-Za-z][\w-]*,\s+)*[A-Za-z][\w-]*,?\s+(?:and\/or|and|or)\s+)(\S.*)$/s;
const word = /[A-Za-z][\w-]*/g;
const conjunctionBefore = /\b(?:and|or)\s+$/;
const conjunctionInside = /\s(?:and|or|and\/or)\s/;

/**
 * `entities` with every coordinated Disease or Symptom mention widened to the whole coordination and
 * given its `members`; entities inside a widened span (e.g. "breast" as Anatomy) give way to it.
 */
export function withCoordinations(
  dictionary: DictionaryIndex,
  text: string,
  entities: readonly ClinicalEntity[],
  prefer?: CodeSystemKey,
): ClinicalEntity[] {
  const widened = new Map<ClinicalEntity, ClinicalEntity>();
  for (const entity of entities) {
    if (!coordinable.has(entity.type)) continue;
    const found =
      coordinationInside(dictionary, entity, prefer) ??
      coordinationBefore(dictionary, text, entity, entities, prefer);
    if (found) widened.set(entity, found);
  }
  if (widened.size === 0) return [...entities];
  const spans = [...widened.values()];
  return entities
    .map((e) => widened.get(e) ?? e)
    .filter((e) => spans.every((s) => s === e || !(s.start <= e.start && e.end <= s.end)));
}

/** "breast and ovarian cancer" as one entity (from a tagger): split inside its own text. */
function coordinationInside(
  dictionary: DictionaryIndex,
  entity: ClinicalEntity,
  prefer?: CodeSystemKey,
): ClinicalEntity | undefined {
  if (!conjunctionInside.test(entity.text)) return undefined;
  const m = listInside.exec(entity.text);
  if (!m) return undefined;
  const full = wholeTerm(dictionary, m[2]!, prefer);
  if (!full) return undefined;
  const members = elidedMembers(dictionary, m[1]!, m[2]!, prefer);
  if (!members) return undefined;
  // The entity takes the full conjunct's concept, dropping whatever the span was linked to before.
  const { conceptId: _id, code: _code, system: _system, codes: _codes, ...span } = entity;
  const { name: _name, ...link } = full;
  return { ...span, ...link, members: [...members, full] };
}

/** "breast and " before the entity "ovarian cancer": widen it to the left. */
function coordinationBefore(
  dictionary: DictionaryIndex,
  text: string,
  entity: ClinicalEntity,
  entities: readonly ClinicalEntity[],
  prefer?: CodeSystemKey,
): ClinicalEntity | undefined {
  if (!entity.conceptId || !/\s/.test(entity.text.trim())) return undefined;
  // Most mentions follow no conjunction: test the few characters before first (the list pattern
  // scans back over up to 120).
  if (!conjunctionBefore.test(text.slice(Math.max(0, entity.start - 8), entity.start)))
    return undefined;
  const m = listBefore.exec(text.slice(Math.max(0, entity.start - 120), entity.start));
  if (!m) return undefined;
  const listStart = entity.start - m[1]!.length;
  // A conjunct that is itself a clinical entity is a mention of its own ("nausea and abdominal pain").
  const clinical = entities.some(
    (e) => e !== entity && e.type !== 'Anatomy' && e.start < entity.start && e.end > listStart,
  );
  if (clinical) return undefined;
  const members = elidedMembers(dictionary, m[1]!, entity.text, prefer);
  if (!members) return undefined;
  const own: EntityMember = {
    conceptId: entity.conceptId,
    name: entity.text,
    ...(entity.code ? { code: entity.code, system: entity.system } : {}),
    ...(entity.codes ? { codes: entity.codes } : {}),
  };
  return {
    ...entity,
    start: listStart,
    text: text.slice(listStart, entity.end),
    members: [...members, own],
  };
}

/**
 * The concepts of the elided conjuncts in `list` ("chest, back and "), each completed with `full`'s
 * words after its first ("abdominal pain" -> "chest pain", "back pain"); undefined unless every one
 * is a whole Disease or Symptom term.
 */
function elidedMembers(
  dictionary: DictionaryIndex,
  list: string,
  full: string,
  prefer?: CodeSystemKey,
): EntityMember[] | undefined {
  const rest = /^\S+(\s.*)$/s.exec(full.trim())?.[1];
  if (!rest) return undefined;
  const conjuncts = [...list.matchAll(word)]
    .map((w) => w[0])
    .filter((w) => w !== 'and' && w !== 'or');
  if (conjuncts.length === 0 || conjuncts.some((w) => notModifiers.has(w.toLowerCase())))
    return undefined;
  const members: EntityMember[] = [];
  for (const conjunct of conjuncts) {
    const found = wholeTerm(dictionary, conjunct + rest, prefer);
    if (!found) return undefined;
    members.push(found);
  }
  return members;
}

/**
 * `phrase` as a member, when the dictionary reads all of it as one Disease or Symptom term, or as
 * an organ's disease ("hematological toxicities", matcher/organ-system).
 */
function wholeTerm(
  dictionary: DictionaryIndex,
  phrase: string,
  prefer?: CodeSystemKey,
): EntityMember | undefined {
  const hit = wholeMatch(dictionary, phrase)?.concept ?? organSystemConcept(dictionary, phrase);
  if (!hit || !coordinable.has(hit.type)) return undefined;
  return { name: phrase, ...conceptLink(hit, prefer) };
}
