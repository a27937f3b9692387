// Benchmark: `caregraph synth` throughput (patients/s) and peak memory, at two cohort sizes so that
// memory flatness in N is visible (peak RSS at N and at N/5 should be about the same). Throughput on a
// shared machine depends on what else runs, so CPU time per patient (all threads, user + kernel) and
// the load average are reported beside it: they say whether a slow run was slow code or a busy host.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCohort } from '../local/synth/write-cohort';
import type { BenchContext, BenchResult } from './suites';

interface SynthRun {
  seconds: number;
  peakRssMiB: number;
  /** CPU time of the whole process (writer and render threads) per patient, ms. */
  cpuMsPerPatient: number;
  /** Of which in the kernel (file creation dominates it), ms. */
  kernelMsPerPatient: number;
}

/**
 * Write one cohort into `root` and measure it. The cohort is left on disk: deleting tens of thousands
 * of files just before the next run is measured makes that run pay for it (on ext4 without a journal,
 * creating a file skips every inode of its group deleted in the last minutes, one by one).
 */
async function run(patients: number, root: string, ctx: BenchContext): Promise<SynthRun> {
  const out = join(root, `cohort-${patients}`);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const cpuBefore = process.cpuUsage();
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
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      seconds,
      peakRssMiB: Math.round(peak / 2 ** 20),
      cpuMsPerPatient: round2((cpu.user + cpu.system) / 1000 / patients),
      kernelMsPerPatient: round2(cpu.system / 1000 / patients),
    };
  } finally {
    clearInterval(sampler);
  }
}

const round2 = (x: number) => Number(x.toFixed(2));

export async function synthBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const large = ctx.size ?? 10_000;
  const small = Math.max(100, Math.round(large / 5));
  const loadBefore = round2(loadavg()[0]!);
  const root = mkdtempSync(join(tmpdir(), 'caregraph-bench-synth-'));
  let a: SynthRun;
  let b: SynthRun;
  try {
    a = await run(small, root, ctx);
    b = await run(large, root, ctx);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return {
    metrics: {
      patients: large,
      seconds: round2(b.seconds),
      patientsPerSecond: Math.round(large / b.seconds),
      targetPatientsPerSecond: 1000,
      cpuMsPerPatient: b.cpuMsPerPatient,
      kernelMsPerPatient: b.kernelMsPerPatient,
      peakRssMiB: b.peakRssMiB,
      [`peakRssMiBAt${small}`]: a.peakRssMiB,
      [`patientsPerSecondAt${small}`]: Math.round(small / a.seconds),
      loadAverageBefore: loadBefore,
      loadAverageAfter: round2(loadavg()[0]!),
    },
    notes: [
      'Whole writer: state, genome, notes, FHIR, Bundle, CSV, VCF and truth, written to local disk; render threads = cores.',
      'Peak RSS is of the main (writer) process including worker threads.',
      'cpuMsPerPatient is user + kernel time of all threads; on a host with C cores the best possible rate is about C * 1000 / cpuMsPerPatient patients/s.',
    ],
  };
}
