import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend';
import { buildNoteClassifier, noteClassifierDesign } from './model';

describe('Function: buildNoteClassifier', () => {
  beforeAll(async () => {
    await selectBackend('wasm'); // its orthogonal initialiser is faster than cpu's
  });

  it('builds the designed stack with its layer shapes and parameter count', () => {
    // Act
    const model = buildNoteClassifier(noteClassifierDesign);
    // Assess
    expect(model.inputs[0]!.shape).toEqual([null, 100]);
    expect(model.layers.map((l) => l.outputShape)).toEqual([
      [null, 100, 128],
      [null, 100, 128],
      [null, 64],
      [null, 64],
      [null, 1],
    ]);
    // Embedding 10,000 x 128 = 1,280,000; BiLSTM 64: 2 x 4 x 64 x (128 + 64 + 1) = 98,816;
    // BiLSTM 32: 2 x 4 x 32 x (128 + 32 + 1) = 41,216; Dense 64: 64 x 64 + 64 = 4,160; Dense 1: 65.
    expect(model.countParams()).toBe(1_280_000 + 98_816 + 41_216 + 4_160 + 65);
    model.dispose();
  });

  it('predicts the same probabilities after a save/load round trip in memory', async () => {
    // Prepare
    const shape = {
      ...noteClassifierDesign,
      vocabularySize: 30,
      embeddingDim: 4,
      sequenceLength: 7,
    };
    const model = buildNoteClassifier({
      ...shape,
      firstLstmUnits: 3,
      secondLstmUnits: 2,
      denseUnits: 4,
    });
    const x = tf.tensor2d([0, 0, 3, 4, 5, 6, 29, 1, 2, 3, 4, 5, 6, 7], [2, 7]);
    let saved: tf.io.ModelArtifacts | undefined;
    // Act
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    // Assess
    const before = (model.predict(x) as tf.Tensor).arraySync() as number[][];
    const after = (loaded.predict(x) as tf.Tensor).arraySync() as number[][];
    expect(after).toEqual(before);
    for (const [p] of after) expect(p).toBeGreaterThan(0);
  });
});
