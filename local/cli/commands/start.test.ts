import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { featureSpecVersion } from '../../../shared/domain/features/spec';
import { ensureDemoModel } from '../../demo-model';
import { runCommand } from '../io';
import { banner, startCommand } from './start';

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

describe('CLI: caregraph start banner', () => {
  const endpoints = {
    api: 'http://127.0.0.1:3917',
    s3: 'http://127.0.0.1:1',
    dynamodb: 'http://127.0.0.1:2',
    sparql: 'http://127.0.0.1:3',
    model: 'http://127.0.0.1:4',
  };
  const suggested = (text: string) =>
    text.split('\n').filter((line) => /caregraph (token|ingest)/.test(line));

  it('gives the suggested commands --data-dir DIR for a stack outside .caregraph', () => {
    // Act
    const text = banner(endpoints, '/tmp/h6 stack/data');
    // Assess: each command that finds the stack names its data directory, quoted for the shell
    expect(suggested(text)).toEqual([
      "  TOKEN=$(npx caregraph token --role clinician --hospital demo-general --data-dir '/tmp/h6 stack/data')",
      "  npx caregraph ingest my-export.ndjson --hospital demo-general --wait --data-dir '/tmp/h6 stack/data'",
    ]);
    // a relative DIR as its absolute path, so the commands work from any directory
    for (const line of suggested(banner(endpoints, 'stack')))
      expect(line).toMatch(new RegExp(`--data-dir ${resolve('stack')}\\)?$`));
  });

  it('leaves --data-dir out for the default .caregraph', () => {
    const text = banner(endpoints, '.caregraph');
    expect(suggested(text)).toEqual([
      '  TOKEN=$(npx caregraph token --role clinician --hospital demo-general)',
      '  npx caregraph ingest my-export.ndjson --hospital demo-general --wait',
    ]);
    expect(text).not.toContain('--data-dir');
  });
});

describe('CLI: caregraph start, restarted after an upgrade that changed the feature spec', () => {
  let dataDir: string;
  let stderr: string;
  let stdout: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'caregraph-start-restart-'));
    [stderr, stdout] = ['', ''];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('retrains the demonstration model of the earlier spec before it serves', async () => {
    // Prepare: the data directory of an earlier start (its sample data loaded), whose demo model
    // the previous build trained under an older feature spec
    writeFileSync(join(dataDir, 'sample-data-loaded.json'), '{"at":"2026-06-01T00:00:00Z"}');
    const earlier = await ensureDemoModel({ dataDir, asOf: '2026-06-01', patients: 300 });
    const file = join(earlier.dir, 'model.json');
    const stale = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...stale, featureSpec: 'features-2026.12.3' }));
    // Act: restart, and stop once it says it is running
    const code = runCommand(startCommand, ['--data-dir', dataDir, '--port', '0']);
    const deadline = Date.now() + 100_000;
    while (!stdout.includes('caregraph is running') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const served = JSON.parse(readFileSync(file, 'utf8')) as {
      featureSpec: string;
      version: string;
    };
    process.emit('SIGINT', 'SIGINT');
    // Assess: retrained under the current spec (keeping its date) before the stack started
    expect(await code, stderr.slice(-2000)).toBe(0);
    expect(served.featureSpec).toBe(featureSpecVersion);
    expect(served.version).toBe('2026-06-01-synthetic');
    const retrained = stderr.indexOf('retrained the demonstration model cvd-risk');
    expect(retrained).toBeGreaterThanOrEqual(0);
    expect(retrained).toBeLessThan(stderr.indexOf('starting the embedded stack'));
    expect(existsSync(join(dataDir, 'stack.json'))).toBe(false);
  }, 150_000);
});
