// Tests (deid): places found only through their context (place-cues.ts). Every place here is invented.
import { describe, expect, it } from 'vitest';
import { detectPhi } from './detect';

const places = (text: string) =>
  detectPhi(text)
    .filter((p) => p.category === 'LOCATION')
    .map((p) => p.text);

describe('Function: detectPhi (places from context)', () => {
  it('finds a ward named by a word from no dictionary, in any casing', () => {
    expect(places('FOUND UNRESPONSIVE ON DRAVNIKTON 6. CODE CALLED.')).toEqual(['DRAVNIKTON']);
    expect(places('Cardiac arrest called To velmirash 6 At 0455.')).toEqual(['velmirash']);
    expect(places('poss transfer to velmirash 2/3 when a bed opens.')).toEqual(['velmirash']);
  });

  it('leaves lower-case scientific words with a number in a mixed-case note', () => {
    expect(places('A substitution at codon 86. Breakpoints map to introns 12, 19 and 20.')).toEqual(
      [],
    );
  });

  it('leaves a drug and its rate after a dose change', () => {
    expect(places('Started on Nimbex 10. Weaned to Levophed 2. Remains on Precedex 0.4.')).toEqual(
      [],
    );
  });

  it('finds a hospital acronym after a transfer, in any casing', () => {
    expect(places('WOULD NEED TO LEAVE QH, HAVE SURGERY AND RETURN.')).toEqual(['QH']);
    expect(places('which led him to be transfered to qmh 7/22.')).toEqual(['qmh']);
    expect(places('Transferred from OSH with ICH.')).toEqual([]);
  });

  it('finds employers after a job title, "works for" or "his business"', () => {
    expect(places('SOCIAL: MARRIED. HUSBAND CEO OF ZENTRAFIN. SMOKER.')).toEqual(['ZENTRAFIN']);
    expect(places('anxious about his business Quorvex, otherwise calm')).toEqual(['Quorvex']);
    expect(places('RETIRED FROM TEACHING. WORKS FOR THE CITY.')).toEqual([]);
  });

  it('finds a place listed or located after a facility', () => {
    expect(places('SCREENED BY OAKDALE REHAB AND DRAVNIKTON. BED PENDING.')).toEqual([
      'OAKDALE',
      'DRAVNIKTON',
    ]);
    expect(places('Knows she is in Quorvex Hospital in Velmirash.')).toEqual([
      'Quorvex',
      'Velmirash',
    ]);
  });
});
