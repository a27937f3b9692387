// Domain (nlp/crf): the sequence tagger's tokens and sentences. Letters, digits and each punctuation
// mark are separate tokens ("5-HT6" -> 5 - HT 6, "Ca2+" -> Ca 2 +), fine enough that every BC5CDR and
// NCBI-disease gold boundary falls between tokens; whether a token touches its neighbours (no space)
// is kept as a feature, so "cocaine-induced" and "cocaine - induced" stay distinguishable.

/** A token with UTF-16 offsets [start, end) into the document text. */
export interface SequenceToken {
  text: string;
  start: number;
  end: number;
}

/** An entity span: UTF-16 offsets [start, end) and its type. */
export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

const tokenPattern = /\p{L}+|\p{N}+|[^\s\p{L}\p{N}]/gu;

/** Runs of letters, runs of digits and single punctuation marks of `text`, with offsets. */
export function sequenceTokens(text: string): SequenceToken[] {
  return Array.from(text.matchAll(tokenPattern), (m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * Sentences as token index ranges [from, to): a sentence ends after ". ? !" followed by a space and a
 * capital letter, digit or opening bracket (abbreviations such as "i.v. injection" stay inside).
 */
export function sentenceRanges(
  text: string,
  tokens: readonly SequenceToken[],
): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (!/^[.?!]$/.test(t.text) || next.start === t.end) continue;
    if (!/^[\p{Lu}\p{N}([]/u.test(next.text)) continue;
    ranges.push({ from, to: i + 1 });
    from = i + 1;
  }
  if (from < tokens.length) ranges.push({ from, to: tokens.length });
  return ranges;
}

/**
 * BIO tags of `tokens` against `spans`: the first token a span covers is B-type, the others I-type,
 * tokens outside every span O. Overlapping spans: the earlier-starting one keeps its tokens.
 */
export function bioTags(tokens: readonly SequenceToken[], spans: readonly TypedSpan[]): string[] {
  const tags = tokens.map(() => 'O');
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let i = 0;
  for (const span of sorted) {
    while (i > 0 && tokens[i - 1]!.end > span.start) i--;
    while (i < tokens.length && tokens[i]!.end <= span.start) i++;
    let first = true;
    for (let k = i; k < tokens.length && tokens[k]!.start < span.end; k++) {
      if (tags[k] !== 'O') continue;
      tags[k] = `${first ? 'B' : 'I'}-${span.type}`;
      first = false;
    }
  }
  return tags;
}

/** Spans of a BIO tag sequence (an I- without its B- opens a span, as in conlleval). */
export function spansOfTags(
  tokens: readonly SequenceToken[],
  tags: readonly string[],
): TypedSpan[] {
  const spans: TypedSpan[] = [];
  let open: TypedSpan | undefined;
  tags.forEach((tag, i) => {
    const type = tag === 'O' ? undefined : tag.slice(2);
    const continues = tag.startsWith('I-') && open?.type === type;
    if (continues) open!.end = tokens[i]!.end;
    else {
      if (open) spans.push(open);
      open = type ? { start: tokens[i]!.start, end: tokens[i]!.end, type } : undefined;
    }
  });
  if (open) spans.push(open);
  return spans;
}
