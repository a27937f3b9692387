// Tests for planning a patient's reminders from the stored record: orders that do not ask for the
// drug to be given (FHIR R4 doNotPerform, intent) and taper steps that cannot be placed are skipped
// with their reason, and the patient's other medicines are still planned.
import { describe, expect, it } from 'vitest';
import type { Dosage, MedicationRequest } from '@medplum/fhirtypes';
import { fixedClock } from '../../ports/clock';
import { InMemoryTable as MemoryTable } from '../monitoring/in-memory-table.fixture';
import { planStoredReminders } from './plan-stored';
import { replanActivePatients } from './replan-active';

const daily: Dosage = {
  timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00'] } },
};
const order = (id: string, extra: Partial<MedicationRequest> = {}): MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'warfarin sodium 5 MG Oral Tablet' },
  authoredOn: '2026-01-01',
  dosageInstruction: [daily],
  ...extra,
});

async function store(table: MemoryTable, ...requests: MedicationRequest[]) {
  await table.put({ pk: 'P#h#p1', sk: 'PATIENT', resource: { resourceType: 'Patient', id: 'p1' } });
  for (const r of requests)
    await table.put({ pk: 'P#h#p1', sk: `MedicationRequest#${r.id}`, resource: r });
}

const input = { hospital: 'h', patientId: 'p1', defaultTimeZone: 'UTC' };
const clock = fixedClock('2026-03-10T06:00:00Z');

describe('Use case: planStoredReminders', () => {
  it('withdraws the reminders of an order changed to "do not perform", says why, and stops re-planning the patient', async () => {
    const table = new MemoryTable();
    await store(table, order('mr1'));
    const first = await planStoredReminders({ serving: table, clock }, input);
    expect(first.written).toBe(7);
    // The same order, now "do not give warfarin"
    await store(table, order('mr1', { doNotPerform: true }));
    const result = await planStoredReminders({ serving: table, clock }, input);
    expect(result.written).toBe(0);
    expect(result.withdrawn).toBe(7);
    expect(result.skipped).toEqual([
      {
        request: 'MedicationRequest/mr1',
        reason: 'doNotPerform is true: the order asks for the medication NOT to be given',
      },
    ]);
    const replan = await replanActivePatients(
      { serving: table, clock },
      { defaultTimeZone: 'UTC' },
    );
    expect(replan).toMatchObject({ patients: 0, inactive: 1 });
  });

  it('skips a proposal with its reason and plans the real order', async () => {
    const table = new MemoryTable();
    await store(table, order('mr1'), order('mr2', { intent: 'proposal' }));
    const result = await planStoredReminders({ serving: table, clock }, input);
    expect(result.written).toBe(7);
    expect(result.skipped).toEqual([
      { request: 'MedicationRequest/mr2', reason: expect.stringMatching(/^intent is proposal/) },
    ]);
  });

  it('skips a taper whose next step cannot be placed, naming the step, and plans the other order', async () => {
    const table = new MemoryTable();
    const counted: Dosage = {
      sequence: 1,
      timing: { repeat: { ...daily.timing!.repeat!, count: 5 } },
    };
    const next: Dosage = { ...daily, sequence: 2 };
    await store(
      table,
      order('mr1'),
      order('taper', {
        medicationCodeableConcept: { text: 'prednisolone 5 mg' },
        authoredOn: '2026-03-09',
        dosageInstruction: [counted, next],
      }),
    );
    const result = await planStoredReminders({ serving: table, clock }, input);
    expect(result.written).toBe(7);
    expect(result.skipped).toEqual([
      {
        request: 'MedicationRequest/taper',
        reason: expect.stringContaining('entry[0].resource.dosageInstruction[1].sequence'),
      },
    ]);
  });
});
