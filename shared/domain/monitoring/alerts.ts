// Use cases (monitoring): evaluate a patient's observations into alerts, list and acknowledge them.
// One alert per open problem (hospital + patient + rule), created with putIfAbsent so re-evaluating the
// same data creates nothing; escalation while it persists; each severity notified to the care team once.
import type { Notifier } from '../../ports/notifier';
import type { Table } from '../../ports/table';
import { NotFoundError, ValidationError } from '../errors';
import type { FhirJson } from '../ingest/source-record';
import { isFhirId } from '../preprocess/primitives';
import {
  alertIdOf,
  alertItem,
  alertKeys,
  alertOf,
  parseAlertId,
  type Alert,
} from './alert-records';
import { escalatedSeverity, escalationCeiling, higher, notifyFrom, rank } from './escalation';
import type { News2Scorer } from './news2-input';
import { readingsFromObservations } from './readings';
import { ageInYears, evaluateRules, sexOf, type Finding, type RuleId } from './rules';

export interface MonitoringDeps {
  /** The serving table (alerts sit in the patient's partition). */
  alerts: Table;
  notifier: Notifier;
  /** NEWS2 scorer (shared/domain/risk/news2.ts); without it the NEWS2 rule is not evaluated. */
  news2?: News2Scorer;
  /** NEWS2 SpO2 scale for this patient population (default 1). */
  spo2Scale?: 1 | 2;
}

export interface EvaluatePatientInput {
  hospital: string;
  /** Pseudonymous patient id. */
  patientId: string;
  observations: readonly FhirJson[];
  /** The patient's Patient resource, for the age the paediatric limits of the rules need. */
  patient?: FhirJson;
  now: Date | string;
}

export interface EvaluationOutcome {
  findings: Finding[];
  /** Current state of every alert this evaluation touched or found open. */
  alerts: Alert[];
  opened: string[];
  escalated: string[];
  resolved: string[];
  notifications: number;
}

/** The care-team channel of the Notifier port. */
export const careTeamChannel = 'care-team';

/**
 * Evaluates a patient's observations at `now` and brings the stored alerts in line: opens an alert
 * for each new problem, updates or escalates open ones, resolves those whose rule no longer fires.
 * Idempotent for the same observations and `now`: nothing is written or sent the second time.
 */
export async function evaluatePatient(
  deps: MonitoringDeps,
  input: EvaluatePatientInput,
): Promise<EvaluationOutcome> {
  checkPatient(input.hospital, input.patientId);
  const now = instant(input.now, 'now');
  const readings = readingsFromObservations(input.observations);
  const ageYears = ageInYears(input.patient, now);
  const sex = sexOf(input.patient);
  const { findings, evaluated } = evaluateRules(readings, {
    now,
    news2: deps.news2,
    spo2Scale: deps.spo2Scale,
    ...(ageYears !== undefined ? { ageYears } : {}),
    ...(sex ? { sex } : {}),
  });
  const outcome: EvaluationOutcome = {
    findings,
    alerts: [],
    opened: [],
    escalated: [],
    resolved: [],
    notifications: 0,
  };
  const context = { deps, hospital: input.hospital, patientId: input.patientId, now, outcome };
  for (const rule of evaluated)
    await applyRule(
      context,
      rule,
      findings.find((f) => f.rule === rule),
    );
  return outcome;
}

interface RuleContext {
  deps: MonitoringDeps;
  hospital: string;
  patientId: string;
  now: number;
  outcome: EvaluationOutcome;
}

async function applyRule(ctx: RuleContext, rule: RuleId, finding: Finding | undefined) {
  const latest = await latestEpisode(ctx.deps.alerts, ctx.hospital, ctx.patientId, rule);
  if (!finding) {
    if (latest && latest.status !== 'resolved') {
      const resolved = {
        ...latest,
        status: 'resolved' as const,
        resolvedAt: iso(ctx.now),
        updatedAt: iso(ctx.now),
      };
      await ctx.deps.alerts.put(alertItem(resolved));
      ctx.outcome.resolved.push(resolved.alertId);
      ctx.outcome.alerts.push(resolved);
    }
    return;
  }
  if (!latest || latest.status === 'resolved') {
    const opened = newAlert(ctx, finding, (latest?.episode ?? 0) + 1);
    if (await ctx.deps.alerts.putIfAbsent(alertItem(opened))) {
      ctx.outcome.opened.push(opened.alertId);
      return settle(ctx, opened, { ...opened });
    }
    // Another evaluation opened this episode first: carry on from what it stored.
    const stored = await ctx.deps.alerts.get(
      alertItem(opened).pk as string,
      alertItem(opened).sk as string,
    );
    return updateAlert(ctx, alertOf(stored!), finding);
  }
  return updateAlert(ctx, latest, finding);
}

function newAlert(ctx: RuleContext, finding: Finding, episode: number): Alert {
  const at = iso(ctx.now);
  return {
    alertId: alertIdOf(ctx.patientId, finding.rule, episode),
    hospital: ctx.hospital,
    patientId: ctx.patientId,
    rule: finding.rule,
    episode,
    status: 'open',
    severity: finding.severity,
    reason: finding.reason,
    source: finding.source,
    observationIds: finding.observationIds,
    openedAt: at,
    updatedAt: at,
    levelSince: at,
    notified: [],
    escalations: [],
  };
}

/** A worse finding raises severity at once; an unacknowledged alert also escalates with time. */
async function updateAlert(ctx: RuleContext, current: Alert, finding: Finding) {
  const next: Alert = {
    ...current,
    reason: finding.reason,
    observationIds: finding.observationIds,
    escalations: [...current.escalations],
  };
  if (rank(finding.severity) > rank(next.severity)) {
    next.escalations.push({
      from: next.severity,
      to: finding.severity,
      at: iso(ctx.now),
      why: 'worsened',
    });
    next.severity = finding.severity;
    next.levelSince = iso(ctx.now);
  }
  if (next.status === 'open') {
    const ceiling = higher(escalationCeiling[next.rule], next.severity);
    const reached = escalatedSeverity(next.severity, Date.parse(next.levelSince), ctx.now, ceiling);
    if (reached.severity !== next.severity) {
      next.escalations.push({
        from: next.severity,
        to: reached.severity,
        at: iso(reached.since),
        why: 'persisted',
      });
      next.severity = reached.severity;
      next.levelSince = iso(reached.since);
    }
  }
  if (next.severity !== current.severity) ctx.outcome.escalated.push(next.alertId);
  return settle(ctx, current, next);
}

/** Notifies a new severity (once per level), then stores the alert if anything changed. */
async function settle(ctx: RuleContext, before: Alert, next: Alert) {
  const notify = rank(next.severity) >= rank(notifyFrom) && !next.notified.includes(next.severity);
  if (notify) {
    // Send before storing: if the store fails the retry sends again under the same dedupe key,
    // whereas storing first could record a notification that was never sent.
    await ctx.deps.notifier.send(careTeamNotification(next));
    next.notified = [...next.notified, next.severity];
    ctx.outcome.notifications++;
  }
  const changed =
    notify ||
    next.severity !== before.severity ||
    next.reason !== before.reason ||
    next.observationIds.join() !== before.observationIds.join();
  const settled = changed ? { ...next, updatedAt: iso(ctx.now) } : before;
  if (changed) await ctx.deps.alerts.put(alertItem(settled));
  ctx.outcome.alerts.push(settled);
}

/** The care-team message: pseudonymous patient id, rule, severity and source; no values, no PHI. */
export function careTeamNotification(alert: Alert) {
  return {
    channel: careTeamChannel,
    subject: `[${alert.severity}] ${alert.rule}`,
    message: `Alert ${alert.alertId}: rule ${alert.rule} is ${alert.severity} for patient ${alert.patientId} (source: ${alert.source.guideline}, ${alert.source.version}). Review in caregraph.`,
    dedupeKey: `alert#${alert.hospital}#${alert.alertId}#${alert.severity}`,
    attributes: { hospital: alert.hospital, rule: alert.rule, severity: alert.severity },
  };
}

async function latestEpisode(table: Table, hospital: string, patientId: string, rule: RuleId) {
  const page = await table.query({
    partition: alertKeys.partition(hospital, patientId),
    sortPrefix: alertKeys.rulePrefix(rule),
    descending: true,
    limit: 1,
  });
  return page.items[0] ? alertOf(page.items[0]) : undefined;
}

/** A patient's alerts, every status, newest first. */
export async function listAlerts(
  deps: Pick<MonitoringDeps, 'alerts'>,
  hospital: string,
  patientId: string,
): Promise<Alert[]> {
  checkPatient(hospital, patientId);
  const alerts: Alert[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.alerts.query({
      partition: alertKeys.partition(hospital, patientId),
      sortPrefix: alertKeys.allPrefix,
      cursor,
    });
    alerts.push(...page.items.map(alertOf));
    cursor = page.cursor;
  } while (cursor);
  return alerts.sort(
    (a, b) => b.openedAt.localeCompare(a.openedAt) || a.alertId.localeCompare(b.alertId),
  );
}

/**
 * Records that a clinician has taken an alert on: it stops escalating with time (a worse finding still
 * raises it). Idempotent: a second acknowledgement keeps the first one's `by` and `at`.
 */
export async function acknowledgeAlert(
  deps: Pick<MonitoringDeps, 'alerts'>,
  input: { hospital: string; alertId: string; by: string; at: Date | string },
): Promise<Alert> {
  const { patientId, rule, episode } = parseAlertId(input.alertId);
  checkPatient(input.hospital, patientId);
  if (!/^[\w@.:|-]{1,128}$/.test(input.by))
    throw new ValidationError('by must be a user id of 1-128 word characters', 'by');
  const at = iso(instant(input.at, 'at'));
  const pk = alertKeys.partition(input.hospital, patientId);
  const item = await deps.alerts.get(pk, alertKeys.sort(rule, episode));
  if (!item) throw new NotFoundError('no such alert in your hospital');
  const alert = alertOf(item);
  if (alert.acknowledgedAt) return alert;
  const acknowledged: Alert = {
    ...alert,
    status: alert.status === 'open' ? 'acknowledged' : alert.status,
    acknowledgedBy: input.by,
    acknowledgedAt: at,
    updatedAt: at,
  };
  await deps.alerts.put(alertItem(acknowledged));
  return acknowledged;
}

function checkPatient(hospital: string, patientId: string) {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(hospital))
    throw new ValidationError('hospital must be a lowercase slug', 'hospital');
  if (!isFhirId(patientId)) throw new ValidationError('patientId is not a valid id', 'patientId');
}

function instant(value: Date | string, field: string): number {
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(t)) throw new ValidationError(`${field} must be an ISO 8601 date-time`, field);
  return t;
}

const iso = (t: number) => new Date(t).toISOString();
