import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../shared/domain/nlp/crf/gazetteer';
import { azoleItisCorpus, itisDiseases } from '../../../shared/domain/nlp/crf/test-corpus';
import { tagSequence, trainSequenceTagger } from '../../../shared/domain/nlp/crf/tagger';
import { loadSequenceTagger, saveSequenceTagger, sequenceHeaderFile } from './crf-store';

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

  it('finds no tagger in a directory without one, and names a malformed header', async () => {
    expect(await loadSequenceTagger(dir)).toBeUndefined();
    await writeFile(join(dir, sequenceHeaderFile), JSON.stringify({ format: 'other' }));
    await expect(loadSequenceTagger(dir)).rejects.toThrow(/sequence-tagger.json: unknown format/);
  });
});
