// Tests for the monitor function's PatientDataUpdated path as it concerns reminders: it reports how
// many reminders the re-plan withdrew and whether a newer re-plan's plan stands (counts only), and a
// re-plan that cannot see its stop applied fails the invocation (retryable), so EventBridge retries
// the event and dead-letters it if it keeps failing, instead of counting it as done.
import { describe, expect, it } from 'vitest';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { MedicationRequest } from '@medplum/fhirtypes';
import { fixedClock } from '../../shared/ports/clock';
import type { QueryInput } from '../../shared/ports/table';
import { DependencyError } from '../../shared/domain/errors';
import {
  InMemoryTable as MemoryTable,
  RecordingNotifier,
} from '../../shared/domain/monitoring/in-memory-table.fixture';
import { planStoredReminders } from '../../shared/domain/reminders/plan-stored';
import { takePlanRevision } from '../../shared/domain/reminders/plan-revision';
import { warfarin } from '../../shared/domain/reminders/warfarin-plan.fixture';
import { makeMonitorHandler } from './make-handler';

const event = {
  'detail-type': 'PatientDataUpdated',
  detail: { hospital: 'h', patientId: 'p1', batch: 'b1' },
};

async function store(table: MemoryTable, request: MedicationRequest) {
  await table.put({ pk: 'P#h#p1', sk: 'PATIENT', resource: { resourceType: 'Patient', id: 'p1' } });
  await table.put({ pk: 'P#h#p1', sk: 'MedicationRequest#mr1', resource: request });
}

function handlerOn(serving: MemoryTable) {
  const logged: Record<string, unknown>[] = [];
  const logger = new Logger({ logLevel: 'SILENT' });
  logger.info = ((message: string, extra: Record<string, unknown>) =>
    void logged.push({ message, ...extra })) as Logger['info'];
  const handler = makeMonitorHandler(
    {
      serving,
      clock: fixedClock('2026-03-11T02:16:00Z'),
      notifier: new RecordingNotifier(),
      defaultTimeZone: 'UTC',
      wait: async () => {},
    },
    { logger, metrics: new Metrics({ namespace: 'test', serviceName: 'monitor' }) },
  );
  return { handler, logged };
}

describe('Adapter: monitor function, reminder re-plan on PatientDataUpdated', () => {
  it('logs how many reminders the stop withdrew, and that no newer plan superseded it', async () => {
    const table = new MemoryTable();
    await store(table, warfarin('active'));
    await planStoredReminders(
      { serving: table, clock: fixedClock('2026-03-10T06:00:00Z') },
      { hospital: 'h', patientId: 'p1', defaultTimeZone: 'UTC' },
    );
    await store(table, warfarin('stopped'));
    const { handler, logged } = handlerOn(table);
    const counts = await handler(event, {} as Context);
    expect(counts).toMatchObject({ remindersWithdrawn: 6, remindersSuperseded: 0 });
    const line = logged.find((l) => l.message === 'patient evaluated');
    expect(line).toMatchObject({ remindersWithdrawn: 6, remindersSuperseded: 0 });
    expect(JSON.stringify(line)).not.toContain('p1');
  });

  it('fails retryably when newer re-plans keep overtaking it and never complete', async () => {
    const table = new MemoryTable();
    await store(table, warfarin('active'));
    await planStoredReminders(
      { serving: table, clock: fixedClock('2026-03-10T06:00:00Z') },
      { hospital: 'h', patientId: 'p1', defaultTimeZone: 'UTC' },
    );
    await store(table, warfarin('stopped'));
    const view = Object.create(table) as MemoryTable;
    view.query = async (q: QueryInput) => {
      const page = await table.query(q);
      if (q.partition === 'P#h#p1' && q.sortPrefix === undefined)
        await takePlanRevision(table, 'h', 'p1', new Date());
      return page;
    };
    const { handler } = handlerOn(view);
    await expect(handler(event, {} as Context)).rejects.toBeInstanceOf(DependencyError);
  });
});
