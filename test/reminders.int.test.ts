// Integration: reminder delivery against the embedded DynamoDB (dynalite) through the real adapter:
// duplicate and overlapping minute ticks deliver once, escalation happens once, an answer stops it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { MedicationRequest } from '@medplum/fhirtypes';
import type { Notification, Notifier } from '../shared/ports';
import { expandDosage } from '../shared/domain/reminders/expand-dosage';
import { scheduleReminders } from '../shared/domain/reminders/schedule-reminders';
import { deliverDue, dueReminders } from '../shared/domain/reminders/deliver-due';
import { acknowledgeReminder } from '../shared/domain/reminders/acknowledge';
import { reminderChannels } from '../shared/domain/reminders/reminder-messages';
import { startTestStack, type TestStack } from './helpers/stack';

/** Records every send and does NOT deduplicate, so the test sees what deliverDue itself does. */
class RecordingNotifier implements Notifier {
  readonly sent: Notification[] = [];
  async send(notification: Notification): Promise<void> {
    this.sent.push(notification);
  }
  on(channel: string): Notification[] {
    return this.sent.filter((n) => n.channel === channel);
  }
}

function dailyOrder(id: string, time: string, medication = 'Lisinopril 10 MG'): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/x' },
    medicationCodeableConcept: { text: medication },
    authoredOn: '2026-01-01',
    dosageInstruction: [
      {
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: [time] } },
        doseAndRate: [{ doseQuantity: { value: 10, unit: 'mg' } }],
      },
    ],
  };
}

/** Plan and store one day of a daily dose for a patient (UTC). */
async function schedule(
  stack: TestStack,
  hospital: string,
  patient: string,
  day: string,
  time: string,
  escalateAfterMinutes?: number,
) {
  const { occurrences } = expandDosage(dailyOrder(`mr-${patient}`, time), {
    tz: 'UTC',
    from: new Date(`${day}T00:00:00Z`),
    to: new Date(`${day}T23:59:59Z`),
  });
  await scheduleReminders(
    { serving: stack.deps.serving },
    { hospital, patient, tz: 'UTC', doses: occurrences, escalateAfterMinutes },
  );
  return occurrences;
}

describe('Use case: reminder delivery on the embedded DynamoDB', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => stack?.stop());

  it('creates the serving table with the byDueMinute index', async () => {
    const table = await stack.deps.dynamodb.send(
      new DescribeTableCommand({ TableName: stack.config.tables.serving }),
    );
    expect(table.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toContain('byDueMinute');
  });

  it('reads only the buckets of the minute asked for', async () => {
    // Prepare
    await schedule(stack, 'north', 'p-early', '2026-02-01', '07:59:00');
    await schedule(stack, 'north', 'p-due', '2026-02-01', '08:00:00');
    await schedule(stack, 'north', 'p-late', '2026-02-01', '08:01:00');
    // Act
    const due = await dueReminders(
      { serving: stack.deps.serving },
      new Date('2026-02-01T08:00:00Z'),
    );
    // Assess
    expect(due.map((t) => t.patient)).toEqual(['p-due']);
  });

  it('delivers each reminder once when the minute fires twice and two invocations overlap', async () => {
    // Prepare
    const notifier = new RecordingNotifier();
    const deps = { serving: stack.deps.serving, notifier };
    for (const p of ['p1', 'p2', 'p3']) await schedule(stack, 'east', p, '2026-02-02', '09:00:00');
    await schedule(stack, 'east', 'p4', '2026-02-02', '09:05:00');
    const tick = new Date('2026-02-02T09:00:05Z');
    // Act: two overlapping invocations, then the same minute fired again.
    const [a, b] = await Promise.all([deliverDue(deps, tick), deliverDue(deps, tick)]);
    const again = await deliverDue(deps, tick);
    // Assess
    expect(
      notifier
        .on(reminderChannels.patient)
        .map((n) => n.attributes?.patient)
        .sort(),
    ).toEqual(['p1', 'p2', 'p3']);
    expect(a.delivered + b.delivered).toBe(3);
    expect(again).toMatchObject({ delivered: 0, read: 0 });
  });

  it('catches up a missed minute on the next tick, and only once', async () => {
    const notifier = new RecordingNotifier();
    const deps = { serving: stack.deps.serving, notifier };
    await schedule(stack, 'south', 'p-missed', '2026-02-03', '10:00:00');
    // Act: the 10:00 tick never ran; 10:07 and 10:08 do.
    await deliverDue(deps, new Date('2026-02-03T10:07:00Z'));
    await deliverDue(deps, new Date('2026-02-03T10:08:00Z'));
    expect(notifier.on(reminderChannels.patient)).toHaveLength(1);
  });

  it('escalates an unanswered dose to the caregiver exactly once, after escalateAfterMinutes, without the drug name', async () => {
    // Prepare
    const notifier = new RecordingNotifier();
    const deps = { serving: stack.deps.serving, notifier };
    await schedule(stack, 'west', 'p-silent', '2026-02-04', '08:00:00', 30);
    await deliverDue(deps, new Date('2026-02-04T08:00:00Z'));
    // Act
    const early = await deliverDue(deps, new Date('2026-02-04T08:29:00Z'));
    const [a, b] = await Promise.all([
      deliverDue(deps, new Date('2026-02-04T08:30:00Z')),
      deliverDue(deps, new Date('2026-02-04T08:30:00Z')),
    ]);
    await deliverDue(deps, new Date('2026-02-04T08:31:00Z'));
    // Assess
    const escalations = notifier.on(reminderChannels.caregiver);
    expect(early.escalated).toBe(0);
    expect(a.escalated + b.escalated).toBe(1);
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.message).toContain('p-silent');
    expect(escalations[0]!.message).not.toMatch(/Lisinopril|10 mg/);
    expect(notifier.on(reminderChannels.patient)[0]!.message).toContain('Lisinopril 10 MG (10 mg)');
  });

  it('does not escalate a dose the patient confirmed as taken', async () => {
    const notifier = new RecordingNotifier();
    const deps = { serving: stack.deps.serving, notifier };
    await schedule(stack, 'west', 'p-taken', '2026-02-05', '08:00:00');
    await deliverDue(deps, new Date('2026-02-05T08:00:00Z'));
    const occurrenceId = notifier.sent[0]!.dedupeKey;
    // Act
    const ack = await acknowledgeReminder(deps, {
      hospital: 'west',
      occurrenceId,
      status: 'taken',
      at: new Date('2026-02-05T08:03:00Z'),
    });
    const later = await deliverDue(deps, new Date('2026-02-05T09:00:00Z'));
    // Assess
    expect(ack).toEqual({ recorded: true, status: 'taken' });
    expect(later).toMatchObject({ acknowledged: 1, escalated: 0 });
    expect(notifier.on(reminderChannels.caregiver)).toEqual([]);
  });

  it('brings a snoozed reminder back once, 15 minutes later, however often snooze is pressed', async () => {
    const notifier = new RecordingNotifier();
    const deps = { serving: stack.deps.serving, notifier };
    await schedule(stack, 'west', 'p-snooze', '2026-02-06', '08:00:00');
    await deliverDue(deps, new Date('2026-02-06T08:00:00Z'));
    const occurrenceId = notifier.sent[0]!.dedupeKey;
    const answer = {
      hospital: 'west',
      occurrenceId,
      status: 'snoozed' as const,
      at: new Date('2026-02-06T08:02:10Z'),
    };
    // Act
    const first = await acknowledgeReminder(deps, answer);
    const second = await acknowledgeReminder(deps, { ...answer, status: 'taken' });
    await deliverDue(deps, new Date('2026-02-06T08:18:00Z'));
    await deliverDue(deps, new Date('2026-02-06T08:19:00Z'));
    // Assess
    expect(first).toMatchObject({ recorded: true, snoozedUntil: '2026-02-06T08:18:00.000Z' });
    // The earlier answer stands; a retry is told the same snoozed occurrence (rebuilt if missing).
    expect(second).toEqual({
      recorded: false,
      status: 'snoozed',
      snoozedOccurrenceId: first.snoozedOccurrenceId,
      snoozedUntil: '2026-02-06T08:18:00.000Z',
    });
    const reminders = notifier.on(reminderChannels.patient);
    expect(reminders.map((n) => n.dedupeKey)).toEqual([occurrenceId, first.snoozedOccurrenceId]);
  });

  it('refuses to acknowledge another hospital’s occurrence', async () => {
    const notifier = new RecordingNotifier();
    const deps = { serving: stack.deps.serving, notifier };
    await schedule(stack, 'west', 'p-scope', '2026-02-07', '08:00:00');
    await deliverDue(deps, new Date('2026-02-07T08:00:00Z'));
    const occurrenceId = notifier.sent[0]!.dedupeKey;
    await expect(
      acknowledgeReminder(deps, {
        hospital: 'east',
        occurrenceId,
        status: 'taken',
        at: new Date('2026-02-07T08:01:00Z'),
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
