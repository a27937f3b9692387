import { describe, expect, it } from 'vitest';
import { phq9Severity } from './phq9';
import { scoreFromInputs } from './scores-from-fhir';

describe('Score: phq9', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
    [27, 'severe'],
  ])('bands a total of %s as %s (Kroenke 2001)', (total, band) => {
    expect(phq9Severity(total)).toBe(band);
    expect(scoreFromInputs('phq9', { total }).category).toBe(band);
  });

  it('flags a positive item 9 whatever the total', () => {
    expect(scoreFromInputs('phq9', { total: 3, item9: 1 }).reason).toMatch(/self-harm/);
  });

  it('rejects a total that is not a whole number from 0 to 27, naming the field', () => {
    expect(() => scoreFromInputs('phq9', { total: 28 })).toThrow(
      /total must be a number from 0 to 27/,
    );
    expect(() => scoreFromInputs('phq9', { total: 4.5 })).toThrow(/total must be a whole number/);
  });
});
