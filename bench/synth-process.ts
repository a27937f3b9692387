// Child-process entry for `npm run bench -- synth`: one cohort written by `writeCohort` (what
// `caregraph synth` runs) in a fresh process, so that its peak resident memory is the generator's
// own and not the benchmark harness's (which has loaded every suite's modules), and a second cohort
// does not start with the first one's heap. Started with child_process.fork; receives a SynthRun
// request, replies with timings, CPU and the resident memory at each tenth of the cohort.
import { writeCohort } from '../local/synth/write-cohort';
import { answerParentOnce } from './child-entry';
import { processMemory } from './process-memory';

export interface SynthRunRequest {
  patients: number;
  out: string;
}

export interface SynthRunOutcome {
  seconds: number;
  /** Peak resident memory of the process over its life (VmHWM), MiB. */
  peakRssMiB: number;
  /** Peak resident memory within each tenth of the cohort (sampled every 25 ms), MiB. */
  peakRssMiBByTenth: number[];
  /** CPU of all threads (writer, render threads, V8's), user + kernel, ms per patient. */
  cpuMsPerPatient: number;
  kernelMsPerPatient: number;
}

answerParentOnce(
  { name: 'synth-process.ts', startedBy: 'bench/synth.ts', failure: 'the synth run failed' },
  run,
);

async function run({ patients, out }: SynthRunRequest): Promise<SynthRunOutcome> {
  const rssMiB = () => Math.round(process.memoryUsage.rss() / 2 ** 20);
  const peakRssMiBByTenth: number[] = [];
  let windowPeak = rssMiB();
  const sampler = setInterval(() => (windowPeak = Math.max(windowPeak, rssMiB())), 25);
  let nextTenth = 1;
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
      onProgress: (done, total) => {
        // Progress comes every 1,000 patients; a small cohort's tenths share a window.
        windowPeak = Math.max(windowPeak, rssMiB());
        while (nextTenth <= 10 && done >= (total * nextTenth) / 10) {
          peakRssMiBByTenth.push(windowPeak);
          nextTenth++;
        }
        process.send!({ progress: `  ${done}/${total}, RSS ${rssMiB()} MiB` });
        windowPeak = rssMiB();
      },
    });
  } finally {
    clearInterval(sampler);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    seconds,
    peakRssMiB: processMemory('self')?.peakRssMiB ?? rssMiB(),
    peakRssMiBByTenth,
    cpuMsPerPatient: (cpu.user + cpu.system) / 1000 / patients,
    kernelMsPerPatient: cpu.system / 1000 / patients,
  };
}
