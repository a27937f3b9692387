// Integration: ingest -> PatientDataUpdated -> monitor function, on the embedded stack. A hypertensive
// crisis reading in an uploaded file opens one alert for that patient; re-uploading the same file
// (a re-delivered event) opens nothing new. The every-minute escalation sweep, scheduled as on AWS,
// steps an alert left unacknowledged up on time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { pseudonymousId } from '../shared/domain/serving/records';
import { evaluatePatient, listAlerts } from '../shared/domain/monitoring/alerts';
import { genericServingItem } from '../shared/domain/serving/records';
import { apiGet, ndjson, patient, startTestStack, type TestStack } from './helpers/stack';

const bloodPressure = (id: string, when: string, systolic: number, diastolic: number) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  category: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/observation-category',
          code: 'vital-signs',
        },
      ],
    },
  ],
  code: {
    coding: [{ system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure panel' }],
  },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: when,
  component: [
    {
      code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
      valueQuantity: {
        value: systolic,
        unit: 'mmHg',
        system: 'http://unitsofmeasure.org',
        code: 'mm[Hg]',
      },
    },
    {
      code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
      valueQuantity: {
        value: diastolic,
        unit: 'mmHg',
        system: 'http://unitsofmeasure.org',
        code: 'mm[Hg]',
      },
    },
  ],
});

describe('Event: PatientDataUpdated (ingest -> monitoring)', () => {
  let stack: TestStack;
  let pid: string;

  beforeAll(async () => {
    stack = await startTestStack();
    pid = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p1');
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'Patient.ndjson'),
      ndjson(patient('p1')),
    );
    await stack.settled();
    const recent = new Date(Date.now() - 3600_000).toISOString();
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'vitals.ndjson'),
      ndjson(bloodPressure('bp1', recent, 196, 124)),
    );
    await stack.settled();
  });
  afterAll(async () => stack?.stop());

  it('opens a hypertensive-crisis alert for the patient after their vitals are ingested, and notifies the care team without PHI', async () => {
    const alerts = await listAlerts({ alerts: stack.deps.serving }, 'east', pid);
    expect(alerts.map((a) => a.rule)).toContain('bp-crisis');
    const outbox = readFileSync(join(stack.dataDir, 'outbox.jsonl'), 'utf8');
    expect(outbox).toContain(pid);
    // The pseudonym is random hex and the send time has milliseconds: either can contain "196" by
    // chance (seen once in CI), so both are taken out before the reading's value is looked for.
    const rest = outbox.replaceAll(pid, '<pid>').replace(/"sentAt":"[^"]*"/g, '"sentAt":"<t>"');
    for (const phi of ['Testperson', 'Alice', '"p1"', '196']) expect(rest).not.toContain(phi);
  });

  it('opens nothing new when the same file is delivered again', async () => {
    const before = await listAlerts({ alerts: stack.deps.serving }, 'east', pid);
    const lines = readFileSync(join(stack.dataDir, 'outbox.jsonl'), 'utf8').split('\n').length;
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b2', 'vitals.ndjson'),
      ndjson(bloodPressure('bp1', new Date(Date.now() - 3600_000).toISOString(), 196, 124)),
    );
    await stack.settled();
    const after = await listAlerts({ alerts: stack.deps.serving }, 'east', pid);
    expect(after.map((a) => a.alertId)).toEqual(before.map((a) => a.alertId));
    expect(after.length).toBeGreaterThan(0);
    expect(readFileSync(join(stack.dataDir, 'outbox.jsonl'), 'utf8').split('\n').length).toBe(
      lines,
    );
  });

  it('lists the alert through the API and lets a clinician acknowledge it, recording who', async () => {
    const listed = await apiGet(stack, `/patients/${pid}/alerts`, 'east');
    const alert = (listed.body.items as unknown as { alertId: string; rule: string }[]).find(
      (a) => a.rule === 'bp-crisis',
    )!;
    const token = await stack.issuer.sign({ role: 'clinician', hospital: 'east' });
    const ack = (path: string) =>
      fetch(new URL(path, stack.endpoints.api), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
    const response = await ack(`/patients/${pid}/alerts/${encodeURIComponent(alert.alertId)}/ack`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      alertId: alert.alertId,
      acknowledgedBy: 'local-clinician-east',
    });
    // The same alert id under another patient's path is not found.
    const other = await pseudonymousId(stack.deps.keys, 'east', 'Patient', 'p2');
    expect(
      (await ack(`/patients/${other}/alerts/${encodeURIComponent(alert.alertId)}/ack`)).status,
    ).toBe(404);
    expect((await apiGet(stack, `/patients/${pid}/alerts`, 'west')).status).toBe(404);
  });

  it('steps an unacknowledged urgent alert up to critical from the scheduled escalation sweep, with no new data', async () => {
    // Prepare: a crisis reading 70 min ago, evaluated 65 min ago (urgent), nothing since.
    const quiet = 'c'.repeat(32);
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const reading = {
      ...bloodPressure('bp-quiet', ago(70), 194, 118),
      subject: { reference: `Patient/${quiet}` },
    };
    await stack.deps.serving.put(
      genericServingItem('east', reading, { batch: 'b9', updatedAt: ago(70) }),
    );
    const monitoring = { alerts: stack.deps.serving, notifier: stack.deps.notifier };
    await evaluatePatient(monitoring, {
      hospital: 'east',
      patientId: quiet,
      observations: [reading],
      now: ago(65),
    });
    // Act: the schedules fire once (as EventBridge Scheduler does every minute).
    await stack.scheduler.tick();
    // Assess
    expect(stack.scheduler.failures).toEqual([]);
    const crisis = (await listAlerts(monitoring, 'east', quiet)).find(
      (a) => a.rule === 'bp-crisis',
    );
    expect(crisis).toMatchObject({ severity: 'critical', notified: ['urgent', 'critical'] });
    expect(crisis!.escalations).toEqual([expect.objectContaining({ why: 'persisted' })]);
  });
});
