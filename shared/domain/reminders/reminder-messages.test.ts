import { describe, expect, it } from 'vitest';
import type { ReminderTask } from './delivery-keys';
import { caregiverUndelivered, patientReminder } from './reminder-messages';

const task: ReminderTask = {
  pk: 'RO#h#abc',
  sk: 'OCCURRENCE',
  hospital: 'h',
  patient: 'p1',
  occurrenceId: 'abc',
  kind: 'dose',
  medication: 'Oxycodone 5 MG',
  dueAt: '2026-03-10T07:00:00.000Z',
  localDueAt: '2026-03-10T07:00:00+00:00',
  tz: 'UTC',
  critical: false,
  escalateAfterMinutes: 60,
};

describe('Function: reminder messages', () => {
  it('says when one reminder stands for several doses deferred by quiet hours, and warns against doubling', () => {
    const message = patientReminder({ ...task, covers: 2 }).message;
    expect(message).toMatch(/stands for 2 doses that fell in your quiet hours/);
    expect(message).toMatch(/do not take a double dose/);
    expect(patientReminder(task).message).not.toMatch(/quiet hours/);
  });

  it('tells the caregiver a reminder was not delivered without naming the drug', () => {
    const notice = caregiverUndelivered(task, 30);
    expect(notice.channel).toBe('caregiver-escalations');
    expect(notice.message).toContain('p1');
    expect(notice.message).not.toMatch(/Oxycodone/i);
  });
});
