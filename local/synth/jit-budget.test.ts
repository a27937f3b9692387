import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
vi.mock('node:v8', () => ({ setFlagsFromString: (flag: string) => calls.push(flag) }));
const { applyRenderJitSettings, renderFlags } = await import('./jit-budget');

describe('render JIT settings', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('sets every render flag, and restores V8 defaults afterwards', () => {
    const restore = applyRenderJitSettings([]);
    expect(calls).toEqual(['--max-inlined-bytecode-size-cumulative=150', '--always-sparkplug']);
    calls.length = 0;
    restore();
    expect(calls).toEqual(['--max-inlined-bytecode-size-cumulative=920', '--no-always-sparkplug']);
  });

  it('leaves alone a flag the process was started with, in any spelling', () => {
    for (const argv of [
      ['--no-always-sparkplug'],
      ['--always-sparkplug'],
      ['--always_sparkplug'],
      ['--no_always_sparkplug'],
    ]) {
      calls.length = 0;
      applyRenderJitSettings(argv)();
      expect(calls.some((c) => c.includes('sparkplug'))).toBe(false);
      expect(calls.filter((c) => c.includes('inlined')).length).toBe(2);
    }
    calls.length = 0;
    applyRenderJitSettings(['--max-inlined-bytecode-size-cumulative=400'])();
    expect(calls.some((c) => c.includes('inlined'))).toBe(false);
  });

  it('gives each flag a restoring value of the same name', () => {
    for (const flag of renderFlags) {
      expect(flag.render.replace(/^--(no-)?/, '').split('=')[0]).toBe(flag.name);
      expect(flag.restore.replace(/^--(no-)?/, '').split('=')[0]).toBe(flag.name);
    }
  });
});
