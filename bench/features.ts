// Benchmark: the scheduled features job (training/features-job.ts) on the embedded stack. A synthetic
// hospital's Bundles are ingested (ingestFile, no events), then the job's two steps are timed as the
// processing job runs them: the current feature set with its case index, and the derived training
// table (a retrospective set, labels read off the records, the join), then that step with two
// tables from one set. Patients per second and the process's peak RSS; from the rate, how many
// patients one run fits in the job's time limit. The
// embedded stack's DynamoDB is dynalite (LevelDB in this process), so these rates are a floor for
// what the same code does against DynamoDB through its VPC endpoint, not a measurement of it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../local/stack';
import { keyLayout } from '../shared/config/resources';
import { ingestFile } from '../shared/domain/ingest/ingest-file';
import { renderCohortPatient } from '../shared/domain/synth/cohort';
import { runFeaturesJob } from '../training/features-job';
import { maxFeatureJobSeconds } from '../infra/constructs/feature-preparation';
import type { BenchContext, BenchResult } from './suites';

const hospital = 'bench-features';
const asOf = '2026-01-01';

export async function featuresBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const patients = ctx.size ?? 1_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'caregraph-bench-features-'));
  const stack = await startStack({ dataDir, logLevel: 'ERROR', autoIngest: false });
  try {
    const { objects, serving, keys, clock } = stack.deps;
    ctx.progress(`  ingesting ${patients} synthetic patients (one Bundle each)`);
    const ingestStart = performance.now();
    for (let i = 0; i < patients; i++) {
      const r = renderCohortPatient({ patients, seed: 7, hospital, dirtyRate: 0, asOf }, i);
      const key = keyLayout.raw(hospital, 'bench', `p${i}.json`);
      await objects.put('raw', key, r.bundle.join(''));
      await ingestFile({ objects, serving, keys, clock }, { key, etag: `bench-${i}` });
      if ((i + 1) % 200 === 0) ctx.progress(`    ${i + 1}/${patients}`);
    }
    const ingestSeconds = (performance.now() - ingestStart) / 1000;
    const rssBeforeJobMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
    const events: { event: string; seconds?: number; patients?: number; rows?: number }[] = [];
    const deps = {
      serving,
      objects,
      now: () => new Date(`${asOf}T06:00:00Z`),
      log: (line: string) => {
        events.push(JSON.parse(line) as (typeof events)[number]);
        ctx.progress(`    ${line}`);
      },
    };
    ctx.progress('  the nightly step: the current feature set and case index');
    let start = performance.now();
    const nightly = await runFeaturesJob({ hospitals: [hospital] }, deps);
    const nightlySeconds = (performance.now() - start) / 1000;
    ctx.progress('  the weekly step: retrospective set, derived labels, training table');
    start = performance.now();
    const weekly = await runFeaturesJob(
      {
        hospitals: [],
        training: {
          hospital,
          horizonDays: 730,
          tables: [{ outcome: 'hard-ascvd', key: 'features/training/bench.csv', label: 'outcome' }],
        },
      },
      deps,
    );
    const weeklySeconds = (performance.now() - start) / 1000;
    // A hospital with two retrained models: one run, one retrospective set, two tables (before,
    // two runs each rebuilt the set: about twice weeklySeconds).
    ctx.progress('  the weekly step with two tables: one retrospective set, two outcomes');
    start = performance.now();
    const twoTables = await runFeaturesJob(
      {
        hospitals: [],
        training: {
          hospital,
          horizonDays: 730,
          tables: [
            { outcome: 'hard-ascvd', key: 'features/training/bench-a.csv', label: 'outcome' },
            { outcome: 'incident-t2d', key: 'features/training/bench-b.csv', label: 'outcome' },
          ],
        },
      },
      deps,
    );
    const twoTablesSeconds = (performance.now() - start) / 1000;
    if (nightly.code || weekly.code || twoTables.code)
      throw new Error(
        `the features job failed: ${[...nightly.failures, ...weekly.failures, ...twoTables.failures]}`,
      );
    const table = events.find((e) => e.event === 'training table written');
    const perSecond = (seconds: number) => Math.round(patients / seconds);
    return {
      metrics: {
        patients,
        ingestSeconds: +ingestSeconds.toFixed(1),
        nightlySeconds: +nightlySeconds.toFixed(1),
        nightlyPatientsPerSecond: perSecond(nightlySeconds),
        weeklySeconds: +weeklySeconds.toFixed(1),
        weeklyPatientsPerSecond: perSecond(weeklySeconds),
        weeklyTwoTablesSeconds: +twoTablesSeconds.toFixed(1),
        trainingRows: table?.rows ?? 0,
        jobLimitSeconds: maxFeatureJobSeconds,
        nightlyPatientsWithinLimit: Math.floor(perSecond(nightlySeconds) * maxFeatureJobSeconds),
        rssBeforeJobMiB,
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      notes: [
        'Embedded stack (dynalite, s3rver) in this process, sequential as the job runs: a floor for the rate against DynamoDB, not a measurement of it.',
        'nightlyPatientsWithinLimit: patients one nightly run of one hospital fits in the processing job limit at this rate; the job runs hospitals one after another.',
        'weeklyTwoTablesSeconds: one run building two tables (hard-ascvd, incident-t2d) from one retrospective set; one job per table would take about twice weeklySeconds.',
        'peakRssMiB is the whole process (the embedded servers, ingest and the job); rssBeforeJobMiB is its RSS once ingest finished.',
      ],
    };
  } finally {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
