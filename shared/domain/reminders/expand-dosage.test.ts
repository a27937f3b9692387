import { describe, expect, it } from 'vitest';
import type { Dosage, MedicationRequest, TimingRepeat } from '@medplum/fhirtypes';
import { ValidationError } from '../errors';
import { expandDosage, type ExpandOptions } from './expand-dosage';
import { isoWithOffset } from './local-time';

function order(
  repeat: TimingRepeat,
  extra: Partial<MedicationRequest> = {},
  dosage: Partial<Dosage> = {},
): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: 'mr1',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: 'Metformin 500 MG Oral Tablet' },
    authoredOn: '2026-01-01',
    dosageInstruction: [
      {
        timing: { repeat },
        doseAndRate: [{ doseQuantity: { value: 500, unit: 'mg' } }],
        ...dosage,
      },
    ],
    ...extra,
  };
}

/** Local ISO times (with offset) of the reminders in [fromDay, fromDay + days) in `tz`. */
function planned(
  request: MedicationRequest,
  tz: string,
  from: string,
  to: string,
  more: Partial<ExpandOptions> = {},
) {
  const { occurrences } = expandDosage(request, {
    tz,
    from: new Date(from),
    to: new Date(to),
    ...more,
  });
  return occurrences.map((o) => isoWithOffset(o.at, tz));
}

const daily = (times: string[]): TimingRepeat => ({
  frequency: times.length,
  period: 1,
  periodUnit: 'd',
  timeOfDay: times,
});

describe('Function: expandDosage', () => {
  describe('daylight saving in America/New_York (2026: starts 8 March 02:00, ends 1 November 02:00)', () => {
    it('keeps an 08:00 dose at 08:00 local on both sides of the spring change', () => {
      // Act
      const times = planned(
        order(daily(['08:00:00'])),
        'America/New_York',
        '2026-03-07T05:00:00Z',
        '2026-03-10T04:00:00Z',
      );
      // Assess
      expect(times).toEqual([
        '2026-03-07T08:00:00-05:00',
        '2026-03-08T08:00:00-04:00',
        '2026-03-09T08:00:00-04:00',
      ]);
    });

    it('fires a 02:30 dose once at 03:00 EDT on the day 02:00-02:59 does not exist', () => {
      const times = planned(
        order(daily(['02:30:00'])),
        'America/New_York',
        '2026-03-07T05:00:00Z',
        '2026-03-10T04:00:00Z',
      );
      expect(times).toEqual([
        '2026-03-07T02:30:00-05:00',
        '2026-03-08T03:00:00-04:00',
        '2026-03-09T02:30:00-04:00',
      ]);
    });

    it('fires a 01:30 dose at 01:30 EST on the spring day, because 01:30 still exists in New York', () => {
      const times = planned(
        order(daily(['01:30:00'])),
        'America/New_York',
        '2026-03-08T05:00:00Z',
        '2026-03-09T04:00:00Z',
      );
      expect(times).toEqual(['2026-03-08T01:30:00-05:00']);
    });

    it('fires a 01:30 dose once, at the first 01:30 (EDT), on the autumn day 01:00-01:59 happens twice', () => {
      const times = planned(
        order(daily(['01:30:00'])),
        'America/New_York',
        '2026-11-01T04:00:00Z',
        '2026-11-02T05:00:00Z',
      );
      expect(times).toEqual(['2026-11-01T01:30:00-04:00']);
    });

    it('keeps q8h (frequency 1, period 8 h) on 00:00, 08:00 and 16:00 local wall-clock time across the change', () => {
      const q8h = { frequency: 1, period: 8, periodUnit: 'h' as const };
      const times = planned(
        order(q8h),
        'America/New_York',
        '2026-03-07T05:00:00Z',
        '2026-03-10T04:00:00Z',
      );
      expect(times).toEqual([
        '2026-03-07T00:00:00-05:00',
        '2026-03-07T08:00:00-05:00',
        '2026-03-07T16:00:00-05:00',
        '2026-03-08T00:00:00-05:00',
        '2026-03-08T08:00:00-04:00',
        '2026-03-08T16:00:00-04:00',
        '2026-03-09T00:00:00-04:00',
        '2026-03-09T08:00:00-04:00',
        '2026-03-09T16:00:00-04:00',
      ]);
    });
  });

  describe('daylight saving in Europe/London (2026: starts 29 March 01:00, ends 25 October 02:00)', () => {
    it('keeps an 08:00 dose at 08:00 local across the spring change', () => {
      const times = planned(
        order(daily(['08:00:00'])),
        'Europe/London',
        '2026-03-28T00:00:00Z',
        '2026-03-30T00:00:00Z',
      );
      expect(times).toEqual(['2026-03-28T08:00:00+00:00', '2026-03-29T08:00:00+01:00']);
    });

    it('fires a 01:30 dose once at 02:00 BST on the day 01:00-01:59 does not exist', () => {
      const times = planned(
        order(daily(['01:30:00'])),
        'Europe/London',
        '2026-03-29T00:00:00Z',
        '2026-03-30T00:00:00Z',
      );
      expect(times).toEqual(['2026-03-29T02:00:00+01:00']);
    });

    it('fires a 01:30 dose once, at the first 01:30 (BST), on the autumn day', () => {
      const times = planned(
        order(daily(['01:30:00'])),
        'Europe/London',
        '2026-10-24T23:00:00Z',
        '2026-10-26T00:00:00Z',
      );
      expect(times).toEqual(['2026-10-25T01:30:00+01:00']);
    });

    it('keeps a 20:00 dose at 20:00 local on the autumn day, 25 hours after the previous one', () => {
      const times = planned(
        order(daily(['20:00:00'])),
        'Europe/London',
        '2026-10-24T00:00:00Z',
        '2026-10-26T00:00:00Z',
      );
      expect(times).toEqual(['2026-10-24T20:00:00+01:00', '2026-10-25T20:00:00+00:00']);
    });
  });

  describe('frequencies and daily-living events', () => {
    const jan5 = ['2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z'] as const;

    it('gives BID without times the default 08:00 and 20:00', () => {
      expect(planned(order({ frequency: 2, period: 1, periodUnit: 'd' }), 'UTC', ...jan5)).toEqual([
        '2026-01-05T08:00:00+00:00',
        '2026-01-05T20:00:00+00:00',
      ]);
    });

    it('gives TID without times 08:00, 14:00 and 20:00', () => {
      expect(planned(order({ frequency: 3, period: 1, periodUnit: 'd' }), 'UTC', ...jan5)).toEqual([
        '2026-01-05T08:00:00+00:00',
        '2026-01-05T14:00:00+00:00',
        '2026-01-05T20:00:00+00:00',
      ]);
    });

    it('puts before-meal doses (ACM, ACD, ACV) 30 minutes before 08:00, 12:30 and 18:30 meals', () => {
      const withMeals = {
        frequency: 3,
        period: 1,
        periodUnit: 'd' as const,
        when: ['ACM', 'ACD', 'ACV'] as TimingRepeat['when'],
      };
      expect(planned(order(withMeals), 'UTC', ...jan5)).toEqual([
        '2026-01-05T07:30:00+00:00',
        '2026-01-05T12:00:00+00:00',
        '2026-01-05T18:00:00+00:00',
      ]);
    });

    it('honours an explicit offset: 15 minutes after dinner (PCV, offset 15) is 18:45', () => {
      const afterDinner = {
        frequency: 1,
        period: 1,
        periodUnit: 'd' as const,
        when: ['PCV'] as TimingRepeat['when'],
        offset: 15,
      };
      expect(planned(order(afterDinner), 'UTC', ...jan5)).toEqual(['2026-01-05T18:45:00+00:00']);
    });

    it('reads twice daily "with meals" (C) as breakfast and dinner', () => {
      const withMeals = {
        frequency: 2,
        period: 1,
        periodUnit: 'd' as const,
        when: ['C'] as TimingRepeat['when'],
      };
      expect(planned(order(withMeals), 'UTC', ...jan5)).toEqual([
        '2026-01-05T08:00:00+00:00',
        '2026-01-05T18:30:00+00:00',
      ]);
    });

    it('schedules only the named days of the week (Mon, Wed, Fri)', () => {
      const mwf = {
        ...daily(['09:00:00']),
        dayOfWeek: ['mon', 'wed', 'fri'] as TimingRepeat['dayOfWeek'],
      };
      // 2026-01-05 is a Monday.
      expect(planned(order(mwf), 'UTC', '2026-01-05T00:00:00Z', '2026-01-12T00:00:00Z')).toEqual([
        '2026-01-05T09:00:00+00:00',
        '2026-01-07T09:00:00+00:00',
        '2026-01-09T09:00:00+00:00',
      ]);
    });

    it('schedules every other day (period 2 d) from the course start', () => {
      const qod = {
        frequency: 1,
        period: 2,
        periodUnit: 'd' as const,
        boundsPeriod: { start: '2026-01-05' },
      };
      expect(planned(order(qod), 'UTC', '2026-01-05T00:00:00Z', '2026-01-10T00:00:00Z')).toEqual([
        '2026-01-05T08:00:00+00:00',
        '2026-01-07T08:00:00+00:00',
        '2026-01-09T08:00:00+00:00',
      ]);
    });
  });

  describe('bounded courses', () => {
    it('stops after the last day of boundsPeriod (a date end includes that day)', () => {
      const course = {
        ...daily(['08:00:00']),
        boundsPeriod: { start: '2026-01-05', end: '2026-01-07' },
      };
      expect(planned(order(course), 'UTC', '2026-01-01T00:00:00Z', '2026-01-31T00:00:00Z')).toEqual(
        ['2026-01-05T08:00:00+00:00', '2026-01-06T08:00:00+00:00', '2026-01-07T08:00:00+00:00'],
      );
    });

    it('stops after count doses counted from the course start, even when the window opens mid-course', () => {
      const fiveDoses = {
        frequency: 2,
        period: 1,
        periodUnit: 'd' as const,
        count: 5,
        boundsPeriod: { start: '2026-01-05' },
      };
      expect(
        planned(order(fiveDoses), 'UTC', '2026-01-06T00:00:00Z', '2026-01-31T00:00:00Z'),
      ).toEqual([
        '2026-01-06T08:00:00+00:00',
        '2026-01-06T20:00:00+00:00',
        '2026-01-07T08:00:00+00:00',
      ]);
    });

    it('ends a boundsDuration of 2 days two days after the start', () => {
      const twoDays = {
        ...daily(['08:00:00']),
        boundsPeriod: { start: '2026-01-05' },
        boundsDuration: { value: 2, code: 'd' },
      };
      expect(
        planned(order(twoDays), 'UTC', '2026-01-01T00:00:00Z', '2026-01-31T00:00:00Z'),
      ).toHaveLength(2);
    });

    it('skips a dose time earlier than a start that carries a time', () => {
      const course = {
        frequency: 2,
        period: 1,
        periodUnit: 'd' as const,
        boundsPeriod: { start: '2026-01-05T12:00:00Z' },
      };
      expect(planned(order(course), 'UTC', '2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z')).toEqual(
        ['2026-01-05T20:00:00+00:00'],
      );
    });
  });

  describe('what is not scheduled', () => {
    const window = {
      tz: 'UTC',
      from: new Date('2026-01-05T00:00:00Z'),
      to: new Date('2026-01-06T00:00:00Z'),
    };

    it('reports an as-needed dosage instead of scheduling it', () => {
      const prn = order(daily(['08:00:00']), {}, { asNeededBoolean: true });
      const result = expandDosage(prn, window);
      expect(result.occurrences).toEqual([]);
      expect(result.notScheduled).toEqual([
        { path: 'dosageInstruction[0]', reason: 'as needed (PRN): not scheduled' },
      ]);
    });

    it('reports an intravenous dosage (by SNOMED CT route code or by its text) instead of scheduling it', () => {
      const reason =
        'intravenous, given by a clinician (infusion clinic or nurse): not a patient reminder';
      const coded = order(
        daily(['08:00:00']),
        { medicationCodeableConcept: { text: 'trastuzumab' } },
        { route: { coding: [{ system: 'http://snomed.info/sct', code: '47625008' }] } },
      );
      expect(expandDosage(coded, window)).toEqual({
        occurrences: [],
        notScheduled: [{ path: 'dosageInstruction[0]', reason }],
      });
      for (const text of ['IV', 'i.v.', 'intravenously', ' Intravenous ']) {
        const worded = order(daily(['08:00:00']), {}, { route: { text } });
        expect(expandDosage(worded, window).notScheduled, text).toEqual([
          { path: 'dosageInstruction[0]', reason },
        ]);
      }
      // Subcutaneous (insulin, GLP-1 RA pens) and oral doses are the patient's own.
      for (const [code, text] of [
        ['34206005', 'subcutaneously'],
        ['26643006', 'by mouth'],
      ] as const) {
        const own = order(
          daily(['08:00:00']),
          {},
          { route: { coding: [{ system: 'http://snomed.info/sct', code }], text } },
        );
        expect(expandDosage(own, window).occurrences).toHaveLength(1);
      }
    });

    it('reports an inpatient order (given on the ward) instead of scheduling it', () => {
      const ward = order(daily(['08:00:00']), {
        category: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category',
                code: 'inpatient',
              },
            ],
          },
        ],
      });
      expect(expandDosage(ward, window)).toEqual({
        occurrences: [],
        notScheduled: [
          {
            path: 'dosageInstruction[0]',
            reason: 'inpatient order, given on the ward: not a patient reminder',
          },
        ],
      });
    });

    it.each(['on-hold', 'completed', 'stopped', 'draft'] as const)(
      'schedules nothing for a %s order',
      (status) => {
        const result = expandDosage(order(daily(['08:00:00']), { status }), window);
        expect(result.occurrences).toEqual([]);
        expect(result.notScheduled[0]?.path).toBe('status');
      },
    );

    it('names the element path of an unsupported periodUnit', () => {
      const monthly = order({ frequency: 1, period: 1, periodUnit: 'mo' });
      expect(() => expandDosage(monthly, window)).toThrow(ValidationError);
      expect(() => expandDosage(monthly, window)).toThrow(
        expect.objectContaining({ path: 'dosageInstruction[0].timing.repeat.periodUnit' }),
      );
    });

    it('names the element path of a malformed timeOfDay', () => {
      expect(() => expandDosage(order(daily(['8am'])), window)).toThrow(
        expect.objectContaining({ path: 'dosageInstruction[0].timing.repeat.timeOfDay[0]' }),
      );
    });

    it('refuses an unknown time zone, naming tz', () => {
      expect(() =>
        expandDosage(order(daily(['08:00:00'])), { ...window, tz: 'Mars/Olympus' }),
      ).toThrow(expect.objectContaining({ path: 'tz' }));
    });
  });

  describe('quiet hours 22:00-07:00', () => {
    const quietHours = { start: '22:00', end: '07:00' };
    const twoDays = ['2026-01-05T00:00:00Z', '2026-01-07T00:00:00Z'] as const;

    it('moves a 23:00 reminder to 07:00 the next morning and leaves 12:00 alone', () => {
      const result = expandDosage(order(daily(['12:00:00', '23:00:00'])), {
        tz: 'UTC',
        from: new Date(twoDays[0]),
        to: new Date(twoDays[1]),
        quietHours,
      });
      expect(result.occurrences.map((o) => [o.at.toISOString(), o.deferred])).toEqual([
        ['2026-01-05T07:00:00.000Z', true], // the 23:00 dose of 4 January, moved into the window
        ['2026-01-05T12:00:00.000Z', false],
        ['2026-01-06T07:00:00.000Z', true],
        ['2026-01-06T12:00:00.000Z', false],
      ]);
    });

    it('never moves a critical (stat) reminder', () => {
      const times = planned(order(daily(['23:00:00']), { priority: 'stat' }), 'UTC', ...twoDays, {
        quietHours,
      });
      expect(times).toEqual(['2026-01-05T23:00:00+00:00', '2026-01-06T23:00:00+00:00']);
    });

    it('never stacks an every-4-hours order at 07:00: the deferred doses are dropped as 08:00 is due', () => {
      const q4h = order({ frequency: 1, period: 4, periodUnit: 'h' });
      const result = expandDosage(q4h, {
        tz: 'UTC',
        from: new Date(twoDays[0]),
        to: new Date('2026-01-06T00:00:00Z'),
        quietHours,
      });
      // 00:00 and 04:00 fall in quiet hours; taken at 07:00 they would crowd the 08:00 dose.
      expect(result.occurrences.map((o) => o.at.toISOString().slice(11, 16))).toEqual([
        '08:00',
        '12:00',
        '16:00',
        '20:00',
      ]);
      expect(result.notScheduled).toEqual([
        { path: 'dosageInstruction[0].timing', reason: expect.stringMatching(/2 dose\(s\)/) },
      ]);
    });

    it('collapses several clock-time doses deferred to the same end into one reminder that says so', () => {
      const nightly = order(daily(['12:00:00', '23:00:00', '02:00:00']));
      const result = expandDosage(nightly, {
        tz: 'UTC',
        from: new Date(twoDays[0]),
        to: new Date('2026-01-06T00:00:00Z'),
        quietHours,
      });
      expect(result.occurrences.map((o) => [o.at.toISOString(), o.covers ?? 1])).toEqual([
        ['2026-01-05T07:00:00.000Z', 2], // 23:00 of 4 January and 02:00 of the 5th
        ['2026-01-05T12:00:00.000Z', 1],
      ]);
      expect(result.occurrences[0]!.scheduledAt.toISOString()).toBe('2026-01-04T23:00:00.000Z');
    });

    it('keeps a deferred once-a-day (q24h) dose: the next one is more than half an interval later', () => {
      const q24h = order({ frequency: 1, period: 24, periodUnit: 'h', timeOfDay: ['23:00:00'] });
      const times = planned(q24h, 'UTC', ...twoDays, { quietHours });
      expect(times).toEqual(['2026-01-05T07:00:00+00:00', '2026-01-06T07:00:00+00:00']);
    });
  });

  describe('course start (FHIR R4 Timing.repeat.count and boundsDuration)', () => {
    it('counts a course from the authoredOn instant: doses earlier that day neither exist nor count', () => {
      const tid = order(
        { frequency: 3, period: 1, periodUnit: 'd', count: 15 },
        { authoredOn: '2026-03-10T14:00:00Z' },
      );
      const times = planned(tid, 'UTC', '2026-03-10T00:00:00Z', '2026-03-20T00:00:00Z');
      expect(times).toHaveLength(15);
      expect(times[0]).toBe('2026-03-10T14:00:00+00:00');
      expect(times.some((t) => t.startsWith('2026-03-10T08:00'))).toBe(false);
    });

    it('refuses a bounded course with no start at all, naming the element, instead of restarting it at every plan', () => {
      const fiveDays = order(
        { ...daily(['08:00:00']), boundsDuration: { value: 5, code: 'd' } },
        { authoredOn: undefined },
      );
      expect(() =>
        expandDosage(fiveDays, {
          tz: 'UTC',
          from: new Date('2026-03-13T00:00:00Z'),
          to: new Date('2026-03-20T00:00:00Z'),
        }),
      ).toThrow(
        expect.objectContaining({ path: 'dosageInstruction[0].timing.repeat.boundsDuration' }),
      );
    });

    it('without authoredOn, starts the course at the earliest dispense, the same at every re-plan', () => {
      const fiveDays = order(
        { ...daily(['08:00:00']), boundsDuration: { value: 5, code: 'd' } },
        { authoredOn: undefined },
      );
      const plan = (from: string) =>
        expandDosage(fiveDays, {
          tz: 'UTC',
          from: new Date(from),
          to: new Date('2026-03-31T00:00:00Z'),
          courseStartHint: '2026-03-10',
        }).occurrences.map((o) => o.at.toISOString().slice(0, 10));
      expect(plan('2026-03-10T00:00:00Z').at(-1)).toBe('2026-03-14');
      expect(plan('2026-03-13T00:00:00Z').at(-1)).toBe('2026-03-14');
    });
  });

  describe('orders that do not ask for the drug to be given (FHIR R4 doNotPerform, intent)', () => {
    const window = {
      tz: 'UTC',
      from: new Date('2026-03-10T00:00:00Z'),
      to: new Date('2026-03-13T00:00:00Z'),
    };
    const warfarin = (extra: Partial<MedicationRequest>) =>
      order(daily(['18:00']), {
        medicationCodeableConcept: { text: 'warfarin sodium 5 MG Oral Tablet' },
        ...extra,
      });

    it('reminds nothing for a "do not perform" order, and says why', () => {
      const result = expandDosage(warfarin({ doNotPerform: true }), window);
      expect(result.occurrences).toEqual([]);
      expect(result.notScheduled).toEqual([
        {
          path: 'doNotPerform',
          reason: 'doNotPerform is true: the order asks for the medication NOT to be given',
        },
      ]);
    });

    it.each(['proposal', 'plan', 'option'] as const)(
      'reminds nothing for intent %s (no authorization to give the drug), and says why',
      (intent) => {
        const result = expandDosage(warfarin({ intent }), window);
        expect(result.occurrences).toEqual([]);
        expect(result.notScheduled).toHaveLength(1);
        expect(result.notScheduled[0]!.path).toBe('intent');
        expect(result.notScheduled[0]!.reason).toContain(`intent is ${intent}, not an order`);
      },
    );

    it.each(['order', 'original-order', 'reflex-order', 'filler-order', 'instance-order'] as const)(
      'reminds an order of intent %s, and one whose doNotPerform is false',
      (intent) => {
        const result = expandDosage(warfarin({ intent, doNotPerform: false }), window);
        expect(result.occurrences.map((o) => o.at.toISOString())).toEqual([
          '2026-03-10T18:00:00.000Z',
          '2026-03-11T18:00:00.000Z',
          '2026-03-12T18:00:00.000Z',
        ]);
        expect(result.notScheduled).toEqual([]);
      },
    );
  });

  describe('sequential dosages (FHIR R4 Dosage.sequence): a taper', () => {
    const fiveDays = { value: 5, unit: 'd', system: 'http://unitsofmeasure.org', code: 'd' };
    const step = (
      sequence: number | undefined,
      mg: number,
      repeat: Partial<TimingRepeat> = {},
    ) => ({
      ...(sequence !== undefined ? { sequence } : {}),
      timing: { repeat: { ...daily(['08:00']), boundsDuration: fiveDays, ...repeat } },
      doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg' } }],
    });
    const taper = (dosageInstruction: Dosage[]): MedicationRequest => ({
      ...order(daily(['08:00'])),
      medicationCodeableConcept: { text: 'prednisolone 5 mg tablet' },
      authoredOn: '2026-03-02',
      dosageInstruction,
    });
    const lines = (request: MedicationRequest, from: string, to: string) =>
      expandDosage(request, {
        tz: 'Europe/London',
        from: new Date(from),
        to: new Date(to),
      }).occurrences.map((o) => `${isoWithOffset(o.at, 'Europe/London').slice(0, 16)} ${o.dose}`);

    it('gives 40 mg on days 1-5 and 20 mg on days 6-10, never both on one morning', () => {
      expect(
        lines(taper([step(1, 40), step(2, 20)]), '2026-03-02T00:00:00Z', '2026-03-16T00:00:00Z'),
      ).toEqual([
        ...['02', '03', '04', '05', '06'].map((d) => `2026-03-${d}T08:00 40 mg`),
        ...['07', '08', '09', '10', '11'].map((d) => `2026-03-${d}T08:00 20 mg`),
      ]);
    });

    it('orders the steps by sequence, not by their place in the array, and keeps the later step when the window opens mid-course', () => {
      expect(
        lines(taper([step(2, 20), step(1, 40)]), '2026-03-06T00:00:00Z', '2026-03-09T00:00:00Z'),
      ).toEqual(['2026-03-06T08:00 40 mg', '2026-03-07T08:00 20 mg', '2026-03-08T08:00 20 mg']);
    });

    it('runs dosages of one sequence number together, and the next step after the later of their ends', () => {
      const morning = step(1, 40);
      const evening = step(1, 10, {
        timeOfDay: ['20:00'],
        boundsDuration: { value: 3, code: 'd' },
      });
      const result = lines(
        taper([morning, evening, step(2, 20, { boundsDuration: { value: 1, code: 'd' } })]),
        '2026-03-02T00:00:00Z',
        '2026-03-09T00:00:00Z',
      );
      expect(result.filter((l) => l.endsWith('10 mg'))).toHaveLength(3);
      expect(result.filter((l) => l.endsWith('40 mg'))).toHaveLength(5);
      expect(result.filter((l) => l.endsWith('20 mg'))).toEqual(['2026-03-07T08:00 20 mg']);
    });

    it('starts a step with its own boundsPeriod.start there, whatever the previous step', () => {
      const open = step(1, 40, { boundsDuration: undefined });
      const fixed = step(2, 20, { boundsPeriod: { start: '2026-03-20' } });
      expect(lines(taper([open, fixed]), '2026-03-21T00:00:00Z', '2026-03-22T00:00:00Z')).toEqual([
        '2026-03-21T08:00 40 mg',
        '2026-03-21T08:00 20 mg',
      ]);
    });

    it('refuses a step whose start cannot be worked out (the previous step states no end), naming its sequence', () => {
      const counted = step(1, 40, { boundsDuration: undefined, count: 5 });
      expect(() =>
        lines(taper([counted, step(2, 20)]), '2026-03-02T00:00:00Z', '2026-03-16T00:00:00Z'),
      ).toThrow(
        expect.objectContaining({
          name: 'ValidationError',
          path: 'dosageInstruction[1].sequence',
        }),
      );
    });

    it('refuses a dosage without sequence among sequenced ones, naming it', () => {
      expect(() =>
        lines(
          taper([step(1, 40), step(undefined, 20)]),
          '2026-03-02T00:00:00Z',
          '2026-03-16T00:00:00Z',
        ),
      ).toThrow(expect.objectContaining({ path: 'dosageInstruction[1].sequence' }));
    });
  });
});
