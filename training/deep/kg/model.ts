// Training (deep, KG): the link predictor's topology: a 2-layer GCN encoder (Kipf & Welling,
// ICLR 2017) over learned entity embeddings, propagating by gather + unsortedSegmentSum along the
// normalised adjacency, and a DistMult decoder (Yang et al., ICLR 2015):
// score(h, r, t) = sum_k e_h[k] * w_r[k] * e_t[k].
import * as tf from '@tensorflow/tfjs';

export interface GcnLinkShape {
  entities: number;
  relations: number;
  /** Width of the learned input embedding. */
  inputDim: number;
  /** Width of both GCN layers and of the relation diagonals. */
  hiddenDim: number;
}

export interface GcnLinkWeights {
  entityEmbedding: tf.Variable;
  layer1: tf.Variable;
  layer2: tf.Variable;
  relationDiagonal: tf.Variable;
}

/** Adjacency edge list as tensors: messages source -> target scaled by weight. */
export interface AdjacencyTensors {
  source: tf.Tensor1D;
  target: tf.Tensor1D;
  weight: tf.Tensor2D;
  entities: number;
}

export function adjacencyTensors(
  adjacency: { source: number[]; target: number[]; weight: number[] },
  entities: number,
): AdjacencyTensors {
  return {
    source: tf.tensor1d(adjacency.source, 'int32'),
    target: tf.tensor1d(adjacency.target, 'int32'),
    weight: tf.tensor2d(adjacency.weight, [adjacency.weight.length, 1]),
    entities,
  };
}

/** Fresh, seeded weights (Glorot uniform; relation diagonals start near 1). */
export function initGcnLinkWeights(shape: GcnLinkShape, seed = 1): GcnLinkWeights {
  const glorot = (rows: number, cols: number, s: number, name: string) =>
    tf.variable(
      tf.initializers.glorotUniform({ seed: s }).apply([rows, cols]) as tf.Tensor2D,
      true,
      name,
    );
  return {
    entityEmbedding: glorot(shape.entities, shape.inputDim, seed, 'entity_embedding'),
    layer1: glorot(shape.inputDim, shape.hiddenDim, seed + 1, 'gcn_layer1'),
    layer2: glorot(shape.hiddenDim, shape.hiddenDim, seed + 2, 'gcn_layer2'),
    relationDiagonal: tf.variable(
      tf.randomUniform([shape.relations, shape.hiddenDim], 0.5, 1.5, 'float32', seed + 3),
      true,
      'relation_diagonal',
    ),
  };
}

/** One propagation Â X: each entity sums its neighbours' rows (and its own) scaled by Â. */
function propagate(x: tf.Tensor2D, adjacency: AdjacencyTensors): tf.Tensor2D {
  const messages = tf.mul(tf.gather(x, adjacency.source), adjacency.weight);
  return tf.unsortedSegmentSum(messages, adjacency.target, adjacency.entities) as tf.Tensor2D;
}

/** Entity representations [entities, hiddenDim]: Â relu(Â E W1) W2. */
export function encodeEntities(weights: GcnLinkWeights, adjacency: AdjacencyTensors): tf.Tensor2D {
  const first = tf.relu(
    tf.matMul(propagate(weights.entityEmbedding as tf.Tensor2D, adjacency), weights.layer1),
  );
  return tf.matMul(propagate(first as tf.Tensor2D, adjacency), weights.layer2);
}

/** DistMult scores (logits) of triples given encoded entities, one per triple. */
export function distMultScores(
  encoded: tf.Tensor2D,
  relationDiagonal: tf.Tensor2D,
  heads: tf.Tensor1D,
  relations: tf.Tensor1D,
  tails: tf.Tensor1D,
): tf.Tensor1D {
  const product = tf.mul(
    tf.mul(tf.gather(encoded, heads), tf.gather(relationDiagonal, relations)),
    tf.gather(encoded, tails),
  );
  return tf.sum(product, -1) as tf.Tensor1D;
}

/** Scores of (head, relation, every entity) as tails, for ranking. */
export function tailScores(
  encoded: tf.Tensor2D,
  relationDiagonal: tf.Tensor2D,
  head: number,
  relation: number,
): Float32Array {
  return tf.tidy(() => {
    const query = tf.mul(
      encoded.slice([head, 0], [1, -1]),
      relationDiagonal.slice([relation, 0], [1, -1]),
    );
    return tf.matMul(encoded, query, false, true).dataSync() as Float32Array;
  });
}
