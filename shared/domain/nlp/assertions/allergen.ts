// Domain (nlp/assertions): which drug mentions name the substance of an allergy or intolerance
// ("She is allergic to amoxicillin", "intolerant of metformin", "reaction to codeine", "amoxicillin
// allergy", a drug listed in an allergies section). Such a drug is the patient's allergen, not a
// medicine the patient takes: the knowledge graph writes it as `cg:allergicTo`, never
// `cg:takesMedication` (shared/domain/kg/extraction.ts patientPredicate). The substance of an
// allergy or intolerance is what FHIR R4 AllergyIntolerance.code records ("Risk of harmful or
// undesirable, physiological response which is unique to an individual and associated with exposure
// to a substance"; http://hl7.org/fhir/R4/allergyintolerance.html), intolerances and non-immune
// adverse reactions included. A drug denied as an allergen ("No known allergy to amoxicillin",
// "Denies allergy to amoxicillin", "Not allergic to penicillin - amoxicillin 500 mg given") is
// negated by the assertion classifier, and negation wins: extract.ts marks only a mention the
// classifier does not negate.
import type { ClinicalEntity, Section } from '../model';
import { sectionAt } from '../sections/sections';
import { splitSentences, spanIndexAt, type Span } from '../text/sentences';

/**
 * An allergy or intolerance named before its substances: "allergic to", "allergy to",
 * "hypersensitivity to", "intolerant of / to", "intolerance to", "reaction to" ("allergic reaction
 * to", "adverse reaction to", "had a reaction to"), or a list's head "Allergies:", "Drug allergy -",
 * "Intolerances:", "Adverse reactions:". A bare "allergic" or "allergies" is none: "Allergic asthma,
 * montelukast" and "Seasonal allergies, cetirizine" name the drug that treats them.
 */
const allergyCue =
  /\b(?:(?:allergic|allergy|allergies|hypersensitivity|hypersensitive)\s+to\b|(?:intolerant|intolerance)\s+(?:to|of)\b|reactions?\s+to\b|(?:allergy|allergies|hypersensitivity|hypersensitivities|intolerance|intolerances|adverse reactions?)\s*[:\u2013-])/gi;
/**
 * What may stand between an allergy cue (or the start of an allergies section's item) and a
 * substance of its list, the mentions left out: punctuation, bullets ("-", "*", "o") and item numbers, "and", "or",
 * and a reaction's label ("penicillin (reaction: hives)").
 */
const allergenListGap =
  /^(?:[\s,;:/&()>→–*•·+#-]|\b\d{1,2}[.)]|\b(?:and|or|o|reaction|rxn|causes)\b)*$/i;
/** "amoxicillin allergy (rash)", "Metformin intolerance": the allergy named right after the drug. */
const allergyAfter = /^\s*(?:allergy|allergies|hypersensitivity|intolerance)\b/i;
/** An allergies section that says there are none: "NKDA", "NKA", "None known", "no known allergies". */
const noneListed = /\b(?:nkda|nka|nkfa|none|no known|no allergies|denies)\b/i;

/**
 * The indices of the Chemical mentions of `entities` (sorted by start) that name the substance of an
 * allergy or intolerance: a drug with "allergy" or "intolerance" right after it; a drug after an
 * allergy cue in its sentence with nothing between but a list of substances and their reactions
 * ("She is allergic to amoxicillin (hives)", "Allergies: sulfa (rash), codeine - nausea" inside a
 * line of prose); or, in an allergies section (`sections`), a drug listed there: nothing but such a
 * list between the start of its item (its line or sentence, or after a comma or semicolon) and the
 * drug ("Allergies:\n- penicillin - hives\n- codeine", "ALL: PCN, sulfa"). Prose in the section is
 * no list, and a section that lists none lists no drug: "Allergies: NKDA\nShe takes metformin",
 * "Tolerates tramadol." and "NKDA, metformin 500 mg" mark nothing. Whether a mention's allergy is
 * denied is the classifier's to say (extract.ts).
 */
export function allergenMentions(
  text: string,
  entities: readonly ClinicalEntity[],
  sections: readonly Section[] = [],
): Set<number> {
  const sentences = splitSentences(text);
  const bySentence = new Map<number, number[]>();
  entities.forEach((e, i) => {
    const s = spanIndexAt(sentences, e.start);
    if (s < 0) return;
    const list = bySentence.get(s);
    if (list) list.push(i);
    else bySentence.set(s, [i]);
  });
  const found = new Set<number>();
  bySentence.forEach((members, s) => {
    for (const a of members)
      if (
        entities[a]!.type === 'Chemical' &&
        allergenInSentence(text, entities, members, sentences[s]!, sections, a)
      )
        found.add(a);
  });
  return found;
}

/** Drug `a` is an allergen by the words of its sentence, or as an item of an allergies section. */
function allergenInSentence(
  text: string,
  entities: readonly ClinicalEntity[],
  members: readonly number[],
  sentence: Span,
  sections: readonly Section[],
  a: number,
): boolean {
  const drug = entities[a]!;
  if (allergyAfter.test(text.slice(drug.end, sentence.end))) return true;
  let from = -1;
  const section = sectionAt(sections, drug.start);
  // An item of an allergies section opens a list, as an allergy cue does: the item starts at its
  // line or sentence, or after the comma or semicolon before it ("latex, PCN, sulfa"). A section
  // that says there are none ("NKDA, metformin 500 mg") lists none.
  if (section?.kind === 'allergies' && drug.start >= section.bodyStart) {
    const start = Math.max(sentence.start, section.bodyStart);
    const before = text.slice(start, drug.start);
    if (!noneListed.test(text.slice(section.bodyStart, drug.start)))
      from = start + Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1;
  }
  // The last allergy cue before the drug in its sentence opens its list, unless the item does.
  for (const cue of text.slice(sentence.start, drug.start).matchAll(allergyCue))
    from = Math.max(from, sentence.start + cue.index + cue[0].length);
  if (from < 0) return false;
  let gap = '';
  let at = from;
  for (const m of members) {
    const e = entities[m]!;
    if (e.end <= from || e.start >= drug.start) continue;
    if (e.type !== 'Chemical' && e.type !== 'Symptom' && e.type !== 'Disease') return false;
    gap += text.slice(at, Math.max(at, e.start));
    at = Math.max(at, e.end);
  }
  return allergenListGap.test(gap + text.slice(at, drug.start));
}
