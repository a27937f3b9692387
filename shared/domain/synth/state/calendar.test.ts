import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { addYears, dayFromIso, isoDate, localDateTime, wholeYears, type UsZone } from './calendar';

const ianaZone: Record<UsZone, string> = {
  eastern: 'America/New_York',
  central: 'America/Chicago',
  mountain: 'America/Denver',
  arizona: 'America/Phoenix',
  pacific: 'America/Los_Angeles',
  alaska: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
};

/** The offset the IANA database gives for an instant, as ±HH:MM. */
function ianaOffset(iso: string, zone: UsZone): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ianaZone[zone],
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(iso));
  const name = parts.find((p) => p.type === 'timeZoneName')!.value; // e.g. GMT-04:00
  return name === 'GMT' ? '+00:00' : name.slice(3);
}

describe('Function: localDateTime', () => {
  it('applies US daylight saving time at the 2025 transitions', () => {
    expect(localDateTime('eastern', dayFromIso('2025-03-09'), 90)).toBe(
      '2025-03-09T01:30:00-05:00',
    );
    expect(localDateTime('eastern', dayFromIso('2025-03-09'), 150)).toBe(
      '2025-03-09T03:30:00-04:00',
    );
    expect(localDateTime('eastern', dayFromIso('2025-11-02'), 30)).toBe(
      '2025-11-02T00:30:00-04:00',
    );
    expect(localDateTime('eastern', dayFromIso('2025-11-02'), 150)).toBe(
      '2025-11-02T02:30:00-05:00',
    );
    expect(localDateTime('arizona', dayFromIso('2025-07-01'), 600)).toBe(
      '2025-07-01T10:00:00-07:00',
    );
  });

  it('agrees with the IANA time-zone database on random instants in every zone', () => {
    const rng = new Rng(3);
    const zones = Object.keys(ianaZone) as UsZone[];
    for (let i = 0; i < 300; i++) {
      const zone = rng.pick(zones);
      const day = dayFromIso('2019-01-01') + rng.int(0, 7 * 365);
      const minute = rng.int(0, 1439);
      const iso = localDateTime(zone, day, minute);
      // Skip the ambiguous repeated hour, where both offsets name a real instant.
      if (iso.slice(11, 13) === '01' && isoDate(day).slice(5, 7) === '11') continue;
      expect(iso.slice(19)).toBe(ianaOffset(iso, zone));
    }
  });

  it('rolls minutes past midnight into the next day', () => {
    expect(localDateTime('pacific', dayFromIso('2024-12-31'), 1440 + 75)).toBe(
      '2025-01-01T01:15:00-08:00',
    );
  });
});

describe('Function: addYears / wholeYears', () => {
  it('round-trips ISO dates and counts completed years', () => {
    expect(isoDate(dayFromIso('2024-02-29'))).toBe('2024-02-29');
    expect(isoDate(addYears(dayFromIso('2024-02-29'), 1))).toBe('2025-02-28');
    expect(wholeYears(dayFromIso('2000-01-02'), dayFromIso('2026-01-01'))).toBe(25);
    expect(wholeYears(dayFromIso('2000-01-01'), dayFromIso('2026-01-01'))).toBe(26);
  });
});
