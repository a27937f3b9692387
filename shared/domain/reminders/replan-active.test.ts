// Tests for the daily rolling re-plan: a patient whose record does not change keeps getting
// reminders beyond the 7-day horizon, and patients without an active order are not re-planned.
import { describe, expect, it } from 'vitest';
import type { MedicationRequest } from '@medplum/fhirtypes';
import { fixedClock } from '../../ports/clock';
import { deliverDue } from './deliver-due';
import {
  InMemoryTable as MemoryTable,
  RecordingNotifier,
} from '../monitoring/in-memory-table.fixture';
import type { Item, PutCondition, QueryInput } from '../../ports/table';
import { reminderKeys, reminderSk } from './delivery-keys';
import { planStoredReminders, registryShard } from './plan-stored';
import { replanActivePatients, replanTimeMargin, replanTimeMarginMs } from './replan-active';

const order = (status: MedicationRequest['status']): MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id: 'mr1',
  status,
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Lisinopril 10 MG' },
  authoredOn: '2026-01-01',
  dosageInstruction: [
    { timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00'] } } },
  ],
});

/** Patient p1 of hospital h stored as the serving layer stores it, with one order. */
async function storedPatient(table: MemoryTable, status: MedicationRequest['status']) {
  await table.put({ pk: 'P#h#p1', sk: 'PATIENT', resource: { resourceType: 'Patient', id: 'p1' } });
  await table.put({ pk: 'P#h#p1', sk: 'MedicationRequest#mr1', resource: order(status) });
}

const input = { hospital: 'h', patientId: 'p1', defaultTimeZone: 'UTC' };

describe('Use case: replanActivePatients (daily rolling re-plan)', () => {
  it('keeps a stable patient on a chronic drug reminded on day 8 and after', async () => {
    // Prepare: the last PatientDataUpdated planned 10-16 March
    const table = new MemoryTable();
    await storedPatient(table, 'active');
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    // Act: the daily runs of 11 to 17 March
    for (let day = 11; day <= 17; day++) {
      const report = await replanActivePatients(
        { serving: table, clock: fixedClock(`2026-03-${day}T02:15:00Z`) },
        { defaultTimeZone: 'UTC' },
      );
      expect(report).toMatchObject({ patients: 1, failed: 0 });
    }
    // Assess
    const notifier = new RecordingNotifier();
    const day8 = await deliverDue({ serving: table, notifier }, new Date('2026-03-17T08:00:00Z'));
    const day14 = await deliverDue({ serving: table, notifier }, new Date('2026-03-23T08:00:00Z'));
    expect(day8.delivered).toBe(1);
    expect(day14.delivered).toBe(1);
  });

  it('runs twice a day without writing anything new, and skips a patient whose order was stopped', async () => {
    const table = new MemoryTable();
    await storedPatient(table, 'active');
    const clock = fixedClock('2026-03-10T06:00:00Z');
    await planStoredReminders({ serving: table, clock }, input);
    const first = await replanActivePatients({ serving: table, clock }, { defaultTimeZone: 'UTC' });
    const second = await replanActivePatients(
      { serving: table, clock },
      { defaultTimeZone: 'UTC' },
    );
    expect(second).toEqual({ ...first, withdrawn: 0 });
    // The order is stopped: its PatientDataUpdated re-plan withdraws and unregisters the patient.
    await storedPatient(table, 'stopped');
    const stopped = await planStoredReminders({ serving: table, clock }, input);
    const after = await replanActivePatients({ serving: table, clock }, { defaultTimeZone: 'UTC' });
    expect(stopped.withdrawn).toBe(7);
    expect(after).toMatchObject({ patients: 0, inactive: 1 });
  });

  it('keeps a late-evening dose whose send failed pending through a re-plan just after local midnight', async () => {
    // Prepare: a dose at 23:50; its send fails at 23:50 (the tick retries within 30 minutes)
    const table = new MemoryTable();
    await table.put({
      pk: 'P#h#p1',
      sk: 'PATIENT',
      resource: { resourceType: 'Patient', id: 'p1' },
    });
    const lateOrder = order('active');
    lateOrder.dosageInstruction![0]!.timing!.repeat!.timeOfDay = ['23:50:00'];
    await table.put({ pk: 'P#h#p1', sk: 'MedicationRequest#mr1', resource: lateOrder });
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    const down = {
      send: async () => {
        throw new Error('notifier unavailable');
      },
    };
    await expect(
      deliverDue({ serving: table, notifier: down }, new Date('2026-03-10T23:50:00Z')),
    ).rejects.toThrow('notifier unavailable');
    // Act: new data for the patient at 00:05 the next day re-plans
    const replanned = await planStoredReminders(
      { serving: table, clock: fixedClock('2026-03-11T00:05:00Z') },
      input,
    );
    // Assess: the 23:50 dose is still in the plan, so the next tick sends it
    const notifier = new RecordingNotifier();
    const tick = await deliverDue({ serving: table, notifier }, new Date('2026-03-11T00:06:00Z'));
    expect(replanned.withdrawn).toBe(0);
    expect(tick.delivered).toBe(1);
  });

  it('tries a patient whose re-plan failed once more at the end of the run', async () => {
    const table = new MemoryTable();
    await storedPatient(table, 'active');
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    // The first reminder write of the run is throttled
    const view = Object.create(table) as MemoryTable;
    let throttled = false;
    view.putIfUnchanged = async (item: Item, condition: PutCondition) => {
      if (!throttled && String(item.pk).startsWith('RO#')) {
        throttled = true;
        const error = new Error('throttled');
        error.name = 'ProvisionedThroughputExceededException';
        throw error;
      }
      return table.putIfUnchanged(item, condition);
    };
    const failures: string[] = [];
    const report = await replanActivePatients(
      { serving: view, clock: fixedClock('2026-03-11T02:15:00Z') },
      { defaultTimeZone: 'UTC', onFailure: (name) => failures.push(name) },
    );
    expect(report).toMatchObject({ patients: 1, failed: 0, retried: 1 });
    expect(failures).toEqual([]);
    const notifier = new RecordingNotifier();
    await deliverDue({ serving: table, notifier }, new Date('2026-03-17T08:00:00Z'));
    expect(notifier.sent).toHaveLength(1);
  });

  it('starts no patient with less than a minute left, counts those not reached, and resumes there next run', async () => {
    // Prepare: three patients with an active order, in three registry shards
    const table = new MemoryTable();
    const patients = ['p1', 'p2', 'p3'];
    for (const p of patients) {
      await table.put({
        pk: `P#h#${p}`,
        sk: 'PATIENT',
        resource: { resourceType: 'Patient', id: p },
      });
      await table.put({ pk: `P#h#${p}`, sk: 'MedicationRequest#mr1', resource: order('active') });
      await planStoredReminders(
        { serving: table, clock: fixedClock('2026-03-10T06:00:00Z') },
        { ...input, patientId: p },
      );
    }
    const shards = patients.map((p) => registryShard('h', p));
    expect(new Set(shards).size).toBe(3);
    const revision = async (p: string) =>
      (await table.get(reminderKeys.patientPlan('h', p), reminderSk.planRevision))?.revision;
    const revisions = async () => Promise.all(patients.map(revision));
    // Act: time for one patient only (15 minutes at the start and the first check, then 59 s)
    const budget = (starts: number) => {
      let checks = 0;
      return () => (checks++ <= starts ? 900_000 : replanTimeMarginMs - 1_000);
    };
    const clock = fixedClock('2026-03-11T02:15:00Z');
    const first = await replanActivePatients(
      { serving: table, clock },
      { defaultTimeZone: 'UTC', concurrency: 1, remainingTimeMs: budget(1) },
    );
    const afterFirst = await revisions();
    const second = await replanActivePatients(
      { serving: table, clock },
      { defaultTimeZone: 'UTC', concurrency: 1, remainingTimeMs: budget(1) },
    );
    const afterSecond = await revisions();
    const full = await replanActivePatients(
      { serving: table, clock },
      { defaultTimeZone: 'UTC', remainingTimeMs: () => 900_000 },
    );
    // Assess: the first run re-planned the patient of the lowest shard only and said where it
    // stopped; the second started there; a run with time re-plans all three
    const byShard = [...patients].sort((a, b) => registryShard('h', a) - registryShard('h', b));
    expect(first).toMatchObject({ patients: 1, notReached: 2, failed: 0 });
    expect(first.resumeShard).toBe(registryShard('h', byShard[1]!));
    expect(afterFirst).toEqual(patients.map((p) => (p === byShard[0] ? 2 : 1)));
    expect(second).toMatchObject({ patients: 1, notReached: 2 });
    expect(second.resumeShard).toBe(registryShard('h', byShard[2]!));
    expect(afterSecond).toEqual(patients.map((p) => (p === byShard[2] ? 1 : 2)));
    expect(full).toMatchObject({ patients: 3, notReached: 0 });
    expect(full.resumeShard).toBeUndefined();
  });

  it('keeps a margin of a tenth of the time left at the start when that is under a minute', async () => {
    const table = new MemoryTable();
    await storedPatient(table, 'active');
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    // A run invoked with 60 s left (the embedded stack's old context) has a 6 s margin
    const short = await replanActivePatients(
      { serving: table, clock: fixedClock('2026-03-11T02:15:00Z') },
      { defaultTimeZone: 'UTC', remainingTimeMs: () => 60_000 },
    );
    expect(short).toMatchObject({ patients: 1, notReached: 0 });
    // ...and stops at 5.9 s left
    const left = [60_000, 5_900];
    const cut = await replanActivePatients(
      { serving: table, clock: fixedClock('2026-03-11T02:16:00Z') },
      { defaultTimeZone: 'UTC', remainingTimeMs: () => left.shift() ?? 0 },
    );
    expect(cut).toMatchObject({ patients: 0, notReached: 1 });
    expect([replanTimeMargin(900_000), replanTimeMargin(60_000), replanTimeMargin(0)]).toEqual([
      60_000, 6_000, 0,
    ]);
  });

  it('goes on inside a shard too large for one run: every patient is reached within a few runs', async () => {
    // Prepare: 6 patients in the lowest registry shard used, 2 in the next
    const table = new MemoryTable();
    const byShard = new Map<number, string[]>();
    for (let k = 0; k < 400; k++) {
      const shard = registryShard('h', `p${k}`);
      byShard.set(shard, [...(byShard.get(shard) ?? []), `p${k}`]);
    }
    const [shardA, shardB] = [...byShard.keys()].sort((a, b) => a - b);
    // In registry order (sort key h#<id>, ASCII)
    const first = (shard: number, n: number) => byShard.get(shard)!.slice(0, n).sort();
    const patients = [...first(shardA!, 6), ...first(shardB!, 2)];
    for (const p of patients) {
      await table.put({
        pk: `P#h#${p}`,
        sk: 'PATIENT',
        resource: { resourceType: 'Patient', id: p },
      });
      await table.put({ pk: `P#h#${p}`, sk: 'MedicationRequest#mr1', resource: order('active') });
      await planStoredReminders(
        { serving: table, clock: fixedClock('2026-03-10T06:00:00Z') },
        { ...input, patientId: p },
      );
    }
    const revision = async (p: string) =>
      (await table.get(reminderKeys.patientPlan('h', p), reminderSk.planRevision))?.revision;
    // Act: runs with time for 3 patients each (as a 15-minute Lambda against a 60,000-patient
    // shard), registry pages of 2 entries
    const paged = Object.create(table) as MemoryTable;
    paged.query = (q: QueryInput) =>
      table.query(q.partition.startsWith('RPLAN#') ? { ...q, limit: 2 } : q);
    const budget = () => {
      let checks = 0;
      return () => (checks++ <= 3 ? 900_000 : 0);
    };
    const runs = [];
    for (const day of [11, 12, 13])
      runs.push(
        await replanActivePatients(
          { serving: paged, clock: fixedClock(`2026-03-${day}T02:15:00Z`) },
          { defaultTimeZone: 'UTC', concurrency: 1, remainingTimeMs: budget() },
        ),
      );
    const afterThree = await Promise.all(patients.map(revision));
    // Assess: the first 3 of shard A; its other 3 (not the first 3 again); shard B's 2, then the
    // shards in turn back to shard A's first
    expect(runs.map((r) => [r.patients, r.notReached, r.resumeShard])).toEqual([
      [3, 5, shardA],
      [3, 5, shardB],
      [3, 5, shardA],
    ]);
    expect(afterThree).toEqual(patients.map((_, k) => (k === 0 ? 3 : 2)));
    // A run with time reaches all 8 and clears the position: the next starts at the first shard
    const full = await replanActivePatients(
      { serving: paged, clock: fixedClock('2026-03-14T02:15:00Z') },
      { defaultTimeZone: 'UTC', remainingTimeMs: () => 900_000 },
    );
    expect(full).toMatchObject({ patients: 8, notReached: 0 });
    expect(full.resumeShard).toBeUndefined();
    const resume = await table.get(reminderKeys.replanRun('all'), reminderSk.replanResume);
    expect(resume?.shard).toBeUndefined();
    const next = await replanActivePatients(
      { serving: paged, clock: fixedClock('2026-03-15T02:15:00Z') },
      { defaultTimeZone: 'UTC', concurrency: 1, remainingTimeMs: budget() },
    );
    expect(next).toMatchObject({ patients: 3, notReached: 5, resumeShard: shardA });
    expect(await revision(patients[0]!)).toBe(5);
  });

  it('starts the stopped shard again from its position when the stored cursor is refused', async () => {
    const table = new MemoryTable();
    const patients = ['p1', 'p2', 'p3'];
    for (const p of patients) {
      await table.put({
        pk: `P#h#${p}`,
        sk: 'PATIENT',
        resource: { resourceType: 'Patient', id: p },
      });
      await table.put({ pk: `P#h#${p}`, sk: 'MedicationRequest#mr1', resource: order('active') });
      await planStoredReminders(
        { serving: table, clock: fixedClock('2026-03-10T06:00:00Z') },
        { ...input, patientId: p },
      );
    }
    const byShard = [...patients].sort((a, b) => registryShard('h', a) - registryShard('h', b));
    await table.put({
      pk: reminderKeys.replanRun('all'),
      sk: reminderSk.replanResume,
      shard: registryShard('h', byShard[1]!),
      cursor: 'not a cursor',
    });
    const report = await replanActivePatients(
      { serving: table, clock: fixedClock('2026-03-11T02:15:00Z') },
      { defaultTimeZone: 'UTC', remainingTimeMs: () => 900_000 },
    );
    expect(report).toMatchObject({ patients: 3, notReached: 0, failed: 0 });
  });

  it('reads the orders of a patient once: the legacy-reminder pass uses the record just read', async () => {
    const table = new MemoryTable();
    await storedPatient(table, 'active');
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    await storedPatient(table, 'stopped');
    const queries: QueryInput[] = [];
    const view = Object.create(table) as MemoryTable;
    view.query = async (q: QueryInput) => {
      if (q.partition === 'P#h#p1') queries.push(q);
      return table.query(q);
    };
    const stopped = await planStoredReminders(
      { serving: view, clock: fixedClock('2026-03-11T06:00:00Z') },
      input,
    );
    expect(stopped.withdrawn).toBe(6);
    expect(queries).toHaveLength(1);
    expect(queries[0]?.sortPrefix).toBeUndefined();
  });
});
