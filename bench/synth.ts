// Benchmark: `caregraph synth` throughput (patients/s) and peak memory, at two cohort sizes so that
// memory flatness in N is visible (peak RSS at N and at N/5 should be about the same). Throughput on a
// shared machine depends on what else runs, so CPU time per patient (all threads, user + kernel) and
// the load average are reported beside it: they say whether a slow run was slow code or a busy host.
import { fork } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SynthRunOutcome, SynthRunRequest } from './synth-process';
import type { RenderRunOutcome, RenderRunRequest } from './synth-render-process';
import type { BenchContext, BenchResult } from './suites';

/** Run one request in a fresh process (a bench child entry in this folder) and return its reply. */
function inChild<Request, Outcome>(
  file: string,
  request: Request,
  ctx: BenchContext,
): Promise<Outcome> {
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<Outcome>((ok, fail) => {
    child.on('message', (m) => {
      const message = m as { progress?: string };
      if (message.progress !== undefined) ctx.progress(message.progress);
      else ok(m as Outcome);
    });
    child.once('exit', (code) =>
      fail(new Error(`${file} exited (code ${code}) without an outcome`)),
    );
    child.send(request as object);
  });
}

/**
 * Write one cohort into `root` in a fresh process (bench/synth-process.ts) and measure it. The cohort
 * is left on disk: deleting tens of thousands of files just before the next run is measured makes
 * that run pay for it (on ext4 without a journal, creating a file skips every inode of its group
 * deleted in the last minutes, one by one).
 */
function run(patients: number, root: string, ctx: BenchContext): Promise<SynthRunOutcome> {
  const request: SynthRunRequest = { patients, out: join(root, `cohort-${patients}`) };
  return inChild<SynthRunRequest, SynthRunOutcome>('./synth-process.ts', request, ctx);
}

/** Patients per block of the render-only run (CPU is read once per block). */
const renderBlock = 500;

/**
 * Rendering alone, on one thread, in a fresh process (bench/synth-render-process.ts): CPU per patient
 * while the JIT warms up (the first half) and after (the second half), and the warm-up's cost in
 * seconds of CPU, which each render thread of a cohort pays once.
 */
async function renderCost(
  large: number,
  ctx: BenchContext,
): Promise<{ firstHalf: number; secondHalf: number; warmupSeconds: number; byBlock: number[] }> {
  const blocks = Math.max(2, Math.min(4, Math.floor(large / renderBlock / 2)));
  const request: RenderRunRequest = { patients: 2 * blocks * renderBlock, block: renderBlock };
  ctx.progress(`  rendering ${request.patients} patients on one thread, nothing written`);
  const { cpuMsPerPatientByBlock: byBlock } = await inChild<RenderRunRequest, RenderRunOutcome>(
    './synth-render-process.ts',
    request,
    ctx,
  );
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const firstHalf = mean(byBlock.slice(0, blocks));
  const secondHalf = mean(byBlock.slice(blocks));
  const warmupSeconds = ((firstHalf - secondHalf) * blocks * renderBlock) / 1000;
  return { firstHalf, secondHalf, warmupSeconds, byBlock };
}

const round2 = (x: number) => Number(x.toFixed(2));

/**
 * The least any writer of this cohort could spend on this machine: every file of `cohort` written
 * again into `copy` the way the generator writes them (a per-patient file in one exclusive
 * `writeFileSync`, the shared files appended 1 MiB at a time), timing only the writes: each folder
 * is read into memory first (at most about 1 GiB, the Bundles of 10,000 patients), then written.
 * Returns the output's size and that CPU (user, kernel) per patient.
 */
function rewriteCost(
  cohort: string,
  copy: string,
  patients: number,
): { outputKiBPerPatient: number; userMsPerPatient: number; kernelMsPerPatient: number } {
  const perPatientFolders = new Set(['bundles', 'notes', 'vcf']);
  const piece = 1 << 20;
  let bytes = 0;
  let user = 0;
  let system = 0;
  for (const folder of readdirSync(cohort, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const files = readdirSync(join(cohort, folder.name)).map((name) => ({
      name,
      content: readFileSync(join(cohort, folder.name, name)),
    }));
    mkdirSync(join(copy, folder.name), { recursive: true });
    const before = process.cpuUsage();
    for (const { name, content } of files) {
      const to = join(copy, folder.name, name);
      bytes += content.length;
      if (perPatientFolders.has(folder.name)) {
        writeFileSync(to, content, { flag: 'wx' });
        continue;
      }
      const output = openSync(to, 'wx');
      try {
        for (let at = 0; at < content.length; at += piece) {
          writeSync(output, content, at, Math.min(piece, content.length - at));
        }
      } finally {
        closeSync(output);
      }
    }
    const used = process.cpuUsage(before);
    user += used.user;
    system += used.system;
  }
  return {
    outputKiBPerPatient: bytes / 1024 / patients,
    userMsPerPatient: user / 1000 / patients,
    kernelMsPerPatient: system / 1000 / patients,
  };
}

/**
 * Kernel CPU per KiB of writing a new file into the page cache, µs: into memory the guest has not
 * used lately ("cold"), then just after deleting that file, into the pages it freed ("warm"). On a VM
 * whose balloon reports free pages to the host (virtio-balloon free page reporting, as on the
 * Firecracker hosts this bench was written on) a cold page costs a host fault and zeroing, many
 * times the copy itself. Memory freed a moment before (the cohort processes', the rewrite's) is
 * handed out first and is still warm, so the probe writes 1.5 GiB and takes the cold cost from its
 * last 256 MiB. Run after the timed work, so the pages it frees cannot make that cheaper.
 */
function pageCacheWriteCost(root: string): { coldUsPerKiB: number; warmUsPerKiB: number } {
  const block = Buffer.alloc(1 << 20, 0x61);
  const segmentMiB = 256;
  /** Kernel µs per KiB of each 256 MiB segment of one new file. */
  const segmentCosts = (path: string, segments: number): number[] => {
    const costs: number[] = [];
    const fd = openSync(path, 'wx');
    try {
      for (let segment = 0; segment < segments; segment++) {
        const before = process.cpuUsage().system;
        for (let i = 0; i < segmentMiB; i++) writeSync(fd, block);
        costs.push((process.cpuUsage().system - before) / (segmentMiB * 1024));
      }
    } finally {
      closeSync(fd);
    }
    return costs;
  };
  const coldPath = join(root, 'page-cache-probe-cold');
  const cold = segmentCosts(coldPath, 6).at(-1)!;
  unlinkSync(coldPath);
  const warmPath = join(root, 'page-cache-probe-warm');
  const warm = segmentCosts(warmPath, 1)[0]!;
  unlinkSync(warmPath);
  return { coldUsPerKiB: round2(cold), warmUsPerKiB: round2(warm) };
}

export async function synthBenchmark(ctx: BenchContext): Promise<BenchResult> {
  const large = ctx.size ?? 10_000;
  const small = Math.max(100, Math.round(large / 5));
  const loadBefore = round2(loadavg()[0]!);
  const root = mkdtempSync(join(tmpdir(), 'caregraph-bench-synth-'));
  let a: SynthRunOutcome;
  let b: SynthRunOutcome;
  let rewrite: ReturnType<typeof rewriteCost>;
  let pageCache: { coldUsPerKiB: number; warmUsPerKiB: number };
  let render: Awaited<ReturnType<typeof renderCost>>;
  try {
    a = await run(small, root, ctx);
    b = await run(large, root, ctx);
    render = await renderCost(large, ctx);
    rewrite = rewriteCost(join(root, `cohort-${large}`), join(root, 'rewritten'), large);
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
      outputKiBPerPatient: Math.round(rewrite.outputKiBPerPatient),
      renderOneThreadFirstHalfMsPerPatient: round2(render.firstHalf),
      renderOneThreadSecondHalfMsPerPatient: round2(render.secondHalf),
      renderWarmupCpuSecondsPerThread: round2(render.warmupSeconds),
      renderOneThreadMsPerPatientByBlock: render.byBlock.map(round2).join(' '),
      writeOnlyMsPerPatient: round2(rewrite.userMsPerPatient + rewrite.kernelMsPerPatient),
      writeOnlyKernelMsPerPatient: round2(rewrite.kernelMsPerPatient),
      pageCacheColdWriteUsPerKiB: pageCache.coldUsPerKiB,
      pageCacheWarmWriteUsPerKiB: pageCache.warmUsPerKiB,
      pageCacheColdMsPerPatient: round2(
        (rewrite.outputKiBPerPatient * pageCache.coldUsPerKiB) / 1000,
      ),
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
      `renderOneThread*: rendering alone (nothing written) on one thread in a fresh process with the render threads' JIT settings, CPU of the whole process (V8's compile and GC threads included) per patient, in blocks of ${renderBlock}; the first half is the JIT warming up, the second about steady state. renderWarmupCpuSecondsPerThread is the CPU the warm-up costs beyond steady state, paid once by every render thread of a cohort.`,
      "writeOnly*: CPU of writing the large cohort's files again as the generator writes them (rendering excluded): the floor of any generator of this output on this machine; 2 cores * 1000 / (rendering + writeOnlyMsPerPatient) bounds the rate.",
      "pageCache*: kernel CPU of writing new files after the runs, into memory the guest has not used lately (cold: the last 256 MiB of 1.5 GiB) and into pages just freed (warm); pageCacheColdMsPerPatient is the cold cost of one patient's output (outputKiBPerPatient), the share of kernelMsPerPatient that is the host's and not the generator's when the two differ a lot (virtio-balloon free page reporting makes a cold page a host fault).",
    ],
  };
}
