import { describe, expect, it } from 'vitest';
import { tagStacked, trainStackedTagger } from './stacked';
import type { SequenceDocument } from './tagger';

const drugs = ['ketoconazole', 'itraconazole', 'miconazole', 'voriconazole', 'clotrimazole'];
const diseases = ['hepatitis', 'nephritis', 'arthritis', 'colitis', 'dermatitis'];

/** Hand-written sentences: "<drug> caused <disease> in two patients." */
function corpus(): SequenceDocument[] {
  return drugs.flatMap((drug) =>
    diseases.map((disease) => {
      const text = `Treatment with ${drug} caused ${disease} in two patients.`;
      const at = (s: string) => text.indexOf(s);
      return {
        text,
        hints: [],
        spans: [
          { start: at(drug), end: at(drug) + drug.length, type: 'Chemical' },
          { start: at(disease), end: at(disease) + disease.length, type: 'Disease' },
        ],
      };
    }),
  );
}

describe('Function: trainStackedTagger', () => {
  it('tags an unseen drug and disease through both stages', () => {
    // Prepare
    const model = trainStackedTagger(corpus(), {
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
    expect(() => trainStackedTagger(corpus(), { types: ['Disease'], folds: 1 })).toThrow(/folds/);
  });
});
