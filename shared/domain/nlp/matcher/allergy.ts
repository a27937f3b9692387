// Domain (nlp/matcher): a drug allergy the vocabulary names as one concept ("allergic to penicillin",
// "penicillin allergy": SNOMED CT 91936005 Allergy to penicillin, ICD-10-CM FY2024 Z88.0 Allergy
// status to penicillin) is, in an allergies section, read as every other line of that section: the
// substance a Chemical mention (historical, by the section) and its reaction a mention of its own,
// related by `causes` ("Allergies: allergic to penicillin (hives)" as "penicillin (hives)"). Outside
// an allergies section the allergy concept stays: "She is allergic to penicillin" states a penicillin
// allergy, and a bare penicillin there would read as a medicine taken.
import type { SectionKind } from '../model';
import { wholeMatch, type DictionaryIndex, type DictionaryMention } from './dictionary';

/** "allergic to X", "allergy to X", "X allergy", "X hypersensitivity": the substance's offsets. */
const substanceAfter = /^(?:allergic|allergy|allergies|hypersensitive|hypersensitivity)\s+to\s+/i;
const substanceBefore = /\s+(?:allergy|allergies|hypersensitivity)$/i;

/**
 * `mentions` with every Disease mention in an allergies section whose text is an allergy phrase
 * around a Chemical term of `index` replaced by the Chemical mention (offsets into the text).
 */
export function allergySubstances(
  index: DictionaryIndex,
  mentions: readonly DictionaryMention[],
  sectionAt: (offset: number) => SectionKind | undefined,
): DictionaryMention[] {
  return mentions.map((m) => {
    if (m.concept.type !== 'Disease' || sectionAt(m.start) !== 'allergies') return m;
    const after = substanceAfter.exec(m.text);
    const before = substanceBefore.exec(m.text);
    const [from, to] = after
      ? [after[0].length, m.text.length]
      : before
        ? [0, before.index]
        : [0, 0];
    if (to <= from) return m;
    const substance = wholeMatch(index, m.text.slice(from, to));
    if (substance?.concept.type !== 'Chemical') return m;
    return { ...substance, start: m.start + from, end: m.start + to };
  });
}
