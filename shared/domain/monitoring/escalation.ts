// Domain (monitoring): how an unacknowledged alert escalates while its problem persists. This is a
// local care-team policy, not a guideline value: the delays echo the RCP NEWS2 2017 response tiers
// (routine review within hours, urgent within the hour) and are meant to be tuned per hospital.
// Escalation happens whenever the alert is next written (an evaluation) and, so that it happens on
// time without new data, in the scheduled sweep (escalation-sweep.ts), which looks at each alert at
// its `nextCheckAt`.
import type { Alert } from './alert-records';
import { severities, type RuleId, type Severity } from './rules';

/** How long an open, unacknowledged alert stays at a severity before it steps up one level. */
export const escalateAfterMs: Readonly<Record<Exclude<Severity, 'critical'>, number>> = {
  info: 7 * 86_400_000, // a week of an ignored above-goal value -> warning
  warning: 24 * 3_600_000, // a day -> urgent
  urgent: 3_600_000, // an hour -> critical
};

export const rank = (s: Severity) => severities.indexOf(s);
export const higher = (a: Severity, b: Severity) => (rank(a) >= rank(b) ? a : b);

/**
 * The highest severity persistence alone may reach, per rule and per the severity the rule gave the
 * finding (its clinical tier). Chronic above-target findings do not become emergencies by waiting, and
 * an ignored NEWS2 or hyperglycaemia finding climbs one response tier above its own at most: it asks
 * for a faster look, never for the response a worse finding would call for. A worse finding still
 * raises severity at once (alerts.ts).
 *
 * - news2: RCP NEWS2 (Royal College of Physicians, December 2017), Chart 3 clinical response, mapped to
 *   severities in rules.ts (`news2Severity`). Low (aggregate 1-4, info): ward-based response -> at most
 *   warning. Low-medium (a 3 in a single parameter, warning): urgent ward-based response -> at most
 *   urgent. Medium (5-6, urgent): key threshold for an urgent response; an urgent response left
 *   unacknowledged steps up to critical, as the policy above intends. High (7+, critical): emergency
 *   response, critical.
 * - hyperglycaemia: ADA Standards of Care in Diabetes 2025, section 6 (level 1 >180 mg/dL, level 2
 *   >250 mg/dL: Table 6.2 CGM metrics, Battelino et al. Diabetes Care 2019;42:1593). Level 1 (info)
 *   -> at most warning; level 2 (warning) -> at most urgent, never a critical page.
 * - hypoglycaemia (ADA 2024 Table 6.4, level 1 warning, level 2 urgent) and bp-crisis (ACC/AHA 2017
 *   §11.2, urgent) are acute: critical. bp-above-target (stage 1 info, stage 2 warning): warning.
 *   hba1c-above-goal: info (a review, not an alert to page).
 */
export const escalationCeilings: Readonly<Record<RuleId, Readonly<Record<Severity, Severity>>>> = {
  'bp-crisis': { info: 'critical', warning: 'critical', urgent: 'critical', critical: 'critical' },
  'bp-above-target': {
    info: 'warning',
    warning: 'warning',
    urgent: 'warning',
    critical: 'warning',
  },
  hypoglycaemia: {
    info: 'critical',
    warning: 'critical',
    urgent: 'critical',
    critical: 'critical',
  },
  hyperglycaemia: { info: 'warning', warning: 'urgent', urgent: 'urgent', critical: 'urgent' },
  'hba1c-above-goal': { info: 'info', warning: 'info', urgent: 'info', critical: 'info' },
  news2: { info: 'warning', warning: 'urgent', urgent: 'critical', critical: 'critical' },
};

/**
 * The severity the rule gave the alert's latest finding: `findingSeverity` as recorded, else (an
 * alert written before it was recorded) the level its last 'worsened' step reached, else the level it
 * opened at (the `from` of its first step, or its severity when it never moved).
 */
export function findingSeverityOf(alert: Alert): Severity {
  if (alert.findingSeverity) return alert.findingSeverity;
  const worsened = alert.escalations.filter((e) => e.why === 'worsened').at(-1);
  return worsened?.to ?? alert.escalations[0]?.from ?? alert.severity;
}

/** The ceiling of an alert's escalation by persistence (never below its current severity). */
export function escalationCeiling(alert: Alert): Severity {
  return higher(escalationCeilings[alert.rule][findingSeverityOf(alert)], alert.severity);
}

/** Severities from which the care team is notified (info alerts are listed, not pushed). */
export const notifyFrom: Severity = 'warning';

/**
 * The severity an alert has reached at `now` by persistence alone: it steps up one level each time it
 * has stayed `escalateAfterMs[level]` at a level, never above the rule's ceiling (or its current level).
 * Returns the new severity and the instant it was reached (the new escalation clock).
 */
export function escalatedSeverity(
  severity: Severity,
  levelSince: number,
  now: number,
  ceiling: Severity,
): { severity: Severity; since: number } {
  let level = severity;
  let since = levelSince;
  while (level !== 'critical' && rank(level) < rank(ceiling)) {
    const next = since + escalateAfterMs[level];
    if (next > now) break;
    level = severities[rank(level) + 1]!;
    since = next;
  }
  return { severity: level, since };
}

/**
 * A care-team page claimed but not confirmed sent is retried after this long: longer than the monitor
 * function's 30 s timeout (infra/constructs/patient-monitoring.ts), so a sender still at work is not
 * raced, and short enough that a failed page goes out again within minutes.
 */
export const pageRetryAfterMs = 2 * 60_000;

/** The alert is due a care-team page of its current severity that is not recorded as sent. */
export function pageDue(alert: Alert): boolean {
  return (
    alert.status !== 'resolved' &&
    rank(alert.severity) >= rank(notifyFrom) &&
    !alert.notified.includes(alert.severity)
  );
}

/**
 * When the sweep should next look at an alert written at `writtenAt` (epoch ms): its next escalation
 * step by persistence (open, unacknowledged, below its ceiling), or a retry of an unconfirmed page,
 * whichever comes first; undefined when neither can happen (acknowledged, resolved, at its ceiling).
 */
export function nextCheckAt(alert: Alert, writtenAt: number): number | undefined {
  const times: number[] = [];
  if (alert.status === 'open') {
    const ceiling = escalationCeiling(alert);
    if (alert.severity !== 'critical' && rank(alert.severity) < rank(ceiling))
      times.push(Date.parse(alert.levelSince) + escalateAfterMs[alert.severity]);
  }
  if (pageDue(alert)) times.push(writtenAt + pageRetryAfterMs);
  return times.length ? Math.min(...times) : undefined;
}

/**
 * The alert escalated by persistence alone at `now` (the same alert object when nothing changes):
 * only an open (unacknowledged) alert escalates with time, one level per `escalateAfterMs`, each step
 * recorded at the instant it was reached.
 */
export function escalateWithTime(alert: Alert, now: number): Alert {
  if (alert.status !== 'open') return alert;
  const ceiling = escalationCeiling(alert);
  const reached = escalatedSeverity(alert.severity, Date.parse(alert.levelSince), now, ceiling);
  if (reached.severity === alert.severity) return alert;
  return {
    ...alert,
    severity: reached.severity,
    levelSince: new Date(reached.since).toISOString(),
    escalations: [
      ...alert.escalations,
      {
        from: alert.severity,
        to: reached.severity,
        at: new Date(reached.since).toISOString(),
        why: 'persisted',
      },
    ],
  };
}
