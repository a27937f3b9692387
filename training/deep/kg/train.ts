// Training (deep, KG): entry point `trainKgLink` (the CLI's `caregraph train kg-link`): triples ->
// hold out a share of "treats" edges -> fit GCN + DistMult with negative sampling -> AUROC and
// filtered MRR/Hits@k on the held-out edges -> save the model directory (kind tfjs-gcn-link).
import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../../../shared/domain/errors';
import { selectBackend } from '../backend';
import { auroc, filteredRank, rankingScores } from '../metrics';
import { saveDeepModel } from '../model-dir';
import { seededRandom, type Random } from '../../../shared/domain/random';
import { holdOutEdges, indexGraph, normalisedAdjacency, parseTriples } from './graph';
import type { IndexedGraph, IndexedTriple } from './graph';
import * as gcn from './model';

export const gcnLinkKind = 'tfjs-gcn-link';

export interface GcnFitOptions {
  epochs?: number;
  hiddenDim?: number;
  inputDim?: number;
  /** Corrupted-tail negatives per positive triple. */
  negatives?: number;
  learningRate?: number;
  seed?: number;
}

export interface LinkScores {
  auroc: number;
  mrr: number;
  'hits@1': number;
  'hits@3': number;
  'hits@10': number;
}

function tripleTensors(triples: readonly IndexedTriple[]): [tf.Tensor1D, tf.Tensor1D, tf.Tensor1D] {
  return [
    tf.tensor1d(
      triples.map((t) => t.head),
      'int32',
    ),
    tf.tensor1d(
      triples.map((t) => t.relation),
      'int32',
    ),
    tf.tensor1d(
      triples.map((t) => t.tail),
      'int32',
    ),
  ];
}

function corruptTails(
  triples: readonly IndexedTriple[],
  k: number,
  entities: number,
  random: Random,
): IndexedTriple[] {
  return triples.flatMap((t) =>
    Array.from({ length: k }, () => ({ ...t, tail: Math.floor(random() * entities) })),
  );
}

/**
 * Fit the GCN encoder and DistMult decoder on training triples, full batch: each epoch is one Adam
 * step on softplus(-score) of positives and softplus(score) of `negatives` corrupted tails each.
 */
export function fitGcnLink(
  graph: IndexedGraph,
  train: readonly IndexedTriple[],
  options: GcnFitOptions = {},
) {
  const {
    epochs = 200,
    hiddenDim = 32,
    inputDim = 32,
    negatives = 4,
    learningRate = 0.01,
    seed = 1,
  } = options;
  const shape = {
    entities: graph.entities.length,
    relations: graph.relations.length,
    inputDim,
    hiddenDim,
  };
  const adjacencyList = normalisedAdjacency(shape.entities, train);
  const adjacency = gcn.adjacencyTensors(adjacencyList, shape.entities);
  const weights = gcn.initGcnLinkWeights(shape, seed);
  const optimizer = tf.train.adam(learningRate);
  const random = seededRandom(seed);
  const [ph, pr, pt] = tripleTensors(train);
  const losses: number[] = [];
  const started = performance.now();
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    const [nh, nr, nt] = tripleTensors(corruptTails(train, negatives, shape.entities, random));
    const loss = optimizer.minimize(() => {
      const encoded = gcn.encodeEntities(weights, adjacency);
      const r = weights.relationDiagonal as tf.Tensor2D;
      const pos = gcn.distMultScores(encoded, r, ph, pr, pt);
      const neg = gcn.distMultScores(encoded, r, nh, nr, nt);
      return tf.add(tf.mean(tf.softplus(tf.neg(pos))), tf.mean(tf.softplus(neg))) as tf.Scalar;
    }, true)!;
    if (epoch === epochs - 1 || epoch % 20 === 0) losses.push(loss.dataSync()[0]!);
    tf.dispose([loss, nh, nr, nt]);
  }
  const seconds = (performance.now() - started) / 1000;
  tf.dispose([ph, pr, pt]);
  optimizer.dispose();
  return { shape, weights, adjacency, adjacencyList, losses, secondsPerEpoch: seconds / epochs };
}

/**
 * Score held-out edges: filtered tail ranking against every entity (other known true tails of the
 * same head and relation are skipped) for MRR and Hits@1/3/10, and AUROC of the held-out edges
 * against one corrupted tail each that is not a known edge.
 */
export function evaluateLinks(
  encoded: tf.Tensor2D,
  relationDiagonal: tf.Tensor2D,
  test: readonly IndexedTriple[],
  known: readonly IndexedTriple[],
  seed: number,
): LinkScores {
  const tailsOf = new Map<string, Set<number>>();
  for (const t of known) {
    const key = `${t.head} ${t.relation}`;
    if (!tailsOf.has(key)) tailsOf.set(key, new Set());
    tailsOf.get(key)!.add(t.tail);
  }
  const random = seededRandom(seed + 7);
  const ranks: number[] = [];
  const scores: number[] = [];
  const labels: (0 | 1)[] = [];
  for (const t of test) {
    const all = gcn.tailScores(encoded, relationDiagonal, t.head, t.relation);
    const trueTails = tailsOf.get(`${t.head} ${t.relation}`) ?? new Set<number>();
    ranks.push(filteredRank(all, t.tail, new Set([...trueTails].filter((x) => x !== t.tail))));
    let negative = Math.floor(random() * all.length);
    for (let tries = 0; trueTails.has(negative) && tries < 100; tries += 1)
      negative = Math.floor(random() * all.length);
    scores.push(all[t.tail]!, all[negative]!);
    labels.push(1, 0);
  }
  const r = rankingScores(ranks, [1, 3, 10]);
  return {
    auroc: auroc(scores, labels),
    mrr: r.mrr!,
    'hits@1': r['hits@1']!,
    'hits@3': r['hits@3']!,
    'hits@10': r['hits@10']!,
  };
}

export interface TrainKgLinkOptions extends GcnFitOptions {
  /** Triples file: TSV head/relation/tail or JSON lines. */
  triplesFile: string;
  /** Model directory to write. */
  out: string;
  /** Relation to hold out and predict (default `treats`). */
  relation?: string;
  /** Share of that relation's edges held out, 0-1 (default 0.2). */
  holdoutFraction?: number;
  backend?: string;
  name?: string;
}

/** Train and evaluate the GCN link predictor on a triples file and write the model to `out`. */
export async function trainKgLink(options: TrainKgLinkOptions) {
  const { triplesFile, out, relation = 'treats', holdoutFraction = 0.2, seed = 1 } = options;
  if (!(holdoutFraction > 0 && holdoutFraction < 1))
    throw new ValidationError(
      `holdoutFraction: expected a number in (0, 1), got ${holdoutFraction}`,
      'holdoutFraction',
    );
  const { backend } = await selectBackend(options.backend);
  const graph = indexGraph(parseTriples(await readFile(triplesFile, 'utf8')));
  const { train, test } = holdOutEdges(graph, relation, holdoutFraction, seed);
  const fit = fitGcnLink(graph, train, { ...options, seed });
  const encoded = tf.tidy(() => gcn.encodeEntities(fit.weights, fit.adjacency));
  const scores = evaluateLinks(
    encoded,
    fit.weights.relationDiagonal as tf.Tensor2D,
    test,
    graph.triples,
    seed,
  );
  const name =
    options.name ?? `kg-link-${relation.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.slice(0, 63);
  await saveDeepModel(out, {
    header: { kind: gcnLinkKind, name, version: '1.0.0', features: ['head', 'relation'] },
    metadata: {
      shape: fit.shape,
      entities: graph.entities,
      relations: graph.relations,
      trainTriples: train,
    },
    weights: { ...fit.weights, encoded },
    card: {
      intendedUse: `Ranks candidate "${relation}" tails for a head entity, to suggest edges for curation; not for clinical decisions.`,
      trainingData: `${graph.triples.length} triples, ${graph.entities.length} entities; ${test.length} "${relation}" edges held out.`,
      metrics: { ...scores, heldOutEdges: test.length },
      hyperparameters: { ...fit.shape, epochs: options.epochs ?? 200, seed, backend },
      limitations: [
        'Transductive: entities unseen in training cannot be scored.',
        'AUROC negatives are uniform random entities, which makes them easy.',
      ],
    },
  });
  tf.dispose([
    encoded,
    fit.adjacency.source,
    fit.adjacency.target,
    fit.adjacency.weight,
    ...Object.values(fit.weights),
  ]);
  return {
    out,
    name,
    backend,
    entities: graph.entities.length,
    triples: graph.triples.length,
    heldOut: test.length,
    secondsPerEpoch: fit.secondsPerEpoch,
    ...scores,
  };
}
