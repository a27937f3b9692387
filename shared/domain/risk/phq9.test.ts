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

  it.each([
    [12.9, 15, false, /age under 13 years/],
    [13, 11, true, /11 or more screens positive for major depression/],
    [15, 10, true, /below 11, the screen for major depression is negative/],
    [17.9, 11, true, /screens positive/],
  ])(
    'at age %s a total of %s is applicable=%s (Richardson 2010, adolescents 13-17, cut point 11)',
    (age, total, applicable, reason) => {
      const result = scoreFromInputs('phq9', { total, age });
      expect(result.applicable).toBe(applicable);
      expect(result.reason).toMatch(reason);
      expect(result.category).toBe(phq9Severity(total));
    },
  );

  it('says nothing of adolescents from 18 years', () => {
    expect(scoreFromInputs('phq9', { total: 12, age: 18 })).not.toHaveProperty('reason');
    expect(scoreFromInputs('phq9', { total: 12, age: 18 }).applicable).toBe(true);
  });

  it('flags a positive item 9 whatever the total', () => {
    expect(scoreFromInputs('phq9', { total: 3, item9: 1 }).reason).toMatch(/self-harm/);
  });

  it('flags a positive item 9 when the total is missing, ahead of the missing inputs', () => {
    const result = scoreFromInputs('phq9', { item9: 2 });
    expect(result.value).toBeNull();
    expect(result.missing).toEqual(['total']);
    expect(result.reason).toBe('item 9 positive: assess risk of self-harm; missing inputs: total');
    expect(scoreFromInputs('phq9', { item9: 0 }).reason).toBe('missing inputs: total');
  });

  it('rejects a total that is not a whole number from 0 to 27, naming the field', () => {
    expect(() => scoreFromInputs('phq9', { total: 28 })).toThrow(
      /total must be a number from 0 to 27/,
    );
    expect(() => scoreFromInputs('phq9', { total: 4.5 })).toThrow(/total must be a whole number/);
  });
});
