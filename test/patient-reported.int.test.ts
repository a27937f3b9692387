// Integration: patient-reported outcomes through the API on the embedded stack. A patient posts a
// home blood pressure and a PHQ-9 total; they land in the record (the risk score reads the PHQ-9),
// monitoring re-evaluates the patient (a crisis-level home reading opens an alert, also one from a
// device whose clock runs a few minutes fast), a re-sent report does not duplicate, and bad reports,
// other patients and other hospitals are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { listAlerts } from '../shared/domain/monitoring/alerts';
import { pseudonymousId } from '../shared/domain/serving/records';
import { apiGet, ndjson, patient, startTestStack, type TestStack } from './helpers/stack';

describe('Route: POST /patients/{id}/outcomes (patient-reported outcomes)', () => {
  let stack: TestStack;
  let pid: string;
  let patientToken: string;

  const post = (path: string, token: string, body: unknown) =>
    fetch(new URL(path, stack.endpoints.api), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    stack = await startTestStack();
    pid = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p1');
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'Patient.ndjson'),
      ndjson(patient('p1'), patient('p2')),
    );
    await stack.settled();
    patientToken = await stack.issuer.sign({ role: 'patient', hospital: 'east', patient: pid });
  });
  afterAll(async () => stack?.stop());

  it('stores a home blood pressure and lets monitoring open an alert for a crisis-level reading', async () => {
    // Act
    const response = await post(`/patients/${pid}/outcomes`, patientToken, {
      kind: 'home-bp',
      systolic: 192,
      diastolic: 122,
      at: new Date(Date.now() - 600_000).toISOString(),
    });
    await stack.settled();
    // Assess
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const observations = await apiGet(stack, `/patients/${pid}/observations`, 'east');
    expect((observations.body.items as unknown as { id: string }[]).map((o) => o.id)).toContain(id);
    const alerts = await listAlerts({ alerts: stack.deps.serving }, 'east', pid);
    expect(alerts.map((a) => a.rule)).toContain('bp-crisis');
  });

  it('raises the crisis alert for a home blood pressure timed 3 min ahead of the server clock', async () => {
    // Prepare: the other patient (no alerts yet), whose device clock runs 3 minutes fast.
    const other = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p2');
    const token = await stack.issuer.sign({ role: 'patient', hospital: 'east', patient: other });
    // Act
    const response = await post(`/patients/${other}/outcomes`, token, {
      kind: 'home-bp',
      systolic: 200,
      diastolic: 130,
      at: new Date(Date.now() + 180_000).toISOString(),
    });
    await stack.settled();
    // Assess: stored as of its receipt, so the evaluation it triggered judged it.
    expect(response.status).toBe(201);
    const alerts = await listAlerts({ alerts: stack.deps.serving }, 'east', other);
    expect(alerts.find((a) => a.rule === 'bp-crisis')).toMatchObject({
      status: 'open',
      severity: 'urgent',
    });
  });

  it('feeds a PHQ-9 total into the PHQ-9 score, and a re-sent report replaces itself', async () => {
    // Prepare
    const at = new Date(Date.now() - 86_400_000).toISOString(); // within the score's 14-day window
    const report = { kind: 'phq9', total: 17, at };
    // Act
    const first = await post(`/patients/${pid}/outcomes`, patientToken, report);
    const again = await post(`/patients/${pid}/outcomes`, patientToken, report);
    // Assess
    expect([first.status, again.status]).toEqual([201, 201]);
    const [a, b] = [(await first.json()) as { id: string }, (await again.json()) as { id: string }];
    expect(b.id).toBe(a.id);
    const risk = await apiGet(stack, `/patients/${pid}/risk?score=phq9`, 'east');
    expect(JSON.stringify(risk.body)).toMatch(/"value":17/);
    const observations = await apiGet(stack, `/patients/${pid}/observations?limit=200`, 'east');
    const ids = (observations.body.items as unknown as { id: string }[]).map((o) => o.id);
    expect(ids.filter((i) => i === a.id)).toHaveLength(1);
  });

  it('refuses impossible values naming the field, and reports for another patient or hospital', async () => {
    // Act
    const tooHigh = await post(`/patients/${pid}/outcomes`, patientToken, {
      kind: 'gad7',
      total: 30,
    });
    const other = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p2');
    const notMine = await post(`/patients/${other}/outcomes`, patientToken, {
      kind: 'gad7',
      total: 5,
    });
    const westClinician = await stack.issuer.sign({ role: 'clinician', hospital: 'west' });
    const otherHospital = await post(`/patients/${pid}/outcomes`, westClinician, {
      kind: 'gad7',
      total: 5,
    });
    // Assess
    expect(tooHigh.status).toBe(400);
    expect(((await tooHigh.json()) as { path: string }).path).toBe('total');
    expect([403, 404]).toContain(notMine.status);
    expect(otherHospital.status).toBe(404);
  });
});
