import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../shared/domain/nlp/crf/gazetteer';
import { azoleItisCorpus, itisDiseases } from '../../../shared/domain/nlp/crf/test-corpus';
import { tagSequence, trainSequenceTagger } from '../../../shared/domain/nlp/crf/tagger';
import { tagVoted, trainVotedTagger } from '../../../shared/domain/nlp/crf/vote';
import { textClusters } from '../../../shared/domain/nlp/crf/brown';
import {
  loadSequenceTagger,
  saveSequenceTagger,
  sequenceHeaderFile,
  storedMembers,
} from './crf-store';

// Hand-written sentences: "Treatment with <drug> caused <disease>."
const docs = azoleItisCorpus(
  ['ketoconazole', 'itraconazole', 'miconazole', 'clotrimazole'],
  itisDiseases.slice(0, 4),
  '.',
);

describe('Functions: saveSequenceTagger and loadSequenceTagger', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caregraph-crf-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back a tagger (with its gazetteer and second stage) that tags exactly as before', async () => {
    // Prepare
    const options = {
      types: ['Chemical', 'Disease'],
      epochs: 3,
      buckets: 2 ** 14,
      gazetteer: buildGazetteer(['colitis']),
    };
    const model = trainSequenceTagger(docs, options);
    const second = trainSequenceTagger(docs, { ...options, epochs: 2 });
    const text = 'Treatment with fluconazole caused gastritis.';
    // Act
    await saveSequenceTagger(dir, { model, second });
    const loaded = await loadSequenceTagger(dir);
    // Assess
    expect(loaded?.model.weights).toEqual(model.weights);
    expect(loaded?.second?.transitions).toEqual(second.transitions);
    expect(loaded?.model.gazetteer).toEqual(options.gazetteer);
    expect(tagSequence(loaded!.model, text, [])).toEqual(tagSequence(model, text, []));
  });

  it('writes a single tagger without clusters in format 1, as before', async () => {
    // Prepare
    const model = trainSequenceTagger(docs, { types: ['Disease'], epochs: 1, buckets: 2 ** 12 });
    // Act
    await saveSequenceTagger(dir, { model });
    const header = JSON.parse(await readFile(join(dir, sequenceHeaderFile), 'utf8')) as object;
    const loaded = await loadSequenceTagger(dir);
    // Assess
    expect(header).toEqual({
      format: 'caregraph-sequence-tagger/1',
      labels: ['O', 'B-Disease', 'I-Disease'],
      buckets: 2 ** 12,
      stages: 1,
    });
    expect(loaded?.members).toBeUndefined();
    expect(loaded?.model.clusters).toBeUndefined();
  });

  it('reads back a stacked seed ensemble with its word clusters (format 2) that votes as before', async () => {
    // Prepare
    const clusters = textClusters(
      docs.map((d) => d.text),
      { clusters: 4, minCount: 1 },
    );
    const members = trainVotedTagger(docs, {
      types: ['Chemical', 'Disease'],
      epochs: 2,
      buckets: 2 ** 14,
      seeds: [1, 2, 3],
      stacked: true,
      folds: 2,
      clusters,
    });
    const text = 'Treatment with fluconazole caused gastritis. Fluconazole was stopped.';
    // Act
    await saveSequenceTagger(dir, { ...members[0]!, members });
    const header = JSON.parse(await readFile(join(dir, sequenceHeaderFile), 'utf8')) as {
      format: string;
      members: number;
      clusters: { paths: Record<string, string> };
    };
    const loaded = (await loadSequenceTagger(dir))!;
    // Assess
    expect(header.format).toBe('caregraph-sequence-tagger/2');
    expect(header.members).toBe(3);
    expect(new Map(Object.entries(header.clusters.paths))).toEqual(clusters.paths);
    expect(loaded.members).toHaveLength(3);
    loaded.members!.forEach((m, i) => {
      expect(m.model.weights).toEqual(members[i]!.model.weights);
      expect(m.second?.weights).toEqual(members[i]!.second!.weights);
      expect(m.second?.clusters?.paths).toEqual(clusters.paths);
    });
    expect(loaded.model).toBe(loaded.members![0]!.model);
    const voted = tagVoted(members, text, []);
    expect(voted.map((s) => [text.slice(s.start, s.end), s.type])).toContainEqual([
      'fluconazole',
      'Chemical',
    ]);
    expect(tagVoted(storedMembers(loaded), text, [])).toEqual(voted);
  });

  it('refuses to store members that differ in labels', async () => {
    const a = trainSequenceTagger(docs, { types: ['Disease'], epochs: 1, buckets: 2 ** 12 });
    const b = trainSequenceTagger(docs, { types: ['Chemical'], epochs: 1, buckets: 2 ** 12 });
    await expect(
      saveSequenceTagger(dir, { model: a, members: [{ model: a }, { model: b }] }),
    ).rejects.toThrow(/same labels/);
  });

  it('finds no tagger in a directory without one, and names a malformed header', async () => {
    expect(await loadSequenceTagger(dir)).toBeUndefined();
    await writeFile(join(dir, sequenceHeaderFile), JSON.stringify({ format: 'other' }));
    await expect(loadSequenceTagger(dir)).rejects.toThrow(/sequence-tagger.json: unknown format/);
  });

  it('names a format-1 header with members, and format-2 clusters without paths', async () => {
    // Prepare
    const base = { labels: ['O', 'B-Disease', 'I-Disease'], buckets: 2 ** 12, stages: 1 };
    const write = (header: object) =>
      writeFile(join(dir, sequenceHeaderFile), JSON.stringify({ ...base, ...header }));
    // Act / Assess
    await write({ format: 'caregraph-sequence-tagger/1', members: 2 });
    await expect(loadSequenceTagger(dir)).rejects.toThrow(/need format 2/);
    await write({ format: 'caregraph-sequence-tagger/2', clusters: { prefixes: [4] } });
    await expect(loadSequenceTagger(dir)).rejects.toThrow(/clusters need prefixes, paths/);
    await write({ format: 'caregraph-sequence-tagger/2', members: 0 });
    await expect(loadSequenceTagger(dir)).rejects.toThrow(/members must be a whole number/);
  });
});
