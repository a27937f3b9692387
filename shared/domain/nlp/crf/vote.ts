// Domain (nlp/crf): a seed ensemble of sequence taggers. The averaged perceptron visits the training
// sentences in a seeded shuffled order (crf/train.ts), so taggers trained with different seeds on the
// same documents disagree on the uncertain spans; each member's spans are post-processed
// (crf/document.ts) and a span (start, end, type) is kept when a majority of the members produce it
// exactly (K = 5: 3 votes), as in voting over several taggers (Florian, Ittycheriah, Jing & Zhang
// 2003, CoNLL, "Named entity recognition through classifier combination"). 5-fold CV on the BC5CDR
// training split (stacked tagger, C = 300 Brown clusters, crf/brown.ts; seeds 1-5): Disease F1 0.7957
// against 0.7895 for the mean single seed without clusters and 0.7914 with them; Chemical 0.8902
// against 0.8825 and 0.8876. Without clusters the vote gained +0.0024 on Disease.
import { ValidationError } from '../../errors';
import { postProcessDocument, type PostProcessOptions } from './document';
import type { SequenceModel } from './perceptron';
import { trainStackedTagger } from './stacked';
import {
  tagSequence,
  trainSequenceTagger,
  type ScoredSpan,
  type SequenceDocument,
  type SequenceTaggerOptions,
} from './tagger';
import type { TypedSpan } from './tokens';

/** One member: a model and, for a stacked (two-stage) tagger, its second stage. */
export interface SequenceTaggerMember {
  model: SequenceModel;
  second?: SequenceModel;
}

/** The votes a span needs among `k` members: a strict majority (1 of 1, 2 of 2 or 3, 3 of 4 or 5). */
export function majority(k: number): number {
  return Math.floor(k / 2) + 1;
}

/**
 * The spans at least `minVotes` of `runs` (one span list per member) produce exactly (same start,
 * end and type), with the mean confidence of those members. Spans that overlap (possible only when a
 * run overlaps itself or `minVotes` is below a majority) are resolved deterministically: more votes
 * first, then the longer span, the earlier start, the type in code-unit order. Output sorted by start,
 * then end. One run: its spans as they are (a post-processed run has no overlaps).
 */
export function votedSpans(
  runs: readonly (readonly ScoredSpan[])[],
  minVotes = majority(runs.length),
): ScoredSpan[] {
  if (!Number.isInteger(minVotes) || minVotes < 1)
    throw new ValidationError('minVotes must be a whole number of at least 1', 'minVotes');
  const tally = new Map<string, { span: TypedSpan; votes: number; confidence: number }>();
  for (const run of runs) {
    const seen = new Set<string>();
    for (const s of run) {
      const key = `${s.start}:${s.end}:${s.type}`;
      if (seen.has(key)) continue; // one vote per member
      seen.add(key);
      const entry = tally.get(key) ?? {
        span: { start: s.start, end: s.end, type: s.type },
        votes: 0,
        confidence: 0,
      };
      entry.votes++;
      entry.confidence += s.confidence;
      tally.set(key, entry);
    }
  }
  const ranked = [...tally.values()]
    .filter((e) => e.votes >= minVotes)
    .sort(
      (a, b) =>
        b.votes - a.votes ||
        b.span.end - b.span.start - (a.span.end - a.span.start) ||
        a.span.start - b.span.start ||
        (a.span.type < b.span.type ? -1 : a.span.type > b.span.type ? 1 : 0),
    );
  const kept: ScoredSpan[] = [];
  for (const { span, votes, confidence } of ranked)
    if (!kept.some((k) => k.start < span.end && span.start < k.end))
      kept.push({ ...span, confidence: Number((confidence / votes).toFixed(3)) });
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A member's raw spans of `text`: its first stage, then its second stage (if any) on top. */
export function tagMember(
  member: SequenceTaggerMember,
  text: string,
  hints: readonly TypedSpan[],
): ScoredSpan[] {
  const first = tagSequence(member.model, text, hints);
  return member.second ? tagSequence(member.second, text, hints, first) : first;
}

/** Every member's post-processed spans of `text`, then the majority vote over them (file comment). */
export function tagVoted(
  members: readonly SequenceTaggerMember[],
  text: string,
  hints: readonly TypedSpan[],
  post?: PostProcessOptions,
): ScoredSpan[] {
  if (members.length === 0) throw new ValidationError('no tagger to vote', 'members');
  return votedSpans(members.map((m) => postProcessDocument(text, tagMember(m, text, hints), post)));
}

export interface VotedTaggerOptions extends SequenceTaggerOptions {
  /** Perceptron shuffle seed of each member (default 1, 2, 3, 4, 5). */
  seeds?: readonly number[];
  /** Train two-stage members (crf/stacked; default false). */
  stacked?: boolean;
  /** Jackknife folds of a stacked member's first stage (default 5). */
  folds?: number;
  /** Called after each member with its index (from 0), seed and training seconds. */
  onMember?: (index: number, seed: number, seconds: number) => void;
}

/** One tagger per seed on the same documents and options (see the file comment). */
export function trainVotedTagger(
  docs: readonly SequenceDocument[],
  options: VotedTaggerOptions,
): SequenceTaggerMember[] {
  const { seeds = [1, 2, 3, 4, 5], stacked = false, onMember, ...tagger } = options;
  if (seeds.length === 0) throw new ValidationError('give at least one seed', 'seeds');
  return seeds.map((seed, i) => {
    const t0 = Date.now();
    let member: SequenceTaggerMember;
    if (stacked) {
      const { first, second } = trainStackedTagger(docs, { ...tagger, seed });
      member = { model: first, second };
    } else member = { model: trainSequenceTagger(docs, { ...tagger, seed }) };
    onMember?.(i, seed, (Date.now() - t0) / 1000);
    return member;
  });
}
