import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../errors';
import { acknowledgeAlert, evaluatePatient, listAlerts } from './alerts';
import { InMemoryTable, RecordingNotifier } from './in-memory-table.fixture';
import { bloodPressurePanel, glucose, hba1c } from './observations.fixture';

const hospital = 'north';
const patientId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

function setup() {
  const alerts = new InMemoryTable();
  const notifier = new RecordingNotifier();
  return { deps: { alerts, notifier }, alerts, notifier };
}

const plusMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const crisis = [bloodPressurePanel('bp1', '2026-03-10T08:00:00Z', 186, 104)];

describe('Function: evaluatePatient', () => {
  it('opens one alert per problem and tells the care team without any clinical value', async () => {
    // Prepare
    const { deps, notifier } = setup();
    // Act
    const outcome = await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: crisis,
      now: '2026-03-10T08:05:00Z',
    });
    // Assess
    expect(outcome.opened).toEqual([`${patientId}.bp-crisis.1`, `${patientId}.bp-above-target.1`]);
    const [alert] = await listAlerts(deps, hospital, patientId).then((a) =>
      a.filter((x) => x.rule === 'bp-crisis'),
    );
    expect(alert).toMatchObject({
      status: 'open',
      severity: 'urgent',
      observationIds: ['bp1'],
      notified: ['urgent'],
    });
    expect(notifier.sent).toHaveLength(2); // urgent crisis + warning stage 2
    const message = notifier.sent.find((n) => n.attributes?.rule === 'bp-crisis')!;
    expect(message).toMatchObject({
      channel: 'care-team',
      dedupeKey: `alert#north#${patientId}.bp-crisis.1#urgent`,
    });
    expect(`${message.subject} ${message.message}`).not.toMatch(/186|104/);
    expect(message.message).toContain(patientId);
  });

  it('creates nothing new, writes nothing and sends nothing when the same batch is evaluated twice', async () => {
    // Prepare
    const { deps, alerts, notifier } = setup();
    const input = { hospital, patientId, observations: crisis, now: '2026-03-10T08:05:00Z' };
    await evaluatePatient(deps, input);
    const writes = alerts.writes;
    // Act
    const again = await evaluatePatient(deps, input);
    // Assess
    expect(again.opened).toEqual([]);
    expect(alerts.writes).toBe(writes);
    expect(notifier.attempts).toBe(2);
    expect(await listAlerts(deps, hospital, patientId)).toHaveLength(2);
  });

  it('escalates a persisting urgent alert to critical after one hour, notified exactly once per level', async () => {
    // Prepare
    const { deps, notifier } = setup();
    const at = (minutes: number) => ({
      hospital,
      patientId,
      observations: crisis,
      now: plusMinutes('2026-03-10T08:05:00Z', minutes),
    });
    // Act
    await evaluatePatient(deps, at(0));
    const before = await evaluatePatient(deps, at(59));
    const step = await evaluatePatient(deps, at(60));
    await evaluatePatient(deps, at(90));
    await evaluatePatient(deps, at(600));
    // Assess
    expect(before.escalated).toEqual([]);
    expect(step.escalated).toEqual([`${patientId}.bp-crisis.1`]);
    const crisisMessages = notifier.sent.filter((n) => n.attributes?.rule === 'bp-crisis');
    expect(crisisMessages.map((n) => n.attributes?.severity)).toEqual(['urgent', 'critical']);
    const alert = (await listAlerts(deps, hospital, patientId)).find(
      (a) => a.rule === 'bp-crisis',
    )!;
    expect(alert.escalations).toEqual([
      { from: 'urgent', to: 'critical', at: '2026-03-10T09:05:00.000Z', why: 'persisted' },
    ]);
    // Stage 2 (warning) is capped at warning by policy: a chronic finding never becomes an emergency by waiting.
    expect(
      (await listAlerts(deps, hospital, patientId)).find((a) => a.rule === 'bp-above-target')!
        .severity,
    ).toBe('warning');
  });

  it('steps an ignored info alert up to warning after 7 days and notifies only then', async () => {
    // Prepare: stage 1 on the 4-week mean -> info (listed, not pushed).
    const { deps, notifier } = setup();
    const stage1 = [bloodPressurePanel('bp1', '2026-03-01T08:00:00Z', 134, 78)];
    const at = (now: string) => ({ hospital, patientId, observations: stage1, now });
    // Act
    await evaluatePatient(deps, at('2026-03-01T09:00:00Z'));
    const quiet = notifier.attempts;
    await evaluatePatient(deps, at('2026-03-08T08:59:00Z'));
    await evaluatePatient(deps, at('2026-03-08T09:00:00Z'));
    await evaluatePatient(deps, at('2026-03-20T09:00:00Z'));
    // Assess
    expect(quiet).toBe(0);
    expect(notifier.sent.map((n) => n.attributes?.severity)).toEqual(['warning']);
    expect((await listAlerts(deps, hospital, patientId))[0]!.severity).toBe('warning');
  });

  it('stops time escalation once an alert is acknowledged', async () => {
    // Prepare: an urgent crisis alert, acknowledged ten minutes later.
    const { deps, notifier } = setup();
    await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: crisis,
      now: '2026-03-10T08:05:00Z',
    });
    const alertId = `${patientId}.bp-crisis.1`;
    await acknowledgeAlert(deps, {
      hospital,
      alertId,
      by: 'clinician-7',
      at: '2026-03-10T08:15:00Z',
    });
    // Act: three hours later an open alert would have become critical.
    const later = await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: crisis,
      now: '2026-03-10T11:05:00Z',
    });
    // Assess
    expect(later.escalated).toEqual([]);
    const alert = (await listAlerts(deps, hospital, patientId)).find((a) => a.alertId === alertId);
    expect(alert).toMatchObject({
      status: 'acknowledged',
      severity: 'urgent',
      acknowledgedBy: 'clinician-7',
    });
    expect(notifier.sent.filter((n) => n.attributes?.rule === 'bp-crisis')).toHaveLength(1);
  });

  it('raises an acknowledged alert at once when a worse value arrives, and notifies the new level', async () => {
    // Prepare: level 1 hypoglycaemia (warning), acknowledged.
    const { deps, notifier } = setup();
    const low = [glucose('g1', '2026-03-10T08:00:00Z', 65)];
    await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: low,
      now: '2026-03-10T08:10:00Z',
    });
    const alertId = `${patientId}.hypoglycaemia.1`;
    await acknowledgeAlert(deps, {
      hospital,
      alertId,
      by: 'clinician-7',
      at: '2026-03-10T08:20:00Z',
    });
    // Act: a level 2 value an hour later.
    const worse = [...low, glucose('g2', '2026-03-10T09:00:00Z', 50)];
    const outcome = await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: worse,
      now: '2026-03-10T09:01:00Z',
    });
    // Assess
    expect(outcome.escalated).toEqual([alertId]);
    const [alert] = await listAlerts(deps, hospital, patientId);
    expect(alert).toMatchObject({
      status: 'acknowledged',
      severity: 'urgent',
      observationIds: ['g1', 'g2'],
    });
    expect(alert!.escalations).toEqual([
      { from: 'warning', to: 'urgent', at: '2026-03-10T09:01:00.000Z', why: 'worsened' },
    ]);
    expect(notifier.sent.map((n) => n.attributes?.severity)).toEqual(['warning', 'urgent']);
  });

  it('resolves an alert whose rule no longer fires, and opens a new episode when it recurs', async () => {
    // Prepare
    const { deps } = setup();
    const high = [hba1c('h1', '2026-01-10T08:00:00Z', 8.1)];
    const better = [...high, hba1c('h2', '2026-04-10T08:00:00Z', 6.8)];
    const worseAgain = [...better, hba1c('h3', '2026-07-10T08:00:00Z', 7.4)];
    // Act
    await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: high,
      now: '2026-01-11T00:00:00Z',
    });
    const resolved = await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: better,
      now: '2026-04-11T00:00:00Z',
    });
    const recurred = await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: worseAgain,
      now: '2026-07-11T00:00:00Z',
    });
    // Assess
    expect(resolved.resolved).toEqual([`${patientId}.hba1c-above-goal.1`]);
    expect(recurred.opened).toEqual([`${patientId}.hba1c-above-goal.2`]);
    const alerts = await listAlerts(deps, hospital, patientId);
    expect(alerts.map((a) => [a.episode, a.status])).toEqual([
      [2, 'open'],
      [1, 'resolved'],
    ]);
  });

  it('resolves a hypoglycaemia alert 24 h after the low value when no new low arrives', async () => {
    // Prepare
    const { deps } = setup();
    const low = [glucose('g1', '2026-03-10T08:00:00Z', 60)];
    await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: low,
      now: '2026-03-10T08:10:00Z',
    });
    // Act
    const stillOpen = await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: low,
      now: '2026-03-11T07:59:00Z',
    });
    const cleared = await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: low,
      now: '2026-03-11T08:01:00Z',
    });
    // Assess
    expect(stillOpen.resolved).toEqual([]);
    expect(cleared.resolved).toEqual([`${patientId}.hypoglycaemia.1`]);
    expect((await listAlerts(deps, hospital, patientId))[0]).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-03-11T08:01:00.000Z',
    });
  });

  it('rejects an invalid patient id or evaluation time, naming the field', async () => {
    const { deps } = setup();
    await expect(
      evaluatePatient(deps, {
        hospital,
        patientId: 'bad id!',
        observations: [],
        now: '2026-01-01',
      }),
    ).rejects.toMatchObject({ path: 'patientId' });
    await expect(
      evaluatePatient(deps, { hospital, patientId, observations: [], now: 'yesterday' }),
    ).rejects.toMatchObject({ path: 'now' });
  });
});

describe('Function: evaluatePatient, with concurrent writers', () => {
  it('pages the care team once when two evaluations of the same data run at once (no channel de-duplication)', async () => {
    // Prepare: RecordingNotifier keeps every send, as SNS on a standard topic delivers every publish;
    // a send takes 30 ms, so the second evaluation arrives while the first is still paging.
    const { deps, notifier } = setup();
    notifier.delayMs = 30;
    const input = { hospital, patientId, observations: crisis, now: '2026-03-10T08:05:00Z' };
    // Act
    const outcomes = await Promise.all([
      evaluatePatient(deps, input),
      evaluatePatient(deps, input),
    ]);
    // Assess: one page per alert and severity, recorded on the alert.
    const crisisPages = notifier.sent.filter((n) => n.attributes?.rule === 'bp-crisis');
    expect(crisisPages.map((n) => n.attributes?.severity)).toEqual(['urgent']);
    expect(notifier.sent).toHaveLength(2); // urgent crisis + warning stage 2, once each
    expect(outcomes[0]!.notifications + outcomes[1]!.notifications).toBe(2);
    const alert = (await listAlerts(deps, hospital, patientId)).find((a) => a.rule === 'bp-crisis');
    expect(alert!.notified).toEqual(['urgent']);
  });

  it('pages once when four evaluations race an escalation to critical', async () => {
    // Prepare
    const { deps, notifier } = setup();
    await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: crisis,
      now: '2026-03-10T08:05:00Z',
    });
    const input = { hospital, patientId, observations: crisis, now: '2026-03-10T09:10:00Z' };
    notifier.delayMs = 30; // the others arrive while the first is paging
    // Act
    await Promise.all([1, 2, 3, 4].map(() => evaluatePatient(deps, input)));
    // Assess
    const critical = notifier.sent.filter((n) => n.attributes?.severity === 'critical');
    expect(critical).toHaveLength(1);
    const alert = (await listAlerts(deps, hospital, patientId)).find((a) => a.rule === 'bp-crisis');
    expect(alert).toMatchObject({ severity: 'critical', notified: ['urgent', 'critical'] });
    expect(alert!.escalations).toHaveLength(1);
  });

  it('does not lose a page whose send failed: the retried evaluation sends it', async () => {
    // Prepare: the notifier refuses the first send.
    const { deps, notifier } = setup();
    const low = [glucose('g1', '2026-03-10T08:00:00Z', 60)];
    const input = { hospital, patientId, observations: low, now: '2026-03-10T08:05:00Z' };
    notifier.failNext = 1;
    // Act: the invocation fails (and is retried, as Lambda retries a failed async invocation).
    await expect(evaluatePatient(deps, input)).rejects.toThrow('notifier unavailable');
    const retried = await evaluatePatient(deps, input);
    const again = await evaluatePatient(deps, input);
    // Assess
    expect(retried.notifications).toBe(1);
    expect(again.notifications).toBe(0);
    expect(notifier.sent.map((n) => n.attributes?.severity)).toEqual(['warning']);
    expect((await listAlerts(deps, hospital, patientId))[0]!.notified).toEqual(['warning']);
  });

  it("keeps a clinician's acknowledgement made while an evaluation was between its read and its write", async () => {
    // Prepare: the evaluation reads the alert, then the clinician acknowledges, then it writes.
    const { deps, alerts, notifier } = setup();
    await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: crisis,
      now: '2026-03-10T08:05:00Z',
    });
    const alertId = `${patientId}.bp-crisis.1`;
    const racing = Object.create(alerts) as InMemoryTable;
    let acknowledged = false;
    racing.query = async (q) => {
      const page = await alerts.query(q);
      if (q.sortPrefix === 'ALERT#bp-crisis#' && !acknowledged) {
        acknowledged = true;
        await acknowledgeAlert(
          { alerts },
          { hospital, alertId, by: 'dr-x', at: '2026-03-10T09:00:30Z' },
        );
      }
      return page;
    };
    const worse = [...crisis, bloodPressurePanel('bp2', '2026-03-10T09:00:00Z', 210, 125)];
    // Act
    await evaluatePatient(
      { alerts: racing, notifier },
      { hospital, patientId, observations: worse, now: '2026-03-10T09:01:00Z' },
    );
    // Assess: acknowledged, and the evaluation's change (the new reading) is applied on top.
    const stored = (await listAlerts(deps, hospital, patientId)).find((a) => a.alertId === alertId);
    expect(stored).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'dr-x',
      observationIds: ['bp2'],
    });
  });

  it('keeps an escalation an evaluation stored while an acknowledgement was between its read and its write', async () => {
    // Prepare: the acknowledgement reads the urgent alert, then an evaluation escalates it to critical.
    const { deps, alerts, notifier } = setup();
    await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: crisis,
      now: '2026-03-10T08:05:00Z',
    });
    const alertId = `${patientId}.bp-crisis.1`;
    const racing = Object.create(alerts) as InMemoryTable;
    let escalated = false;
    racing.get = async (pk, sk) => {
      const item = await alerts.get(pk, sk);
      if (sk === 'ALERT#bp-crisis#000001' && !escalated) {
        escalated = true;
        await evaluatePatient(deps, {
          hospital,
          patientId,
          observations: crisis,
          now: '2026-03-10T09:10:00Z',
        });
      }
      return item;
    };
    // Act
    await acknowledgeAlert(
      { alerts: racing },
      { hospital, alertId, by: 'dr-y', at: '2026-03-10T09:10:30Z' },
    );
    // Assess
    const stored = (await listAlerts(deps, hospital, patientId)).find((a) => a.alertId === alertId);
    expect(stored).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'dr-y',
      severity: 'critical',
      notified: ['urgent', 'critical'],
    });
    expect(notifier.sent.filter((n) => n.attributes?.rule === 'bp-crisis')).toHaveLength(2);
  });
});

describe('Function: acknowledgeAlert', () => {
  it('keeps the first acknowledgement when acknowledged twice', async () => {
    // Prepare
    const { deps } = setup();
    await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: crisis,
      now: '2026-03-10T08:05:00Z',
    });
    const alertId = `${patientId}.bp-crisis.1`;
    // Act
    await acknowledgeAlert(deps, { hospital, alertId, by: 'dr-a', at: '2026-03-10T08:10:00Z' });
    const second = await acknowledgeAlert(deps, {
      hospital,
      alertId,
      by: 'dr-b',
      at: '2026-03-10T08:30:00Z',
    });
    // Assess
    expect(second).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'dr-a',
      acknowledgedAt: '2026-03-10T08:10:00.000Z',
    });
  });

  it("cannot reach another hospital's alert, and rejects a malformed alert id", async () => {
    // Prepare
    const { deps } = setup();
    await evaluatePatient(deps, {
      hospital,
      patientId,
      observations: crisis,
      now: '2026-03-10T08:05:00Z',
    });
    // Act / Assess
    await expect(
      acknowledgeAlert(deps, {
        hospital: 'south',
        alertId: `${patientId}.bp-crisis.1`,
        by: 'dr-a',
        at: '2026-03-10T08:10:00Z',
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      acknowledgeAlert(deps, {
        hospital,
        alertId: `${patientId}.no-such-rule.1`,
        by: 'dr-a',
        at: '2026-03-10T08:10:00Z',
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
