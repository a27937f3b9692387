// Domain (nlp/matcher): mentions "<organ or system> <word that names no disease of its own>"
// ("hematologic toxicity", "hepatic impairment", "neurological dysfunction") that the dictionary
// does not list as a whole, read as the organ's disease when the dictionary knows the organ with
// another such word ("hematologic disorder" -> Hematologic Diseases; linking/organ-system gives the
// words, the order and the evidence).
import type { Concept } from '../model';
import { organSystemNames, organVariants, unspecificHeads } from '../linking/organ-system';
import { termKey } from '../text/tokens';
import { wholeMatch, type DictionaryIndex, type DictionaryMention } from './dictionary';

/** Any unspecific head, singular or plural ("toxicity", "toxicities", "lesions"). */
const heads = new RegExp(
  `\\b(?:${unspecificHeads.map((h) => (h.endsWith('y') ? `${h.slice(0, -1)}(?:y|ies)` : `${h}s?`)).join('|')})\\b`,
  'giu',
);
/** Up to three words before a head, joined by spaces, hyphens or slashes. */
const organWords = /(?:[\p{L}\p{N}]+[ \-/]){1,3}$/u;

/**
 * The Disease or Symptom concept of `phrase` ("<organ words> <unspecific head>") read as the organ's
 * disease: the dictionary's term for the same organ words with another unspecific head (organ
 * adjective and noun both tried). Undefined for any other phrase.
 */
export function organSystemConcept(index: DictionaryIndex, phrase: string): Concept | undefined {
  for (const name of organSystemNames(termKey(phrase).split(' ')))
    for (const form of [name, ...organVariants(name)]) {
      const concept = wholeMatch(index, form.join(' '))?.concept;
      if (concept && (concept.type === 'Disease' || concept.type === 'Symptom')) return concept;
    }
  return undefined;
}

/**
 * Every organ-system mention in `text` (see organSystemConcept), the longest reading at each head
 * (three organ words, then two, then one), kept only where it is longer than every dictionary match
 * of `matched` it overlaps ("hematologic toxicity" over "toxicity"; never over "coronary artery
 * disease", whose head is not even read).
 */
export function matchOrganSystem(
  index: DictionaryIndex,
  text: string,
  matched: readonly DictionaryMention[] = [],
): DictionaryMention[] {
  const found: DictionaryMention[] = [];
  heads.lastIndex = 0;
  for (let h = heads.exec(text); h !== null; h = heads.exec(text)) {
    const end = h.index + h[0].length;
    if (matched.some((m) => m.start < h!.index && m.end >= end)) continue;
    const before = organWords.exec(text.slice(Math.max(0, h.index - 60), h.index));
    if (!before) continue;
    const words = [...before[0].matchAll(/[\p{L}\p{N}]+/gu)];
    for (let n = words.length; n >= 1; n--) {
      const start = h.index - before[0].length + words[words.length - n]!.index!;
      const phrase = text.slice(start, end);
      const concept = organSystemConcept(index, phrase);
      if (!concept) continue;
      const longer = matched.every(
        (m) => m.end <= start || end <= m.start || m.end - m.start < end - start,
      );
      if (longer)
        found.push({ start, end, text: phrase, concept, kind: 'normalised', confidence: 0.75 });
      break;
    }
  }
  return found;
}
