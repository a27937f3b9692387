import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../backend';
import { bioTags, parsePubtator, sentenceTokens, taggedSentences } from './corpus';
import { wordShape } from './features';
import { loadTagger, saveTagger } from './store';
import { decodeSpans, tagText, trainTagger } from './tagger';

// A made-up two-document corpus in PubTator layout (not from BC5CDR or NCBI).
const pubtator = [
  '1|t|Aspirin and hepatitis.',
  '1|a|We gave aspirin. Hepatitis followed in two rats.',
  '1\t0\t7\tAspirin\tChemical\tD1',
  '1\t12\t21\thepatitis\tDisease\tD2',
  '1\t31\t38\taspirin\tChemical\tD1',
  '1\t40\t49\tHepatitis\tDisease\tD2',
  '1\tCID\tD1\tD2',
  '',
  '2|t|Colon cancers.',
  '2|a|Most colon cancers arise early.',
  '2\t0\t13\tColon cancers\tDiseaseClass\tD3',
  '2\t20\t33\tcolon cancers\tDiseaseClass\tD3',
  '',
].join('\n');

describe('Module: NER corpus', () => {
  it('reads PubTator with offsets into title + space + abstract, NCBI classes as Disease', () => {
    const docs = parsePubtator(pubtator);
    expect(docs).toHaveLength(2);
    for (const d of docs)
      for (const s of d.spans) expect(d.text.slice(s.start, s.end)).toMatch(/\w/);
    expect(docs[0]!.text.slice(31, 38)).toBe('aspirin');
    expect(docs[1]!.spans.map((s) => s.type)).toEqual(['Disease', 'Disease']);
  });

  it('names the line of a malformed annotation', () => {
    expect(() => parsePubtator('1|t|T\n1|a|A\n1\tx\ty\tz\tChemical\n')).toThrow(/line 3/);
  });

  it('splits sentences and BIO-tags multi-token mentions', () => {
    const doc = parsePubtator(pubtator)[1]!;
    const sentences = sentenceTokens(doc.text);
    expect(sentences).toHaveLength(2);
    expect(bioTags(sentences[1]!, doc.spans)).toEqual([
      'O',
      'B-Disease',
      'I-Disease',
      'O',
      'O',
      'O',
    ]);
    expect(wordShape('IL-6')).toBe('XX-d');
  });

  it('opens a span at a stray I- tag and closes at a change of type', () => {
    const tokens = ['a', 'b', 'c', 'd'].map((text, i) => ({ text, start: 2 * i, end: 2 * i + 1 }));
    const spans = decodeSpans(
      tokens,
      ['I-Chemical', 'I-Chemical', 'I-Disease', 'O'],
      [0.9, 0.7, 0.6, 1],
    );
    expect(spans).toEqual([
      { start: 0, end: 3, type: 'Chemical', confidence: 0.8 },
      { start: 4, end: 5, type: 'Disease', confidence: 0.6 },
    ]);
  });
});

describe('Function: trainTagger', () => {
  it('learns a toy corpus, tags new text with UTF-16 offsets and survives save/load', async () => {
    // Prepare
    await selectBackend('wasm');
    const drugs = ['aspirin', 'warfarin', 'cisplatin', 'lithium'];
    const diseases = ['hepatitis', 'nephritis', 'neuropathy', 'anaemia'];
    const text = (i: number) =>
      `Treatment with ${drugs[i % 4]} caused ${diseases[(i * 3) % 4]} in rats.`;
    const docs = Array.from({ length: 24 }, (_, i) => {
      const t = text(i);
      const d = drugs[i % 4]!;
      const s = diseases[(i * 3) % 4]!;
      return {
        id: `${i}`,
        text: t,
        spans: [
          { start: t.indexOf(d), end: t.indexOf(d) + d.length, type: 'Chemical' },
          { start: t.indexOf(s), end: t.indexOf(s) + s.length, type: 'Disease' },
        ],
      };
    });
    // Act
    const tagger = await trainTagger(taggedSentences(docs), {
      epochs: 12,
      batchSize: 8,
      learningRate: 0.02,
      dims: { wordDim: 8, shapeDim: 2, affixDim: 4, lstmUnits: 8, dropout: 0 },
    });
    const input = '🙂 Treatment with lithium caused nephritis in rats.';
    const spans = tagText(tagger, input);
    // Assess: the emoji is two UTF-16 units, so offsets start at 2 + ...
    expect(tagger.history).toHaveLength(12);
    expect(tagger.history[11]!.loss).toBeLessThan(tagger.history[0]!.loss);
    expect(spans.map((s) => [input.slice(s.start, s.end), s.type])).toEqual([
      ['lithium', 'Chemical'],
      ['nephritis', 'Disease'],
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'caregraph-tagger-'));
    try {
      await saveTagger(dir, tagger, 'toy-tagger', {
        intendedUse: 'test',
        trainingData: 'toy',
        metrics: {},
        limitations: [],
      });
      expect(tagText(await loadTagger(dir), input)).toEqual(spans);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
