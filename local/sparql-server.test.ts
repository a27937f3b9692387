// Unit-ish: the embedded SPARQL endpoint over real HTTP (port 0), spoken to with plain fetch so the
// wire format itself is what the tests check.
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SparqlResults } from '../shared/ports/graph-store';
import { startSparqlServer, type SparqlServer } from './sparql-server';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const seed = `PREFIX ex: <http://example.org/>
INSERT DATA {
  ex:aspirin ex:label "aspirin"@en , "Aspirin"@de ; ex:doseMg "75"^^<${XSD}integer> ; ex:treats ex:stroke .
  GRAPH ex:provenance { ex:aspirin ex:source ex:pubmed1 }
}`;

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
});

async function sparqlUpdate(server: SparqlServer, update: string): Promise<void> {
  const res = await fetch(server.sparqlUrl, form({ update }));
  expect(res.status).toBe(200);
}

async function sparqlSelect(server: SparqlServer, query: string) {
  const res = await fetch(server.sparqlUrl, form({ query }));
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as SparqlResults,
  };
}

describe('Component: local SPARQL server (Neptune stand-in)', () => {
  let server: SparqlServer;

  beforeEach(async () => {
    server = await startSparqlServer({ port: 0 });
    await sparqlUpdate(server, seed);
  });

  afterEach(async () => {
    await server.close();
  });

  it('returns SELECT bindings in the W3C JSON shape with IRIs, typed and language-tagged literals', async () => {
    // Act
    const { status, type, body } = await sparqlSelect(
      server,
      'PREFIX ex: <http://example.org/> SELECT ?drug ?label ?dose ?missing WHERE { ?drug ex:label ?label ; ex:doseMg ?dose FILTER(lang(?label) = "en") }',
    );

    // Assess
    expect(status).toBe(200);
    expect(type).toContain('application/sparql-results+json');
    expect(body.head.vars).toEqual(['drug', 'label', 'dose', 'missing']);
    expect(body.results?.bindings).toEqual([
      {
        drug: { type: 'uri', value: 'http://example.org/aspirin' },
        label: { type: 'literal', value: 'aspirin', 'xml:lang': 'en' },
        dose: { type: 'literal', value: '75', datatype: `${XSD}integer` },
      },
    ]);
  });

  it('returns blank nodes as bnode terms and plain strings without a datatype', async () => {
    // Prepare
    await sparqlUpdate(server, 'INSERT DATA { _:note <http://example.org/text> "plain" }');

    // Act
    const { body } = await sparqlSelect(
      server,
      'SELECT ?note ?text { ?note <http://example.org/text> ?text }',
    );

    // Assess
    expect(body.results?.bindings).toHaveLength(1);
    expect(body.results?.bindings[0]?.note?.type).toBe('bnode');
    expect(body.results?.bindings[0]?.text).toEqual({ type: 'literal', value: 'plain' });
  });

  it('answers ASK with true or false', async () => {
    // Act
    const yes = await sparqlSelect(server, 'ASK { <http://example.org/aspirin> ?p ?o }');
    const no = await sparqlSelect(server, 'ASK { <http://example.org/warfarin> ?p ?o }');

    // Assess
    expect(yes.body).toEqual({ head: {}, boolean: true });
    expect(no.body).toEqual({ head: {}, boolean: false });
  });

  it('returns CONSTRUCT results as N-Triples', async () => {
    // Act
    const res = await fetch(server.sparqlUrl, {
      ...form({
        query:
          '# graph form\nPREFIX ex: <http://example.org/#x>\nCONSTRUCT { ?s <http://example.org/treats> ?o } WHERE { ?s <http://example.org/treats> ?o }',
      }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/n-triples',
      },
    });

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/n-triples');
    expect((await res.text()).trim()).toBe(
      '<http://example.org/aspirin> <http://example.org/treats> <http://example.org/stroke> .',
    );
  });

  it('honours Accept for other result formats: CSV for SELECT, Turtle for CONSTRUCT', async () => {
    // Act
    const csv = await fetch(server.sparqlUrl, {
      ...form({
        query: 'SELECT ?o { <http://example.org/aspirin> <http://example.org/treats> ?o }',
      }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/csv;q=0.9, application/xml;q=1',
      },
    });
    const turtle = await fetch(server.sparqlUrl, {
      ...form({
        query: 'CONSTRUCT WHERE { <http://example.org/aspirin> <http://example.org/treats> ?o }',
      }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/turtle' },
    });

    // Assess
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toBe('o\r\nhttp://example.org/stroke\r\n');
    expect(turtle.headers.get('content-type')).toContain('text/turtle');
    expect(await turtle.text()).toContain('<http://example.org/stroke>');
  });

  it('accepts a query as a GET parameter and as an application/sparql-query body', async () => {
    // Prepare
    const query =
      'ASK { <http://example.org/aspirin> <http://example.org/treats> <http://example.org/stroke> }';

    // Act
    const byGet = await fetch(`${server.sparqlUrl}?query=${encodeURIComponent(query)}`);
    const byBody = await fetch(server.sparqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/sparql-query' },
      body: query,
    });

    // Assess
    expect(await byGet.json()).toEqual({ head: {}, boolean: true });
    expect(await byBody.json()).toEqual({ head: {}, boolean: true });
  });

  it('applies an application/sparql-update body', async () => {
    // Act
    const res = await fetch(server.sparqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/sparql-update' },
      body: 'DELETE WHERE { <http://example.org/aspirin> <http://example.org/treats> ?o }',
    });

    // Assess
    expect(res.status).toBe(200);
    const { body } = await sparqlSelect(
      server,
      'ASK { <http://example.org/aspirin> <http://example.org/treats> ?o }',
    );
    expect(body.boolean).toBe(false);
  });

  it('matches named-graph triples from the default graph, as Neptune does', async () => {
    // Act
    const { body } = await sparqlSelect(
      server,
      'SELECT ?src { <http://example.org/aspirin> <http://example.org/source> ?src }',
    );

    // Assess
    expect(body.results?.bindings).toEqual([
      { src: { type: 'uri', value: 'http://example.org/pubmed1' } },
    ]);
  });

  it('rejects a malformed query with 400 and a MalformedQueryException body', async () => {
    // Act
    const res = await fetch(server.sparqlUrl, form({ query: 'SELEKT ?s WHERE { ?s ?p ?o }' }));

    // Assess
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; detailedMessage: string; requestId: string };
    expect(body.code).toBe('MalformedQueryException');
    expect(body.detailedMessage).toMatch(/^Malformed query: error at 1:\d+/);
    expect(body.requestId).toEqual(expect.any(String));
  });

  it('answers 405 to a wrong method and 404 to an unknown path', async () => {
    // Act
    const wrongMethod = await fetch(server.sparqlUrl, { method: 'DELETE' });
    const unknownPath = await fetch(`${server.url}/gremlin`);

    // Assess
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
    expect(unknownPath.status).toBe(404);
  });

  it('refuses a body above 64 MiB with 413 before reading it', async () => {
    // Act: announce a 65 MiB body but send none of it
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(server.sparqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/sparql-query', 'content-length': 65 * 1024 * 1024 },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0)).on('error', reject);
      req.flushHeaders();
    });

    // Assess
    expect(status).toBe(413);
  });

  it('reports healthy on /status and refuses /loader when started without S3', async () => {
    // Act
    const health = await fetch(`${server.url}/status`);
    const load = await fetch(`${server.url}/loader`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 's3://bucket/key', format: 'nquads', region: 'us-east-1' }),
    });

    // Assess
    expect(await health.json()).toMatchObject({ status: 'healthy' });
    expect(load.status).toBe(400);
    expect(((await load.json()) as { detailedMessage: string }).detailedMessage).toMatch(
      /s3 option/,
    );
  });

  it('answers 404 for the status of an unknown load', async () => {
    // Act
    const res = await fetch(`${server.url}/loader/00000000-0000-0000-0000-000000000000`);

    // Assess
    expect(res.status).toBe(404);
  });
});
