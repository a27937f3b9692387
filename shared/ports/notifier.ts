// Port: outbound notifications to care teams and patients (SNS in AWS, the local outbox here).
export interface Notification {
  /** Logical channel, e.g. "care-team" or "patient-reminders". */
  channel: string;
  subject: string;
  /** Must not contain PHI beyond the pseudonymous patient id. */
  message: string;
  /** Idempotency key: the same key is delivered once. */
  dedupeKey: string;
  attributes?: Record<string, string>;
}

export interface Notifier {
  send(notification: Notification): Promise<void>;
}
