// Benchmark: `caregraph synth` throughput (patients/s) and peak memory, at two cohort sizes so that
// memory flatness in N is visible (peak RSS at N and at N/5 should be about the same).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCohort } from '../local/synth/write-cohort';
import type { BenchContext, BenchResult } from './suites';

async function run(
  patients: number,
  ctx: BenchContext,
): Promise<{ seconds: number; peakRssMiB: number }> {
  const out = join(mkdtempSync(join(tmpdir(), 'caregraph-bench-synth-')), 'cohort');
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const start = process.hrtime.bigint();
  try {
    await writeCohort({
      patients,
      seed: 1,
      hospital: 'bench',
      dirtyRate: 0,
      asOf: '2026-01-01',
      out,
      onProgress: (d, t) => d % 2000 === 0 && ctx.progress(`  ${d}/${t}`),
    });
    return {
      seconds: Number(process.hrtime.bigint() - start) / 1e9,
      peakRssMiB: Math.round(peak / 2 ** 20),
    };
  } finally {
    clearInterval(sampler);
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
}

export async function synthBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const large = ctx.size ?? 10_000;
  const small = Math.max(100, Math.round(large / 5));
  const a = await run(small, ctx);
  const b = await run(large, ctx);
  return {
    metrics: {
      patients: large,
      seconds: Number(b.seconds.toFixed(2)),
      patientsPerSecond: Math.round(large / b.seconds),
      targetPatientsPerSecond: 1000,
      peakRssMiB: b.peakRssMiB,
      [`peakRssMiBAt${small}`]: a.peakRssMiB,
      [`patientsPerSecondAt${small}`]: Math.round(small / a.seconds),
    },
    notes: [
      'Whole writer: state, genome, notes, FHIR, Bundle, CSV, VCF and truth, written to local disk; render threads = cores.',
      'Peak RSS is of the main (writer) process including worker threads.',
    ],
  };
}
