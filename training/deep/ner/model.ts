// Training (deep, NER): the tagger's topology only. Per token: word, shape, hashed prefix/suffix
// and dictionary-hint embeddings, concatenated -> dropout -> Bidirectional LSTM -> Dense softmax over
// BIO tags. Sentences have any length (time axis None); batches are padded to their longest.
import * as tf from '@tensorflow/tfjs';
import { affixBuckets, featureNames, hintTags } from './features';

export interface TaggerShape {
  words: number;
  shapes: number;
  tags: number;
  wordDim: number;
  shapeDim: number;
  affixDim: number;
  /** Dictionary hint embedding width (see features.ts). */
  hintDim: number;
  lstmUnits: number;
  dropout: number;
}

export const defaultTaggerDims = {
  wordDim: 64,
  shapeDim: 8,
  affixDim: 16,
  hintDim: 8,
  lstmUnits: 64,
  dropout: 0.25,
};

/**
 * The tagger, uncompiled: six inputs [batch, tokens] of feature ids (featureNames order), output
 * [batch, tokens, tags] tag probabilities.
 */
export function buildTaggerModel(shape: TaggerShape, seed = 1): tf.LayersModel {
  const inputs = featureNames.map((name) => tf.input({ shape: [null], name: `${name}_ids` }));
  const sizes = [
    shape.words,
    shape.shapes,
    affixBuckets,
    affixBuckets,
    affixBuckets,
    hintTags.length,
  ];
  const dims = [
    shape.wordDim,
    shape.shapeDim,
    shape.affixDim,
    shape.affixDim,
    shape.affixDim,
    shape.hintDim,
  ];
  const embedded = inputs.map(
    (input, i) =>
      tf.layers
        .embedding({
          name: `${featureNames[i]}_embedding`,
          inputDim: sizes[i]!,
          outputDim: dims[i]!,
          embeddingsInitializer: tf.initializers.randomUniform({
            minval: -0.1,
            maxval: 0.1,
            seed: seed + i,
          }),
        })
        .apply(input) as tf.SymbolicTensor,
  );
  const joined = tf.layers.concatenate({ axis: -1 }).apply(embedded) as tf.SymbolicTensor;
  const dropped = tf.layers
    .dropout({ rate: shape.dropout, seed })
    .apply(joined) as tf.SymbolicTensor;
  const context = tf.layers
    .bidirectional({
      layer: tf.layers.lstm({
        units: shape.lstmUnits,
        returnSequences: true,
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 10 }),
        recurrentInitializer: tf.initializers.orthogonal({ seed: seed + 11 }),
      }) as tf.RNN,
    })
    .apply(dropped) as tf.SymbolicTensor;
  const tags = tf.layers
    .dense({
      units: shape.tags,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 20 }),
    })
    .apply(context) as tf.SymbolicTensor;
  return tf.model({ name: 'ner_tagger', inputs, outputs: tags });
}
