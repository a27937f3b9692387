import { describe, expect, it } from 'vitest';
import { gad7Severity } from './gad7';
import { scoreFromInputs } from './scores-from-fhir';

describe('Score: gad7', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('bands a total of %s as %s (Spitzer 2006)', (total, band) => {
    expect(gad7Severity(total)).toBe(band);
    expect(scoreFromInputs('gad7', { total }).category).toBe(band);
  });

  it('is not validated in children', () => {
    expect(scoreFromInputs('gad7', { total: 8, age: 15 }).applicable).toBe(false);
  });
});
