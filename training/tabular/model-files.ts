// Training (tabular): write a trained model directory (model.json in caregraph-model/1, the model
// card as model-card.json and model-card.md) and read it back for `caregraph predict`, with the
// saved encoding and a per-feature explainer.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError } from '../../shared/domain/errors';
import { modelCardMarkdown, type ModelCard } from '../evaluation/model-card';
import {
  modelCardFileName,
  modelFileName,
  parseModel,
  type Explainer,
  type LoadedModel,
} from '../model-format';
import type { Encoding } from './encoding';

export const modelCardJson = modelCardFileName;
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

export type { Explainer } from '../model-format';

export interface SavedModel {
  model: LoadedModel;
  /** How raw CSV columns become features; absent for models not trained by caregraph. */
  encoding?: Encoding;
  /** Per-feature log-odds contributions for one raw row (none for kinds without an explainer). */
  explain: Explainer;
}

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
  return { model, encoding: model.encoding, explain: model.explain ?? (() => []) };
}
