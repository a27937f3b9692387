// Training/serving boundary (tabular kinds): the MLP's weights as plain arrays and its forward and
// backward pass in TypeScript, so serving and explanations need no tfjs. Layer l maps a_{l-1} to
// a_l = act(a_{l-1} W_l + b_l), with W_l of shape [inputs][units] (tfjs's dense kernel layout);
// the last layer has one unit and its pre-activation is the log-odds.
import { z } from 'zod';
import type { Scorer, SizeIssue, TabularKind } from './served-kinds';

export const activations = ['relu', 'tanh', 'linear', 'sigmoid'] as const;
export type Activation = (typeof activations)[number];

const layerSchema = z.object({
  weights: z.array(z.array(z.number())).min(1),
  bias: z.array(z.number()).min(1),
  activation: z.enum(activations),
});

export interface MlpParams {
  layers: { weights: number[][]; bias: number[]; activation: Activation }[];
}

interface DenseLayer {
  w: Float64Array;
  b: Float64Array;
  inputs: number;
  units: number;
  activation: Activation;
}

const act: Record<Activation, (z: number) => number> = {
  relu: (z) => (z > 0 ? z : 0),
  tanh: Math.tanh,
  linear: (z) => z,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
};

/** Derivative of the activation, given its output a. */
const slope: Record<Activation, (a: number) => number> = {
  relu: (a) => (a > 0 ? 1 : 0),
  tanh: (a) => 1 - a * a,
  linear: () => 1,
  sigmoid: (a) => a * (1 - a),
};

function mlpSizes(m: MlpParams, n: number): SizeIssue[] {
  const issues: SizeIssue[] = [];
  let inputs = n;
  m.layers.forEach((layer, l) => {
    if (layer.weights.length !== inputs) {
      issues.push({
        path: ['layers', l, 'weights'],
        message: `expected ${inputs} rows, one per input`,
      });
    }
    layer.weights.forEach((r, i) => {
      if (r.length !== layer.bias.length) {
        const message = `expected ${layer.bias.length} values, one per unit`;
        issues.push({ path: ['layers', l, 'weights', i], message });
      }
    });
    inputs = layer.bias.length;
  });
  if (inputs !== 1) issues.push({ path: ['layers'], message: 'the last layer must have 1 unit' });
  return issues;
}

function denseLayers(m: MlpParams): DenseLayer[] {
  return m.layers.map((layer) => ({
    w: Float64Array.from(layer.weights.flat()),
    b: Float64Array.from(layer.bias),
    inputs: layer.weights.length,
    units: layer.bias.length,
    activation: layer.activation,
  }));
}

/** Activations of every layer; the last entry holds the output pre-activation (log-odds). */
function forward(layers: DenseLayer[], x: ArrayLike<number>): Float64Array[] {
  const outs: Float64Array[] = [];
  let input: ArrayLike<number> = x;
  layers.forEach((layer, l) => {
    const z = Float64Array.from(layer.b);
    for (let i = 0; i < layer.inputs; i += 1) {
      const xi = input[i]!;
      if (xi === 0) continue;
      for (let u = 0; u < layer.units; u += 1) z[u]! += xi * layer.w[i * layer.units + u]!;
    }
    const last = l === layers.length - 1;
    const a = last ? z : z.map(act[layer.activation]);
    outs.push(a);
    input = a;
  });
  return outs;
}

/** d log-odds / d x by back-propagation through the hidden layers. */
function inputGradient(layers: DenseLayer[], outs: Float64Array[]): Float64Array {
  let delta = Float64Array.of(1);
  for (let l = layers.length - 1; l >= 0; l -= 1) {
    const layer = layers[l]!;
    const below = new Float64Array(layer.inputs);
    for (let i = 0; i < layer.inputs; i += 1) {
      let s = 0;
      for (let u = 0; u < layer.units; u += 1) s += layer.w[i * layer.units + u]! * delta[u]!;
      below[i] = s;
    }
    if (l > 0) {
      const prev = layers[l - 1]!;
      const a = outs[l - 1]!;
      for (let i = 0; i < below.length; i += 1) below[i]! *= slope[prev.activation](a[i]!);
    }
    delta = below;
  }
  return delta;
}

export const mlpKind: TabularKind<MlpParams> = {
  fields: { layers: z.array(layerSchema).min(1) },
  sizes: mlpSizes,
  scorer(m): Scorer {
    const layers = denseLayers(m);
    return {
      logit: (x) => forward(layers, x).at(-1)![0]!,
      contributions(x) {
        const grad = inputGradient(layers, forward(layers, x));
        return grad.map((g, j) => g * x[j]!);
      },
    };
  },
};
