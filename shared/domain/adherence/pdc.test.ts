import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { pdcByMedication, proportionOfDaysCovered, trailingPeriod } from './pdc';

/** Measurement periods: the PQA measurement year of the worked example, and a first quarter. */
const year2018 = { start: '2018-01-01', end: '2018-12-31' };
const q1of2019 = { start: '2019-01-01', end: '2019-03-31' };

const fill = (date: string, daysSupply: number, medication = 'metformin') => ({
  medication,
  date,
  daysSupply,
});

describe('Function: proportionOfDaysCovered (PQA method)', () => {
  it('shifts an early refill forward, as in the PQA worked example', () => {
    // Prepare: PQA PDC test case (90-day fills on 2018-03-25, 07-05 and 09-25; the last is early,
    // so its first dose moves to 10-03). Period 2018-03-25 (index) to 2018-12-31 = 282 days;
    // covered 03-25..06-22 (90) + 07-05..10-02 (90) + 10-03..12-31 (90) = 270.
    const fills = [fill('2018-03-25', 90), fill('2018-07-05', 90), fill('2018-09-25', 90)];
    // Act
    const pdc = proportionOfDaysCovered(fills, year2018)!;
    // Assess
    expect(pdc).toMatchObject({
      coveredDays: 270,
      periodDays: 282,
      from: '2018-03-25',
      to: '2018-12-31',
      fills: 3,
      eligible: true,
      adherent: true,
    });
    expect(pdc.pdc).toBeCloseTo(270 / 282, 12);
  });

  it('does not count supply past the end of the period', () => {
    // Prepare: 30 days from Dec 15 cover only Dec 15-31 (17 days) of the period.
    const fills = [fill('2018-12-01', 10), fill('2018-12-15', 30)];
    // Act
    const pdc = proportionOfDaysCovered(fills, year2018)!;
    // Assess: Dec 1-10 (10) + Dec 15-31 (17) = 27 of 31 days.
    expect([pdc.coveredDays, pdc.periodDays]).toEqual([27, 31]);
    expect(pdc.adherent).toBe(true); // 0.87
  });

  it('falls below the 80 % threshold when refills come late', () => {
    // Prepare: Jan 1-30 and Feb 15 - Mar 16 are covered, 60 of the 90 days to Mar 31; the Apr 1 fill
    // falls after the period.
    const fills = [fill('2019-01-01', 30), fill('2019-02-15', 30), fill('2019-04-01', 30)];
    // Act
    const pdc = proportionOfDaysCovered(fills, q1of2019)!;
    // Assess
    expect([pdc.coveredDays, pdc.periodDays, pdc.fills]).toEqual([60, 90, 2]);
    expect(pdc.adherent).toBe(false);
  });

  it('treats a single fill as not PQA-eligible', () => {
    expect(proportionOfDaysCovered([fill('2019-01-01', 30)], q1of2019)!.eligible).toBe(false);
  });

  it('names the fill with a bad date or days supply', () => {
    expect(() => proportionOfDaysCovered([fill('2019-02-30', 30)], q1of2019)).toThrow(
      expect.objectContaining({ path: 'fills[0].date' }),
    );
    expect(() =>
      proportionOfDaysCovered([fill('2019-01-01', 30), fill('2019-02-01', 0)], q1of2019),
    ).toThrow(ValidationError);
  });
});

describe('Function: proportionOfDaysCovered, measurement period (PQA)', () => {
  it('starts at the first fill within the period: years of earlier fills do not hide a recent lapse', () => {
    // Prepare: 30-day fills every 30 days through 2025-11-10, none for the last 120 days.
    const fills = [];
    for (let d = Date.parse('2021-01-01'); d <= Date.parse('2025-11-10'); d += 30 * 86_400_000)
      fills.push(fill(new Date(d).toISOString().slice(0, 10), 30));
    // Act
    const pdc = proportionOfDaysCovered(fills, trailingPeriod('2026-03-10'))!;
    // Assess: period 2025-03-11..2026-03-10 (365 days); a fill falls on 2025-03-11 (the index
    // date); the last, on 2025-11-06, covers to 2025-12-05: 270 of 365 days (without a period start
    // the same fills gave 1,800 of 1,895 days, 95 %).
    expect(pdc).toMatchObject({
      from: '2025-03-11',
      to: '2026-03-10',
      periodDays: 365,
      coveredDays: 270,
    });
    expect(pdc.adherent).toBe(false);
  });

  it('carries supply from a fill before the period forward into it, shifting the first fill within it', () => {
    // Prepare: 90 days from 2018-12-01 run to 2019-02-28; the 2019-01-15 fill starts on 03-01.
    const fills = [fill('2018-12-01', 90), fill('2019-01-15', 30)];
    // Act
    const pdc = proportionOfDaysCovered(fills, q1of2019)!;
    // Assess: treatment period 2019-01-15..03-31 (76 days), all covered (01-15..02-28 by the
    // earlier fill, 03-01..03-30 by the shifted one, 03-31 not): 75 of 76.
    expect(pdc).toMatchObject({ from: '2019-01-15', periodDays: 76, coveredDays: 75, fills: 1 });
    expect(pdc.eligible).toBe(false); // one fill within the period
  });

  it('is undefined with no fill within the period, and names a bad period bound', () => {
    expect(proportionOfDaysCovered([fill('2018-06-01', 30)], q1of2019)).toBeUndefined();
    expect(() =>
      proportionOfDaysCovered([fill('2019-01-01', 30)], { start: '2019-04-01', end: '2019-03-31' }),
    ).toThrow(expect.objectContaining({ path: 'period.start' }));
  });
});

describe('Function: pdcByMedication', () => {
  it('computes each medication over its own period from its own first fill', () => {
    // Act
    const result = pdcByMedication(
      [fill('2019-01-01', 90, 'a'), fill('2019-03-02', 30, 'b'), fill('2019-03-20', 30, 'b')],
      q1of2019,
    );
    // Assess: a covers Jan 1 - Mar 31 (90/90); b covers Mar 2-31 (30/30) with the second fill shifted.
    expect(result.map((p) => [p.medication, p.coveredDays, p.periodDays])).toEqual([
      ['a', 90, 90],
      ['b', 30, 30],
    ]);
  });
});
