// Unit tests (CLI plumbing): flag values that look like flags, and a reader that closes the pipe.
import { PassThrough } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitQuietlyOnClosedPipe, parseFlags, runCommand, UsageError } from './io';
import { synthCommand } from './commands/synth';

describe('Function: parseFlags', () => {
  afterEach(() => vi.restoreAllMocks());

  it('passes a negative number to a flag that takes a value, for the command to check', () => {
    // Act
    const { values, positionals } = parseFlags(
      ['--seed', '-3', '--dirty', '-0.5', 'x', '--', '--at', '-1'],
      { seed: { type: 'string' }, dirty: { type: 'string' }, at: { type: 'string' } },
      true,
    );
    // Assess
    expect(values).toEqual({ seed: '-3', dirty: '-0.5' });
    expect(positionals).toEqual(['x', '--at', '-1']);
  });

  it('still refuses a dash value after a boolean flag, and a dash word after any flag', () => {
    expect(() => parseFlags(['--json', '-3'], { json: { type: 'boolean' } })).toThrow(UsageError);
    expect(() => parseFlags(['--seed', '-x'], { seed: { type: 'string' } })).toThrow(
      /argument is ambiguous/,
    );
  });

  it('makes synth --seed -3 say what a seed is, not that the argument is ambiguous', async () => {
    // Prepare
    const out = mkdtempSync(join(tmpdir(), 'caregraph-io-'));
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    // Act
    const code = await runCommand(synthCommand, ['--patients', '1', '--seed', '-3', '--out', out]);
    rmSync(out, { recursive: true, force: true });
    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain('caregraph synth: --seed must be an integer from 0 to 4294967295');
  });
});

describe('Function: exitQuietlyOnClosedPipe', () => {
  it('exits 141 (128 + SIGPIPE) when the reader closed the output pipe, and rethrows any other error', () => {
    // Prepare
    const stream = new PassThrough();
    const exit = vi.fn();
    exitQuietlyOnClosedPipe(stream, exit);
    exitQuietlyOnClosedPipe(stream, exit); // installed once
    const error = (code: string) => Object.assign(new Error(`write ${code}`), { code });
    // Act
    stream.emit('error', error('EPIPE'));
    // Assess
    expect(exit.mock.calls).toEqual([[141]]);
    expect(() => stream.emit('error', error('EIO'))).toThrow('write EIO');
  });

  it('drops progress when the reader closed stderr, and goes on', () => {
    // Prepare
    const stream = new PassThrough();
    const exit = vi.fn();
    exitQuietlyOnClosedPipe(stream, exit, 'progress');
    // Act
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    // Assess
    expect(exit).not.toHaveBeenCalled();
  });
});
