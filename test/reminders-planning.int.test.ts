// Integration: reminders planned from a patient's stored record (what the monitor function does on
// PatientDataUpdated), on the embedded stack: doses land in their due-minute buckets in the patient's
// time zone, an unsupported Timing is skipped with its reason, and re-planning never duplicates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { pseudonymousId } from '../shared/domain/serving/records';
import { planStoredReminders, timezoneExtension } from '../shared/domain/reminders/plan-stored';
import { dueReminders } from '../shared/domain/reminders/deliver-due';
import { reminderKeys, reminderSk } from '../shared/domain/reminders/delivery-keys';
import { dailyReplanAtUtc, type ReplanReport } from '../shared/domain/reminders/replan-active';
import { LocalScheduler } from '../local/scheduler';
import { fixedClock } from '../shared/ports/clock';
import { ndjson, patient, startTestStack, type TestStack } from './helpers/stack';

const request = (id: string, repeat: Record<string, unknown>) => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  authoredOn: '2026-03-01',
  medicationCodeableConcept: {
    coding: [
      {
        system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
        code: '860975',
        display: 'metformin hydrochloride 500 MG Oral Tablet',
      },
    ],
  },
  dosageInstruction: [
    { timing: { repeat }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] },
  ],
});

describe('Use case: planStoredReminders (embedded stack)', () => {
  let stack: TestStack;
  let pid: string;
  const clock = fixedClock('2026-03-10T12:00:00Z');

  beforeAll(async () => {
    stack = await startTestStack();
    pid = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p1');
    const person = patient('p1', {
      extension: [{ url: timezoneExtension, valueCode: 'Europe/London' }],
    });
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'Patient.ndjson'),
      ndjson(person),
    );
    await stack.settled();
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'MedicationRequest.ndjson'),
      ndjson(
        request('m1', {
          frequency: 2,
          period: 1,
          periodUnit: 'd',
          timeOfDay: ['08:00:00', '20:00:00'],
        }),
        request('m2', { frequency: 1, period: 1, periodUnit: 'mo' }),
      ),
    );
    await stack.settled();
  });
  afterAll(async () => stack?.stop());

  it('plans twice-daily doses for 7 local days and skips an unsupported Timing with its reason', async () => {
    const result = await planStoredReminders(
      { serving: stack.deps.serving, clock },
      { hospital: 'east', patientId: pid, defaultTimeZone: 'UTC' },
    );
    expect(result.tz).toBe('Europe/London');
    expect(result.written).toBeGreaterThanOrEqual(13); // 14 doses from 10 March, less any already past at 12:00
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]!.reason).toMatch(/periodUnit/);
    // 20:00 in London on 10 March 2026 is 20:00 UTC (GMT): exactly one task is due that minute.
    const due = await dueReminders(
      { serving: stack.deps.serving },
      new Date('2026-03-10T20:00:00Z'),
    );
    expect(due.filter((t) => t.patient === pid)).toHaveLength(1);
  });

  it('re-planning rewrites the same tasks instead of adding new ones', async () => {
    await planStoredReminders(
      { serving: stack.deps.serving, clock },
      { hospital: 'east', patientId: pid, defaultTimeZone: 'UTC' },
    );
    const due = await dueReminders(
      { serving: stack.deps.serving },
      new Date('2026-03-11T08:00:00Z'),
    );
    expect(due.filter((t) => t.patient === pid)).toHaveLength(1);
  });

  it('withdraws the pending reminders of an order that is stopped, and the daily re-plan skips the patient', async () => {
    // Prepare: patient p3 on a daily 09:00 order, planned
    const p3 = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p3');
    const forP3 = (status: string) => ({
      ...request('m4', { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['09:00:00'] }),
      status,
      subject: { reference: 'Patient/p3' },
    });
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b3', 'Patient.ndjson'),
      ndjson(patient('p3')),
    );
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b3', 'MedicationRequest.ndjson'),
      ndjson(forP3('active')),
    );
    await stack.settled();
    const plan = () =>
      planStoredReminders(
        { serving: stack.deps.serving, clock },
        { hospital: 'east', patientId: p3, defaultTimeZone: 'UTC' },
      );
    const planned = await plan();
    // Act: the clinician stops the order
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b4', 'MedicationRequest.ndjson'),
      ndjson(forP3('stopped')),
    );
    await stack.settled();
    const stopped = await plan();
    const due = await dueReminders(
      { serving: stack.deps.serving },
      new Date('2026-03-12T09:00:00Z'),
    );
    // Assess
    expect(planned.written).toBeGreaterThanOrEqual(6);
    expect(stopped).toMatchObject({ written: 0, withdrawn: planned.written });
    expect(due.filter((t) => t.patient === p3)).toEqual([]);
  });

  it('plans nothing for records whose Patient is not stored yet, and plans once it arrives', async () => {
    // Prepare: a MedicationRequest ingested before its Patient (files are ingested independently)
    const orphan = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p2');
    const forP2 = {
      ...request('m3', { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['09:00:00'] }),
      subject: { reference: 'Patient/p2' },
    };
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b2', 'MedicationRequest.ndjson'),
      ndjson(forP2),
    );
    await stack.settled();
    const plan = () =>
      planStoredReminders(
        { serving: stack.deps.serving, clock },
        { hospital: 'east', patientId: orphan, defaultTimeZone: 'UTC' },
      );

    // Act
    const before = await plan();
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b2', 'Patient.ndjson'),
      ndjson(patient('p2')),
    );
    await stack.settled();
    const after = await plan();

    // Assess: no error (the monitor's invocation does not fail and retry); planned after the Patient
    expect(before).toEqual({
      written: 0,
      withdrawn: 0,
      tz: 'UTC',
      skipped: [],
      patientStored: false,
    });
    expect(after.patientStored).toBe(true);
    // 7 days of 09:00 from 10 March, less the 10th's (3 h past at 12:00, older than the catch-up
    // window: no tick would read it, so it is not written).
    expect(after.written).toBe(6);
  });

  it("re-plans the registered patients on the stack's daily schedule, with the function's 15 minutes", async () => {
    // Prepare: the stack's own daily schedule, fired at its time (the stack's clock is real time)
    const daily = stack.scheduler.schedules.find(
      (s) => s.name === 'caregraph-reminders-daily-replan',
    );
    const revision = async () =>
      (await stack.deps.serving.get(reminderKeys.patientPlan('east', pid), reminderSk.planRevision))
        ?.revision as number;
    const before = await revision();
    const reports: ReplanReport[] = [];
    const leftAtStart: number[] = [];
    const scheduler = new LocalScheduler(
      [
        {
          ...daily!,
          handler: async (event, context) => {
            leftAtStart.push(context.getRemainingTimeInMillis());
            reports.push((await daily!.handler(event, context)) as ReplanReport);
          },
        },
      ],
      60_000,
      () => new Date(`2026-03-11T${dailyReplanAtUtc}:00Z`),
    );
    // Act
    await scheduler.tick();
    // Assess: p1 (an active order) re-planned, nobody left out
    expect(scheduler.failures).toEqual([]);
    expect(leftAtStart[0]).toBeGreaterThan(14 * 60_000);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ failed: 0, notReached: 0 });
    expect(reports[0]!.patients).toBeGreaterThanOrEqual(1);
    expect(await revision()).toBeGreaterThan(before);
  });
});
