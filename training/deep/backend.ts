// Training (deep): the one place a tfjs backend is chosen. Entry points (train.ts files, benches,
// eval suites) call selectBackend; model and data code never do. tfjs-node-gpu and tfjs-node are not
// project dependencies (the GPU image adds tfjs-node-gpu), so they are imported dynamically and
// their absence is expected; wasm is always there and gets the training kernels it lacks.
import * as tf from '@tensorflow/tfjs';
import { ValidationError } from '../../shared/domain/errors';
import { registerWasmTrainingKernels } from './wasm-kernels';

export type BackendChoice = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';

export const backendChoices: readonly BackendChoice[] = [
  'tensorflow-gpu',
  'tensorflow',
  'wasm',
  'cpu',
];

export interface SelectedBackend {
  /** What was asked for and obtained. */
  choice: BackendChoice;
  /** tfjs's own backend name (`tensorflow`, `wasm`, `cpu`). */
  backend: string;
  /** Candidates tried before it and why each failed (absent package, failed init). */
  skipped: { choice: BackendChoice; reason: string }[];
}

/** Import a package by a name the type checker does not resolve (it may not be installed). */
async function importOptional(name: string): Promise<void> {
  await import(name);
}

async function activate(choice: BackendChoice): Promise<void> {
  if (choice === 'tensorflow-gpu') await importOptional('@tensorflow/tfjs-node-gpu');
  if (choice === 'tensorflow') await importOptional('@tensorflow/tfjs-node');
  if (choice === 'wasm') {
    await import('@tensorflow/tfjs-backend-wasm');
    registerWasmTrainingKernels();
  }
  const name = choice === 'wasm' || choice === 'cpu' ? choice : 'tensorflow';
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} failed to initialise`);
  await tf.ready();
}

/**
 * Pick the fastest tfjs backend available: `preferred` first when given, then tfjs-node-gpu,
 * tfjs-node, wasm (with the training kernels of wasm-kernels.ts) and finally the pure-JS cpu
 * backend. Returns which one is active and why the faster ones were skipped.
 */
export async function selectBackend(preferred?: BackendChoice | string): Promise<SelectedBackend> {
  if (preferred !== undefined && !backendChoices.includes(preferred as BackendChoice))
    throw new ValidationError(
      `backend: expected one of ${backendChoices.join(', ')}, got ${preferred}`,
      'backend',
    );
  const order = [
    ...(preferred ? [preferred as BackendChoice] : []),
    ...backendChoices.filter((c) => c !== preferred),
  ];
  const skipped: SelectedBackend['skipped'] = [];
  for (const choice of order) {
    try {
      await activate(choice);
      return { choice, backend: tf.getBackend(), skipped };
    } catch (error) {
      skipped.push({ choice, reason: (error as Error).message.split('\n')[0] ?? 'unknown' });
    }
  }
  throw new ValidationError('backend: no tfjs backend could be initialised', 'backend');
}
