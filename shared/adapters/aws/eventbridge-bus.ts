// Secondary adapter: EventBus over Amazon EventBridge PutEvents (at most 10 entries per call). An
// entry EventBridge refuses makes the whole publish fail, so the caller's retry re-publishes; consumers
// are idempotent, so a re-published event is harmless.
import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { DomainEvent, EventBus } from '../../ports/event-bus';
import { DependencyError } from '../../domain/errors';

export class EventBridgeBus implements EventBus {
  constructor(
    private readonly client: EventBridgeClient,
    /** Bus name or ARN; the account's default bus when undefined. */
    private readonly busName?: string,
  ) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 10) {
      const chunk = events.slice(i, i + 10);
      const out = await this.client.send(
        new PutEventsCommand({
          Entries: chunk.map((e) => ({
            Source: e.source,
            DetailType: e.detailType,
            Detail: JSON.stringify(e.detail),
            ...(this.busName ? { EventBusName: this.busName } : {}),
          })),
        }),
      );
      if (out.FailedEntryCount) {
        const codes = [...new Set((out.Entries ?? []).map((e) => e.ErrorCode).filter(Boolean))];
        throw new DependencyError(
          `EventBridge refused ${out.FailedEntryCount} of ${chunk.length} events (${codes.join(', ')})`,
        );
      }
    }
  }
}
