// Domain (nlp/matcher): pick the sense of an ambiguous abbreviation ("MS", "PE", "CP") from the words
// around it; no cue, or a tie, leaves it unlinked (sources in vocabulary/ambiguous.ts).
import type { Concept } from '../model';
import type { Token } from '../text/tokens';
import type { AmbiguousAbbreviation } from '../vocabulary/ambiguous';

/** Context window, in tokens either side (about one sentence of clinical prose). */
const window = 20;

/** The concept `abbreviation` at token `at` most likely names, or undefined when unclear. */
export function resolveAbbreviation(
  abbreviation: AmbiguousAbbreviation,
  tokens: readonly Token[],
  at: number,
  concepts: ReadonlyMap<string, Concept>,
): Concept | undefined {
  const context: string[] = [];
  for (let k = Math.max(0, at - window); k <= Math.min(tokens.length - 1, at + window); k++)
    if (k !== at) context.push(tokens[k]!.text.toLowerCase());
  let best: Concept | undefined;
  let bestScore = 0;
  let tied = false;
  for (const sense of abbreviation.senses) {
    const score = sense.cues.filter((cue) => context.some((w) => w.startsWith(cue))).length;
    if (score > bestScore) {
      [best, bestScore, tied] = [concepts.get(sense.conceptId), score, false];
    } else if (score === bestScore && score > 0) tied = true;
  }
  return tied ? undefined : best;
}
