// Tests (ingest/readers): mapping CSV rows to FHIR, and the generator's extract checked against its NDJSON.
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCohort } from '../../../../local/synth/write-cohort';
import type { CsvMapping } from '../../synth/fhir/csv-mapping';
import { numberedLines } from '../lines';
import type { FhirJson, SourceRecord } from '../source-record';
import { csvRows } from './csv-parse';
import { readCsv } from './csv';
import { csvMappingOf } from './csv.fixture';

const system = 'urn:caregraph:hospital:h1:mrn';
const mapping = csvMappingOf({
  'labs.csv': {
    resourceType: 'Observation',
    description: 'one row per result',
    columns: ['mrn', 'result_id', 'loinc', 'value', 'unit', 'flag', 'when'],
    key: ['result_id'],
    patient: { column: 'mrn', identifierSystem: system },
    fields: [
      { path: 'status', value: 'final', type: 'code' },
      {
        column: 'mrn',
        path: 'subject',
        type: 'reference',
        reference: { resourceType: 'Patient', identifierSystem: system },
      },
      { column: 'result_id', path: 'identifier[0].value' },
      { column: 'loinc', path: 'code.coding[0].code', type: 'code', system: 'http://loinc.org' },
      { column: 'value', path: 'valueQuantity.value', type: 'decimal' },
      {
        column: 'unit',
        path: 'valueQuantity.code',
        type: 'code',
        system: 'http://unitsofmeasure.org',
      },
      {
        column: 'flag',
        path: 'interpretation[0].coding[0].code',
        type: 'code',
        map: { H: 'H', high: 'H' },
      },
      { column: 'when', path: 'extension[url=http://x.org/when].valueString', split: ';' },
    ],
  },
});

async function read(
  text: string,
  file = 'labs.csv',
  m: CsvMapping = mapping,
): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  const rows = csvRows(numberedLines(Readable.from([Buffer.from(text)])));
  for await (const record of readCsv(rows, file, m)) records.push(record);
  return records;
}

const header = 'mrn,result_id,loinc,value,unit,flag,when,extra\r\n';

describe('Function: readCsv', () => {
  it('maps a row to a resource: types, sibling systems, selectors, maps, splits, logical references', async () => {
    // Act
    const [record] = await read(`${header}M1,r-1,2345-7,5.4,mmol/L,high,AM;PM,ignored\r\n`);
    // Assess
    expect(record!.error).toBeUndefined();
    expect(record!.line).toBe(2);
    expect(record!.resource).toEqual({
      resourceType: 'Observation',
      id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      status: 'final',
      subject: { type: 'Patient', identifier: { system, value: 'M1' } },
      identifier: [{ value: 'r-1' }],
      code: { coding: [{ code: '2345-7', system: 'http://loinc.org' }] },
      valueQuantity: { value: 5.4, code: 'mmol/L', system: 'http://unitsofmeasure.org' },
      interpretation: [{ coding: [{ code: 'H' }] }],
      extension: [{ url: 'http://x.org/when', valueString: ['AM', 'PM'] }],
    });
  });

  it('gives the same id to the same key and another id to another key', async () => {
    // Act
    const [a, b, c] = await read(`${header}M1,r-1,1,1,,,,\r\nM1,r-1,1,2,,,,\r\nM1,r-2,1,1,,,,\r\n`);
    // Assess
    expect(a!.resource!.id).toBe(b!.resource!.id);
    expect(c!.resource!.id).not.toBe(a!.resource!.id);
  });

  it('fails a row with a bad number, naming the column but not the value', async () => {
    // Act
    const [record] = await read(`${header}M1,r-1,2345-7,12abc,mmol/L,,,\r\n`);
    // Assess
    expect(record!.resource).toBeUndefined();
    expect(record!.path).toBe('value');
    expect(record!.error!.message).toBe('value: not a decimal');
    expect(record!.error!.message).not.toContain('12abc');
    expect(record!.raw).toContain('12abc');
  });

  it('fails a row whose cell is not in the column map, or whose key is empty', async () => {
    // Act
    const [unmapped, noKey] = await read(`${header}M1,r-1,1,1,,LOW,,\r\nM1,,1,1,,,,\r\n`);
    // Assess
    expect(unmapped!.error!.message).toBe('flag: value not in the mapping');
    expect(noKey!.path).toBe('result_id');
  });

  it('rejects the whole file at line 1 when a mapped column is missing', async () => {
    // Act
    const records = await read('mrn,result_id,loinc\r\nM1,r-1,1\r\nM2,r-2,1\r\n');
    // Assess
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ line: 1, path: 'value' });
    expect(records[0]!.error!.message).toBe('missing mapped column(s): value, unit, flag, when');
  });

  it('names a repeated mapped column, but not a repeated cell of a file without its header row', async () => {
    // Act
    const [mapped] = await read(
      'mrn,result_id,loinc,value,unit,flag,when,value\r\nM1,r-1,1,1,,,,1\r\n',
    );
    const [headless] = await read('M0042,r-1,2345-7,5.5,mmol/L,,2026-01-02,M0042\r\n');
    // Assess
    expect(mapped!.error!.message).toBe('header repeats column value');
    expect(headless!.error!.message).toBe(
      'header repeats a column name (columns 1 and 8); is the header row missing?',
    );
    expect(headless!.error!.message).not.toContain('M0042');
    expect(headless!.path).toBe('header');
  });

  it('yields one error at line 0 for a file the mapping does not describe', async () => {
    // Act
    const records = await read(header, 'other.csv');
    // Assess
    expect(records).toHaveLength(1);
    expect(records[0]!.line).toBe(0);
    expect(records[0]!.error!.message).toBe('mapping.json has no entry for other.csv');
  });
});

type Ndjson = Map<string, FhirJson[]>;

/** Key facts per NDJSON resource, as `mrn|...` strings, to compare with the CSV-mapped resources. */
function ndjsonFacts(ndjson: Ndjson): Set<string> {
  const mrnOf = new Map<string, string>();
  for (const p of ndjson.get('Patient') ?? []) {
    const ids = p.identifier as { system: string; value: string }[];
    mrnOf.set(`Patient/${p.id}`, ids.find((i) => i.system.endsWith(':mrn'))!.value);
  }
  const facts = new Set<string>();
  for (const [type, resources] of ndjson) {
    for (const r of resources) {
      const mrn =
        type === 'Patient'
          ? mrnOf.get(`Patient/${r.id}`)
          : mrnOf.get((r.subject as { reference: string })?.reference);
      for (const fact of factsOf({ ...r, subject: undefined }, [
        r,
        ...((r.component as FhirJson[]) ?? []),
      ]))
        facts.add(`${mrn}|${fact}`);
    }
  }
  return facts;
}

/** One fact per coding, so a CSV row carrying one of several NDJSON codings (e.g. 59408-5 of 2708-6) matches. */
function factsOf(r: FhirJson, parts: Record<string, unknown>[]): string[] {
  const codes = (c: unknown) =>
    ((c as { coding?: { code: string }[] } | undefined)?.coding ?? []).map((x) => x.code);
  switch (r.resourceType) {
    case 'Patient':
      return [`Patient|${r.birthDate}|${r.gender}`];
    case 'Encounter': {
      const visit = (r.identifier as { value: string }[])[0]!.value;
      return [`Encounter|${visit}|${(r.period as { start: string }).start}`];
    }
    case 'Condition':
      return codes(r.code).map((c) => `Condition|${c}`);
    case 'MedicationRequest':
      return codes(r.medicationCodeableConcept).map((c) => `MedicationRequest|${c}`);
    case 'Observation':
      return parts.flatMap((p) => {
        const q = p.valueQuantity as { value: number; code?: string } | undefined;
        const value = q ? `${q.value}|${q.code ?? ''}` : codes(p.valueCodeableConcept).join('+');
        return codes(p.code).map((c) => `Observation|${c}|${value}`);
      });
    default:
      return [];
  }
}

describe('Function: readCsv on the generated extract', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'readers-csv-'));
    const cohort = {
      patients: 15,
      seed: 3,
      hospital: 'general-east',
      dirtyRate: 0,
      asOf: '2026-01-01',
    };
    await writeCohort({ ...cohort, out: dir, workers: 1 });
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('turns every row of every file into a resource whose key facts are in the FHIR NDJSON', async () => {
    // Prepare
    const extract = JSON.parse(
      await readFile(join(dir, 'csv', 'mapping.json'), 'utf8'),
    ) as CsvMapping;
    const ndjson: Ndjson = new Map();
    for (const type of ['Patient', 'Encounter', 'Condition', 'Observation', 'MedicationRequest']) {
      const text = await readFile(join(dir, 'fhir', `${type}.ndjson`), 'utf8');
      ndjson.set(
        type,
        text
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as FhirJson),
      );
    }
    const expected = ndjsonFacts(ndjson);
    const missing: string[] = [];
    const counts: Record<string, number> = {};
    // Act
    for (const file of Object.keys(extract.files)) {
      const rows = csvRows(numberedLines(createReadStream(join(dir, 'csv', file))));
      for await (const record of readCsv(rows, file, extract)) {
        expect(record.error, `${file}:${record.line}`).toBeUndefined();
        const r = record.resource!;
        const mrn =
          r.resourceType === 'Patient'
            ? (r.identifier as { value: string }[])[0]!.value
            : (r.subject as { identifier: { value: string } }).identifier.value;
        for (const fact of factsOf(r, [r]))
          if (!expected.has(`${mrn}|${fact}`)) missing.push(`${file}:${record.line}`);
        counts[file] = (counts[file] ?? 0) + 1;
      }
    }
    // Assess
    const manifest = JSON.parse(await readFile(join(dir, 'truth', 'manifest.json'), 'utf8'));
    expect(counts).toEqual(manifest.counts.csvRows);
    expect(counts['observations.csv']).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
