// Integration (issue 5): logs, metrics, traces and error responses never carry PHI. PHI canaries are
// planted in every input format ingest reads (FHIR NDJSON, a transaction Bundle, a CSV extract with
// its mapping, VCFs whose sample names are identifiers, plain-text notes with sidecars) and their
// malformed variants; the API is driven with PHI in query strings, path parameters and bodies, error
// paths included. Then everything the stack wrote is scanned: every log and metric line, every HTTP
// answer (headers and body), every item of every DynamoDB table, every S3 object, the whole knowledge
// graph, every published event and notification, every file in the data directory, and what this
// process printed.
//
// Where PHI may be, on purpose (everything else must hold none):
// - the raw bucket: the hospital's upload, as sent;
// - the `raw` member of a quarantine-bucket line: the rejected record, kept for the hospital to fix
//   (its `file`, `line`, `path` and `reason` must not echo a value);
// - a Patient's `birthDate` element in the pseudonymised clinical copy (serving items, curated Patient
//   NDJSON, clinicians' API answers): full dates are kept there for age-dependent scores, as
//   resource-projection.ts documents (a limited data set, not Safe Harbor; the research copy keeps the year);
// - clinical free text (no identifier) inside a decrypted curated note.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { pseudonymousId } from '../shared/domain/serving/records';
import { eventTypes } from '../shared/ports/event-bus';
import { canaries, patientA, patientAIdentifiers } from './fixtures/phi/canaries';
import { partialDateA } from './fixtures/phi/fhir-inputs';
import { phiUploads } from './fixtures/phi/uploads';
import { apiProbes, type ProbeAnswer } from './fixtures/phi/api-probes';
import { describeFindings, PhiScanner, type Captured, type Finding } from './helpers/phi-scan';
import {
  captureProcessOutput,
  decryptNotes,
  dumpBuckets,
  dumpFiles,
  dumpGraph,
  dumpTables,
  quarantineLines,
  recordEvents,
  type StoredObject,
  type TableDump,
} from './helpers/stack-contents';
import { startTestStack, type TestStack } from './helpers/stack';

const hospital = 'east';
const scanner = new PhiScanner(canaries);

interface Written {
  tables: TableDump[];
  objects: StoredObject[];
  notes: Captured[];
  graph: { names: string[]; triples: string };
  events: Captured[];
  answers: ProbeAnswer[];
  files: Map<string, Buffer>;
  printed: string;
}

describe('Privacy: no PHI in anything the stack writes outside the PHI stores', () => {
  let stack: TestStack;
  let dataDir: string;
  const written = {} as Written;

  beforeAll(async () => {
    // Prepare: a stack logging at DEBUG, so every log statement runs, with notes going to the graph.
    const printed = captureProcessOutput();
    dataDir = mkdtempSync(join(tmpdir(), 'caregraph-phi-'));
    try {
      stack = await startTestStack({ dataDir, logLevel: 'DEBUG', notesToGraph: true });
      const events = recordEvents(stack.deps.events);
      // Act: every input format, companions (mapping, sidecars) and patients first, as the CLI orders them.
      for (const wave of phiUploads()) {
        for (const upload of wave)
          await stack.deps.objects.put(
            'raw',
            keyLayout.raw(hospital, upload.batch, upload.file),
            upload.body,
          );
        await stack.settled();
      }
      // Act: the API, including its error paths, on a real patient and on PHI used as ids.
      const patient = await pseudonymousId(stack.deps.keys, hospital, 'Patient', patientA.id);
      written.answers = await apiProbes(stack, hospital, patient);
      await stack.settled();
      // Collect: every store, through the SDK clients and the SPARQL endpoint.
      written.tables = await dumpTables(stack.deps.dynamodb);
      written.objects = await dumpBuckets(stack.deps.s3);
      written.notes = await decryptNotes(stack, hospital, written.objects);
      written.graph = await dumpGraph(stack.deps.graph);
      written.events = events.map((e, i) => ({ where: `event[${i}]:${e.detailType}`, content: e }));
    } finally {
      await stack?.stop(); // the data directory is ours: it stays for the file scan below
      printed.restore();
      written.printed = printed.text();
    }
    // Collect: every file the stack wrote (logs, metrics, outbox, dead letters, graph, models, keys).
    // S3 and DynamoDB files are read through the SDK above (leveldb blocks are compressed).
    written.files = dumpFiles(dataDir, ['s3', 'dynamodb']);
  }, 240_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const bucket = (role: 'raw' | 'curated' | 'quarantine') => stack.config.buckets[role];
  const objectsIn = (role: 'raw' | 'curated' | 'quarantine') =>
    written.objects.filter((o) => o.bucket === bucket(role));

  describe('the test can see PHI (controls)', () => {
    it('finds every canary in the raw bucket, where the uploads keep it', () => {
      const found = scanner.scanAll(objectsIn('raw').map(asCaptured));
      const missing = canaries.filter((c) => !found.some((f) => f.canary === c));
      expect(missing.map((c) => `${c.kind} (${c.source})`)).toEqual([]);
    });

    it('quarantines every malformed variant and keeps its raw record for the hospital', () => {
      const reports = objectsIn('curated').filter((o) => o.key.startsWith('reports/'));
      const rejected = Object.fromEntries(
        reports.map((o) => {
          const report = JSON.parse(o.body.toString()) as {
            file: string;
            records: { rejected: number };
          };
          return [report.file, report.records.rejected];
        }),
      );
      expect(rejected).toMatchObject(expectedRejections);
      const rawLines = quarantineLines(objectsIn('quarantine')).map((l) => l.raw);
      const sources = new Set(
        scanner
          .scanAll(rawLines.map((raw, i) => ({ where: `q${i}`, content: raw })))
          .map((f) => f.canary.source),
      );
      expect([...sources]).toEqual(expect.arrayContaining(['bundle', 'csv', 'ndjson']));
    });

    it('captured logs, metrics, events, notifications, records, notes and graph facts', () => {
      const log = written.files.get(join('logs', 'functions.log'))?.toString() ?? '';
      // The API logs only server faults; ingest, monitor and kg-update log every run.
      for (const fn of ['ingest', 'monitor', 'kg-update'])
        expect(log).toContain(`"function":"${fn}"`);
      expect(log).toMatch(/"_aws":/); // an EMF metrics record
      const types = new Set(
        written.events.map((e) => (e.content as { detailType: string }).detailType),
      );
      expect(types).toContain(eventTypes.patientDataUpdated.detailType);
      expect(types).toContain(eventTypes.noteCurated.detailType);
      expect(written.files.get('outbox.jsonl')?.length ?? 0).toBeGreaterThan(0);
      const items = (name: string) =>
        written.tables.find((t) => t.table.endsWith(`-${name}`))?.items ?? [];
      expect(items('serving').length).toBeGreaterThan(10);
      expect(items('audit').length).toBe(written.answers.filter((a) => a.audited).length);
      expect(written.notes).toHaveLength(2);
      expect(written.graph.names.some((g) => g.includes(hospital))).toBe(true);
    });

    it('answers every probe with its expected status, never a 500', () => {
      const statuses = written.answers.map((a) => `${a.name}: ${a.status}`);
      expect(statuses).toEqual(written.answers.map((a) => `${a.name}: ${a.expected}`));
      // A clinician's free-text reason is kept, de-identified, not dropped.
      const decision = written.answers.find((a) => a.name === 'decision with PHI in its reason');
      expect(JSON.parse(decision!.body)).toMatchObject({
        reason: 'Discussed with [NAME] on [PHONE]',
      });
    });
  });

  describe('no canary outside the PHI stores', () => {
    it('in any log or metric line, or anything this process printed', () => {
      const logs = [...written.files].filter(([path]) => path.startsWith('logs'));
      expectNoLeak([
        ...logs.map(([path, body]) => ({ where: `file:${path}`, content: body })),
        { where: 'process output', content: written.printed },
      ]);
    });

    it('in any HTTP answer, headers and body, errors included', () => {
      expectNoLeak(
        written.answers.map((a) => ({
          where: `http:${a.name}:${a.status}`,
          content: { headers: a.headers, body: a.body },
        })),
      );
    });

    it('in any item of any DynamoDB table', () => {
      expectNoLeak(
        written.tables.flatMap((t) =>
          t.items.map((item, i) => ({ where: `dynamodb:${t.table}[${i}]`, content: item })),
        ),
      );
    });

    it('in any curated object, ingest report or feature file', () => {
      expectNoLeak(objectsIn('curated').map(asCaptured));
    });

    it('in the quarantine beyond the raw record: file, line, path and reason name no value', () => {
      const objects = objectsIn('quarantine');
      expectNoLeak([
        ...objects.map((o) => ({
          where: `s3:quarantine/${o.key}`,
          content: { key: o.key, metadata: o.metadata },
        })),
        ...quarantineLines(objects).map(({ raw: _raw, ...entry }, i) => ({
          where: `s3:quarantine line ${i}`,
          content: entry,
        })),
      ]);
    });

    it('in any object outside the raw and quarantine buckets, whatever bucket it is in', () => {
      const phiStores = new Set([bucket('raw'), bucket('quarantine')]);
      expectNoLeak(written.objects.filter((o) => !phiStores.has(o.bucket)).map(asCaptured));
    });

    it('in a decrypted curated note: identifiers are gone, only clinical text is kept', () => {
      expectNoLeak(written.notes);
    });

    it('in the knowledge graph (every named graph, every triple)', () => {
      expectNoLeak([
        { where: 'graph names', content: written.graph.names },
        { where: 'graph triples', content: written.graph.triples },
      ]);
    });

    it('in any published event or notification', () => {
      expectNoLeak([
        ...written.events,
        { where: 'file:outbox.jsonl', content: written.files.get('outbox.jsonl') },
      ]);
    });

    it('in any other file the stack wrote (dead letters, graph file, models, keys)', () => {
      expectNoLeak(
        [...written.files]
          .filter(([path]) => !path.startsWith('logs') && path !== 'outbox.jsonl')
          .map(([path, body]) => ({ where: `file:${path}`, content: body })),
      );
    });
  });

  describe('the research copy (data scientists) of PHI that only its FHIR data type marks', () => {
    type Entry = { resource: Record<string, unknown> };
    const research = () => {
      const answer = written.answers.find((a) => a.name === 'research resources')!;
      return (JSON.parse(answer.body) as { entry: Entry[] }).entry.map((e) => e.resource);
    };
    const ofType = (type: string) => research().filter((r) => r.resourceType === type);
    const conditionA2 = () =>
      ofType('Condition').find((r) => JSON.stringify(r.code).includes('367498001'))!;

    it('serves the records, without extension addresses, phones, names or identifier numbers', () => {
      for (const type of ['Condition', 'Coverage', 'Device', 'Specimen', 'ServiceRequest'])
        expect(ofType(type).length, type).toBeGreaterThan(0);
      const extensions = conditionA2().extension as Record<string, unknown>[];
      expect(extensions.map((e) => Object.keys(e))).toEqual([['url'], ['url'], ['url']]);
      const text = JSON.stringify(research());
      for (const value of Object.values(patientAIdentifiers)) expect(text).not.toContain(value);
      for (const value of [patientA.street, patientA.city, patientA.family, patientA.given])
        expect(text).not.toContain(value);
      expect(scanner.scanAll([{ where: 'research', content: research() }])).toEqual([]);
    });

    it('shifts a partial date (YYYY-MM) with the full dates of the record', () => {
      const condition = conditionA2();
      const recorded = String(condition.recordedDate);
      expect(recorded).not.toBe(partialDateA.recorded);
      // The 15th of the month moves with the full date of that day: the months agree.
      expect(condition.onsetDateTime).toBe(recorded.slice(0, 7));
      // An offset of 14 days or less keeps the 15th in its month; any other moves the month.
      const days = (Date.parse(partialDateA.recorded) - Date.parse(recorded)) / 86_400_000;
      if (days > 14) expect(condition.onsetDateTime).not.toBe(partialDateA.onset);
    });
  });

  function asCaptured(o: StoredObject): Captured {
    return {
      where: `s3:${o.bucket}/${o.key}`,
      content: { key: o.key, metadata: o.metadata, body: o.body },
    };
  }

  /** PHI the product keeps on purpose in the pseudonymised clinical copy and decrypted notes. */
  function allowed(f: Finding): boolean {
    if (f.canary.kind === 'note-text') return f.where.startsWith('note:');
    if (f.canary.kind !== 'birth-date' || !/(^|\.)birthDate$/.test(f.path)) return false;
    const serving = f.where.startsWith(`dynamodb:${stack.config.tables.serving}[`);
    const curatedPatients = f.where.startsWith(
      `s3:${bucket('curated')}/curated/${hospital}/Patient/`,
    );
    const clinicianAnswer = /^http:[^:]+:2\d\d$/.test(f.where);
    return serving || curatedPatients || clinicianAnswer;
  }

  function expectNoLeak(captured: Captured[]): void {
    expect(captured.length).toBeGreaterThan(0);
    const leaks = scanner.scanAll(captured).filter((f) => !allowed(f));
    expect(describeFindings(leaks)).toBe('');
  }
});

/** Rejected records per file: one per malformed variant planted in the fixtures. */
const expectedRejections = {
  'patient-a.ndjson': 7,
  'patient-b.bundle.json': 2,
  'patients.csv': 1,
  'observations.csv': 2,
  'genotypes.vcf': 2,
  'second.vcf': 1,
  'orphan-note.txt': 1,
  'bad-sidecar.txt': 1,
  'stray.json': 1,
  'broken.json': 1,
};
