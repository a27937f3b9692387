// Integration: replacing a note's statements in its hospital graph on the embedded SPARQL server (the
// Neptune stand-in) over HTTP, with its data file and journal, as kg-update runs on `caregraph start`.
// A changed note must take its old facts and their provenance with it; an identical re-delivery must
// change nothing, also after a restart that replays the journal. Two patients' notes under one
// document id keep their own facts, and a note's facts stored under the earlier, patient-less
// document IRI go when that note is processed again.
import { mkdtemp, rm } from 'node:fs/promises';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SparqlHttpGraphStore } from '../shared/adapters/graph/sparql-http-graph-store';
import type { KgEntity } from '../shared/domain/kg/extraction';
import { hospitalGraph, legacyNoteIri, noteIri } from '../shared/domain/kg/model';
import { iri, type RdfTerm } from '../shared/domain/kg/sparql';
import { toNQuads } from '../shared/domain/kg/statements';
import { noteFactQuads, recordNoteFacts, type NoteFactsInput } from '../shared/domain/kg/update';
import { keyLayout } from '../shared/config/resources';
import { LocalKeyRing } from '../shared/adapters/local/local-key-ring';
import { curateNote } from '../shared/domain/ingest/note-curation';
import { startSparqlServer, type SparqlServer } from '../local/sparql-server';
import { makeKgUpdateHandler } from '../functions/kg-update/make-handler';
import { extractClinical } from '../shared/domain/nlp/extract';
import type { BucketRole, ObjectStore } from '../shared/ports';

const HOSPITAL = 'north-general';
const PATIENT = '3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8';
const P = `https://caregraph.dev/patient/${HOSPITAL}/${PATIENT}`;
const NS = 'https://caregraph.dev/ns#';
const T2DM = 'http://snomed.info/id/44054006';
const HTN = 'http://snomed.info/id/38341003';
const METFORMIN = 'http://purl.bioontology.org/ontology/RXNORM/6809';

const mention = (
  type: KgEntity['type'],
  code: string,
  system: string,
  start: number,
): KgEntity => ({ start, end: start + 4, text: 'xxxx', type, code, system, assertion: 'present' });
const t2dm = (start: number) => mention('Disease', '44054006', 'http://snomed.info/sct', start);
const htn = (start: number) => mention('Disease', '38341003', 'http://snomed.info/sct', start);
const metformin = (start: number) =>
  mention('Chemical', '6809', 'http://www.nlm.nih.gov/research/umls/rxnorm', start);

const note = (document: string, changes: Partial<NoteFactsInput> = {}): NoteFactsInput => ({
  hospital: HOSPITAL,
  patient: PATIENT,
  document,
  extractor: 'stub@1',
  at: new Date('2025-03-01T12:00:00Z'),
  entities: [t2dm(0), htn(10), metformin(20)],
  relations: [{ type: 'treats', head: 2, tail: 0, confidence: 0.9 }],
  ...changes,
});

describe('Integration: re-processing a note in its hospital graph', () => {
  let dir: string;
  let server: SparqlServer;
  let graph: SparqlHttpGraphStore;

  /** The hospital graph as sorted N-Triples lines. */
  const hospitalTriples = async () =>
    (
      await graph.construct(
        `CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${hospitalGraph(HOSPITAL).value}> { ?s ?p ?o } }`,
      )
    )
      .split('\n')
      .filter((line) => line.trim() !== '')
      .sort();
  const ask = async (pattern: string) =>
    (await graph.query(`ASK { GRAPH <${hospitalGraph(HOSPITAL).value}> { ${pattern} } }`)).boolean;
  const statementsOf = async (document: string) => {
    const r = await graph.query(
      `SELECT (COUNT(?st) AS ?n) WHERE { ?st <${NS}document> <${noteIri(HOSPITAL, PATIENT, document).value}> }`,
    );
    return Number(r.results?.bindings[0]?.n?.value);
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caregraph-kg-update-'));
    server = await startSparqlServer({ port: 0, dataFile: join(dir, 'graph.nq') });
    graph = new SparqlHttpGraphStore({ endpoint: server.url });
  });

  afterEach(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('removes the facts a changed note no longer states, with their provenance, keeping facts another note supports', async () => {
    // Prepare: note-2 also says the patient has hypertension
    await recordNoteFacts({ graph }, note('note-1'));
    await recordNoteFacts({ graph }, note('note-2', { entities: [htn(5)], relations: [] }));

    // Act: note-1 corrected to say only metformin
    await recordNoteFacts({ graph }, note('note-1', { entities: [metformin(20)], relations: [] }));

    // Assess
    expect(await ask(`<${P}> <${NS}hasCondition> <${T2DM}>`)).toBe(false);
    expect(await ask(`<${METFORMIN}> <${NS}treats> <${T2DM}>`)).toBe(false);
    expect(await ask(`?st <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <${T2DM}>`)).toBe(
      false,
    );
    expect(await ask(`<${P}> <${NS}hasCondition> <${HTN}>`)).toBe(true);
    expect(await ask(`<${P}> <${NS}takesMedication> <${METFORMIN}>`)).toBe(true);
    expect(await statementsOf('note-1')).toBe(1);
    expect(await statementsOf('note-2')).toBe(1);
  });

  it('drops a fact once the last note supporting it no longer states it', async () => {
    // Prepare
    await recordNoteFacts({ graph }, note('note-1', { entities: [htn(0)], relations: [] }));
    await recordNoteFacts({ graph }, note('note-2', { entities: [htn(5)], relations: [] }));

    // Act
    await recordNoteFacts({ graph }, note('note-1', { entities: [], relations: [] }));
    const keptByNote2 = await ask(`<${P}> <${NS}hasCondition> <${HTN}>`);
    await recordNoteFacts({ graph }, note('note-2', { entities: [], relations: [] }));

    // Assess
    expect(keptByNote2).toBe(true);
    expect(await ask(`<${P}> <${NS}hasCondition> <${HTN}>`)).toBe(false);
  });

  it('changes nothing when an identical note is delivered again, also after a restart', async () => {
    // Prepare
    await recordNoteFacts({ graph }, note('note-1'));
    await recordNoteFacts({ graph }, note('note-2', { entities: [htn(5)], relations: [] }));
    const before = await hospitalTriples();

    // Act
    await recordNoteFacts({ graph }, note('note-1'));
    const again = await hospitalTriples();
    const restarted = await startSparqlServer({ port: 0, dataFile: join(dir, 'graph.nq') });
    const afterRestart = await new SparqlHttpGraphStore({ endpoint: restarted.url }).construct(
      `CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${hospitalGraph(HOSPITAL).value}> { ?s ?p ?o } }`,
    );
    await restarted.close();

    // Assess
    expect(before.length).toBeGreaterThan(20);
    expect(again).toEqual(before);
    expect(
      afterRestart
        .split('\n')
        .filter((line) => line.trim() !== '')
        .sort(),
    ).toEqual(before);
  });

  it('withdraws a note re-sent as entered-in-error through kg-update: its facts go, another note keeps its own, and re-delivery changes nothing', async () => {
    // Prepare: two curated notes read by kg-update with the NLP extractor; both state type 2 diabetes
    const resource = (id: string, text: string, status = 'current') =>
      `${JSON.stringify({
        resourceType: 'DocumentReference',
        id,
        status,
        subject: { reference: `Patient/${PATIENT}` },
        content: [
          { attachment: { contentType: 'text/plain', data: Buffer.from(text).toString('base64') } },
        ],
      })}\n`;
    const files: Record<string, string> = {
      [`curated/${HOSPITAL}/DocumentReference/n1.ndjson`]: resource(
        'note-1',
        'Assessment: type 2 diabetes and hypertension.',
      ),
      [`curated/${HOSPITAL}/DocumentReference/n2.ndjson`]: resource(
        'note-2',
        'Assessment: type 2 diabetes.',
      ),
    };
    const objects = {
      getText: async (_bucket: BucketRole, key: string) => files[key],
    } as unknown as ObjectStore;
    const handler = makeKgUpdateHandler(
      {
        graph,
        objects,
        config: { buckets: { raw: 'r', curated: 'c', quarantine: 'q' } },
        extract: async (text, context) => extractClinical(text, { ...context }),
        extractorName: 'nlp@test',
      },
      {
        logger: new Logger({ logLevel: 'SILENT' }),
        metrics: new Metrics({ namespace: 'test', serviceName: 'kg-update' }),
      },
    );
    const deliver = (document: string, key: string) =>
      handler(
        {
          'detail-type': 'NoteCurated',
          source: 'caregraph.ingest',
          time: '2025-03-01T12:00:00Z',
          detail: { hospital: HOSPITAL, patient: PATIENT, document, key },
        },
        { functionName: 'kg-update', awsRequestId: 'r1' } as Context,
      );
    await deliver('note-1', `curated/${HOSPITAL}/DocumentReference/n1.ndjson`);
    await deliver('note-2', `curated/${HOSPITAL}/DocumentReference/n2.ndjson`);
    const hadHypertension = await ask(`<${P}> <${NS}hasCondition> <${HTN}>`);

    // Act: note-1 re-sent as entered-in-error, delivered twice
    files[`curated/${HOSPITAL}/DocumentReference/n1.ndjson`] = resource(
      'note-1',
      'Assessment: type 2 diabetes and hypertension.',
      'entered-in-error',
    );
    const result = await deliver('note-1', `curated/${HOSPITAL}/DocumentReference/n1.ndjson`);
    const once = await hospitalTriples();
    await deliver('note-1', `curated/${HOSPITAL}/DocumentReference/n1.ndjson`);
    const twice = await hospitalTriples();

    // Assess
    expect(hadHypertension).toBe(true);
    expect(result).toMatchObject({ facts: 0, quads: 0, retracted: true });
    expect(await ask(`<${P}> <${NS}hasCondition> <${HTN}>`)).toBe(false);
    expect(await ask(`<${P}> <${NS}hasCondition> <${T2DM}>`)).toBe(true);
    expect(await statementsOf('note-1')).toBe(0);
    expect(await statementsOf('note-2')).toBe(1);
    expect(await ask(`<${noteIri(HOSPITAL, PATIENT, 'note-1').value}> ?p ?o`)).toBe(false);
    expect(twice).toEqual(once);
  });
});

describe("Integration: two patients' encrypted notes under one document id, through kg-update", () => {
  // A sidecar `id` is the hospital's, so two patients' notes may carry one document id. Ingest stores
  // them apart (notes/{hospital}/{patient}/{document}.txt.enc); the graph must keep them apart too.
  const OTHER = 'b7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5';
  const PB = `https://caregraph.dev/patient/${HOSPITAL}/${OTHER}`;
  const DOC = 'c0ffee12';
  const ASTHMA = 'http://snomed.info/id/195967001';
  const ALBUTEROL = 'http://purl.bioontology.org/ontology/RXNORM/435';
  let dir: string;
  let server: SparqlServer;
  let graph: SparqlHttpGraphStore;
  let keys: LocalKeyRing;
  let files: Record<string, string>;
  let deliver: (patient: string) => Promise<unknown>;

  /** Curates `text` as `patient`'s note DOC, as ingest does, over any earlier version. */
  const curate = async (patient: string, text: string) => {
    const resource = {
      resourceType: 'DocumentReference',
      id: 'sidecar-7',
      status: 'current',
      content: [
        { attachment: { contentType: 'text/plain', data: Buffer.from(text).toString('base64') } },
      ],
    };
    const curated = (await curateNote(keys, HOSPITAL, resource, {
      patientId: `source-${patient}`,
      patientPseudonym: patient,
      documentId: DOC,
    }))!;
    files[curated.key] = Buffer.from(curated.envelope).toString('base64');
  };
  const factsOf = async (patient: string) =>
    (
      await graph.query(
        `SELECT ?p ?o WHERE { GRAPH <${hospitalGraph(HOSPITAL).value}> { <${patient}> ?p ?o } FILTER(STRSTARTS(STR(?p), "${NS}")) }`,
      )
    )
      .results!.bindings.map((b) => `${b.p!.value.replace(NS, 'cg:')} ${b.o!.value}`)
      .sort();
  const statementsOf = async (document: string) =>
    Number(
      (
        await graph.query(
          `SELECT (COUNT(?st) AS ?n) WHERE { GRAPH <${hospitalGraph(HOSPITAL).value}> { ?st <${NS}document> <${document}> } }`,
        )
      ).results!.bindings[0]!.n!.value,
    );
  const hospitalTriples = async () =>
    (
      await graph.construct(
        `CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${hospitalGraph(HOSPITAL).value}> { ?s ?p ?o } }`,
      )
    )
      .split('\n')
      .filter((line) => line.trim() !== '')
      .sort();
  const ask = async (pattern: string) =>
    (await graph.query(`ASK { GRAPH <${hospitalGraph(HOSPITAL).value}> { ${pattern} } }`)).boolean;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caregraph-kg-update-'));
    server = await startSparqlServer({ port: 0, dataFile: join(dir, 'graph.nq') });
    graph = new SparqlHttpGraphStore({ endpoint: server.url });
    keys = new LocalKeyRing(join(dir, 'master.key'));
    files = {};
    const objects = {
      getText: async (_bucket: BucketRole, key: string) => files[key],
    } as unknown as ObjectStore;
    const handler = makeKgUpdateHandler(
      {
        graph,
        objects,
        keys,
        config: { buckets: { raw: 'r', curated: 'c', quarantine: 'q' } },
        extract: async (text, context) => extractClinical(text, { ...context }),
        extractorName: 'nlp@test',
      },
      {
        logger: new Logger({ logLevel: 'SILENT' }),
        metrics: new Metrics({ namespace: 'test', serviceName: 'kg-update' }),
      },
    );
    deliver = (patient: string) =>
      handler(
        {
          'detail-type': 'NoteCurated',
          source: 'caregraph.ingest',
          time: '2025-03-01T12:00:00Z',
          detail: {
            hospital: HOSPITAL,
            patient,
            document: DOC,
            key: keyLayout.note(HOSPITAL, patient, DOC),
          },
        },
        { functionName: 'kg-update', awsRequestId: 'r1' } as Context,
      );
  });

  afterEach(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps each patient's facts, duplicates nothing on re-delivery, and an edit replaces only that patient's note", async () => {
    // Prepare
    await curate(PATIENT, 'Assessment: type 2 diabetes and hypertension.');
    await curate(OTHER, 'Assessment: asthma. Started albuterol.');
    await deliver(PATIENT);
    await deliver(OTHER);
    const first = { a: await factsOf(P), b: await factsOf(PB), triples: await hospitalTriples() };

    // Act: both delivered again; then patient A's note edited at the source and curated again
    await deliver(PATIENT);
    await deliver(OTHER);
    const redelivered = await hospitalTriples();
    await curate(PATIENT, 'Assessment: hypertension.');
    await deliver(PATIENT);

    // Assess
    expect(first.a).toEqual([`cg:hasCondition ${HTN}`, `cg:hasCondition ${T2DM}`]);
    expect(first.b).toEqual([`cg:hasCondition ${ASTHMA}`, `cg:takesMedication ${ALBUTEROL}`]);
    expect(redelivered).toEqual(first.triples);
    expect(await factsOf(P)).toEqual([`cg:hasCondition ${HTN}`]);
    expect(await factsOf(PB)).toEqual(first.b);
    expect(await statementsOf(noteIri(HOSPITAL, OTHER, DOC).value)).toBe(3);
    expect(await statementsOf(noteIri(HOSPITAL, PATIENT, DOC).value)).toBe(1);
    expect(await ask(`<${ALBUTEROL}> <${NS}treats> <${ASTHMA}>`)).toBe(true);
  });

  it('removes the facts the same note wrote under the earlier, patient-less document IRI', async () => {
    // Prepare: patient A's note as a release before this change stored it (document/{hospital}/{id})
    const legacy = legacyNoteIri(HOSPITAL, DOC);
    const earlier = noteFactQuads(
      note(DOC, { entities: [t2dm(0), htn(10), metformin(20)], at: new Date(0) }),
    ).quads.map((q) => {
      const swap = <T extends RdfTerm>(t: T) =>
        t.termType === 'NamedNode' && t.value === noteIri(HOSPITAL, PATIENT, DOC).value
          ? legacy
          : t.termType === 'NamedNode' && t.value.includes('/statement/')
            ? iri(t.value.replace('/statement/', '/statement/legacy-'))
            : t;
      return { ...q, subject: swap(q.subject), object: swap(q.object) };
    });
    await graph.loadNQuads(toNQuads(earlier));
    await curate(OTHER, 'Assessment: asthma. Started albuterol.');
    await deliver(OTHER);
    const before = await statementsOf(legacy.value);

    // Act: patient A's note, edited, comes through kg-update after the upgrade
    await curate(PATIENT, 'Assessment: hypertension.');
    await deliver(PATIENT);

    // Assess
    expect(before).toBe(4);
    expect(await statementsOf(legacy.value)).toBe(0);
    expect(await ask(`<${legacy.value}> ?p ?o`)).toBe(false);
    expect(await factsOf(P)).toEqual([`cg:hasCondition ${HTN}`]);
    expect(await ask(`<${METFORMIN}> <${NS}treats> <${T2DM}>`)).toBe(false);
    expect(await factsOf(PB)).toEqual([
      `cg:hasCondition ${ASTHMA}`,
      `cg:takesMedication ${ALBUTEROL}`,
    ]);
  });
});
