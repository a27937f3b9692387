// Training (deep): write and read a trained tfjs model as a `caregraph-model/1` directory.
// `model.json` carries the caregraph header (format, kind, name, version, features, createdAt), the
// model's own metadata (vocabulary, tag set, entity index...) and tfjs's weights manifest; the
// weights sit beside it in `weights.bin`. Layers models also carry `modelTopology`. A model card
// (`model-card.json` + `model-card.md`) records data, metrics and limits next to the weights.
import * as tf from '@tensorflow/tfjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../../shared/domain/errors';
import { endpointNamePattern, modelFileName, modelFormat, parseOrThrow } from '../model-format';

export const weightsFileName = 'weights.bin';

/** The caregraph-model/1 header every deep model writes. */
export interface DeepModelHeader {
  kind: string;
  name: string;
  version: string;
  /** Input names: `["text"]` for text models, `["head", "relation"]` for the link predictor. */
  features: string[];
}

/** What a model directory holds once read back. */
export interface DeepModelDocument<M> {
  header: DeepModelHeader & { format: string; createdAt: string };
  metadata: M;
  /** Present for tfjs layers models. */
  modelTopology?: object;
  weightSpecs: tf.io.WeightsManifestEntry[];
  weightData: ArrayBuffer;
}

/** Facts about a trained model for its card; free text only, never patient data. */
export interface ModelCard {
  intendedUse: string;
  trainingData: string;
  metrics: Record<string, number | string>;
  limitations: string[];
  hyperparameters?: Record<string, number | string | boolean>;
}

const documentSchema = z.object({
  format: z.literal(modelFormat),
  kind: z.string().min(1),
  name: z.string().regex(endpointNamePattern, 'must be a SageMaker-style name (a-z, 0-9, -)'),
  version: z.string().min(1),
  features: z.array(z.string().min(1)).min(1),
  createdAt: z.iso.datetime({ offset: true }),
  metadata: z.unknown(),
  modelTopology: z.object({}).passthrough().optional(),
  weightsManifest: z
    .array(z.object({ paths: z.array(z.string()), weights: z.array(z.object({}).passthrough()) }))
    .length(1),
});

/** Capture a layers model's topology and weights without touching disk. */
export async function layersModelArtifacts(model: tf.LayersModel): Promise<{
  modelTopology: object;
  weights: { name: string; tensor: tf.Tensor }[];
}> {
  let topology: object = {};
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      topology = artifacts.modelTopology as object;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const weights = model.weights.map((w) => ({ name: w.originalName, tensor: w.read() }));
  return { modelTopology: topology, weights };
}

/**
 * Write `dir/model.json` (+ `weights.bin`) and the model card. Named tensors are stored in order
 * with their dtype and shape; `createdAt` is now unless given (ISO 8601 with offset).
 */
export async function saveDeepModel<M>(
  dir: string,
  input: {
    header: DeepModelHeader;
    metadata: M;
    weights: { name: string; tensor: tf.Tensor }[] | tf.NamedTensorMap;
    modelTopology?: object;
    card: ModelCard;
    createdAt?: string;
  },
): Promise<void> {
  const { header, metadata, modelTopology, card } = input;
  parseOrThrow(z.string().regex(endpointNamePattern), header.name, 'name');
  const { data, specs } = await tf.io.encodeWeights(input.weights);
  const createdAt = input.createdAt ?? new Date().toISOString();
  const document = {
    format: modelFormat,
    ...header,
    createdAt,
    metadata,
    ...(modelTopology ? { modelTopology } : {}),
    weightsManifest: [{ paths: [weightsFileName], weights: specs }],
  };
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, modelFileName), JSON.stringify(document) + '\n');
  await writeFile(join(dir, weightsFileName), new Uint8Array(data as ArrayBuffer));
  const cardDocument = { ...header, createdAt, ...card };
  await writeFile(join(dir, 'model-card.json'), JSON.stringify(cardDocument, null, 2) + '\n');
  await writeFile(join(dir, 'model-card.md'), modelCardMarkdown(cardDocument));
}

/**
 * Read a directory written by saveDeepModel. Throws ValidationError naming the file and field when
 * model.json is malformed or of another kind than `kind`.
 */
export async function loadDeepModel<M>(dir: string, kind: string): Promise<DeepModelDocument<M>> {
  const file = join(dir, modelFileName);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ValidationError(`${file}: not a readable JSON model file`, file, { cause: error });
  }
  const document = parseOrThrow(documentSchema, raw, file);
  if (document.kind !== kind)
    throw new ValidationError(`${file}: kind: expected "${kind}", got "${document.kind}"`, 'kind');
  const manifest = document.weightsManifest[0]!;
  const bytes = await readFile(join(dir, manifest.paths[0] ?? weightsFileName));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const weightSpecs = manifest.weights as unknown as tf.io.WeightsManifestEntry[];
  const weightData = buffer as ArrayBuffer;
  const { format, name, version, features, createdAt } = document;
  return {
    header: { format, kind, name, version, features, createdAt },
    metadata: document.metadata as M,
    ...(document.modelTopology ? { modelTopology: document.modelTopology } : {}),
    weightSpecs,
    weightData,
  };
}

/** Rebuild a layers model from its topology and named weights (in memory, no file:// handler). */
export async function layersModelFromDocument(
  document: DeepModelDocument<unknown>,
): Promise<tf.LayersModel> {
  if (!document.modelTopology)
    throw new ValidationError('modelTopology: missing for a layers model', 'modelTopology');
  const { modelTopology, weightSpecs, weightData } = document;
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs, weightData }));
}

function modelCardMarkdown(card: DeepModelHeader & { createdAt: string } & ModelCard): string {
  const rows = Object.entries(card.metrics).map(([k, v]) => `| ${k} | ${v} |`);
  const hyper = Object.entries(card.hyperparameters ?? {}).map(([k, v]) => `- ${k}: ${v}`);
  return [
    `# Model card: ${card.name} ${card.version}`,
    '',
    `Kind \`${card.kind}\`, trained ${card.createdAt}, inputs: ${card.features.join(', ')}.`,
    '',
    `**Intended use.** ${card.intendedUse}`,
    '',
    `**Training data.** ${card.trainingData}`,
    '',
    '| metric | value |',
    '| --- | --- |',
    ...rows,
    '',
    ...(hyper.length ? ['**Hyperparameters**', '', ...hyper, ''] : []),
    '**Limitations**',
    '',
    ...card.limitations.map((l) => `- ${l}`),
    '',
  ].join('\n');
}
