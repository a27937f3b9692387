// Domain (monitoring): the alert record and its keys in the serving table, next to the serving keys
// (serving/records.ts). An alert lives in its patient's partition `P#{hospital}#{patient}` under
// `ALERT#{rule}#{episode}`, so a hospital's query can never reach another hospital's alerts, and a
// second index entry `HA#{hospital}` (byHospital, distinct from the `H#` patient list) lists a
// hospital's alerts by time for a care-team view.
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

export function alertItem(alert: Alert): Item {
  return {
    pk: alertKeys.partition(alert.hospital, alert.patientId),
    sk: alertKeys.sort(alert.rule, alert.episode),
    gsi1pk: alertKeys.hospitalAlerts(alert.hospital),
    gsi1sk: `${alert.openedAt}#${alert.alertId}`,
    hospital: alert.hospital,
    kind: 'alert',
    alert,
  };
}

export function alertOf(item: Item): Alert {
  return item.alert as Alert;
}
