// Domain (nlp/crf): a linear-chain sequence model trained as an averaged structured perceptron
// (Collins 2002, EMNLP "Discriminative training methods for hidden Markov models": Viterbi-decode each
// sentence with the current weights, add the gold path's features and subtract the predicted path's;
// the averaged weights generalise like a CRF's at a fraction of the cost). Decoding enforces BIO:
// I-X only after B-X or I-X. Token marginals come from forward-backward over the same scores.
import { ValidationError } from '../../errors';
import type { TokenFeatures, WordClusters } from './features';
import type { Gazetteer } from './gazetteer';

/** A trained model: per-bucket emission weights (buckets x labels) and label transitions. */
export interface SequenceModel {
  labels: readonly string[];
  /** Hash table size of the features (a power of two). */
  buckets: number;
  /** weights[bucket * labels.length + label]. */
  weights: Float32Array;
  /** transitions[(from + 1) * labels.length + to]; row 0 is the sentence start. */
  transitions: Float32Array;
  /** External name list whose matches are features (absent: none). */
  gazetteer?: Gazetteer;
  /** Word clusters whose path prefixes are features (absent: none). */
  clusters?: WordClusters;
}

/** One training or tagging sequence: token features (rows from..to of a document) and gold labels. */
export interface LabelledSequence {
  features: TokenFeatures;
  from: number;
  to: number;
  /** Gold label ids per token of [from, to); absent when tagging. */
  gold?: Int32Array;
}

/** BIO labels of entity types: O, then B-type and I-type per type. */
export function bioLabels(types: readonly string[]): string[] {
  return ['O', ...types.flatMap((t) => [`B-${t}`, `I-${t}`])];
}

/** An empty model over `labels`, with `buckets` (a power of two) hashed features. */
export function emptyModel(labels: readonly string[], buckets: number): SequenceModel {
  if (!Number.isInteger(Math.log2(buckets)))
    throw new ValidationError('buckets must be a power of two', 'buckets');
  return {
    labels,
    buckets,
    weights: new Float32Array(buckets * labels.length),
    transitions: new Float32Array((labels.length + 1) * labels.length),
  };
}

/** allowed[(from + 1) * L + to]: BIO validity of each transition (from -1 = sentence start). */
export function allowedTransitions(labels: readonly string[]): Uint8Array {
  const n = labels.length;
  const allowed = new Uint8Array((n + 1) * n);
  for (let from = -1; from < n; from++)
    for (let to = 0; to < n; to++) {
      const t = labels[to]!;
      const f = from < 0 ? 'O' : labels[from]!;
      allowed[(from + 1) * n + to] = !t.startsWith('I-') || f.slice(2) === t.slice(2) ? 1 : 0;
    }
  return allowed;
}

/** Emission scores [token][label] of a sequence under `weights` (Float32Array or Float64Array). */
export function emissionScores(
  weights: ArrayLike<number>,
  labels: number,
  seq: LabelledSequence,
): Float64Array {
  const { ids, offsets } = seq.features;
  const out = new Float64Array((seq.to - seq.from) * labels);
  for (let t = seq.from; t < seq.to; t++) {
    const row = (t - seq.from) * labels;
    for (let k = offsets[t]!; k < offsets[t + 1]!; k++) {
      const base = ids[k]! * labels;
      for (let y = 0; y < labels; y++) out[row + y] = out[row + y]! + weights[base + y]!;
    }
  }
  return out;
}

/** The best BIO-valid label path (ids) for emission scores and transitions. */
export function viterbi(
  emissions: Float64Array,
  transitions: ArrayLike<number>,
  allowed: Uint8Array,
  labels: number,
): Int32Array {
  const n = emissions.length / labels;
  const path = new Int32Array(n);
  if (n === 0) return path;
  const score = new Float64Array(n * labels);
  const back = new Int32Array(n * labels);
  for (let y = 0; y < labels; y++)
    score[y] = allowed[y] ? transitions[y]! + emissions[y]! : -Infinity;
  for (let t = 1; t < n; t++)
    for (let y = 0; y < labels; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < labels; p++) {
        const i = (p + 1) * labels + y;
        if (!allowed[i]) continue;
        const s = score[(t - 1) * labels + p]! + transitions[i]!;
        if (s > best) [best, arg] = [s, p];
      }
      score[t * labels + y] = best + emissions[t * labels + y]!;
      back[t * labels + y] = arg;
    }
  let last = 0;
  for (let y = 1; y < labels; y++)
    if (score[(n - 1) * labels + y]! > score[(n - 1) * labels + last]!) last = y;
  path[n - 1] = last;
  for (let t = n - 1; t > 0; t--) path[t - 1] = back[t * labels + path[t]!]!;
  return path;
}

/**
 * Per-token label marginals (0-1) by forward-backward over exp(score), the scores treated as a CRF's
 * log-potentials; BIO-invalid transitions have probability 0.
 */
export function marginals(
  emissions: Float64Array,
  transitions: ArrayLike<number>,
  allowed: Uint8Array,
  labels: number,
): Float64Array {
  const n = emissions.length / labels;
  const alpha = new Float64Array(n * labels);
  const beta = new Float64Array(n * labels);
  const lse = (xs: number[]) => {
    const m = Math.max(...xs);
    return m === -Infinity ? m : m + Math.log(xs.reduce((s, x) => s + Math.exp(x - m), 0));
  };
  const trans = (p: number, y: number) =>
    allowed[(p + 1) * labels + y] ? transitions[(p + 1) * labels + y]! : -Infinity;
  for (let y = 0; y < labels; y++) alpha[y] = trans(-1, y) + emissions[y]!;
  for (let t = 1; t < n; t++)
    for (let y = 0; y < labels; y++) {
      const xs = Array.from(
        { length: labels },
        (_, p) => alpha[(t - 1) * labels + p]! + trans(p, y),
      );
      alpha[t * labels + y] = lse(xs) + emissions[t * labels + y]!;
    }
  for (let t = n - 2; t >= 0; t--)
    for (let p = 0; p < labels; p++) {
      const xs = Array.from(
        { length: labels },
        (_, y) => trans(p, y) + emissions[(t + 1) * labels + y]! + beta[(t + 1) * labels + y]!,
      );
      beta[t * labels + p] = lse(xs);
    }
  const z = lse(Array.from({ length: labels }, (_, y) => alpha[(n - 1) * labels + y]!));
  return alpha.map((a, i) => Math.exp(a + beta[i]! - z));
}
