// Local (synth): V8 settings while a cohort renders. Rendering runs a large amount of code (state,
// notes, FHIR, CSV, VCF) a few thousand times per thread, so how the JIT spends its effort matters:
//
// - A smaller TurboFan inlining budget. With V8's default budget the compile threads took about 28%
//   of all CPU of a 950-patient render (perf), and one function alone (rendering a patient's
//   resources, with everything it inlines) took 110-170 ms per compile. With the budget at 150
//   bytecode bytes, the whole process (compiles included) spent 19% less CPU per patient over 1,000
//   patients and 8-12% less over 2,000; the compiled code is hardly slower.
// - Baseline (Sparkplug) code from a function's first call (`--always-sparkplug`), instead of after
//   it has run a while in the interpreter. Most render functions are called thousands of times but
//   only the hottest reach TurboFan, so the rest ran interpreted for a long time. Measured on one
//   thread over 5,000 patients (the share of one render thread in a 10,000-patient cohort on 2
//   cores), alternating runs: 4-8% less CPU per patient (2.49 -> 2.39 and 2.78 -> 2.56 ms).
import { setFlagsFromString } from 'node:v8';

interface RenderFlag {
  /** Flag name without leading dashes or `no-`. */
  name: string;
  /** Value while rendering, as given to setFlagsFromString (`--name=value`, `--name` or `--no-name`). */
  render: string;
  /** V8's own default (Node 20, V8 11.3), restored afterwards. */
  restore: string;
}

/** Bytes of bytecode TurboFan may inline into one function while rendering. */
export const renderInliningBudget = 150;

export const renderFlags: readonly RenderFlag[] = [
  {
    name: 'max-inlined-bytecode-size-cumulative',
    render: `--max-inlined-bytecode-size-cumulative=${renderInliningBudget}`,
    restore: '--max-inlined-bytecode-size-cumulative=920',
  },
  { name: 'always-sparkplug', render: '--always-sparkplug', restore: '--no-always-sparkplug' },
];

/** True when the process was started with its own value of `name` (`--name...` or `--no-name`). */
function setByUser(execArgv: readonly string[], name: string): boolean {
  return execArgv.some((raw) => {
    const arg = raw.split('=')[0]!.replaceAll('_', '-');
    return arg === `--${name}` || arg === `--no-${name}`;
  });
}

/**
 * Apply the render settings for the whole process (V8 flags are per process; the render threads
 * compile after this) and return a function that restores V8's defaults. A flag the process was
 * started with is left as the user set it.
 */
export function applyRenderJitSettings(execArgv: readonly string[]): () => void {
  const applied = renderFlags.filter((flag) => !setByUser(execArgv, flag.name));
  for (const flag of applied) setFlagsFromString(flag.render);
  return () => {
    for (const flag of applied) setFlagsFromString(flag.restore);
  };
}
