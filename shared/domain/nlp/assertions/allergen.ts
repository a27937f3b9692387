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
 * A qualifier that makes "allergies" a condition, not a list of allergens: "Seasonal allergies:
 * cetirizine", "Environmental allergies - fluticasone" name the drug that treats them (allergic
 * rhinitis and its kin), as "Allergic asthma, montelukast" does.
 */
const conditionQualifier =
  /\b(?:seasonal|environmental|environment|outdoor|indoor|nasal|sinus|respiratory|food|pollen|dust|mold|mould|pet|animal|cat|dog|grass|tree|ragweed|spring|summer|fall|autumn|perennial)\s+$/i;

/**
 * What may stand between an allergy cue (or the start of an allergies section's item) and a
 * substance of its list, the mentions left out: punctuation, bullets ("-", "*", "o") and item numbers, "and", "or",
 * and a reaction's label ("penicillin (reaction: hives)").
 */
const allergenListGap =
  /^(?:[\s,;:/&()>→–*•·+#-]|\b\d{1,2}[.)]|\b(?:and|or|o|reaction|rxn|causes)\b)*$/i;
/** "amoxicillin allergy (rash)", "Metformin intolerance": the allergy named right after the drug. */
const allergyAfter = /^\s*(?:allergy|allergies|hypersensitivity|intolerance)\b/i;
/**
 * An allergies section that says there are none: "NKDA", "NKA", "None known", "no known allergies";
 * or whose whole first entry, up to the end of its line or a full stop, is a placeholder that lists
 * none here: "Not on file", "unknown", "see chart", "not reviewed" ("Allergies: Not on
 * file\nmetformin 500 mg BID"). Not a reaction "unknown" inside the list, nor "Allergies: unknown,
 * codeine". "Reviewed" is no placeholder: a list may follow it ("Allergies: Reviewed\n- penicillin").
 */
const noneListed =
  /\b(?:nkda|nka|none|no known(?![ \t]+(?:food|environmental|latex|seasonal)[ \t]+allergies)|no allergies|denies)\b|^[\s*•·-]*(?:not on file|not recorded|not documented|unknown|unk|see (?:the )?chart|not reviewed|not obtained|unable to obtain)(?=[ \t]*(?:[.\r\n\u2028\u2029]|$))/i;
/**
 * The category label of an allergies list's item or sub-heading ("Medication: penicillin - hives",
 * "Drug:", "Food allergies:"; review r7 of b639376).
 */
const categoryLabel =
  /^[ \t]*(?:[-*•·+]\s*)?(?:medications?|drugs?|foods?|environmental|latex|other)(?:[ \t]+(?:allergy|allergies|allergens?|intolerances?))?[ \t]*:/i;
/** A line shaped as an item of a list: a bullet, a number, or words then a reaction marker. */
const listShaped =
  /^(?:[-*•·+o>]\s|\d{1,2}[.)])|^[A-Za-z][\w /'-]{0,40}?(?:\(|[ \t][-–—:][ \t]|:[ \t]|→|->)/;
/** A line naming allergies: "Medication allergies:", "Intolerances:". */
const allergyWord = /\b(?:allerg\w*|intoleran\w*|adverse reactions?|reactions?)\b/i;

/**
 * A medicine's dose or frequency right after a drug, after an optional release form: "metformin 500
 * mg BID", "metformin ER 500 mg", "lisinopril daily". What a medicine list records; an allergy or
 * intolerance records none (FHIR R4 AllergyIntolerance has no dose).
 */
const doseOrFrequency =
  /^[ \t]*(?:(?:er|xr|sr|xl|cr|dr|ir|odt|hcl)\b[ \t]*)?(?:\d+(?:[.,]\d+)?[ \t]*(?:mg|mcg|µg|ug|g|gm|grams?|ml|l|units?|u|iu|meq|mmol|%|puffs?|tabs?|tablets?|caps?|capsules?|drops?|patch(?:es)?)\b|(?:bid|tid|qid|qd|qod|qhs|qam|qpm|hs|prn|daily|nightly|weekly|monthly|twice daily|once daily|at bedtime|q\d+h|q\d+-\d+h|every \d+ (?:hours?|days?|weeks?))\b)/i;
/** What names an entry's reaction after the drug: "(", a dash, a colon, an arrow, "reaction", "causes". */
const reactionMarker = /\(|[ \t][-–—:][ \t]|:[ \t]|→|->|\b(?:reactions?|rxn|causes|caused)\b/i;
/** What separates two items of a list, where a clause of its own may start instead. */
const listSeparator = /[-–—,;]/;
/**
 * A drug given or taken, not listed: after the drug (and any drugs, doses and routes that go with
 * it), "given", "started" and their kin ("Had a reaction to iodinated contrast - prednisone given").
 * `\uE000` stands for another drug mention.
 */
const givenAfter =
  /^(?:[\s,/&+]|\uE000|\band\b|\d+(?:[.,]\d+)?(?!\d)|\b(?:mg|mcg|g|ml|units?|iv|po|im|sc|sq|ivp|ivpb|x|once|stat|bid|tid|qid|daily|prn)\b)*\b(?:(?:was|were|then|also|is|are|being|been)\s+)*(?:given|started|administered|prescribed|begun|initiated|continued|resumed|restarted|ordered|added|tolerated|substituted|used)\b/i;

/**
 * The indices of the Chemical mentions of `entities` (sorted by start) that name the substance of an
 * allergy or intolerance: a drug with "allergy" or "intolerance" right after it; a drug after an
 * allergy cue in its sentence with nothing between but a list of substances and their reactions
 * ("She is allergic to amoxicillin (hives)", "Allergies: sulfa (rash), codeine - nausea" inside a
 * line of prose); or, in an allergies section (`sections`), a drug listed there: nothing but such a
 * list between the start of its item (its line or sentence, or after a comma or semicolon) and the
 * drug ("Allergies:\n- penicillin - hives\n- codeine", "ALL: PCN, sulfa"). Prose in the section is
 * no list, and a section that lists none lists no drug: "Allergies: NKDA\nShe takes metformin",
 * "Tolerates tramadol." and "NKDA, metformin 500 mg" mark nothing. The section's list ends at a
 * blank line or a line ending in ":" (listEnd), and a drug with its dose or frequency is a medicine
 * list's item ("Allergies: sulfa\nmetformin 500 mg BID"; review of e20a3a1, where a medicine list
 * under a header the section detector did not know was read as allergens). A drug "given" after a
 * separator ends a list ("reaction to contrast - prednisone given"). Whether a mention's allergy is
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
  // Only inside the section's own list (listEnd), and not a medicine's line: a drug with its dose or
  // frequency and no reaction is a medicine list's item ("Allergies: sulfa\nmetformin 500 mg BID").
  if (
    section?.kind === 'allergies' &&
    drug.start >= section.bodyStart &&
    drug.start < listEnd(text, section) &&
    !medicineItem(text, drug, sentence)
  ) {
    const start = Math.max(sentence.start, section.bodyStart);
    const before = text.slice(start, drug.start);
    if (!noneListed.test(firstEntry(text.slice(section.bodyStart, drug.start))))
      from = start + Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1;
  }
  // A category label opening the item ("Medication: penicillin - hives") is no word of it.
  if (from >= 0) {
    const label = categoryLabel.exec(text.slice(from, drug.start));
    if (label) from += label[0].length;
  }
  // The last allergy cue before the drug in its sentence opens its list, unless the item does.
  // "Seasonal allergies:" is a condition, no cue.
  for (const cue of text.slice(sentence.start, drug.start).matchAll(allergyCue)) {
    const at = sentence.start + cue.index;
    if (/^allerg/i.test(cue[0]) && conditionQualifier.test(text.slice(sentence.start, at)))
      continue;
    from = Math.max(from, at + cue[0].length);
  }
  if (from < 0) return false;
  let gap = '';
  let at = from;
  // The first drug after the last separator between two items ("contrast - prednisone and
  // diphenhydramine given": prednisone), which a "given" after it makes no item.
  let head = -1;
  for (const m of members) {
    const e = entities[m]!;
    if (e.end <= from || e.start >= drug.start) continue;
    if (e.type !== 'Chemical' && e.type !== 'Symptom' && e.type !== 'Disease') return false;
    if (at > from && listSeparator.test(text.slice(at, Math.max(at, e.start))))
      head = e.type === 'Chemical' ? m : -1;
    gap += text.slice(at, Math.max(at, e.start));
    at = Math.max(at, e.end);
  }
  // An allergies section's item that starts after a comma or semicolon follows another item.
  const afterItem = at > from || /[,;]\s*$/.test(text.slice(sentence.start, from));
  if (afterItem && listSeparator.test(text.slice(at === from ? from - 1 : at, drug.start)))
    head = a;
  // A separator, then a drug and "given" ("Had a reaction to iodinated contrast - prednisone
  // given"): the drug given for the reaction, and any drug after it, ends the list. With no
  // separator the drug given is the one that caused it ("Had a reaction to prednisone given for
  // asthma").
  if (head >= 0 && given(text, entities, members, sentence, head)) return false;
  return allergenListGap.test(gap + text.slice(at, drug.start));
}

/**
 * Where the list of an allergies section ends: at a blank line once the list has begun
 * ("Allergies: Penicillin (rash)\n\nMedication:\nmetformin"), or at a line ending in ":" that is
 * not one of the list's items (no bullet or number before it: "Home regimen:"), the header of a list
 * the section detector does not know; else at the section's end.
 */
function listEnd(text: string, section: Section): number {
  const line = /[^\r\n\u2028\u2029]*(?:\r\n?|[\n\u2028\u2029]|$)/g;
  line.lastIndex = section.bodyStart;
  let begun = false;
  let first = true;
  for (let m = line.exec(text); m !== null && m.index < section.end; m = line.exec(text)) {
    const content = m[0].trim();
    if (content === '') {
      // A blank line ends the list unless the next line goes on with its items.
      if (begun && !listShaped.test(nextLine(text, line.lastIndex))) return m.index;
    } else {
      if (
        !first &&
        content.endsWith(':') &&
        !/^(?:[-*•·+o>]\s|\d{1,2}[.)])/.test(content) &&
        !allergyWord.test(content) &&
        !categoryLabel.test(content) &&
        !/^(?:[-*•·+o>]\s|\d{1,2}[.)])/.test(nextLine(text, line.lastIndex))
      )
        return m.index;
      begun = true;
    }
    first = false;
    if (m[0].length === 0 || line.lastIndex >= text.length) break;
  }
  return section.end;
}

/**
 * The first entry of an allergies section's body `body`: up to and with the first comma, semicolon,
 * line end or full stop after it ("NKFA;" of "NKFA; penicillin - hives"). Whether the section
 * lists none is the first entry's to say, not a later one's (review r7 of e20a3a1).
 */
function firstEntry(body: string): string {
  const lead = /^\s*/.exec(body)![0].length;
  const end = /[,;\r\n\u2028\u2029]|\.(?=\s|$)/.exec(body.slice(lead));
  return end ? body.slice(0, lead + end.index + 1) : body;
}

/** The next non-blank line of `text` from `from`, trimmed. */
function nextLine(text: string, from: number): string {
  return (/^\s*([^\r\n\u2028\u2029]*)/.exec(text.slice(from))?.[1] ?? '').trim();
}

/** Drug `drug` carries its dose or frequency and names no reaction in its sentence. */
function medicineItem(text: string, drug: ClinicalEntity, sentence: Span): boolean {
  const after = text.slice(drug.end, sentence.end);
  return doseOrFrequency.test(after) && !reactionMarker.test(after);
}

/** Drug `a` is followed, in its sentence, by "given", "started" and their kin (givenAfter). */
function given(
  text: string,
  entities: readonly ClinicalEntity[],
  members: readonly number[],
  sentence: Span,
  a: number,
): boolean {
  let rest = '';
  let at = entities[a]!.end;
  for (const m of members) {
    const e = entities[m]!;
    if (e.start < at) continue;
    if (e.type !== 'Chemical') break;
    rest += text.slice(at, e.start) + '\uE000';
    at = e.end;
  }
  return givenAfter.test(rest + text.slice(at, sentence.end));
}
