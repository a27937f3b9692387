// Tests for the minute tick's failure handling: retries after failed sends, no resend after an
// unknown outcome (standard SNS topic: no deduplication), abandonment instead of a silent drop, and
// withdrawn reminders never sent.
import { describe, expect, it } from 'vitest';
import type { MedicationRequest } from '@medplum/fhirtypes';
import type { Notification } from '../../ports/notifier';
import { deliverDue } from './deliver-due';
import { reminderSk } from './delivery-keys';
import { expandDosage } from './expand-dosage';
import {
  InMemoryTable as MemoryTable,
  RecordingNotifier,
} from '../monitoring/in-memory-table.fixture';
import { reminderChannels } from './reminder-messages';
import { scheduleReminders } from './schedule-reminders';

const order: MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'mr1',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Warfarin 5 MG' },
  authoredOn: '2026-03-01',
  dosageInstruction: [
    { timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00'] } } },
  ],
};

/** One 08:00 UTC dose on 10 March 2026 for patient p1 of hospital h. */
async function oneDose(table: MemoryTable): Promise<void> {
  const { occurrences } = expandDosage(order, {
    tz: 'UTC',
    from: new Date('2026-03-10T00:00:00Z'),
    to: new Date('2026-03-11T00:00:00Z'),
  });
  await scheduleReminders(
    { serving: table },
    { hospital: 'h', patient: 'p1', tz: 'UTC', doses: occurrences },
  );
}

const at = (hhmm: string) => new Date(`2026-03-10T${hhmm}:00Z`);

describe('Use case: deliverDue failure handling', () => {
  it('retries a reminder whose sends failed at every tick until one succeeds (no silent skip)', async () => {
    // Prepare: the notifier fails three times (an SNS throttle of a few minutes)
    const table = new MemoryTable();
    await oneDose(table);
    let failures = 3;
    const sent: Notification[] = [];
    const notifier = {
      async send(n: Notification) {
        if (failures-- > 0) throw new Error('throttled');
        sent.push(n);
      },
    };
    // Act
    const outcomes: string[] = [];
    for (const t of ['08:00', '08:01', '08:02', '08:03']) {
      await deliverDue({ serving: table, notifier }, at(t)).then(
        (r) => outcomes.push(`delivered=${r.delivered} skipped=${r.skipped}`),
        () => outcomes.push('threw'),
      );
    }
    // Assess: each failure surfaces as an error, the fourth tick delivers, once
    expect(outcomes).toEqual(['threw', 'threw', 'threw', 'delivered=1 skipped=0']);
    expect(sent.filter((n) => n.channel === reminderChannels.patient)).toHaveLength(1);
  });

  it('records a reminder that aged out undelivered as abandoned and tells the caregiver, without the drug', async () => {
    // Prepare: every patient-channel send fails for the whole catch-up window
    const table = new MemoryTable();
    await oneDose(table);
    const sent: Notification[] = [];
    const notifier = {
      async send(n: Notification) {
        if (n.channel === reminderChannels.patient) throw new Error('SNS unavailable');
        sent.push(n);
      },
    };
    for (let m = 0; m <= 30; m++)
      await deliverDue(
        { serving: table, notifier },
        new Date(at('08:00').getTime() + m * 60_000),
      ).catch(() => undefined);
    // Act
    const aged = await deliverDue({ serving: table, notifier }, at('08:31'));
    const after = await deliverDue({ serving: table, notifier }, at('08:32'));
    // Assess
    expect(aged.abandoned).toBe(1);
    expect(after).toMatchObject({ read: 0, abandoned: 0 });
    const notices = sent.filter((n) => n.channel === reminderChannels.caregiver);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain('p1');
    expect(notices[0]!.message).not.toMatch(/Warfarin|5 MG/i);
    expect(table.withSk(reminderSk.done('abandon'))).toHaveLength(1);
  });

  it('escalates a reminder no tick reached within the catch-up window (a 40-minute outage)', async () => {
    const table = new MemoryTable();
    await oneDose(table);
    const notifier = new RecordingNotifier();
    const report = await deliverDue({ serving: table, notifier }, at('08:40'));
    expect(report).toMatchObject({ delivered: 0, abandoned: 1 });
    expect(notifier.on(reminderChannels.patient)).toEqual([]);
    expect(notifier.on(reminderChannels.caregiver)).toHaveLength(1);
  });

  it('does not resend a reminder whose SENT record failed after a successful send, and still escalates it', async () => {
    // Prepare: the SENT write times out once, after the notifier accepted the reminder
    const table = new MemoryTable();
    await oneDose(table);
    const notifier = new RecordingNotifier();
    const put = table.put.bind(table);
    let failOnce = true;
    table.put = async (item) => {
      if (failOnce && item.sk === reminderSk.done('deliver')) {
        failOnce = false;
        throw new Error('DynamoDB timeout');
      }
      return put(item);
    };
    // Act
    await expect(deliverDue({ serving: table, notifier }, at('08:00'))).rejects.toThrow();
    const retried = await deliverDue({ serving: table, notifier }, at('08:03'));
    const escalation = await deliverDue({ serving: table, notifier }, at('09:03'));
    // Assess: one patient reminder in all; the caregiver is still told when no answer comes
    expect(notifier.on(reminderChannels.patient)).toHaveLength(1);
    expect(retried).toMatchObject({ unconfirmed: 1, delivered: 0 });
    expect(escalation.escalated).toBe(1);
  });

  it('does not send a reminder a re-plan withdrew, even while the index still lists it', async () => {
    const table = new MemoryTable();
    await oneDose(table);
    const [task] = table.withSk(reminderSk.occurrence);
    // The table says withdrawn; the (eventually consistent) index has not caught up yet.
    await table.put({ ...task!, withdrawn: true });
    const notifier = new RecordingNotifier();
    const report = await deliverDue({ serving: table, notifier }, at('08:00'));
    expect(report).toMatchObject({ withdrawn: 1, delivered: 0 });
    expect(notifier.sent).toEqual([]);
  });
});
