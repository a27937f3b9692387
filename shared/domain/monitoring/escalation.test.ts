import { describe, expect, it } from 'vitest';
import type { Alert } from './alert-records';
import { evaluatePatient } from './alerts';
import { escalateWithTime, findingSeverityOf, nextCheckAt } from './escalation';
import { InMemoryTable, RecordingNotifier } from './in-memory-table.fixture';
import { news2Scorer } from './news2-scorer';
import { glucose, vital } from './observations.fixture';
import type { RuleId, Severity } from './rules';

const hospital = 'north';
const patientId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const opened = Date.parse('2026-03-01T08:00:00Z');
const days = (n: number) => opened + n * 86_400_000;

function alert(rule: RuleId, severity: Severity, extra: Partial<Alert> = {}): Alert {
  const at = new Date(opened).toISOString();
  return {
    alertId: `${patientId}.${rule}.1`,
    hospital,
    patientId,
    rule,
    episode: 1,
    status: 'open',
    severity,
    findingSeverity: severity,
    reason: 'r',
    source: { guideline: 'g', version: 'v' },
    observationIds: ['o1'],
    openedAt: at,
    updatedAt: at,
    levelSince: at,
    notified: [],
    escalations: [],
    ...extra,
  };
}

/** The severity an unacknowledged alert reaches by persistence alone after 30 days. */
const reached = (a: Alert) => escalateWithTime(a, days(30)).severity;

describe('escalation ceilings by clinical tier', () => {
  it('caps NEWS2 by its RCP 2017 Chart 3 tier: low -> warning, a single 3 -> urgent, medium and high -> critical', () => {
    expect(reached(alert('news2', 'info'))).toBe('warning'); // aggregate 1-4: ward-based response
    expect(reached(alert('news2', 'warning'))).toBe('urgent'); // single parameter 3: urgent ward-based
    expect(reached(alert('news2', 'urgent'))).toBe('critical'); // 5-6: urgent response, unacknowledged
    expect(reached(alert('news2', 'critical'))).toBe('critical'); // 7+: emergency response
  });

  it('caps hyperglycaemia by its ADA level: level 1 -> warning, level 2 -> urgent', () => {
    expect(reached(alert('hyperglycaemia', 'info'))).toBe('warning');
    expect(reached(alert('hyperglycaemia', 'warning'))).toBe('urgent');
  });

  it('keeps the other rules as they were: acute ones to critical, chronic ones capped', () => {
    expect(reached(alert('bp-crisis', 'urgent'))).toBe('critical');
    expect(reached(alert('hypoglycaemia', 'warning'))).toBe('critical');
    expect(reached(alert('bp-above-target', 'info'))).toBe('warning');
    expect(reached(alert('hba1c-above-goal', 'info'))).toBe('info');
  });

  it('uses the latest finding: an alert raised by a worse finding keeps its severity, but a finding that improved does not climb further', () => {
    // Opened urgent (NEWS2 5), now NEWS2 1 (low): stays urgent, never pages critical.
    expect(reached(alert('news2', 'urgent', { findingSeverity: 'info' }))).toBe('urgent');
    // Opened low, worsened to high: critical stays critical.
    expect(reached(alert('news2', 'critical', { findingSeverity: 'critical' }))).toBe('critical');
  });

  it('schedules no sweep check once an alert sits at its tier ceiling', () => {
    const atCeiling = alert('news2', 'warning', { findingSeverity: 'info' });
    expect(nextCheckAt(atCeiling, opened)).toBe(opened + 2 * 60_000); // only the unconfirmed page
    expect(nextCheckAt({ ...atCeiling, notified: ['warning'] }, opened)).toBeUndefined();
    const below = alert('news2', 'info');
    expect(nextCheckAt(below, opened)).toBe(days(7));
  });

  it('derives the finding tier of an alert stored before it was recorded from its escalations', () => {
    const legacy = (severity: Severity, escalations: Alert['escalations']) =>
      alert('news2', severity, { findingSeverity: undefined, escalations });
    expect(findingSeverityOf(legacy('info', []))).toBe('info');
    const persisted = legacy('urgent', [
      { from: 'info', to: 'warning', at: 'a', why: 'persisted' },
      { from: 'warning', to: 'urgent', at: 'b', why: 'persisted' },
    ]);
    expect(findingSeverityOf(persisted)).toBe('info');
    // An old low NEWS2 already at urgent stays there: no critical page.
    expect(reached(persisted)).toBe('urgent');
    const worsened = legacy('urgent', [
      { from: 'info', to: 'warning', at: 'a', why: 'persisted' },
      { from: 'warning', to: 'urgent', at: 'b', why: 'worsened' },
    ]);
    expect(findingSeverityOf(worsened)).toBe('urgent');
    expect(reached(worsened)).toBe('critical');
  });
});

describe('escalation of stored alerts over days (evaluatePatient)', () => {
  const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}`;

  it('never pages a stable low NEWS2 (SpO2 95 %, all else normal: 1 point) above warning in 10 days', async () => {
    // Prepare: daily home observations scoring NEWS2 1 (low).
    const alerts = new InMemoryTable();
    const notifier = new RecordingNotifier();
    const deps = { alerts, notifier, news2: news2Scorer };
    const observations: ReturnType<typeof vital>[] = [];
    let outcome;
    // Act
    for (let d = 1; d <= 10; d++) {
      const at = `${day(d)}T08:00:00Z`;
      observations.push(
        vital(`s${d}`, at, '59408-5', 95, '%'),
        vital(`r${d}`, at, '9279-1', 16, '/min'),
        vital(`h${d}`, at, '8867-4', 72, '/min'),
        vital(`b${d}`, at, '8480-6', 125, 'mm[Hg]'),
        vital(`t${d}`, at, '8310-5', 36.8, 'Cel'),
        vital(`o${d}`, at, '3151-8', 0, 'L/min'),
      );
      outcome = await evaluatePatient(deps, {
        hospital,
        patientId,
        observations,
        now: `${day(d)}T09:00:00Z`,
      });
    }
    // Assess
    const news2 = outcome!.alerts.find((a) => a.rule === 'news2')!;
    expect(news2.reason).toMatch(/^NEWS2 1 \(low\)/);
    expect(news2).toMatchObject({ severity: 'warning', findingSeverity: 'info' });
    expect(notifier.sent.map((n) => n.attributes?.severity)).toEqual(['warning']);
  });

  it('never pages a persistent level 1 hyperglycaemia above warning', async () => {
    // Prepare: a glucose of 200 mg/dL (level 1) every day for 10 days.
    const alerts = new InMemoryTable();
    const notifier = new RecordingNotifier();
    const observations: ReturnType<typeof glucose>[] = [];
    let outcome;
    // Act
    for (let d = 1; d <= 10; d++) {
      observations.push(glucose(`g${d}`, `${day(d)}T08:00:00Z`, 200));
      outcome = await evaluatePatient(
        { alerts, notifier },
        { hospital, patientId, observations, now: `${day(d)}T09:00:00Z` },
      );
    }
    // Assess
    const hyper = outcome!.alerts.find((a) => a.rule === 'hyperglycaemia')!;
    expect(hyper.reason).toContain('level 1');
    expect(hyper.severity).toBe('warning');
    expect(notifier.sent.map((n) => n.attributes?.severity)).toEqual(['warning']);
  });
});
