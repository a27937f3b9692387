// End to end: a hospital file goes in through `caregraph ingest` and comes back over the HTTP API.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiGet,
  heartRate,
  ndjson,
  patient,
  startTestStack,
  type TestStack,
} from '../helpers/stack';
import { runCli } from '../helpers/cli';

describe('CLI: caregraph ingest', () => {
  let stack: TestStack;
  let dir: string;

  beforeAll(async () => {
    stack = await startTestStack();
    dir = mkdtempSync(join(tmpdir(), 'caregraph-cli-'));
    writeFileSync(
      join(dir, 'export.ndjson'),
      ndjson(patient('p-100'), heartRate('hr-1', 'p-100'), 'oops'),
    );
  });
  afterAll(async () => stack?.stop());

  it('uploads, waits and prints the contract JSON for each file', async () => {
    // Act
    const run = await runCli([
      'ingest',
      join(dir, 'export.ndjson'),
      '--hospital',
      'riverside',
      '--wait',
      '--json',
      '--endpoint',
      stack.endpoints.api,
    ]);
    // Assess
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout.trim());
    expect(result).toMatchObject({
      file: 'export.ndjson',
      status: 'partial',
      records: { accepted: 2, repaired: 0, rejected: 1 },
      byType: { Patient: 1, Observation: 1 },
      errors: [{ line: 3, reason: expect.stringContaining('not valid JSON') }],
    });
    expect(result.batch).toMatch(/^b\d{8}t\d{6}-[0-9a-f]{6}$/);
  });

  it('serves the ingested patient to its own hospital only', async () => {
    const own = await apiGet(stack, '/patients', 'riverside');
    expect(own.body.items).toHaveLength(1);
    const id = own.body.items![0]!.id;
    expect(id).toMatch(/^[0-9a-f]{32}$/); // pseudonymous, not the hospital's "p-100"
    const one = await apiGet(stack, `/patients/${id}`, 'riverside');
    expect(one.body).toMatchObject({
      resourceType: 'Patient',
      id,
      gender: 'female',
      birthDate: '1961-04-12',
    });
    expect(one.body).not.toHaveProperty('name');
    const other = await apiGet(stack, `/patients/${id}`, 'elsewhere');
    expect(other.status).toBe(404);
    expect((await apiGet(stack, '/patients', 'elsewhere')).body.items).toEqual([]);
  });

  it('answers 401 without a token, as the JWT authorizer does', async () => {
    const response = await fetch(new URL('/patients', stack.endpoints.api));
    expect(response.status).toBe(401);
  });

  it('exits 2 on an unknown flag and 1 on a missing file, with a one-line reason', async () => {
    const usage = await runCli([
      'ingest',
      'x.ndjson',
      '--hospital',
      'riverside',
      '--frobnicate',
      '--endpoint',
      stack.endpoints.api,
    ]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Unknown option '--frobnicate'");
    const missing = await runCli([
      'ingest',
      join(dir, 'nope.ndjson'),
      '--hospital',
      'riverside',
      '--endpoint',
      stack.endpoints.api,
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/nope\.ndjson: no such file or directory$/);
  });
});
