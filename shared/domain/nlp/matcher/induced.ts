// Domain (nlp/matcher): reading "<chemical>-induced <disorder>" as two mentions, as the BioCreative V
// CDR annotation guideline asks (Li et al. 2016, Database baw068; guideline section "Chemical-induced
// diseases": in "doxorubicin-induced cardiotoxicity" the chemical and the disease are annotated
// separately, and the disease alone names the disorder). The curated vocabulary keeps compound
// concepts such as levodopa-induced dyskinesia for clinical notes, where the compound is one
// diagnosis with its own codes; an engine built for a corpus with that guideline splits them.
import { wholeMatch, type DictionaryIndex, type DictionaryMention } from './dictionary';

// Where a compound may split: spaces or hyphens, with an optional "-induced"-style connector.
// "gentamicin nephrotoxicity" has no connector: the chemical modifies the disorder directly.
const gaps = /[\s-]+(?:(?:induced|associated|related|provoked|mediated)[\s-]+)?/gi;

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
