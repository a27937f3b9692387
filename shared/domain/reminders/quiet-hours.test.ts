import { describe, expect, it } from 'vitest';
import { deferForQuietHours, parseQuietHours } from './quiet-hours';

const day = 20_000 * 1440; // local midnight of some civil day, in civil minutes
const at = (hh: number, mm = 0) => day + hh * 60 + mm;

describe('Function: deferForQuietHours', () => {
  const overnight = { start: '22:00', end: '07:00' };

  it('moves a time after the window opens to the window end the next morning', () => {
    expect(deferForQuietHours(at(23, 30), overnight)).toBe(at(24 + 7));
  });

  it('moves a time after midnight to the window end the same morning', () => {
    expect(deferForQuietHours(at(2), overnight)).toBe(at(7));
  });

  it('treats the window as [start, end): 22:00 moves, 07:00 does not', () => {
    expect(deferForQuietHours(at(22), overnight)).toBe(at(24 + 7));
    expect(deferForQuietHours(at(7), overnight)).toBeUndefined();
  });

  it('handles a daytime window (13:00-15:00)', () => {
    const nap = { start: '13:00', end: '15:00' };
    expect(deferForQuietHours(at(14, 10), nap)).toBe(at(15));
    expect(deferForQuietHours(at(12, 59), nap)).toBeUndefined();
  });
});

describe('Function: parseQuietHours', () => {
  it('reads HH:MM-HH:MM', () => {
    expect(parseQuietHours('22:30-06:45')).toEqual({ start: '22:30', end: '06:45' });
  });

  it.each(['22:00', '22:00-25:00', '10:00-10:00', '1-2-3'])(
    'refuses %s, naming the flag',
    (value) => {
      expect(() => parseQuietHours(value, '--quiet-hours')).toThrow(
        expect.objectContaining({ path: '--quiet-hours' }),
      );
    },
  );
});
