// Training (NER): the linear-chain sequence tagger (shared/domain/nlp/crf) stored beside the BiLSTM
// in a `caregraph train ner` model directory: `sequence-tagger.json` (labels, hashed table size,
// gazetteer, whether a stacked second stage follows; format 2 adds the number of members of a seed
// ensemble, crf/vote, and the word clusters of the cluster features, crf/brown) and
// `sequence-tagger.bin` (little-endian: per member, per stage, the count n of non-zero emission
// weights, n uint32 indices, n float32 weights, then every transition weight as float32). Only
// non-zero weights are kept: most hashed buckets stay zero. A single tagger without clusters is
// still written as format 1, and format 1 directories still load.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ValidationError } from '../../../shared/domain/errors';
import type { WordClusters } from '../../../shared/domain/nlp/crf/features';
import type { Gazetteer } from '../../../shared/domain/nlp/crf/gazetteer';
import { emptyModel, type SequenceModel } from '../../../shared/domain/nlp/crf/perceptron';
import type { SequenceTaggerMember } from '../../../shared/domain/nlp/crf/vote';

export const sequenceHeaderFile = 'sequence-tagger.json';
export const sequenceWeightsFile = 'sequence-tagger.bin';

/**
 * The stored tagger: a model and, for a stacked tagger, its second stage; for a seed ensemble,
 * `members` lists every member (the first is `model` and `second`).
 */
export interface StoredSequenceTagger {
  model: SequenceModel;
  second?: SequenceModel;
  members?: readonly SequenceTaggerMember[];
}

const format1 = 'caregraph-sequence-tagger/1';
const format2 = 'caregraph-sequence-tagger/2';

interface Header {
  format: typeof format1 | typeof format2;
  labels: string[];
  buckets: number;
  /** Stages per member: 1, or 2 for a stacked tagger. */
  stages: number;
  gazetteer?: Gazetteer;
  /** Format 2: members of the seed ensemble (default 1). */
  members?: number;
  /** Format 2: the word clusters of the cluster features, bit strings by word. */
  clusters?: { prefixes: number[]; window?: number[]; paths: Record<string, string> };
}

/** Every member of a stored tagger (one when it is not an ensemble). */
export function storedMembers(tagger: StoredSequenceTagger): readonly SequenceTaggerMember[] {
  return tagger.members?.length
    ? tagger.members
    : [{ model: tagger.model, ...(tagger.second ? { second: tagger.second } : {}) }];
}

/** Write `tagger` into `dir` (which must exist); members must share labels, table size and stages. */
export async function saveSequenceTagger(dir: string, tagger: StoredSequenceTagger): Promise<void> {
  const members = storedMembers(tagger);
  const first = members[0]!.model;
  const stagesOf = (m: SequenceTaggerMember) => (m.second ? [m.model, m.second] : [m.model]);
  const stages = stagesOf(members[0]!).length;
  for (const m of members)
    for (const model of stagesOf(m))
      if (
        stagesOf(m).length !== stages ||
        model.buckets !== first.buckets ||
        model.labels.join() !== first.labels.join() ||
        !sameClusters(model.clusters, first.clusters)
      )
        throw new ValidationError(
          'every member must have the same labels, table size, stages and clusters',
          'members',
        );
  const clusters = first.clusters;
  const header: Header = {
    format: members.length > 1 || clusters ? format2 : format1,
    labels: [...first.labels],
    buckets: first.buckets,
    stages,
    ...(first.gazetteer ? { gazetteer: first.gazetteer } : {}),
    ...(members.length > 1 ? { members: members.length } : {}),
    ...(clusters
      ? {
          clusters: {
            prefixes: [...clusters.prefixes],
            ...(clusters.window ? { window: [...clusters.window] } : {}),
            paths: Object.fromEntries(clusters.paths),
          },
        }
      : {}),
  };
  await writeFile(join(dir, sequenceHeaderFile), JSON.stringify(header));
  await writeFile(
    join(dir, sequenceWeightsFile),
    Buffer.concat(members.flatMap(stagesOf).map(stageBytes)),
  );
}

function sameClusters(a: WordClusters | undefined, b: WordClusters | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.paths === b.paths &&
    a.prefixes.join() === b.prefixes.join() &&
    (a.window ?? []).join() === (b.window ?? []).join()
  );
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
  const clusters: WordClusters | undefined = header.clusters && {
    paths: new Map(Object.entries(header.clusters.paths)),
    prefixes: header.clusters.prefixes,
    ...(header.clusters.window ? { window: header.clusters.window } : {}),
  };
  const members: SequenceTaggerMember[] = [];
  let at = 0;
  for (let m = 0; m < (header.members ?? 1); m++) {
    const stages: SequenceModel[] = [];
    for (let s = 0; s < header.stages; s++) {
      const model = emptyModel(header.labels, header.buckets);
      at = readStage(view, at, model, dir);
      stages.push({
        ...model,
        ...(header.gazetteer ? { gazetteer: header.gazetteer } : {}),
        ...(clusters ? { clusters } : {}),
      });
    }
    members.push({ model: stages[0]!, ...(stages[1] ? { second: stages[1] } : {}) });
  }
  return { ...members[0]!, ...(members.length > 1 ? { members } : {}) };
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
  if (value.format !== format1 && value.format !== format2)
    throw new ValidationError(`${sequenceHeaderFile}: unknown format`, 'format');
  if (!Array.isArray(value.labels) || value.labels.length === 0)
    throw new ValidationError(`${sequenceHeaderFile}: labels must be a non-empty list`, 'labels');
  if (typeof value.buckets !== 'number')
    throw new ValidationError(`${sequenceHeaderFile}: buckets must be a number`, 'buckets');
  if (value.stages !== 1 && value.stages !== 2)
    throw new ValidationError(`${sequenceHeaderFile}: stages must be 1 or 2`, 'stages');
  if (value.format === format1 && (value.members !== undefined || value.clusters !== undefined))
    throw new ValidationError(
      `${sequenceHeaderFile}: members and clusters need format 2`,
      'format',
    );
  if (value.members !== undefined && !(Number.isInteger(value.members) && value.members >= 1))
    throw new ValidationError(`${sequenceHeaderFile}: members must be a whole number`, 'members');
  const c = value.clusters;
  if (
    c !== undefined &&
    (!Array.isArray(c.prefixes) ||
      typeof c.paths !== 'object' ||
      c.paths === null ||
      (c.window !== undefined && !Array.isArray(c.window)))
  )
    throw new ValidationError(
      `${sequenceHeaderFile}: clusters need prefixes, paths and an optional window`,
      'clusters',
    );
  return value as Header;
}
