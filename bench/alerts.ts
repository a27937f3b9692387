// Benchmark: alert evaluation throughput per 10,000 observations, (1) pure (FHIR -> readings -> rules)
// and (2) through the embedded stack's dynalite: read each patient's `#Observation` timeline, evaluate,
// write alerts (onPatientDataUpdated), then the same again (the idempotent re-delivery path).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../local/stack';
import { fixedClock } from '../shared/ports/clock';
import type { Notification, Notifier } from '../shared/ports/notifier';
import type { FhirJson } from '../shared/domain/ingest/source-record';
import { genericServingItem } from '../shared/domain/serving/records';
import { readingsFromObservations } from '../shared/domain/monitoring/readings';
import { evaluateRules } from '../shared/domain/monitoring/rules';
import { onPatientDataUpdated } from '../shared/domain/monitoring/patient-data-updated';
import type { BenchContext, BenchResult } from './suites';

const perPatient = 100;
const now = Date.parse('2026-11-30T12:00:00Z');
const hospital = 'bench';

/** A small deterministic generator (LCG, Numerical Recipes constants) so runs compare. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const loinc = (code: string) => ({ coding: [{ system: 'http://loinc.org', code }] });
const quantity = (value: number, code: string) => ({
  value,
  unit: code,
  system: 'http://unitsofmeasure.org',
  code,
});

/** One patient's observations over 90 days: BP panels, glucose (mmol/L as served), an HbA1c. */
function patientObservations(patient: string, rand: () => number): FhirJson[] {
  const hypertensive = rand() < 0.3;
  const diabetic = rand() < 0.2;
  return Array.from({ length: perPatient }, (_, i) => {
    const at = new Date(
      now - (perPatient - i) * 0.9 * 86_400_000 + rand() * 3_600_000,
    ).toISOString();
    const base = {
      resourceType: 'Observation',
      id: `${patient}-o${i}`,
      status: 'final',
      subject: { reference: `Patient/${patient}` },
      effectiveDateTime: at,
    };
    if (i === perPatient - 1)
      return { ...base, code: loinc('4548-4'), valueQuantity: quantity(diabetic ? 8.2 : 5.6, '%') };
    if (i % 2 === 0) {
      const sys = Math.round((hypertensive ? 145 : 122) + 10 * (rand() - 0.5));
      return {
        ...base,
        code: loinc('85354-9'),
        component: [
          { code: loinc('8480-6'), valueQuantity: quantity(sys, 'mm[Hg]') },
          { code: loinc('8462-4'), valueQuantity: quantity(Math.round(sys * 0.62), 'mm[Hg]') },
        ],
      };
    }
    const mmol = (diabetic ? 9 : 5.5) + 4 * (rand() - 0.5) - (diabetic && rand() < 0.05 ? 6 : 0);
    return {
      ...base,
      code: loinc('14749-6'),
      valueQuantity: quantity(Math.max(2, Math.round(mmol * 100) / 100), 'mmol/L'),
    };
  });
}

class CountingNotifier implements Notifier {
  sent = 0;
  async send(_notification: Notification): Promise<void> {
    this.sent++;
  }
}

const per10k = (seconds: number, observations: number) =>
  Number(((seconds * 1000 * 10_000) / observations).toFixed(1));

export async function alertsBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const target = ctx.size ?? 10_000;
  const patients = Math.max(1, Math.round(target / perPatient));
  const rand = lcg(7);
  const cohort = Array.from({ length: patients }, (_, p) => {
    const id = `p${String(p).padStart(6, '0')}`;
    return { id, observations: patientObservations(id, rand) };
  });
  const observations = patients * perPatient;
  ctx.progress(`  ${patients} patients, ${observations} observations`);

  // Warm the JIT on a tenth of the cohort so the timing is of steady-state evaluation.
  for (const p of cohort.slice(0, Math.ceil(patients / 10)))
    evaluateRules(readingsFromObservations(p.observations), { now });
  const start = process.hrtime.bigint();
  let findings = 0;
  for (const p of cohort)
    findings += evaluateRules(readingsFromObservations(p.observations), { now }).findings.length;
  const pureSeconds = Number(process.hrtime.bigint() - start) / 1e9;

  const dataDir = mkdtempSync(join(tmpdir(), 'caregraph-bench-alerts-'));
  const stack = await startStack({ dataDir, logLevel: 'ERROR', autoIngest: false });
  try {
    const source = { batch: 'bench', updatedAt: new Date(now).toISOString() };
    await stack.deps.serving.putMany(
      cohort.flatMap((p) => p.observations.map((o) => genericServingItem(hospital, o, source))),
    );
    const notifier = new CountingNotifier();
    const deps = { serving: stack.deps.serving, notifier, clock: fixedClock(new Date(now)) };
    const pass = async () => {
      const t0 = process.hrtime.bigint();
      let opened = 0;
      for (const p of cohort)
        opened += (await onPatientDataUpdated(deps, { hospital, patientId: p.id, batch: 'bench' }))
          .opened.length;
      return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, opened };
    };
    ctx.progress('  evaluating through dynalite (first delivery, then re-delivery)');
    const first = await pass();
    const again = await pass();
    return {
      metrics: {
        patients,
        observations,
        findings,
        pureMsPer10kObservations: per10k(pureSeconds, observations),
        pureObservationsPerSecond: Math.round(observations / pureSeconds),
        dynaliteMsPer10kObservations: per10k(first.seconds, observations),
        dynaliteObservationsPerSecond: Math.round(observations / first.seconds),
        alertsOpened: first.opened,
        notificationsSent: notifier.sent,
        redeliveryMsPer10kObservations: per10k(again.seconds, observations),
        redeliveryAlertsOpened: again.opened,
      },
      notes: [
        'pure: FHIR Observation -> readings -> all rules, NEWS2 not wired (no scorer in the bench)',
        'dynalite: byPatientTime reads (200 per page), alert queries and putIfAbsent/put writes, per patient in sequence',
      ],
    };
  } finally {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
