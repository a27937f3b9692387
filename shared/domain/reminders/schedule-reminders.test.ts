// Tests for re-planning: pending reminders that are no longer in the plan (a stopped order, a moved
// dose time) are withdrawn, idempotently, and an interrupted re-plan never loses an active order's
// reminders.
import { describe, expect, it } from 'vitest';
import { deliverDue } from './deliver-due';
import { reminderSk } from './delivery-keys';
import {
  InMemoryTable as MemoryTable,
  RecordingNotifier,
} from '../monitoring/in-memory-table.fixture';
import { reminderChannels } from './reminder-messages';
import { replan, warfarin } from './warfarin-plan.fixture';

async function sendsOn(table: MemoryTable, instants: string[]): Promise<string[]> {
  const notifier = new RecordingNotifier();
  for (const t of instants) await deliverDue({ serving: table, notifier }, new Date(t));
  return notifier.on(reminderChannels.patient).map((n) => n.message.match(/due (\S+)\./)![1]!);
}

describe('Use case: replanReminders', () => {
  it('withdraws the old time when a dose is moved, and everything when the order is stopped', async () => {
    const table = new MemoryTable();
    await replan(table, warfarin('active', '08:00:00'));
    // Act
    const moved = await replan(table, warfarin('active', '18:00:00'));
    const movedSends = await sendsOn(table, ['2026-03-11T08:00:00Z', '2026-03-11T18:00:00Z']);
    const stopped = await replan(table, warfarin('stopped', '18:00:00'));
    const stoppedSends = await sendsOn(table, ['2026-03-12T08:00:00Z', '2026-03-12T18:00:00Z']);
    // Assess
    expect(moved).toEqual({ written: 7, withdrawn: 7 });
    expect(movedSends).toEqual(['2026-03-11T18:00:00+00:00']);
    expect(stopped.withdrawn).toBe(6); // 10 and 12-16 March at 18:00; the 11th was already sent
    expect(stoppedSends).toEqual([]);
  });

  it('is idempotent: a re-delivered event withdraws nothing more, and a resumed order reminds again', async () => {
    const table = new MemoryTable();
    await replan(table, warfarin('active', '08:00:00'));
    await replan(table, warfarin('stopped', '08:00:00'));
    const again = await replan(table, warfarin('stopped', '08:00:00'));
    const resumed = await replan(table, warfarin('active', '08:00:00'));
    expect(again).toEqual({ written: 0, withdrawn: 0 });
    expect(resumed.written).toBe(7);
    expect(await sendsOn(table, ['2026-03-12T08:00:00Z'])).toEqual(['2026-03-12T08:00:00+00:00']);
  });

  it('never loses the new plan when a re-plan is interrupted while withdrawing, and the next one finishes', async () => {
    const table = new MemoryTable();
    await replan(table, warfarin('active', '08:00:00'));
    const put = table.put.bind(table);
    let withdrawals = 0;
    table.put = async (item) => {
      if (item.sk === reminderSk.occurrence && item.withdrawn && ++withdrawals === 3)
        throw new Error('Lambda timeout');
      return put(item);
    };
    // Act
    await expect(replan(table, warfarin('active', '18:00:00'))).rejects.toThrow();
    const sendsMidway = await sendsOn(table, ['2026-03-14T18:00:00Z']);
    const finished = await replan(table, warfarin('active', '18:00:00'));
    // Assess: the moved dose was planned before anything was withdrawn; the rest is withdrawn later
    expect(sendsMidway).toEqual(['2026-03-14T18:00:00+00:00']);
    expect(finished.withdrawn).toBe(5);
    expect(await sendsOn(table, ['2026-03-15T08:00:00Z', '2026-03-16T08:00:00Z'])).toEqual([]);
  });
});
