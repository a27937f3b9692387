// Domain (nlp/crf): an external name list (gazetteer) as sequence-tagger features, matched over the
// tagger's own tokens, case-insensitively, longest match first. Used for names that another public
// annotated corpus provides (e.g. NCBI-disease training mentions when training on BC5CDR: Dogan,
// Leaman & Lu 2014, J Biomed Inform 47:1, "NCBI disease corpus"), the lexicon-feature recipe of
// Ratinov & Roth 2009 (CoNLL, "Design challenges and misconceptions in NER", section 6).
import { sequenceTokens, type SequenceToken } from './tokens';

/** Names as lower-cased token sequences, stored as a trie keyed by token. */
export interface Gazetteer {
  /** Serialisable trie: node id -> token -> child node id; node 0 is the root. */
  children: Record<string, number>[];
  /** Node ids where a name ends. */
  ends: number[];
}

/** A gazetteer of `names` (names of fewer than 2 characters are ignored). */
export function buildGazetteer(names: Iterable<string>): Gazetteer {
  const children: Record<string, number>[] = [{}];
  const ends = new Set<number>();
  for (const name of names) {
    if (name.trim().length < 2) continue;
    let node = 0;
    for (const t of sequenceTokens(name.toLowerCase())) {
      const next = children[node]![t.text];
      if (next !== undefined) node = next;
      else {
        children.push({});
        children[node]![t.text] = children.length - 1;
        node = children.length - 1;
      }
    }
    ends.add(node);
  }
  return { children, ends: [...ends].sort((a, b) => a - b) };
}

/**
 * BIO tags ("B", "I", "O") of `tokens` against the gazetteer: at each token the longest name
 * starting there is marked, and matching resumes after it.
 */
export function gazetteerTags(gazetteer: Gazetteer, tokens: readonly SequenceToken[]): string[] {
  const ends = new Set(gazetteer.ends);
  const tags = tokens.map(() => 'O');
  let i = 0;
  while (i < tokens.length) {
    let node = 0;
    let longest = -1;
    for (let j = i; j < tokens.length; j++) {
      const next = gazetteer.children[node]![tokens[j]!.text.toLowerCase()];
      if (next === undefined) break;
      node = next;
      if (ends.has(node)) longest = j;
    }
    if (longest < 0) {
      i++;
      continue;
    }
    for (let k = i; k <= longest; k++) tags[k] = k === i ? 'B' : 'I';
    i = longest + 1;
  }
  return tags;
}
