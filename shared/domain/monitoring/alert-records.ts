// Domain (monitoring): the alert record and its keys in the serving table, next to the serving keys
// (serving/records.ts). An alert lives in its patient's partition `P#{hospital}#{patient}` under
// `ALERT#{rule}#{episode}`, so a hospital's query can never reach another hospital's alerts, and a
// second index entry `HA#{hospital}` (byHospital, distinct from the `H#` patient list) lists a
// hospital's alerts by time for a care-team view.
//
// Concurrency: every alert item carries a revision `rev`, and every change after the first write is
// a conditional put on it (alert-store.ts), so a concurrent evaluation, escalation sweep or
// acknowledgement is never overwritten. Beside each alert, `NOTIFIED#{rule}#{episode}#{severity}`
// records the care-team page of one severity (claimed with a conditional put before sending, so only
// one writer pages). An alert with an escalation step or an unconfirmed page ahead is also listed on
// the byPatientTime index under the partition `ALERT-CHECK` (gsi2pk), sorted by when it is due
// (gsi2sk), for the scheduled escalation sweep (escalation-sweep.ts); the index is sparse.
import type { Item } from '../../ports/table';
import { ValidationError } from '../errors';
import { isFhirId } from '../preprocess/primitives';
import { servingKeys } from '../serving/records';
import { ruleIds, type RuleId, type Severity } from './rules';
import type { GuidelineSource } from './thresholds';

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

export interface Alert {
  /** `{patientId}.{rule}.{episode}`: addressable without a second lookup. */
  alertId: string;
  hospital: string;
  /** Pseudonymous patient id (the serving projection's id). */
  patientId: string;
  rule: RuleId;
  /** 1 for the first time this problem opened for this patient, 2 after it resolved and recurred... */
  episode: number;
  status: AlertStatus;
  severity: Severity;
  /**
   * The severity the rule gave the latest finding (its clinical tier), which sets how far persistence
   * alone may escalate the alert (escalation.ts `escalationCeilings`); absent on alerts written before it
   * was recorded (then derived from `escalations`).
   */
  findingSeverity?: Severity;
  reason: string;
  source: GuidelineSource;
  observationIds: string[];
  openedAt: string;
  updatedAt: string;
  /** When the alert reached its current severity (escalation clock). */
  levelSince: string;
  /** Severities already sent to the care team (each at most once). */
  notified: Severity[];
  escalations: { from: Severity; to: Severity; at: string; why: 'persisted' | 'worsened' }[];
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  resolvedAt?: string;
}

const episodeDigits = 6;

export const alertKeys = {
  partition: (hospital: string, patientId: string) => servingKeys.patient(hospital, patientId).pk,
  /** Sort key of one episode; zero-padded so the latest episode sorts last. */
  sort: (rule: RuleId, episode: number) =>
    `ALERT#${rule}#${String(episode).padStart(episodeDigits, '0')}`,
  rulePrefix: (rule: RuleId) => `ALERT#${rule}#`,
  allPrefix: 'ALERT#',
  hospitalAlerts: (hospital: string) => `HA#${hospital}`,
  /** The care-team page of one severity of one alert (beside the alert, never under `ALERT#`). */
  notification: (rule: RuleId, episode: number, severity: Severity) =>
    `NOTIFIED#${rule}#${String(episode).padStart(episodeDigits, '0')}#${severity}`,
  /** byPatientTime (gsi2) partition of alerts with a check due, across hospitals (sweep only). */
  checkDue: 'ALERT-CHECK',
};

export function alertIdOf(patientId: string, rule: RuleId, episode: number): string {
  return `${patientId}.${rule}.${episode}`;
}

/** Parses an alert id; rule and episode are the last two dot-separated parts (patient ids may hold dots). */
export function parseAlertId(alertId: string): {
  patientId: string;
  rule: RuleId;
  episode: number;
} {
  const parts = alertId.split('.');
  const episode = Number(parts.pop());
  const rule = parts.pop() as RuleId;
  const patientId = parts.join('.');
  if (!isFhirId(patientId) || !ruleIds.includes(rule) || !Number.isInteger(episode) || episode < 1)
    throw new ValidationError('alertId is not a valid alert id', 'alertId');
  return { patientId, rule, episode };
}

/**
 * The item of an alert at revision `rev`; `checkAt` (epoch ms), when set, lists it on the sweep's
 * index partition at that instant (escalation.ts `nextCheckAt`).
 */
export function alertItem(alert: Alert, rev: number, checkAt?: number): Item {
  return {
    pk: alertKeys.partition(alert.hospital, alert.patientId),
    sk: alertKeys.sort(alert.rule, alert.episode),
    gsi1pk: alertKeys.hospitalAlerts(alert.hospital),
    gsi1sk: `${alert.openedAt}#${alert.alertId}`,
    ...(checkAt !== undefined
      ? {
          gsi2pk: alertKeys.checkDue,
          gsi2sk: `${new Date(checkAt).toISOString()}#${alert.hospital}#${alert.alertId}`,
        }
      : {}),
    hospital: alert.hospital,
    kind: 'alert',
    rev,
    alert,
  };
}

export function alertOf(item: Item): Alert {
  return item.alert as Alert;
}

/** An alert as stored: its revision (undefined for an item written before revisions) and check time. */
export interface StoredAlert {
  alert: Alert;
  rev: number | undefined;
  /** When the sweep is due to look at it (ISO instant), if it is on the sweep's index. */
  checkAt?: string;
}

export function storedAlertOf(item: Item): StoredAlert {
  const checkAt =
    item.gsi2pk === alertKeys.checkDue ? String(item.gsi2sk).split('#')[0] : undefined;
  return {
    alert: alertOf(item),
    rev: typeof item.rev === 'number' ? item.rev : undefined,
    ...(checkAt ? { checkAt } : {}),
  };
}
