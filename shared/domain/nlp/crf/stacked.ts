// Domain (nlp/crf): a two-stage (stacked) sequence tagger for non-local consistency (Krishnan &
// Manning 2006, ACL "An effective two-stage model for exploiting non-local dependencies in named
// entity recognition"): the first stage tags the document; the second stage sees, besides the usual
// features, the first stage's tag of each token and its neighbours and document-level aggregates of
// the first stage's output: the type the same word carries most often elsewhere, and the type of a
// tagged string wherever else its tokens recur. The second stage trains on first-stage output for
// documents the first stage never saw (k-fold jackknife, Wolpert 1992, Neural Networks 5:241).
import { ValidationError } from '../../errors';
import type { SequenceModel } from './perceptron';
import {
  tagSequence,
  trainSequenceTagger,
  type ScoredSpan,
  type SequenceDocument,
  type SequenceTaggerOptions,
} from './tagger';
import type { TypedSpan } from './tokens';

/** The two stages: `second` is trained on features of `first`'s output. */
export interface StackedModel {
  first: SequenceModel;
  second: SequenceModel;
}

/** Train both stages on `docs` (see the file comment); `folds` (default 5) for the jackknife. */
export function trainStackedTagger(
  docs: readonly SequenceDocument[],
  options: SequenceTaggerOptions & { folds?: number },
): StackedModel {
  const folds = options.folds ?? 5;
  if (!Number.isInteger(folds) || folds < 2)
    throw new ValidationError('folds must be an integer of at least 2', 'folds');
  const firstPass: ScoredSpan[][] = docs.map(() => []);
  for (let f = 0; f < folds; f++) {
    const model = trainSequenceTagger(
      docs.filter((_, i) => i % folds !== f),
      options,
    );
    docs.forEach((d, i) => {
      if (i % folds === f) firstPass[i] = tagSequence(model, d.text, d.hints);
    });
  }
  return {
    first: trainSequenceTagger(docs, options),
    second: trainSequenceTagger(
      docs.map((d, i) => ({ ...d, firstPass: firstPass[i]! })),
      options,
    ),
  };
}

/** Entity spans of `text` by both stages, given the dictionary's hint spans. */
export function tagStacked(
  model: StackedModel,
  text: string,
  hints: readonly TypedSpan[],
): ScoredSpan[] {
  return tagSequence(model.second, text, hints, tagSequence(model.first, text, hints));
}
