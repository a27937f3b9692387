import { describe, expect, it } from 'vitest';
import { auroc } from '../metrics';
import { fitTextBaseline, noteTerms, scoreTextBaseline } from './baseline';

const filler = ['follow up in clinic', 'vitals stable today', 'labs reviewed', 'no acute distress'];

function note(i: number, positive: boolean): { text: string; label: 0 | 1 } {
  const finding = positive ? 'heart failure with reduced ejection fraction' : 'seasonal allergies';
  return {
    text: `Patient ${i}. ${filler[i % 3]}. Assessment: ${finding}.`,
    label: positive ? 1 : 0,
  };
}

describe('Function: fitTextBaseline', () => {
  it('uses word unigrams and bigrams', () => {
    expect(noteTerms('Heart failure, NYHA II')).toEqual([
      'heart',
      'failure',
      'nyha',
      'ii',
      'heart failure',
      'failure nyha',
      'nyha ii',
    ]);
  });

  it('gives smoothed idf ln((1 + n) / (1 + df)) + 1, as scikit-learn does', () => {
    const model = fitTextBaseline(
      [
        { text: 'copd copd', label: 1 },
        { text: 'copd asthma', label: 0 },
        { text: 'asthma', label: 0 },
      ],
      { minDocumentFrequency: 1, epochs: 1 },
    );
    expect(model.idf[model.terms.indexOf('copd')]).toBeCloseTo(Math.log(4 / 3) + 1, 12);
    expect(model.idf[model.terms.indexOf('copd copd')]).toBeCloseTo(Math.log(4 / 2) + 1, 12);
  });

  it('separates held-out notes that name the condition from those that do not', () => {
    // Prepare: one positive in four, as a rare label would be
    const train = Array.from({ length: 80 }, (_, i) => note(i, i % 4 === 0));
    const test = Array.from({ length: 40 }, (_, i) => note(100 + i, i % 4 === 1));
    // Act
    const model = fitTextBaseline(train, { seed: 3 });
    const scores = scoreTextBaseline(
      model,
      test.map((t) => t.text),
    );
    // Assess
    expect(
      auroc(
        scores,
        test.map((t) => t.label),
      ),
    ).toBe(1);
    expect(model.coefficients[model.terms.indexOf('heart failure')]).toBeGreaterThan(0);
  });

  it('refuses training data with one class', () => {
    expect(() => fitTextBaseline([note(1, false), note(2, false)])).toThrow(/both classes/);
  });
});
