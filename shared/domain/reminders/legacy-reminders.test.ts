// Tests for reminders stored before re-plans could withdraw them (no PENDING# plan entry, no order
// id, the patient not in the re-plan registry): once their order is stopped, the re-plan on the
// patient's update and the daily re-plan withdraw them, snoozes included, and leave the reminders of
// the orders still active alone.
import { describe, expect, it } from 'vitest';
import type { Bundle, MedicationRequest } from '@medplum/fhirtypes';
import { fixedClock } from '../../ports/clock';
import type { Item } from '../../ports/table';
import {
  InMemoryTable as MemoryTable,
  RecordingNotifier,
} from '../monitoring/in-memory-table.fixture';
import { deliverDue } from './deliver-due';
import {
  dueKeys,
  occurrenceIdOf,
  reminderKeys,
  withoutDueKeys,
  type ReminderTask,
} from './delivery-keys';
import { planReminders } from './plan';
import { planStoredReminders, registerForReplan } from './plan-stored';
import { replanActivePatients } from './replan-active';
import { reminderChannels } from './reminder-messages';
import { reminderTasks } from './schedule-reminders';
import { warfarin } from './warfarin-plan.fixture';

const lisinopril = (status: MedicationRequest['status']): MedicationRequest => ({
  ...warfarin(status, '20:00:00'),
  id: 'mr2',
  medicationCodeableConcept: { text: 'Lisinopril 10 MG' },
});

const input = { hospital: 'h', patientId: 'p1', defaultTimeZone: 'UTC' };

async function store(table: MemoryTable, requests: MedicationRequest[], updatedAt?: string) {
  await table.put({ pk: 'P#h#p1', sk: 'PATIENT', resource: { resourceType: 'Patient', id: 'p1' } });
  for (const r of requests)
    await table.put({
      pk: 'P#h#p1',
      sk: `MedicationRequest#${r.id}`,
      resource: r,
      ...(updatedAt ? { updatedAt } : {}),
    });
}

/** A plan of 10-16 March stored as it was before re-plans withdrew anything: the tasks alone. */
async function storeLegacyPlan(table: MemoryTable, requests: MedicationRequest[]) {
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: requests.map((resource) => ({ resource })),
  };
  const plan = planReminders(bundle, { tz: 'UTC', from: '2026-03-10', days: 7 });
  const tasks = reminderTasks({ hospital: 'h', patient: 'p1', tz: 'UTC', doses: plan.doses });
  for (const { orderId: _orderId, ...legacy } of tasks) await table.put(legacy);
  return tasks;
}

/** A snooze as it was stored before snoozes had plan entries: the task alone, due `until`. */
async function storeLegacySnooze(table: MemoryTable, original: ReminderTask, until: string) {
  const occurrenceId = occurrenceIdOf('h', original.occurrenceId, 'snooze');
  const { orderId: _orderId, ...rest } = withoutDueKeys(original);
  const snoozed = {
    ...rest,
    pk: reminderKeys.occurrence('h', occurrenceId),
    occurrenceId,
    dueAt: until,
    localDueAt: until.replace('.000Z', '+00:00'),
  };
  await table.put({ ...snoozed, ...dueKeys(snoozed, new Date(until)) } as Item);
}

/** The medications and times of the patient reminders the tick sends at each instant. */
async function sendsOn(table: MemoryTable, instants: string[]): Promise<string[]> {
  const notifier = new RecordingNotifier();
  for (const t of instants) await deliverDue({ serving: table, notifier }, new Date(t));
  return notifier
    .on(reminderChannels.patient)
    .map(
      (n) =>
        `${n.message.match(/(Warfarin|Lisinopril)/)![1]} ${n.message.match(/due (\S+)\./)![1]}`,
    );
}

describe('Use case: reminders stored before re-plans withdrew them', () => {
  it("are withdrawn with their stopped order by the re-plan on the patient's update, snoozes too", async () => {
    // Prepare: the old planner stored 10-16 March; on the 11th the 08:00 warfarin was sent and
    // snoozed to 09:05 (the old way: no plan entry)
    const table = new MemoryTable();
    await store(table, [warfarin('active'), lisinopril('active')]);
    const legacy = await storeLegacyPlan(table, [warfarin('active'), lisinopril('active')]);
    expect(await sendsOn(table, ['2026-03-11T08:00:00Z'])).toEqual([
      'Warfarin 2026-03-11T08:00:00+00:00',
    ]);
    const sent = legacy.find((t) => t.dueAt === '2026-03-11T08:00:00.000Z')!;
    await storeLegacySnooze(table, sent, '2026-03-11T09:05:00.000Z');
    // Act: warfarin is stopped
    await store(table, [warfarin('stopped'), lisinopril('active')]);
    const result = await planStoredReminders(
      { serving: table, clock: fixedClock('2026-03-11T08:10:00Z') },
      input,
    );
    // Assess: the snooze and 12-16 March warfarin are withdrawn; lisinopril goes on
    expect(result.withdrawn).toBe(6);
    const instants = ['2026-03-11T09:05:00Z', '2026-03-11T20:00:00Z', '2026-03-12T08:00:00Z'];
    expect(await sendsOn(table, [...instants, '2026-03-16T08:00:00Z'])).toEqual([
      'Lisinopril 2026-03-11T20:00:00+00:00',
    ]);
  });

  it('are withdrawn by the daily re-plan of a registered patient whose order was stopped', async () => {
    const table = new MemoryTable();
    await storeLegacyPlan(table, [warfarin('active'), lisinopril('active')]);
    await store(table, [warfarin('stopped'), lisinopril('active')]);
    await registerForReplan(table, 'h', 'p1', true, new Date('2026-03-10T06:00:00Z'));
    // Act
    const report = await replanActivePatients(
      { serving: table, clock: fixedClock('2026-03-11T02:15:00Z') },
      { defaultTimeZone: 'UTC' },
    );
    // Assess
    expect(report).toMatchObject({ patients: 1, withdrawn: 6, failed: 0 });
    const days = ['11', '12', '16'].flatMap((d) => [
      `2026-03-${d}T08:00:00Z`,
      `2026-03-${d}T20:00:00Z`,
    ]);
    expect(await sendsOn(table, days)).toEqual(
      ['11', '12', '16'].map((d) => `Lisinopril 2026-03-${d}T20:00:00+00:00`),
    );
  });

  it('probes only orders stored within the last 9 days (an older change left no such reminder)', async () => {
    const table = new MemoryTable();
    await store(table, [warfarin('stopped'), lisinopril('active')], '2026-02-01T00:00:00Z');
    const probed: string[] = [];
    const get = table.get.bind(table);
    table.get = async (pk, sk) => {
      if (pk.startsWith('RO#')) probed.push(pk);
      return get(pk, sk);
    };
    const clock = fixedClock('2026-03-11T02:15:00Z');
    await planStoredReminders({ serving: table, clock }, input);
    const probedOld = [...probed];
    // The same order stored yesterday is probed
    await store(table, [warfarin('stopped'), lisinopril('active')], '2026-03-10T00:00:00Z');
    probed.length = 0;
    await planStoredReminders({ serving: table, clock }, input);
    // Every reminder (and snooze) warfarin could have had from 9 to 18 March
    const plan = planReminders(
      { resourceType: 'Bundle', type: 'collection', entry: [{ resource: warfarin('active') }] },
      { tz: 'UTC', from: '2026-03-09', days: 10 },
    );
    const ids = reminderTasks({ hospital: 'h', patient: 'p1', tz: 'UTC', doses: plan.doses })
      .map((t) => t.occurrenceId)
      .flatMap((id) => [id, occurrenceIdOf('h', id, 'snooze')]);
    const warfarinKeys = new Set(ids.map((id) => reminderKeys.occurrence('h', id)));
    expect(warfarinKeys.size).toBe(20);
    expect(probedOld.filter((pk) => warfarinKeys.has(pk))).toEqual([]);
    expect(probed.filter((pk) => warfarinKeys.has(pk)).length).toBeGreaterThan(0);
  });
});
