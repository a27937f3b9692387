// Unit tests (local/synth): the render worker bundled into one JavaScript module for the worker threads.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleRenderWorker, unbundledWorker } from './worker-bundle';

describe('Function: bundleRenderWorker', () => {
  it('writes one self-contained module, without keepNames wrappers, and removes it on dispose', async () => {
    // Act
    const script = await bundleRenderWorker();
    // Assess
    expect(script).toBeDefined();
    const file = fileURLToPath(script!.url);
    const code = readFileSync(file, 'utf8');
    expect(code).toContain('function renderChunk(');
    expect(code).not.toMatch(/from ["']\.{1,2}\//);
    expect(code).not.toContain('__name(');
    script!.dispose();
    expect(existsSync(file)).toBe(false);
  });

  it('keeps the TypeScript entry point for when esbuild cannot run', () => {
    // Assess
    expect(existsSync(fileURLToPath(unbundledWorker))).toBe(true);
  });
});
