// Tests for the daily re-plan adapter and its local schedule: the embedded stack's scheduler fires
// the re-plan once a day at the same UTC time as the AWS schedule, and the handler re-plans the
// registered patients from the Scheduled Event it receives.
import { describe, expect, it } from 'vitest';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { LocalScheduler } from '../../local/scheduler';
import { fixedClock } from '../../shared/ports/clock';
import { InMemoryTable as MemoryTable } from '../../shared/domain/monitoring/in-memory-table.fixture';
import { planStoredReminders } from '../../shared/domain/reminders/plan-stored';
import { dailyReplanAtUtc } from '../../shared/domain/reminders/replan-active';
import { makeReplanHandler } from './make-replan-handler';

const observability = () => ({
  logger: new Logger({ logLevel: 'SILENT' }),
  metrics: new Metrics({ namespace: 'test', serviceName: 'reminders-replan' }),
});

describe('Adapter: daily reminder re-plan', () => {
  it('fires the local daily schedule only on the tick at its UTC time', async () => {
    let now = new Date('2026-03-10T02:14:00Z');
    const fired: string[] = [];
    const scheduler = new LocalScheduler(
      [
        {
          name: 'caregraph-reminders-daily-replan',
          handler: async (event) => void fired.push(event.time),
          dailyAtUtc: dailyReplanAtUtc,
        },
      ],
      60_000,
      () => now,
    );
    for (const t of ['02:14', '02:15', '02:16']) {
      now = new Date(`2026-03-10T${t}:00Z`);
      await scheduler.tick();
    }
    expect(fired).toEqual(['2026-03-10T02:15:00Z']);
  });

  it('re-plans the registered patients from a Scheduled Event', async () => {
    const serving = new MemoryTable();
    await serving.put({
      pk: 'P#h#p1',
      sk: 'PATIENT',
      resource: { resourceType: 'Patient', id: 'p1' },
    });
    await serving.put({
      pk: 'P#h#p1',
      sk: 'MedicationRequest#mr1',
      resource: {
        resourceType: 'MedicationRequest',
        id: 'mr1',
        status: 'active',
        intent: 'order',
        subject: { reference: 'Patient/p1' },
        medicationCodeableConcept: { text: 'Lisinopril 10 MG' },
        authoredOn: '2026-01-01',
        dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } }],
      },
    });
    await planStoredReminders(
      { serving, clock: fixedClock('2026-03-10T06:00:00Z') },
      { hospital: 'h', patientId: 'p1', defaultTimeZone: 'UTC' },
    );
    const handler = makeReplanHandler(
      { serving, clock: fixedClock('2026-03-11T02:15:00Z'), defaultTimeZone: 'UTC' },
      observability(),
    );
    const report = await handler(
      {
        'detail-type': 'Scheduled Event',
        source: 'aws.scheduler',
        time: '2026-03-11T02:15:00Z',
        detail: {},
      },
      {} as Context,
    );
    expect(report).toMatchObject({ patients: 1, failed: 0 });
    expect(report.written).toBeGreaterThanOrEqual(7);
    // With under a minute of a 15-minute invocation left, no patient is started, and the run says so
    const left = [900_000];
    const late = await handler(
      {
        'detail-type': 'Scheduled Event',
        source: 'aws.scheduler',
        time: '2026-03-11T02:15:00Z',
        detail: {},
      },
      { getRemainingTimeInMillis: () => left.shift() ?? 59_000 } as Context,
    );
    expect(late).toMatchObject({ patients: 0, notReached: 1, failed: 0 });
  });
});
