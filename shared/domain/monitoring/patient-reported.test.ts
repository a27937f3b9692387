import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../ports/clock';
import { ValidationError } from '../errors';
import { evaluatePatient } from './alerts';
import { InMemoryTable, RecordingNotifier } from './in-memory-table.fixture';
import { recordPatientReported } from './patient-reported';

const hospital = 'north';
const patientId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

async function setup() {
  const serving = new InMemoryTable();
  await serving.put({
    pk: `P#${hospital}#${patientId}`,
    sk: 'PATIENT',
    resource: { resourceType: 'Patient', id: patientId, birthDate: '1960-01-01' },
  });
  return { serving, clock: fixedClock('2026-03-10T08:00:00Z') };
}

describe('Function: recordPatientReported, a report timed ahead of the server clock', () => {
  it('stores a home BP timed 3 min ahead as of its receipt, so the evaluation it triggers raises the crisis alert', async () => {
    // Prepare
    const deps = await setup();
    // Act: a device clock 3 minutes fast (within the accepted 5 min skew).
    const { observation } = await recordPatientReported(deps, hospital, patientId, {
      kind: 'home-bp',
      systolic: 200,
      diastolic: 130,
      at: '2026-03-10T08:03:00Z',
    });
    const outcome = await evaluatePatient(
      { alerts: deps.serving, notifier: new RecordingNotifier() },
      { hospital, patientId, observations: [observation], now: deps.clock.now() },
    );
    // Assess
    expect(observation.effectiveDateTime).toBe('2026-03-10T08:00:00.000Z');
    expect(outcome.opened).toContain(`${patientId}.bp-crisis.1`);
    expect(outcome.findings.find((f) => f.rule === 'bp-crisis')).toMatchObject({
      severity: 'urgent',
    });
  });

  it('keeps a report timed in the past as given, and gives a re-sent ahead-of-time report the same id', async () => {
    // Prepare
    const deps = await setup();
    const ahead = { kind: 'home-bp', systolic: 150, diastolic: 95, at: '2026-03-10T08:02:00Z' };
    // Act
    const past = await recordPatientReported(deps, hospital, patientId, {
      ...ahead,
      at: '2026-03-10T07:30:00+01:00',
    });
    const first = await recordPatientReported(deps, hospital, patientId, ahead);
    const resent = await recordPatientReported(
      { ...deps, clock: fixedClock('2026-03-10T08:01:00Z') },
      hospital,
      patientId,
      ahead,
    );
    // Assess
    expect(past.observation.effectiveDateTime).toBe('2026-03-10T07:30:00+01:00');
    expect(resent.id).toBe(first.id);
    expect(resent.observation.effectiveDateTime).toBe('2026-03-10T08:01:00.000Z');
  });

  it('still refuses a report timed more than 5 min ahead, naming the field', async () => {
    const deps = await setup();
    await expect(
      recordPatientReported(deps, hospital, patientId, {
        kind: 'gad7',
        total: 4,
        at: '2026-03-10T08:05:01Z',
      }),
    ).rejects.toEqual(expect.objectContaining({ path: 'at' }));
    await expect(
      recordPatientReported(deps, hospital, patientId, { kind: 'gad7', total: 4, at: 'soon' }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('Function: recordPatientReported, retries and refused reports', () => {
  const ticking = (serving: InMemoryTable) => {
    let t = Date.parse('2026-03-10T08:00:00Z');
    return { serving, clock: { now: () => new Date((t += 1500)) } };
  };
  const observations = (serving: InMemoryTable) =>
    [...serving.items.values()].filter(
      (i) => (i.resource as { resourceType?: string } | undefined)?.resourceType === 'Observation',
    );

  it('a report without `at` retried with the same Idempotency-Key replaces itself', async () => {
    const deps = ticking((await setup()).serving);
    const report = { kind: 'phq9', total: 21 };
    const a = await recordPatientReported(deps, hospital, patientId, report, {
      idempotencyKey: 'k-1',
    });
    const b = await recordPatientReported(deps, hospital, patientId, report, {
      idempotencyKey: 'k-1',
    });
    expect(b.id).toBe(a.id);
    expect(observations(deps.serving)).toHaveLength(1);
    // The body's reportId does the same; a different key is a different report.
    const c = await recordPatientReported(deps, hospital, patientId, { ...report, reportId: 'r9' });
    const d = await recordPatientReported(deps, hospital, patientId, { ...report, reportId: 'r9' });
    expect(d.id).toBe(c.id);
    expect(c.id).not.toBe(a.id);
    expect(observations(deps.serving)).toHaveLength(2);
  });

  it('refuses a bad Idempotency-Key naming it', async () => {
    const deps = await setup();
    await expect(
      recordPatientReported(
        deps,
        hospital,
        patientId,
        { kind: 'phq9', total: 3 },
        {
          idempotencyKey: 'a b',
        },
      ),
    ).rejects.toMatchObject({ path: 'Idempotency-Key' });
  });

  it('refuses a home BP with diastolic at or above systolic, naming diastolic', async () => {
    const deps = await setup();
    for (const diastolic of [125, 80]) {
      const error = await recordPatientReported(deps, hospital, patientId, {
        kind: 'home-bp',
        systolic: 80,
        diastolic,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ path: 'diastolic' });
    }
    expect(observations(deps.serving)).toHaveLength(0);
  });

  it('refuses an unknown field, naming it', async () => {
    const deps = await setup();
    const error = await recordPatientReported(deps, hospital, patientId, {
      kind: 'home-bp',
      systolic: 182,
      diastolic: 121,
      effectiveDateTime: '2026-11-01T08:00:00Z',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ path: 'effectiveDateTime' });
    expect(observations(deps.serving)).toHaveLength(0);
  });
});
