import { describe, expect, it } from 'vitest';
import { azoleItisCorpus } from './test-corpus';
import { tagStacked, trainStackedTagger } from './stacked';

describe('Function: trainStackedTagger', () => {
  it('tags an unseen drug and disease through both stages', () => {
    // Prepare
    const model = trainStackedTagger(azoleItisCorpus(), {
      types: ['Chemical', 'Disease'],
      epochs: 5,
      buckets: 2 ** 16,
      folds: 2,
    });
    const text = 'Treatment with fluconazole caused gastritis in one patient.';
    // Act
    const spans = tagStacked(model, text, []);
    // Assess
    expect(spans.map((s) => [text.slice(s.start, s.end), s.type])).toEqual([
      ['fluconazole', 'Chemical'],
      ['gastritis', 'Disease'],
    ]);
  });

  it('refuses fewer than two jackknife folds, naming the field', () => {
    expect(() => trainStackedTagger(azoleItisCorpus(), { types: ['Disease'], folds: 1 })).toThrow(
      /folds/,
    );
  });
});
