import { describe, expect, it } from 'vitest';
import { servingKeys } from '../serving/records';
import { acknowledgeAlert, evaluatePatient, listAlerts } from './alerts';
import { escalateDueAlerts } from './escalation-sweep';
import { InMemoryTable, RecordingNotifier } from './in-memory-table.fixture';
import { bloodPressurePanel, glucose } from './observations.fixture';
import type { FhirJson } from '../ingest/source-record';
import type { QueryInput } from '../../ports/table';

const hospital = 'north';
const patientId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const other = 'b1b2c3d4e5f60718293a4b5c6d7e8f91';

/** The serving table with a patient's observations stored where onPatientDataUpdated reads them. */
async function setup(observations: FhirJson[], patients = [patientId]) {
  const serving = new InMemoryTable();
  const notifier = new RecordingNotifier();
  for (const id of patients)
    for (const o of observations)
      await serving.put({
        pk: servingKeys.patient(hospital, id).pk,
        sk: `Observation#${o.id}`,
        gsi2pk: servingKeys.patientTimeline(hospital, id, 'Observation'),
        gsi2sk: `${new Date(String(o.effectiveDateTime)).toISOString()}#${o.id}`,
        resource: o,
      });
  return {
    serving,
    notifier,
    deps: { serving, notifier },
    monitoring: { alerts: serving, notifier },
  };
}

const crisis = [bloodPressurePanel('bp1', '2026-03-10T08:00:00Z', 186, 104)];
const opened = '2026-03-10T08:05:00Z';
const plusMinutes = (minutes: number) =>
  new Date(Date.parse(opened) + minutes * 60_000).toISOString();
const crisisAlert = (alerts: Awaited<ReturnType<typeof listAlerts>>) =>
  alerts.find((a) => a.rule === 'bp-crisis')!;

describe('Function: escalateDueAlerts (the scheduled sweep)', () => {
  it('steps an unacknowledged urgent alert up to critical one hour on, with no new data, and pages once', async () => {
    // Prepare: an urgent crisis alert; no further PatientDataUpdated.
    const { deps, monitoring, notifier } = await setup(crisis);
    await evaluatePatient(monitoring, { hospital, patientId, observations: crisis, now: opened });
    // Act
    const early = await escalateDueAlerts(deps, { now: plusMinutes(59) });
    const due = await escalateDueAlerts(deps, { now: plusMinutes(61) });
    const repeated = await escalateDueAlerts(deps, { now: plusMinutes(61) });
    // Assess
    expect(early.checked).toBe(0);
    expect(due).toMatchObject({ escalated: 1, notifications: 1, failed: 0 });
    expect(repeated).toMatchObject({ checked: 0, escalated: 0, notifications: 0 });
    const alert = crisisAlert(await listAlerts(monitoring, hospital, patientId));
    expect(alert).toMatchObject({ severity: 'critical', notified: ['urgent', 'critical'] });
    expect(alert.escalations).toEqual([
      { from: 'urgent', to: 'critical', at: '2026-03-10T09:05:00.000Z', why: 'persisted' },
    ]);
    const pages = notifier.sent.filter((n) => n.attributes?.rule === 'bp-crisis');
    expect(pages.map((n) => n.attributes?.severity)).toEqual(['urgent', 'critical']);
  });

  it('steps a warning up to urgent after 24 h while its problem persists, and resolves one that has cleared', async () => {
    // Prepare: stage 2 hypertension (warning, 28-day mean) persists; a level 1 low glucose (warning)
    // is only a problem for 24 h after it was measured.
    const observations = [
      bloodPressurePanel('bp1', '2026-03-10T07:00:00Z', 162, 102),
      glucose('g1', '2026-03-10T07:30:00Z', 65),
    ];
    const { deps, monitoring } = await setup(observations);
    await evaluatePatient(monitoring, { hospital, patientId, observations, now: opened });
    // Act
    const outcome = await escalateDueAlerts(deps, { now: plusMinutes(24 * 60 + 1) });
    // Assess: the hypoglycaemia alert resolved instead of escalating; stage 2 is capped at warning.
    expect(outcome.resolved).toBe(1);
    const alerts = await listAlerts(monitoring, hospital, patientId);
    expect(alerts.find((a) => a.rule === 'hypoglycaemia')).toMatchObject({ status: 'resolved' });
    expect(alerts.find((a) => a.rule === 'bp-above-target')).toMatchObject({
      status: 'open',
      severity: 'warning',
    });
  });

  it('steps a persisting warning up to urgent after 24 h', async () => {
    // Prepare: level 1 hypoglycaemia measured repeatedly, so it persists.
    const lows = [0, 6, 12, 18, 23].map((h) =>
      glucose(
        `g${h}`,
        new Date(Date.parse('2026-03-10T08:00:00Z') + h * 3_600_000).toISOString(),
        66,
      ),
    );
    const { deps, monitoring, notifier } = await setup(lows);
    await evaluatePatient(monitoring, {
      hospital,
      patientId,
      observations: lows.slice(0, 1),
      now: '2026-03-10T08:05:00Z',
    });
    // Act
    await escalateDueAlerts(deps, { now: '2026-03-11T08:04:00Z' });
    const stepped = await escalateDueAlerts(deps, { now: '2026-03-11T08:06:00Z' });
    // Assess
    expect(stepped.escalated).toBe(1);
    expect((await listAlerts(monitoring, hospital, patientId))[0]).toMatchObject({
      rule: 'hypoglycaemia',
      severity: 'urgent',
      notified: ['warning', 'urgent'],
    });
    expect(notifier.sent.map((n) => n.attributes?.severity)).toEqual(['warning', 'urgent']);
  });

  it('leaves an acknowledged alert alone: it is off the sweep once acknowledged', async () => {
    // Prepare
    const { deps, monitoring, notifier } = await setup(crisis);
    await evaluatePatient(monitoring, { hospital, patientId, observations: crisis, now: opened });
    await acknowledgeAlert(monitoring, {
      hospital,
      alertId: `${patientId}.bp-crisis.1`,
      by: 'dr-a',
      at: plusMinutes(10),
    });
    // Act
    const outcome = await escalateDueAlerts(deps, { now: plusMinutes(180) });
    // Assess
    expect(outcome.escalated).toBe(0);
    expect(crisisAlert(await listAlerts(monitoring, hospital, patientId)).severity).toBe('urgent');
    expect(notifier.sent.filter((n) => n.attributes?.rule === 'bp-crisis')).toHaveLength(1);
  });

  it('escalates and pages once when two sweeps run at once (at-least-once delivery)', async () => {
    // Prepare
    const { deps, monitoring, notifier } = await setup(crisis, [patientId, other]);
    for (const id of [patientId, other])
      await evaluatePatient(monitoring, {
        hospital,
        patientId: id,
        observations: crisis,
        now: opened,
      });
    // Act
    await Promise.all([
      escalateDueAlerts(deps, { now: plusMinutes(61) }),
      escalateDueAlerts(deps, { now: plusMinutes(61) }),
    ]);
    // Assess: one critical page per patient.
    const critical = notifier.sent.filter((n) => n.attributes?.severity === 'critical');
    expect(critical).toHaveLength(2);
    expect(new Set(critical.map((n) => n.dedupeKey)).size).toBe(2);
  });

  it('retries a page the notifier refused two minutes later, and sends it once', async () => {
    // Prepare: the escalation page fails.
    const { deps, monitoring, notifier } = await setup(crisis);
    await evaluatePatient(monitoring, { hospital, patientId, observations: crisis, now: opened });
    notifier.failNext = 1;
    // Act
    const failed = await escalateDueAlerts(deps, { now: plusMinutes(61) });
    const early = await escalateDueAlerts(deps, { now: plusMinutes(62) });
    const retried = await escalateDueAlerts(deps, { now: plusMinutes(63) }); // pageRetryAfterMs on
    const after = await escalateDueAlerts(deps, { now: plusMinutes(70) });
    // Assess
    expect(failed.failed).toBe(1);
    expect(early.checked).toBe(0);
    expect(retried.notifications).toBe(1);
    expect(after.notifications).toBe(0);
    expect(notifier.sent.filter((n) => n.attributes?.severity === 'critical')).toHaveLength(1);
    expect(crisisAlert(await listAlerts(monitoring, hospital, patientId)).notified).toEqual([
      'urgent',
      'critical',
    ]);
  });

  it('takes over a page whose sender died after claiming it, once the claim is stale', async () => {
    // Prepare: a sender claimed the urgent page and never finished (no send, no record).
    const { serving, deps, monitoring, notifier } = await setup(crisis);
    await serving.put({
      pk: servingKeys.patient(hospital, patientId).pk,
      sk: 'NOTIFIED#bp-crisis#000001#urgent',
      state: 'sending',
      attempt: 1,
      claimedAt: opened,
    });
    const first = await evaluatePatient(monitoring, {
      hospital,
      patientId,
      observations: crisis,
      now: opened,
    });
    // Act
    const soon = await escalateDueAlerts(deps, { now: plusMinutes(1) });
    const later = await escalateDueAlerts(deps, { now: plusMinutes(3) });
    // Assess: held while the claim may be live; sent by the sweep after it went stale.
    expect(first.notifications).toBe(1); // the stage 2 warning only
    expect(soon.notifications).toBe(0);
    expect(later.notifications).toBe(1);
    expect(notifier.sent.filter((n) => n.attributes?.rule === 'bp-crisis')).toHaveLength(1);
  });

  it('stops at its limit and says more are due; the next run continues', async () => {
    // Prepare
    const { deps, monitoring } = await setup(crisis, [patientId, other]);
    for (const id of [patientId, other])
      await evaluatePatient(monitoring, {
        hospital,
        patientId: id,
        observations: crisis,
        now: opened,
      });
    // Act
    const first = await escalateDueAlerts(deps, { now: plusMinutes(61), limit: 1 });
    const second = await escalateDueAlerts(deps, { now: plusMinutes(61), limit: 1 });
    const third = await escalateDueAlerts(deps, { now: plusMinutes(61), limit: 1 });
    // Assess
    expect([first.more, second.more, third.more]).toEqual([true, false, false]);
    expect(first.escalated + second.escalated + third.escalated).toBe(2);
  });

  it("backs off a check that keeps failing, so it cannot hold every run's slots", async () => {
    // Prepare: two crisis alerts; the first patient's (due first) record cannot be read any more
    const { serving, monitoring } = await setup(crisis, [patientId, other]);
    await evaluatePatient(monitoring, { hospital, patientId, observations: crisis, now: opened });
    await evaluatePatient(monitoring, {
      hospital,
      patientId: other,
      observations: crisis,
      now: plusMinutes(1),
    });
    const broken = new Proxy(serving, {
      get(target, prop) {
        if (prop === 'query')
          return async (input: QueryInput) => {
            if (input.partition.includes(patientId)) throw new Error('unreadable record');
            return target.query(input);
          };
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const deps = { serving: broken, notifier: new RecordingNotifier() };
    // Act: one check per run
    const first = await escalateDueAlerts(deps, { now: plusMinutes(62), limit: 1 });
    const second = await escalateDueAlerts(deps, { now: plusMinutes(62), limit: 1 });
    // Assess: the failing check waits its turn; the other patient's alert escalates meanwhile
    expect(first).toMatchObject({ checked: 1, failed: 1 });
    expect(second).toMatchObject({ checked: 1, failed: 0, escalated: 1 });
  });

  it('rejects an invalid time, naming the field', async () => {
    const { deps } = await setup([]);
    await expect(escalateDueAlerts(deps, { now: 'soon' })).rejects.toMatchObject({ path: 'now' });
  });
});
