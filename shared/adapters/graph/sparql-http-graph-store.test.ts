// Adapter: SparqlHttpGraphStore.loadNQuads against the embedded SPARQL server (oxigraph), checking
// that a loaded file is data only: the INSERT DATA text is written from parsed terms, so no line can
// close the block and run an update operation of its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSparqlServer, type SparqlServer } from '../../../local/sparql-server';
import { ValidationError } from '../../domain/errors';
import { SparqlHttpGraphStore } from './sparql-http-graph-store';

const EX = 'http://example.org/';
const SEEDED = [
  `INSERT DATA {`,
  `GRAPH <https://caregraph.dev/graph/hospital/demo-general> {`,
  `<https://caregraph.dev/patient/demo-general/abcdefgh> <https://caregraph.dev/ns#hasCondition> <http://snomed.info/id/44054006> }`,
  `GRAPH <https://caregraph.dev/graph/seed> { <${EX}a> <${EX}b> <${EX}c> }`,
  `}`,
].join('\n');

describe('Adapter: SparqlHttpGraphStore.loadNQuads', () => {
  let server: SparqlServer;
  let graph: SparqlHttpGraphStore;

  const quadCount = async (): Promise<number> =>
    Number(
      (await graph.query('SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }')).results
        ?.bindings[0]?.n?.value,
    );

  beforeEach(async () => {
    server = await startSparqlServer({ port: 0 });
    graph = new SparqlHttpGraphStore({ endpoint: server.url });
    await graph.update(SEEDED);
  });

  afterEach(async () => {
    await server.close();
  });

  it('rejects a blank-node label that would end INSERT DATA, naming its line, and changes no graph', async () => {
    // Prepare: the "label" closes INSERT DATA and opens a DELETE of every quad of every graph
    const nquads = [
      `<${EX}s> <${EX}p> <${EX}o> <${EX}g> .`,
      `<${EX}s> <${EX}p> _:b}};DELETE{GRAPH?g{?s?p?o}}WHERE{GRAPH?g{?s?p?o <${EX}g> .`,
    ].join('\n');

    // Act
    const loaded = await graph.loadNQuads(nquads).catch((error: unknown) => error);

    // Assess
    expect(loaded).toBeInstanceOf(ValidationError);
    expect((loaded as ValidationError).message).toBe('N-Quads line 2 is not a valid statement');
    expect((loaded as ValidationError).path).toBe('line 2');
    expect(await quadCount()).toBe(2);
  });

  it.each([
    ['an IRI', `<${EX}s> <${EX}p> <${EX}o}};DROP ALL;INSERT DATA{<${EX}x> <${EX}y> <${EX}z> .`],
    ['a literal', `<${EX}s> <${EX}p> "x"}};DROP ALL;INSERT DATA{<${EX}x> <${EX}y> "z" .`],
    ['a language tag', `<${EX}s> <${EX}p> "x"@en}};DROP ALL;INSERT DATA{<${EX}x> <${EX}y> "z" .`],
  ])('rejects a line whose %s carries SPARQL, and changes no graph', async (_case, line) => {
    // Act
    const loaded = await graph.loadNQuads(`${line}\n`).catch((error: unknown) => error);

    // Assess
    expect(loaded).toBeInstanceOf(ValidationError);
    expect((loaded as ValidationError).path).toBe('line 1');
    expect(await quadCount()).toBe(2);
  });

  it('writes escaped literals, UCHAR IRIs and blank nodes exactly as the N-Quads said', async () => {
    // Prepare: a literal holding SPARQL-looking text, escapes, and blank nodes shared across lines
    // and graphs, with labels N-Quads allows but SPARQL does not ("x:y")
    const nquads = [
      `_:x:y <${EX}label> "}} ; DROP ALL ; \\"q\\" \\\\ \\u00e9\\n"@en <${EX}g1> .`,
      `_:x:y <${EX}link> _:n.1 <${EX}g1> .`,
      `_:n.1 <${EX}at> <${EX}caf\\u00E9> <${EX}g2> .`,
    ].join('\n');

    // Act
    const result = await graph.loadNQuads(nquads);

    // Assess
    expect(result).toEqual({ quads: 3 });
    expect(await quadCount()).toBe(5);
    const found = await graph.query(
      `SELECT ?label ?place WHERE { GRAPH <${EX}g1> { ?a <${EX}label> ?label ; <${EX}link> ?b } GRAPH <${EX}g2> { ?b <${EX}at> ?place } }`,
    );
    expect(found.results?.bindings).toEqual([
      {
        label: { type: 'literal', value: '}} ; DROP ALL ; "q" \\ é\n', 'xml:lang': 'en' },
        place: { type: 'uri', value: `${EX}café` },
      },
    ]);
  });

  it('loads an IRI longer than 2,048 characters, after more statements than one request holds', async () => {
    // Prepare: 6,000 statements (two INSERT DATA requests) and then one 3,000-character IRI
    const long = `${EX}${'a'.repeat(3000)}`;
    const lines = Array.from(
      { length: 6000 },
      (_, i) => `<${EX}s${i}> <${EX}p> "${i}" <${EX}g3> .`,
    );
    lines.push(`<${long}> <${EX}p> "long" <${EX}g3> .`);

    // Act
    const result = await graph.loadNQuads(lines.join('\n'));

    // Assess: every statement is there, the long IRI as written
    expect(result).toEqual({ quads: 6001 });
    expect(await quadCount()).toBe(2 + 6001);
    const found = await graph.query(`SELECT ?s WHERE { GRAPH <${EX}g3> { ?s <${EX}p> "long" } }`);
    expect(found.results?.bindings).toEqual([{ s: { type: 'uri', value: long } }]);
  });
});
