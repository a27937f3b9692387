import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../backend';
import { loadCombinedExtractor, saveCombinedModel } from './combined';
import { trainCorpusTagger } from './corpus-tagger';
import { trainCorpusCrf } from './crf-corpus';
import { saveSequenceTagger } from './crf-store';
import { toyCorpus } from './toy-corpus';

// A made-up corpus (not BC5CDR): invented drug names the curated vocabulary cannot know.
const corpus = toyCorpus(30);

describe('Function: loadCombinedExtractor', () => {
  it('extracts with the saved tagger and lexicon, and names a directory without a lexicon', async () => {
    // Prepare
    await selectBackend('wasm');
    const trained = await trainCorpusTagger(corpus, {
      epochs: 8,
      batchSize: 8,
      learningRate: 0.02,
      dims: { wordDim: 8, shapeDim: 2, affixDim: 4, hintDim: 2, lstmUnits: 8, dropout: 0 },
    });
    const dir = await mkdtemp(join(tmpdir(), 'caregraph-combined-'));
    try {
      await saveCombinedModel(dir, trained, 'toy-combined', {
        intendedUse: 'test',
        trainingData: 'toy',
        metrics: {},
        limitations: [],
      });
      // Act
      const extractor = await loadCombinedExtractor(dir);
      const text = 'Treatment with trubonal caused hepatitis in mice. Trubonal was stopped.';
      const result = extractor.extract(text, { relations: false });
      // Assess: the held-out F1 history exists and the learned drug is found at both mentions.
      expect(trained.tagger.history[0]!.validationF1).toBeGreaterThanOrEqual(0);
      const chemicals = result.entities.filter((e) => e.type === 'Chemical');
      expect(chemicals.map((e) => e.text.toLowerCase())).toEqual(['trubonal', 'trubonal']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await expect(loadCombinedExtractor(tmpdir())).rejects.toThrow();
  });

  it('leads with the sequence tagger saved beside the BiLSTM, coding its spans', async () => {
    // Prepare: a BiLSTM of one epoch (too weak alone) and the sequence tagger beside it.
    await selectBackend('wasm');
    const trained = await trainCorpusTagger(corpus, {
      epochs: 1,
      batchSize: 8,
      dims: { wordDim: 4, shapeDim: 2, affixDim: 2, hintDim: 2, lstmUnits: 4, dropout: 0 },
    });
    const crf = trainCorpusCrf(corpus, { types: ['Chemical', 'Disease'], buckets: 2 ** 14 });
    const dir = await mkdtemp(join(tmpdir(), 'caregraph-combined-'));
    try {
      const card = { intendedUse: 'test', trainingData: 'toy', metrics: {}, limitations: [] };
      await saveCombinedModel(dir, trained, 'toy-combined', card);
      await saveSequenceTagger(dir, crf);
      // Act
      const extractor = await loadCombinedExtractor(dir);
      const text = 'Treatment with quintorex caused nephritis in rats.';
      const result = extractor.extract(text, { relations: false });
      // Assess
      expect(extractor.sequenceTagger).toBeDefined();
      expect(result.entities.map((e) => [e.text, e.type])).toEqual([
        ['quintorex', 'Chemical'],
        ['nephritis', 'Disease'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
