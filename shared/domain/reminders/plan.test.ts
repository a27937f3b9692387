import { describe, expect, it } from 'vitest';
import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import { planReminders } from './plan';

function bundle(...resources: BundleEntry['resource'][]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource, i) => ({
      fullUrl: `urn:uuid:00000000-0000-0000-0000-00000000000${i}`,
      resource,
    })),
  };
}

const metformin = {
  resourceType: 'MedicationRequest' as const,
  id: 'mr-metformin',
  status: 'active' as const,
  intent: 'order' as const,
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Metformin 500 MG' },
  authoredOn: '2026-01-01',
  dosageInstruction: [
    {
      timing: {
        repeat: {
          frequency: 2,
          period: 1,
          periodUnit: 'd' as const,
          when: ['CM', 'CV'] as ('CM' | 'CV')[],
        },
      },
      doseAndRate: [{ doseQuantity: { value: 500, unit: 'mg' } }],
    },
  ],
};

const salbutamol = {
  ...metformin,
  id: 'mr-salbutamol',
  medicationCodeableConcept: { text: 'Salbutamol inhaler' },
  dosageInstruction: [
    {
      asNeededBoolean: true,
      timing: { repeat: { frequency: 4, period: 1, periodUnit: 'd' as const } },
    },
  ],
};

const dispense = {
  resourceType: 'MedicationDispense' as const,
  status: 'completed' as const,
  authorizingPrescription: [{ reference: 'MedicationRequest/mr-metformin' }],
  whenHandedOver: '2025-12-10T11:00:00Z',
  daysSupply: { value: 30, unit: 'days', code: 'd' },
};

describe('Function: planReminders', () => {
  it('lists dose and refill reminders of a Bundle in time order with local offsets', () => {
    // Prepare: supply from 10 Dec runs out 9 Jan, so the refill is due 2 Jan at 10:00.
    const input = bundle(metformin, salbutamol, dispense);
    // Act
    const plan = planReminders(input, { tz: 'America/New_York', from: '2026-01-02', days: 2 });
    // Assess
    expect(plan.reminders).toEqual([
      {
        medication: 'Metformin 500 MG',
        at: '2026-01-02T08:00:00-05:00',
        dose: '500 mg',
        kind: 'dose',
      },
      { medication: 'Metformin 500 MG', at: '2026-01-02T10:00:00-05:00', kind: 'refill' },
      {
        medication: 'Metformin 500 MG',
        at: '2026-01-02T18:30:00-05:00',
        dose: '500 mg',
        kind: 'dose',
      },
      {
        medication: 'Metformin 500 MG',
        at: '2026-01-03T08:00:00-05:00',
        dose: '500 mg',
        kind: 'dose',
      },
      {
        medication: 'Metformin 500 MG',
        at: '2026-01-03T18:30:00-05:00',
        dose: '500 mg',
        kind: 'dose',
      },
    ]);
    expect(plan.notScheduled).toEqual([
      { path: 'entry[1].resource.dosageInstruction[0]', reason: 'as needed (PRN): not scheduled' },
    ]);
  });

  it('links dispenses that cite the request by its fullUrl', () => {
    const input = bundle(metformin, {
      ...dispense,
      authorizingPrescription: [{ reference: 'urn:uuid:00000000-0000-0000-0000-000000000000' }],
    });
    const plan = planReminders(input, { tz: 'UTC', from: '2026-01-02', days: 1 });
    expect(plan.reminders.filter((r) => r.kind === 'refill')).toHaveLength(1);
  });

  it('skips an order with an unsupported Timing, naming its Bundle entry and element, and plans the others', () => {
    const monthly = {
      ...metformin,
      id: 'mr-monthly',
      dosageInstruction: [
        { timing: { repeat: { frequency: 1, period: 1, periodUnit: 'mo' as const } } },
      ],
    };
    const plan = planReminders(bundle(salbutamol, monthly, metformin), {
      tz: 'UTC',
      from: '2026-01-02',
      days: 1,
    });
    expect(plan.skipped).toEqual([
      {
        resource: 'MedicationRequest/mr-monthly',
        path: 'entry[1].resource.dosageInstruction[0].timing.repeat.periodUnit',
        reason:
          'entry[1].resource.dosageInstruction[0].timing.repeat.periodUnit "mo" is not supported (use h, d or wk)',
      },
    ]);
    expect(plan.reminders.map((r) => [r.medication, r.at])).toEqual([
      ['Metformin 500 MG', '2026-01-02T08:00:00+00:00'],
      ['Metformin 500 MG', '2026-01-02T18:30:00+00:00'],
    ]);
  });

  it('reads a partial dispense date (FHIR "2026-02") as the first day of that month', () => {
    const input = bundle(metformin, { ...dispense, whenHandedOver: '2026-02' });
    const plan = planReminders(input, { tz: 'UTC', from: '2026-02-24', days: 1 });
    // 30 days from 1 February run out on 3 March; the reminder is due 7 days before, at 10:00.
    expect(plan.reminders.filter((r) => r.kind === 'refill').map((r) => r.at)).toEqual([
      '2026-02-24T10:00:00+00:00',
    ]);
    expect(plan.reminders.filter((r) => r.kind === 'dose')).toHaveLength(2);
  });

  it('leaves a dispense whose date cannot be read out of refills, under its own entry path, and keeps the doses', () => {
    const input = bundle(metformin, { ...dispense, id: 'd1', whenHandedOver: '2026-02-30' });
    const plan = planReminders(input, { tz: 'UTC', from: '2026-01-02', days: 1 });
    expect(plan.reminders.filter((r) => r.kind === 'dose')).toHaveLength(2);
    expect(plan.notScheduled).toEqual([
      expect.objectContaining({
        path: 'entry[1].resource.whenHandedOver',
        resource: 'MedicationDispense/d1',
      }),
    ]);
  });

  it('keeps dose reminders when the refill supply cannot be worked out', () => {
    const badSupply = {
      ...metformin,
      dispenseRequest: {
        validityPeriod: { start: '2026-01-0' },
        expectedSupplyDuration: { value: 30, code: 'd' },
      },
    };
    const plan = planReminders(bundle(badSupply), { tz: 'UTC', from: '2026-01-02', days: 1 });
    expect(plan.reminders.filter((r) => r.kind === 'dose')).toHaveLength(2);
    expect(plan.notScheduled).toEqual([
      expect.objectContaining({
        path: 'entry[0].resource.dispenseRequest.validityPeriod.start',
        reason: expect.stringMatching(/^refill reminders not planned/),
      }),
    ]);
  });

  it('plans neither doses nor refills of a "do not perform" order, and reports it under its entry', () => {
    const input = bundle({ ...metformin, doNotPerform: true }, dispense);
    const plan = planReminders(input, { tz: 'UTC', from: '2026-01-02', days: 40 });
    expect(plan.reminders).toEqual([]);
    expect(plan.notScheduled).toEqual([
      {
        path: 'entry[0].resource.doNotPerform',
        reason: 'doNotPerform is true: the order asks for the medication NOT to be given',
      },
    ]);
  });

  it('skips a taper whose step start cannot be worked out (no dose or refill), naming the entry and its sequence, and plans the other orders', () => {
    // The same rule as the deployed planner (plan-stored.ts): one order's taper costs only that order.
    const taper = {
      ...metformin,
      id: 'mr-taper',
      medicationCodeableConcept: { text: 'Prednisolone 5 MG' },
      dosageInstruction: [
        { ...metformin.dosageInstruction[0]!, sequence: 1 },
        { ...metformin.dosageInstruction[0]!, sequence: 2 },
      ],
    };
    const taperFill = {
      ...dispense,
      authorizingPrescription: [{ reference: 'MedicationRequest/mr-taper' }],
    };
    const plan = planReminders(bundle(taper, metformin, taperFill, dispense), {
      tz: 'UTC',
      from: '2026-01-02',
      days: 1,
    });
    expect(plan.skipped).toEqual([
      {
        resource: 'MedicationRequest/mr-taper',
        path: 'entry[0].resource.dosageInstruction[1].sequence',
        reason: expect.stringMatching(
          /^entry\[0\]\.resource\.dosageInstruction\[1\]\.sequence: this step starts when the previous one/,
        ),
      },
    ]);
    expect(plan.reminders.map((r) => [r.medication, r.kind])).toEqual([
      ['Metformin 500 MG', 'dose'],
      ['Metformin 500 MG', 'refill'],
      ['Metformin 500 MG', 'dose'],
    ]);
  });

  it("plans a taper's refill by its steps, from the Bundle Medication's strength and the first dispense as course start", () => {
    // 60, 40, 20 mg x 5 days each from the dispense on 1 March (no authoredOn); 100 tablets of 5 mg
    // cover 1-10 March, so they run out on 11 March and the refill is due on 4 March.
    const step = (sequence: number, value: number) => ({
      sequence,
      timing: {
        repeat: {
          frequency: 1,
          period: 1,
          periodUnit: 'd' as const,
          timeOfDay: ['08:00:00'],
          boundsDuration: { value: 5, unit: 'd', code: 'd' },
        },
      },
      doseAndRate: [{ doseQuantity: { value, unit: 'mg', code: 'mg' } }],
    });
    const { medicationCodeableConcept: _named, authoredOn: _authored, ...unnamed } = metformin;
    const taper = {
      ...unnamed,
      id: 'mr-taper',
      medicationReference: { reference: 'Medication/pred5' },
      dosageInstruction: [step(1, 60), step(2, 40), step(3, 20)],
    };
    const prednisolone = {
      resourceType: 'Medication' as const,
      id: 'pred5',
      code: { text: 'Prednisolone 5 MG Oral Tablet' },
      ingredient: [
        {
          itemCodeableConcept: { text: 'prednisolone' },
          strength: {
            numerator: { value: 5, unit: 'mg', code: 'mg' },
            denominator: { value: 1, unit: 'tablet', code: 'TAB' },
          },
        },
      ],
    };
    const fill = {
      resourceType: 'MedicationDispense' as const,
      status: 'completed' as const,
      authorizingPrescription: [{ reference: 'MedicationRequest/mr-taper' }],
      whenHandedOver: '2026-03-01T07:30:00Z', // before the first 08:00 dose
      quantity: { value: 100, unit: 'tablet', code: 'TAB' },
    };
    const plan = planReminders(bundle(taper, prednisolone, fill), {
      tz: 'UTC',
      from: '2026-03-04',
      days: 1,
    });
    expect(plan.skipped).toEqual([]);
    expect(plan.notScheduled).toEqual([]);
    expect(plan.reminders).toEqual([
      {
        medication: 'Prednisolone 5 MG Oral Tablet',
        at: '2026-03-04T08:00:00+00:00',
        dose: '60 mg',
        kind: 'dose',
      },
      {
        medication: 'Prednisolone 5 MG Oral Tablet',
        at: '2026-03-04T10:00:00+00:00',
        kind: 'refill',
      },
    ]);
  });

  it('names a drug given by a contained Medication (medicationReference "#id")', () => {
    const { medicationCodeableConcept: _named, ...unnamed } = metformin;
    const contained = {
      ...unnamed,
      contained: [
        { resourceType: 'Medication' as const, id: 'm1', code: { text: 'Metformin 850 MG' } },
      ],
      medicationReference: { reference: '#m1' },
    };
    const plan = planReminders(bundle(contained), { tz: 'UTC', from: '2026-01-02', days: 1 });
    expect(plan.reminders.map((r) => r.medication)).toEqual([
      'Metformin 850 MG',
      'Metformin 850 MG',
    ]);
  });

  it('refuses a start that is not a date', () => {
    expect(() =>
      planReminders(bundle(metformin), { tz: 'UTC', from: '2026-02-30', days: 1 }),
    ).toThrow(expect.objectContaining({ path: 'from' }));
  });
});
