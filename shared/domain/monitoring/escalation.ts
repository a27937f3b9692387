// Domain (monitoring): how an unacknowledged alert escalates while its problem persists. This is a
// local care-team policy, not a guideline value: the delays echo the RCP NEWS2 2017 response tiers
// (routine review within hours, urgent within the hour) and are meant to be tuned per hospital.
import { severities, type RuleId, type Severity } from './rules';

/** How long an open, unacknowledged alert stays at a severity before it steps up one level. */
export const escalateAfterMs: Readonly<Record<Exclude<Severity, 'critical'>, number>> = {
  info: 7 * 86_400_000, // a week of an ignored above-goal value -> warning
  warning: 24 * 3_600_000, // a day -> urgent
  urgent: 3_600_000, // an hour -> critical
};

/**
 * The highest severity persistence alone may reach per rule. Chronic above-target findings do not
 * become emergencies by waiting; acute ones may reach critical. A worse finding still raises severity.
 */
export const escalationCeiling: Readonly<Record<RuleId, Severity>> = {
  'bp-crisis': 'critical',
  'bp-above-target': 'warning',
  hypoglycaemia: 'critical',
  hyperglycaemia: 'urgent',
  'hba1c-above-goal': 'info',
  news2: 'critical',
};

/** Severities from which the care team is notified (info alerts are listed, not pushed). */
export const notifyFrom: Severity = 'warning';

export const rank = (s: Severity) => severities.indexOf(s);
export const higher = (a: Severity, b: Severity) => (rank(a) >= rank(b) ? a : b);

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
