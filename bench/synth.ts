// Benchmark: `caregraph synth` throughput (patients/s) and peak memory, at two cohort sizes so that
// memory flatness in N is visible (peak RSS at N and at N/5 should be about the same). Throughput on a
// shared machine depends on what else runs, so CPU time per patient (all threads, user + kernel) and
// the load average are reported beside it: they say whether a slow run was slow code or a busy host.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SynthRunOutcome, SynthRunRequest } from './synth-process';
import type { BenchContext, BenchResult } from './suites';

/**
 * Write one cohort into `root` in a fresh process (bench/synth-process.ts) and measure it. The cohort
 * is left on disk: deleting tens of thousands of files just before the next run is measured makes
 * that run pay for it (on ext4 without a journal, creating a file skips every inode of its group
 * deleted in the last minutes, one by one).
 */
async function run(patients: number, root: string, ctx: BenchContext): Promise<SynthRunOutcome> {
  const entry = fileURLToPath(new URL('./synth-process.ts', import.meta.url));
  const child = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<SynthRunOutcome>((ok, fail) => {
    child.on('message', (m) => {
      const message = m as { progress?: string } & Partial<SynthRunOutcome>;
      if (message.progress !== undefined) ctx.progress(message.progress);
      else ok(message as SynthRunOutcome);
    });
    child.once('exit', (code) =>
      fail(new Error(`the synth process exited (code ${code}) without an outcome`)),
    );
    const request: SynthRunRequest = { patients, out: join(root, `cohort-${patients}`) };
    child.send(request);
  });
}

const round2 = (x: number) => Number(x.toFixed(2));

export async function synthBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const large = ctx.size ?? 10_000;
  const small = Math.max(100, Math.round(large / 5));
  const loadBefore = round2(loadavg()[0]!);
  const root = mkdtempSync(join(tmpdir(), 'caregraph-bench-synth-'));
  let a: SynthRunOutcome;
  let b: SynthRunOutcome;
  try {
    a = await run(small, root, ctx);
    b = await run(large, root, ctx);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const firstHalf = Math.max(...b.peakRssMiBByTenth.slice(0, 5));
  const secondHalf = Math.max(...b.peakRssMiBByTenth.slice(5));
  return {
    metrics: {
      patients: large,
      seconds: round2(b.seconds),
      patientsPerSecond: Math.round(large / b.seconds),
      targetPatientsPerSecond: 1000,
      cpuMsPerPatient: round2(b.cpuMsPerPatient),
      kernelMsPerPatient: round2(b.kernelMsPerPatient),
      peakRssMiB: b.peakRssMiB,
      [`peakRssMiBAt${small}`]: a.peakRssMiB,
      peakRssMiBFirstHalf: firstHalf,
      peakRssMiBSecondHalf: secondHalf,
      peakRssMiBByTenth: b.peakRssMiBByTenth.join(' '),
      [`patientsPerSecondAt${small}`]: Math.round(small / a.seconds),
      loadAverageBefore: loadBefore,
      loadAverageAfter: round2(loadavg()[0]!),
    },
    notes: [
      'Whole writer: state, genome, notes, FHIR, Bundle, CSV, VCF and truth, written to local disk; render threads = cores.',
      "Each cohort is written in a fresh process running writeCohort (what caregraph synth runs); peak RSS is that process's VmHWM, worker threads included.",
      'peakRssMiBByTenth is the peak resident memory within each tenth of the large cohort; first half against second half says whether memory still grows with N once the heaps have warmed up.',
      'cpuMsPerPatient is user + kernel time of all threads; on a host with C cores the best possible rate is about C * 1000 / cpuMsPerPatient patients/s.',
    ],
  };
}
