// Training (deep, NER): train the BiLSTM tagger on BIO-tagged sentences and tag free text into
// typed spans with UTF-16 offsets, so the lead can merge its output with the dictionary matcher.
// Backend-neutral: callers choose the backend (backend.ts) before training.
import * as tf from '@tensorflow/tfjs';
import { ValidationError } from '../../../shared/domain/errors';
import { seededRandom, shuffled } from '../random';
import type { Token } from '../text/vocabulary';
import { sentenceTokens, type TaggedSentence } from './corpus';
import { buildLexicon, lexiconIndex, type TaggerLexicon, type TokenFeatures } from './features';
import { buildTaggerModel, defaultTaggerDims, type TaggerShape } from './model';

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
  onEpoch?: (epoch: number, loss: number, seconds: number) => void;
}

export interface TrainedTagger extends Tagger {
  history: { epoch: number; loss: number; seconds: number; tokens: number }[];
}

/** A tagged mention: UTF-16 offsets [start, end) into the text, type and mean tag probability (0-1). */
export interface TaggedSpan {
  start: number;
  end: number;
  type: string;
  confidence: number;
}

/** Five [batch, length] feature tensors for token lists, right-padded with id 0. */
function featureTensors(rows: readonly TokenFeatures[][], length: number): tf.Tensor2D[] {
  return [0, 1, 2, 3, 4].map((f) => {
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
 * Train a BiLSTM tagger on BIO-tagged sentences (tags like B-Chemical, I-Disease, O). Returns the
 * tagger with its loss and seconds per epoch. Throws ValidationError on mismatched tokens/tags.
 */
export async function trainTagger(
  sentences: readonly TaggedSentence[],
  options: TrainTaggerOptions = {},
): Promise<TrainedTagger> {
  const { epochs = 3, batchSize = 64, seed = 1, learningRate = 0.003, maxTokens = 100 } = options;
  if (sentences.length === 0) throw new ValidationError('sentences: none to train on', 'sentences');
  const lexicon = buildLexicon(sentences);
  const shape: TaggerShape = {
    ...defaultTaggerDims,
    ...options.dims,
    words: lexicon.words.length,
    shapes: lexicon.shapes.length,
    tags: lexicon.tags.length,
  };
  const model = buildTaggerModel(shape, seed);
  const index = lexiconIndex(lexicon);
  const tagIds = new Map(lexicon.tags.map((t, i) => [t, i]));
  const rows = sentences.map((s) => s.tokens.slice(0, maxTokens).map(index));
  const gold = sentences.map((s) => s.tags.slice(0, maxTokens).map((t) => tagIds.get(t)!));
  const optimizer = tf.train.adam(learningRate);
  const random = seededRandom(seed);
  const history: TrainedTagger['history'] = [];
  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    const started = performance.now();
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
          () => maskedLoss(model.apply(x, { training: true }) as tf.Tensor, y, mask, shape.tags),
          true,
        )!;
      });
      const n = batch.reduce((a, i) => a + rows[i]!.length, 0);
      lossSum += (await loss.data())[0]! * n;
      tokens += n;
      loss.dispose();
    }
    const seconds = (performance.now() - started) / 1000;
    history.push({ epoch, loss: lossSum / tokens, seconds, tokens });
    options.onEpoch?.(epoch, lossSum / tokens, seconds);
  }
  optimizer.dispose();
  return { model, lexicon, shape, history };
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

/** Tag many texts; sentences are predicted in padded batches. */
export function tagTexts(tagger: Tagger, texts: readonly string[], batchSize = 64): TaggedSpan[][] {
  const index = lexiconIndex(tagger.lexicon);
  // Batches of similar length waste little on padding; spans are re-sorted per text at the end.
  const sentences = texts
    .flatMap((text, doc) => sentenceTokens(text).map((tokens) => ({ doc, tokens })))
    .sort((a, b) => a.tokens.length - b.tokens.length);
  const out: TaggedSpan[][] = texts.map(() => []);
  for (let b = 0; b < sentences.length; b += batchSize) {
    const batch = sentences.slice(b, b + batchSize);
    const length = Math.max(...batch.map((s) => s.tokens.length));
    const probs = tf.tidy(() => {
      const x = featureTensors(
        batch.map((s) => s.tokens.map((t) => index(t.text))),
        length,
      );
      return tagger.model.predict(x) as tf.Tensor3D;
    });
    const [best, score] = tf.tidy(() => [
      probs.argMax(-1).arraySync(),
      probs.max(-1).arraySync(),
    ]) as [number[][], number[][]];
    probs.dispose();
    batch.forEach((s, r) => {
      const n = s.tokens.length;
      const tags = best[r]!.slice(0, n).map((id) => tagger.lexicon.tags[id] ?? 'O');
      out[s.doc]!.push(...decodeSpans(s.tokens, tags, score[r]!.slice(0, n)));
    });
  }
  for (const spans of out) spans.sort((a, b) => a.start - b.start);
  return out;
}

/** Tag one text: typed spans with UTF-16 offsets into `text` and a confidence in (0, 1]. */
export function tagText(tagger: Tagger, text: string): TaggedSpan[] {
  return tagTexts(tagger, [text])[0]!;
}
