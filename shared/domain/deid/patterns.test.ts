// Tests (deid): the date shapes added to the pattern detectors: ranges, late days after setting words,
// and decades written with a capital S.
import { describe, expect, it } from 'vitest';
import { findAges, findDates, findYears } from './patterns';

const dates = (text: string) => findDates(text).map((d) => d.text);

describe('Function: findDates', () => {
  it('finds a range of two month/day dates as one date', () => {
    expect(dates('RADIATION TREATMENTS 10/03/10/04 AND DUE AGAIN')).toContain('10/03/10/04');
    expect(dates('Seen 9/16-9/20 by the team.')).toContain('9/16-9/20');
  });

  it('leaves ratios and their ranges ("crackles up 1/3-1/2")', () => {
    expect(dates('rales up 1/3-1/2 bilaterally')).toEqual([]);
    expect(dates('crackles up 1/3 on the right')).toEqual([]);
  });

  it('finds a day of 16 or more after a word that usually precedes settings', () => {
    expect(dates('PICC PLACED IN R AC 11/17, ART LINE IN R RADIAL')).toEqual(['11/17']);
    expect(dates('on AC 14/5 overnight')).toEqual([]);
  });

  it('leaves halves, thirds and quarters used as numbers', () => {
    expect(dates('OOB to chair for 1 1/2 hrs. IVF D5 1/2 at 75/hr. On for over 1/2 hour.')).toEqual(
      [],
    );
    expect(dates('2/4 blood cultures positive. Seen 1/2 by team.')).toEqual(['1/2']);
  });

  it('leaves pressure-support settings whose second number is 16 or more', () => {
    expect(dates('Pt on CPAP .4%, 5/18. No vent changes.')).toEqual([]);
  });
});

describe('Function: findYears', () => {
  it('leaves decades written in capitals ("HR 70\'S")', () => {
    expect(findYears("HR 70'S AV PACED, MI '92").map((y) => y.text)).toEqual(['92']);
  });
});

describe('Function: findAges', () => {
  it('finds an age over 89 after "age" but not after "page"', () => {
    expect(findAges('age 93, lives alone').map((a) => a.text)).toEqual(['93']);
    expect(findAges('see page 95 of the chart')).toEqual([]);
  });
});
