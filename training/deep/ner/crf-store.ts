// Training (NER): the linear-chain sequence tagger (shared/domain/nlp/crf) stored beside the BiLSTM
// in a `caregraph train ner` model directory: `sequence-tagger.json` (labels, hashed table size,
// gazetteer, whether a stacked second stage follows) and `sequence-tagger.bin` (little-endian: per
// stage, the count n of non-zero emission weights, n uint32 indices, n float32 weights, then every
// transition weight as float32). Only non-zero weights are kept: most hashed buckets stay zero.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError } from '../../../shared/domain/errors';
import type { Gazetteer } from '../../../shared/domain/nlp/crf/gazetteer';
import { emptyModel, type SequenceModel } from '../../../shared/domain/nlp/crf/perceptron';

export const sequenceHeaderFile = 'sequence-tagger.json';
export const sequenceWeightsFile = 'sequence-tagger.bin';

/** The stored tagger: a model and, for a stacked tagger, its second stage. */
export interface StoredSequenceTagger {
  model: SequenceModel;
  second?: SequenceModel;
}

interface Header {
  format: 'caregraph-sequence-tagger/1';
  labels: string[];
  buckets: number;
  stages: number;
  gazetteer?: Gazetteer;
}

/** Write `tagger` into `dir` (which must exist). */
export async function saveSequenceTagger(dir: string, tagger: StoredSequenceTagger): Promise<void> {
  const stages = tagger.second ? [tagger.model, tagger.second] : [tagger.model];
  const header: Header = {
    format: 'caregraph-sequence-tagger/1',
    labels: [...tagger.model.labels],
    buckets: tagger.model.buckets,
    stages: stages.length,
    ...(tagger.model.gazetteer ? { gazetteer: tagger.model.gazetteer } : {}),
  };
  await writeFile(join(dir, sequenceHeaderFile), JSON.stringify(header));
  await writeFile(join(dir, sequenceWeightsFile), Buffer.concat(stages.map(stageBytes)));
}

/** Read a tagger written by saveSequenceTagger; undefined when `dir` holds none. */
export async function loadSequenceTagger(dir: string): Promise<StoredSequenceTagger | undefined> {
  let json: string;
  try {
    json = await readFile(join(dir, sequenceHeaderFile), 'utf8');
  } catch {
    return undefined;
  }
  const header = parseHeader(json, dir);
  const bytes = await readFile(join(dir, sequenceWeightsFile));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stages: SequenceModel[] = [];
  let at = 0;
  for (let s = 0; s < header.stages; s++) {
    const model = emptyModel(header.labels, header.buckets);
    at = readStage(view, at, model, dir);
    stages.push(header.gazetteer ? { ...model, gazetteer: header.gazetteer } : model);
  }
  return { model: stages[0]!, ...(stages[1] ? { second: stages[1] } : {}) };
}

function stageBytes(model: SequenceModel): Buffer {
  const nonZero: number[] = [];
  model.weights.forEach((w, i) => {
    if (w !== 0) nonZero.push(i);
  });
  const buffer = Buffer.alloc(4 + nonZero.length * 8 + model.transitions.length * 4);
  buffer.writeUInt32LE(nonZero.length, 0);
  nonZero.forEach((i, k) => {
    buffer.writeUInt32LE(i, 4 + k * 4);
    buffer.writeFloatLE(model.weights[i]!, 4 + nonZero.length * 4 + k * 4);
  });
  const base = 4 + nonZero.length * 8;
  model.transitions.forEach((t, k) => buffer.writeFloatLE(t, base + k * 4));
  return buffer;
}

function readStage(view: DataView, at: number, model: SequenceModel, dir: string): number {
  const fail = () => new ValidationError(`${dir}: ${sequenceWeightsFile} is truncated`, 'tagger');
  if (at + 4 > view.byteLength) throw fail();
  const n = view.getUint32(at, true);
  const end = at + 4 + n * 8 + model.transitions.length * 4;
  if (end > view.byteLength) throw fail();
  for (let k = 0; k < n; k++) {
    const i = view.getUint32(at + 4 + k * 4, true);
    if (i >= model.weights.length) throw fail();
    model.weights[i] = view.getFloat32(at + 4 + n * 4 + k * 4, true);
  }
  const base = at + 4 + n * 8;
  for (let k = 0; k < model.transitions.length; k++)
    model.transitions[k] = view.getFloat32(base + k * 4, true);
  return end;
}

function parseHeader(json: string, dir: string): Header {
  let value: Partial<Header>;
  try {
    value = JSON.parse(json) as Partial<Header>;
  } catch (error) {
    throw new ValidationError(`${dir}: ${sequenceHeaderFile} is not JSON`, 'tagger', {
      cause: error,
    });
  }
  if (value.format !== 'caregraph-sequence-tagger/1')
    throw new ValidationError(`${sequenceHeaderFile}: unknown format`, 'format');
  if (!Array.isArray(value.labels) || value.labels.length === 0)
    throw new ValidationError(`${sequenceHeaderFile}: labels must be a non-empty list`, 'labels');
  if (typeof value.buckets !== 'number')
    throw new ValidationError(`${sequenceHeaderFile}: buckets must be a number`, 'buckets');
  if (value.stages !== 1 && value.stages !== 2)
    throw new ValidationError(`${sequenceHeaderFile}: stages must be 1 or 2`, 'stages');
  return value as Header;
}
