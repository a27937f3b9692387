// Tests (ingest/readers): Bundle reader on hand-made bundles, a generated transaction Bundle and Synthea's.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCohort } from '../../../../local/synth/write-cohort';
import { ValidationError } from '../../errors';
import type { SourceRecord } from '../source-record';
import { readBundle } from './bundle';

async function collect(text: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of readBundle(text, 'b.json')) records.push(record);
  return records;
}

function referencesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => referencesIn(v, found));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'reference' && typeof v === 'string') found.push(v);
      else referencesIn(v, found);
    }
  }
  return found;
}

const patientUuid = '7f1d2c3b-1111-4aaa-8bbb-000000000001';
const transaction = (entries: unknown[]) =>
  JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: entries });
const patientEntry = {
  fullUrl: `urn:uuid:${patientUuid}`,
  resource: { resourceType: 'Patient' },
  request: { method: 'POST', url: 'Patient' },
};

describe('Function: readBundle', () => {
  it('assigns the urn:uuid to a resource without id and rewrites references to it', async () => {
    // Prepare
    const observation = {
      resourceType: 'Observation',
      id: 'obs-1',
      subject: { reference: `urn:uuid:${patientUuid}` },
      hasMember: [{ reference: `urn:uuid:${patientUuid}` }],
    };
    // Act
    const [patient, obs] = await collect(
      transaction([patientEntry, { fullUrl: 'urn:uuid:x-obs', resource: observation }]),
    );
    // Assess
    expect(patient).toMatchObject({ line: 1, path: 'entry[0].resource' });
    expect(patient!.resource).toEqual({ resourceType: 'Patient', id: patientUuid });
    expect(obs!.resource!.subject).toEqual({ reference: `Patient/${patientUuid}` });
    expect(obs!.resource!.hasMember).toEqual([{ reference: `Patient/${patientUuid}` }]);
  });

  it('resolves absolute fullUrls and urn:oid fullUrls to Type/id', async () => {
    // Prepare
    const entries = [
      {
        fullUrl: 'https://ehr.example.org/fhir/Patient/p9',
        resource: { resourceType: 'Patient', id: 'p9' },
      },
      { fullUrl: 'urn:oid:1.2.3.4', resource: { resourceType: 'Organization' } },
      {
        resource: {
          resourceType: 'Encounter',
          subject: { reference: 'https://ehr.example.org/fhir/Patient/p9' },
          serviceProvider: { reference: 'urn:oid:1.2.3.4' },
        },
      },
    ];
    // Act
    const records = await collect(
      JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: entries }),
    );
    // Assess
    expect(records[1]!.resource!.id).toBe('1.2.3.4');
    expect(referencesIn(records[2]!.resource)).toEqual(['Patient/p9', 'Organization/1.2.3.4']);
  });

  it('fails an entry whose urn:uuid reference matches no entry, naming the path only', async () => {
    // Prepare
    const orphan = { resourceType: 'Observation', subject: { reference: 'urn:uuid:missing-one' } };
    // Act
    const [, record] = await collect(transaction([patientEntry, { resource: orphan }]));
    // Assess
    expect(record!.resource).toBeUndefined();
    expect(record!.error).toBeInstanceOf(ValidationError);
    expect(record!.error!.message).toBe(
      'unresolved reference at entry[1].resource.subject.reference',
    );
    expect(record!.raw).toContain('missing-one');
  });

  it('keeps conditional, contained and relative references and takes the id of a PUT url', async () => {
    // Prepare
    const conditional = {
      resource: {
        resourceType: 'Observation',
        subject: { reference: 'Patient?identifier=urn:mrn|1' },
        performer: [{ reference: '#p1' }, { reference: 'Practitioner/7' }],
      },
      request: { method: 'PUT', url: 'Observation/o-42' },
    };
    // Act
    const [record] = await collect(transaction([conditional]));
    // Assess
    expect(record!.resource!.id).toBe('o-42');
    expect(referencesIn(record!.resource)).toEqual([
      'Patient?identifier=urn:mrn|1',
      '#p1',
      'Practitioner/7',
    ]);
  });

  it('yields an error record for an entry without resource, such as a DELETE', async () => {
    // Act
    const [record] = await collect(
      transaction([{ request: { method: 'DELETE', url: 'Patient/1' } }]),
    );
    // Assess
    expect(record).toMatchObject({ line: 1, path: 'entry[0]' });
    expect(record!.error!.message).toBe('entry has no resource (DELETE)');
  });

  it('turns searchset OperationOutcome entries into error records, not data', async () => {
    // Prepare
    const searchset = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: { resourceType: 'Patient', id: 'a' }, search: { mode: 'match' } },
        { resource: { resourceType: 'OperationOutcome', issue: [] }, search: { mode: 'outcome' } },
      ],
    };
    // Act
    const [match, outcome] = await collect(JSON.stringify(searchset));
    // Assess
    expect(match!.resource!.id).toBe('a');
    expect(outcome!.error!.message).toBe('OperationOutcome entry, not data');
  });

  it('rejects a duplicate fullUrl on the later entry', async () => {
    // Act
    const records = await collect(transaction([patientEntry, patientEntry]));
    // Assess
    expect(records[0]!.error).toBeUndefined();
    expect(records[1]!.error!.message).toBe('duplicate fullUrl (same as entry[0])');
  });

  it.each([
    ['invalid JSON', '{"resourceType":', 'not valid JSON'],
    ['a bare resource', '{"resourceType":"Patient"}', 'not a FHIR Bundle'],
    ['a history bundle', '{"resourceType":"Bundle","type":"history"}', 'unsupported Bundle type'],
  ])('rejects %s with one error record at line 0', async (_name, text, message) => {
    // Act
    const records = await collect(text);
    // Assess
    expect(records).toHaveLength(1);
    expect(records[0]!.line).toBe(0);
    expect(records[0]!.error!.message).toContain(message);
  });
});

describe('Function: readBundle (lines of a Bundle file)', () => {
  const file = [
    '{',
    '  "resourceType": "Bundle", "type": "collection",',
    '  "meta": {"tag": [{"code": "entry: [x], {y}, \\"z\\" \\\\"}]},',
    '  "link": [{"relation": "self", "url": "https://h.example/entry"}],',
    '  "entry": [',
    '    {"resource": {"resourceType": "Patient", "id": "a"}}, {"resource": {"resourceType": "Patient", "id": "b"}},',
    '',
    '    {',
    '      "resource": {"resourceType": "Patient", "id": "c", "name": [{"text": "}, ] {\\\\\\""}]}',
    '    }',
    '  ]',
    '}',
  ].join('\n');
  const linesOf = async (text: string, options?: { firstLine?: number }) => {
    const lines: [number, string | undefined][] = [];
    for await (const r of readBundle(text, 'b.json', options)) lines.push([r.line, r.resource?.id]);
    return lines;
  };

  it('puts each entry at the line where it starts, whatever strings hold brackets or quotes', async () => {
    expect(JSON.parse(file).entry).toHaveLength(3);
    expect(await linesOf(file, { firstLine: 1 })).toEqual([
      [6, 'a'],
      [6, 'b'],
      [8, 'c'],
    ]);
    // The document starts at line 3 of its file (two blank lines before it).
    expect(await linesOf(file, { firstLine: 3 })).toEqual([
      [8, 'a'],
      [8, 'b'],
      [10, 'c'],
    ]);
  });

  it('reads the last "entry" member, as JSON.parse does, and takes entries of any kind', async () => {
    const text =
      '{"resourceType": "Bundle", "type": "collection", "entry": [\n1],\n"entry": [\n\n  null,\n{"resource": {"resourceType": "Patient", "id": "a"}}]}';
    const records: SourceRecord[] = [];
    for await (const r of readBundle(text, 'b.json', { firstLine: 1 })) records.push(r);
    expect(records.map((r) => [r.line, r.path, r.resource?.id])).toEqual([
      [5, 'entry[0]', undefined],
      [6, 'entry[1].resource', 'a'],
    ]);
  });

  it('numbers entries i + 1 without a first line (an NDJSON line holding a Bundle)', async () => {
    expect(await linesOf(file)).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
  });
});

describe('Function: readBundle on generated transaction bundles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'readers-bundle-'));
    const cohort = {
      patients: 3,
      seed: 11,
      hospital: 'general-east',
      dirtyRate: 0,
      asOf: '2026-01-01',
    };
    await writeCohort({ ...cohort, out: dir, workers: 1 });
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('resolves every urn:uuid reference to a resource of the same bundle', async () => {
    // Prepare
    const files = await readdir(join(dir, 'bundles'));
    const text = await readFile(join(dir, 'bundles', files[0]!), 'utf8');
    expect(text).toContain('"reference":"urn:uuid:');
    // Act
    const records = await collect(text);
    // Assess
    const keys = new Set(records.map((r) => `${r.resource?.resourceType}/${r.resource?.id}`));
    const references = records.flatMap((r) => referencesIn(r.resource));
    expect(records.filter((r) => r.error)).toEqual([]);
    expect(references.length).toBeGreaterThan(0);
    expect(references.filter((ref) => !keys.has(ref))).toEqual([]);
  });
});

const synthea = '/work/shared/data/synthea-bundles';
describe.skipIf(!existsSync(synthea))('Function: readBundle on Synthea bundles', () => {
  it('reads every entry of every bundle and leaves no urn reference behind', async () => {
    // Prepare
    const files = (await readdir(synthea)).filter((f) => f.endsWith('.json'));
    let entries = 0;
    const leftovers: string[] = [];
    const errors: string[] = [];
    // Act
    for (const file of files) {
      const text = await readFile(join(synthea, file), 'utf8');
      for await (const record of readBundle(text, file)) {
        entries++;
        if (record.error) errors.push(`${file}:${record.line}`);
        leftovers.push(...referencesIn(record.resource).filter((r) => r.startsWith('urn:')));
      }
    }
    // Assess
    expect(files.length).toBeGreaterThan(0);
    expect(entries).toBeGreaterThan(files.length);
    expect(errors).toEqual([]);
    expect(leftovers).toEqual([]);
  });

  it("puts each entry at its line: the line where the entry's object opens", async () => {
    const files = (await readdir(synthea)).filter((f) => f.endsWith('.json')).slice(0, 3);
    for (const file of files) {
      const text = await readFile(join(synthea, file), 'utf8');
      const lines = text.split('\n');
      const starts: string[] = [];
      for await (const record of readBundle(text, file, { firstLine: 1 }))
        starts.push(lines[record.line - 1]!.trim());
      expect(starts.length).toBeGreaterThan(10);
      expect(new Set(starts)).toEqual(new Set(['{']));
    }
  });
});
