// Use cases (monitoring): evaluate a patient's observations into alerts, list and acknowledge them.
// One alert per open problem (hospital + patient + rule), created with putIfAbsent so re-evaluating the
// same data creates nothing; escalation while it persists; each severity paged to the care team once.
// Concurrent writers (two evaluations, the escalation sweep, an acknowledgement) are safe: every
// change is a conditional write on the alert's revision and every page is claimed before it is sent
// (alert-store.ts).
import type { Notifier } from '../../ports/notifier';
import type { Table } from '../../ports/table';
import { NotFoundError, ValidationError } from '../errors';
import type { FhirJson } from '../ingest/source-record';
import { isFhirId } from '../preprocess/primitives';
import { alertIdOf, alertKeys, parseAlertId, storedAlertOf, type Alert } from './alert-records';
import {
  conflict,
  createAlert,
  pageCareTeam,
  readAlert,
  replaceAlert,
  retryOnConflict,
} from './alert-store';
import { escalateWithTime, rank } from './escalation';
import type { News2Scorer } from './news2-input';
import { readingsFromObservations } from './readings';
import { ageInYears, evaluateRules, sexOf, type Finding, type RuleId } from './rules';
import type { Spo2ScaleChoice } from './spo2-scale';

export { careTeamChannel, careTeamNotification } from './alert-store';

export interface MonitoringDeps {
  /** The serving table (alerts sit in the patient's partition); needs `putIfUnchanged`. */
  alerts: Table;
  notifier: Notifier;
  /** NEWS2 scorer (shared/domain/risk/news2.ts); without it the NEWS2 rule is not evaluated. */
  news2?: News2Scorer;
}

export interface EvaluatePatientInput {
  hospital: string;
  /** Pseudonymous patient id. */
  patientId: string;
  observations: readonly FhirJson[];
  /** The patient's Patient resource, for the age the paediatric limits of the rules need. */
  patient?: FhirJson;
  /**
   * The NEWS2 SpO2 scale for this patient (spo2-scale.ts `spo2ScaleOf`, from their recorded SpO2
   * target); scale 1 when absent. The scale and its basis are stated in the NEWS2 alert's reason.
   */
  spo2Scale?: Spo2ScaleChoice;
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

/**
 * Evaluates a patient's observations at `now` and brings the stored alerts in line: opens an alert
 * for each new problem, updates or escalates open ones, resolves those whose rule no longer fires.
 * Idempotent for the same observations and `now`: nothing is written or sent the second time; two
 * evaluations at once page each alert's severity once between them.
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
    ...(input.spo2Scale
      ? { spo2Scale: input.spo2Scale.scale, spo2ScaleBasis: input.spo2Scale.basis }
      : {}),
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
  const table = ctx.deps.alerts;
  const stored = await retryOnConflict('alert', async () => {
    const latest = await latestEpisode(table, ctx.hospital, ctx.patientId, rule);
    if (!finding) {
      if (!latest || latest.alert.status === 'resolved') return undefined;
      const resolved: Alert = {
        ...latest.alert,
        status: 'resolved',
        resolvedAt: iso(ctx.now),
        updatedAt: iso(ctx.now),
      };
      const written = await replaceAlert(table, latest, resolved, ctx.now);
      if (!written) return conflict;
      ctx.outcome.resolved.push(resolved.alertId);
      return written;
    }
    if (!latest || latest.alert.status === 'resolved') {
      const opened = newAlert(ctx, finding, (latest?.alert.episode ?? 0) + 1);
      // Another evaluation opened this episode first: re-read and carry on from what it stored.
      const written = await createAlert(table, opened, ctx.now);
      if (!written) return conflict;
      ctx.outcome.opened.push(opened.alertId);
      return written;
    }
    const next = updatedAlert(ctx, latest.alert, finding);
    if (!changed(latest.alert, next)) return latest;
    const written = await replaceAlert(
      table,
      latest,
      { ...next, updatedAt: iso(ctx.now) },
      ctx.now,
    );
    if (!written) return conflict;
    if (next.severity !== latest.alert.severity) ctx.outcome.escalated.push(next.alertId);
    return written;
  });
  if (!stored) return;
  const paged = await pageCareTeam({ table, notifier: ctx.deps.notifier, now: ctx.now }, stored);
  if (paged.sent) ctx.outcome.notifications++;
  ctx.outcome.alerts.push(paged.stored.alert);
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
    findingSeverity: finding.severity,
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
function updatedAlert(ctx: RuleContext, current: Alert, finding: Finding): Alert {
  const next: Alert = {
    ...current,
    findingSeverity: finding.severity,
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
  return escalateWithTime(next, ctx.now);
}

function changed(before: Alert, next: Alert): boolean {
  return (
    next.severity !== before.severity ||
    next.findingSeverity !== before.findingSeverity ||
    next.reason !== before.reason ||
    next.observationIds.join() !== before.observationIds.join()
  );
}

async function latestEpisode(table: Table, hospital: string, patientId: string, rule: RuleId) {
  const page = await table.query({
    partition: alertKeys.partition(hospital, patientId),
    sortPrefix: alertKeys.rulePrefix(rule),
    descending: true,
    limit: 1,
  });
  return page.items[0] ? storedAlertOf(page.items[0]) : undefined;
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
    alerts.push(...page.items.map((item) => storedAlertOf(item).alert));
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
  const at = instant(input.at, 'at');
  const pk = alertKeys.partition(input.hospital, patientId);
  const sk = alertKeys.sort(rule, episode);
  // Conditional on the revision read: an evaluation or sweep writing at the same moment makes this
  // re-read and acknowledge what it stored, and it cannot overwrite the acknowledgement either.
  return retryOnConflict('alert', async () => {
    const stored = await readAlert(deps.alerts, pk, sk);
    if (!stored) throw new NotFoundError('no such alert in your hospital');
    const alert = stored.alert;
    if (alert.acknowledgedAt) return alert;
    const acknowledged: Alert = {
      ...alert,
      status: alert.status === 'open' ? 'acknowledged' : alert.status,
      acknowledgedBy: input.by,
      acknowledgedAt: iso(at),
      updatedAt: iso(at),
    };
    return (await replaceAlert(deps.alerts, stored, acknowledged, at)) ? acknowledged : conflict;
  });
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
