// Tests for two re-plans of one patient running at once (the daily re-plan and a PatientDataUpdated
// re-plan, or an event delivered twice): whatever order their steps interleave in, the plan from the
// newest data wins. A re-plan that read the record before a change must not re-create or un-withdraw
// the reminders a newer re-plan withdrew (the patient would be reminded to take a stopped drug), nor
// withdraw the ones it planned (a moved dose would not be reminded at all).
import { describe, expect, it } from 'vitest';
import type { MedicationRequest } from '@medplum/fhirtypes';
import { fixedClock } from '../../ports/clock';
import type { Item, PutCondition, QueryInput } from '../../ports/table';
import {
  InMemoryTable as MemoryTable,
  RecordingNotifier,
} from '../monitoring/in-memory-table.fixture';
import { deliverDue } from './deliver-due';
import { reminderKeys, reminderSk } from './delivery-keys';
import { planReminders } from './plan';
import { planStoredReminders } from './plan-stored';
import { DependencyError } from '../errors';
import { takePlanRevision } from './plan-revision';
import { replanActivePatients, type ReplanReport } from './replan-active';
import { reminderChannels } from './reminder-messages';
import { pendingEntry, reminderTasks, withdraw } from './schedule-reminders';
import { warfarin } from './warfarin-plan.fixture';

const input = { hospital: 'h', patientId: 'p1', defaultTimeZone: 'UTC' };
/** No pause while a superseded re-plan polls for the newer one's completion (plan-revision.ts). */
const noWait = async () => {};

async function store(table: MemoryTable, request: MedicationRequest) {
  await table.put({ pk: 'P#h#p1', sk: 'PATIENT', resource: { resourceType: 'Patient', id: 'p1' } });
  await table.put({ pk: 'P#h#p1', sk: 'MedicationRequest#mr1', resource: request });
}

type Step = 'beforeRecordRead' | 'afterRecordRead' | 'beforeWrites';

/**
 * The table as one re-plan sees it: at `step` (the first time it is reached) that re-plan stops
 * until `resume()`, as a Lambda descheduled or slowed by throttling would; `reached` settles then.
 * `beforeWrites`: it has read the record, found itself the newest re-plan and is about to write.
 */
function pausedAt(table: MemoryTable, step: Step) {
  let resume!: () => void;
  const gate = new Promise<void>((r) => (resume = r));
  let reachedNow!: () => void;
  const reached = new Promise<void>((r) => (reachedNow = r));
  let paused = false;
  const pause = async (at: Step) => {
    if (paused || at !== step) return;
    paused = true;
    reachedNow();
    await gate;
  };
  const record = (q: QueryInput) => q.partition === 'P#h#p1' && q.sortPrefix === undefined;
  const view = Object.create(table) as MemoryTable;
  view.query = async (q: QueryInput) => {
    if (record(q)) await pause('beforeRecordRead');
    const page = await table.query(q);
    if (record(q)) await pause('afterRecordRead');
    return page;
  };
  view.putMany = async (items: Item[]) => {
    await pause('beforeWrites');
    return table.putMany(items);
  };
  return { view, reached, resume };
}

/** The times (UTC) of the patient reminders the tick sends at each instant. */
async function sendsOn(table: MemoryTable, instants: string[]): Promise<string[]> {
  const notifier = new RecordingNotifier();
  for (const t of instants) await deliverDue({ serving: table, notifier }, new Date(t));
  return notifier.on(reminderChannels.patient).map((n) => n.message.match(/due (\S+)\./)![1]!);
}

/** One instant a day, 2026-03-<from..to>T<time><zone>. */
const daily = (from: number, to: number, time: string, zone = 'Z') =>
  Array.from({ length: to - from + 1 }, (_, k) => `2026-03-${from + k}T${time}${zone}`);

describe('Use case: concurrent re-plans of one patient', () => {
  it('a daily re-plan that read the record before the order was stopped does not bring back its reminders', async () => {
    // Prepare: warfarin at 08:00, planned 10-16 March
    const table = new MemoryTable();
    await store(table, warfarin('active'));
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    // Act: the daily re-plan reads the record (order active) and is held up before writing...
    const daily11 = pausedAt(table, 'beforeWrites');
    const dailyRun = replanActivePatients(
      { serving: daily11.view, clock: fixedClock('2026-03-11T02:15:00Z') },
      { defaultTimeZone: 'UTC' },
    );
    await daily11.reached;
    // ...the order is stopped, and its PatientDataUpdated re-plan (delivered twice) withdraws...
    await store(table, warfarin('stopped'));
    const monitor = { serving: table, clock: fixedClock('2026-03-11T02:16:00Z') };
    const stopped = await planStoredReminders(monitor, input);
    const redelivered = await planStoredReminders(monitor, input);
    // ...and only then does the daily re-plan write its plan
    daily11.resume();
    const report = await dailyRun;
    // Assess: no reminder to take the stopped drug, neither in the old horizon nor on 17 March,
    // which only the daily re-plan wrote (the stop's re-plan had found nothing to withdraw there)
    // and withdrew again once it saw the newer re-plan
    expect(stopped.withdrawn).toBe(6); // 11-16 March
    expect(redelivered).toMatchObject({ written: 0, withdrawn: 0 });
    expect(report).toMatchObject({
      patients: 1,
      failed: 0,
      superseded: 1,
      written: 1,
      withdrawn: 1,
    });
    expect(await sendsOn(table, daily(11, 17, '08:00:00'))).toEqual([]);
  });

  it('a moved dose time planned by the newer re-plan survives the older one writing last', async () => {
    const table = new MemoryTable();
    await store(table, warfarin('active', '08:00:00'));
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    const older = pausedAt(table, 'beforeWrites');
    const olderRun = planStoredReminders(
      { serving: older.view, clock: fixedClock('2026-03-10T06:01:00Z') },
      input,
    );
    await older.reached;
    await store(table, warfarin('active', '18:00:00'));
    const newer = await planStoredReminders(
      { serving: table, clock: fixedClock('2026-03-10T06:02:00Z') },
      input,
    );
    older.resume();
    const late = await olderRun;
    // Assess: 18:00 only, every day; the older plan (08:00) neither came back nor withdrew 18:00
    expect(newer).toMatchObject({ written: 7, withdrawn: 7 });
    expect(late).toMatchObject({ written: 0, withdrawn: 0, superseded: true });
    const instants = [...daily(11, 16, '08:00:00'), ...daily(11, 16, '18:00:00')].sort();
    expect(await sendsOn(table, instants)).toEqual(daily(11, 16, '18:00:00', '+00:00'));
  });

  it('a re-plan that took its revision first but read the record after the change plans from the change', async () => {
    // Prepare
    const table = new MemoryTable();
    await store(table, warfarin('active'));
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    // Act: A takes a revision and is held up before reading; B takes the next one and reads the
    // record (order active); the order is stopped; A reads (stopped); B writes last
    const a = pausedAt(table, 'beforeRecordRead');
    const aRun = planStoredReminders(
      { serving: a.view, clock: fixedClock('2026-03-10T06:01:00Z') },
      input,
    );
    await a.reached;
    const b = pausedAt(table, 'afterRecordRead');
    const bRun = planStoredReminders(
      { serving: b.view, clock: fixedClock('2026-03-10T06:01:00Z') },
      input,
    );
    await b.reached;
    await store(table, warfarin('stopped'));
    a.resume();
    const aResult = await aRun;
    b.resume();
    const bResult = await bRun;
    // Assess: A saw B's revision taken during its read and read again under a newer one, so its
    // plan (stopped) stands; B, overtaken in turn, read again too: its plan from the record before
    // the stop is never written
    expect(aResult.withdrawn).toBe(7);
    expect(bResult).toMatchObject({ written: 0, withdrawn: 0 });
    expect(await sendsOn(table, daily(10, 16, '08:00:00'))).toEqual([]);
  });

  it('the newest data wins when the older re-plan finishes first, too', async () => {
    const table = new MemoryTable();
    await store(table, warfarin('active'));
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    const older = pausedAt(table, 'beforeWrites');
    const olderRun = planStoredReminders(
      { serving: older.view, clock: fixedClock('2026-03-10T06:01:00Z'), wait: noWait },
      input,
    );
    await older.reached;
    await store(table, warfarin('stopped'));
    const newer = pausedAt(table, 'beforeWrites');
    const newerRun = planStoredReminders(
      { serving: newer.view, clock: fixedClock('2026-03-10T06:02:00Z'), wait: noWait },
      input,
    );
    await newer.reached;
    older.resume();
    // The newer re-plan does not complete while the older one waits: the older takes over, reads
    // the record again (stopped) and applies the stop itself; the newer then finds a later plan
    // complete and leaves it
    const late = await olderRun;
    expect(late.withdrawn).toBe(7);
    expect(late.superseded).toBeUndefined();
    newer.resume();
    expect(await newerRun).toMatchObject({ superseded: true, withdrawn: 0 });
    expect(await sendsOn(table, daily(10, 16, '08:00:00'))).toEqual([]);
  });

  it('a superseded re-plan whose newer re-plan then fails applies the stop itself', async () => {
    // Prepare: warfarin at 08:00 planned 10-16 March; the order is stopped
    const table = new MemoryTable();
    await store(table, warfarin('active'));
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    await store(table, warfarin('stopped'));
    // Act: while the stop's re-plan (A) writes its plan, the daily re-plan (B) takes the next
    // revision, reads the record and fails: DynamoDB throttles every reminder write, also on the
    // run's retry of its failed patients
    const throttled = Object.create(table) as MemoryTable;
    throttled.putIfUnchanged = async (item: Item, condition: PutCondition) => {
      if (String(item.pk).startsWith('RO#')) {
        const error = new Error('throttled');
        error.name = 'ProvisionedThroughputExceededException';
        throw error;
      }
      return table.putIfUnchanged(item, condition);
    };
    const clock = fixedClock('2026-03-11T02:16:00Z');
    let dailyReport: ReplanReport | undefined;
    const viewA = Object.create(table) as MemoryTable;
    viewA.putMany = async (items: Item[]) => {
      dailyReport ??= await replanActivePatients(
        { serving: throttled, clock, wait: noWait },
        { defaultTimeZone: 'UTC' },
      );
      return table.putMany(items);
    };
    const waits: number[] = [];
    const a = await planStoredReminders(
      { serving: viewA, clock, wait: async (ms) => void waits.push(ms) },
      input,
    );
    // Assess: B failed (twice); A waited for it, then re-planned under a newer revision itself
    expect(dailyReport).toMatchObject({ failed: 1, retried: 1, patients: 0 });
    expect(waits).toEqual([100, 200, 400, 800]);
    expect(a.superseded).toBeUndefined();
    expect(a.withdrawn).toBe(6); // 11-16 March
    expect(await sendsOn(table, daily(11, 16, '08:00:00'))).toEqual([]);
  });

  it('a superseded re-plan waits for a still newer re-plan started while it waited, instead of taking over', async () => {
    // Prepare: warfarin at 08:00 planned 10-16 March; the order is stopped
    const table = new MemoryTable();
    await store(table, warfarin('active'));
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    await store(table, warfarin('stopped'));
    const clock = fixedClock('2026-03-11T02:16:00Z');
    // Act: as A (the daily re-plan) writes, B takes the next revision and dies; while A waits for
    // B, C (the stop's re-plan, re-delivered) starts, and completes only after A's first wait
    const viewA = Object.create(table) as MemoryTable;
    let dead: number | undefined;
    viewA.putMany = async (items: Item[]) => {
      dead ??= await takePlanRevision(table, 'h', 'p1', new Date());
      return table.putMany(items);
    };
    const c = pausedAt(table, 'beforeWrites');
    let runC: Promise<unknown> | undefined;
    const waits: number[] = [];
    const a = await planStoredReminders(
      {
        serving: viewA,
        clock,
        wait: async (ms) => {
          waits.push(ms);
          if (waits.length === 2) {
            runC = planStoredReminders({ serving: c.view, clock, wait: noWait }, input);
            await c.reached;
          }
          if (waits.length === 5) {
            c.resume();
            await runC;
          }
        },
      },
      input,
    );
    // Assess: A waited a second time (C newer than B) and leaves the plan to C: no takeover
    const head = await table.get(reminderKeys.patientPlan('h', 'p1'), reminderSk.planRevision);
    expect(waits).toEqual([100, 200, 400, 800, 100]);
    expect(a.superseded).toBe(true);
    expect(head).toMatchObject({ revision: dead! + 1, completedRevision: dead! + 1 });
    expect(await sendsOn(table, daily(11, 16, '08:00:00'))).toEqual([]);
  });

  it('a re-plan whose reads other re-plans keep overtaking, and which then die, takes over', async () => {
    const table = new MemoryTable();
    await store(table, warfarin('active'));
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    await store(table, warfarin('stopped'));
    // Another invocation takes a revision during each of the first three reads, then dies (timeout)
    const view = Object.create(table) as MemoryTable;
    let reads = 0;
    view.query = async (q: QueryInput) => {
      const page = await table.query(q);
      if (q.partition === 'P#h#p1' && q.sortPrefix === undefined && ++reads <= 3)
        await takePlanRevision(table, 'h', 'p1', new Date());
      return page;
    };
    const a = await planStoredReminders(
      { serving: view, clock: fixedClock('2026-03-11T02:16:00Z'), wait: noWait },
      input,
    );
    expect(reads).toBe(4);
    expect(a.withdrawn).toBe(6);
    expect(a.superseded).toBeUndefined();
    expect(await sendsOn(table, daily(11, 16, '08:00:00'))).toEqual([]);
  });

  it('a re-plan overtaken by re-plans that never complete fails retryably, rather than succeed', async () => {
    const table = new MemoryTable();
    await store(table, warfarin('active'));
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    await store(table, warfarin('stopped'));
    const view = Object.create(table) as MemoryTable;
    view.query = async (q: QueryInput) => {
      const page = await table.query(q);
      if (q.partition === 'P#h#p1' && q.sortPrefix === undefined)
        await takePlanRevision(table, 'h', 'p1', new Date());
      return page;
    };
    const run = planStoredReminders(
      { serving: view, clock: fixedClock('2026-03-11T02:16:00Z'), wait: noWait },
      input,
    );
    await expect(run).rejects.toBeInstanceOf(DependencyError);
    await expect(run).rejects.toMatchObject({ retryable: true });
  });

  it('an older re-plan finishing last does not take a patient whose order was resumed off the daily re-plan', async () => {
    const table = new MemoryTable();
    await store(table, warfarin('active'));
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:00:00Z') }, input);
    await store(table, warfarin('stopped'));
    const older = pausedAt(table, 'beforeWrites');
    const olderRun = planStoredReminders(
      { serving: older.view, clock: fixedClock('2026-03-10T06:01:00Z') },
      input,
    );
    await older.reached;
    await store(table, warfarin('active'));
    await planStoredReminders({ serving: table, clock: fixedClock('2026-03-10T06:02:00Z') }, input);
    older.resume();
    expect(await olderRun).toMatchObject({ superseded: true });
    // Assess: still registered, so the daily re-plans keep the patient reminded past 16 March
    for (let day = 11; day <= 17; day++)
      await replanActivePatients(
        { serving: table, clock: fixedClock(`2026-03-${day}T02:15:00Z`) },
        { defaultTimeZone: 'UTC' },
      );
    expect(await sendsOn(table, ['2026-03-17T08:00:00Z', '2026-03-20T08:00:00Z'])).toEqual([
      '2026-03-17T08:00:00+00:00',
      '2026-03-20T08:00:00+00:00',
    ]);
  });

  it('a withdrawal never marks the plan entry of a reminder a newer re-plan planned again meanwhile', async () => {
    // Prepare: one pending reminder and its entry, written under revision 1
    const table = new MemoryTable();
    const [task] = reminderTasks({
      hospital: 'h',
      patient: 'p1',
      tz: 'UTC',
      doses: planReminders(
        { resourceType: 'Bundle', type: 'collection', entry: [{ resource: warfarin('active') }] },
        { tz: 'UTC', from: '2026-03-12', days: 1 },
      ).doses,
    });
    const at = (revision: number) => ({ ...task!, planRevision: revision });
    await table.putMany([at(1), pendingEntry(at(1))] as unknown as Item[]);
    // Act: revision 2 withdraws it; right after its write of the reminder, revision 3 plans it again
    const view = Object.create(table) as MemoryTable;
    view.putIfUnchanged = async (item: Item, condition: PutCondition) => {
      const done = await table.putIfUnchanged(item, condition);
      if (item.sk === reminderSk.occurrence && item.withdrawn)
        await table.putMany([at(3), pendingEntry(at(3))] as unknown as Item[]);
      return done;
    };
    const entry = (await table.get(
      reminderKeys.patientPlan('h', 'p1'),
      pendingEntry(at(1)).sk as string,
    ))!;
    await withdraw({ serving: view }, 'h', entry, new Date('2026-03-11T06:00:00Z'), 2);
    // Assess: the entry is still pending, so a later re-plan can still find and withdraw the reminder
    const after = await table.get(String(entry.pk), String(entry.sk));
    expect(after).toMatchObject({ planRevision: 3 });
    expect(after?.withdrawn).toBeUndefined();
  });

  it('every reminder and plan entry records the plan revision that wrote it, and the patient plan its latest', async () => {
    const table = new MemoryTable();
    await store(table, warfarin('active'));
    const clock = fixedClock('2026-03-10T06:00:00Z');
    await planStoredReminders({ serving: table, clock }, input);
    await planStoredReminders({ serving: table, clock }, input);
    const head = await table.get(reminderKeys.patientPlan('h', 'p1'), reminderSk.planRevision);
    const revisions = [...table.items.values()]
      .filter((i) => i.sk === reminderSk.occurrence || String(i.sk).startsWith('PENDING#'))
      .map((i) => i.planRevision);
    expect(head?.revision).toBe(2);
    expect(revisions).toHaveLength(14);
    expect(new Set(revisions)).toEqual(new Set([2]));
  });
});
