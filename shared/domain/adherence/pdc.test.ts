import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { pdcByMedication, proportionOfDaysCovered } from './pdc';

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
    const pdc = proportionOfDaysCovered(fills, '2018-12-31')!;
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
    const pdc = proportionOfDaysCovered(fills, '2018-12-31')!;
    // Assess: Dec 1-10 (10) + Dec 15-31 (17) = 27 of 31 days.
    expect([pdc.coveredDays, pdc.periodDays]).toEqual([27, 31]);
    expect(pdc.adherent).toBe(true); // 0.87
  });

  it('falls below the 80 % threshold when refills come late', () => {
    // Prepare: Jan 1-30 and Feb 15 - Mar 16 are covered, 60 of the 90 days to Mar 31; the Apr 1 fill
    // falls after the period.
    const fills = [fill('2019-01-01', 30), fill('2019-02-15', 30), fill('2019-04-01', 30)];
    // Act
    const pdc = proportionOfDaysCovered(fills, '2019-03-31')!;
    // Assess
    expect([pdc.coveredDays, pdc.periodDays, pdc.fills]).toEqual([60, 90, 2]);
    expect(pdc.adherent).toBe(false);
  });

  it('treats a single fill as not PQA-eligible', () => {
    expect(proportionOfDaysCovered([fill('2019-01-01', 30)], '2019-03-31')!.eligible).toBe(false);
  });

  it('names the fill with a bad date or days supply', () => {
    expect(() => proportionOfDaysCovered([fill('2019-02-30', 30)], '2019-03-31')).toThrow(
      expect.objectContaining({ path: 'fills[0].date' }),
    );
    expect(() =>
      proportionOfDaysCovered([fill('2019-01-01', 30), fill('2019-02-01', 0)], '2019-03-31'),
    ).toThrow(ValidationError);
  });
});

describe('Function: pdcByMedication', () => {
  it('computes each medication over its own period from its own first fill', () => {
    // Act
    const result = pdcByMedication(
      [fill('2019-01-01', 90, 'a'), fill('2019-03-02', 30, 'b'), fill('2019-03-20', 30, 'b')],
      '2019-03-31',
    );
    // Assess: a covers Jan 1 - Mar 31 (90/90); b covers Mar 2-31 (30/30) with the second fill shifted.
    expect(result.map((p) => [p.medication, p.coveredDays, p.periodDays])).toEqual([
      ['a', 90, 90],
      ['b', 30, 30],
    ]);
  });
});
