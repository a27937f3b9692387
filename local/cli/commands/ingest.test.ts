// Tests (CLI ingest): inputs that would share a raw key are refused before any upload, and a report
// that does not come in time is printed as pending while the other files are still reported.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IngestReport } from '../../../shared/domain/ingest/report';
import { runCommand } from '../io';
import type { StackInfo } from '../stack-client';
import { deadLettered, makeIngestCommand, type IngestDeps } from './ingest';

const stack: StackInfo = {
  api: 'http://127.0.0.1:1',
  s3: 'http://127.0.0.1:2',
  dynamodb: 'http://127.0.0.1:3',
  sparql: 'http://127.0.0.1:4',
  model: 'http://127.0.0.1:5',
  dataDir: '/nonexistent',
};

function report(file: string, batch: string, accepted: number): IngestReport {
  return {
    file,
    batch,
    hospital: 'north',
    key: `raw/north/${batch}/${file}`,
    status: 'accepted',
    records: { accepted, repaired: 0, rejected: 0 },
    byType: { Patient: accepted },
    byReason: {},
    repairs: {},
    warnings: {},
    errors: [],
    errorsOmitted: 0,
    startedAt: '2026-12-06T10:00:00Z',
    finishedAt: '2026-12-06T10:00:01Z',
  };
}

describe('Command: caregraph ingest', () => {
  let dir: string;
  let stdout: string;
  let stderr: string;
  let deps: IngestDeps & { uploaded: string[] };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'caregraph-ingest-cli-'));
    for (const site of ['siteA', 'siteB']) {
      mkdirSync(join(dir, site));
      writeFileSync(
        join(dir, site, 'Patient.ndjson'),
        `{"resourceType":"Patient","id":"${site}"}\n`,
      );
    }
    stdout = '';
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    const uploaded: string[] = [];
    deps = {
      uploaded,
      findStack: async () => stack,
      upload: async (_stack, key) => void uploaded.push(key),
      report: async (_stack, _hospital, batch, name) =>
        name === 'Patient.ndjson' ? undefined : report(name, batch, 3),
      deadLetterOf: () => undefined,
    };
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['two files of one base name', ['siteA/Patient.ndjson', 'siteB/Patient.ndjson']],
    ['two folders holding one name', ['siteA', 'siteB']],
  ])('refuses %s with exit 2 before uploading anything, naming both', async (_, inputs) => {
    // Act
    const paths = inputs.map((p) => join(dir, p));
    const code = await runCommand(makeIngestCommand(deps), [...paths, '--hospital', 'north']);
    // Assess
    expect(code).toBe(2);
    expect(deps.uploaded).toEqual([]);
    const [first, second] = inputs.map((p) =>
      join(dir, p, p.endsWith('.ndjson') ? '' : 'Patient.ndjson'),
    );
    expect(stderr).toContain(
      `${first} and ${second} would both be uploaded as "Patient.ndjson" in one batch`,
    );
    expect(stderr).toMatch(/separate runs/);
  });

  it('refuses a file given twice (itself and in its folder)', async () => {
    // Act
    const file = join(dir, 'siteA', 'Patient.ndjson');
    const code = await runCommand(makeIngestCommand(deps), [
      join(dir, 'siteA'),
      file,
      '--hospital',
      'north',
    ]);
    // Assess
    expect(code).toBe(2);
    expect(deps.uploaded).toEqual([]);
    expect(stderr).toContain(`caregraph ingest: ${file} is given twice`);
  });

  it('uploads the folder that holds both, each file under its subfolder', async () => {
    // Act
    const code = await runCommand(makeIngestCommand(deps), [
      dir,
      '--hospital',
      'north',
      '--batch',
      'b1',
    ]);
    // Assess
    expect(code).toBe(0);
    expect(deps.uploaded).toEqual([
      'raw/north/b1/siteA/Patient.ndjson',
      'raw/north/b1/siteB/Patient.ndjson',
    ]);
  });

  it('uploads a Bulk Data manifest.json last, and one a note manifest.txt reads as its sidecar first', async () => {
    // Prepare: an export folder, and a notes folder whose note manifest.txt has manifest.json as its
    // sidecar (the note.json form, readers/notes.ts).
    for (const folder of ['fhir', 'notes']) mkdirSync(join(dir, folder));
    writeFileSync(join(dir, 'fhir', 'manifest.json'), '{}');
    writeFileSync(join(dir, 'fhir', 'Observation.ndjson'), '');
    writeFileSync(join(dir, 'notes', 'manifest.txt'), 'Seen today.');
    writeFileSync(join(dir, 'notes', 'manifest.json'), '{}');
    // Act
    const code = await runCommand(makeIngestCommand(deps), [
      dir,
      '--hospital',
      'north',
      '--batch',
      'b1',
    ]);
    // Assess
    expect(code).toBe(0);
    expect(deps.uploaded).toEqual([
      'raw/north/b1/notes/manifest.json',
      'raw/north/b1/siteA/Patient.ndjson',
      'raw/north/b1/siteB/Patient.ndjson',
      'raw/north/b1/fhir/Observation.ndjson',
      'raw/north/b1/notes/manifest.txt',
      'raw/north/b1/fhir/manifest.json',
    ]);
  });

  it('prints a report that did not come as pending, reports the files after it, and exits 1', async () => {
    // Prepare
    const other = join(dir, 'Observation.ndjson');
    writeFileSync(other, '{}\n');
    const argv = [join(dir, 'siteA', 'Patient.ndjson'), other, '--hospital', 'north', '--wait'];
    // Act
    const json = await runCommand(makeIngestCommand(deps), [...argv, '--json', '--batch', 'b2']);
    const jsonOut = stdout;
    stdout = '';
    const text = await runCommand(makeIngestCommand(deps), argv);
    // Assess
    expect(json).toBe(1);
    expect(
      jsonOut
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { file: 'Patient.ndjson', batch: 'b2', status: 'pending' },
      expect.objectContaining({ file: 'Observation.ndjson', batch: 'b2', status: 'accepted' }),
    ]);
    expect(text).toBe(1);
    const batch = /batch (b\d{8}t\d{6}-[0-9a-f]{6})/.exec(stdout)?.[1];
    expect(batch).toBeDefined();
    expect(stdout).toContain(
      `Patient.ndjson: no ingest report after 300 s; it may still be processing (batch ${batch}: GET /ingest/batches/${batch} lists its reports)`,
    );
    expect(stdout).toMatch(/^Observation\.ndjson: accepted \(accepted 3/m);
    expect(stderr).toContain(`1 of 2 files without an ingest report yet (batch ${batch})`);
    expect(stderr).not.toMatch(/dead-letter/);
  });

  it('waits up to --timeout after the last report came, and only checks the files after a timeout', async () => {
    // Prepare: the clock moves by the time each wait for a missing report takes
    vi.useFakeTimers({ toFake: ['Date'] });
    const waits: [string, number][] = [];
    deps.report = async (_stack, _hospital, batch, name, timeoutMs) => {
      waits.push([name, timeoutMs]);
      if (!name.startsWith('late')) return report(name, batch, 1);
      vi.setSystemTime(Date.now() + timeoutMs);
      return undefined;
    };
    const names = ['late-1.ndjson', 'checked.ndjson', 'late-2.ndjson'];
    for (const name of names) writeFileSync(join(dir, name), '{}\n');
    // Act
    const code = await runCommand(makeIngestCommand(deps), [
      ...names.map((n) => join(dir, n)),
      ...['--hospital', 'north', '--wait', '--timeout', '60', '--json'],
    ]);
    // Assess: after late-1's full wait, checked.ndjson is read once; its report restarts the clock
    expect(code).toBe(1);
    expect(waits).toEqual([
      ['late-1.ndjson', 60_000],
      ['checked.ndjson', 0],
      ['late-2.ndjson', 60_000],
    ]);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).status),
    ).toEqual(['pending', 'accepted', 'pending']);
  });

  it('says when the upload of a pending file was dead-lettered', async () => {
    // Prepare
    deps.deadLetterOf = () => '/data/dead-letters/ingest.jsonl';
    // Act
    const code = await runCommand(makeIngestCommand(deps), [
      join(dir, 'siteA', 'Patient.ndjson'),
      '--hospital',
      'north',
      '--wait',
      '--batch',
      'b3',
    ]);
    // Assess
    expect(code).toBe(1);
    expect(stdout).toContain(
      'Patient.ndjson: no ingest report: its upload failed every attempt and was dead-lettered (batch b3; see /data/dead-letters/ingest.jsonl)',
    );
  });
});

describe('Function: deadLettered', () => {
  // A dead-letter line as the local queue writes it: the SQS message body is the S3 event as text.
  const letter = (key: string) =>
    JSON.stringify({
      messageId: 'm1',
      body: JSON.stringify({ Records: [{ s3: { object: { key } } }] }),
      reason: 'failed 5 times',
      at: '2026-12-06T00:00:00Z',
    });

  it('finds the letter of exactly the key, not of a key it is the start of', () => {
    const sidecarOnly = `${letter('raw/h/b/note.txt.json')}\nnot json\n`;
    expect(deadLettered(sidecarOnly, 'raw/h/b/note.txt')).toBe(false);
    expect(deadLettered(sidecarOnly, 'raw/h/b/note.txt.json')).toBe(true);
    // Keys are URL-encoded in S3 events (a space is '+').
    expect(
      deadLettered(
        letter('raw/h/b/Bulk+Export/Patient.ndjson'),
        'raw/h/b/Bulk Export/Patient.ndjson',
      ),
    ).toBe(true);
  });
});
