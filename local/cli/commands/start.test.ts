import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../io';
import { startCommand } from './start';

describe('CLI: caregraph start flags', () => {
  let dataDir: string;
  let stderr: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'caregraph-start-flags-'));
    stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['cvd risk', '--models: "cvd risk" must be name=endpoint'],
    ['a,a', '--models: model "a" is listed twice'],
  ])('refuses --models %j before starting anything, naming the flag', async (models, message) => {
    // Act
    const code = await runCommand(startCommand, ['--data-dir', dataDir, '--models', models]);
    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toContain('starting the embedded stack');
  });

  it.each([
    [['--patients', '0'], '--patients must be an integer from 1 to 100000'],
    [['--seed', '1.5'], '--seed must be an integer from 0 to'],
    [['--seed', '-3'], '--seed must be an integer from 0 to'],
  ])('refuses %j before starting anything, naming the flag', async (flags, message) => {
    // Act
    const code = await runCommand(startCommand, ['--data-dir', dataDir, ...flags]);
    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toContain('starting the embedded stack');
  });
});
