// Integration: `caregraph start` stopped mid-ingest (close({ finish: false }), what SIGINT/SIGTERM
// does). The ingest in flight stops at its next checkpoint instead of holding the stop, as before a
// Lambda timeout; its continuation event is journaled; the next start on the same data directory
// finishes the file. Every line is accounted for once and nothing is stored twice.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { servingKeys } from '../shared/domain/serving/records';
import type { IngestReport } from '../shared/domain/ingest/report';
import type { RunningStack } from '../local/stack';
import { heartRate, ndjson, patient, startTestStack } from './helpers/stack';

const hospital = 'resumed';
const patients = 300;
/** 300 patients with 9 heart rates each: 3,000 lines, 30 segments of 100. */
const body = ndjson(
  ...Array.from({ length: patients }, (_, p) => [
    patient(`p${p}`),
    ...Array.from({ length: 9 }, (_, o) =>
      heartRate(`o${p}-${o}`, `p${p}`, `2026-03-0${1 + o}T09:00:00Z`, 60 + o),
    ),
  ]).flat(),
);
const key = keyLayout.raw(hospital, 'b1', 'export.ndjson');

async function storedPatients(stack: RunningStack): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await stack.deps.serving.query({
      index: 'byHospital',
      partition: servingKeys.hospitalPatients(hospital),
      limit: 500,
      cursor,
    });
    n += page.items.length;
    cursor = page.cursor;
  } while (cursor);
  return n;
}

describe('Embedded stack: a stop that does not finish queued work', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'caregraph-stop-resume-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops an ingest in flight at a checkpoint and finishes the file on the next start', async () => {
    // Prepare: an upload being ingested in segments of 100 records
    const first = await startTestStack({ dataDir, ingest: { checkpointEvery: 100 } });
    await first.deps.objects.put('raw', key, body);
    while ((await storedPatients(first)) === 0) await new Promise((r) => setTimeout(r, 5));

    // Act: stop without finishing, then start again on the same data directory
    await first.close({ finish: false });
    const kept = unfinishedJournalEntries(dataDir);
    const second = await startTestStack({ dataDir, ingest: { checkpointEvery: 100 } });
    try {
      await second.settled();

      // Assess: the first run stopped part-way; the second finished from its checkpoint
      expect(kept).toBeGreaterThan(0);
      expect(second.resumedEvents).not.toEqual({});
      const report = JSON.parse(
        (await second.deps.objects.getText(
          'curated',
          keyLayout.report(hospital, 'b1', 'export.ndjson'),
        ))!,
      ) as IngestReport;
      expect(report.resumedAfterLine).toBeGreaterThan(0);
      expect(report.records.accepted + report.records.repaired).toBe(patients * 10);
      expect(report.records.rejected).toBe(0);
      expect(await storedPatients(second)).toBe(patients);
    } finally {
      await second.stop();
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
