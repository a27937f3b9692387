import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { ConfigurationError, DependencyError, ObjectChangedError } from '../errors';
import type { KeyRing } from '../../ports/key-ring';
import type { DomainEvent } from '../../ports/event-bus';
import { keyLayout } from '../../config/resources';
import { ingestFile, pathWithin } from './ingest-file';
import { memoryIngestDeps } from './ingest-file.fixture';
import { saveCheckpoint } from './checkpoint';
import { readCuratedNote } from './note-curation';
import { ReportBuilder } from './report';
import { csvMappingOf } from './readers/csv.fixture';
import { deterministicUuid } from './readers/resource-id';
import { pseudonymousId } from '../serving/resource-projection';

const ndjson = (...resources: unknown[]) =>
  resources.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

const patient = (id: string) => ({
  resourceType: 'Patient',
  id,
  gender: 'female',
  birthDate: '1961-04-12',
});

const heartRate = (id: string | undefined, patientId: string, day = 1, value = 72) => ({
  resourceType: 'Observation',
  ...(id === undefined ? {} : { id }),
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
  subject: { reference: `Patient/${patientId}` },
  effectiveDateTime: `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`,
  valueQuantity: { value, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
});

type Deps = ReturnType<typeof memoryIngestDeps>;

const servedOf = (deps: Deps, type: string) =>
  [...deps.serving.items.values()].filter((i) => String(i.sk).startsWith(`${type}#`));

const report = (deps: Deps, file: string) =>
  deps.objects.getText('curated', `reports/h1/b1/${file}.report.json`);

describe('ingestFile: transient faults', () => {
  it('fails the file for SQS to retry when a table read throttles, and the retry stores every record once', async () => {
    // Prepare: the first reference lookup of a record throttles once, as DynamoDB does under load.
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/obs.ndjson';
    await deps.objects.put('raw', key, ndjson(heartRate('o1', 'p1'), heartRate('o2', 'p2', 2)));
    let failed = false;
    deps.serving.onGet = (pk) => {
      if (!pk.startsWith('CK#') && !failed) {
        failed = true;
        throw new DependencyError('throttled');
      }
    };
    // Act: the first delivery fails; SQS redelivers the same event.
    await expect(ingestFile(deps, { key, etag: 'e1' })).rejects.toThrow('throttled');
    expect(await report(deps, 'obs.ndjson')).toBeUndefined(); // nothing claims the file was ingested
    expect(deps.objects.lines('quarantine', '')).toEqual([]);
    const retried = await ingestFile(deps, { key, etag: 'e1' });
    const again = await ingestFile(deps, { key, etag: 'e1' }); // a second re-delivery
    // Assess: both valid records stored, none quarantined, none twice.
    expect(retried.status).toBe('accepted');
    expect(retried.records).toEqual({ accepted: 2, repaired: 0, rejected: 0 });
    expect(again.records).toEqual(retried.records);
    expect(servedOf(deps, 'Observation')).toHaveLength(2);
    expect(deps.objects.lines('curated', 'curated/h1/Observation/')).toHaveLength(2);
    expect(deps.objects.lines('quarantine', '')).toEqual([]);
  });

  it('fails the file when the key ring is unavailable, instead of quarantining the record', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/p.ndjson';
    await deps.objects.put('raw', key, ndjson(patient('p1'), heartRate('o1', 'p1')));
    const real = deps.keys;
    let calls = 0;
    const flaky: KeyRing = {
      pseudonym: async (hospital, message) => {
        if (++calls === 2) throw new DependencyError('KMS throttled');
        return real.pseudonym(hospital, message);
      },
      encrypt: (hospital, plaintext) => real.encrypt(hospital, plaintext),
      decrypt: (hospital, envelope) => real.decrypt(hospital, envelope),
    };
    await expect(ingestFile({ ...deps, keys: flaky }, { key, etag: 'e1' })).rejects.toThrow(
      'KMS throttled',
    );
    const retried = await ingestFile(deps, { key, etag: 'e1' });
    expect(retried.records).toEqual({ accepted: 2, repaired: 0, rejected: 0 });
    expect(servedOf(deps, 'Observation')).toHaveLength(1);
    expect(deps.objects.lines('quarantine', '')).toEqual([]);
  });

  it('fails the file once for a setup fault (a missing hospital key), quarantining no record for it', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/p.ndjson';
    await deps.objects.put('raw', key, ndjson(patient('p1'), heartRate('o1', 'p1')));
    const unconfigured: KeyRing = {
      pseudonym: async () => {
        throw new ConfigurationError('pseudonymisation key for this hospital is missing');
      },
      encrypt: (hospital, plaintext) => deps.keys.encrypt(hospital, plaintext),
      decrypt: (hospital, envelope) => deps.keys.decrypt(hospital, envelope),
    };
    await expect(ingestFile({ ...deps, keys: unconfigured }, { key, etag: 'e1' })).rejects.toThrow(
      ConfigurationError,
    );
    expect(deps.objects.lines('quarantine', '')).toEqual([]);
  });

  it('resumes after the last checkpoint when a read throttles mid-file: each record stored and curated once', async () => {
    // Prepare: 12 records of 12 patients (one patient lookup each), checkpoints every 4; the 7th
    // record's lookup throttles once.
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/many.ndjson';
    const records = [
      patient('p1'),
      ...Array.from({ length: 11 }, (_, i) => heartRate(`o${i}`, `q${i}`, i + 1)),
    ];
    await deps.objects.put('raw', key, ndjson(...records, 'not json'));
    let lookups = 0;
    deps.serving.onGet = (pk) => {
      if (!pk.startsWith('CK#') && ++lookups === 7) throw new DependencyError('throttled');
    };
    const input = { key, etag: 'e1', checkpointEvery: 4 };
    await expect(ingestFile(deps, input)).rejects.toThrow('throttled');
    // Act
    const retried = await ingestFile(deps, input);
    // Assess: resumed after a checkpoint; every line accounted for once; only the bad line quarantined.
    expect(retried.resumedAfterLine).toBeGreaterThan(0);
    expect(retried.records).toEqual({ accepted: 12, repaired: 0, rejected: 1 });
    expect(servedOf(deps, 'Observation')).toHaveLength(11);
    expect(deps.objects.lines('curated', 'curated/h1/')).toHaveLength(12);
    const quarantined = deps.objects.lines('quarantine', '');
    expect(quarantined).toEqual([expect.objectContaining({ line: 13, raw: 'not json' })]);
  });

  it('still quarantines a record whose own content is at fault, and stores the rest', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/bad.ndjson';
    const bad = { ...heartRate('o2', 'p1', 2), status: 'not-a-status' };
    await deps.objects.put('raw', key, ndjson(patient('p1'), heartRate('o1', 'p1'), bad));
    const result = await ingestFile(deps, { key, etag: 'e1' });
    expect(result.status).toBe('partial');
    expect(result.records).toEqual({ accepted: 2, repaired: 0, rejected: 1 });
    expect(result.errors[0]).toMatchObject({ line: 3, path: 'status' });
  });
});

describe('ingestFile: resources without an id', () => {
  it('gives each id-less NDJSON resource its own deterministic id, so none overwrites another', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/noid.ndjson';
    const body = ndjson(
      patient('p1'),
      heartRate(undefined, 'p1', 1, 70),
      heartRate(undefined, 'p1', 2, 90),
    );
    await deps.objects.put('raw', key, body);
    // Act: the event, and the same event re-delivered.
    const first = await ingestFile(deps, { key, etag: 'e1' });
    const stored = servedOf(deps, 'Observation').map((i) => i.sk);
    const again = await ingestFile(deps, { key, etag: 'e1' });
    // Assess: both readings stored, under distinct keys, counted as repaired with the repair named.
    expect(first.records).toEqual({ accepted: 1, repaired: 2, rejected: 0 });
    expect(first.repairs).toEqual({ 'id-assigned': 2 });
    expect(new Set(stored).size).toBe(2);
    const values = servedOf(deps, 'Observation').map(
      (i) => (i.resource as { valueQuantity: { value: number } }).valueQuantity.value,
    );
    expect(values.sort()).toEqual([70, 90]);
    // The re-delivery found the same ids: nothing stored twice.
    expect(again.records).toEqual(first.records);
    expect(servedOf(deps, 'Observation').map((i) => i.sk)).toEqual(stored);
  });

  it('gives Bundle entries POSTed without fullUrl distinct ids, the same on re-delivery', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/bundle.json';
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: patient('p1'), request: { method: 'PUT', url: 'Patient/p1' } },
        {
          resource: heartRate(undefined, 'p1', 1, 70),
          request: { method: 'POST', url: 'Observation' },
        },
        {
          resource: heartRate(undefined, 'p1', 2, 90),
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    await deps.objects.put('raw', key, JSON.stringify(bundle, null, 2));
    const first = await ingestFile(deps, { key, etag: 'e2' });
    const again = await ingestFile(deps, { key, etag: 'e2' });
    expect(first.records).toEqual({ accepted: 1, repaired: 2, rejected: 0 });
    expect(again.records).toEqual(first.records);
    expect(servedOf(deps, 'Observation')).toHaveLength(2);
  });

  it('gives the id-less entries of an NDJSON line holding a Bundle distinct ids', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/bundles.ndjson';
    const line = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: patient('p1') },
        { resource: heartRate(undefined, 'p1', 1, 70) },
        { resource: heartRate(undefined, 'p1', 2, 90) },
      ],
    };
    const second = { ...line, entry: [{ resource: heartRate(undefined, 'p1', 3, 100) }] };
    await deps.objects.put('raw', key, ndjson(line, second));
    const result = await ingestFile(deps, { key, etag: 'e3' });
    // Line 1's two entries and line 2's one entry: three distinct readings.
    expect(result.repairs).toEqual({ 'id-assigned': 3 });
    expect(servedOf(deps, 'Observation')).toHaveLength(3);
  });
});

describe('ingestFile: plain-text notes without a sidecar id', () => {
  // A templated note, sent as note.txt in batch after batch.
  const text = 'Telephone encounter. No answer, left voicemail to call back.\n';
  const send = async (deps: Deps, batch: string, patientId: string, date: string) => {
    const sidecar = { patient: { reference: `Patient/${patientId}` }, date };
    await deps.objects.put('raw', `raw/h1/${batch}/note.txt.json`, JSON.stringify(sidecar));
    await deps.objects.put('raw', `raw/h1/${batch}/note.txt`, text);
    return ingestFile(deps, { key: `raw/h1/${batch}/note.txt`, etag: `e-${batch}` });
  };
  const noteObjects = (deps: Deps) =>
    [...deps.objects.objects.keys()].filter((k) => k.startsWith('curated/notes/h1/'));

  it("keeps one patient's notes of two days apart, and stores a re-sent one once", async () => {
    const deps = memoryIngestDeps();
    await send(deps, 'b1', 'p1', '2026-01-05');
    await send(deps, 'b2', 'p1', '2026-01-06');
    await send(deps, 'b3', 'p1', '2026-01-05'); // b1's note again
    const stored = servedOf(deps, 'DocumentReference');
    expect(stored.map((i) => i.pk)).toEqual([stored[0]!.pk, stored[0]!.pk]);
    const starts = stored.map(
      (i) => (i.resource as { context: { period: { start: string } } }).context.period.start,
    );
    expect(starts.sort()).toEqual(['2026-01-05', '2026-01-06']);
    expect(noteObjects(deps)).toHaveLength(2);
  });

  it("gives two patients' notes of one text and day their own documents and note objects", async () => {
    const deps = memoryIngestDeps();
    await send(deps, 'b1', 'p1', '2026-01-05');
    await send(deps, 'b2', 'p2', '2026-01-05');
    const stored = servedOf(deps, 'DocumentReference');
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((i) => i.pk)).size).toBe(2);
    const ids = stored.map((i) => String((i.resource as { id: string }).id));
    const keys = stored.map((i) => {
      const { id, subject } = i.resource as { id: string; subject: { reference: string } };
      return `curated/notes/h1/${subject.reference.slice('Patient/'.length)}/${id}.txt.enc`;
    });
    expect(noteObjects(deps).sort()).toEqual(keys.sort());
    expect(new Set(ids).size).toBe(2);
  });
});

describe('ingestFile: CSV extract or plain-text note', () => {
  const weights = (valueColumn: string) =>
    csvMappingOf({
      'vitals.csv': {
        resourceType: 'Observation',
        description: 'weights',
        columns: ['mrn', 'result_id', valueColumn, 'when'],
        key: ['result_id'],
        patient: { column: 'mrn', identifierSystem: 'urn:x:mrn' },
        fields: [
          { path: 'status', value: 'final', type: 'code' },
          {
            path: 'code.coding[0].code',
            value: '29463-7',
            type: 'code',
            system: 'http://loinc.org',
          },
          {
            column: 'mrn',
            path: 'subject',
            type: 'reference',
            reference: { resourceType: 'Patient', identifierSystem: 'urn:x:mrn' },
          },
          { column: valueColumn, path: 'valueQuantity.value', type: 'decimal' },
          {
            path: 'valueQuantity.code',
            value: 'kg',
            type: 'code',
            system: 'http://unitsofmeasure.org',
          },
          { column: 'when', path: 'effectiveDateTime', type: 'dateTime' },
        ],
      },
    });
  const sendCsv = async (deps: Deps, valueColumn: string, body: string) => {
    await deps.objects.put('raw', 'raw/h1/b1/mapping.json', JSON.stringify(weights(valueColumn)));
    await deps.objects.put('raw', 'raw/h1/b1/vitals.csv', body);
    return ingestFile(deps, { key: 'raw/h1/b1/vitals.csv', etag: 'e1' });
  };
  const rows = 'M1,r1,70.5,2026-01-02\r\nM2,r2,81,2026-01-03\r\n';

  it.each(['weight [kg]', 'Gewicht_über', 'weight#1', 'SpO2 %'])(
    'reads a CSV extract whose header names the column %j',
    async (valueColumn) => {
      const deps = memoryIngestDeps();
      const result = await sendCsv(
        deps,
        valueColumn,
        `mrn,result_id,${valueColumn},when\r\n${rows}`,
      );
      expect(result.records).toEqual({ accepted: 2, repaired: 0, rejected: 0 });
      expect(servedOf(deps, 'Observation')).toHaveLength(2);
    },
  );

  it('reads a file that mapping.json names as CSV, even when its header reads as prose', async () => {
    const deps = memoryIngestDeps();
    const column = 'wt. in kg, measured at rest';
    const result = await sendCsv(deps, column, `mrn,result_id,"${column}",when\r\n${rows}`);
    const unquoted = await sendCsv(deps, 'wt. in kg', `mrn,result_id,wt. in kg,when\r\n${rows}`);
    expect(result.records).toEqual({ accepted: 2, repaired: 0, rejected: 0 });
    expect(unquoted.records).toEqual({ accepted: 2, repaired: 0, rejected: 0 });
  });

  it('says why the first line was no CSV header when a file mapping.json names does not match it', async () => {
    const deps = memoryIngestDeps();
    const result = await sendCsv(
      deps,
      'weight',
      'Seen today. Weight 70 kg, no complaints\r\nM1,r1,70.5,2026-01-02\r\n',
    );
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      {
        line: 1,
        path: 'mrn',
        reason:
          "the CSV header row was not recognised (split at ',', column 1 reads as prose (a sentence break inside it)): missing mapped column(s): mrn, weight, when, result_id",
      },
    ]);
  });

  it('says a file read as CSV for its first line may be a note whose sidecar is missing', async () => {
    const deps = memoryIngestDeps();
    const note = 'Seen today, doing well\nNo complaints.\n';
    const advice =
      'if call.txt is a clinical note, upload its sidecar call.txt.json or call.json (with the patient) first';
    // No mapping.json: the file is refused as a whole (the handler reports it rejected).
    await deps.objects.put('raw', 'raw/h1/b1/call.txt', note);
    await expect(ingestFile(deps, { key: 'raw/h1/b1/call.txt', etag: 'e1' })).rejects.toThrow(
      `a CSV extract needs mapping.json in the same batch folder (upload it first); ${advice}`,
    );
    // A mapping.json for other files only: the same advice follows its "no entry" error.
    await deps.objects.put('raw', 'raw/h2/b1/mapping.json', JSON.stringify(weights('weight')));
    await deps.objects.put('raw', 'raw/h2/b1/call.txt', note);
    const beside = await ingestFile(deps, { key: 'raw/h2/b1/call.txt', etag: 'e1' });
    expect(beside.status).toBe('rejected');
    expect(beside.errors).toEqual([
      expect.objectContaining({ reason: `mapping.json has no entry for call.txt; ${advice}` }),
    ]);
  });

  it('reads a note whose first line looks like a header row as a note when its sidecar is there', async () => {
    const deps = memoryIngestDeps();
    const sidecar = { patient: { reference: 'Patient/p1' }, date: '2026-03-01' };
    await deps.objects.put('raw', 'raw/h1/b1/note.txt.json', JSON.stringify(sidecar));
    await deps.objects.put('raw', 'raw/h1/b1/note.txt', 'Chest pain, SOB\nSeen today.\n');
    const result = await ingestFile(deps, { key: 'raw/h1/b1/note.txt', etag: 'e1' });
    expect(result.records).toEqual({ accepted: 1, repaired: 0, rejected: 0 });
    expect(servedOf(deps, 'DocumentReference')).toHaveLength(1);
  });
});

describe('ingestFile: ids assigned from content, not from the ETag', () => {
  const idsOf = (deps: Deps) =>
    servedOf(deps, 'Observation')
      .map((i) => String((i.resource as { id: string }).id))
      .sort();

  it('stores the same bytes uploaded in one part and in several once, under ids of hospital, content and line', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/obs.ndjson';
    const lines = [heartRate(undefined, 'p1', 1, 70), heartRate(undefined, 'p1', 2, 90)].map((o) =>
      JSON.stringify(o),
    );
    await deps.objects.put('raw', key, lines.join('\n') + '\n');
    // A single PUT's ETag, then a multipart upload's (MD5 of the part MD5s, "-2").
    await ingestFile(deps, { key, etag: '"9b2cf535f27731c974343645a3985328"' });
    const first = idsOf(deps);
    await ingestFile(deps, { key, etag: '"d41d8cd98f00b204e9800998ecf8427e-2"' });
    expect(idsOf(deps)).toEqual(first);
    const expected = await Promise.all(
      lines.map((text, i) => {
        const sha1 = createHash('sha1').update(text, 'utf8').digest('hex');
        const id = deterministicUuid('resource', 'h1', sha1, String(i + 1), '');
        return pseudonymousId(deps.keys, 'h1', 'Observation', id);
      }),
    );
    expect(first).toEqual(expected.sort());
  });

  it('gives a line whose content changed a new id, and keeps the others', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/obs.ndjson';
    const a = heartRate(undefined, 'p1', 1, 70);
    const b = heartRate(undefined, 'p1', 2, 90);
    await deps.objects.put('raw', key, ndjson(a, b));
    await ingestFile(deps, { key, etag: 'e1' });
    const before = idsOf(deps);
    await deps.objects.put(
      'raw',
      key,
      ndjson(a, { ...b, valueQuantity: { ...b.valueQuantity, value: 91 } }),
    );
    await ingestFile(deps, { key, etag: 'e2' });
    // Line 1 overwrote itself; line 2's corrected reading sits beside the first (it had no id).
    expect(idsOf(deps)).toHaveLength(3);
    expect(idsOf(deps)).toEqual(expect.arrayContaining(before));
  });
});

describe('ingestFile: curated objects named by content, not by the ETag', () => {
  /** Curated NDJSON objects (the in-memory store prefixes keys with the bucket). */
  const curatedKeys = (deps: Deps) =>
    [...deps.objects.objects.keys()].filter((k) => k.startsWith('curated/curated/')).sort();
  const nameOf = (key: string) => key.split('/').at(-1)!.split('.')[0]!;
  const body = ndjson(patient('p1'), heartRate('o1', 'p1', 1), heartRate('o2', 'p1', 2));

  it('curates the same bytes uploaded in one part and in several into one object per type', async () => {
    // Prepare
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/export.ndjson';
    await deps.objects.put('raw', key, body);
    // Act: a single PUT's ETag, then a multipart upload's of the same bytes (MD5 of part MD5s, "-2"),
    // then the same bytes in another batch under another name.
    await ingestFile(deps, { key, etag: '"9b2cf535f27731c974343645a3985328"' });
    const first = curatedKeys(deps);
    await ingestFile(deps, { key, etag: '"d41d8cd98f00b204e9800998ecf8427e-2"' });
    await deps.objects.put('raw', 'raw/h1/b2/again.ndjson', body);
    await ingestFile(deps, { key: 'raw/h1/b2/again.ndjson', etag: 'e-other' });
    // Assess: one object per type, each record curated once.
    expect(first).toHaveLength(2);
    expect(curatedKeys(deps)).toEqual(first);
    expect(deps.objects.lines('curated', 'curated/h1/Patient/')).toHaveLength(1);
    expect(deps.objects.lines('curated', 'curated/h1/Observation/')).toHaveLength(2);
    // Named by neither ETag, nor by a plain digest of the bytes (the name is keyed by the hospital).
    const name = nameOf(first[0]!);
    expect(name).toMatch(/^[0-9a-f]{32}$/);
    expect(first.every((k) => nameOf(k) === name)).toBe(true);
    for (const plain of ['md5', 'sha1', 'sha256'])
      expect(createHash(plain).update(body).digest('hex')).not.toContain(name);
  });

  it('curates the same content gzipped and plain into one object per type', async () => {
    const deps = memoryIngestDeps();
    await deps.objects.put('raw', 'raw/h1/b1/export.ndjson', body);
    await deps.objects.put('raw', 'raw/h1/b2/export.ndjson.gz', gzipSync(body));
    await ingestFile(deps, { key: 'raw/h1/b1/export.ndjson', etag: 'e1' });
    const plain = curatedKeys(deps);
    await ingestFile(deps, { key: 'raw/h1/b2/export.ndjson.gz', etag: 'e2' });
    expect(curatedKeys(deps)).toEqual(plain);
    expect(deps.objects.lines('curated', 'curated/h1/Observation/')).toHaveLength(2);
  });

  it('puts a re-upload of the key with other content in objects of its own, beside the earlier ones', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/export.ndjson';
    await deps.objects.put('raw', key, body);
    await ingestFile(deps, { key, etag: 'e1' });
    const before = curatedKeys(deps);
    const corrected = ndjson(patient('p1'), heartRate('o1', 'p1', 1), heartRate('o2', 'p1', 2, 75));
    await deps.objects.put('raw', key, corrected);
    await ingestFile(deps, { key, etag: 'e2' });
    expect(curatedKeys(deps)).toHaveLength(4);
    expect(curatedKeys(deps)).toEqual(expect.arrayContaining(before));
  });

  it('keeps a resumed run in the objects its content names, without reading the file for its digest again', async () => {
    // Prepare: 12 records, checkpoints every 4; the 7th record's patient lookup throttles once.
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/many.ndjson';
    const many = ndjson(
      patient('p1'),
      ...Array.from({ length: 11 }, (_, i) => heartRate(`o${i}`, `q${i}`, i + 1)),
    );
    await deps.objects.put('raw', key, many);
    let lookups = 0;
    deps.serving.onGet = (pk) => {
      if (!pk.startsWith('CK#') && ++lookups === 7) throw new DependencyError('throttled');
    };
    const input = { key, etag: 'e1', checkpointEvery: 4 };
    await expect(ingestFile(deps, input)).rejects.toThrow('throttled');
    const reads = vi.spyOn(deps.objects, 'getStream');
    // Act
    const resumed = await ingestFile(deps, input);
    const keysAfterResume = curatedKeys(deps);
    // The same content, sent again in one run that is not resumed.
    deps.serving.onGet = undefined;
    await deps.objects.put('raw', 'raw/h1/b2/many.ndjson', many);
    await ingestFile(deps, { ...input, key: 'raw/h1/b2/many.ndjson' });
    // Assess: one read of the file by the resumed run; its segments under one name, the content's.
    expect(resumed.resumedAfterLine).toBeGreaterThan(0);
    expect(reads.mock.calls.filter(([bucket, k]) => bucket === 'raw' && k === key)).toHaveLength(1);
    expect(keysAfterResume.some((k) => k.includes('.part-'))).toBe(true);
    expect(new Set(keysAfterResume.map(nameOf)).size).toBe(1);
    expect(curatedKeys(deps)).toEqual(keysAfterResume);
    expect(deps.objects.lines('curated', 'curated/h1/')).toHaveLength(12);
  });

  it('goes on under the ETag when it resumes a checkpoint made before objects were named by content', async () => {
    // Prepare: a checkpoint after line 2 of segment 0, without the name of the curated objects.
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/export.ndjson';
    await deps.objects.put('raw', key, body);
    const report = new ReportBuilder();
    report.accept('Patient', []);
    report.accept('Observation', []);
    await saveCheckpoint(deps.serving, 'h1', key, 'e1', {
      line: 2,
      segment: 0,
      report: report.snapshot(),
      quarantineKeys: [],
      complete: false,
    });
    // Act
    const result = await ingestFile(deps, { key, etag: '"e1"' });
    // Assess: the rest of the file beside the segment the earlier run wrote under its ETag.
    expect(result.resumedAfterLine).toBe(2);
    expect(curatedKeys(deps)).toEqual(['curated/curated/h1/Observation/e1.part-0001.ndjson']);
  });

  it('curates one note text sent for two patients as two objects, and a re-sent one over itself', async () => {
    // A templated note, sent as note.txt with two patients' sidecars: two documents (readers/notes.ts).
    const deps = memoryIngestDeps();
    const text = 'Telephone encounter. No answer, left voicemail to call back.\n';
    const send = async (batch: string, patientId: string, etag: string) => {
      const sidecar = { patient: { reference: `Patient/${patientId}` }, date: '2026-01-05' };
      await deps.objects.put('raw', `raw/h1/${batch}/note.txt.json`, JSON.stringify(sidecar));
      await deps.objects.put('raw', `raw/h1/${batch}/note.txt`, text);
      await ingestFile(deps, { key: `raw/h1/${batch}/note.txt`, etag });
    };
    await send('b1', 'p1', 'e1');
    await send('b2', 'p2', 'e1');
    await send('b3', 'p1', 'e9'); // b1's note again
    const curated = deps.objects.lines('curated', 'curated/h1/DocumentReference/');
    expect(curated).toHaveLength(2);
    expect(new Set(curated.map((d) => JSON.stringify(d.subject))).size).toBe(2);
    expect(curatedKeys(deps)).toHaveLength(2);
  });

  it('curates one CSV extract read under two file names as two objects, and a re-sent one over itself', async () => {
    // Ids derive from the file name (readers/csv.ts): two names of the same bytes are two records each.
    const deps = memoryIngestDeps();
    const entry = {
      resourceType: 'Observation',
      description: 'results',
      columns: ['mrn', 'result_id', 'text'],
      key: ['result_id'],
      patient: { column: 'mrn', identifierSystem: 'urn:x:mrn' },
      fields: [
        { path: 'status', value: 'final', type: 'code' as const },
        {
          column: 'mrn',
          path: 'subject',
          type: 'reference' as const,
          reference: { resourceType: 'Patient', identifierSystem: 'urn:x:mrn' },
        },
        {
          path: 'code.coding[0].code',
          value: '8251-1',
          type: 'code' as const,
          system: 'http://loinc.org',
        },
        { path: 'effectiveDateTime', value: '2026-03-01T09:00:00Z', type: 'dateTime' as const },
        { column: 'text', path: 'valueString' },
      ],
    };
    const mapping = JSON.stringify(
      csvMappingOf({ 'results.csv': entry, 'labs.csv': entry, 'other.csv': entry }),
    );
    const csv = 'mrn,result_id,text\r\n1001,R-1,first\r\n1001,R-2,second\r\n';
    const send = async (batch: string, file: string, etag: string) => {
      await deps.objects.put('raw', `raw/h1/${batch}/mapping.json`, mapping);
      await deps.objects.put('raw', `raw/h1/${batch}/${file}`, csv);
      await ingestFile(deps, { key: `raw/h1/${batch}/${file}`, etag });
    };
    await send('b1', 'results.csv', 'e1');
    await send('b2', 'labs.csv', 'e1');
    await send('b3', 'results.csv', 'e2'); // b1's extract again
    expect(servedOf(deps, 'Observation')).toHaveLength(4);
    expect(deps.objects.lines('curated', 'curated/h1/Observation/')).toHaveLength(4);
    expect(curatedKeys(deps)).toHaveLength(2);
  });
});

describe('ingestFile: notes of two patients under one sidecar id', () => {
  it("stores each patient's note in its own note object, under the patient's pseudonym", async () => {
    // Prepare: the hospital gives two patients' notes the same FHIR id.
    const deps = memoryIngestDeps();
    const published: DomainEvent[] = [];
    const withEvents = {
      ...deps,
      events: { publish: async (events: readonly DomainEvent[]) => void published.push(...events) },
    };
    const send = async (batch: string, patientId: string, text: string, etag: string) => {
      const sidecar = {
        id: 'n1',
        patient: { reference: `Patient/${patientId}` },
        date: '2026-01-05',
      };
      await deps.objects.put('raw', `raw/h1/${batch}/note.txt.json`, JSON.stringify(sidecar));
      await deps.objects.put('raw', `raw/h1/${batch}/note.txt`, text);
      await ingestFile(withEvents, { key: `raw/h1/${batch}/note.txt`, etag });
    };
    // Act: p1's note, p2's, then p1's delivered again and uploaded again.
    await send('b1', 'p1', 'Seen for a cough.\n', 'e1');
    await send('b2', 'p2', 'Seen for a sprained ankle.\n', 'e2');
    await send('b1', 'p1', 'Seen for a cough.\n', 'e1');
    await send('b1', 'p1', 'Seen for a cough.\n', 'e3-2');
    // Assess: one object per patient, each holding that patient's text.
    const document = await pseudonymousId(deps.keys, 'h1', 'DocumentReference', 'n1');
    const keyOf = async (patientId: string) =>
      keyLayout.note('h1', await pseudonymousId(deps.keys, 'h1', 'Patient', patientId), document);
    const [p1, p2] = [await keyOf('p1'), await keyOf('p2')];
    const notes = [...deps.objects.objects.keys()].filter((k) => k.startsWith('curated/notes/'));
    expect(notes.sort()).toEqual([`curated/${p1}`, `curated/${p2}`].sort());
    const textOf = async (key: string) =>
      readCuratedNote(
        deps.keys,
        'h1',
        Buffer.from((await deps.objects.getText('curated', key))!, 'base64'),
      );
    expect(await textOf(p1)).toBe('Seen for a cough.');
    expect(await textOf(p2)).toBe('Seen for a sprained ankle.');
    // NoteCurated names each patient's own object.
    const curated = published
      .filter((e) => e.detailType === 'NoteCurated')
      .map((e) => e.detail.key);
    expect(new Set(curated)).toEqual(new Set([p1, p2]));
  });
});

describe('ingestFile: where errors inside Bundles are', () => {
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [patient('a'), { ...patient('b'), gender: 'femal' }, patient('c')].map((resource) => ({
      resource,
    })),
  };
  const genderError = 'must be one of male | female | other | unknown';

  it('names the entry and the element of an NDJSON line holding a Bundle', async () => {
    const deps = memoryIngestDeps();
    await deps.objects.put('raw', 'raw/h1/b1/bundles.ndjson', ndjson(patient('p0'), bundle));
    const result = await ingestFile(deps, { key: 'raw/h1/b1/bundles.ndjson', etag: 'e1' });
    expect(result.errors).toEqual([
      { line: 2, path: 'entry[1].resource.gender', reason: genderError },
    ]);
  });

  it("gives a Bundle file's bad entry the line it starts at, with its entry and element", async () => {
    const deps = memoryIngestDeps();
    await deps.objects.put('raw', 'raw/h1/b1/bundle.json', JSON.stringify(bundle, null, 2));
    const result = await ingestFile(deps, { key: 'raw/h1/b1/bundle.json', etag: 'e1' });
    // Lines 5-12 hold entry[0]; entry[1] opens at line 13.
    expect(JSON.stringify(bundle, null, 2).split('\n')[12]).toBe('    {');
    expect(result.errors).toEqual([
      { line: 13, path: 'entry[1].resource.gender', reason: genderError },
    ]);
    expect(deps.objects.lines('quarantine', 'quarantine/h1/b1/bundle.json')).toEqual([
      expect.objectContaining({ line: 13, path: 'entry[1].resource.gender' }),
    ]);
  });

  it('rejects a Bundle file that does not parse at the line where it stops being JSON', async () => {
    const deps = memoryIngestDeps();
    const lines = JSON.stringify(bundle, null, 2).split('\n');
    lines[20] = `${lines[20]},`; // "    {" opening entry[2] becomes "    {,"
    await deps.objects.put('raw', 'raw/h1/b1/bundle.json', lines.join('\n'));
    const result = await ingestFile(deps, { key: 'raw/h1/b1/bundle.json', etag: 'e1' });
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      {
        line: 21,
        reason:
          'not valid JSON at line 21, character 6 (a multi-line document that does not parse)',
      },
    ]);
  });

  it.each([
    ['entry[1].resource', 'gender', 'entry[1].resource.gender'],
    [
      'entry[0].resource',
      'entry[0].resource.subject.reference',
      'entry[0].resource.subject.reference',
    ],
    ['entry[2]', 'entry[2]', 'entry[2]'],
    ['entry[0].resource', undefined, 'entry[0].resource'],
    ['weight', 'weight', 'weight'],
    [undefined, 'subject', 'subject'],
    ['', '', undefined],
  ])('puts the error path %j + %j as %j', (outer, inner, path) => {
    expect(pathWithin(outer, inner)).toBe(path);
  });
});

describe('ingestFile: duplicate Observations', () => {
  const comment = (id: string, extra: Record<string, unknown>) => ({
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8251-1', display: 'Service comment' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: '2026-03-01T09:00:00Z',
    ...extra,
  });

  it('stores readings of one patient, code and time whose values differ in any value[x] type', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/obs.ndjson';
    const pain = { code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] } };
    await deps.objects.put(
      'raw',
      key,
      ndjson(
        patient('p1'),
        comment('s1', { valueString: 'No complaints' }),
        comment('s2', { valueString: 'Chest pain since morning' }),
        comment('s3', { valueString: 'Chest pain since morning' }), // the same reading again
        comment('i1', { ...pain, valueInteger: 2 }),
        comment('i2', { ...pain, valueInteger: 9 }),
      ),
    );
    const result = await ingestFile(deps, { key, etag: 'e1' });
    const again = await ingestFile(deps, { key, etag: 'e1' });
    expect(result.records).toEqual({ accepted: 5, repaired: 1, rejected: 0 });
    expect(result.repairs).toEqual({ 'duplicate-observation-merged': 1 });
    expect(servedOf(deps, 'Observation')).toHaveLength(4);
    expect(again.records).toEqual(result.records);
    expect(servedOf(deps, 'Observation')).toHaveLength(4);
  });
});

describe('ingestFile: bytes that are not UTF-8', () => {
  const mapping = csvMappingOf({
    'results.csv': {
      resourceType: 'Observation',
      description: 'results',
      columns: ['mrn', 'result_id', 'text'],
      key: ['result_id'],
      patient: { column: 'mrn', identifierSystem: 'urn:x:mrn' },
      fields: [
        { path: 'status', value: 'final', type: 'code' },
        {
          column: 'mrn',
          path: 'subject',
          type: 'reference',
          reference: { resourceType: 'Patient', identifierSystem: 'urn:x:mrn' },
        },
        {
          path: 'code.coding[0].code',
          value: '8251-1',
          type: 'code',
          system: 'http://loinc.org',
        },
        { path: 'effectiveDateTime', value: '2026-03-01T09:00:00Z', type: 'dateTime' },
        { column: 'text', path: 'valueString' },
      ],
    },
  });

  it('quarantines CSV rows with invalid UTF-8, naming the line, and stores the others once', async () => {
    // Prepare: two keys that differ only in an invalid byte (R-ä, R-ü in Latin-1), then a clean row.
    const deps = memoryIngestDeps();
    await deps.objects.put('raw', 'raw/h1/b1/mapping.json', JSON.stringify(mapping));
    const body = Buffer.concat([
      Buffer.from('mrn,result_id,text\r\n1001,R-'),
      Buffer.from([0xe4]),
      Buffer.from(',first result\r\n1001,R-'),
      Buffer.from([0xfc]),
      Buffer.from(',second result\r\n1001,R-3,third result\r\n'),
    ]);
    const key = 'raw/h1/b1/results.csv';
    await deps.objects.put('raw', key, body);
    // Act
    const result = await ingestFile(deps, { key, etag: 'e1' });
    const again = await ingestFile(deps, { key, etag: 'e1' });
    // Assess
    expect(result.records).toEqual({ accepted: 1, repaired: 0, rejected: 2 });
    expect(result.errors).toEqual([
      { line: 2, reason: 'line 2 is not valid UTF-8 (CSV extracts must be UTF-8)' },
      { line: 3, reason: 'line 3 is not valid UTF-8 (CSV extracts must be UTF-8)' },
    ]);
    const quarantined = deps.objects.lines('quarantine', 'quarantine/h1/b1/results.csv');
    expect(quarantined.map((q) => q.line)).toEqual([2, 3]);
    expect(String(quarantined[0]!.raw)).toContain('first result');
    expect(again.records).toEqual(result.records);
    expect(servedOf(deps, 'Observation')).toHaveLength(1);
  });

  it('quarantines a plain-text note with invalid UTF-8, naming the line', async () => {
    const deps = memoryIngestDeps();
    const sidecar = { patient: { reference: 'Patient/p1' }, date: '2026-03-01T09:00:00Z' };
    await deps.objects.put('raw', 'raw/h1/b1/note.txt.json', JSON.stringify(sidecar));
    const body = Buffer.concat([
      Buffer.from('Seen today.\nComplains of R'),
      Buffer.from([0xfc]),
      Buffer.from('ckenschmerzen.\n'),
    ]);
    const key = 'raw/h1/b1/note.txt';
    await deps.objects.put('raw', key, body);
    const result = await ingestFile(deps, { key, etag: 'e1' });
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      {
        line: 2,
        path: 'text',
        reason: 'line 2 is not valid UTF-8 (a plain-text note must be UTF-8)',
      },
    ]);
    expect(servedOf(deps, 'DocumentReference')).toHaveLength(0);
    expect(deps.objects.lines('quarantine', 'quarantine/h1/b1/note.txt')).toHaveLength(1);
  });

  it('still stores a valid UTF-8 note', async () => {
    const deps = memoryIngestDeps();
    const sidecar = { patient: { reference: 'Patient/p1' }, date: '2026-03-01T09:00:00Z' };
    await deps.objects.put('raw', 'raw/h1/b1/note.txt.json', JSON.stringify(sidecar));
    await deps.objects.put(
      'raw',
      'raw/h1/b1/note.txt',
      'Seen today.\nComplains of Rückenschmerzen.\n',
    );
    const result = await ingestFile(deps, { key: 'raw/h1/b1/note.txt', etag: 'e1' });
    expect(result.records.rejected).toBe(0);
    expect(servedOf(deps, 'DocumentReference')).toHaveLength(1);
  });
});

describe('ingestFile: records too large for one DynamoDB item', () => {
  const ecg = (id: string, samples: number) => ({
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.24', code: '131328' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: '2026-03-01T09:00:00Z',
    valueSampledData: {
      origin: { value: 2048 },
      period: 2,
      dimensions: 1,
      data: Array.from({ length: samples }, (_, i) => String(2000 + (i % 97))).join(' '),
    },
  });

  it('quarantines the one record over 400 KB with its line and element, and stores the rest', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/ecg.ndjson';
    await deps.objects.put(
      'raw',
      key,
      ndjson(patient('p1'), heartRate('o1', 'p1'), ecg('big', 110_000), ecg('small', 10_000)),
    );
    const result = await ingestFile(deps, { key, etag: 'e1' });
    const again = await ingestFile(deps, { key, etag: 'e1' });
    expect(result.status).toBe('partial');
    expect(result.records).toEqual({ accepted: 3, repaired: 0, rejected: 1 });
    expect(result.errors).toEqual([
      {
        line: 3,
        path: 'valueSampledData',
        reason: expect.stringMatching(
          /^too large to store: \d+ KB de-identified, over DynamoDB's 400 KB item limit/,
        ),
      },
    ]);
    const [quarantined] = deps.objects.lines('quarantine', 'quarantine/h1/b1/ecg.ndjson');
    expect(JSON.parse(String(quarantined!.raw)).id).toBe('big'); // the raw line is kept, not lost
    expect(servedOf(deps, 'Observation')).toHaveLength(2);
    expect(again.records).toEqual(result.records);
    expect(servedOf(deps, 'Observation')).toHaveLength(2);
  });

  it('stores a reading that repeats one quarantined before it: a record not stored is no original', async () => {
    // The same measurement twice (patient, code, time, value), the first too large to store.
    const big = {
      ...ecg('big', 10_000),
      category: [{ coding: [{ system: 'urn:example:category', code: 'x'.repeat(450_000) }] }],
    };
    const copy = ecg('copy', 10_000);
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/repeat.ndjson';
    await deps.objects.put('raw', key, ndjson(patient('p1'), big, copy));
    const result = await ingestFile(deps, { key, etag: 'e1' });
    expect(result.records).toEqual({ accepted: 2, repaired: 0, rejected: 1 });
    expect(servedOf(deps, 'Observation')).toHaveLength(1);
  });
});

describe('ingestFile: VCF', () => {
  const vcf = (samples: string[], rows: string[]) =>
    [
      '##fileformat=VCFv4.2',
      '##reference=GRCh38',
      '##contig=<ID=chr1,length=248956422>',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...samples].join(
        '\t',
      ),
      ...rows,
    ].join('\n') + '\n';
  const genotypes = (deps: Deps) =>
    [...deps.serving.items.values()].filter((i) => String(i.pk).startsWith('G#'));

  it("stores no call when the object was uploaded again since its event (its LastModified is the newer upload's)", async () => {
    // Prepare: the object read is the event's version, but by the time its upload time is asked the
    // key holds another upload (ETag "e2"), whose LastModified would date this file's calls.
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/g.vcf';
    await deps.objects.put('raw', key, vcf(['P1'], ['chr1\t1000\t.\tA\tG\t.\tPASS\t.\tGT\t0/1']));
    const head = deps.objects.head.bind(deps.objects);
    deps.objects.head = async (bucket, k) => ({ ...(await head(bucket, k))!, etag: '"e2"' });
    // Act / Assess: superseded (the handler's ObjectChangedError), nothing stored.
    await expect(ingestFile(deps, { key, etag: 'e1', versionEtag: '"e1"' })).rejects.toThrow(
      ObjectChangedError,
    );
    expect(genotypes(deps)).toEqual([]);
    // The same version's ETag, quoted or not, is no change.
    await ingestFile(deps, { key, etag: 'e2', versionEtag: 'e2' });
    expect(genotypes(deps)).toHaveLength(1);
  });

  it('rejects a file naming one sample in two columns, storing none of its calls', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/g.vcf';
    await deps.objects.put(
      'raw',
      key,
      vcf(['P1', 'P1'], ['chr1\t1000\t.\tA\tG\t.\tPASS\t.\tGT\t0/1\t1/1']),
    );
    const result = await ingestFile(deps, { key, etag: 'e1' });
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      {
        line: 5,
        path: 'header',
        reason:
          'g.vcf: sample column 11 repeats the name of column 10; each sample (patient) must have one column',
      },
    ]);
    expect(genotypes(deps)).toHaveLength(0);
  });

  const unstated = (rows: string[]) =>
    [
      '##fileformat=VCFv4.2',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tP1',
      ...rows,
    ].join('\n') + '\n';
  const call = (pos: number) => `chr1\t${pos}\t.\tA\tG\t.\tPASS\t.\tGT\t0/1`;
  const curatedAssemblies = (deps: Deps) =>
    deps.objects.lines('curated', 'curated/h1/Genotype/').map((g) => g.assembly);

  it('accepts a VCF that states no assembly with the warning assembly-unknown at its #CHROM line', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/p1.vcf';
    await deps.objects.put('raw', key, unstated([call(1000000), call(1000001)]));
    const result = await ingestFile(deps, { key, etag: 'e1' });
    expect(result.status).toBe('accepted');
    expect(result.records).toEqual({ accepted: 2, repaired: 0, rejected: 0 });
    expect(result.warnings).toEqual({ 'assembly-unknown': { count: 1, firstLines: [3] } });
    expect(curatedAssemblies(deps)).toEqual(['unknown', 'unknown']);
  });

  it('records the assembly a VCF states, without a warning', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/p2.vcf';
    await deps.objects.put('raw', key, vcf(['P1'], [call(1000)]));
    const result = await ingestFile(deps, { key, etag: 'e1' });
    expect(result.warnings).toEqual({});
    expect(curatedAssemblies(deps)).toEqual(['GRCh38']);
  });

  it('reports the header warning once when a run resumes after a checkpoint', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/p3.vcf';
    await deps.objects.put('raw', key, unstated([call(1000), call(1001), call(1002)]));
    let writes = 0;
    deps.serving.onPutMany = (items) => {
      if (items.some((i) => String(i.pk).startsWith('G#')) && ++writes === 2)
        throw new DependencyError('throttled');
    };
    const input = { key, etag: 'e1', checkpointEvery: 1 };
    await expect(ingestFile(deps, input)).rejects.toThrow('throttled');
    const retried = await ingestFile(deps, input);
    expect(retried.resumedAfterLine).toBe(4);
    expect(retried.records).toEqual({ accepted: 3, repaired: 0, rejected: 0 });
    expect(retried.warnings).toEqual({ 'assembly-unknown': { count: 1, firstLines: [3] } });
  });

  it('quarantines a bad data line with its text, and stores the others once', async () => {
    const deps = memoryIngestDeps();
    const key = 'raw/h1/b1/g2.vcf';
    const bad = 'chr1\tx\t.\tA\tG\t.\tPASS\t.\tGT\t0/1';
    const rows = [
      'chr1\t1000\t.\tA\tG\t.\tPASS\t.\tGT\t0/1',
      bad,
      'chr1\t1001\t.\tA\tG\t.\tPASS\t.\tGT\t1/1',
    ];
    await deps.objects.put('raw', key, vcf(['P1'], rows).replace(/\n/g, '\r\n'));
    const result = await ingestFile(deps, { key, etag: 'e2' });
    const again = await ingestFile(deps, { key, etag: 'e2' });
    expect(result.records).toEqual({ accepted: 2, repaired: 0, rejected: 1 });
    expect(deps.objects.lines('quarantine', 'quarantine/h1/b1/g2.vcf')).toEqual([
      expect.objectContaining({ line: 7, path: 'POS', raw: bad }),
    ]);
    expect(again.records).toEqual(result.records);
    expect(genotypes(deps)).toHaveLength(2);
  });
});
