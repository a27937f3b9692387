// Training (deep, notes): the fast baseline the BiLSTM is compared with: bag of word uni- and
// bigrams, TF-IDF weighted and L2-normalised as scikit-learn's TfidfVectorizer does by default
// (smooth idf = ln((1 + n) / (1 + df)) + 1; scikit-learn 1.5 user guide, "Tf-idf term weighting"),
// then an L2-regularised logistic regression fitted by mini-batch gradient descent with balanced
// class weights. Plain TypeScript on sparse vectors: seconds where the BiLSTM takes minutes.
import { ValidationError } from '../../../shared/domain/errors';
import { sigmoid } from '../../model-format';
import { seededRandom, shuffled } from '../../../shared/domain/random';
import { noteTokens } from '../text/vocabulary';

/** A fitted baseline, plain JSON (saved as model metadata). */
export interface TextBaselineModel {
  /** Uni- and bigram terms by feature index. */
  terms: string[];
  idf: number[];
  coefficients: number[];
  intercept: number;
}

export interface TextBaselineOptions {
  /** Keep the terms with the highest document frequency (default 20,000). */
  maxFeatures?: number;
  /** Drop terms seen in fewer documents (default 2). */
  minDocumentFrequency?: number;
  epochs?: number;
  /** L2 penalty per example (default 1e-4). */
  l2?: number;
  learningRate?: number;
  seed?: number;
}

interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

/** Word unigrams and bigrams ("heart", "heart failure") of a note. */
export function noteTerms(text: string): string[] {
  const words = noteTokens(text);
  const bigrams = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  return [...words, ...bigrams];
}

function vectorize(
  text: string,
  ids: ReadonlyMap<string, number>,
  idf: readonly number[],
): SparseVector {
  const counts = new Map<number, number>();
  for (const t of noteTerms(text)) {
    const id = ids.get(t);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const index = Int32Array.from(counts.keys());
  const value = Float64Array.from(index, (i) => (counts.get(i) as number) * (idf[i] as number));
  const norm = Math.hypot(...value) || 1;
  for (let k = 0; k < value.length; k += 1) value[k] = (value[k] as number) / norm;
  return { index, value };
}

function fitVocabulary(
  texts: readonly string[],
  maxFeatures: number,
  minDf: number,
): { terms: string[]; idf: number[] } {
  const df = new Map<string, number>();
  for (const text of texts)
    for (const t of new Set(noteTerms(text))) df.set(t, (df.get(t) ?? 0) + 1);
  const kept = [...df]
    .filter(([, n]) => n >= minDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxFeatures);
  const n = texts.length;
  return {
    terms: kept.map(([t]) => t),
    idf: kept.map(([, d]) => Math.log((1 + n) / (1 + d)) + 1),
  };
}

function dot(v: SparseVector, w: Float64Array): number {
  let z = 0;
  for (let k = 0; k < v.index.length; k += 1)
    z += (v.value[k] as number) * (w[v.index[k]!] as number);
  return z;
}

/**
 * Fit the TF-IDF logistic baseline on labelled texts (label 1 = condition asserted). Both classes
 * must be present. Deterministic for a given seed.
 */
export function fitTextBaseline(
  examples: readonly { text: string; label: 0 | 1 }[],
  options: TextBaselineOptions = {},
): TextBaselineModel {
  const { maxFeatures = 20_000, minDocumentFrequency = 2, epochs = 20, l2 = 1e-4 } = options;
  const { learningRate = 0.5, seed = 1 } = options;
  const positives = examples.filter((e) => e.label === 1).length;
  if (positives === 0 || positives === examples.length)
    throw new ValidationError('label: the baseline needs both classes in training', 'label');
  const { terms, idf } = fitVocabulary(
    examples.map((e) => e.text),
    maxFeatures,
    minDocumentFrequency,
  );
  const ids = new Map(terms.map((t, i) => [t, i]));
  const vectors = examples.map((e) => vectorize(e.text, ids, idf));
  // Balanced class weights: n / (2 * n_class), scikit-learn's class_weight="balanced".
  const weight = [
    examples.length / (2 * (examples.length - positives)),
    examples.length / (2 * positives),
  ];
  const w = new Float64Array(terms.length);
  let b = 0;
  const random = seededRandom(seed);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    const rate = learningRate / (1 + epoch);
    for (const i of shuffled([...vectors.keys()], random)) {
      const v = vectors[i]!;
      const y = examples[i]!.label;
      const g = (sigmoid(dot(v, w) + b) - y) * (weight[y] as number);
      for (let k = 0; k < v.index.length; k += 1) {
        const j = v.index[k]!;
        w[j] = (w[j] as number) - rate * (g * (v.value[k] as number) + l2 * (w[j] as number));
      }
      b -= rate * g;
    }
  }
  return { terms, idf, coefficients: Array.from(w), intercept: b };
}

/** Probability (0-1) that each text asserts the condition, under a fitted baseline. */
export function scoreTextBaseline(model: TextBaselineModel, texts: readonly string[]): number[] {
  const ids = new Map(model.terms.map((t, i) => [t, i]));
  const w = Float64Array.from(model.coefficients);
  return texts.map((text) => sigmoid(dot(vectorize(text, ids, model.idf), w) + model.intercept));
}
