import { describe, expect, it } from 'vitest';
import { azoleItisCorpus } from './test-corpus';
import { wordFeatures, wordShape } from './features';
import { buildGazetteer } from './gazetteer';
import { allowedTransitions, bioLabels, viterbi } from './perceptron';
import { tagSequence, trainSequenceTagger } from './tagger';
import { normaliseWord } from '../text/tokens';

describe('Function: wordFeatures', () => {
  it('carries the shape, the chemical suffix and the Greek-letter flag', () => {
    expect(wordShape('Ca2+')).toBe('Xxd+');
    expect(wordFeatures('fluconazole')).toEqual(expect.arrayContaining(['x4=zole', 'p3=flu']));
    expect(wordFeatures('beta')).toContain('greek');
  });
});

describe('Function: viterbi', () => {
  it('never puts I-Disease after O, even when its emission score is highest', () => {
    // Prepare: labels O B-Disease I-Disease; token 2 prefers I-Disease, token 1 prefers O.
    const labels = bioLabels(['Disease']);
    const emissions = Float64Array.from([5, 0, 0, 0, 1, 3]);
    // Act
    const path = viterbi(emissions, new Float32Array(12), allowedTransitions(labels), 3);
    // Assess: O then I-Disease is invalid, so token 2 becomes B-Disease.
    expect(Array.from(path, (y) => labels[y])).toEqual(['O', 'B-Disease']);
  });
});

describe('Function: trainSequenceTagger', () => {
  it('tags an unseen -azole drug and an unseen -itis disease from suffixes and context', () => {
    // Prepare
    const model = trainSequenceTagger(azoleItisCorpus(), {
      types: ['Chemical', 'Disease'],
      epochs: 5,
      buckets: 2 ** 16,
    });
    const text = 'Treatment with fluconazole caused gastritis in one patient.';
    // Act
    const spans = tagSequence(model, text, []);
    // Assess
    expect(spans.map((s) => [text.slice(s.start, s.end), s.type])).toEqual([
      ['fluconazole', 'Chemical'],
      ['gastritis', 'Disease'],
    ]);
    for (const s of spans) expect(s.confidence).toBeGreaterThan(0.5);
  });

  it('tags an unseen word as a disease when the gazetteer lists it, and keeps the list in the model', () => {
    // Prepare: the same context holds listed diseases (annotated) and unlisted hobbies (not).
    const listed = ['gout', 'lupus', 'mumps', 'rickets', 'scurvy', 'measles'];
    const docs = [
      'gout',
      'lupus',
      'mumps',
      'rickets',
      'scurvy',
      'golf',
      'tennis',
      'rowing',
      'poker',
    ].map((word) => {
      const text = `We studied ${word} in the clinic.`;
      const span = { start: 11, end: 11 + word.length, type: 'Disease' };
      return { text, hints: [], spans: listed.includes(word) ? [span] : [] };
    });
    // Act
    const model = trainSequenceTagger(docs, {
      types: ['Disease'],
      epochs: 5,
      buckets: 2 ** 16,
      gazetteer: buildGazetteer(listed),
    });
    const surfaces = (text: string) =>
      tagSequence(model, text, []).map((s) => text.slice(s.start, s.end));
    // Assess
    expect(model.gazetteer).toBeDefined();
    expect(surfaces('We studied measles in the clinic.')).toEqual(['measles']);
    expect(surfaces('We studied chess in the clinic.')).toEqual([]);
  });

  it('tags an unseen word by its word cluster, and keeps the clusters in the model', () => {
    // Prepare: diseases and hobbies in the same context, told apart only by a hand-made cluster map.
    const diseases = ['gout', 'lupus', 'mumps', 'rickets', 'scurvy'];
    const hobbies = ['golf', 'tennis', 'rowing', 'poker'];
    const docs = [...diseases, ...hobbies].map((word) => {
      const text = `We studied ${word} in the clinic.`;
      const span = { start: 11, end: 11 + word.length, type: 'Disease' };
      return { text, hints: [], spans: diseases.includes(word) ? [span] : [] };
    });
    // Keys as the features look words up (normaliseWord: lower case, singular).
    const paths = new Map([
      ...[...diseases, 'measles'].map((w): [string, string] => [normaliseWord(w), '0110']),
      ...[...hobbies, 'chess'].map((w): [string, string] => [normaliseWord(w), '1001']),
    ]);
    const clusters = { paths, prefixes: [2, 4] };
    // Act
    const model = trainSequenceTagger(docs, {
      types: ['Disease'],
      epochs: 5,
      buckets: 2 ** 16,
      clusters,
    });
    const surfaces = (m: typeof model, text: string) =>
      tagSequence(m, text, []).map((s) => text.slice(s.start, s.end));
    // Assess: the model tags by the clusters it carries; swapping two words' clusters swaps the result
    expect(model.clusters).toBe(clusters);
    expect(surfaces(model, 'We studied measles in the clinic.')).toEqual(['measles']);
    expect(surfaces(model, 'We studied chess in the clinic.')).toEqual([]);
    const swapped = {
      ...clusters,
      paths: new Map([
        ...paths,
        [normaliseWord('measles'), '1001'],
        [normaliseWord('chess'), '0110'],
      ]),
    };
    const other = { ...model, clusters: swapped };
    expect(surfaces(other, 'We studied measles in the clinic.')).toEqual([]);
    expect(surfaces(other, 'We studied chess in the clinic.')).toEqual(['chess']);
  });

  it('refuses to train without entity types', () => {
    expect(() => trainSequenceTagger(azoleItisCorpus(), { types: [] })).toThrow(/types/);
  });
});
