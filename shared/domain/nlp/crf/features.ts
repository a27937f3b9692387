// Domain (nlp/crf): the sequence tagger's features, the pre-BERT biomedical NER recipe (BANNER:
// Leaman & Gonzalez 2008, PSB 13:652; tmChem: Leaman, Wei & Lu 2015, J Cheminform 7:S3; TaggerOne:
// Leaman & Lu 2016, Bioinformatics 32:2839): the lower-cased word, its shape, prefixes and suffixes
// of 2-4 letters (chemical -ine, -ol, -ide, -azole; disease -itis, -emia, -oma), character trigrams,
// digit/capital/Greek flags, whether the token touches its neighbours, a +-2 word window, the
// dictionary's BIO tag as a feature (Ratinov & Roth 2009, CoNLL "Design challenges and misconceptions
// in NER"), and in-document features: the dictionary's type for the same word elsewhere in the
// document and abbreviation definitions. Conjunctions (hint x suffix, the words either side, the
// previous shape x word) and a gazetteer's matches (crf/gazetteer) were kept after they raised
// BC5CDR Disease F1 from 0.787 to 0.792 in 5-fold cross-validation on its training split. Optionally,
// word clusters (crf/brown: Brown et al. 1992 clusters by Liang's 2005 algorithm) of the word and its
// neighbours, as bit-string prefixes of 4, 6, 10 and 20 (Miller, Guinness & Zamanian 2004, HLT-NAACL
// "Name tagging with word clusters and discriminative training"; Turian, Ratinov & Bengio 2010, ACL
// "Word representations"). Features are strings hashed (FNV-1a) into a fixed table.
import { abbreviationDefinitions, wordOccurrences } from '../matcher/abbreviations';
import { normaliseWord } from '../text/tokens';
import { bioTags, type SequenceToken, type TypedSpan } from './tokens';

const greek =
  /^(alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|omicron|pi|rho|sigma|tau|upsilon|phi|chi|psi|omega)$/i;

/** A document's features: token t's hashed feature ids are ids[offsets[t] .. offsets[t + 1]). */
export interface TokenFeatures {
  ids: Int32Array;
  offsets: Int32Array;
}

/**
 * Optional inputs: gazetteer BIO tags per token (crf/gazetteer), first-stage features per token
 * (stacked), word clusters (crf/brown).
 */
export interface FeatureExtras {
  gazetteer?: readonly string[];
  firstPass?: readonly (readonly string[])[];
  /** Word clusters whose path prefixes become features (absent: none). */
  clusters?: WordClusters;
}

/** Word clusters (e.g. Brown bit strings, crf/brown) whose path prefixes become features. */
export interface WordClusters {
  /** Bit string of each word, keyed by `normaliseWord` of the token (crf/brown `clusterWords`). */
  paths: ReadonlyMap<string, string>;
  /** Prefix lengths of a path (Turian, Ratinov & Bengio 2010: 4, 6, 10, 20). */
  prefixes: readonly number[];
  /** Token offsets whose cluster is a feature (default -1, 0, 1). */
  window?: readonly number[];
}

/** Dictionary hint type of an entity type: Chemical, Disease (symptoms too) or Other. */
export function hintType(entityType: string): string {
  if (entityType === 'Chemical') return 'Chemical';
  return entityType === 'Disease' || entityType === 'Symptom' ? 'Disease' : 'Other';
}

/** The word's shape: capitals X, small letters x, digits d, other marks as written. */
export function wordShape(word: string): string {
  return word
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{N}/gu, 'd');
}

/** The shape with repeats collapsed ("Xxxxx" -> "Xx", "dd" -> "d"). */
export function shortShape(word: string): string {
  return wordShape(word).replace(/(.)\1+/g, '$1');
}

/** 32-bit FNV-1a hash of `s` modulo `buckets` (a power of two). */
export function featureBucket(s: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (buckets - 1);
}

/** The token's own features, without context (exported for tests). */
export function wordFeatures(word: string): string[] {
  const lower = word.toLowerCase();
  const f = [`w=${lower}`, `k=${normaliseWord(word)}`, `s=${shortShape(word)}`];
  if (word.length <= 12) f.push(`S=${wordShape(word)}`);
  if (/\p{L}/u.test(word)) {
    for (let n = 2; n <= 5 && n < lower.length; n++)
      f.push(`p${n}=${lower.slice(0, n)}`, `x${n}=${lower.slice(-n)}`);
    if (lower.length >= 4) {
      const padded = `^${lower}$`;
      for (let i = 0; i + 3 <= padded.length; i++) f.push(`g=${padded.slice(i, i + 3)}`);
    }
  }
  if (greek.test(word)) f.push('greek');
  if (/^\p{Lu}+$/u.test(word)) f.push('caps');
  else if (/^\p{Lu}/u.test(word)) f.push('cap');
  else if (/\p{Lu}/u.test(word)) f.push('mixed');
  if (word.length === 1) f.push('one');
  f.push(`len=${Math.min(word.length, 8)}`);
  return f;
}

/** The features of every token of a document (see the file comment). */
export function documentFeatures(
  text: string,
  tokens: readonly SequenceToken[],
  hints: readonly TypedSpan[],
  buckets: number,
  extra: FeatureExtras = {},
): TokenFeatures {
  const gazetteer = extra.gazetteer ?? [];
  const hintTags = bioTags(
    tokens,
    hints.map((h) => ({ ...h, type: hintType(h.type) })),
  );
  const own = tokens.map((t) => wordFeatures(t.text));
  const lower = tokens.map((t) => t.text.toLowerCase());
  const documentType = documentHintTypes(lower, hintTags);
  const abbreviation = abbreviationMarks(text, tokens, hintTags);
  const ids: number[] = [];
  const offsets = new Int32Array(tokens.length + 1);
  const add = (s: string) => ids.push(featureBucket(s, buckets));
  tokens.forEach((t, i) => {
    offsets[i] = ids.length;
    add('bias');
    for (const f of own[i]!) add(f);
    if (i === 0 || tokens[i - 1]!.end === t.start) add('glued-');
    if (i + 1 < tokens.length && tokens[i + 1]!.start === t.end) add('glued+');
    for (const d of [-3, -2, -1, 1, 2, 3]) {
      const w = lower[i + d] ?? (d < 0 ? '<s>' : '</s>');
      add(`w${d}=${w}`);
      add(`h${d}=${hintTags[i + d] ?? 'O'}`);
    }
    for (const d of [-1, 1]) {
      const n = tokens[i + d];
      if (!n) continue;
      add(`s${d}=${shortShape(n.text)}`);
      add(`x${d}=${lower[i + d]!.slice(-3)}`);
    }
    add(`b-=${lower[i - 1] ?? '<s>'}|${lower[i]}`);
    add(`b+=${lower[i]}|${lower[i + 1] ?? '</s>'}`);
    const hint = hintTags[i]!;
    add(`h=${hint}`);
    add(`h=${hint}|s=${shortShape(t.text)}`);
    add(`h=${hint}|h-1=${hintTags[i - 1] ?? 'O'}`);
    const typed = documentType.get(lower[i]!);
    if (typed) add(`dh=${typed}`);
    for (const mark of abbreviation[i]!) add(mark);
    for (const f of extra.firstPass?.[i] ?? []) add(f);
    for (const f of conjunctions(i, lower, tokens, hintTags, gazetteer)) add(f);
    if (extra.clusters) for (const f of clusterFeatures(i, tokens, extra.clusters)) add(f);
  });
  offsets[tokens.length] = ids.length;
  return { ids: Int32Array.from(ids), offsets };
}

/** Conjoined features of token i and the gazetteer's tag with its neighbours' (file comment). */
function conjunctions(
  i: number,
  lower: readonly string[],
  tokens: readonly SequenceToken[],
  hintTags: readonly string[],
  gazetteer: readonly string[],
): string[] {
  const hint = hintTags[i]!;
  const f = [
    `h=${hint}|x3=${lower[i]!.slice(-3)}`,
    `w-1=${lower[i - 1] ?? '<s>'}|w+1=${lower[i + 1] ?? '</s>'}`,
    `s-1=${i > 0 ? shortShape(tokens[i - 1]!.text) : '<s>'}|w=${lower[i]}`,
  ];
  if (gazetteer.length === 0) return f;
  const g = gazetteer[i]!;
  f.push(
    `g=${g}`,
    `g=${g}|g-1=${gazetteer[i - 1] ?? 'O'}|g+1=${gazetteer[i + 1] ?? 'O'}`,
    `g=${g}|h=${hint}`,
  );
  return f;
}

/** Path prefixes of the clusters of token i and its neighbours (words without a cluster: none). */
function clusterFeatures(i: number, tokens: readonly SequenceToken[], c: WordClusters): string[] {
  const f: string[] = [];
  for (const d of c.window ?? [-1, 0, 1]) {
    const t = tokens[i + d];
    const path = t ? c.paths.get(normaliseWord(t.text)) : undefined;
    if (path) for (const n of c.prefixes) f.push(`c${d}:${n}=${path.slice(0, n)}`);
  }
  return f;
}

/** The hint type each word carries most often anywhere in the document (words of 3+ characters). */
function documentHintTypes(lower: readonly string[], hintTags: readonly string[]) {
  const counts = new Map<string, Map<string, number>>();
  lower.forEach((w, i) => {
    if (w.length < 3 || hintTags[i] === 'O') return;
    const byType = counts.get(w) ?? new Map<string, number>();
    counts.set(w, byType);
    const type = hintTags[i]!.slice(2);
    byType.set(type, (byType.get(type) ?? 0) + 1);
  });
  const best = new Map<string, string>();
  for (const [w, byType] of counts) best.set(w, [...byType].sort((a, b) => b[1] - a[1])[0]![0]);
  return best;
}

/**
 * Abbreviation features per token: `sf` on every use of a short form the document defines (with
 * the dictionary's type at the end of its long form), `lf` inside a long form.
 */
function abbreviationMarks(
  text: string,
  tokens: readonly SequenceToken[],
  hintTags: readonly string[],
): string[][] {
  const marks = tokens.map((): string[] => []);
  const byShort = new Map<string, string>();
  for (const d of abbreviationDefinitions(text)) {
    const last = lastTokenBefore(tokens, d.longEnd);
    const type = last >= 0 && hintTags[last] !== 'O' ? hintTags[last]!.slice(2) : 'O';
    if (!byShort.has(d.short)) byShort.set(d.short, type);
    tokens.forEach((t, i) => {
      if (t.start >= d.longStart && t.end <= d.longEnd)
        marks[i]!.push(t.start === d.longStart ? 'lf-first' : 'lf');
    });
  }
  for (const [short, type] of byShort)
    for (const at of wordOccurrences(text, short))
      tokens.forEach((t, i) => {
        if (t.start >= at && t.end <= at + short.length)
          marks[i]!.push(`sf=${type}`, t.start === at ? 'sf-first' : 'sf');
      });
  return marks;
}

function lastTokenBefore(tokens: readonly SequenceToken[], end: number): number {
  let k = -1;
  tokens.forEach((t, i) => {
    if (t.end <= end) k = i;
  });
  return k;
}
