// Training (tabular): a multilayer perceptron in tfjs — one or two ReLU hidden layers, a logit
// output, Adam, class-weighted binary cross-entropy with an L2 penalty, and early stopping on a
// stratified validation split that keeps the best weights (or, on small data, training to a
// plateau of the training loss). Batches are drawn from the seeded
// stream so training is reproducible. The weights leave tfjs as plain arrays (mlp-forward.ts).
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../shared/domain/synth/rng';
import { FoldSplitError, groupsPerClass, stratifiedFolds } from '../evaluation/folds';
import { balancedWeights, shuffle, take, type LabelledMatrix } from './matrix';
import type { MlpParams } from './mlp-forward';

export interface MlpOptions {
  /** Units per hidden layer, one or two layers; default [32]. */
  hidden?: number[];
  learningRate?: number;
  batchSize?: number;
  maxEpochs?: number;
  /** Epochs without validation improvement before stopping; default 8. */
  patience?: number;
  /** L2 penalty on kernels; default 1e-4. */
  l2?: number;
  classWeight?: 'balanced' | 'none';
}

function buildNetwork(inputs: number, hidden: number[], l2: number, rng: Rng): tf.Sequential {
  const network = tf.sequential();
  const seed = () => Math.floor(rng.next() * 2 ** 31);
  [...hidden, 1].forEach((units, l) => {
    network.add(
      tf.layers.dense({
        units,
        activation: l < hidden.length ? 'relu' : 'linear',
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed() }),
        kernelRegularizer: l2 > 0 ? tf.regularizers.l2({ l2 }) : undefined,
        ...(l === 0 ? { inputShape: [inputs] } : {}),
      }),
    );
  });
  return network;
}

interface Tensors {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  w: tf.Tensor2D;
}

function tensors(data: LabelledMatrix, weights: [number, number]): Tensors {
  const y = Float32Array.from(data.y);
  const w = Float32Array.from(data.y, (v) => weights[v]!);
  return {
    x: tf.tensor2d(Float32Array.from(data.x.data), [data.x.rows, data.x.cols]),
    y: tf.tensor2d(y, [y.length, 1]),
    w: tf.tensor2d(w, [w.length, 1]),
  };
}

function weightedLoss(network: tf.Sequential, t: Tensors): tf.Scalar {
  const logits = network.apply(t.x, { training: true }) as tf.Tensor2D;
  const loss = tf.losses.sigmoidCrossEntropy(t.y, logits, t.w, undefined, tf.Reduction.MEAN);
  const penalties = network.losses.map((regularizer) => regularizer());
  const penalty = penalties.length ? tf.addN(penalties) : tf.scalar(0);
  return tf.add(loss, penalty) as tf.Scalar;
}

function trainEpoch(
  network: tf.Sequential,
  optimizer: tf.Optimizer,
  train: Tensors,
  batchSize: number,
  rng: Rng,
): void {
  const order = shuffle(
    Int32Array.from({ length: train.x.shape[0] }, (_v, i) => i),
    rng,
  );
  for (let start = 0; start < order.length; start += batchSize) {
    tf.tidy(() => {
      const idx = tf.tensor1d(order.subarray(start, start + batchSize), 'int32');
      const batch = { x: train.x.gather(idx), y: train.y.gather(idx), w: train.w.gather(idx) };
      optimizer.minimize(() => weightedLoss(network, batch));
    });
  }
}

function plainLayers(network: tf.Sequential): MlpParams['layers'] {
  return network.layers.map((layer, l) => {
    const [kernel, bias] = layer.getWeights();
    const last = l === network.layers.length - 1;
    return {
      weights: kernel!.arraySync() as number[][],
      bias: bias!.arraySync() as number[],
      activation: last ? 'sigmoid' : 'relu',
    };
  });
}

/**
 * Below this many validation rows, the held-out loss is too noisy to pick an epoch: on a
 * 224-row training fold (23 validation rows) it chose an epoch of 9 to 119, and AUROC fell some
 * 0.07 short of scikit-learn's MLPClassifier trained on every row (bench/eval/sklearn.ts).
 */
export const minValidationRows = 200;
/** Training-loss improvement that counts when training to a plateau (scikit-learn's tol, 1e-4). */
const plateauTolerance = 1e-4;

/** How training stopped: best epoch on the held-out split, or the training loss's plateau. */
export type MlpStopping = 'validation' | 'plateau';

interface Training {
  network: tf.Sequential;
  optimizer: tf.Optimizer;
  batchSize: number;
  maxEpochs: number;
  patience: number;
  rng: Rng;
}

/** Early stopping on the held-out loss; the best epoch's weights are kept. Returns epochs run. */
function trainToBestValidation(t: Training, train: Tensors, held: Tensors): number {
  let best = { loss: Infinity, weights: t.network.getWeights().map((w) => w.clone()), epoch: 0 };
  let epoch = 0;
  try {
    for (; epoch < t.maxEpochs && epoch - best.epoch < t.patience; epoch += 1) {
      trainEpoch(t.network, t.optimizer, train, t.batchSize, t.rng);
      const loss = tf.tidy(() => weightedLoss(t.network, held).dataSync()[0]!);
      if (loss < best.loss - 1e-5) {
        best.weights.forEach((w) => w.dispose());
        best = { loss, weights: t.network.getWeights().map((w) => w.clone()), epoch: epoch + 1 };
      }
    }
    t.network.setWeights(best.weights);
    return epoch;
  } finally {
    best.weights.forEach((w) => w.dispose());
  }
}

/**
 * Train on every row until the training loss has not fallen by 1e-4 for `patience` epochs
 * (scikit-learn's MLPClassifier rule without early_stopping); the last weights are kept.
 */
function trainToPlateau(t: Training, train: Tensors): number {
  let [best, stale, epoch] = [Infinity, 0, 0];
  for (; epoch < t.maxEpochs && stale < t.patience; epoch += 1) {
    trainEpoch(t.network, t.optimizer, train, t.batchSize, t.rng);
    const loss = tf.tidy(() => weightedLoss(t.network, train).dataSync()[0]!);
    stale = loss > best - plateauTolerance ? stale + 1 : 0;
    best = Math.min(best, loss);
  }
  return epoch;
}

/**
 * Fit the MLP on standardised features. A tenth of the rows (stratified) is held out for early
 * stopping when that is at least `minValidationRows` rows; smaller data, or data no stratified
 * (grouped) split can divide (`splitForValidation`), trains on every row to a training-loss
 * plateau. Returns the layers as plain arrays (served by mlp-forward.ts), the epochs
 * run and how training stopped.
 */
export async function fitMlp(
  data: LabelledMatrix,
  rng: Rng,
  options: MlpOptions = {},
): Promise<MlpParams & { epochs: number; stopping: MlpStopping }> {
  const { hidden = [32], learningRate = 1e-3, batchSize = 128, maxEpochs = 150 } = options;
  const { patience = 8, l2 = 1e-4, classWeight = 'balanced' } = options;
  const split = data.y.length / 10 >= minValidationRows ? splitForValidation(data, rng) : undefined;
  const inner = split?.[0] ?? data;
  const weights =
    classWeight === 'balanced' ? balancedWeights(inner.y) : ([1, 1] as [number, number]);
  const network = buildNetwork(data.x.cols, hidden, l2, rng);
  const optimizer = tf.train.adam(learningRate);
  const train = tensors(inner, weights);
  const held = split && tensors(split[1], weights);
  const t: Training = { network, optimizer, batchSize, maxEpochs, patience, rng };
  try {
    const epochs = held ? trainToBestValidation(t, train, held) : trainToPlateau(t, train);
    const stopping: MlpStopping = held ? 'validation' : 'plateau';
    return { layers: plainLayers(network), epochs, stopping };
  } finally {
    for (const x of held ? [train, held] : [train])
      Object.values(x).forEach((v: tf.Tensor) => v.dispose());
    optimizer.dispose();
    network.dispose();
  }
}

/**
 * A stratified 90/10 split (one fold of ten as validation); grouped when `data.groups` is set, so
 * no patient's rows are on both sides of the early-stopping split. Undefined (no validation split:
 * the caller trains on every row to a plateau) when a class is in fewer than two rows (groups), or
 * when the grouped split leaves the validation or training side without one class
 * (FoldSplitError, possible with few groups): never validated on its own training rows.
 */
export function splitForValidation(
  data: LabelledMatrix,
  rng: Rng,
): [LabelledMatrix, LabelledMatrix] | undefined {
  const perClass = data.groups
    ? groupsPerClass(data.y, data.groups)
    : [0, 1].map((c) => data.y.filter((v) => v === c).length);
  const folds = Math.min(10, Math.min(...perClass));
  if (folds < 2) return undefined;
  try {
    const [first] = stratifiedFolds(data.y, data.groups, folds, rng);
    return [take(data, first!.train), take(data, first!.test)];
  } catch (error) {
    if (error instanceof FoldSplitError) return undefined;
    throw error;
  }
}
