// Component: the embedded SPARQL endpoint's persistence (N-Quads snapshot + journal of updates), over
// real HTTP and real files. A second server started on the same data file stands in for a restart
// after a crash: it sees only what the first one put on disk.
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import oxigraph from 'oxigraph';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SparqlResults } from '../shared/ports/graph-store';
import { startSparqlServer, type SparqlServer } from './sparql-server';

const seed = `PREFIX ex: <http://example.org/>
INSERT DATA {
  ex:aspirin ex:label "aspirin"@en , "Aspirin"@de ; ex:treats ex:stroke .
  GRAPH ex:provenance { ex:aspirin ex:source ex:pubmed1 }
}`;
const insertA = 'INSERT DATA { <http://example.org/a> <http://example.org/b> "c" }';
const askA = 'ASK { <http://example.org/a> <http://example.org/b> "c" }';

async function sparql(server: SparqlServer, field: 'query' | 'update', text: string) {
  const res = await fetch(server.sparqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ [field]: text }),
  });
  expect(res.status).toBe(200);
  return field === 'query' ? ((await res.json()) as SparqlResults) : undefined;
}

describe('Component: local SPARQL server persistence', () => {
  let dir: string;
  const open: SparqlServer[] = [];
  const start = async (dataFile: string) => {
    const server = await startSparqlServer({ port: 0, dataFile });
    open.push(server);
    return server;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caregraph-sparql-'));
  });

  afterEach(async () => {
    for (const server of open.splice(0)) await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the graph across a restart and leaves a valid N-Quads file', async () => {
    // Prepare
    const dataFile = join(dir, 'graph', 'graph.nq');
    const first = await startSparqlServer({ port: 0, dataFile });
    await sparql(first, 'update', seed);

    // Act
    await first.close();
    const second = await start(dataFile);
    const body = await sparql(
      second,
      'query',
      'SELECT ?label { <http://example.org/aspirin> <http://example.org/label> ?label }',
    );

    // Assess
    expect(body?.results?.bindings).toHaveLength(2);
    const quads = oxigraph.parse(await readFile(dataFile, 'utf8'), {
      format: 'application/n-quads',
    });
    expect(quads).toHaveLength(4);
    expect(quads.some((quad) => quad.graph.value === 'http://example.org/provenance')).toBe(true);
    expect(await readdir(join(dir, 'graph'))).toEqual(['graph.nq']);
  });

  it('keeps an acknowledged update when the server stops without closing', async () => {
    // Prepare
    const dataFile = join(dir, 'graph.nq');
    const crashed = await start(dataFile);

    // Act
    await sparql(crashed, 'update', insertA);
    const restarted = await start(dataFile);

    // Assess
    expect((await sparql(restarted, 'query', askA))?.boolean).toBe(true);
  });

  it('appends an update to the journal instead of rewriting the snapshot', async () => {
    // Prepare
    const dataFile = join(dir, 'graph.nq');
    const server = await start(dataFile);
    await sparql(server, 'update', seed);
    await server.flush();
    const snapshot = await readFile(dataFile, 'utf8');

    // Act
    await sparql(server, 'update', insertA);

    // Assess
    expect(await readFile(dataFile, 'utf8')).toBe(snapshot);
    const journal = (await readFile(`${dataFile}.journal`, 'utf8')).trim().split('\n');
    expect(journal).toHaveLength(2); // the snapshot it follows, then the update
    expect(JSON.parse(journal[1]!)).toEqual({ update: insertA });
  });

  it('drops a journal line torn by a crash mid-append and keeps the lines before it', async () => {
    // Prepare
    const dataFile = join(dir, 'graph.nq');
    const crashed = await start(dataFile);
    await sparql(crashed, 'update', insertA);
    await appendFile(`${dataFile}.journal`, '{"update":"INSERT DATA { <http://exa');

    // Act
    const restarted = await start(dataFile);

    // Assess
    expect((await sparql(restarted, 'query', askA))?.boolean).toBe(true);
    const size = await sparql(restarted, 'query', 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }');
    expect(size?.results?.bindings[0]?.n?.value).toBe('1');
  });

  it('ignores a journal that follows an earlier snapshot (already folded into this one)', async () => {
    // Prepare
    const dataFile = join(dir, 'graph.nq');
    const id = '00000000-0000-4000-8000-000000000001';
    await writeFile(dataFile, `# caregraph-snapshot ${id}\n`);
    const stale = { snapshot: '00000000-0000-4000-8000-000000000000' };
    await writeFile(
      `${dataFile}.journal`,
      `${JSON.stringify(stale)}\n${JSON.stringify({ update: insertA })}\n`,
    );

    // Act
    const server = await start(dataFile);

    // Assess
    expect((await sparql(server, 'query', askA))?.boolean).toBe(false);
  });
});
