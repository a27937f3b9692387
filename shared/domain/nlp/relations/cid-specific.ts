// Domain (nlp/relations): which diseases of a document are less specific than another one there. The
// CDR guideline relates a chemical to the most specific disease the text supports (Li et al. 2016,
// BC5CDR corpus, Database baw068, "annotation guidelines"), and Gu, Qian & Zhou 2016 (Database
// baw042) drop a disease whose MeSH concept is a hypernym of another disease of the same document.
// The curated vocabulary carries no MeSH tree numbers, so hypernymy is approximated on the words: a
// disease is more general when all the words of one of its mentions are the head words of a longer
// mention of another disease ("tumors" < "liver tumors", "thrombosis" < "sinus thrombosis"), or when
// its mentions are a bare generic head ("toxicity", "injury", "disease") and a specific disease exists.
import { tokenize } from '../text/tokens';

/** A disease mention: its MeSH id and its text offsets into `text` (`end` exclusive). */
export interface DiseaseMention {
  start: number;
  end: number;
  id: string;
}

// Heads that name a class of disorders rather than one, written as the tokenizer's keys (singular).
const genericHeads = new Set([
  'disease',
  'disorder',
  'toxicity',
  'injury',
  'damage',
  'lesion',
  'dysfunction',
  'syndrome',
  'abnormality',
  'complication',
  'effect',
  'reaction',
  'event',
  'side',
  'impairment',
  'failure',
]);

/**
 * Ids of the diseases of a document that are less specific than another disease of the same
 * document (see the file comment); the rest are kept as the most specific ones.
 */
export function lessSpecificDiseases(
  text: string,
  diseases: readonly DiseaseMention[],
): Set<string> {
  const words = (m: DiseaseMention) => tokenize(text.slice(m.start, m.end)).map((t) => t.key);
  const forms = new Map<string, Set<string>>();
  for (const m of diseases) {
    const key = words(m).join(' ');
    if (key) (forms.get(m.id) ?? forms.set(m.id, new Set()).get(m.id)!).add(key);
  }
  const general = new Set<string>();
  for (const [id, own] of forms) {
    const others = [...forms].filter(([other]) => other !== id).flatMap(([, f]) => [...f]);
    if (others.length === 0) continue;
    const headOfLonger = [...own].some((f) => others.some((o) => o.endsWith(` ${f}`)));
    const bareGeneric = [...own].every((f) => f.split(' ').every((w) => genericHeads.has(w)));
    if (headOfLonger || bareGeneric) general.add(id);
  }
  return general;
}
