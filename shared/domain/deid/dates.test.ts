// Tests (deid): dates move by whole days and keep their layout.
import { describe, expect, it } from 'vitest';
import { shiftDate } from './dates';

describe('Function: shiftDate', () => {
  it('moves numeric dates and keeps padding and separators', () => {
    expect(shiftDate('03/14/2024', -10)).toBe('03/04/2024');
    expect(shiftDate('3/1/2024', -1)).toBe('2/29/2024');
    expect(shiftDate('3/1/23', -1)).toBe('2/28/23');
    expect(shiftDate('7/23', -30)).toBe('6/23');
    expect(shiftDate('2024-01-05T09:30', -10)).toBe('2023-12-26T09:30');
    expect(shiftDate('01-10-2025', -15)).toBe('12-26-2024');
  });

  it('moves written dates and keeps the month style and case', () => {
    expect(shiftDate('March 3, 2024', -4)).toBe('February 28, 2024');
    expect(shiftDate('Mar 3, 2024', -4)).toBe('Feb 28, 2024');
    expect(shiftDate('3 MAR 2024', -4)).toBe('28 FEB 2024');
    expect(shiftDate('nov. 2016', -31)).toBe('oct. 2016');
    expect(shiftDate('the', -1)).toBeUndefined();
  });

  it('moves both ends of a range of month/day dates and keeps the separator', () => {
    expect(shiftDate('10/03/10/04', -3)).toBe('09/30/10/01');
    expect(shiftDate('9/16-9/20', 10)).toBe('9/26-9/30');
  });

  it('preserves the interval between two dates of a patient', () => {
    const day = (s: string) => Date.parse(s) / 86_400_000;
    const [a, b] = [shiftDate('2024-02-20', -200)!, shiftDate('2024-03-05', -200)!];
    expect(day(b) - day(a)).toBe(day('2024-03-05') - day('2024-02-20'));
  });
});
