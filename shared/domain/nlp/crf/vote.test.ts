import { describe, expect, it } from 'vitest';
import { postProcessDocument } from './document';
import type { ScoredSpan } from './tagger';
import { azoleItisCorpus } from './test-corpus';
import { majority, tagMember, tagVoted, trainVotedTagger, votedSpans } from './vote';

const span = (start: number, end: number, type: string, confidence = 0.9): ScoredSpan => ({
  start,
  end,
  type,
  confidence,
});

describe('Function: majority', () => {
  it('is a strict majority of the members', () => {
    expect([1, 2, 3, 4, 5].map(majority)).toEqual([1, 2, 2, 3, 3]);
  });
});

describe('Function: votedSpans', () => {
  it('keeps a span 3 of 5 members produce and drops one only 2 produce', () => {
    // Prepare: "0-5 Disease" in runs 1-3, "10-14 Chemical" in runs 4-5
    const a = span(0, 5, 'Disease', 0.6);
    const b = span(10, 14, 'Chemical');
    const runs = [[a], [{ ...a, confidence: 0.9 }], [a, span(20, 25, 'Disease')], [b], [b]];
    // Act
    const voted = votedSpans(runs);
    // Assess: mean confidence of the three that agree
    expect(voted).toEqual([span(0, 5, 'Disease', 0.7)]);
  });

  it('counts offsets and type together: the same offsets with another type is another span', () => {
    // Prepare: 0-5 is Disease in two runs, Chemical in two, nothing in the fifth
    const runs = [
      [span(0, 5, 'Disease')],
      [span(0, 5, 'Disease')],
      [span(0, 5, 'Chemical')],
      [span(0, 5, 'Chemical')],
      [],
    ];
    // Act / Assess
    expect(votedSpans(runs)).toEqual([]);
  });

  it('resolves overlapping kept spans by votes, then length, then start, in any run order', () => {
    // Prepare: with 2 votes enough, 0-5 (3 votes) beats 3-9 (2 votes); 20-30 and 25-32 tie on votes,
    // the longer 20-30 wins; 40-44 and 42-46 tie on votes and length, the earlier 40-44 wins.
    const runs = [
      [span(0, 5, 'Disease'), span(20, 30, 'Disease'), span(40, 44, 'Chemical')],
      [span(0, 5, 'Disease'), span(25, 32, 'Disease'), span(42, 46, 'Chemical')],
      [span(0, 5, 'Disease'), span(20, 30, 'Disease'), span(40, 44, 'Chemical')],
      [span(3, 9, 'Disease'), span(25, 32, 'Disease'), span(42, 46, 'Chemical')],
      [span(3, 9, 'Disease')],
    ];
    // Act
    const voted = votedSpans(runs, 2);
    // Assess
    const expected = [span(0, 5, 'Disease'), span(20, 30, 'Disease'), span(40, 44, 'Chemical')];
    expect(voted).toEqual(expected);
    expect(votedSpans([...runs].reverse(), 2)).toEqual(expected);
  });

  it('gives one member vote per span even when a run lists it twice', () => {
    const twice = [span(0, 5, 'Disease'), span(0, 5, 'Disease')];
    expect(votedSpans([twice, [], []])).toEqual([]);
  });

  it('refuses a vote threshold below 1', () => {
    expect(() => votedSpans([[]], 0)).toThrow(/minVotes/);
  });
});

describe('Functions: trainVotedTagger and tagVoted', () => {
  const docs = azoleItisCorpus();
  const text = 'Treatment with fluconazole caused gastritis in one patient.';
  const options = { types: ['Chemical', 'Disease'], epochs: 3, buckets: 2 ** 14 };

  it('with one member (K = 1), tags exactly as that member does after post-processing', () => {
    // Prepare
    const [member] = trainVotedTagger(docs, { ...options, seeds: [7] });
    // Act
    const voted = tagVoted([member!], text, []);
    // Assess
    expect(voted).toEqual(postProcessDocument(text, tagMember(member!, text, [])));
    expect(voted.map((s) => text.slice(s.start, s.end))).toEqual(['fluconazole', 'gastritis']);
  });

  it('trains one stacked member per seed, reporting each, and the seeds change the models', () => {
    // Prepare
    const reported: number[] = [];
    // Act
    const members = trainVotedTagger(docs, {
      ...options,
      seeds: [1, 2, 3],
      stacked: true,
      folds: 2,
      onMember: (_, seed) => reported.push(seed),
    });
    const spans = tagVoted(members, text, []);
    // Assess
    expect(reported).toEqual([1, 2, 3]);
    expect(members.every((m) => m.second !== undefined)).toBe(true);
    expect(members[1]!.model.weights).not.toEqual(members[0]!.model.weights);
    expect(spans.map((s) => [text.slice(s.start, s.end), s.type])).toEqual([
      ['fluconazole', 'Chemical'],
      ['gastritis', 'Disease'],
    ]);
  });

  it('refuses to train without seeds or to vote without members', () => {
    expect(() => trainVotedTagger(docs, { ...options, seeds: [] })).toThrow(/seed/);
    expect(() => tagVoted([], text, [])).toThrow(/no tagger/);
  });
});
