// Domain (nlp/text): sentence spans for relation provenance and assertion scopes: a sentence ends at
// . ! ? before white space (any Unicode white space: a no-break space, a carriage return), and at
// every line break (clinical notes are largely lists of lines). One rule for both readers, so a
// negation's scope never runs on where a relation's sentence has ended.

export interface Span {
  start: number;
  end: number;
}

/** A line break: LF, CR (old Mac text, or a CR LF pair's first half), U+2028 and U+2029. */
export function isLineBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
}

/**
 * True when `text[i]` ends a sentence: a line break, or . ! ? followed by white space (`\s`: space,
 * tab, no-break space and every other space separator, line breaks) or by the end of the text.
 */
export function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (isLineBreak(c)) return true;
  if (c === '.' || c === '!' || c === '?') {
    const next = text[i + 1];
    return next === undefined || /\s/.test(next);
  }
  return false;
}

/** The sentences of `text`, in order, trimmed of surrounding white space; empty ones dropped. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    if (!isSentenceEnd(text, i)) continue;
    // A line break is not part of its sentence; a full stop is.
    push(isLineBreak(text[i]) ? i : i + 1);
    start = i + 1;
  }
  push(text.length);
  return spans;
}

/** Index of the span containing `offset` (spans sorted), or -1. */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
