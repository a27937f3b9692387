// Domain (deid): words of a note with their offsets, and the note's casing (all capitals or all lower
// case notes carry no capitalisation cue for proper nouns).

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** First letter upper case, some lower-case letter after it ("Smith", "McDonald"). */
  capitalised: boolean;
  /** Every letter upper case. */
  upper: boolean;
  /** A single letter, usually an initial. */
  letter: boolean;
  /** The first word of a line or sentence. */
  sentenceStart: boolean;
  /** Written against a digit or symbol ("4L", "I&O", "N/V", "30's"): never a name. */
  glued: boolean;
}

export type NoteCase = 'mixed' | 'upper' | 'lower';

const wordPattern = /[A-Za-z][A-Za-z']*(?:-[A-Za-z]+)*/g;

/** The words of `text` (letters, inner apostrophes and hyphens), in order. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(wordPattern)) {
    // The possessive is not part of the name ("Dr. Vasquez's note" -> "Vasquez").
    const word = m[0].includes("'") ? m[0].replace(/'+$/, '').replace(/'s$/i, '') : m[0];
    if (word.length === 0) continue;
    const start = m.index;
    tokens.push({
      start,
      end: start + word.length,
      text: word,
      lower: word.toLowerCase(),
      capitalised: /^[A-Z]/.test(word) && /[a-z]/.test(word),
      upper: word.length > 1 && word === word.toUpperCase(),
      letter: word.length === 1,
      sentenceStart: tokens.length === 0 || opensSentence(text, start),
      glued: start > 0 && gluingCharacter.test(text[start - 1]!),
    });
  }
  return tokens;
}

const gluingCharacter = /[\w/&'>+<=@^~]/;
const whitespace = /\s/;

/**
 * Whether the 3 characters before `start` end a sentence or line: only white space, a line break
 * then white space, or sentence punctuation then white space.
 */
function opensSentence(text: string, start: number): boolean {
  const from = Math.max(0, start - 3);
  let k = start - 1;
  for (; k >= from && whitespace.test(text[k]!); k--) if (text[k] === '\n') return true;
  return k < from || '.!?:;'.includes(text[k]!);
}

/** Index of the first token starting at or after `offset` (binary search), or -1. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length ? lo : -1;
}

/** Whether capitals in `text` can cue proper nouns: under 15% of letters lower case reads as an all-capitals note. */
export function noteCase(text: string): NoteCase {
  let lower = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) upper++;
  }
  const letters = lower + upper || 1;
  if (lower / letters < 0.15) return 'upper';
  if (upper / letters < 0.01) return 'lower';
  return 'mixed';
}
