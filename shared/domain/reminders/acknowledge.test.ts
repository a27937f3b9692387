import { describe, expect, it } from 'vitest';
import type { Item } from '../../ports/table';
import { InMemoryTable, RecordingNotifier } from '../monitoring/in-memory-table.fixture';
import { acknowledgeReminder } from './acknowledge';
import { deliverDue } from './deliver-due';
import { reminderChannels } from './reminder-messages';
import { replanReminders } from './schedule-reminders';
import { replan, warfarin } from './warfarin-plan.fixture';

async function deliveredFirstDose(table: InMemoryTable): Promise<string> {
  await replan(table, warfarin('active'), '2026-03-10T06:00:00Z');
  await deliverDue(
    { serving: table, notifier: new RecordingNotifier() },
    new Date('2026-03-10T08:00:00Z'),
  );
  const first = [...table.items.values()].find(
    (i) => i.sk === 'OCCURRENCE' && i.dueAt === '2026-03-10T08:00:00.000Z',
  )!;
  return String(first.occurrenceId);
}

const snooze = (occurrenceId: string) => ({
  hospital: 'h',
  occurrenceId,
  patient: 'p1',
  status: 'snoozed' as const,
  snoozeMinutes: 60,
  at: new Date('2026-03-10T08:05:00Z'),
});

async function sentAt(table: InMemoryTable, at: string): Promise<string[]> {
  const notifier = new RecordingNotifier();
  await deliverDue({ serving: table, notifier }, new Date(at));
  return notifier.on(reminderChannels.patient).map((n) => n.message);
}

describe('acknowledgeReminder: snooze', () => {
  it('stopping the order withdraws a reminder the patient snoozed', async () => {
    const table = new InMemoryTable();
    const ack = await acknowledgeReminder(
      { serving: table },
      snooze(await deliveredFirstDose(table)),
    );
    expect(ack.snoozedUntil).toBe('2026-03-10T09:05:00.000Z');
    const result = await replan(table, warfarin('stopped'), '2026-03-10T08:30:00Z');
    expect(result.withdrawn).toBeGreaterThan(0);
    expect(await sentAt(table, '2026-03-10T09:05:00Z')).toEqual([]);
  });

  it('a re-plan that still plans the order keeps the snoozed reminder', async () => {
    const table = new InMemoryTable();
    await acknowledgeReminder({ serving: table }, snooze(await deliveredFirstDose(table)));
    await replan(table, warfarin('active'), '2026-03-10T08:30:00Z');
    const sent = await sentAt(table, '2026-03-10T09:05:00Z');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Warfarin');
  });

  it('a re-plan keeps a snooze whose order is still active or completed though it has no dose left in the plan', async () => {
    // Prepare: the first dose delivered and snoozed to 09:05
    const table = new InMemoryTable();
    const occurrenceId = await deliveredFirstDose(table);
    await acknowledgeReminder({ serving: table }, snooze(occurrenceId));
    // Act: a re-plan at 08:30 with no dose of mr1 left (its course ended), the order still listed
    await replanReminders(
      { serving: table },
      { hospital: 'h', patient: 'p1', tz: 'UTC', doses: [], snoozeOrders: ['mr1'] },
      { now: new Date('2026-03-10T08:30:00Z'), until: new Date('2026-03-17T00:00:00Z') },
    );
    // Assess: the snoozed reminder still goes out at 09:05
    expect(await sentAt(table, '2026-03-10T09:06:00Z')).toHaveLength(1);
  });

  it('a snooze retried after a failure between its writes still brings the reminder back once', async () => {
    const table = new InMemoryTable();
    const occurrenceId = await deliveredFirstDose(table);
    // The first attempt records the answer, then fails before writing the snoozed occurrence.
    const failing = Object.create(table) as InMemoryTable;
    failing.putIfAbsent = async (item: Item) => {
      if (item.sk === 'OCCURRENCE') throw new Error('network');
      return table.putIfAbsent(item);
    };
    await expect(acknowledgeReminder({ serving: failing }, snooze(occurrenceId))).rejects.toThrow(
      'network',
    );
    // The retry (a later clock, even) rebuilds the same occurrence from the stored answer.
    const retry = await acknowledgeReminder(
      { serving: table },
      { ...snooze(occurrenceId), at: new Date('2026-03-10T08:07:00Z'), snoozeMinutes: 15 },
    );
    expect(retry).toMatchObject({ recorded: false, status: 'snoozed' });
    expect(retry.snoozedUntil).toBe('2026-03-10T09:05:00.000Z');
    const again = await acknowledgeReminder({ serving: table }, snooze(occurrenceId));
    expect(again.snoozedOccurrenceId).toBe(retry.snoozedOccurrenceId);
    expect(await sentAt(table, '2026-03-10T09:05:00Z')).toHaveLength(1);
    expect(await sentAt(table, '2026-03-10T09:06:00Z')).toEqual([]);
  });
});
