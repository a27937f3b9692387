// Training (deep, notes): the BiLSTM note classifier's topology, nothing else (no data, no
// backend, no training). Design: Embedding 10,000 x 128 -> Bidirectional LSTM 64 returning
// sequences -> Bidirectional LSTM 32 -> Dense 64 ReLU -> Dense 1 sigmoid, over 100-token sequences.
import * as tf from '@tensorflow/tfjs';

export interface NoteClassifierShape {
  /** Vocabulary size including PAD and OOV. */
  vocabularySize: number;
  embeddingDim: number;
  /** Tokens per note. */
  sequenceLength: number;
  firstLstmUnits: number;
  secondLstmUnits: number;
  denseUnits: number;
}

export const noteClassifierDesign: NoteClassifierShape = {
  vocabularySize: 10_000,
  embeddingDim: 128,
  sequenceLength: 100,
  firstLstmUnits: 64,
  secondLstmUnits: 32,
  denseUnits: 64,
};

/**
 * The note classifier, uncompiled: input [batch, sequenceLength] token ids (float32, PAD = 0),
 * output [batch, 1] probability that the note asserts the condition. Initializers are seeded.
 */
export function buildNoteClassifier(
  shape: NoteClassifierShape = noteClassifierDesign,
  seed = 1,
): tf.Sequential {
  const lstm = (units: number, returnSequences: boolean, s: number) =>
    tf.layers.lstm({
      units,
      returnSequences,
      kernelInitializer: tf.initializers.glorotUniform({ seed: s }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: s + 1 }),
    }) as tf.RNN;
  return tf.sequential({
    name: 'note_classifier',
    layers: [
      tf.layers.embedding({
        inputDim: shape.vocabularySize,
        outputDim: shape.embeddingDim,
        inputLength: shape.sequenceLength,
        embeddingsInitializer: tf.initializers.randomUniform({
          minval: -0.05,
          maxval: 0.05,
          seed,
        }),
      }),
      tf.layers.bidirectional({
        layer: lstm(shape.firstLstmUnits, true, seed + 10),
        mergeMode: 'concat',
      }),
      tf.layers.bidirectional({
        layer: lstm(shape.secondLstmUnits, false, seed + 20),
        mergeMode: 'concat',
      }),
      tf.layers.dense({
        units: shape.denseUnits,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 30 }),
      }),
      tf.layers.dense({
        units: 1,
        activation: 'sigmoid',
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 40 }),
      }),
    ],
  });
}
