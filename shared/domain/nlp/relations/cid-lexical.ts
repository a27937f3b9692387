// Domain (nlp/relations): the lexical view of a chemical-disease pair for CID: the words around and
// between every same-sentence mention pair (the "intra-sentence lexical features" of Gu, Qian & Zhou
// 2016, Database baw042, and Xu et al. 2016 CD-REST, Database baw036: words and bigrams between the
// two mentions, words before and after, their order, the distance), as a bag of binary features
// hashed into a fixed space, scored by a sparse L2 logistic regression trained with AdaGrad (Duchi,
// Hazan & Singer 2011, JMLR 12:2121). Its out-of-fold probability is one input of the pair model
// (cid-train.ts); the hand-written cues of cid-cues.ts stay beside it.
import { seededRandom, shuffled } from '../../random';
import { spanIndexAt, type Span } from '../text/sentences';
import type { CidMention } from './cid';

/** Hashed feature space: 2^18 weights (1 MiB as float32). */
const bits = 18;
const mask = (1 << bits) - 1;

/** A fitted lexical model: hashed weights and the bias. */
export interface CidLexicalModel {
  weights: Float32Array;
  bias: number;
}

/** One training row: the hashed feature indices of a pair and its label. */
export interface LexicalRow {
  features: readonly number[];
  y: 0 | 1;
}

const wordPattern = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Lower case, digits as 0, a plural or verb "s" and "ed"/"ing" endings folded: "induced" = "induc". */
function normal(word: string): string {
  const w = word.toLowerCase().replace(/\d/g, '0');
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function words(text: string): string[] {
  return (text.match(wordPattern) ?? []).map(normal);
}

/** FNV-1a of a feature string into the hashed space. */
function hash(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & mask;
}

const gapBucket = (n: number) => (n === 0 ? '0' : n <= 3 ? '1-3' : n <= 8 ? '4-8' : '9+');

/**
 * The lexical features (hashed indices, sorted, unique) of one chemical id and one disease id: the
 * union over their same-sentence mention pairs of order, distance bucket, up to 12 words and their
 * bigrams between the mentions (with and without the order), two words before the first and after
 * the second mention; "none" when they never share a sentence.
 */
export function lexicalFeatures(
  text: string,
  sentences: readonly Span[],
  chemicals: readonly CidMention[],
  diseases: readonly CidMention[],
): number[] {
  const out = new Set<number>();
  const add = (f: string) => out.add(hash(f));
  for (const c of chemicals)
    for (const d of diseases) {
      const s = spanIndexAt(sentences, c.start);
      if (s < 0 || s !== spanIndexAt(sentences, d.start)) continue;
      const sentence = sentences[s]!;
      const [first, second] = c.start <= d.start ? [c, d] : [d, c];
      const order = first === c ? 'CD' : 'DC';
      const between = first.end < second.start ? words(text.slice(first.end, second.start)) : [];
      add(`o:${order}`);
      add(`g:${order}:${gapBucket(between.length)}`);
      const near = between.slice(0, 12);
      near.forEach((w, i) => {
        add(`b:${w}`);
        add(`ob:${order}:${w}`);
        if (i > 0) add(`bb:${near[i - 1]}_${w}`);
      });
      words(text.slice(sentence.start, first.start))
        .slice(-2)
        .forEach((w) => add(`l:${order}:${w}`));
      words(text.slice(second.end, sentence.end))
        .slice(0, 2)
        .forEach((w) => add(`r:${order}:${w}`));
    }
  if (out.size === 0) add('none');
  return [...out].sort((a, b) => a - b);
}

/** Probability (0-1) that a pair with these lexical features is a CID relation. */
export function lexicalProbability(model: CidLexicalModel, features: readonly number[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights[f]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fit the sparse logistic regression: AdaGrad (learning rate 0.1), L2 `l2` applied lazily to the
 * weights a row touches, `epochs` passes in a seeded shuffled order; `orders` (default 5) such fits,
 * each with its own shuffled order (seeds `seed` * 100 + i), averaged weight by weight. One order
 * alone made the end-to-end CID cross-validation swing by 0.012 F1 between seeds (0.5325-0.5449 over
 * five seeds on the BC5CDR training split); averaging five narrowed that to 0.003 and raised its
 * mean (0.538 -> 0.543). Deterministic for a seed.
 */
export function trainLexical(
  rows: readonly LexicalRow[],
  options: { epochs?: number; l2?: number; seed?: number; orders?: number } = {},
): CidLexicalModel {
  const { seed = 1, orders = 5 } = options;
  const weights = new Float32Array(mask + 1);
  let bias = 0;
  for (let i = 0; i < orders; i++) {
    const one = trainOneOrder(rows, options.epochs ?? 8, options.l2 ?? 1e-4, seed * 100 + i);
    for (let j = 0; j < weights.length; j++) weights[j]! += one.weights[j]! / orders;
    bias += one.bias / orders;
  }
  return { weights, bias };
}

function trainOneOrder(
  rows: readonly LexicalRow[],
  epochs: number,
  l2: number,
  seed: number,
): CidLexicalModel {
  const weights = new Float32Array(mask + 1);
  const squares = new Float32Array(mask + 1);
  let bias = 0;
  let biasSquares = 0;
  const rate = 0.1;
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < epochs; epoch++)
    for (const row of shuffled(rows, random)) {
      const g = lexicalProbability({ weights, bias }, row.features) - row.y;
      for (const f of row.features) {
        const grad = g + l2 * weights[f]!;
        squares[f]! += grad * grad;
        weights[f]! -= (rate * grad) / Math.sqrt(squares[f]! + 1e-8);
      }
      biasSquares += g * g;
      bias -= (rate * g) / Math.sqrt(biasSquares + 1e-8);
    }
  return { weights, bias };
}

/**
 * Out-of-fold probabilities of `rows` grouped by document (fold = document index modulo `folds`):
 * no row is scored by a model that saw its document.
 */
export function outOfFoldLexical(
  rows: readonly (LexicalRow & { doc: number })[],
  folds: number,
): number[] {
  const out = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const model = trainLexical(rows.filter((r) => r.doc % folds !== f));
    rows.forEach((r, i) => {
      if (r.doc % folds === f) out[i] = lexicalProbability(model, r.features);
    });
  }
  return out;
}
