// Benchmark: `caregraph synth` throughput (patients/s) and peak memory, at two cohort sizes so that
// memory flatness in N is visible (peak RSS at N and at N/5 should be about the same). Throughput on a
// shared machine depends on what else runs, so CPU time per patient (all threads, user + kernel) and
// the load average are reported beside it: they say whether a slow run was slow code or a busy host.
import { fork } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
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

/** Bytes of all files under `dir`. */
function treeBytes(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    bytes += entry.isDirectory() ? treeBytes(path) : statSync(path).size;
  }
  return bytes;
}

/**
 * Kernel CPU per KiB of writing a new file into the page cache, µs: first into memory the guest has
 * not used lately ("cold"), then again just after deleting that file, into the pages it freed
 * ("warm"). On a VM whose balloon reports free pages to the host (virtio-balloon free page
 * reporting, as on the Firecracker hosts this bench was written on) a cold page costs a host fault
 * and zeroing, many times the copy itself; a cohort's hundreds of MiB of output are mostly cold
 * pages. Run after the cohorts, so the pages it frees cannot make them cheaper.
 */
function pageCacheWriteCost(
  root: string,
  mib = 256,
): { coldUsPerKiB: number; warmUsPerKiB: number } {
  const block = Buffer.alloc(1 << 20, 0x61);
  const writeOnce = (path: string): number => {
    const before = process.cpuUsage().system;
    const fd = openSync(path, 'wx');
    try {
      for (let i = 0; i < mib; i++) writeSync(fd, block);
    } finally {
      closeSync(fd);
    }
    return (process.cpuUsage().system - before) / (mib * 1024);
  };
  const cold = writeOnce(join(root, 'page-cache-probe-cold'));
  unlinkSync(join(root, 'page-cache-probe-cold'));
  const warm = writeOnce(join(root, 'page-cache-probe-warm'));
  unlinkSync(join(root, 'page-cache-probe-warm'));
  return { coldUsPerKiB: round2(cold), warmUsPerKiB: round2(warm) };
}

export async function synthBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const large = ctx.size ?? 10_000;
  const small = Math.max(100, Math.round(large / 5));
  const loadBefore = round2(loadavg()[0]!);
  const root = mkdtempSync(join(tmpdir(), 'caregraph-bench-synth-'));
  let a: SynthRunOutcome;
  let b: SynthRunOutcome;
  let outputKiBPerPatient: number;
  let pageCache: { coldUsPerKiB: number; warmUsPerKiB: number };
  try {
    a = await run(small, root, ctx);
    b = await run(large, root, ctx);
    outputKiBPerPatient = treeBytes(join(root, `cohort-${large}`)) / 1024 / large;
    pageCache = pageCacheWriteCost(root);
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
      outputKiBPerPatient: Math.round(outputKiBPerPatient),
      pageCacheColdWriteUsPerKiB: pageCache.coldUsPerKiB,
      pageCacheWarmWriteUsPerKiB: pageCache.warmUsPerKiB,
      pageCacheColdMsPerPatient: round2((outputKiBPerPatient * pageCache.coldUsPerKiB) / 1000),
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
      "pageCache*: kernel CPU of writing a new 256 MiB file after the runs, into memory the guest has not used lately (cold) and into pages just freed (warm); pageCacheColdMsPerPatient is the cold cost of one patient's output (outputKiBPerPatient), the share of kernelMsPerPatient that is the host's and not the generator's when the two differ a lot (virtio-balloon free page reporting makes a cold page a host fault).",
    ],
  };
}
