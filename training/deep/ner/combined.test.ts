import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../backend';
import { voteSpans } from '../../../shared/domain/nlp/lexicon/vote';
import { combinationFileName, loadCombinedExtractor, saveCombinedModel } from './combined';
import { tagWithHints, trainCorpusTagger } from './corpus-tagger';
import { combinationSystems, combinations, combineDocument } from './crf-combination';
import { crfOutput, crfTag, trainCorpusCrf } from './crf-corpus';
import { saveSequenceTagger } from './crf-store';
import { toyCorpus } from './toy-corpus';

// A made-up corpus (not BC5CDR): invented drug names the curated vocabulary cannot know.
const corpus = toyCorpus(30);

/** A BiLSTM of one epoch (too weak alone) and a sequence tagger, both trained on the toy corpus. */
async function weakTaggers() {
  await selectBackend('wasm');
  const trained = await trainCorpusTagger(corpus, {
    epochs: 1,
    batchSize: 8,
    dims: { wordDim: 4, shapeDim: 2, affixDim: 2, hintDim: 2, lstmUnits: 4, dropout: 0 },
  });
  const crf = trainCorpusCrf(corpus, { types: ['Chemical', 'Disease'], buckets: 2 ** 14 });
  return { trained, crf };
}

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
    const { trained, crf } = await weakTaggers();
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

  it('merges by the saved combination rule, and by the fixed rule when none is saved', async () => {
    // Prepare: a weak BiLSTM, a sequence tagger and a saved rule in which the dictionary fills the
    // sequence tagger's gaps (the toy-trained taggers do not know aspirin or diabetes).
    const { trained, crf } = await weakTaggers();
    const rule = combinations.find((c) => c.label === 'crf+dictionary/raw')!;
    const types = ['Chemical', 'Disease'];
    const dir = await mkdtemp(join(tmpdir(), 'caregraph-combined-'));
    const text =
      'Treatment with quintorex caused nephritis in rats. Aspirin was given for diabetes.';
    try {
      const card = { intendedUse: 'test', trainingData: 'toy', metrics: {}, limitations: [] };
      await saveCombinedModel(dir, trained, 'toy-combined', card, { rule, types, heldOutF1: 0.5 });
      await saveSequenceTagger(dir, crf);
      // Act
      const extractor = await loadCombinedExtractor(dir);
      const spans = extractor.taggerSpans(text);
      const result = extractor.extract(text, { relations: false });
      // Assess: the rule is read back, and the spans are combineDocument's of the three systems.
      expect(extractor.combination).toEqual({ rule, types, heldOutF1: 0.5 });
      const tagged = crfTag({ ...extractor.sequenceTagger!, engine: extractor.engine }, text);
      const [bilstm] = tagWithHints(extractor.tagger, extractor.engine, [text]);
      const expected = combineDocument(text, combinationSystems(types, tagged, bilstm!), rule);
      expect(spans).toEqual(expected);
      expect(spans.length).toBeGreaterThan(0);
      for (const s of spans)
        expect(result.entities).toContainEqual(
          expect.objectContaining({ start: s.start, end: s.end, type: s.type }),
        );

      // Prepare: the same directory as an older model wrote it, without a rule.
      await writeFile(
        join(dir, combinationFileName),
        JSON.stringify({ minConfidence: trained.minConfidence }),
      );
      // Act
      const old = await loadCombinedExtractor(dir);
      // Assess: the fixed rule (sequence tagger post-strict first, BiLSTM 0.9+ fills its gaps).
      expect(old.combination).toBeUndefined();
      const fixed = voteSpans(
        {
          primary: crfOutput(text, tagged, { dropUndefinedShortForms: true }),
          secondary: bilstm!,
          dictionary: [],
        },
        { rule: 'fill', from: ['secondary'], minConfidence: 0.9 },
      );
      expect(old.taggerSpans(text)).toEqual(fixed);
      // ... which, unlike the saved rule, leaves the dictionary-only mentions to extractClinical.
      const named = (list: readonly { start: number; end: number }[]) =>
        list.map((s) => text.slice(s.start, s.end));
      expect(named(spans)).toEqual(expect.arrayContaining(['Aspirin', 'diabetes']));
      expect(named(fixed)).not.toContain('Aspirin');

      // Prepare / Act / Assess: a malformed rule is named.
      const saved = JSON.parse(await readFile(join(dir, combinationFileName), 'utf8')) as object;
      await writeFile(
        join(dir, combinationFileName),
        JSON.stringify({ ...saved, rule: { label: 'x', vote: { rule: 'nope' }, post: {} }, types }),
      );
      await expect(loadCombinedExtractor(dir)).rejects.toThrow(/rule/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
