// Tests for plan revisions: revisions are handed out once each under concurrency, and a conditional
// write never replaces an item a higher revision wrote, even when the two race between the read and
// the write.
import { describe, expect, it } from 'vitest';
import type { Item, PutCondition } from '../../ports/table';
import { InMemoryTable } from '../monitoring/in-memory-table.fixture';
import { reminderKeys, reminderSk } from './delivery-keys';
import {
  awaitCompletion,
  completePlanRevision,
  latestPlanRevision,
  takePlanRevision,
  writeUnlessSuperseded,
} from './plan-revision';

const key = { pk: 'RO#h#abc', sk: 'OCCURRENCE' };
const now = new Date('2026-03-10T06:00:00Z');

/** The table, with `race` run once between a writer's read and its conditional put. */
function racing(table: InMemoryTable, race: () => Promise<void>): InMemoryTable {
  const view = Object.create(table) as InMemoryTable;
  let raced = false;
  view.putIfUnchanged = async (item: Item, condition: PutCondition) => {
    if (!raced) {
      raced = true;
      await race();
    }
    return table.putIfUnchanged(item, condition);
  };
  return view;
}

describe('plan revisions', () => {
  it('hands out each revision once, however many re-plans take one at once', async () => {
    const table = new InMemoryTable();
    const taken = await Promise.all(
      Array.from({ length: 8 }, () => takePlanRevision(table, 'h', 'p1', now)),
    );
    expect([...taken].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await latestPlanRevision(table, 'h', 'p1')).toBe(8);
    expect(await latestPlanRevision(table, 'h', 'p2')).toBe(0);
  });

  it('leaves an item a newer revision wrote between the read and the write', async () => {
    const table = new InMemoryTable();
    await table.put({ ...key, planRevision: 1, what: 'first plan' });
    const view = racing(table, async () => {
      await writeUnlessSuperseded(table, key, 3, () => ({ what: 'newer plan' }));
    });
    const outcome = await writeUnlessSuperseded(view, key, 2, () => ({ what: 'older plan' }));
    expect(outcome).toBe('superseded');
    expect(await table.get(key.pk, key.sk)).toMatchObject({ planRevision: 3, what: 'newer plan' });
  });

  it('replaces an item an older revision wrote between the read and the write', async () => {
    const table = new InMemoryTable();
    const view = racing(table, async () => {
      await writeUnlessSuperseded(table, key, 1, () => ({ what: 'older plan' }));
    });
    const outcome = await writeUnlessSuperseded(view, key, 2, () => ({ what: 'newer plan' }));
    expect(outcome).toBe('written');
    expect(await table.get(key.pk, key.sk)).toMatchObject({ planRevision: 2, what: 'newer plan' });
  });

  it('refuses to run on a table without conditional puts rather than overwrite', async () => {
    const table = new InMemoryTable();
    const plain = Object.create(table) as InMemoryTable;
    Object.defineProperty(plain, 'putIfUnchanged', { value: undefined });
    await expect(takePlanRevision(plain, 'h', 'p1', now)).rejects.toThrow(/conditional put/);
  });

  it('records completion only upwards, and taking a revision never undoes a completion it raced', async () => {
    const table = new InMemoryTable();
    const head = () => table.get(reminderKeys.patientPlan('h', 'p1'), reminderSk.planRevision);
    for (let k = 0; k < 3; k++) await takePlanRevision(table, 'h', 'p1', now);
    await completePlanRevision(table, 'h', 'p1', 3);
    await completePlanRevision(table, 'h', 'p1', 2); // an older re-plan finishing last
    expect(await head()).toMatchObject({ revision: 3, completedRevision: 3 });
    // Revision 4 completes between the next take's read of the item and its conditional put
    await takePlanRevision(table, 'h', 'p1', now);
    const view = racing(table, () => completePlanRevision(table, 'h', 'p1', 4));
    expect(await takePlanRevision(view, 'h', 'p1', now)).toBe(5);
    expect(await head()).toMatchObject({ revision: 5, completedRevision: 4 });
  });

  it('waits for a newer revision to complete, for a bounded time', async () => {
    const table = new InMemoryTable();
    for (let k = 0; k < 2; k++) await takePlanRevision(table, 'h', 'p1', now);
    const pauses: number[] = [];
    const wait = async (ms: number) => {
      pauses.push(ms);
      if (pauses.length === 2) await completePlanRevision(table, 'h', 'p1', 2);
    };
    expect(await awaitCompletion(table, 'h', 'p1', 2, wait)).toBe(true);
    expect(pauses).toEqual([100, 200]);
    pauses.length = 0;
    expect(await awaitCompletion(table, 'h', 'p1', 3, async (ms) => void pauses.push(ms))).toBe(
      false,
    );
    expect(pauses).toEqual([100, 200, 400, 800]);
  });
});
