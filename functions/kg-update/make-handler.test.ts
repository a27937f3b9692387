import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { MemoryGraphStore } from '../../shared/adapters/graph/memory-graph-store';
import type { KgExtraction } from '../../shared/domain/kg/extraction';
import type { BucketRole, ObjectStore } from '../../shared/ports';
import { makeKgUpdateHandler } from './make-handler';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as Record<
    string,
    unknown
  >;
const buckets: Record<BucketRole, string> = {
  raw: 'caregraph-raw',
  curated: 'caregraph-curated',
  quarantine: 'caregraph-quarantine',
};
const NOTE = 'Assessment: type 2 diabetes, started metformin. No hypertension.';
const PATIENT = 'https://caregraph.dev/patient/north-general/3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8';

/** Fixed entities: this tests the plumbing, not the NLP. */
const stubExtraction: KgExtraction = {
  entities: [
    {
      start: 12,
      end: 27,
      text: 'type 2 diabetes',
      type: 'Disease',
      code: '44054006',
      system: 'http://snomed.info/sct',
      assertion: 'present',
    },
    {
      start: 37,
      end: 46,
      text: 'metformin',
      type: 'Chemical',
      code: '6809',
      system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
      assertion: 'present',
    },
    {
      start: 51,
      end: 63,
      text: 'hypertension',
      type: 'Disease',
      code: '38341003',
      system: 'http://snomed.info/sct',
      assertion: 'negated',
    },
  ],
  relations: [{ type: 'treats', head: 1, tail: 0, confidence: 0.9 }],
};

function objectsWith(files: Record<string, string>): ObjectStore {
  const text = async (_bucket: BucketRole, key: string) => files[key];
  return {
    getText: text,
    getStream: async (bucket, key) => Readable.from([(await text(bucket, key)) ?? '']),
    put: async () => undefined,
    putStream: async () => undefined,
    head: async () => undefined,
    list: async () => [],
    presignPut: async () => ({ url: '', headers: {} }),
  };
}

function setup(files: Record<string, string>) {
  const graph = new MemoryGraphStore();
  const extract = vi.fn(async () => stubExtraction);
  const handler = makeKgUpdateHandler(
    { graph, objects: objectsWith(files), config: { buckets }, extract, extractorName: 'stub@1' },
    {
      logger: new Logger({ logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'test', serviceName: 'kg-update' }),
    },
  );
  const invoke = (event: unknown) =>
    handler(event, { functionName: 'kg-update', awsRequestId: 'r1' } as Context);
  return { graph, extract, invoke };
}

const curatedNote = JSON.stringify({
  resourceType: 'DocumentReference',
  id: 'note-0001',
  content: [
    {
      attachment: {
        contentType: 'text/plain; charset=utf-8',
        data: Buffer.from(NOTE).toString('base64'),
      },
    },
  ],
});

describe('Function: kg-update handler', () => {
  it('turns a NoteCurated event into patient facts, extracting from the decoded note text', async () => {
    // Prepare
    const { graph, extract, invoke } = setup({
      'curated/north-general/DocumentReference/0f1e2d3c.ndjson': `${curatedNote}\n`,
    });

    // Act
    const result = await invoke(fixture('note-curated.json'));

    // Assess
    expect(extract).toHaveBeenCalledWith(NOTE, {});
    expect(result).toMatchObject({
      graph: 'https://caregraph.dev/graph/hospital/north-general',
      facts: 4,
      skipped: 0,
    });
    const conditions = await graph.query(
      `SELECT ?c WHERE { <${PATIENT}> <https://caregraph.dev/ns#hasCondition> ?c }`,
    );
    expect(conditions.results?.bindings.map((b) => b.c!.value)).toEqual([
      'http://snomed.info/id/44054006',
    ]);
  });

  it("gives the extractor the year of the DocumentReference's date, which dates 'MI in 2019'", async () => {
    // Prepare
    const dated = JSON.stringify({ ...JSON.parse(curatedNote), date: '2021-03-04T09:30:00Z' });
    const { extract, invoke } = setup({
      'curated/north-general/DocumentReference/0f1e2d3c.ndjson': `${dated}\n`,
    });

    // Act
    await invoke(fixture('note-curated.json'));

    // Assess
    expect(extract).toHaveBeenCalledWith(NOTE, { noteYear: 2021 });
  });

  it("prefers the event's noteYear (ingest read it before encrypting the note)", async () => {
    // Prepare
    const dated = JSON.stringify({ ...JSON.parse(curatedNote), date: '2021-03-04T09:30:00Z' });
    const { extract, invoke } = setup({
      'curated/north-general/DocumentReference/0f1e2d3c.ndjson': `${dated}\n`,
    });
    const event = fixture('note-curated.json') as { detail: Record<string, unknown> };

    // Act
    await invoke({ ...event, detail: { ...event.detail, noteYear: 2018 } });

    // Assess
    expect(extract).toHaveBeenCalledWith(NOTE, { noteYear: 2018 });
  });

  it('leaves the same triples when the same event is delivered twice', async () => {
    // Prepare
    const { graph, invoke } = setup({
      'curated/north-general/DocumentReference/0f1e2d3c.ndjson': curatedNote,
    });
    await invoke(fixture('note-curated.json'));
    const once = graph.store.size;

    // Act
    await invoke(fixture('note-curated.json'));

    // Assess
    expect(graph.store.size).toBe(once);
  });

  it('turns a literature upload (MEDLINE text) into relations in its own literature graph', async () => {
    // Prepare
    const medline = [
      'PMID- 31234567',
      'TI  - Metformin for type 2 diabetes.',
      'AB  - Metformin lowers glucose',
      '      in type 2 diabetes.',
    ].join('\n');
    const { graph, extract, invoke } = setup({ 'literature/31234567.txt': medline });

    // Act
    const result = await invoke(fixture('s3-object-created-literature.json'));

    // Assess
    expect(extract).toHaveBeenCalledWith(
      'Metformin for type 2 diabetes.\n\nMetformin lowers glucose in type 2 diabetes.',
    );
    expect(result).toMatchObject({
      graph: 'https://caregraph.dev/graph/literature/31234567',
      facts: 1,
    });
    const patients = await graph.query(
      'ASK { GRAPH <https://caregraph.dev/graph/literature/31234567> { ?p a <https://caregraph.dev/ns#Patient> } }',
    );
    expect(patients.boolean).toBe(false);
  });

  it('ignores an upload outside literature/', async () => {
    // Prepare
    const event = fixture('s3-object-created-literature.json');
    (event.detail as { object: { key: string } }).object.key = 'raw/north-general/b1/file.ndjson';
    const { extract, invoke } = setup({});

    // Act
    const result = await invoke(event);

    // Assess
    expect(result).toEqual({ ignored: 'not a literature upload' });
    expect(extract).not.toHaveBeenCalled();
  });

  it("keeps two patients' notes under one document id apart: re-delivery changes nothing, an edit touches only its own", async () => {
    // Prepare: the same DocumentReference id for two patients, each note in its own object
    const other = 'b7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5';
    const { graph, extract, invoke } = setup({
      'curated/north-general/DocumentReference/a.ndjson': curatedNote,
      'curated/north-general/DocumentReference/b.ndjson': curatedNote,
    });
    const event = fixture('note-curated.json') as { detail: Record<string, unknown> };
    const ofA = {
      ...event,
      detail: { ...event.detail, key: 'curated/north-general/DocumentReference/a.ndjson' },
    };
    const ofB = {
      ...event,
      detail: {
        ...event.detail,
        patient: other,
        key: 'curated/north-general/DocumentReference/b.ndjson',
      },
    };
    const conditionsOf = async (patient: string) =>
      (
        await graph.query(
          `SELECT ?c WHERE { <${patient}> <https://caregraph.dev/ns#hasCondition> ?c }`,
        )
      ).results?.bindings.map((b) => b.c!.value);
    const patientB = `https://caregraph.dev/patient/north-general/${other}`;
    await invoke(ofA);
    await invoke(ofB);
    const size = graph.store.size;
    const both = [await conditionsOf(PATIENT), await conditionsOf(patientB)];

    // Act: both delivered again, then A's note edited to state nothing
    await invoke(ofA);
    await invoke(ofB);
    const again = graph.store.size;
    extract.mockResolvedValueOnce({ entities: [], relations: [] });
    await invoke(ofA);

    // Assess
    expect(both).toEqual([['http://snomed.info/id/44054006'], ['http://snomed.info/id/44054006']]);
    expect(again).toBe(size);
    expect(await conditionsOf(PATIENT)).toEqual([]);
    expect(await conditionsOf(patientB)).toEqual(['http://snomed.info/id/44054006']);
  });

  it('rejects an event with a name where the pseudonymous id belongs, naming the field', async () => {
    // Prepare
    const event = fixture('note-curated.json');
    (event.detail as { patient: string }).patient = 'Jane Doe';
    const { invoke } = setup({});

    // Act
    const failure = invoke(event);

    // Assess
    await expect(failure).rejects.toMatchObject({
      name: 'ValidationError',
      path: 'detail.patient',
    });
    await expect(failure).rejects.not.toThrow('Jane');
  });

  it('withdraws a note re-sent as entered-in-error: its facts go, nothing is extracted, again on re-delivery', async () => {
    // Prepare: the note was curated and read into the graph
    const key = 'curated/north-general/DocumentReference/0f1e2d3c.ndjson';
    const files: Record<string, string> = { [key]: `${curatedNote}\n` };
    const { graph, extract, invoke } = setup(files);
    await invoke(fixture('note-curated.json'));
    files[key] = `${JSON.stringify({ ...JSON.parse(curatedNote), status: 'entered-in-error' })}\n`;
    extract.mockClear();

    // Act
    const result = await invoke(fixture('note-curated.json'));
    const size = graph.store.size;
    const again = await invoke(fixture('note-curated.json'));

    // Assess
    expect(extract).not.toHaveBeenCalled();
    expect(result).toMatchObject({ facts: 0, quads: 0, retracted: true });
    expect(again).toEqual(result);
    expect(graph.store.size).toBe(size);
    const facts = await graph.query(
      `SELECT ?p ?o WHERE { <${PATIENT}> ?p ?o FILTER(STRSTARTS(STR(?p), "https://caregraph.dev/ns#")) }`,
    );
    expect(facts.results?.bindings).toEqual([]);
  });

  it('reads a curated object of JSON that is no resource ("null") as a plain-text note', async () => {
    // Prepare
    const { extract, invoke } = setup({
      'curated/north-general/DocumentReference/0f1e2d3c.ndjson': 'null\n',
    });

    // Act
    const failure = invoke(fixture('note-curated.json'));

    // Assess: the stub's offsets run past the four-character note
    await expect(failure).rejects.toMatchObject({
      name: 'ValidationError',
      path: 'entities[0].end',
    });
    expect(extract).toHaveBeenCalledWith('null\n', {});
  });

  it("refuses entities past the end of the note's text, naming the field", async () => {
    // Prepare: a note shorter than the stub's offsets
    const short = JSON.stringify({
      ...JSON.parse(curatedNote),
      content: [
        {
          attachment: {
            contentType: 'text/plain',
            data: Buffer.from('Assessment: type 2 diabetes').toString('base64'),
          },
        },
      ],
    });
    const { graph, invoke } = setup({
      'curated/north-general/DocumentReference/0f1e2d3c.ndjson': short,
    });

    // Act
    const failure = invoke(fixture('note-curated.json'));

    // Assess
    await expect(failure).rejects.toMatchObject({
      name: 'ValidationError',
      path: 'entities[1].end',
    });
    expect(graph.store.size).toBe(0);
  });

  it('rejects a literature key that is not URL-encoded (a bare "%"), naming the field', async () => {
    // Prepare
    const event = fixture('s3-object-created-literature.json');
    (event.detail as { object: { key: string } }).object.key = 'literature/100%.txt';
    const { extract, invoke } = setup({});

    // Act
    const failure = invoke(event);

    // Assess
    await expect(failure).rejects.toMatchObject({
      name: 'ValidationError',
      path: 'detail.object.key',
    });
    expect(extract).not.toHaveBeenCalled();
  });

  it.each([
    ['curated/south-valley/DocumentReference/0f1e2d3c.ndjson'],
    ['notes/south-valley/note-0001'],
    ['notes/north-general-annex/note-0001'],
    ['raw/north-general/b1/file.ndjson'],
  ])(
    "refuses a note key outside the event's hospital (%s), naming the field, never the key",
    async (key) => {
      // Prepare: the object exists, so only the key check can refuse it
      const { graph, extract, invoke } = setup({ [key]: `${curatedNote}\n` });
      const event = fixture('note-curated.json') as { detail: Record<string, unknown> };

      // Act
      const failure = invoke({ ...event, detail: { ...event.detail, key } });

      // Assess
      await expect(failure).rejects.toMatchObject({ name: 'ValidationError', path: 'detail.key' });
      await expect(failure).rejects.not.toThrow(key);
      expect(extract).not.toHaveBeenCalled();
      expect(graph.store.size).toBe(0);
    },
  );

  it('reads a note key under notes/{hospital}/ at any depth (a pseudonym segment, say)', async () => {
    // Prepare: a plain note under notes/ is not an envelope: the key ring is asked for and missing
    const key = 'notes/north-general/3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8/note-0001';
    const { invoke } = setup({ [key]: 'c2VjcmV0' });
    const event = fixture('note-curated.json') as { detail: Record<string, unknown> };

    // Act
    const failure = invoke({ ...event, detail: { ...event.detail, key } });

    // Assess: past the prefix check, to the decryption step
    await expect(failure).rejects.toThrow('encrypted notes need the key ring');
  });
});
