import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { EventBridgeBus } from './eventbridge-bus';
import { DependencyError } from '../../domain/errors';

const eventBridge = mockClient(EventBridgeClient);
afterEach(() => eventBridge.reset());

const event = (n: number) => ({
  source: 'caregraph.ingest',
  detailType: 'PatientDataUpdated',
  detail: { hospital: 'east', patientId: `p${n}`, batch: 'b1' },
});

describe('Class: EventBridgeBus', () => {
  it('publishes in chunks of ten entries with the detail as JSON', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    const bus = new EventBridgeBus(new EventBridgeClient({ region: 'us-east-1' }), 'caregraph');
    // Act
    await bus.publish(Array.from({ length: 23 }, (_, i) => event(i)));
    // Assess
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls.map((c) => c.args[0].input.Entries!.length)).toEqual([10, 10, 3]);
    expect(calls[0]!.args[0].input.Entries![0]).toEqual({
      Source: 'caregraph.ingest',
      DetailType: 'PatientDataUpdated',
      Detail: '{"hospital":"east","patientId":"p0","batch":"b1"}',
      EventBusName: 'caregraph',
    });
  });

  it('fails the publish when EventBridge refuses an entry, so the caller retries', async () => {
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ EventId: '1' }, { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }],
    });
    const bus = new EventBridgeBus(new EventBridgeClient({ region: 'us-east-1' }));
    await expect(bus.publish([event(1), event(2)])).rejects.toThrow(DependencyError);
    await expect(bus.publish([event(1), event(2)])).rejects.toThrow(/ThrottlingException/);
  });
});
