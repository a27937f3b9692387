// Child-process entry for `npm run bench -- synth`: patients rendered on this process's one thread,
// with the render threads' JIT settings, and nothing written (each chunk's buffers are recycled as the
// writer recycles them). The CPU of the whole process (this thread and V8's compile and GC threads)
// per patient, block by block, separates the cost of rendering from the cost of writing, and the
// JIT's warm-up (which every render thread pays) from the steady state. Started with
// child_process.fork; receives a RenderRunRequest, replies with a RenderRunOutcome.
import { applyRenderJitSettings } from '../local/synth/jit-budget';
import { answerParentOnce } from './child-entry';

export interface RenderRunRequest {
  /** Patients to render, a multiple of `block`. */
  patients: number;
  block: number;
}

export interface RenderRunOutcome {
  /** CPU of the whole process (user + kernel) per patient in each block, ms. */
  cpuMsPerPatientByBlock: number[];
}

answerParentOnce(
  {
    name: 'synth-render-process.ts',
    startedBy: 'bench/synth.ts',
    failure: 'the render-only run failed',
  },
  run,
);

async function run({ patients, block }: RenderRunRequest): Promise<RenderRunOutcome> {
  // As the render pool does, before any render code is compiled.
  applyRenderJitSettings(process.execArgv);
  const { chunkBuffers, recycleChunkBuffers, renderChunk } = await import('../local/synth/chunk');
  const options = { seed: 1, patients, hospital: 'bench', dirtyRate: 0, asOf: '2026-01-01' };
  const chunkSize = 50;
  const cpuMsPerPatientByBlock: number[] = [];
  let before = process.cpuUsage();
  for (let start = 0; start < patients; start += chunkSize) {
    const chunk = renderChunk(options, start, Math.min(patients, start + chunkSize));
    recycleChunkBuffers(chunkBuffers(chunk));
    const done = Math.min(patients, start + chunkSize);
    if (done % block === 0) {
      const cpu = process.cpuUsage(before);
      cpuMsPerPatientByBlock.push((cpu.user + cpu.system) / 1000 / block);
      before = process.cpuUsage();
    }
  }
  return { cpuMsPerPatientByBlock };
}
