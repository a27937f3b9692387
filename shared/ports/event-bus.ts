// Port: domain events between functions (EventBridge in AWS, an in-process at-least-once queue here).
// Delivery is at least once: every consumer must be idempotent.

export interface DomainEvent {
  /** Emitting component, e.g. `caregraph.ingest`. */
  source: string;
  /** Event name, e.g. `PatientDataUpdated`. */
  detailType: string;
  /** The event body: identifiers only (pseudonymous), never PHI or clinical values. */
  detail: Record<string, unknown>;
}

export interface EventBus {
  publish(events: readonly DomainEvent[]): Promise<void>;
}

/** The events caregraph emits. */
export const eventTypes = {
  patientDataUpdated: { source: 'caregraph.ingest', detailType: 'PatientDataUpdated' },
  noteCurated: { source: 'caregraph.ingest', detailType: 'NoteCurated' },
  /** A file continues in another ingest invocation (functions/ingest/continuation.ts). */
  ingestContinuationRequested: {
    source: 'caregraph.ingest',
    detailType: 'IngestContinuationRequested',
  },
} as const;
