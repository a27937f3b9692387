import { describe, expect, it } from 'vitest';
import { doseAdherence, missedDosePatterns, type DoseEvent } from './dose-acks';

const dose = (
  scheduledAt: string,
  outcome: DoseEvent['outcome'],
  medication = 'lisinopril',
): DoseEvent => ({
  medication,
  scheduledAt,
  outcome,
});

describe('Function: doseAdherence', () => {
  it('is doses taken over doses scheduled, per medication and window', () => {
    // Prepare
    const events = [
      dose('2026-03-02T08:00:00+01:00', 'taken'),
      dose('2026-03-03T08:00:00+01:00', 'missed'),
      dose('2026-03-04T08:00:00+01:00', 'taken'),
      dose('2026-03-05T08:00:00+01:00', 'skipped'),
      dose('2026-03-02T20:00:00+01:00', 'taken', 'metformin'),
    ];
    // Act
    const all = doseAdherence(events);
    const window = doseAdherence(events, {
      from: '2026-03-03T00:00:00+01:00',
      to: '2026-03-05T00:00:00+01:00',
    });
    // Assess
    expect(all).toEqual([
      { medication: 'lisinopril', scheduled: 4, taken: 2, rate: 0.5 },
      { medication: 'metformin', scheduled: 1, taken: 1, rate: 1 },
    ]);
    expect(window).toEqual([{ medication: 'lisinopril', scheduled: 2, taken: 1, rate: 0.5 }]);
  });

  it('rejects a scheduled time without an offset, naming the event', () => {
    expect(() => doseAdherence([dose('2026-03-02T08:00:00', 'taken')])).toThrow(
      expect.objectContaining({ path: 'events[0].scheduledAt' }),
    );
  });
});

describe('Function: missedDosePatterns', () => {
  it('finds the time of day and weekday with most missed doses, in local time', () => {
    // Prepare: two weeks of 08:00 and 21:00 doses (Mon 2026-03-02 .. Sun 03-15) at +05:30; every
    // evening dose on Fri/Sat is missed, and one Monday morning dose.
    const events: DoseEvent[] = [];
    for (let d = 2; d <= 15; d++) {
      const date = `2026-03-${String(d).padStart(2, '0')}`;
      const weekday = (d - 2) % 7; // 0 = Monday
      events.push(dose(`${date}T08:00:00+05:30`, d === 2 ? 'missed' : 'taken'));
      events.push(
        dose(`${date}T21:00:00+05:30`, weekday === 4 || weekday === 5 ? 'missed' : 'taken'),
      );
    }
    // Act
    const patterns = missedDosePatterns(events);
    // Assess: 21:00 local is evening even though it is 15:30 UTC.
    expect(patterns.byTimeOfDay.evening).toEqual({ scheduled: 14, missed: 4, rate: 4 / 14 });
    expect(patterns.byTimeOfDay.morning).toEqual({ scheduled: 14, missed: 1, rate: 1 / 14 });
    expect(patterns.byWeekday.Fri).toEqual({ scheduled: 4, missed: 2, rate: 0.5 });
    expect(patterns.worstTimeOfDay).toBe('evening');
    expect(['Fri', 'Sat']).toContain(patterns.worstWeekday);
    expect(patterns.byWeekday.Mon.missed).toBe(1);
  });

  it('names no worst slot when too few doses were scheduled there', () => {
    expect(
      missedDosePatterns([dose('2026-03-02T08:00:00Z', 'missed')]).worstTimeOfDay,
    ).toBeUndefined();
  });
});
