// Tests (deid): the date shapes added to the pattern detectors: ranges, late days after setting words,
// months with two-digit years, days of the month alone, and the clinical look-alikes kept out.
import { describe, expect, it } from 'vitest';
import { findAges, findDates } from './patterns';

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

  it('finds a month with a two-digit year, with or without an apostrophe', () => {
    expect(dates("Knee replaced Feb '01 at another hospital.")).toEqual(["Feb '01"]);
    expect(dates('Angioplasty Oct 97, no stent.')).toEqual(['Oct 97']);
    expect(dates("Clinic visit in SEPT. '88 was normal.")).toEqual(["SEPT. '88"]);
  });

  it('leaves "dec" (decreased), "may" and "mar" before a number, and a month before a dose', () => {
    expect(dates('Urine output dec 45 cc over the hour.')).toEqual([]);
    expect(dates('She may 50 times a day ask for water.')).toEqual([]);
    expect(dates('Started Jan 40 mg daily by mistake.')).toEqual([]);
  });

  it('finds a day of the month after a time preposition, not an ordinal of a series', () => {
    expect(dates('Drain pulled on the 9th by surgery.')).toEqual(['9th']);
    expect(dates('Last seen since the 2nd, family aware.')).toEqual(['2nd']);
    expect(dates('Two chest tubes; the 1st was removed.')).toEqual([]);
    expect(dates('Moved up to the 4th floor.')).toEqual([]);
  });

  it('keeps a real date after a verb that is not a setting change', () => {
    expect(dates('Family meeting planned for extubation 11/4.')).toEqual(['11/4']);
    expect(dates('Echo approx 10/12 showed EF 30%.')).toEqual(['10/12']);
    expect(dates('Wrist fx 3/95, hip fx4/96.')).toEqual(['3/95', '4/96']);
  });
});

describe('Function: findDates (clinical look-alikes)', () => {
  it('leaves a pain score, a blood pressure and half a tablet', () => {
    expect(dates('Rates pain 6/10 after the dressing change.')).toEqual([]);
    expect(dates('BP 118/76, HR 80.')).toEqual([]);
    expect(dates('Give 1/2 tab of the sleeping pill.')).toEqual([]);
  });

  it('leaves fractions after quantity words and ranges of fractions', () => {
    expect(dates('Systolic pressure fell by 1/3 within minutes.')).toEqual([]);
    expect(dates('Fine crackles heard at the bases up 1/4-1/3 bilaterally.')).toEqual([]);
    expect(dates('Admitted 1/3-1/9 last winter.')).toContain('1/3-1/9');
  });

  it('leaves a wound size and a dimension in inches', () => {
    expect(dates('Skin tear 2"x3/4" on the forearm.')).toEqual([]);
    expect(dates('Bruise 1 x 1/2 in on the shin.')).toEqual([]);
  });

  it('leaves ventilator settings changed, trialled, or listed after other settings', () => {
    expect(dates('PS was increased to 12/5 during the night.')).toEqual([]);
    expect(dates('Weaning: trialed on 5/5 this morning, gas fine.')).toEqual([]);
    expect(dates('Will change to 8/5 before the trial.')).toEqual([]);
    expect(dates('VENT: SIMV 12, TV 450, 50% & 10/5 with good sats.')).toEqual([]);
    expect(dates('BiPAP 12/6/10 bpm overnight.')).toEqual([]);
  });

  it('still finds a late day after a ventilator word (only settings under 16 are guarded)', () => {
    expect(dates('Remained on the vent, trialed on 5/22 without success.')).toEqual(['5/22']);
  });
});

describe('Function: findAges', () => {
  it('finds an age over 89 after "age" but not after "page"', () => {
    expect(findAges('age 93, lives alone').map((a) => a.text)).toEqual(['93']);
    expect(findAges('see page 95 of the chart')).toEqual([]);
  });
});
