// Integration: the knowledge-graph use cases against the embedded SPARQL server (the Neptune stand-in)
// over HTTP, and the bulk path through a real s3rver read back by the server's /loader via the AWS SDK
// Neptune Data API client.
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { s3NQuadsStager } from '../shared/adapters/graph/s3-nquads-stager';
import {
  BULK_LOAD_MIN_BYTES,
  SparqlHttpGraphStore,
} from '../shared/adapters/graph/sparql-http-graph-store';
import type { KgEntity } from '../shared/domain/kg/extraction';
import { hospitalGraph } from '../shared/domain/kg/model';
import { evidencePaths, neighbors, searchConcepts } from '../shared/domain/kg/queries';
import { loadSeedKnowledge } from '../shared/domain/kg/seed/load';
import { toNQuads } from '../shared/domain/kg/statements';
import {
  noteFactQuads,
  recordNoteFacts,
  recordNoteFactsInBulk,
  type NoteFactsInput,
} from '../shared/domain/kg/update';
import { startSparqlServer, type SparqlServer } from '../local/sparql-server';

type S3rverInstance = { run(): Promise<AddressInfo>; close(): Promise<void> };
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: object) => S3rverInstance;
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const bucket = 'caregraph-kg-staging';

const SNOMED = 'http://snomed.info/sct';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const disease = (
  code: string,
  assertion: KgEntity['assertion'] = 'present',
  start = 0,
): KgEntity => ({
  start,
  end: start + 4,
  text: 'dx',
  type: 'Disease',
  code,
  system: SNOMED,
  assertion,
});
const note = (
  hospital: string,
  patient: string,
  document: string,
  entities: KgEntity[],
): NoteFactsInput => ({
  hospital,
  patient,
  document,
  extractor: 'stub@1',
  at: new Date('2025-03-01T12:00:00Z'),
  entities,
  relations: [],
});

async function tripleCount(graph: SparqlHttpGraphStore, graphIri?: string): Promise<number> {
  const where = graphIri ? `GRAPH <${graphIri}> { ?s ?p ?o }` : 'GRAPH ?g { ?s ?p ?o }';
  const r = await graph.query(`SELECT (COUNT(*) AS ?n) WHERE { ${where} }`);
  return Number(r.results?.bindings[0]?.n?.value);
}

describe('Integration: knowledge graph on the local SPARQL server', () => {
  let server: SparqlServer;
  let graph: SparqlHttpGraphStore;

  beforeEach(async () => {
    server = await startSparqlServer({ port: 0 });
    graph = new SparqlHttpGraphStore({ endpoint: server.url });
  });

  afterEach(async () => {
    await server.close();
  });

  it('loads the seed knowledge idempotently: a second load leaves the same triples', async () => {
    // Act
    const first = await loadSeedKnowledge(graph);
    const afterFirst = await tripleCount(graph);
    await loadSeedKnowledge(graph);

    // Assess
    expect(first.statements).toBeGreaterThanOrEqual(300);
    expect(afterFirst).toBe(first.quads);
    expect(await tripleCount(graph)).toBe(afterFirst);
  });

  it('writes the same triples when the same note event is processed twice', async () => {
    // Prepare
    const input = note('north-general', '3fa9c2d41b7e8a90c1d2e3f4a5b6c7d8', 'note-1', [
      disease('44054006'),
      disease('38341003', 'negated', 9),
    ]);
    await recordNoteFacts({ graph }, input);
    const once = await tripleCount(graph);

    // Act
    await recordNoteFacts({ graph }, input);

    // Assess
    expect(once).toBeGreaterThan(0);
    expect(await tripleCount(graph)).toBe(once);
  });

  it('keeps hospitals apart: a query scoped to hospital A never returns hospital B facts', async () => {
    // Prepare
    await recordNoteFacts(
      { graph },
      note('hospital-a', 'aaaaaaaaaaaaaaaa', 'n1', [disease('44054006')]),
    );
    await recordNoteFacts(
      { graph },
      note('hospital-b', 'bbbbbbbbbbbbbbbb', 'n1', [disease('44054006')]),
    );

    // Act
    const scoped = await neighbors(graph, 'snomed', '44054006', {
      graphs: [hospitalGraph('hospital-a')],
    });
    const publicOnly = await neighbors(graph, 'snomed', '44054006');

    // Assess
    expect(scoped.map((edge) => edge.node)).toEqual([
      'https://caregraph.dev/patient/hospital-a/aaaaaaaaaaaaaaaa',
    ]);
    expect(scoped[0]).toMatchObject({
      direction: 'in',
      relation: 'hasCondition',
      documents: ['https://caregraph.dev/document/hospital-a/aaaaaaaaaaaaaaaa/n1'],
    });
    expect(publicOnly).toEqual([]);
  });

  it('lists a drug’s neighbours with their sources, and reaches a disease through any of its codes', async () => {
    // Prepare
    await loadSeedKnowledge(graph);

    // Act
    const clopidogrel = await neighbors(graph, RXNORM, '32968', { limit: 100 });
    const byIcd10 = await neighbors(graph, 'icd10cm', 'E11.9', { limit: 100 });

    // Assess
    expect(clopidogrel).toContainEqual(
      expect.objectContaining({
        direction: 'in',
        relation: 'pgxGeneDrug',
        node: 'https://identifiers.org/hgnc.symbol:CYP2C19',
        label: 'CYP2C19',
        evidenceLevel: 'A',
        sources: ['CPIC guideline for CYP2C19 and clopidogrel, 2022 update'],
      }),
    );
    expect(clopidogrel).toContainEqual(
      expect.objectContaining({ relation: 'treats', label: 'acute coronary syndrome' }),
    );
    expect(byIcd10).toContainEqual(
      expect.objectContaining({
        direction: 'in',
        relation: 'treats',
        system: 'rxnorm',
        code: '6809',
        label: 'metformin',
      }),
    );
  });

  it('ranks an exact or prefix match first and treats hostile search text as text', async () => {
    // Prepare
    await loadSeedKnowledge(graph);
    const before = await tripleCount(graph);

    // Act
    const warfarin = await searchConcepts(graph, 'WARF', 5);
    const hostile = await searchConcepts(graph, '" } ; DROP ALL ; #', 5);

    // Assess
    expect(warfarin[0]).toMatchObject({ label: 'warfarin', system: 'rxnorm', code: '11289' });
    expect(hostile).toEqual([]);
    expect(await tripleCount(graph)).toBe(before);
  });

  it('gathers the evidence paths a recommender weighs for a drug and a disease', async () => {
    // Prepare
    await loadSeedKnowledge(graph);

    // Act
    const paths = await evidencePaths(
      graph,
      { system: 'rxnorm', code: '32968' },
      { system: 'icd10cm', code: 'I24.9' },
    );

    // Assess
    expect(paths.treats).toHaveLength(1);
    expect(paths.treats[0]!.sources[0]).toMatch(/ACC\/AHA/);
    expect(paths.genes.map((g) => g.label)).toContain('CYP2C19');
    expect(paths.adverseEffects.map((e) => e.label)).toContain('bleeding');
    expect(paths.interactions.map((e) => e.label)).toContain('omeprazole');
  });
});

describe('Integration: bulk loading patient facts through S3 and the Neptune loader API', () => {
  let s3Dir: string;
  let s3rver: S3rverInstance;
  let s3: S3Client;
  let s3Endpoint: string;
  let server: SparqlServer;

  beforeAll(async () => {
    s3Dir = await mkdtemp(join(tmpdir(), 'caregraph-kg-s3-'));
    s3rver = new S3rver({ address: '127.0.0.1', port: 0, directory: s3Dir, silent: true });
    s3Endpoint = `http://127.0.0.1:${(await s3rver.run()).port}`;
    s3 = new S3Client({
      endpoint: s3Endpoint,
      region: 'us-east-1',
      credentials,
      forcePathStyle: true,
    });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    server = await startSparqlServer({
      port: 0,
      s3: { endpoint: s3Endpoint, credentials, region: 'us-east-1' },
    });
  });

  afterAll(async () => {
    await server?.close();
    s3?.destroy();
    await s3rver?.close();
    await rm(s3Dir, { recursive: true, force: true });
  });

  it('stages a large batch to S3, bulk-loads it, and converges when the batch is re-run', async () => {
    // Prepare
    const stage = vi.fn(s3NQuadsStager({ client: s3, bucket }));
    const graph = new SparqlHttpGraphStore({
      endpoint: server.url,
      loader: { stage, region: 'us-east-1', pollMs: 20 },
    });
    const notes = Array.from({ length: 400 }, (_, i) =>
      note('bulk-hospital', `patient${String(i).padStart(6, '0')}`, `note-${i}`, [
        disease('44054006'),
        disease('38341003', 'family', 9),
        disease('49436004', 'present', 20),
      ]),
    );
    const text = toNQuads(notes.flatMap((n) => noteFactQuads(n).quads));
    expect(Buffer.byteLength(text)).toBeGreaterThan(BULK_LOAD_MIN_BYTES);

    // Act
    const first = await recordNoteFactsInBulk({ graph }, notes, toNQuads);
    const loaded = await tripleCount(graph, hospitalGraph('bulk-hospital').value);
    await recordNoteFactsInBulk({ graph }, notes, toNQuads);

    // Assess
    expect(stage).toHaveBeenCalledTimes(2);
    expect(first).toMatchObject({ notes: 400, facts: 1200 });
    expect(loaded).toBe(first.quads);
    expect(await tripleCount(graph, hospitalGraph('bulk-hospital').value)).toBe(loaded);
  });
});
