// Training (deep, NER): per-token input features for the tagger. Character information enters
// as the word's shape (Xxxx, dd-x...) and hashed lower-cased prefix/suffix embeddings, the
// "word shape/prefix/suffix" alternative to a char CNN: cheap on a 2-core machine and strong on
// chemical suffixes (-ine, -ol, -mab) and disease suffixes (-itis, -emia, -oma). A sixth feature,
// the dictionary hint, is the BIO tag the dictionary matcher gave the token: gazetteer features are
// the standard way to let a neural tagger use a lexicon (Ratinov & Roth 2009, CoNLL "Design
// challenges and misconceptions in NER"; Habibi et al. 2017, Bioinformatics 33:i37).
import { ValidationError } from '../../../shared/domain/errors';

/** Number of hash buckets per affix feature (id 0 is PAD). */
export const affixBuckets = 4096;

export const featureNames = ['word', 'shape', 'prefix3', 'suffix3', 'suffix4', 'hint'] as const;
export type FeatureName = (typeof featureNames)[number];

/** Dictionary hint tags by id (0 PAD): the matcher's BIO tag of a token, types folded to three. */
export const hintTags = [
  '<pad>',
  'O',
  'B-Chemical',
  'I-Chemical',
  'B-Disease',
  'I-Disease',
  'B-Other',
  'I-Other',
] as const;

/** Hint type of an entity type: Chemical, Disease (symptoms included, as CDR annotates them) or Other. */
export function hintType(entityType: string): 'Chemical' | 'Disease' | 'Other' {
  if (entityType === 'Chemical') return 'Chemical';
  return entityType === 'Disease' || entityType === 'Symptom' ? 'Disease' : 'Other';
}

const hintIds = new Map<string, number>(hintTags.map((t, i) => [t, i]));

/** Id of a hint tag ("B-Chemical", "O", ...); unknown tags count as O. */
export function hintId(tag: string | undefined): number {
  return hintIds.get(tag ?? 'O') ?? 1;
}

/** Lower-case a word and fold digit runs to "0". */
export function normalWord(token: string): string {
  return token.toLowerCase().replace(/\d+/g, '0');
}

/** Word shape: upper X, lower x, digit d, others kept; runs longer than 2 cut to 2 ("Xxx" -> "Xxx"). */
export function wordShape(token: string): string {
  const mapped = token
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{N}/gu, 'd');
  return mapped.replace(/(.)\1{2,}/g, '$1$1');
}

function hashBucket(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return 1 + (h % (affixBuckets - 1));
}

/** Token -> index lookups built from training sentences, saved with the tagger. */
export interface TaggerLexicon {
  /** Words by id; 0 PAD, 1 OOV. */
  words: string[];
  /** Shapes by id; 0 PAD, 1 unseen. */
  shapes: string[];
  /** Tags by id; 0 is O. */
  tags: string[];
}

/** Words seen at least `minCount` times (at most `maxWords`), shapes and tags of the sentences. */
export function buildLexicon(
  sentences: readonly { tokens: readonly string[]; tags: readonly string[] }[],
  maxWords = 30_000,
  minCount = 2,
): TaggerLexicon {
  const counts = new Map<string, number>();
  const shapes = new Set<string>();
  const tags = new Set<string>();
  for (const [i, s] of sentences.entries()) {
    if (s.tokens.length !== s.tags.length)
      throw new ValidationError(
        `sentences[${i}]: tokens and tags differ in length`,
        `sentences[${i}]`,
      );
    for (const t of s.tokens) {
      const w = normalWord(t);
      counts.set(w, (counts.get(w) ?? 0) + 1);
      shapes.add(wordShape(t));
    }
    for (const tag of s.tags) {
      if (tag !== 'O' && !/^[BI]-\S+$/.test(tag))
        throw new ValidationError(
          `sentences[${i}]: tag "${tag}" is not BIO`,
          `sentences[${i}].tags`,
        );
      tags.add(tag);
    }
  }
  const words = [...counts]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxWords - 2)
    .map(([w]) => w);
  tags.delete('O');
  return {
    words: ['<pad>', '<oov>', ...words],
    shapes: ['<pad>', '<unseen>', ...[...shapes].sort()],
    tags: ['O', ...[...tags].sort()],
  };
}

/** Feature ids of one token, in featureNames order. */
export type TokenFeatures = [number, number, number, number, number, number];

/** Featuriser of a token and its dictionary hint tag (absent: O). */
export function lexiconIndex(
  lexicon: TaggerLexicon,
): (token: string, hint?: string) => TokenFeatures {
  const words = new Map(lexicon.words.map((w, i) => [w, i]));
  const shapes = new Map(lexicon.shapes.map((s, i) => [s, i]));
  return (token, hint) => {
    const lower = token.toLowerCase();
    return [
      words.get(normalWord(token)) ?? 1,
      shapes.get(wordShape(token)) ?? 1,
      hashBucket(`p:${lower.slice(0, 3)}`),
      hashBucket(`s:${lower.slice(-3)}`),
      hashBucket(`s:${lower.slice(-4)}`),
      hintId(hint),
    ];
  };
}
