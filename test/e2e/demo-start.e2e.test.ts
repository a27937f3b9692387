// End to end: `caregraph demo` runs the pipeline once; `npm start` serves GET /health and stops cleanly.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, runCli } from '../helpers/cli';

describe('CLI: caregraph demo', () => {
  it('exits 0 with a summary of files, records and patients served', async () => {
    const run = await runCli(['demo', '--json', '--patients', '8']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.records).toEqual({ accepted: 8 * 10 + 2 * 10, quarantined: 2 });
    expect(summary.served).toEqual([
      { hospital: 'demo-general', patients: 8, observationsOfFirstPatient: 9 },
      { hospital: 'demo-childrens', patients: 2, observationsOfFirstPatient: 9 },
    ]);
    expect(summary.files[0].errors.map((e: { line: number }) => e.line)).toEqual([6, 8 * 10 + 2]);
  });
});

describe('CLI: caregraph start', () => {
  it('serves GET /health, writes stack.json, and on restart reuses the data without duplicating it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'caregraph-start-'));
    const first = await startAndProbe(dataDir);
    expect(first.health).toEqual({ status: 'ok' });
    expect(first.patients).toBe(5);
    expect(existsSync(join(dataDir, 'stack.json'))).toBe(false); // removed on clean stop
    const second = await startAndProbe(dataDir);
    expect(second.patients).toBe(5);
  });
});

async function startAndProbe(dataDir: string): Promise<{ health: unknown; patients: number }> {
  const child = spawn(
    process.execPath,
    [cliPath, 'start', '--port', '0', '--data-dir', dataDir, '--patients', '5'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    await waitFor(() => stdout.includes('caregraph is running'), 90_000);
    const stack = JSON.parse(readFileSync(join(dataDir, 'stack.json'), 'utf8'));
    const health = await (await fetch(`${stack.api}/health`)).json();
    const token = await runCli([
      'token',
      '--role',
      'clinician',
      '--hospital',
      'demo-general',
      '--data-dir',
      dataDir,
    ]);
    expect(token.code).toBe(0);
    const list = await fetch(`${stack.api}/patients`, {
      headers: { authorization: `Bearer ${token.stdout.trim().split('\n').at(-1)}` },
    });
    const patients = ((await list.json()) as { items: unknown[] }).items.length;
    return { health, patients };
  } finally {
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the stack to start');
    await new Promise((r) => setTimeout(r, 100));
  }
}
