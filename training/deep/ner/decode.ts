// Training (deep, NER): per-token tag probabilities -> a valid BIO tag sequence -> typed spans.
// Constrained decoding (Viterbi over log-probabilities with I-X allowed only after B-X or I-X) is the
// cheap stand-in for a CRF layer's transition constraints (Lample et al. 2016, NAACL "Neural
// architectures for named entity recognition", section 2.2): it never opens a span with a stray I-.
import type { Token } from '../text/vocabulary';

/** A tagged mention: UTF-16 offsets [start, end) into the text, type and mean tag probability (0-1). */
export interface TaggedSpan {
  start: number;
  end: number;
  type: string;
  confidence: number;
}

/** True when tag `to` may follow tag `from` (undefined: sentence start) in BIO. */
export function bioAllows(from: string | undefined, to: string): boolean {
  if (!to.startsWith('I-')) return true;
  return from !== undefined && from !== 'O' && from.slice(2) === to.slice(2);
}

/**
 * The most probable tag sequence that is valid BIO, given per-token probabilities `probs[t][k]`
 * (0-1) over `tags`. Returns tag ids per token.
 */
export function constrainedTags(
  probs: readonly (readonly number[])[],
  tags: readonly string[],
): number[] {
  const n = probs.length;
  const k = tags.length;
  if (n === 0) return [];
  const log = (p: number) => Math.log(Math.max(p, 1e-9));
  let score = tags.map((tag, j) => (bioAllows(undefined, tag) ? log(probs[0]![j]!) : -Infinity));
  const back: number[][] = [];
  for (let t = 1; t < n; t++) {
    const next = new Array<number>(k).fill(-Infinity);
    const from = new Array<number>(k).fill(0);
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < k; i++) {
        if (!bioAllows(tags[i], tags[j]!)) continue;
        if (score[i]! > next[j]!) [next[j], from[j]] = [score[i]!, i];
      }
      next[j]! += log(probs[t]![j]!);
    }
    back.push(from);
    score = next;
  }
  let best = score.indexOf(Math.max(...score));
  const path = [best];
  for (let t = n - 2; t >= 0; t--) {
    best = back[t]![best]!;
    path.push(best);
  }
  return path.reverse();
}

/** Spans from per-token tags and their probabilities; an I- that does not continue its type opens a span. */
export function decodeSpans(
  tokens: readonly Token[],
  tags: readonly string[],
  probs: readonly number[],
): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let open: { start: number; end: number; type: string; sum: number; n: number } | undefined;
  const close = () => {
    if (open)
      spans.push({
        start: open.start,
        end: open.end,
        type: open.type,
        confidence: open.sum / open.n,
      });
    open = undefined;
  };
  tags.forEach((tag, i) => {
    const token = tokens[i]!;
    const [prefix, type] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
    if (prefix === 'I' && open && open.type === type) {
      open.end = token.end;
      open.sum += probs[i]!;
      open.n += 1;
      return;
    }
    close();
    if (prefix !== 'O') open = { start: token.start, end: token.end, type, sum: probs[i]!, n: 1 };
  });
  close();
  return spans;
}
