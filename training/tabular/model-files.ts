// Training (tabular): write a trained model directory (model.json in caregraph-model/1, the model
// card as model-card.json and model-card.md) and read it back for `caregraph predict`, with the
// saved encoding and a per-feature explainer.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ValidationError } from '../../shared/domain/errors';
import { modelCardMarkdown, type ModelCard } from '../evaluation/model-card';
import { modelFileName, parseModel, type LoadedModel } from '../model-format';
import { encodingSchema, type Encoding } from './encoding';
import {
  gnbKind,
  linearScorer,
  linearSvmKind,
  mlpKind,
  rbfSvmKind,
  type Scorer,
} from './served-kinds';

export const modelCardJson = 'model-card.json';
export const modelCardMd = 'model-card.md';

/** Write model.json and the model card into `dir` (created if needed). */
export async function writeModelDirectory(
  dir: string,
  document: Record<string, unknown>,
  card: ModelCard,
): Promise<void> {
  // Validate before writing: a model serve.ts would reject must never reach disk.
  parseModel(document, join(dir, modelFileName));
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, modelFileName), JSON.stringify(document, null, 2) + '\n');
  await writeFile(join(dir, modelCardJson), JSON.stringify(card, null, 2) + '\n');
  await writeFile(join(dir, modelCardMd), modelCardMarkdown(card));
}

/** Per-feature log-odds contributions for one raw (unstandardised) row. */
export type Explainer = (row: readonly number[]) => { feature: string; contribution: number }[];

export interface SavedModel {
  model: LoadedModel;
  /** How raw CSV columns become features; absent for models not trained by caregraph. */
  encoding?: Encoding;
  explain: Explainer;
}

const scorers: Record<string, (doc: never) => Scorer> = {
  'logistic-regression': (doc) => linearScorer(doc),
  gnb: (doc) => gnbKind.scorer(doc),
  'linear-svm': (doc) => linearSvmKind.scorer(doc),
  'rbf-svm': (doc) => rbfSvmKind.scorer(doc),
  mlp: (doc) => mlpKind.scorer(doc),
};

const extrasSchema = z.object({
  encoding: encodingSchema.optional(),
  standardization: z.object({ mean: z.array(z.number()), std: z.array(z.number()) }).optional(),
});

/** Read and validate `dir/model.json`; explanations are on the log-odds scale. */
export async function readModelDirectory(dir: string): Promise<SavedModel> {
  const file = join(dir, modelFileName);
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ValidationError(`${file}: cannot read a JSON model`, file, { cause: error });
  }
  const model = parseModel(document, file);
  const extras = extrasSchema.safeParse(document);
  if (!extras.success) throw new ValidationError(`${file}: encoding: invalid`, 'encoding');
  const scorer = scorers[model.kind]?.(document as never);
  const n = model.features.length;
  const mean = extras.data.standardization?.mean ?? new Array<number>(n).fill(0);
  const std = extras.data.standardization?.std ?? new Array<number>(n).fill(1);
  const explain: Explainer = (row) => {
    if (!scorer) return [];
    const z = Float64Array.from(row, (v, j) => (v - mean[j]!) / std[j]!);
    const c = scorer.contributions(z);
    return model.features.map((feature, j) => ({ feature, contribution: c[j]! }));
  };
  return { model, encoding: extras.data.encoding, explain };
}
