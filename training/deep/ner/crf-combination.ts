// Training (NER): which combination of the three NER systems (sequence tagger primary, BiLSTM
// secondary, dictionary) and which document-level post-processing to use, chosen by exact-span
// micro F1 (mean over types) on held-out training documents: every system's spans there come from
// models that never saw those documents, so the development split stays untouched.
import {
  postProcessDocument,
  type PostProcessOptions,
} from '../../../shared/domain/nlp/crf/document';
import type { TaggerSpan } from '../../../shared/domain/nlp/lexicon/ensemble';
import {
  voteSpans,
  type SpanVote,
  type SystemSpans,
} from '../../../shared/domain/nlp/lexicon/vote';
import { spanScores, type TypedSpan } from '../metrics';
import type { CrfTagged } from './crf-corpus';

/** A held-out document: its text, gold spans and each system's spans. */
export interface HeldOutDocument {
  text: string;
  gold: readonly TypedSpan[];
  systems: SystemSpans;
}

export interface Combination {
  label: string;
  vote: SpanVote;
  post: PostProcessOptions;
}

export interface CombinationChoice {
  best: Combination;
  /** Held-out mean F1 (0-1) of every candidate, by label. */
  heldOutF1: Record<string, number>;
}

const votes: { label: string; vote: SpanVote }[] = [
  { label: 'crf', vote: { rule: 'primary' } },
  ...[0, 0.5, 0.7, 0.9].map((c) => ({
    label: `crf+bilstm>=${c}`,
    vote: { rule: 'fill', from: ['secondary'], minConfidence: c } as SpanVote,
  })),
  { label: 'crf+dictionary', vote: { rule: 'fill', from: ['dictionary'], minConfidence: 0 } },
  ...[0.5, 0.9].map((c) => ({
    label: `crf+bilstm>=${c}+dictionary`,
    vote: { rule: 'fill', from: ['secondary', 'dictionary'], minConfidence: c } as SpanVote,
  })),
  { label: 'majority', vote: { rule: 'majority' } },
];

const posts: { label: string; post: PostProcessOptions }[] = [
  {
    label: 'raw',
    post: { abbreviations: false, consistency: false, boundaries: false, coordination: false },
  },
  { label: 'post', post: {} },
  { label: 'post-strict', post: { dropUndefinedShortForms: true } },
];

/** Every candidate: each vote with each post-processing. */
export const combinations: readonly Combination[] = votes.flatMap((v) =>
  posts.map((p) => ({ label: `${v.label}/${p.label}`, vote: v.vote, post: p.post })),
);

const family = (t: string) => (t === 'Symptom' ? 'Disease' : t);

/**
 * The three systems' spans of one text, as the combination sees them: the sequence tagger's spans
 * (`tagged.raw`), the BiLSTM's spans of the scored `types` and the dictionary's spans (its hints) of
 * those types at confidence 1.
 */
export function combinationSystems(
  types: readonly string[],
  tagged: Pick<CrfTagged, 'raw' | 'hints'>,
  bilstm: readonly TaggerSpan[],
): SystemSpans {
  return {
    primary: tagged.raw,
    secondary: bilstm.filter((s) => types.includes(family(s.type))),
    dictionary: tagged.hints
      .filter((s) => types.includes(family(s.type)))
      .map((h) => ({ ...h, confidence: 1 })),
  };
}

/** The combined, post-processed spans of one document. */
export function combineDocument(
  text: string,
  systems: SystemSpans,
  combination: Combination,
): TaggerSpan[] {
  return postProcessDocument(text, voteSpans(systems, combination.vote), combination.post);
}

/** The candidate with the best mean F1 over `types` on `held` (ties: the earlier, simpler one). */
export function chooseCombination(
  held: readonly HeldOutDocument[],
  types: readonly string[],
  candidates: readonly Combination[] = combinations,
): CombinationChoice {
  const heldOutF1: Record<string, number> = {};
  let best = candidates[0]!;
  let bestF1 = -1;
  for (const c of candidates) {
    const scores = spanScores(
      held.map((d) => ({ gold: d.gold, predicted: combineDocument(d.text, d.systems, c) })),
      types,
    );
    const f1 = types.reduce((s, t) => s + (scores[t]?.f1 ?? 0), 0) / types.length;
    heldOutF1[c.label] = Number(f1.toFixed(4));
    if (f1 > bestF1) [best, bestF1] = [c, f1];
  }
  return { best, heldOutF1 };
}
