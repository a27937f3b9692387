// Integration: `caregraph start` stopped mid-ingest (close({ finish: false }), what SIGINT/SIGTERM
// does). The ingest in flight stops at its next checkpoint instead of holding the stop, as before a
// Lambda timeout; its continuation event is journaled; the next start on the same data directory
// finishes the file. Every line is accounted for once and nothing is stored twice.
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import type { IngestReport } from '../shared/domain/ingest/report';
import { heartRateExport, startTestStack, storedPatients } from './helpers/stack';

const hospital = 'resumed';
const patients = 300;
/** 300 patients with 9 heart rates each: 3,000 lines, 30 segments of 100. */
const body = heartRateExport(patients);
const key = keyLayout.raw(hospital, 'b1', 'export.ndjson');

describe('Embedded stack: a stop that does not finish queued work', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'caregraph-stop-resume-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops an ingest in flight at a checkpoint and finishes the file on the next start', async () => {
    // Prepare: an upload being ingested in segments of 100 records
    const first = await startTestStack({ dataDir, ingest: { checkpointEvery: 100 } });
    await first.deps.objects.put('raw', key, body);
    while ((await storedPatients(first, hospital)) === 0)
      await new Promise((r) => setTimeout(r, 5));

    // Act: stop without finishing, then start again on the same data directory
    await first.close({ finish: false });
    const kept = unfinishedJournalEntries(dataDir);
    const second = await startTestStack({ dataDir, ingest: { checkpointEvery: 100 } });
    try {
      await second.settled();

      // Assess: the first run stopped part-way; the second finished from its checkpoint
      expect(kept).toBeGreaterThan(0);
      expect(second.resumed).not.toEqual({});
      const report = JSON.parse(
        (await second.deps.objects.getText(
          'curated',
          keyLayout.report(hospital, 'b1', 'export.ndjson'),
        ))!,
      ) as IngestReport;
      expect(report.resumedAfterLine).toBeGreaterThan(0);
      expect(report.records.accepted + report.records.repaired).toBe(patients * 10);
      expect(report.records.rejected).toBe(0);
      expect(await storedPatients(second, hospital)).toBe(patients);
    } finally {
      await second.stop();
    }
  }, 120_000);
  it('finishes a file whose process was killed mid-ingest, once, on the next start', async () => {
    // Prepare: a stack in a child process, killed (SIGKILL) once its ingest has stored a segment
    const dir = mkdtempSync(join(tmpdir(), 'caregraph-crash-'));
    const child = fork(
      fileURLToPath(new URL('./helpers/ingesting-stack.ts', import.meta.url)),
      [dir, 'crashed', String(patients)],
      {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    );
    const exited = new Promise((ok) => child.once('exit', ok));
    await new Promise<void>((ok, fail) => {
      child.once('message', () => ok());
      child.once('exit', (code) => fail(new Error(`the child exited (${code}) before ingesting`)));
    });
    child.kill('SIGKILL');
    await exited;

    // Act: start again on the same data directory
    const next = await startTestStack({ dataDir: dir, ingest: { checkpointEvery: 100 } });
    try {
      await next.settled();

      // Assess: the file was finished and every patient stored once; nothing dead-lettered
      const text = await next.deps.objects.getText(
        'curated',
        keyLayout.report('crashed', 'b1', 'export.ndjson'),
      );
      expect(text).toBeDefined();
      const report = JSON.parse(text!) as IngestReport;
      expect(report.records.accepted + report.records.repaired).toBe(patients * 10);
      expect(await storedPatients(next, 'crashed')).toBe(patients);
      expect(existsSync(join(dir, 'dead-letters', 'ingest.jsonl'))).toBe(false);
    } finally {
      await next.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

/** Messages sent and not yet handled, over every queue journal in the data directory. */
function unfinishedJournalEntries(dir: string): number {
  const pending = new Set<string>();
  for (const file of readdirSync(join(dir, 'queues'))) {
    for (const line of readFileSync(join(dir, 'queues', file), 'utf8').split('\n')) {
      if (!line) continue;
      const entry = JSON.parse(line) as { op: string; id: string };
      if (entry.op === 'send') pending.add(entry.id);
      else pending.delete(entry.id);
    }
  }
  return pending.size;
}
