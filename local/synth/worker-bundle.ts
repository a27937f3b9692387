// Local (synth): the render worker as one plain JavaScript module, bundled by esbuild when a cohort
// starts (about 0.15 s), instead of TypeScript loaded module by module through tsx in every worker.
// Two costs go: each worker spent about 0.55 s of CPU resolving and loading ~120 modules through the
// loader hooks, and tsx compiles with esbuild's keepNames, which wraps every function expression in
// a `__name(fn, "...")` call (Object.defineProperty) each time it is created: the notes create slot
// fillers per sentence, and those calls took 2-3% of a render thread. Same code, same bytes out.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerScript {
  url: URL;
  /** Remove the bundle (after the workers have stopped). */
  dispose(): void;
}

/** The TypeScript entry point, loaded through tsx when bundling is not possible. */
export const unbundledWorker = new URL('./render-worker.mjs', import.meta.url);

/**
 * Bundle `render-worker.ts` into a temporary directory. Returns undefined when esbuild cannot run
 * here (then the caller loads the TypeScript through tsx: slower, same output).
 */
export async function bundleRenderWorker(): Promise<WorkerScript | undefined> {
  let code: string;
  try {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./render-worker.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    code = result.outputFiles[0]!.text;
  } catch {
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'caregraph-synth-worker-'));
  const file = join(dir, 'render-worker.mjs');
  writeFileSync(file, code);
  return {
    url: pathToFileURL(file),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
