import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { MemoryGraphStore } from '../../shared/adapters/graph/memory-graph-store';
import type { ExtractClinical, KgExtraction } from '../../shared/domain/kg/extraction';
import type { BucketRole, KeyRing, ObjectStore } from '../../shared/ports';
import { makeKgUpdateHandler } from './make-handler';
import { vocabularyExtractor } from './vocabulary';

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

/** Envelopes in the clear: this tests which note is read, not the cipher. */
const clearKeys: KeyRing = {
  pseudonym: async () => '',
  encrypt: async (_hospital, plaintext) => plaintext,
  decrypt: async (_hospital, envelope) => envelope,
};

function setup(files: Record<string, string>, keys?: KeyRing, extractor?: ExtractClinical) {
  const graph = new MemoryGraphStore();
  const extract = vi.fn(extractor ?? (async () => stubExtraction));
  const objects = objectsWith(files);
  const getText = vi.spyOn(objects, 'getText');
  const handler = makeKgUpdateHandler(
    {
      graph,
      objects,
      config: { buckets },
      extract,
      extractorName: 'stub@1',
      ...(keys ? { keys } : {}),
    },
    {
      logger: new Logger({ logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'test', serviceName: 'kg-update' }),
    },
  );
  const invoke = (event: unknown) =>
    handler(event, { functionName: 'kg-update', awsRequestId: 'r1' } as Context);
  return { graph, extract, invoke, getText };
}

const curatedNote = JSON.stringify({
  resourceType: 'DocumentReference',
  id: 'note-0001',
  subject: { reference: 'Patient/3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8' },
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

  it('writes the drug of an allergy as cg:allergicTo, never as a medication the patient takes', async () => {
    // Prepare: the production extractor (the curated vocabulary), on a note whose patient is
    // said to be allergic to amoxicillin and codeine, takes amoxicillin and metformin, and is not
    // allergic to penicillin or cephalexin.
    const text =
      'Chart says she is allergic to amoxicillin (hives). Takes amoxicillin 500 mg TID for otitis media.\n' +
      'No known allergy to penicillin. Denies allergy to cephalexin.\n' +
      'Medications: metformin 500 mg BID\nAllergies:\n- codeine - nausea';
    const note = JSON.stringify({
      ...JSON.parse(curatedNote),
      content: [
        {
          attachment: {
            contentType: 'text/plain; charset=utf-8',
            data: Buffer.from(text).toString('base64'),
          },
        },
      ],
    });
    const { graph, invoke } = setup(
      { 'curated/north-general/DocumentReference/0f1e2d3c.ndjson': `${note}\n` },
      undefined,
      vocabularyExtractor({ objects: objectsWith({}), keys: [] }).extract,
    );
    const RX = 'http://purl.bioontology.org/ontology/RXNORM/';
    const predicatesTo = async (code: string) => {
      const r = await graph.query(`SELECT ?p WHERE { <${PATIENT}> ?p <${RX}${code}> }`);
      return (r.results?.bindings ?? []).map((b) => b.p!.value.split('#')[1]).sort();
    };

    // Act
    await invoke(fixture('note-curated.json'));

    // Assess: amoxicillin is both an allergen and taken (two sentences, two facts);
    // codeine, listed in the allergies section, is an allergen, not a medicine of the past; the
    // denied allergy stays a denied mention; metformin is taken.
    expect(await predicatesTo('723')).toEqual(['allergicTo', 'takesMedication']);
    expect(await predicatesTo('2670')).toEqual(['allergicTo']);
    expect(await predicatesTo('2231')).toEqual(['negatedFinding']);
    expect(await predicatesTo('6809')).toEqual(['takesMedication']);
    const allergens = await graph.query(
      `SELECT ?d WHERE { <${PATIENT}> <https://caregraph.dev/ns#allergicTo> ?d }`,
    );
    expect(allergens.results?.bindings.map((b) => b.d!.value).sort()).toEqual([
      `${RX}2670`,
      `${RX}723`,
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
    const ofPatientB = { ...JSON.parse(curatedNote), subject: { reference: `Patient/${other}` } };
    const { graph, extract, invoke } = setup({
      'curated/north-general/DocumentReference/a.ndjson': curatedNote,
      'curated/north-general/DocumentReference/b.ndjson': JSON.stringify(ofPatientB),
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

  it.each([['null\n'], [`${NOTE}\n`]])(
    'refuses a curated object that is no NDJSON of resources (%j): it names no patient',
    async (body) => {
      // Prepare
      const { graph, extract, invoke } = setup({
        'curated/north-general/DocumentReference/0f1e2d3c.ndjson': body,
      });

      // Act
      const failure = invoke(fixture('note-curated.json'));

      // Assess
      await expect(failure).rejects.toMatchObject({ name: 'ValidationError', path: 'key' });
      await expect(failure).rejects.toThrow('names no patient');
      expect(extract).not.toHaveBeenCalled();
      expect(graph.store.size).toBe(0);
    },
  );

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

  it("reads a note key under notes/{hospital}/{patient}/ of the event's patient", async () => {
    // Prepare: a plain note under notes/ is not an envelope: the key ring is asked for and missing
    const key = 'notes/north-general/3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8/note-0001';
    const { invoke } = setup({ [key]: 'c2VjcmV0' });
    const event = fixture('note-curated.json') as { detail: Record<string, unknown> };

    // Act
    const failure = invoke({ ...event, detail: { ...event.detail, key } });

    // Assess: past the prefix check, to the decryption step
    await expect(failure).rejects.toThrow('encrypted notes need the key ring');
  });

  describe("a note of another patient than the event's", () => {
    const patientA = '3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8';
    const patientB = 'b7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5';
    const noteEvent = (detail: Record<string, unknown>) => {
      const event = fixture('note-curated.json') as { detail: Record<string, unknown> };
      return { ...event, detail: { ...event.detail, ...detail } };
    };
    const envelope = (text: string) => Buffer.from(text).toString('base64');

    it.each([
      ["another patient's", `notes/north-general/${patientB}/note-0001.txt.enc`],
      ['the older layout (no patient)', 'notes/north-general/note-0001.txt.enc'],
      [
        'a longer pseudonym starting with the patient',
        `notes/north-general/${patientA}00/note-0001.txt.enc`,
      ],
      ['the hospital root', `notes/north-general/${patientA}`],
    ])(
      'refuses an encrypted note under %s, naming detail.key, never the key, reading nothing',
      async (_case, key) => {
        // Prepare: the note exists and decrypts, so only the ownership check can refuse it
        const { graph, extract, invoke, getText } = setup({ [key]: envelope(NOTE) }, clearKeys);

        // Act
        const failure = invoke(noteEvent({ patient: patientA, key }));

        // Assess
        await expect(failure).rejects.toMatchObject({
          name: 'ValidationError',
          path: 'detail.key',
        });
        await expect(failure).rejects.toThrow("the event's patient");
        await expect(failure).rejects.not.toThrow(key);
        expect(getText).not.toHaveBeenCalled();
        expect(extract).not.toHaveBeenCalled();
        expect(graph.store.size).toBe(0);
      },
    );

    it("reads the event's own patient's encrypted note, and only that patient gets facts", async () => {
      // Prepare: A's and B's notes under one document id, each under its own patient
      const ofA = `notes/north-general/${patientA}/note-0001.txt.enc`;
      const ofB = `notes/north-general/${patientB}/note-0001.txt.enc`;
      const { graph, extract, invoke } = setup(
        { [ofA]: envelope(NOTE), [ofB]: envelope(NOTE) },
        clearKeys,
      );

      // Act: A's own note, then an event for A naming B's note
      const result = await invoke(noteEvent({ patient: patientA, key: ofA }));
      const size = graph.store.size;
      const crossed = invoke(noteEvent({ patient: patientA, key: ofB }));

      // Assess
      expect(result).toMatchObject({ facts: 4 });
      await expect(crossed).rejects.toMatchObject({ path: 'detail.key' });
      expect(extract).toHaveBeenCalledTimes(1);
      expect(graph.store.size).toBe(size);
    });

    it.each([
      ["another patient's", { reference: `Patient/${patientB}` }],
      ['no patient', undefined],
      ['a group', { reference: `Group/${patientA}` }],
    ])(
      'refuses a curated DocumentReference whose subject is %s, naming subject.reference',
      async (_case, subject) => {
        // Prepare
        const resource = { ...JSON.parse(curatedNote), subject };
        const { graph, extract, invoke } = setup({
          'curated/north-general/DocumentReference/0f1e2d3c.ndjson': `${JSON.stringify(resource)}\n`,
        });

        // Act
        const failure = invoke(fixture('note-curated.json'));

        // Assess
        await expect(failure).rejects.toMatchObject({
          name: 'ValidationError',
          path: 'subject.reference',
        });
        await expect(failure).rejects.not.toThrow(patientB);
        expect(extract).not.toHaveBeenCalled();
        expect(graph.store.size).toBe(0);
      },
    );

    it("refuses to withdraw a note through another patient's entered-in-error DocumentReference", async () => {
      // Prepare: A's note in the graph; the object now holds B's withdrawn note under that id
      const key = 'curated/north-general/DocumentReference/0f1e2d3c.ndjson';
      const files: Record<string, string> = { [key]: `${curatedNote}\n` };
      const { graph, invoke } = setup(files);
      await invoke(fixture('note-curated.json'));
      const size = graph.store.size;
      files[key] = `${JSON.stringify({
        ...JSON.parse(curatedNote),
        subject: { reference: `Patient/${patientB}` },
        status: 'entered-in-error',
      })}\n`;

      // Act
      const failure = invoke(fixture('note-curated.json'));

      // Assess
      await expect(failure).rejects.toMatchObject({ path: 'subject.reference' });
      expect(graph.store.size).toBe(size);
    });

    it("reads the event's patient's DocumentReference where two patients' share one document id", async () => {
      // Prepare: one curated object (one source file) holding both patients' note-0001
      const textOfB = 'Assessment: asthma. Started salbutamol.';
      const ofB = {
        ...JSON.parse(curatedNote),
        subject: { reference: `Patient/${patientB}` },
        content: [{ attachment: { contentType: 'text/plain', data: envelope(textOfB) } }],
      };
      const key = 'curated/north-general/DocumentReference/0f1e2d3c.ndjson';
      const { extract, invoke } = setup({
        [key]: `${JSON.stringify(ofB)}\n${curatedNote}\n`,
      });
      extract.mockResolvedValue({ entities: [], relations: [] });

      // Act
      await invoke(noteEvent({ patient: patientA, key }));
      await invoke(noteEvent({ patient: patientB, key }));

      // Assess
      expect(extract.mock.calls).toEqual([
        [NOTE, {}],
        [textOfB, {}],
      ]);
    });
  });
});
