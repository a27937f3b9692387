// Integration: SparqlHttpGraphStore against the embedded SPARQL server, and its bulk-loader path
// through a real s3rver read back by the server's /loader with the real S3 client.
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { neptuneSigner } from '../shared/adapters/graph/neptune-sigv4';
import { s3NQuadsStager } from '../shared/adapters/graph/s3-nquads-stager';
import {
  BULK_LOAD_MIN_BYTES,
  SparqlHttpGraphStore,
} from '../shared/adapters/graph/sparql-http-graph-store';
import { DependencyError, ValidationError } from '../shared/domain/errors';
import { startSparqlServer, type SparqlServer } from '../local/sparql-server';

// s3rver ships no type declarations; this is the part of its API the tests use.
type S3rverInstance = { run(): Promise<AddressInfo>; close(): Promise<void> };
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: object) => S3rverInstance;

const EX = 'http://example.org/';
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const bucket = 'caregraph-graph-staging';

/** N-Quads of `count` drug statements in graph `graph`, about 110 bytes each. */
function drugQuads(count: number, graph: string): string {
  let text = '';
  for (let i = 0; i < count; i += 1)
    text += `<${EX}drug/${i}> <${EX}label> "drug number ${i}"@en <${graph}> .\n`;
  return text;
}

async function countIn(graph: SparqlHttpGraphStore, graphIri: string): Promise<number> {
  const results = await graph.query(
    `SELECT (COUNT(*) AS ?n) WHERE { GRAPH <${graphIri}> { ?s ?p ?o } }`,
  );
  return Number(results.results?.bindings[0]?.n?.value);
}

describe('Adapter: SparqlHttpGraphStore against the local SPARQL server', () => {
  let server: SparqlServer;
  let graph: SparqlHttpGraphStore;

  beforeEach(async () => {
    server = await startSparqlServer({ port: 0 });
    graph = new SparqlHttpGraphStore({ endpoint: server.url });
  });

  afterEach(async () => {
    await server.close();
  });

  it('reads back with SELECT and CONSTRUCT what an update wrote', async () => {
    // Prepare
    await graph.update(
      `INSERT DATA { <${EX}clopidogrel> <${EX}interactsWith> <${EX}CYP2C19> ; <${EX}label> "clopidogrel"@en }`,
    );

    // Act
    const selected = await graph.query(
      `SELECT ?gene WHERE { <${EX}clopidogrel> <${EX}interactsWith> ?gene }`,
    );
    const constructed = await graph.construct(
      `CONSTRUCT WHERE { <${EX}clopidogrel> <${EX}label> ?label }`,
    );

    // Assess
    expect(selected).toEqual({
      head: { vars: ['gene'] },
      results: { bindings: [{ gene: { type: 'uri', value: `${EX}CYP2C19` } }] },
    });
    expect(constructed.trim()).toBe(`<${EX}clopidogrel> <${EX}label> "clopidogrel"@en .`);
  });

  it('loads a small batch with INSERT DATA into its named and default graphs without staging it', async () => {
    // Prepare
    const stage = vi.fn(async () => 's3://unused/key');
    graph = new SparqlHttpGraphStore({
      endpoint: server.url,
      loader: { stage, region: 'us-east-1' },
    });
    const nquads = [
      `# two graphs and the default graph`,
      `<${EX}p1> <${EX}hasCondition> <${EX}af> <${EX}graph/notes> .`,
      `<${EX}p1> <${EX}takes> <${EX}warfarin> <${EX}graph/meds> .`,
      '',
      `<${EX}warfarin> <${EX}label> "warfarin \\"coumadin\\""^^<http://www.w3.org/2001/XMLSchema#string> .`,
    ].join('\n');

    // Act
    const result = await graph.loadNQuads(nquads);

    // Assess
    expect(result).toEqual({ quads: 3 });
    expect(stage).not.toHaveBeenCalled();
    expect(await countIn(graph, `${EX}graph/notes`)).toBe(1);
    expect(await countIn(graph, `${EX}graph/meds`)).toBe(1);
    const label = await graph.query(`SELECT ?l WHERE { <${EX}warfarin> <${EX}label> ?l }`);
    expect(label.results?.bindings[0]?.l?.value).toBe('warfarin "coumadin"');
  });

  it('splits a batch above 5000 statements into several INSERT DATA requests', async () => {
    // Prepare: the signing hook sees every request the adapter sends
    const bodies: string[] = [];
    graph = new SparqlHttpGraphStore({
      endpoint: server.url,
      sign: async (request) => (bodies.push(request.body ?? ''), request),
    });

    // Act
    const result = await graph.loadNQuads(drugQuads(12_000, `${EX}graph/catalogue`));

    // Assess
    expect(result).toEqual({ quads: 12_000 });
    expect(bodies).toHaveLength(3);
    expect(
      bodies.every((body) => new URLSearchParams(body).get('update')?.startsWith('INSERT DATA')),
    ).toBe(true);
    expect(await countIn(graph, `${EX}graph/catalogue`)).toBe(12_000);
  });

  it('still round-trips when every request carries SigV4 headers for Neptune IAM auth', async () => {
    // Prepare
    const signed = new SparqlHttpGraphStore({
      endpoint: server.url,
      sign: neptuneSigner({
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKID', secretAccessKey: 'SECRET' },
      }),
    });

    // Act
    await signed.update(`INSERT DATA { <${EX}a> <${EX}b> "signed" }`);
    const results = await signed.query(`SELECT ?o WHERE { <${EX}a> <${EX}b> ?o }`);

    // Assess
    expect(results.results?.bindings).toEqual([{ o: { type: 'literal', value: 'signed' } }]);
  });

  it('turns a malformed query (HTTP 400) into a ValidationError', async () => {
    // Act
    const failure = graph.query('SELECT ?s WHERE { ?s ?p ');

    // Assess
    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    await expect(failure).rejects.toThrow(/MalformedQueryException/);
  });

  it('turns a malformed N-Quads line into a ValidationError naming the line, before writing', async () => {
    // Act
    const failure = graph.loadNQuads(
      `<${EX}a> <${EX}b> <${EX}c> .\n<${EX}a> "not a predicate" <${EX}c> .\n`,
    );

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'ValidationError', path: 'line 2' });
    expect((await graph.query(`ASK { <${EX}a> ?p ?o }`)).boolean).toBe(false);
  });

  it('turns an unreachable endpoint into a DependencyError', async () => {
    // Prepare: a port that was free a moment ago
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const unreachable = new SparqlHttpGraphStore({ endpoint: `http://127.0.0.1:${port}` });

    // Act
    const failure = unreachable.update(`INSERT DATA { <${EX}a> <${EX}b> <${EX}c> }`);

    // Assess
    await expect(failure).rejects.toBeInstanceOf(DependencyError);
  });
});

describe('Adapter: SparqlHttpGraphStore bulk loading through S3 and the /loader endpoint', () => {
  let s3Dir: string;
  let s3rver: S3rverInstance;
  let s3: S3Client;
  let server: SparqlServer;
  let s3Endpoint: string;

  beforeAll(async () => {
    s3Dir = await mkdtemp(join(tmpdir(), 'caregraph-s3rver-'));
    s3rver = new S3rver({ address: '127.0.0.1', port: 0, directory: s3Dir, silent: true });
    s3Endpoint = `http://127.0.0.1:${(await s3rver.run()).port}`;
    s3 = new S3Client({
      endpoint: s3Endpoint,
      region: 'us-east-1',
      credentials,
      forcePathStyle: true,
    });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  afterAll(async () => {
    s3?.destroy();
    await s3rver?.close();
    await rm(s3Dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    server = await startSparqlServer({
      port: 0,
      s3: { endpoint: s3Endpoint, credentials, region: 'us-east-1' },
    });
  });

  afterEach(async () => {
    await server.close();
  });

  it('stages a batch above 1 MiB in S3 and loads it with the bulk loader', async () => {
    // Prepare
    const nquads = drugQuads(12_000, `${EX}graph/bulk`);
    expect(Buffer.byteLength(nquads)).toBeGreaterThan(BULK_LOAD_MIN_BYTES);
    const stage = vi.fn(s3NQuadsStager({ client: s3, bucket }));
    const graph = new SparqlHttpGraphStore({
      endpoint: server.url,
      loader: { stage, region: 'us-east-1', pollMs: 20 },
    });

    // Act
    const result = await graph.loadNQuads(nquads);

    // Assess
    expect(result).toEqual({ quads: 12_000 });
    expect(stage).toHaveBeenCalledTimes(1);
    const staged = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: 'graph-staging/' }),
    );
    expect(staged.Contents?.map((object) => object.Key)).toContainEqual(
      expect.stringMatching(/^graph-staging\/[0-9a-f]{64}\.nq$/),
    );
    expect(await countIn(graph, `${EX}graph/bulk`)).toBe(12_000);
  });

  it('fails with a DependencyError naming LOAD_FAILED when the staged file does not parse', async () => {
    // Prepare: the staged object is corrupt, as if truncated in transit
    const stage = async () => {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: 'graph-staging/corrupt.nq',
          Body: '<a> <b> .\n',
        }),
      );
      return `s3://${bucket}/graph-staging/corrupt.nq`;
    };
    const graph = new SparqlHttpGraphStore({
      endpoint: server.url,
      loader: { stage, region: 'us-east-1', pollMs: 20 },
    });

    // Act
    const failure = graph.loadNQuads(drugQuads(12_000, `${EX}graph/corrupt`));

    // Assess
    await expect(failure).rejects.toBeInstanceOf(DependencyError);
    await expect(failure).rejects.toThrow(/LOAD_FAILED/);
    expect(await countIn(graph, `${EX}graph/corrupt`)).toBe(0);
  });

  it('fails with a DependencyError when the loader cannot find the staged source', async () => {
    // Prepare
    const graph = new SparqlHttpGraphStore({
      endpoint: server.url,
      loader: {
        stage: async () => `s3://${bucket}/graph-staging/never-written`,
        region: 'us-east-1',
        pollMs: 20,
      },
    });

    // Act
    const failure = graph.loadNQuads(drugQuads(12_000, `${EX}graph/missing`));

    // Assess
    await expect(failure).rejects.toThrow(/LOAD_S3_READ_ERROR/);
  });
});
