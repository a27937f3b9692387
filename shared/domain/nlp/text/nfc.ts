// Domain (nlp/text): Unicode normalisation for extraction with offsets kept in the caller's text. The
// vocabulary is NFC, so decomposed text ("Sjo\u0308gren", as some systems and macOS file names
// write it) matched nothing. The text is read in NFC and every offset mapped back to the text as
// given, which is what provenance offsets must refer to (the stored note).

/** Offsets of NFC text mapped back to the text it was normalised from. */
export interface NfcView {
  /** The NFC form. */
  text: string;
  /** The offset in the original text of NFC offset `at`; inside a composed character, its edge. */
  back(at: number, side: 'start' | 'end'): number;
}

/** A base character with its combining marks (or marks with no base, at the start of a text). */
const cluster = /\P{M}\p{M}*|\p{M}+/gsu;

/**
 * The NFC view of `text`, or undefined when it is NFC already or when its normal form is not the
 * concatenation of its clusters' normal forms (Hangul conjoining jamo compose across base characters;
 * such a text is read as given, as before).
 */
export function nfcView(text: string): NfcView | undefined {
  const normal = text.normalize('NFC');
  if (normal === text) return undefined;
  const from: number[] = [];
  const to: number[] = [];
  let built = '';
  for (const m of text.matchAll(cluster)) {
    from.push(m.index);
    to.push(built.length);
    built += m[0].normalize('NFC');
  }
  if (built !== normal) return undefined;
  from.push(text.length);
  to.push(normal.length);
  return {
    text: normal,
    back(at, side) {
      let lo = 0;
      let hi = to.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (to[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      if (to[lo] === at || side === 'start') return from[lo]!;
      return from[Math.min(lo + 1, from.length - 1)]!;
    },
  };
}
