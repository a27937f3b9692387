import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { unsortedSegmentSumValues, useLinearSegmentSumOnCpu } from './wasm-kernels';

type Backend = 'cpu' | 'wasm';

/** Run `fn` on one backend and bring its numbers back as plain arrays. */
async function on<T extends number[] | number[][]>(backend: Backend, fn: () => T): Promise<T> {
  await tf.setBackend(backend);
  return tf.tidy(fn);
}

function embeddingModelGradients(): number[][] {
  const model = tf.sequential({
    layers: [
      tf.layers.embedding({
        inputDim: 12,
        outputDim: 3,
        inputLength: 5,
        embeddingsInitializer: tf.initializers.randomUniform({ seed: 3 }),
      }),
      tf.layers.flatten(),
      tf.layers.dense({
        units: 1,
        kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
      }),
    ],
  });
  const ids = tf.tensor2d(
    [
      [1, 2, 2, 7, 0],
      [7, 7, 11, 3, 1],
    ],
    [2, 5],
    'int32',
  );
  const target = tf.tensor2d([[1], [-2]]);
  const { grads } = tf.variableGrads(() =>
    tf.losses.meanSquaredError(target, model.apply(ids) as tf.Tensor),
  );
  return model.trainableWeights.map((w) => Array.from(grads[w.originalName]!.dataSync()));
}

describe('Module: wasm training kernels', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it('sums the TensorFlow documentation example by segment', () => {
    // Prepare: tf.math.unsorted_segment_sum docs: c = [[1,2,3,4],[5,6,7,8],[4,3,2,1]], ids [0,1,0].
    const c = [1, 2, 3, 4, 5, 6, 7, 8, 4, 3, 2, 1];
    // Act
    const { values, shape } = unsortedSegmentSumValues(c, [3, 4], [0, 1, 0], [3], 2);
    // Assess
    expect(shape).toEqual([2, 4]);
    expect(Array.from(values)).toEqual([5, 5, 5, 5, 5, 6, 7, 8]);
  });

  it('takes segment ids of rank 2, drops negative ids and leaves empty segments at zero', () => {
    const x = [1, 2, 10, 20, 100, 200, 1000, 2000]; // shape [2, 2, 2]
    const { values, shape } = unsortedSegmentSumValues(x, [2, 2, 2], [2, -1, 0, 2], [2, 2], 4);
    expect(shape).toEqual([4, 2]);
    expect(Array.from(values)).toEqual([100, 200, 0, 0, 1001, 2002, 0, 0]);
  });

  it('rejects an id at or above numSegments, as TensorFlow CPU does', () => {
    expect(() => unsortedSegmentSumValues([1, 2], [2], [0, 2], [2], 2)).toThrow(
      /segmentIds\[1\] = 2 is out of range \[0, 2\)/,
    );
    expect(() => unsortedSegmentSumValues([1, 2], [2], [0], [1], 2)).toThrow(/not a prefix/);
  });

  it('runs tf.unsortedSegmentSum on wasm with the cpu backend numbers', async () => {
    const run = () =>
      Array.from(
        tf.unsortedSegmentSum(tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]), [1, 1, 0], 3).dataSync(),
      );
    expect(await on('wasm', run)).toEqual(await on('cpu', run));
  });

  it('gives an Embedding model the same gradient on wasm as on cpu', async () => {
    const cpu = await on('cpu', embeddingModelGradients);
    const wasm = await on('wasm', embeddingModelGradients);
    expect(wasm).toHaveLength(cpu.length);
    cpu.forEach((g, i) => {
      expect(g.some((v) => v !== 0)).toBe(true);
      g.forEach((v, j) => expect(wasm[i]![j]).toBeCloseTo(v, 5));
    });
  });

  it('gives a Conv1D filter the same gradient on wasm as on cpu (stride 2, same padding)', async () => {
    const grad = () => {
      const x = tf.tensor3d(
        Array.from({ length: 2 * 7 * 3 }, (_, i) => Math.sin(i)),
        [2, 7, 3],
      );
      const filter = tf.tensor3d(
        Array.from({ length: 3 * 3 * 4 }, (_, i) => Math.cos(i)),
        [3, 3, 4],
      );
      const g = tf.grad((f: tf.Tensor) =>
        tf
          .conv1d(x, f as tf.Tensor3D, 2, 'same')
          .square()
          .sum(),
      );
      return Array.from(g(filter).dataSync());
    };
    const cpu = await on('cpu', grad);
    const wasm = await on('wasm', grad);
    wasm.forEach((v, i) => expect(v).toBeCloseTo(cpu[i]!, 3));
  });

  it('trains a BiLSTM over embeddings for one step on wasm', async () => {
    // Prepare
    await tf.setBackend('wasm');
    const model = tf.sequential({
      layers: [
        tf.layers.embedding({ inputDim: 20, outputDim: 4, inputLength: 6 }),
        tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 3 }) as tf.RNN }),
        tf.layers.dense({ units: 1, activation: 'sigmoid' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.1), loss: 'binaryCrossentropy' });
    const embeddingBefore = Array.from(model.getWeights()[0]!.dataSync());
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [2, 6]);
    const y = tf.tensor2d([[1], [0]]);
    // Act
    const loss = (await model.trainOnBatch(x, y)) as number;
    // Assess
    expect(tf.getBackend()).toBe('wasm');
    expect(Number.isFinite(loss)).toBe(true);
    const embeddingAfter = Array.from(model.getWeights()[0]!.dataSync());
    expect(embeddingAfter[4]).not.toBeCloseTo(embeddingBefore[4]!, 6); // row 1 was looked up
    expect(embeddingAfter[0]).toBeCloseTo(embeddingBefore[0]!, 6); // row 0 was not
  });

  it('replaces the cpu segment sum with the linear kernel without changing its numbers', async () => {
    const run = () =>
      Array.from(
        tf.unsortedSegmentSum(tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]), [2, 0, 2], 4).dataSync(),
      );
    const stock = await on('cpu', run);
    useLinearSegmentSumOnCpu();
    expect(await on('cpu', run)).toEqual(stock);
    expect(stock).toEqual([3, 4, 0, 0, 6, 8, 0, 0]);
  });
});
