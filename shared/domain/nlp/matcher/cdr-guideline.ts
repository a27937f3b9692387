// Domain (nlp/matcher): dictionary mentions re-read by the BioCreative V CDR annotation guideline
// (Li et al. 2016, Database baw068), for corpora annotated by it. The curated vocabulary is built for
// clinical notes, where "levodopa-induced dyskinesia" is one diagnosis with its own codes and "serum
// creatinine" one laboratory test; the guideline annotates the chemical and the disease of the first
// separately, and the chemical of the second (the BC5CDR training split annotates "creatinine" in
// all 13 "serum creatinine", "creatine" in all 5 "creatine kinase").
import { wholeMatch, type DictionaryIndex, type DictionaryMention } from './dictionary';

// Where a compound may split: spaces or hyphens, with an optional "-induced"-style connector.
// "gentamicin nephrotoxicity" has no connector: the chemical modifies the disorder directly.
const gaps = /[\s-]+(?:(?:induced|associated|related|provoked|mediated)[\s-]+)?/gi;

/** `mentions` with both re-readings below. */
export function cdrGuidelineMentions(
  index: DictionaryIndex,
  text: string,
  mentions: readonly DictionaryMention[],
): DictionaryMention[] {
  return analyteChemicals(index, splitInducedMentions(index, text, mentions));
}

/**
 * `mentions` with every LabTest mention that names a chemical ("serum creatinine", "uric acid",
 * "creatine kinase") replaced by a Chemical mention of the longest Chemical term inside it (the
 * leftmost of equal length); a lab test that names none ("hematocrit") is kept.
 */
export function analyteChemicals(
  index: DictionaryIndex,
  mentions: readonly DictionaryMention[],
): DictionaryMention[] {
  return mentions.map((m) => (m.concept.type === 'LabTest' ? (analyteOf(index, m) ?? m) : m));
}

function analyteOf(index: DictionaryIndex, m: DictionaryMention): DictionaryMention | undefined {
  const words = [...m.text.matchAll(/[\p{L}\p{N}]+/gu)].map((w) => [
    w.index,
    w.index + w[0].length,
  ]);
  for (let length = words.length; length >= 1; length--)
    for (let first = 0; first + length <= words.length; first++) {
      const [start, end] = [words[first]![0]!, words[first + length - 1]![1]!];
      const found = wholeMatch(index, m.text.slice(start, end));
      if (found?.concept.type === 'Chemical')
        return { ...found, start: m.start + start, end: m.start + end };
    }
  return undefined;
}

/**
 * `mentions` with every Disease or Symptom mention whose text is a Chemical term, a connector and a
 * Disease or Symptom term of `index` replaced by those two mentions (offsets into `text`). The
 * first split, left to right, that reads both parts whole is taken.
 */
export function splitInducedMentions(
  index: DictionaryIndex,
  text: string,
  mentions: readonly DictionaryMention[],
): DictionaryMention[] {
  return mentions.flatMap((m) => {
    if (m.concept.type !== 'Disease' && m.concept.type !== 'Symptom') return [m];
    return splitOne(index, m) ?? [m];
  });
}

function splitOne(index: DictionaryIndex, m: DictionaryMention): DictionaryMention[] | undefined {
  for (const gap of m.text.matchAll(gaps)) {
    const chemicalEnd = gap.index;
    const disorderStart = gap.index + gap[0].length;
    if (chemicalEnd === 0 || disorderStart >= m.text.length) continue;
    const chemical = wholeMatch(index, m.text.slice(0, chemicalEnd));
    if (chemical?.concept.type !== 'Chemical') continue;
    const disorder = wholeMatch(index, m.text.slice(disorderStart));
    if (disorder?.concept.type !== 'Disease' && disorder?.concept.type !== 'Symptom') continue;
    return [
      { ...chemical, start: m.start, end: m.start + chemicalEnd },
      { ...disorder, start: m.start + disorderStart, end: m.end },
    ];
  }
  return undefined;
}
