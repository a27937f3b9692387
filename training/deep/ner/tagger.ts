// Training (deep, NER): train the BiLSTM tagger on BIO-tagged sentences and tag free text into
// typed spans with UTF-16 offsets, so the lead can merge its output with the dictionary matcher.
// Backend-neutral: callers choose the backend (backend.ts) before training.
import * as tf from '@tensorflow/tfjs';
import { ValidationError } from '../../../shared/domain/errors';
import { seededRandom, shuffled } from '../../../shared/domain/random';
import type { TypedSpan } from '../metrics';
import { hintTagsOf, sentenceTokens, type TaggedSentence } from './corpus';
import { constrainedTags, decodeSpans, type TaggedSpan } from './decode';
import { buildLexicon, lexiconIndex, type TaggerLexicon, type TokenFeatures } from './features';
import { buildTaggerModel, defaultTaggerDims, type TaggerShape } from './model';

export { decodeSpans, type TaggedSpan } from './decode';

export interface Tagger {
  model: tf.LayersModel;
  lexicon: TaggerLexicon;
  shape: TaggerShape;
}

export interface TrainTaggerOptions {
  epochs?: number;
  batchSize?: number;
  seed?: number;
  learningRate?: number;
  /** Longer training sentences are cut to this many tokens. */
  maxTokens?: number;
  dims?: Partial<Omit<TaggerShape, 'words' | 'shapes' | 'tags'>>;
  /** Held-out sentences for early stopping on span F1 (see trainTagger). */
  validation?: readonly TaggedSentence[];
  /** Epochs without a better validation F1 before stopping (default 2). */
  patience?: number;
  onEpoch?: (epoch: number, loss: number, seconds: number, validationF1?: number) => void;
}

export interface TrainedTagger extends Tagger {
  history: {
    epoch: number;
    loss: number;
    seconds: number;
    tokens: number;
    validationF1?: number;
  }[];
}

/** Six [batch, length] feature tensors for token lists, right-padded with id 0. */
function featureTensors(rows: readonly TokenFeatures[][], length: number): tf.Tensor2D[] {
  return [0, 1, 2, 3, 4, 5].map((f) => {
    const ids = new Float32Array(rows.length * length);
    rows.forEach((row, r) => row.forEach((feats, t) => (ids[r * length + t] = feats[f]!)));
    return tf.tensor2d(ids, [rows.length, length]);
  });
}

/** Mean cross-entropy of the gold tags over real (unpadded) tokens. */
function maskedLoss(
  probs: tf.Tensor,
  tags: tf.Tensor2D,
  mask: tf.Tensor2D,
  classes: number,
): tf.Scalar {
  const gold = tf.oneHot(tf.cast(tags, 'int32'), classes);
  const logLikelihood = tf.sum(tf.mul(gold, tf.log(tf.clipByValue(probs, 1e-7, 1))), -1);
  return tf.div(
    tf.neg(tf.sum(tf.mul(logLikelihood, mask))),
    tf.maximum(tf.sum(mask), 1),
  ) as tf.Scalar;
}

/** Batches of sentence indices of similar length (less padding), in a seeded random order. */
function lengthBatches(
  lengths: readonly number[],
  batchSize: number,
  random: () => number,
): number[][] {
  const order = shuffled([...lengths.keys()], random).sort((a, b) => lengths[a]! - lengths[b]!);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += batchSize) batches.push(order.slice(i, i + batchSize));
  return shuffled(batches, random);
}

/**
 * Train a BiLSTM tagger on BIO-tagged sentences (tags like B-Chemical, I-Disease, O). With
 * `validation` sentences, training stops early once their span F1 has not improved for `patience`
 * epochs and the best epoch's weights are kept. Returns the tagger with loss, seconds and
 * validation F1 (0-1) per epoch. Throws ValidationError on mismatched tokens/tags.
 */
export async function trainTagger(
  sentences: readonly TaggedSentence[],
  options: TrainTaggerOptions = {},
): Promise<TrainedTagger> {
  const { epochs = 3, seed = 1, learningRate = 0.003, maxTokens = 100 } = options;
  if (sentences.length === 0) throw new ValidationError('sentences: none to train on', 'sentences');
  const lexicon = buildLexicon(sentences);
  const shape: TaggerShape = {
    ...defaultTaggerDims,
    ...options.dims,
    words: lexicon.words.length,
    shapes: lexicon.shapes.length,
    tags: lexicon.tags.length,
  };
  const tagger: Tagger = { model: buildTaggerModel(shape, seed), lexicon, shape };
  const index = lexiconIndex(lexicon);
  const tagIds = new Map(lexicon.tags.map((t, i) => [t, i]));
  const data = {
    rows: sentences.map((s) => s.tokens.slice(0, maxTokens).map((t, k) => index(t, s.hints?.[k]))),
    gold: sentences.map((s) => s.tags.slice(0, maxTokens).map((t) => tagIds.get(t)!)),
  };
  const optimizer = tf.train.adam(learningRate);
  const random = seededRandom(seed);
  const history: TrainedTagger['history'] = [];
  let best: { f1: number; epoch: number; weights: tf.Tensor[] } | undefined;
  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    const started = performance.now();
    const { loss, tokens } = await trainEpoch(
      tagger,
      optimizer,
      data,
      options.batchSize ?? 64,
      random,
    );
    const seconds = (performance.now() - started) / 1000;
    const f1 = options.validation ? sentenceSpanF1(tagger, options.validation) : undefined;
    history.push({
      epoch,
      loss,
      seconds,
      tokens,
      ...(f1 !== undefined ? { validationF1: f1 } : {}),
    });
    options.onEpoch?.(epoch, loss, seconds, f1);
    if (f1 === undefined) continue;
    if (!best || f1 > best.f1) {
      best?.weights.forEach((w) => w.dispose());
      best = { f1, epoch, weights: tagger.model.getWeights().map((w) => w.clone()) };
    } else if (epoch - best.epoch >= (options.patience ?? 2)) break;
  }
  if (best) {
    tagger.model.setWeights(best.weights);
    best.weights.forEach((w) => w.dispose());
  }
  optimizer.dispose();
  return { ...tagger, history };
}

/** One pass over the training rows in length-bucketed batches; mean token loss and token count. */
async function trainEpoch(
  tagger: Tagger,
  optimizer: tf.Optimizer,
  data: { rows: TokenFeatures[][]; gold: number[][] },
  batchSize: number,
  random: () => number,
): Promise<{ loss: number; tokens: number }> {
  const { rows, gold } = data;
  let lossSum = 0;
  let tokens = 0;
  for (const batch of lengthBatches(
    rows.map((r) => r.length),
    batchSize,
    random,
  )) {
    const length = Math.max(...batch.map((i) => rows[i]!.length));
    const loss = tf.tidy(() => {
      const x = featureTensors(
        batch.map((i) => rows[i]!),
        length,
      );
      const tagValues = new Float32Array(batch.length * length);
      const maskValues = new Float32Array(batch.length * length);
      batch.forEach((s, r) =>
        gold[s]!.forEach((t, k) => {
          tagValues[r * length + k] = t;
          maskValues[r * length + k] = 1;
        }),
      );
      const y = tf.tensor2d(tagValues, [batch.length, length]);
      const mask = tf.tensor2d(maskValues, [batch.length, length]);
      return optimizer.minimize(
        () =>
          maskedLoss(
            tagger.model.apply(x, { training: true }) as tf.Tensor,
            y,
            mask,
            tagger.shape.tags,
          ),
        true,
      )!;
    });
    const n = batch.reduce((a, i) => a + rows[i]!.length, 0);
    lossSum += (await loss.data())[0]! * n;
    tokens += n;
    loss.dispose();
  }
  return { loss: lossSum / tokens, tokens };
}

/** Exact-span micro F1 (0-1) of the tagger on BIO-tagged sentences, spans as token ranges. */
export function sentenceSpanF1(tagger: Tagger, sentences: readonly TaggedSentence[]): number {
  const index = lexiconIndex(tagger.lexicon);
  const probs = predictTagProbabilities(
    tagger,
    sentences.map((s) => s.tokens.map((t, k) => index(t, s.hints?.[k]))),
  );
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  sentences.forEach((s, i) => {
    const tokens = s.tokens.map((text, k) => ({ text, start: k, end: k + 1 }));
    const key = (x: TaggedSpan) => `${x.start}:${x.end}:${x.type}`;
    const goldSpans = new Set(
      decodeSpans(
        tokens,
        s.tags,
        s.tags.map(() => 1),
      ).map(key),
    );
    const { tags, scores } = bestTags(tagger, probs[i]!);
    const found = decodeSpans(tokens, tags, scores).map(key);
    tp += found.filter((k) => goldSpans.has(k)).length;
    predicted += found.length;
    gold += goldSpans.size;
  });
  return tp === 0 ? 0 : (2 * tp) / (predicted + gold);
}

/**
 * Tag probabilities [token][tag] (0-1) of each feature row, predicted in padded batches of
 * similar length.
 */
export function predictTagProbabilities(
  tagger: Tagger,
  rows: readonly TokenFeatures[][],
  batchSize = 64,
): number[][][] {
  const order = [...rows.keys()].sort((a, b) => rows[a]!.length - rows[b]!.length);
  const out: number[][][] = rows.map(() => []);
  for (let b = 0; b < order.length; b += batchSize) {
    const batch = order.slice(b, b + batchSize).filter((i) => rows[i]!.length > 0);
    if (batch.length === 0) continue;
    const length = Math.max(...batch.map((i) => rows[i]!.length));
    const probs = tf.tidy(() => {
      const x = featureTensors(
        batch.map((i) => rows[i]!),
        length,
      );
      return tagger.model.predict(x) as tf.Tensor3D;
    });
    const values = probs.arraySync();
    probs.dispose();
    batch.forEach((i, r) => (out[i] = values[r]!.slice(0, rows[i]!.length)));
  }
  return out;
}

/** Tag ids and their probabilities under constrained BIO decoding. */
export function bestTags(
  tagger: Tagger,
  probs: readonly (readonly number[])[],
): { tags: string[]; scores: number[] } {
  const ids = constrainedTags(probs, tagger.lexicon.tags);
  return {
    tags: ids.map((id) => tagger.lexicon.tags[id] ?? 'O'),
    scores: ids.map((id, t) => probs[t]![id]!),
  };
}

/**
 * Tag many texts. `hints[i]`, when given, are the dictionary matcher's spans on `texts[i]` (the
 * tagger's hint feature; see features.ts). Spans come back sorted by start, UTF-16 offsets.
 */
export function tagTexts(
  tagger: Tagger,
  texts: readonly string[],
  batchSize = 64,
  hints?: readonly (readonly TypedSpan[])[],
): TaggedSpan[][] {
  const index = lexiconIndex(tagger.lexicon);
  const sentences = texts.flatMap((text, doc) =>
    sentenceTokens(text).map((tokens) => ({ doc, tokens })),
  );
  const rows = sentences.map(({ doc, tokens }) => {
    const hintTags = hints?.[doc] ? hintTagsOf(tokens, hints[doc]!) : [];
    return tokens.map((t, k) => index(t.text, hintTags[k]));
  });
  const probs = predictTagProbabilities(tagger, rows, batchSize);
  const out: TaggedSpan[][] = texts.map(() => []);
  sentences.forEach((s, i) => {
    const { tags, scores } = bestTags(tagger, probs[i]!);
    out[s.doc]!.push(...decodeSpans(s.tokens, tags, scores));
  });
  for (const spans of out) spans.sort((a, b) => a.start - b.start);
  return out;
}

/** Tag one text: typed spans with UTF-16 offsets into `text` and a confidence in (0, 1]. */
export function tagText(tagger: Tagger, text: string, hints?: readonly TypedSpan[]): TaggedSpan[] {
  return tagTexts(tagger, [text], 64, hints ? [hints] : undefined)[0]!;
}
