// Tests (deid): years standing alone, with the history-event rule and the look-alikes it must leave.
import { describe, expect, it } from 'vitest';
import { findYears } from './years';

const years = (text: string) => findYears(text).map((y) => y.text);

describe('Function: findYears', () => {
  it('leaves decades written in capitals ("HR 70\'S") and glued to the next word', () => {
    expect(years("HR 70'S AV PACED, MI '92")).toEqual(['92']);
    expect(years("HR 60'sSR, no ectopy.")).toEqual([]);
  });

  it('flags a four-digit year as a year alone, and reports a two-digit one as a date', () => {
    // Act
    const found = findYears("Hip replaced in 2003. CVA 74'.");
    // Assess: Safe Harbor may keep 2003; "74" beside an event is removed like a date
    expect(found.map((y) => [y.text, y.yearOnly ?? false])).toEqual([
      ['2003', true],
      ['74', false],
    ]);
  });

  it('finds two-digit years with an apostrophe on either side', () => {
    expect(years("PSH: appendectomy '79, TIA 02'.")).toEqual(['79', '02']);
  });

  it('leaves head-of-bed angles, minutes and clock times', () => {
    expect(years("Keep HOB 45' at all times. Sat up x 20' then tired.")).toEqual([]);
    expect(years('Back from CT ~ 1945, no events.')).toEqual([]);
  });

  it('leaves a lab value that looks like a year', () => {
    expect(years('Peak cpk 1980 this morning.')).toEqual([]);
  });

  it('finds a bare two-digit year beside an event of the history', () => {
    expect(years('PMH: IMI 98. DM2.')).toEqual(['98']);
    expect(years('Hx: 04 CABG x3, 07 stent to RCA.')).toEqual(['04', '07']);
    expect(years('Cholecystectomy in 85 at an outside hospital.')).toEqual(['85']);
  });

  it('leaves sizes, durations and counts next to the same events', () => {
    expect(years('Stent 18 mm to the LAD.')).toEqual([]);
    expect(years('Cath 12 hours ago, groin soft.')).toEqual([]);
    expect(years('MI ruled out, HR 72 and regular.')).toEqual([]);
  });
});
