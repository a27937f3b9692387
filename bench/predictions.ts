// Benchmark: GET /patients/{id}/predictions through the embedded stack (local gateway, JWT, policy,
// audit write, the record read from dynalite, features computed from it, the demonstration model
// invoked through the real SageMakerRuntimeClient against training/serve.ts, the answer explained):
// p50/p95/p99 latency over synthetic patients, and the two parts of a request measured on their
// own in process (features from the record; the model endpoint's round trip).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../local/stack';
import { ensureDemoModel, demoModelName } from '../local/demo-model';
import { keyLayout } from '../shared/config/resources';
import { extractRawFeatures } from '../shared/domain/features/extract';
import { patientRecord } from '../shared/domain/serving/queries';
import { ingestFile } from '../shared/domain/ingest/ingest-file';
import { pseudonymousId } from '../shared/domain/serving/records';
import { renderCohortPatient } from '../shared/domain/synth/cohort';
import type { BenchContext, BenchResult } from './suites';

const hospital = 'bench-predict';
const asOf = '2026-01-01';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const ms = (p: number) => Number(percentile(sorted, p).toFixed(2));
  return { p50: ms(0.5), p95: ms(0.95), p99: ms(0.99), max: ms(1) };
};
const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * `size` synthetic patients (default 100), each requested `rounds` times (3), sequentially by one
 * client. Target p95 < 200 ms, as for the recommendations route.
 */
export async function predictionsApiBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const patients = ctx.size ?? 100;
  const rounds = 3;
  const dataDir = mkdtempSync(join(tmpdir(), 'caregraph-bench-predictions-'));
  const stack = await startStack({ dataDir, logLevel: 'ERROR', autoIngest: false });
  try {
    ctx.progress('  training the demonstration model (local/demo-model.ts)');
    await ensureDemoModel({ dataDir, asOf });
    ctx.progress(`  ingesting ${patients} synthetic patients (Bundles)`);
    const { objects, serving, keys, clock } = stack.deps;
    const ids: string[] = [];
    for (let i = 0; i < patients; i++) {
      const r = renderCohortPatient({ patients, seed: 13, hospital, dirtyRate: 0, asOf }, i);
      const key = keyLayout.raw(hospital, 'bench', `p${i}.json`);
      await objects.put('raw', key, r.bundle.join(''));
      // No event bus: the monitor would otherwise run beside the measured requests.
      await ingestFile({ objects, serving, keys, clock }, { key, etag: `bench-p${i}` });
      ids.push(await pseudonymousId(keys, hospital, 'Patient', r.patient.id));
    }
    const token = await stack.issuer.sign({ role: 'clinician', hospital });
    let applicable = 0;
    const get = async (id: string) => {
      const url = new URL(`/patients/${id}/predictions`, stack.endpoints.api);
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { applicable?: boolean };
      if (response.status !== 200) throw new Error(`predictions answered ${response.status}`);
      return body.applicable === true;
    };
    for (const id of ids.slice(0, 10)) await get(id); // warm-up: JIT, key derivation
    ctx.progress(`  ${rounds} rounds of GET /patients/{id}/predictions`);
    const times: number[] = [];
    for (let round = 0; round < rounds; round++)
      for (const id of ids) {
        const start = process.hrtime.bigint();
        const inPopulation = await get(id);
        times.push(elapsedMs(start));
        if (round === 0 && inPopulation) applicable++;
      }
    // The parts of a request, in process: features from the record, then the endpoint round trip.
    const featureTimes: number[] = [];
    const invokeTimes: number[] = [];
    const now = new Date();
    for (const id of ids) {
      let start = process.hrtime.bigint();
      const features = extractRawFeatures(await patientRecord(serving, hospital, id), now);
      featureTimes.push(elapsedMs(start));
      const record = Object.fromEntries(
        Object.entries(features.features).map(([n, f]) => [n, f.value]),
      );
      start = process.hrtime.bigint();
      await stack.deps.predictor.invoke({
        endpoint: demoModelName,
        body: { records: [record], explain: true },
      });
      invokeTimes.push(elapsedMs(start));
    }
    const route = summary(times);
    const featuresMs = summary(featureTimes);
    const invokeMs = summary(invokeTimes);
    return {
      metrics: {
        patients: ids.length,
        requests: times.length,
        patientsInModelPopulation: applicable,
        p50Ms: route.p50,
        p95Ms: route.p95,
        p99Ms: route.p99,
        maxMs: route.max,
        targetP95Ms: 200,
        featuresFromRecordP50Ms: featuresMs.p50,
        featuresFromRecordP95Ms: featuresMs.p95,
        endpointInvokeP50Ms: invokeMs.p50,
        endpointInvokeP95Ms: invokeMs.p95,
      },
      notes: [
        'Embedded stack over HTTP: local gateway + JWT, dynalite, the model server (training/serve.ts) through @aws-sdk/client-sagemaker-runtime.',
        'Requests are sequential (one client); each reads the whole record and computes the features from it (not the stored vector).',
        'featuresFromRecord* and endpointInvoke* are the two parts of a request timed on their own, in process.',
      ],
    };
  } finally {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
