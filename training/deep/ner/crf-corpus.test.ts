import { describe, expect, it } from 'vitest';
import { textClusters } from '../../../shared/domain/nlp/crf/brown';
import { postProcessDocument } from '../../../shared/domain/nlp/crf/document';
import { votedSpans } from '../../../shared/domain/nlp/crf/vote';
import { crfOutput, crfSpans, crfTag, trainCorpusCrf } from './crf-corpus';
import { toyCorpus } from './toy-corpus';

// A made-up corpus (not BC5CDR): invented drug names the curated vocabulary cannot know.
const corpus = toyCorpus(20);
const text = 'Treatment with trubonal caused hepatitis in mice. Trubonal was stopped.';
const options = { types: ['Chemical', 'Disease'], epochs: 3, buckets: 2 ** 14 } as const;

describe('Functions: trainCorpusCrf, crfTag and crfOutput', () => {
  it('with one seed (the default), tags as one tagger: raw spans, then post-processing', () => {
    // Act
    const crf = trainCorpusCrf(corpus, options);
    const tagged = crfTag(crf, text);
    // Assess
    expect(crf.members).toBeUndefined();
    expect(tagged.runs).toEqual([tagged.raw]);
    expect(crfOutput(text, tagged)).toEqual(postProcessDocument(text, tagged.raw));
    expect(crfSpans(crf, text).map((s) => text.slice(s.start, s.end))).toEqual([
      'trubonal',
      'hepatitis',
      'Trubonal',
    ]);
  });

  it('with five seeds and clusters, votes over the members post-processed spans, reporting each', () => {
    // Prepare
    const lines: string[] = [];
    const clusters = textClusters(
      corpus.map((d) => d.text),
      { clusters: 5, minCount: 1 },
    );
    // Act
    const crf = trainCorpusCrf(corpus, {
      ...options,
      stacked: true,
      clusters,
      seeds: [1, 2, 3, 4, 5],
      onProgress: (line) => lines.push(line),
    });
    const tagged = crfTag(crf, text);
    // Assess
    expect(crf.members).toHaveLength(5);
    expect(crf.model).toBe(crf.members![0]!.model);
    expect(crf.second?.clusters).toBe(clusters);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toMatch(/sequence tagger 5\/5 \(seed 5\) on 20 documents: \d+ s/);
    expect(tagged.runs).toHaveLength(5);
    const processed = tagged.runs.map((r) => postProcessDocument(text, r));
    expect(tagged.raw).toEqual(votedSpans(processed, 3));
    expect(crfOutput(text, tagged)).toEqual(tagged.raw);
    // the capitalised second mention is found by too few of these toy members to be kept
    const second = processed.filter((r) =>
      r.some((s) => text.slice(s.start, s.end) === 'Trubonal'),
    );
    expect(second.length).toBeLessThan(3);
    expect(tagged.raw.map((s) => [text.slice(s.start, s.end), s.type])).toEqual([
      ['trubonal', 'Chemical'],
      ['hepatitis', 'Disease'],
    ]);
  });
});
