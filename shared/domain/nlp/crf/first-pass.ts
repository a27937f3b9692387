// Domain (nlp/crf): the second-stage features of the stacked tagger (stacked.ts; Krishnan & Manning
// 2006, ACL): the first stage's tag of each token and its neighbours, the type the same word carries
// most often elsewhere in the document, and the type of a tagged string wherever its tokens recur.
import { bioTags, type SequenceToken, type TypedSpan } from './tokens';

/** Second-stage feature strings per token from first-stage spans (see the file comment). */
export function firstPassFeatures(
  tokens: readonly SequenceToken[],
  firstPass: readonly TypedSpan[],
): string[][] {
  const tags = bioTags(tokens, firstPass);
  const lower = tokens.map((t) => t.text.toLowerCase());
  const out = tokens.map((_, i) => [
    `p=${tags[i]}`,
    `p-1=${tags[i - 1] ?? 'O'}|p=${tags[i]}|p+1=${tags[i + 1] ?? 'O'}`,
  ]);
  const wordType = majority(
    lower.flatMap((w, i): [string, string][] => (w.length >= 3 ? [[w, tags[i]!]] : [])),
  );
  lower.forEach((w, i) => {
    const type = wordType.get(w);
    if (type && type !== 'O') out[i]!.push(`pw=${type}`);
  });
  for (const [at, tag] of recurringSpanTags(lower, tags)) out[at]!.push(`pe=${tag}`);
  return out;
}

/** For each word, the type (or O) its tags carry most often. */
function majority(pairs: readonly (readonly [string, string])[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const [w, tag] of pairs) {
    const type = tag === 'O' ? 'O' : tag.slice(2);
    const byType = counts.get(w) ?? new Map<string, number>();
    counts.set(w, byType);
    byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  const best = new Map<string, string>();
  for (const [w, byType] of counts) {
    const tagged = [...byType].filter(([t]) => t !== 'O').sort((a, b) => b[1] - a[1]);
    if (tagged.length > 0) best.set(w, tagged[0]![0]);
  }
  return best;
}

/** Token index -> B-/I-type at every recurrence of a first-stage span's token sequence. */
function recurringSpanTags(lower: readonly string[], tags: readonly string[]): Map<number, string> {
  const marks = new Map<number, string>();
  const seen = new Set<string>();
  for (let i = 0; i < tags.length; i++) {
    if (!tags[i]!.startsWith('B-')) continue;
    let end = i + 1;
    while (end < tags.length && tags[end]!.startsWith('I-')) end++;
    const words = lower.slice(i, end);
    const key = words.join(' ');
    if (seen.has(key) || key.length < 3) continue;
    seen.add(key);
    const type = tags[i]!.slice(2);
    for (let at = 0; at + words.length <= lower.length; at++)
      if (words.every((w, k) => lower[at + k] === w))
        words.forEach((_, k) => marks.set(at + k, `${k === 0 ? 'B' : 'I'}-${type}`));
  }
  return marks;
}
