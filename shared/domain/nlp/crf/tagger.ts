// Domain (nlp/crf): the sequence tagger end to end: documents with gold spans and dictionary hint
// spans -> tokens, sentences, features -> a trained model; and a text with its hints -> typed spans
// with a confidence (the mean marginal probability of the span's labels, 0-1).
import { ValidationError } from '../../errors';
import { documentFeatures, type WordClusters } from './features';
import { firstPassFeatures } from './first-pass';
import { gazetteerTags, type Gazetteer } from './gazetteer';
import {
  allowedTransitions,
  bioLabels,
  emissionScores,
  marginals,
  viterbi,
  type LabelledSequence,
  type SequenceModel,
} from './perceptron';
import { bioTags, sentenceRanges, sequenceTokens, spansOfTags, type TypedSpan } from './tokens';
import { trainPerceptron, type PerceptronOptions } from './train';

/** A training document: its text, gold entity spans and the dictionary's hint spans. */
export interface SequenceDocument {
  text: string;
  spans: readonly TypedSpan[];
  hints: readonly TypedSpan[];
  /** First-stage spans, when training a stacked tagger's second stage. */
  firstPass?: readonly TypedSpan[];
}

/** A tagged span with the tagger's confidence (0-1). */
export interface ScoredSpan extends TypedSpan {
  confidence: number;
}

export interface SequenceTaggerOptions extends PerceptronOptions {
  /** Entity types to learn, e.g. ['Chemical', 'Disease']. */
  types: readonly string[];
  /** Hashed feature table size, a power of two (default 2^21). */
  buckets?: number;
  /** External names whose matches become features; kept in the model for tagging. */
  gazetteer?: Gazetteer;
  /** Word clusters whose path prefixes become features; kept in the model for tagging. */
  clusters?: WordClusters;
}

/** Train the tagger on `docs` (spans of other types than `options.types` are ignored). */
export function trainSequenceTagger(
  docs: readonly SequenceDocument[],
  options: SequenceTaggerOptions,
): SequenceModel {
  if (options.types.length === 0) throw new ValidationError('types must not be empty', 'types');
  const labels = bioLabels(options.types);
  const index = new Map(labels.map((l, i) => [l, i]));
  const buckets = options.buckets ?? 2 ** 21;
  const sequences = docs.flatMap((doc) => {
    const tokens = sequenceTokens(doc.text);
    const gazetteer = options.gazetteer ? gazetteerTags(options.gazetteer, tokens) : [];
    const features = documentFeatures(doc.text, tokens, doc.hints, buckets, {
      gazetteer,
      ...(options.clusters ? { clusters: options.clusters } : {}),
      ...(doc.firstPass ? { firstPass: firstPassFeatures(tokens, doc.firstPass) } : {}),
    });
    const known = doc.spans.filter((s) => options.types.includes(s.type));
    const tags = bioTags(tokens, known).map((t) => index.get(t) ?? 0);
    return sentenceRanges(doc.text, tokens).map(({ from, to }): LabelledSequence => ({
      features,
      from,
      to,
      gold: Int32Array.from(tags.slice(from, to)),
    }));
  });
  const model = trainPerceptron(sequences, labels, buckets, options);
  return {
    ...model,
    ...(options.gazetteer ? { gazetteer: options.gazetteer } : {}),
    ...(options.clusters ? { clusters: options.clusters } : {}),
  };
}

/**
 * Entity spans of `text` (offsets UTF-16, `end` exclusive) given the dictionary's hint spans (and,
 * for a stacked tagger's second stage, the first stage's spans).
 */
export function tagSequence(
  model: SequenceModel,
  text: string,
  hints: readonly TypedSpan[],
  firstPass?: readonly TypedSpan[],
): ScoredSpan[] {
  const n = model.labels.length;
  const allowed = allowedTransitions(model.labels);
  const tokens = sequenceTokens(text);
  const gazetteer = model.gazetteer ? gazetteerTags(model.gazetteer, tokens) : [];
  const features = documentFeatures(text, tokens, hints, model.buckets, {
    gazetteer,
    ...(model.clusters ? { clusters: model.clusters } : {}),
    ...(firstPass ? { firstPass: firstPassFeatures(tokens, firstPass) } : {}),
  });
  const spans: ScoredSpan[] = [];
  for (const { from, to } of sentenceRanges(text, tokens)) {
    const emissions = emissionScores(model.weights, n, { features, from, to });
    const path = viterbi(emissions, model.transitions, allowed, n);
    const probability = marginals(emissions, model.transitions, allowed, n);
    const sentence = tokens.slice(from, to);
    const tags = Array.from(path, (y) => model.labels[y]!);
    for (const span of spansOfTags(sentence, tags)) {
      const covered = sentence.flatMap((t, i) =>
        t.start >= span.start && t.end <= span.end ? [probability[i * n + path[i]!]!] : [],
      );
      const confidence = covered.reduce((s, p) => s + p, 0) / covered.length;
      spans.push({ ...span, confidence: Number(confidence.toFixed(3)) });
    }
  }
  return spans;
}
