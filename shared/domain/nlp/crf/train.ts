// Domain (nlp/crf): training of the linear-chain model as an averaged structured perceptron
// (Collins 2002, EMNLP, Figure 1 with the averaged parameters of section 2.5), sentences in a seeded
// shuffled order each epoch. Averaging uses the usual lazy form: alongside the weights w keep
// u = sum of (update count c x update), and the average is w - u / c.
import { ValidationError } from '../../errors';
import {
  allowedTransitions,
  emissionScores,
  emptyModel,
  viterbi,
  type LabelledSequence,
  type SequenceModel,
} from './perceptron';
import { seededRandom } from '../../random';

export interface PerceptronOptions {
  /** Passes over the training sequences (default 10). */
  epochs?: number;
  /** Seed of the per-epoch shuffle (default 1). */
  seed?: number;
  /** Called after each epoch with the share of tokens mislabelled during it (0-1). */
  onEpoch?: (epoch: number, tokenErrorRate: number) => void;
}

/** Train a model over `labels` (ids as in the sequences' gold) with `buckets` hashed features. */
export function trainPerceptron(
  sequences: readonly LabelledSequence[],
  labels: readonly string[],
  buckets: number,
  options: PerceptronOptions = {},
): SequenceModel {
  const n = labels.length;
  const model = emptyModel(labels, buckets);
  const w = new Float64Array(model.weights.length);
  const u = new Float64Array(model.weights.length);
  const tw = new Float64Array(model.transitions.length);
  const tu = new Float64Array(model.transitions.length);
  const allowed = allowedTransitions(labels);
  const random = seededRandom(options.seed ?? 1);
  const order = sequences.map((_, i) => i);
  let c = 1;
  for (let epoch = 1; epoch <= (options.epochs ?? 10); epoch++) {
    shuffleInPlace(order, random);
    let errors = 0;
    let tokens = 0;
    for (const i of order) {
      const seq = sequences[i]!;
      if (!seq.gold) throw new ValidationError(`sequence ${i} has no gold labels`, 'gold');
      const predicted = viterbi(emissionScores(w, n, seq), tw, allowed, n);
      tokens += predicted.length;
      errors += update(seq, predicted, { w, u, tw, tu, c, n });
      c++;
    }
    options.onEpoch?.(epoch, errors / Math.max(1, tokens));
  }
  for (let i = 0; i < w.length; i++) model.weights[i] = w[i]! - u[i]! / c;
  for (let i = 0; i < tw.length; i++) model.transitions[i] = tw[i]! - tu[i]! / c;
  return model;
}

interface Accumulators {
  w: Float64Array;
  u: Float64Array;
  tw: Float64Array;
  tu: Float64Array;
  c: number;
  n: number;
}

/** Perceptron update towards the gold path; returns the number of mislabelled tokens. */
function update(seq: LabelledSequence, predicted: Int32Array, a: Accumulators): number {
  const gold = seq.gold!;
  const { ids, offsets } = seq.features;
  let errors = 0;
  const bump = (values: Float64Array, sums: Float64Array, i: number, by: number) => {
    values[i] = values[i]! + by;
    sums[i] = sums[i]! + a.c * by;
  };
  for (let t = 0; t < gold.length; t++) {
    const g = gold[t]!;
    const p = predicted[t]!;
    const gPrev = t === 0 ? -1 : gold[t - 1]!;
    const pPrev = t === 0 ? -1 : predicted[t - 1]!;
    if (g !== p || gPrev !== pPrev) {
      bump(a.tw, a.tu, (gPrev + 1) * a.n + g, 1);
      bump(a.tw, a.tu, (pPrev + 1) * a.n + p, -1);
    }
    if (g === p) continue;
    errors++;
    for (let k = offsets[seq.from + t]!; k < offsets[seq.from + t + 1]!; k++) {
      bump(a.w, a.u, ids[k]! * a.n + g, 1);
      bump(a.w, a.u, ids[k]! * a.n + p, -1);
    }
  }
  return errors;
}

function shuffleInPlace(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
