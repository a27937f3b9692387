// Training (tabular) entry-point helper: choose the fastest tfjs backend that loads here —
// tfjs-node-gpu (CUDA, in the GPU training image), then tfjs-node (native CPU), then WebAssembly
// (the only one installed in the development environment). Only entry points call this
// (train.ts, the CLI, benchmarks, tests); library code uses whatever backend is active.
import * as tf from '@tensorflow/tfjs';

/** Candidate native bindings, best first; each registers the "tensorflow" backend on import. */
const nativeBindings = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'];

let chosen: Promise<string> | undefined;

async function choose(): Promise<string> {
  for (const binding of nativeBindings) {
    try {
      // The bindings are optional (not project dependencies): a variable specifier keeps
      // TypeScript from requiring them.
      await import(/* @vite-ignore */ binding);
      if (await tf.setBackend('tensorflow')) return `tensorflow (${binding})`;
    } catch {
      // not installed or no GPU driver: try the next one
    }
  }
  await import('@tensorflow/tfjs-backend-wasm');
  if (await tf.setBackend('wasm')) return 'wasm';
  await tf.setBackend('cpu');
  return 'cpu';
}

/** Select and initialise the backend once per process; resolves to its description. */
export function selectBackend(): Promise<string> {
  chosen ??= choose().then(async (name) => {
    await tf.ready();
    return name;
  });
  return chosen;
}
