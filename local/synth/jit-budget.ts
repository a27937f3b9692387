// Local (synth): a smaller TurboFan inlining budget while a cohort renders. Rendering runs a large
// amount of code (state, notes, FHIR, CSV, VCF) a few thousand times per thread, so the JIT's
// optimising compiles are a large share of the work: with V8's default budget the compile threads
// took about 28% of all CPU of a 950-patient render (perf), and one function alone (rendering a
// patient's resources, with everything it inlines) took 110-170 ms per compile. With the budget at
// 150 bytecode bytes, the whole process (compiles included) spent 19% less CPU per patient over
// 1,000 patients and 8-12% less over 2,000; the compiled code is hardly slower.
import { setFlagsFromString } from 'node:v8';

const flag = '--max-inlined-bytecode-size-cumulative';
/** Bytes of bytecode TurboFan may inline into one function while rendering. */
export const renderInliningBudget = 150;
/** V8's own default (Node 20, V8 11.3), restored afterwards. */
const defaultInliningBudget = 920;

/**
 * Lower the inlining budget for the whole process (V8 flags are per process; the render threads
 * compile after this) and return a function that restores the default. Does nothing when the
 * process was started with its own budget.
 */
export function limitInliningWhileRendering(execArgv: readonly string[]): () => void {
  if (execArgv.some((arg) => arg.startsWith(flag))) return () => undefined;
  setFlagsFromString(`${flag}=${renderInliningBudget}`);
  return () => setFlagsFromString(`${flag}=${defaultInliningBudget}`);
}
