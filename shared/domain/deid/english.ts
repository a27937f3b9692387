// Domain (deid): "is this an English word?", asked of capitalised or cue-following words before they
// are taken for a person's or a place's name. The word list is the lowercase entries of the Debian
// `wamerican` list (SCOWL size 50, 2020 release), stored as a Bloom filter (lexicon/english-filter.ts)
// so the shipped code stays small and reads no file at run time. Inflected forms are stored by their
// stem and found through the suffix rules below.
import { englishFilter } from './lexicon/english-filter';

/** A set of strings with no false negatives and a small, known false-positive rate. */
export class WordFilter {
  private readonly bits: Uint8Array;

  constructor(
    bits: Uint8Array,
    private readonly hashes: number,
  ) {
    if (bits.length === 0 || hashes < 1)
      throw new RangeError('a word filter needs bits and hashes');
    this.bits = bits;
  }

  /** Whether `word` may be in the set (false means certainly not). */
  has(word: string): boolean {
    const size = this.bits.length * 8;
    const [h1, h2] = hashPair(word);
    for (let i = 0; i < this.hashes; i++) {
      const bit = (h1 + Math.imul(i, h2)) >>> 0;
      const at = bit % size;
      if ((this.bits[at >> 3]! & (1 << (at & 7))) === 0) return false;
    }
    return true;
  }

  /** The filter of `words` with `bitsPerWord` bits each (9.6 bits give about 1% false positives). */
  static of(words: Iterable<string>, bitsPerWord = 12, hashes = 8): WordFilter {
    const list = [...new Set(words)];
    const bytes = Math.max(1, Math.ceil((list.length * bitsPerWord) / 8));
    const bits = new Uint8Array(bytes);
    for (const word of list) {
      const [h1, h2] = hashPair(word);
      for (let i = 0; i < hashes; i++) {
        const at = ((h1 + Math.imul(i, h2)) >>> 0) % (bytes * 8);
        bits[at >> 3]! |= 1 << (at & 7);
      }
    }
    return new WordFilter(bits, hashes);
  }

  /** The filter's bits as base64, for a generated lexicon file. */
  toBase64(): string {
    return Buffer.from(this.bits).toString('base64');
  }
}

/** Two independent 32-bit hashes (FNV-1a and a multiplicative string hash) for double hashing. */
function hashPair(word: string): [number, number] {
  let fnv = 0x811c9dc5;
  let mul = 0x9747b28c;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    fnv = Math.imul(fnv ^ c, 0x01000193);
    mul = Math.imul(mul ^ c, 0x5bd1e995) ^ (mul >>> 15);
  }
  return [fnv >>> 0, (mul | 1) >>> 0];
}

/**
 * Stems an inflected word may come from ("visits" -> "visit", "hoping" -> "hope", "studies" ->
 * "study"): the suffix rules the filter was built with, so only stems need storing.
 */
export function stemsOf(word: string): string[] {
  const stems: string[] = [];
  const cut = (suffix: string, ...endings: string[]) => {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) return;
    for (const e of endings) stems.push(word.slice(0, word.length - suffix.length) + e);
  };
  cut('ies', 'y');
  cut('es', '');
  cut('s', '');
  cut('ied', 'y');
  cut('ed', '', 'e');
  cut('ing', '', 'e');
  cut('ly', '');
  cut('er', '', 'e');
  cut('est', '', 'e');
  cut('ness', '');
  return stems;
}

/**
 * The stems to store for a word list: lowercase words of 3+ letters, shortest first, each left out
 * when a suffix rule of `stemsOf` leads to a word already kept ("visited" when "visit" is kept).
 */
export function englishStems(words: Iterable<string>): string[] {
  const unique = [...new Set([...words].filter((w) => /^[a-z]{3,}$/.test(w)))];
  const kept = new Set<string>();
  for (const w of unique.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)))
    if (!stemsOf(w).some((s) => kept.has(s))) kept.add(w);
  return [...kept];
}

const english = new WordFilter(
  new Uint8Array(Buffer.from(englishFilter.bits, 'base64')),
  englishFilter.hashes,
);

/** Whether a lowercase word of 3+ letters is an English dictionary word (or an inflection of one). */
export function isEnglishWord(lower: string): boolean {
  if (english.has(lower)) return true;
  return stemsOf(lower).some((s) => english.has(s));
}
