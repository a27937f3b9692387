// Integration: monitoring against the real embedded stack (dynalite through the DynamoDB adapter, the
// outbox notifier), from ingest to alerts; and `caregraph monitor --bundle` end to end in-process.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { fixedClock } from '../shared/ports/clock';
import type { OutboxNotifier } from '../shared/adapters/local/outbox-notifier';
import type { Notification } from '../shared/ports/notifier';
import { pseudonymousId } from '../shared/domain/serving/records';
import { acknowledgeAlert, evaluatePatient, listAlerts } from '../shared/domain/monitoring/alerts';
import {
  onPatientDataUpdated,
  patientDataUpdatedSchema,
} from '../shared/domain/monitoring/patient-data-updated';
import {
  bloodPressurePanel,
  glucose,
  vital,
} from '../shared/domain/monitoring/observations.fixture';
import { news2Scorer } from '../shared/domain/monitoring/news2-scorer';
import { runCommand } from '../local/cli/io';
import { monitorCommand } from '../local/cli/commands/monitor';
import { ndjson, patient, startTestStack, type TestStack } from './helpers/stack';

const subjectP1 = <T extends object>(o: T) => ({ ...o, subject: { reference: 'Patient/p1' } });

describe('Use case: onPatientDataUpdated (embedded stack)', () => {
  let stack: TestStack;
  let patientId: string;
  const clock = fixedClock('2026-11-30T09:00:00Z');

  beforeAll(async () => {
    // The use case is driven by hand here, at a fixed clock; the automatic event path is tested in
    // monitoring-events.int.test.ts.
    stack = await startTestStack({ monitorOnEvents: false });
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('north', 'b1', 'vitals.ndjson'),
      ndjson(
        patient('p1'),
        subjectP1(glucose('g1', '2026-11-30T07:30:00Z', 52)), // level 2 hypoglycaemia, mg/dL at the source
        subjectP1(glucose('g0', '2026-11-29T07:30:00Z', 110)),
        subjectP1(bloodPressurePanel('bp1', '2026-11-30T07:00:00Z', 124, 78)),
      ),
    );
    await stack.settled();
    patientId = await pseudonymousId(stack.deps.keys, 'north', 'Patient', 'p1');
  });
  afterAll(async () => stack?.stop());

  const deps = () => ({ serving: stack.deps.serving, notifier: stack.deps.notifier, clock });
  const event = () => patientDataUpdatedSchema.parse({ hospital: 'north', patientId, batch: 'b1' });

  it('reads the served timeline (glucose converted to mmol/L by ingest) and opens one urgent alert', async () => {
    // Act
    const outcome = await onPatientDataUpdated(deps(), event());
    // Assess
    expect(outcome.opened).toEqual([`${patientId}.hypoglycaemia.1`]);
    const [alert] = await listAlerts({ alerts: stack.deps.serving }, 'north', patientId);
    expect(alert).toMatchObject({
      rule: 'hypoglycaemia',
      severity: 'urgent',
      status: 'open',
      hospital: 'north',
    });
    expect(alert!.reason).toMatch(/lowest 52(\.\d)? mg\/dL/);
    expect(alert!.observationIds).toHaveLength(1);
  });

  it('creates nothing new and notifies nobody again when the same event is delivered twice', async () => {
    // Act
    const again = await onPatientDataUpdated(deps(), event());
    // Assess
    expect(again.opened).toEqual([]);
    expect(again.notifications).toBe(0);
    expect(await listAlerts({ alerts: stack.deps.serving }, 'north', patientId)).toHaveLength(1);
    const sent = await (stack.deps.notifier as OutboxNotifier).sent();
    expect(sent.filter((n) => n.channel === 'care-team')).toHaveLength(1);
    expect(sent[0]!.message).not.toMatch(/mg\/dL|mmol|lowest/);
  });

  it('keeps one alert per problem when two evaluations race (putIfAbsent on dynalite)', async () => {
    // Prepare: a fresh problem for another patient id, evaluated twice at once.
    const other = 'f'.repeat(32);
    const input = {
      hospital: 'north',
      patientId: other,
      observations: [bloodPressurePanel('bpx', '2026-11-30T08:00:00Z', 190, 100)],
      now: '2026-11-30T08:30:00Z',
    };
    const monitoring = { alerts: stack.deps.serving, notifier: stack.deps.notifier };
    // Act
    await Promise.all([evaluatePatient(monitoring, input), evaluatePatient(monitoring, input)]);
    // Assess: one episode per rule, whatever the interleaving.
    const alerts = await listAlerts(monitoring, 'north', other);
    expect(alerts.map((a) => a.alertId).sort()).toEqual([
      `${other}.bp-above-target.1`,
      `${other}.bp-crisis.1`,
    ]);
  });

  it('pages the care team once when two evaluations race, on a channel that does not de-duplicate (conditional claims on dynalite)', async () => {
    // Prepare: a notifier that delivers every send, as SNS on a standard topic does (the local
    // outbox de-duplicates, which would hide a second page).
    const sent: Notification[] = [];
    const standard = {
      send: async (n: Notification) => {
        await new Promise((resolve) => setTimeout(resolve, 50)); // the others arrive meanwhile
        sent.push(n);
      },
    };
    const patient = 'e'.repeat(32);
    const input = {
      hospital: 'north',
      patientId: patient,
      observations: [bloodPressurePanel('bpe', '2026-11-30T08:00:00Z', 188, 102)],
      now: '2026-11-30T08:30:00Z',
    };
    const monitoring = { alerts: stack.deps.serving, notifier: standard };
    // Act
    await Promise.all([1, 2, 3].map(() => evaluatePatient(monitoring, input)));
    // Assess
    expect(sent.filter((n) => n.attributes?.rule === 'bp-crisis')).toHaveLength(1);
    expect(sent).toHaveLength(2); // the crisis (urgent) and stage 2 (warning), once each
    const alerts = await listAlerts(monitoring, 'north', patient);
    expect(alerts.find((a) => a.rule === 'bp-crisis')!.notified).toEqual(['urgent']);
  });

  it("keeps a clinician's acknowledgement made while an evaluation was between its read and its write (conditional writes on dynalite)", async () => {
    // Prepare: an urgent crisis alert; the next evaluation's read is followed by an acknowledgement.
    const patient = 'd'.repeat(32);
    const monitoring = { alerts: stack.deps.serving, notifier: stack.deps.notifier };
    const first = [bloodPressurePanel('bpd1', '2026-11-30T08:00:00Z', 186, 104)];
    await evaluatePatient(monitoring, {
      hospital: 'north',
      patientId: patient,
      observations: first,
      now: '2026-11-30T08:05:00Z',
    });
    const alertId = `${patient}.bp-crisis.1`;
    const racing = Object.create(stack.deps.serving) as typeof stack.deps.serving;
    let acknowledged = false;
    racing.query = async (q) => {
      const page = await stack.deps.serving.query(q);
      if (q.sortPrefix === 'ALERT#bp-crisis#' && !acknowledged) {
        acknowledged = true;
        await acknowledgeAlert(monitoring, {
          hospital: 'north',
          alertId,
          by: 'nurse-4',
          at: '2026-11-30T08:20:00Z',
        });
      }
      return page;
    };
    // Act
    await evaluatePatient(
      { alerts: racing, notifier: stack.deps.notifier },
      {
        hospital: 'north',
        patientId: patient,
        observations: [...first, bloodPressurePanel('bpd2', '2026-11-30T08:15:00Z', 205, 121)],
        now: '2026-11-30T08:21:00Z',
      },
    );
    // Assess
    const alert = (await listAlerts(monitoring, 'north', patient)).find(
      (a) => a.alertId === alertId,
    );
    expect(alert).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'nurse-4',
      observationIds: ['bpd2'],
    });
  });

  it('loads the served Patient for its age: the adult NEWS2 chart alerts on an adult, not on a 3-year-old', async () => {
    // Prepare: the same vital signs (RR 30, HR 130: ordinary at 3 years, NEWS2 5 in an adult).
    const vitals = (id: string) => [
      {
        ...vital(`${id}-rr`, '2026-11-30T08:00:00Z', '9279-1', 30, '/min'),
        subject: { reference: `Patient/${id}` },
      },
      {
        ...vital(`${id}-hr`, '2026-11-30T08:00:00Z', '8867-4', 130, '/min'),
        subject: { reference: `Patient/${id}` },
      },
    ];
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('north', 'b2', 'ward.ndjson'),
      ndjson(
        patient('toddler', { birthDate: '2023-05-02' }),
        patient('adult', { birthDate: '1961-04-12' }),
        ...vitals('toddler'),
        ...vitals('adult'),
      ),
    );
    await stack.settled();
    const idOf = (p: string) => pseudonymousId(stack.deps.keys, 'north', 'Patient', p);
    const run = async (p: string) =>
      onPatientDataUpdated(
        { ...deps(), news2: news2Scorer },
        patientDataUpdatedSchema.parse({
          hospital: 'north',
          patientId: await idOf(p),
          batch: 'b2',
        }),
      );
    // Act
    const toddler = await run('toddler');
    const adult = await run('adult');
    // Assess
    expect(toddler.findings).toEqual([]);
    expect(toddler.opened).toEqual([]);
    expect(adult.findings.map((f) => [f.rule, f.severity])).toEqual([['news2', 'urgent']]);
    expect(adult.opened).toEqual([`${await idOf('adult')}.news2.1`]);
  });

  it("classifies a child's BP by the AAP 2017 tables from the served Patient's sex and height", async () => {
    // Prepare: a boy of 10 (served birth date and gender) measured in inches at the source, and the
    // same readings for a child of 10 whose gender is 'unknown'. 147/80 is no adult emergency, but
    // for the boy it is 31 mm Hg above the 95th percentile (116/77 at the 50th height percentile,
    // 141.3 cm, nearest to 55.6 in = 141.2 cm: Flynn 2017 Table 4).
    const child = (id: string, gender: string) => [
      patient(id, { birthDate: '2016-02-10', gender }),
      {
        ...vital(`${id}-ht`, '2026-11-02T08:00:00Z', '8302-2', 55.6, '[in_i]'),
        subject: { reference: `Patient/${id}` },
      },
      {
        ...bloodPressurePanel(`${id}-bp`, '2026-11-30T08:00:00Z', 147, 80),
        subject: { reference: `Patient/${id}` },
      },
    ];
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('north', 'b3', 'clinic.ndjson'),
      ndjson(...child('boy10', 'male'), ...child('unknown10', 'unknown')),
    );
    await stack.settled();
    const run = async (p: string) =>
      onPatientDataUpdated(
        deps(),
        patientDataUpdatedSchema.parse({
          hospital: 'north',
          patientId: await pseudonymousId(stack.deps.keys, 'north', 'Patient', p),
          batch: 'b3',
        }),
      );
    // Act
    const boy = await run('boy10');
    const unknown = await run('unknown10');
    // Assess
    expect(boy.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['bp-crisis', 'urgent'],
      ['bp-above-target', 'warning'],
    ]);
    expect(boy.findings[0]!.reason).toMatch(
      /95th percentile 116\/77 mm\[Hg\] for a boy of 10 years at the 50th height percentile/,
    );
    // The tables are by sex: a child whose sex is not male or female is not classified.
    expect(unknown.findings).toEqual([]);
  });

  it("acknowledges an alert, and another hospital cannot see the patient's alerts", async () => {
    // Act
    const acked = await acknowledgeAlert(
      { alerts: stack.deps.serving },
      {
        hospital: 'north',
        alertId: `${patientId}.hypoglycaemia.1`,
        by: 'nurse-12',
        at: '2026-11-30T09:05:00Z',
      },
    );
    // Assess
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'nurse-12' });
    expect((await listAlerts({ alerts: stack.deps.serving }, 'north', patientId))[0]!.status).toBe(
      'acknowledged',
    );
    expect(await listAlerts({ alerts: stack.deps.serving }, 'south', patientId)).toEqual([]);
  });
});

describe('Command: caregraph monitor --bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caregraph-monitor-'));
  let stdout = '';
  let stderr = '';
  const capture = () => {
    stdout = '';
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(
      (chunk) => ((stdout += String(chunk)), true),
    );
    vi.spyOn(process.stderr, 'write').mockImplementation(
      (chunk) => ((stderr += String(chunk)), true),
    );
  };
  afterEach(() => vi.restoreAllMocks());

  const rxnorm = 'http://www.nlm.nih.gov/research/umls/rxnorm';
  const lisinopril = {
    coding: [{ system: rxnorm, code: '314076', display: 'lisinopril 10 MG Oral Tablet' }],
  };
  const ref = { reference: 'urn:uuid:p1' };
  const entry = (resource: Record<string, unknown>) => ({
    fullUrl: `urn:uuid:${String(resource.id)}`,
    resource,
  });
  const bundle = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      entry({ resourceType: 'Patient', id: 'p1', birthDate: '1960-01-01' }),
      entry({
        resourceType: 'MedicationRequest',
        id: 'mr1',
        status: 'active',
        intent: 'order',
        subject: ref,
        medicationCodeableConcept: lisinopril,
        authoredOn: '2026-06-01',
      }),
      ...['2026-06-01', '2026-07-01', '2026-07-31', '2026-08-30', '2026-09-29', '2026-10-29'].map(
        (d, i) =>
          entry({
            resourceType: 'MedicationDispense',
            id: `md${i}`,
            status: 'completed',
            subject: ref,
            medicationCodeableConcept: lisinopril,
            whenHandedOver: `${d}T10:00:00Z`,
            daysSupply: { value: 30, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
          }),
      ),
      ...['2026-11-05', '2026-11-12', '2026-11-19', '2026-11-26'].map((d, i) =>
        entry({ ...bloodPressurePanel(`bp${i}`, `${d}T08:00:00+01:00`, 142, 88), subject: ref }),
      ),
    ],
  };
  const bundleFile = join(dir, 'patient.json');
  writeFileSync(bundleFile, JSON.stringify(bundle));

  it('prints the alerts, trends, adherence and an intensification proposal as JSON', async () => {
    // Prepare
    capture();
    // Act
    const code = await runCommand(monitorCommand, [
      '--bundle',
      bundleFile,
      '--at',
      '2026-11-30',
      '--json',
    ]);
    // Assess
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.patient).toBe('p1');
    expect(
      report.alerts.map((a: { rule: string; severity: string }) => [a.rule, a.severity]),
    ).toEqual([['bp-above-target', 'warning']]);
    expect(report.adherence).toMatchObject([
      { medication: `${rxnorm}|314076`, fills: 6, eligible: true, adherent: true },
    ]);
    // 6 fills × 30 days from Jun 1 to Nov 30 (183 days): 180 covered, the last fill's supply ends Nov 27.
    expect(report.adherence[0].coveredDays).toBe(180);
    expect(report.suggestions.map((s: { kind: string }) => s.kind)).toEqual([
      'intensify-antihypertensive',
    ]);
    expect(report.trends.find((t: { concept: string }) => t.concept === 'systolic')).toMatchObject({
      readings: 4,
      latest: 142,
      direction: 'unknown',
    });
  });

  it('prints a readable summary without --json', async () => {
    capture();
    const code = await runCommand(monitorCommand, ['--bundle', bundleFile, '--at', '2026-11-30']);
    expect(code).toBe(0);
    expect(stdout).toContain('[warning] bp-above-target');
    expect(stdout).toContain('intensify-antihypertensive');
  });

  it('fails with exit 1 naming the entry when a bundle entry holds no resource', async () => {
    // Prepare
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ resourceType: 'Bundle', entry: [{ fullUrl: 'x' }] }));
    capture();
    // Act
    const code = await runCommand(monitorCommand, ['--bundle', bad]);
    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain('entry[0].resource');
    expect(stdout).toBe('');
  });

  it('is a usage error (exit 2) without --bundle or --patient, or with an unknown flag', async () => {
    capture();
    expect(await runCommand(monitorCommand, ['--json'])).toBe(2);
    expect(await runCommand(monitorCommand, ['--bundle', bundleFile, '--nope'])).toBe(2);
  });

  it('explains that --patient needs a stack connection when none is wired', async () => {
    capture();
    expect(await runCommand(monitorCommand, ['--patient', 'p1'])).toBe(1);
    expect(stderr).toContain('use --bundle FILE');
  });
});
