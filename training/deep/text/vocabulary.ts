// Training (deep): note text -> token ids for the note classifier. The tokenizer lower-cases,
// splits on anything that is not a letter or digit and folds every run of digits to "0" (so
// doses, dates and values share a token); the vocabulary keeps the most frequent tokens behind
// the two reserved ids PAD = 0 and OOV = 1, and is saved with the model.
import { ValidationError } from '../../../shared/domain/errors';

export const padToken = '<pad>';
export const oovToken = '<oov>';
export const padId = 0;
export const oovId = 1;

/** A token and its UTF-16 offsets [start, end) in the text it came from. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Lower-cased word tokens of `text` with digit runs folded to "0". */
export function noteTokens(text: string): string[] {
  return Array.from(text.toLowerCase().matchAll(wordPattern), (m) => m[0].replace(/\d+/g, '0'));
}

/** Word and punctuation tokens with their offsets, case kept (for tagging). */
export function tokenSpans(text: string): Token[] {
  return Array.from(text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu), (m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** The saved form of a vocabulary: tokens by id, ids 0 and 1 being PAD and OOV. */
export interface VocabularyJson {
  tokens: string[];
}

export class Vocabulary {
  private readonly ids: Map<string, number>;

  constructor(readonly tokens: readonly string[]) {
    if (tokens[padId] !== padToken || tokens[oovId] !== oovToken)
      throw new ValidationError(
        `vocabulary: ids 0 and 1 must be ${padToken} and ${oovToken}`,
        'tokens',
      );
    this.ids = new Map(tokens.map((t, i) => [t, i]));
    if (this.ids.size !== tokens.length)
      throw new ValidationError('vocabulary: tokens must be unique', 'tokens');
  }

  /**
   * Keep the `size - 2` most frequent tokens of the documents (ties in code-point order, so the
   * result does not depend on document order) behind PAD and OOV. `size` >= 2 is the total count.
   */
  static build(documents: Iterable<readonly string[]>, size: number): Vocabulary {
    if (!Number.isInteger(size) || size < 2)
      throw new ValidationError(`vocabularySize: expected a whole number >= 2, got ${size}`);
    const counts = new Map<string, number>();
    for (const doc of documents) for (const t of doc) counts.set(t, (counts.get(t) ?? 0) + 1);
    counts.delete(padToken);
    counts.delete(oovToken);
    const kept = [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, size - 2)
      .map(([t]) => t);
    return new Vocabulary([padToken, oovToken, ...kept]);
  }

  static fromJson(json: VocabularyJson): Vocabulary {
    return new Vocabulary(json.tokens);
  }

  toJson(): VocabularyJson {
    return { tokens: [...this.tokens] };
  }

  get size(): number {
    return this.tokens.length;
  }

  id(token: string): number {
    return this.ids.get(token) ?? oovId;
  }

  /**
   * Ids of exactly `length` tokens, as Keras pad_sequences does by default (padding and
   * truncating 'pre'): a long document keeps its last `length` tokens, a short one is left-padded
   * with PAD, so the recurrent layers end on real text.
   */
  encode(tokens: readonly string[], length: number): number[] {
    const kept = tokens.slice(Math.max(0, tokens.length - length));
    return [...new Array<number>(length - kept.length).fill(padId), ...kept.map((t) => this.id(t))];
  }
}
