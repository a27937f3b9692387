import { describe, expect, it } from 'vitest';
import type { Dosage, MedicationDispense, MedicationRequest, Quantity } from '@medplum/fhirtypes';
import { refillReminders } from './refills';
import { isoWithOffset } from './local-time';
import { planReminders } from './plan';
import { ValidationError } from '../errors';

const tz = 'Europe/London';

function request(
  extra: Partial<MedicationRequest> = {},
  perDay = 1,
  tabletsPerDose = 1,
): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: 'mr1',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: 'Atorvastatin 20 MG Oral Tablet' },
    authoredOn: '2026-01-01',
    dosageInstruction: [
      {
        timing: { repeat: { frequency: perDay, period: 1, periodUnit: 'd' } },
        doseAndRate: [{ doseQuantity: { value: tabletsPerDose, unit: 'tablet' } }],
      },
    ],
    ...extra,
  };
}

function fill(handedOver: string, daysSupply?: number, quantity?: number): MedicationDispense {
  return {
    resourceType: 'MedicationDispense',
    status: 'completed',
    authorizingPrescription: [{ reference: 'MedicationRequest/mr1' }],
    whenHandedOver: handedOver,
    ...(daysSupply ? { daysSupply: { value: daysSupply, unit: 'days', code: 'd' } } : {}),
    ...(quantity ? { quantity: { value: quantity, unit: 'tablet' } } : {}),
  };
}

function due(
  r: MedicationRequest,
  fills: MedicationDispense[],
  from: string,
  to: string,
  lead?: number,
) {
  return refillReminders(r, fills, {
    tz,
    from: new Date(from),
    to: new Date(to),
    refillLeadDays: lead,
  }).map((x) => isoWithOffset(x.at, tz));
}

describe('Function: refillReminders', () => {
  it('is due 7 days before a 30-day fill runs out, then every 30 days assuming on-time refills', () => {
    // Prepare: handed over 1 January; supply covers 1-30 January and runs out on 31 January.
    const fills = [fill('2026-01-01T10:00:00Z', 30)];
    // Act
    const times = due(request(), fills, '2026-01-20T00:00:00Z', '2026-03-01T00:00:00Z');
    // Assess: 31 Jan - 7 = 24 Jan; next supply runs out 2 Mar, so due 23 Feb.
    expect(times).toEqual(['2026-01-24T10:00:00+00:00', '2026-02-23T10:00:00+00:00']);
  });

  it('uses the last fill, not the first', () => {
    const fills = [fill('2026-01-10T10:00:00Z', 30), fill('2025-12-01T10:00:00Z', 30)];
    expect(due(request(), fills, '2026-01-01T00:00:00Z', '2026-02-10T00:00:00Z')).toEqual([
      '2026-02-02T10:00:00+00:00',
    ]);
  });

  it('sends no reminder for a supply the patient refilled before the reminder was due', () => {
    // Refilled on 20 January, before the 24 January reminder of the 1 January fill. The refill's
    // 30 days start when the first fill runs out (31 January: carried forward as PDC does), so the
    // supply lasts until 2 March and the next reminder is on 23 February, not 12 February.
    const fills = [fill('2026-01-01T10:00:00Z', 30), fill('2026-01-20T10:00:00Z', 30)];
    expect(due(request(), fills, '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z')).toEqual([
      '2026-02-23T10:00:00+00:00',
    ]);
  });

  it('carries every early refill forward: three fills ten days apart last 90 days from the first', () => {
    const fills = ['01', '11', '21'].map((d) => fill(`2026-01-${d}T10:00:00Z`, 30));
    const r = refillReminders(request(), fills, {
      tz,
      from: new Date('2026-01-21T00:00:00Z'),
      to: new Date('2026-04-10T00:00:00Z'),
    });
    // Supply covers 1 January - 31 March; it runs out on 1 April (local, BST), reminder 25 March.
    expect(r.map((x) => [isoWithOffset(x.at, tz), isoWithOffset(x.runsOutAt, tz)])).toEqual([
      ['2026-03-25T10:00:00+00:00', '2026-04-01T00:00:00+01:00'],
    ]);
  });

  it('dates the reminder of a known early refill from its carried-forward run-out', () => {
    // 1 Jan + 20 Jan (early) last until 2 March; the next fill on 5 March came after the 23 Feb
    // reminder was due, so that reminder was needed (not the 12 Feb one of an unshifted supply).
    const fills = ['2026-01-01', '2026-01-20', '2026-03-05'].map((d) => fill(`${d}T10:00:00Z`, 30));
    expect(due(request(), fills, '2026-02-01T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([
      '2026-02-23T10:00:00+00:00',
    ]);
  });

  it.each([{ doNotPerform: true }, { intent: 'proposal' as const }, { intent: 'plan' as const }])(
    'sends no refill reminder for an order that does not ask for the drug to be given (%o)',
    (extra) => {
      const fills = [fill('2026-01-01T10:00:00Z', 30)];
      expect(due(request(extra), fills, '2026-01-20T00:00:00Z', '2026-03-01T00:00:00Z')).toEqual(
        [],
      );
    },
  );

  it('plans a past window from the fills of that time, not from later ones', () => {
    const fills = [fill('2026-01-01T10:00:00Z', 30), fill('2026-02-05T10:00:00Z', 30)];
    expect(due(request(), fills, '2026-01-20T00:00:00Z', '2026-01-31T00:00:00Z')).toEqual([
      '2026-01-24T10:00:00+00:00',
    ]);
  });

  it('derives the days of supply from quantity and doses a day when daysSupply is absent', () => {
    // 60 tablets at 1 tablet twice a day last 30 days; at 2 tablets twice a day, 15 days.
    const fills = [fill('2026-01-01T10:00:00Z', undefined, 60)];
    expect(due(request({}, 2, 1), fills, '2026-01-01T00:00:00Z', '2026-01-31T00:00:00Z')).toEqual([
      '2026-01-24T10:00:00+00:00',
    ]);
    expect(due(request({}, 2, 2), fills, '2026-01-01T00:00:00Z', '2026-01-15T00:00:00Z')).toEqual([
      '2026-01-09T10:00:00+00:00',
    ]);
  });

  it('honours a different lead time', () => {
    const fills = [fill('2026-01-01T10:00:00Z', 30)];
    expect(due(request(), fills, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 3)).toEqual([
      '2026-01-28T10:00:00+00:00',
    ]);
  });

  it('falls back to dispenseRequest.expectedSupplyDuration from the validity start when nothing was dispensed', () => {
    const r = request({
      dispenseRequest: {
        validityPeriod: { start: '2026-01-01' },
        quantity: { value: 90 },
        expectedSupplyDuration: { value: 90, unit: 'days', code: 'd' },
      },
    });
    // 1 Jan + 90 days = 1 April runs out; due 25 March.
    expect(due(r, [], '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([
      '2026-03-25T10:00:00+00:00',
    ]);
  });

  it('sends no refill reminder when the course ends before the supply runs out', () => {
    const r = request();
    r.dosageInstruction![0]!.timing!.repeat!.boundsPeriod = {
      start: '2026-01-01',
      end: '2026-01-20',
    };
    expect(
      due(r, [fill('2026-01-01T10:00:00Z', 30)], '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'),
    ).toEqual([]);
  });

  it('sends none for an as-needed-only order, whose rate of use is unknown', () => {
    const prn = request();
    prn.dosageInstruction![0]!.asNeededBoolean = true;
    expect(
      due(prn, [fill('2026-01-01T10:00:00Z', 30)], '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'),
    ).toEqual([]);
  });

  it('sends none for an infusion or an inpatient order, which the pharmacy supplies to a clinician', () => {
    const window = ['2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'] as const;
    const fills = [fill('2026-01-01T10:00:00Z', 21)];
    // As generator 1.9.0 writes trastuzumab: SNOMED CT 47625008 |Intravenous route|, every 3 weeks.
    const infusion = request({ medicationCodeableConcept: { text: 'trastuzumab' } });
    infusion.dosageInstruction![0]!.route = {
      coding: [{ system: 'http://snomed.info/sct', code: '47625008' }],
      text: 'intravenously',
    };
    expect(due(infusion, fills, ...window)).toEqual([]);
    const inpatient = request({
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
    expect(due(inpatient, fills, ...window)).toEqual([]);
    // The same order taken by mouth at home is reminded.
    expect(due(request(), fills, ...window).length).toBeGreaterThan(0);
  });

  it('sends none for an order that is no longer active', () => {
    expect(
      due(
        request({ status: 'completed' }),
        [fill('2026-01-01T10:00:00Z', 30)],
        '2026-01-01T00:00:00Z',
        '2026-03-01T00:00:00Z',
      ),
    ).toEqual([]);
  });
  it('stops assuming refills at a bound instead of looping without end (a one-day supply over 40 years)', () => {
    expect(() =>
      due(
        request(),
        [fill('2026-01-01T10:00:00Z', 1)],
        '2026-01-01T00:00:00Z',
        '2066-01-01T00:00:00Z',
      ),
    ).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^more than 10000 refills/) }),
    );
  });

  describe('a taper (FHIR R4 Dosage.sequence): the supply is used step by step', () => {
    // Prednisolone 60 mg daily x 5 days, then 40 mg x 5, then 20 mg x 5, from 1 March (London,
    // UTC+0 until 29 March): 60 mg on 1-5 March, 40 mg on 6-10, 20 mg on 11-15; the taper ends then.
    const step = (sequence: number, dose: Quantity, days = 5): Dosage => ({
      sequence,
      timing: {
        repeat: {
          frequency: 1,
          period: 1,
          periodUnit: 'd',
          timeOfDay: ['08:00:00'],
          ...(days ? { boundsDuration: { value: days, unit: 'd', code: 'd' } } : {}),
        },
      },
      doseAndRate: [{ doseQuantity: dose }],
    });
    const tablets = (value: number): Quantity => ({ value, unit: 'tablet', code: 'TAB' });
    const mg = (value: number): Quantity => ({ value, unit: 'mg', code: 'mg' });
    const taper = (doses: Dosage[], extra: Partial<MedicationRequest> = {}) =>
      request({
        medicationCodeableConcept: { text: 'Prednisolone 5 MG Oral Tablet' },
        authoredOn: '2026-03-01',
        dosageInstruction: doses,
        ...extra,
      });
    const tabletFill = (quantity: number): MedicationDispense => ({
      ...fill('2026-03-01T09:00:00Z'),
      quantity: tablets(quantity),
    });
    const march = ['2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z'] as const;
    const inTablets = [step(1, tablets(12)), step(2, tablets(8)), step(3, tablets(4))];

    it('sends no refill reminder when the supply lasts to the end of the taper (120 tablets: 60 + 40 + 20)', () => {
      // At step 1's rate (12 a day) 120 tablets would run out on 11 March, due 4 March: wrong.
      expect(due(taper(inTablets), [tabletFill(120)], ...march)).toEqual([]);
    });

    it('dates the run-out by the steps: 100 tablets cover steps 1 and 2 and run out on 11 March', () => {
      const r = refillReminders(taper(inTablets), [tabletFill(100)], {
        tz,
        from: new Date(march[0]),
        to: new Date(march[1]),
      });
      // 60 + 40 tablets cover 1-10 March; none is left for 11 March's dose; due 7 days before. The
      // refill assumed on 11 March lasts to the end of the taper: no further reminder.
      expect(r.map((x) => [isoWithOffset(x.at, tz), isoWithOffset(x.runsOutAt, tz)])).toEqual([
        ['2026-03-04T10:00:00+00:00', '2026-03-11T00:00:00+00:00'],
      ]);
    });

    it('converts mg doses to tablets by the Medication strength (5 mg / 1 tablet)', () => {
      const contained = {
        resourceType: 'Medication' as const,
        id: 'pred5',
        code: { text: 'Prednisolone 5 MG Oral Tablet' },
        ingredient: [
          {
            itemCodeableConcept: { text: 'prednisolone' },
            strength: { numerator: mg(5), denominator: tablets(1) },
          },
        ],
      };
      const { medicationCodeableConcept: _named, ...unnamed } = taper([
        step(1, mg(60)),
        step(2, mg(40)),
        step(3, mg(20)),
      ]);
      const byReference = {
        ...unnamed,
        contained: [contained],
        medicationReference: { reference: '#pred5' },
      };
      expect(due(byReference, [tabletFill(100)], ...march)).toEqual(['2026-03-04T10:00:00+00:00']);
      expect(due(byReference, [tabletFill(120)], ...march)).toEqual([]);
    });

    it("keeps using the supply at the last step's dose when that step has no end", () => {
      // 12 tablets a day for 5 days, then 1 a day from 6 March: 90 tablets leave 30 for 6 March -
      // 4 April; the supply runs out on 5 April, due 29 March (BST from 29 March).
      const maintenance = [step(1, tablets(12)), step(2, tablets(1), 0)];
      expect(due(taper(maintenance), [tabletFill(90)], ...march)).toEqual([
        '2026-03-29T10:00:00+01:00',
      ]);
    });

    it('reads one step (every dosage sequence 1, as generators write a single dosage) at its steady rate, as before', () => {
      // 100 tablets at 12 a day: round(8.3) = 8 days, running out on 9 March; due 2 March. Step by
      // step the 9th day's dose (4 left of 12) would not be covered either: the same day here.
      const single = taper([step(1, tablets(12), 0)]);
      expect(
        due(single, [tabletFill(100)], '2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z'),
      ).toEqual(['2026-03-02T10:00:00+00:00']);
      // A single step's dose in mg, with no strength, keeps counting one tablet a dose (no refusal).
      const inMg = taper([step(1, mg(60), 0)]);
      expect(due(inMg, [tabletFill(30)], '2026-03-20T00:00:00Z', '2026-03-26T00:00:00Z')).toEqual([
        '2026-03-24T10:00:00+00:00',
      ]);
    });

    const handedOver = (at: string, quantity: number): MedicationDispense => ({
      ...fill(at),
      quantity: tablets(quantity),
    });
    const runOuts = (fills: MedicationDispense[]) =>
      refillReminders(taper(inTablets), fills, {
        tz,
        from: new Date(march[0]),
        to: new Date(march[1]),
      }).map((x) => [isoWithOffset(x.at, tz), isoWithOffset(x.runsOutAt, tz)]);

    it("keeps an earlier fill's left-over tablets: 67 then 33 (early, on 3 March) run out on 11 March, as 100 in one fill", () => {
      // 67 tablets: 60 cover 1-5 March, 7 are left, short of 6 March's 8. The 33 handed over on
      // 3 March join those 7 from 6 March's dose: 40 cover 6-10 March; none is left for 11 March.
      const oneFill = runOuts([handedOver('2026-03-01T09:00:00Z', 100)]);
      expect(oneFill).toEqual([['2026-03-04T10:00:00+00:00', '2026-03-11T00:00:00+00:00']]);
      expect(
        runOuts([handedOver('2026-03-01T09:00:00Z', 67), handedOver('2026-03-03T09:00:00Z', 33)]),
      ).toEqual(oneFill);
      // Handed over on 6 March itself (the day the 67 ran short), the 33 still go on from that
      // day's dose, not from the start of the day again (its dose would be counted twice).
      expect(
        runOuts([handedOver('2026-03-01T09:00:00Z', 67), handedOver('2026-03-06T09:00:00Z', 33)]),
      ).toEqual(oneFill);
    });

    it('refuses, naming MedicationDispense.quantity, a last fill smaller than one dose (10 of the 12 tablets of step 1), and returns at once', () => {
      // Before: the supply "ran out" on the day it started, each assumed refill of 10 too, and
      // planning never ended.
      const started = Date.now();
      let thrown: unknown;
      try {
        runOuts([{ ...handedOver('2026-03-01T09:00:00Z', 10), id: 'short' }]);
      } catch (error) {
        thrown = error;
      }
      expect(Date.now() - started).toBeLessThan(2000);
      expect(thrown).toBeInstanceOf(ValidationError);
      expect(thrown).toMatchObject({
        path: 'dosageInstruction[0].doseAndRate[0].doseQuantity',
        message:
          'MedicationDispense.quantity (10 TAB, MedicationDispense/short) is smaller than one dose ' +
          '(12 TAB at dosageInstruction[0].doseAndRate[0].doseQuantity): a supply that covers no ' +
          'dose cannot be planned as lasting, so no refill reminder is planned',
      });
      // Likewise an order's dispenseRequest.quantity when nothing was dispensed.
      const requested = taper(inTablets, {
        dispenseRequest: { validityPeriod: { start: '2026-03-01' }, quantity: tablets(10) },
      });
      expect(() => due(requested, [], ...march)).toThrow(
        expect.objectContaining({
          path: 'dispenseRequest.quantity',
          message: expect.stringMatching(
            /^dispenseRequest\.quantity \(10 TAB\) is smaller than one dose \(12 TAB at /,
          ),
        }),
      );
    });

    it("adds a short fill's tablets to the next known fill instead of refusing it", () => {
      // 10 tablets on 1 March cover no dose; the 100 handed over on 2 March join them: 110 cover
      // 2-5 March (48), 6-10 March (40) and 11-15 March (20): no refill is needed.
      expect(
        runOuts([handedOver('2026-03-01T09:00:00Z', 10), handedOver('2026-03-02T09:00:00Z', 100)]),
      ).toEqual([]);
    });

    it('plans the dose reminders of an order whose last fill is smaller than one dose, reporting why it has no refill reminder', () => {
      const order = { ...taper(inTablets), id: 'pred' };
      const short = {
        ...handedOver('2026-03-01T09:00:00Z', 10),
        id: 'short',
        authorizingPrescription: [{ reference: 'MedicationRequest/pred' }],
      };
      const plan = planReminders(
        {
          resourceType: 'Bundle',
          type: 'collection',
          entry: [{ resource: order }, { resource: short }],
        },
        { tz, from: '2026-03-01', days: 3 },
      );
      expect(plan.reminders.map((r) => [r.kind, r.at])).toEqual([
        ['dose', '2026-03-01T08:00:00+00:00'],
        ['dose', '2026-03-02T08:00:00+00:00'],
        ['dose', '2026-03-03T08:00:00+00:00'],
      ]);
      expect(plan.skipped).toEqual([]);
      expect(plan.notScheduled).toEqual([
        {
          path: 'entry[0].resource.dosageInstruction[0].doseAndRate[0].doseQuantity',
          reason: expect.stringMatching(
            /^refill reminders not planned: MedicationDispense\.quantity \(10 TAB, MedicationDispense\/short\) is smaller than one dose/,
          ),
          resource: 'MedicationRequest/pred',
        },
      ]);
    });

    it('reminds once a day when each assumed refill covers only part of a day (12 tablets, 12 twice a day)', () => {
      // 12 tablets at 08:00 and 20:00 for 5 days, then 4 a day for 5 days. Each refill of 12
      // covers one dose of step 1: two refills run out on each of 2-5 March, reminded once a day.
      const twiceDaily: Dosage = {
        ...step(1, tablets(12)),
        timing: {
          repeat: {
            ...step(1, tablets(12)).timing!.repeat,
            frequency: 2,
            timeOfDay: ['08:00:00', '20:00:00'],
          },
        },
      };
      const r = refillReminders(
        taper([twiceDaily, step(2, tablets(4))]),
        [handedOver('2026-03-01T09:00:00Z', 12)],
        { tz, from: new Date('2026-02-20T00:00:00Z'), to: new Date(march[1]) },
      );
      const days = r.map((x) => isoWithOffset(x.runsOutAt, tz).slice(0, 10));
      expect(days).toEqual([...new Set(days)]);
      // 1-5 March (step 1), then 6 and 9 March (12 tablets last 3 days of step 2); the course
      // ends on 11 March.
      expect(days).toEqual([
        '2026-03-01',
        '2026-03-02',
        '2026-03-03',
        '2026-03-04',
        '2026-03-05',
        '2026-03-06',
        '2026-03-09',
      ]);
    });

    it('refuses, naming the dose, a taper whose differing mg doses no strength converts to tablets', () => {
      const inMg = taper([step(1, mg(60)), step(2, mg(40)), step(3, mg(20))]);
      expect(() => due(inMg, [tabletFill(100)], ...march)).toThrow(
        expect.objectContaining({ path: 'dosageInstruction[0].doseAndRate[0].doseQuantity' }),
      );
    });
  });
});
