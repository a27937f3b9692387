import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import {
  decimalLiteral,
  escapeLiteralText,
  iri,
  literal,
  sparql,
  termText,
  variable,
} from './sparql';

const hostile = [
  'x" } ; DROP ALL ; INSERT DATA { <http://e/a> <http://e/b> "y',
  'it\'s "quoted" and \\ back\\slashed',
  'line one\nline two\r\n\ttabbed',
  '} ; DROP ALL #',
  '\\u0022 } ; DROP ALL #',
  '>',
  'nul\u0000 and bell\u0007',
];

describe('Function: sparql (tagged template)', () => {
  it.each(hostile)('keeps hostile text %j a single literal that round-trips exactly', (text) => {
    // Prepare
    const store = new oxigraph.Store();
    store.update('INSERT DATA { <http://e/keep> <http://e/p> "kept" }');

    // Act
    store.update(sparql`INSERT DATA { ${iri('http://e/s')} ${iri('http://e/p')} ${text} }`.text);

    // Assess
    const objects = store.match(oxigraph.namedNode('http://e/s')).map((q) => q.object.value);
    expect(objects).toEqual([text]);
    expect(store.size).toBe(2);
  });

  it('escapes a hostile search term inside a FILTER so the query still parses and matches literally', () => {
    // Prepare
    const store = new oxigraph.Store();
    store.update('INSERT DATA { <http://e/a> <http://e/label> "warfarin" }');
    const query = (q: string) =>
      sparql`SELECT ?s WHERE { ?s ${iri('http://e/label')} ?l FILTER(CONTAINS(?l, ${q})) }`.text;

    // Act
    const injected = store.query(query('") || true || CONTAINS("')) as unknown[];
    const plain = store.query(query('farin')) as unknown[];

    // Assess
    expect(injected).toHaveLength(0);
    expect(plain).toHaveLength(1);
  });

  it('renders numbers as typed literals and arrays as space-separated terms', () => {
    // Act
    const text = sparql`VALUES ?x { ${[iri('http://e/a'), iri('http://e/b')]} } LIMIT ${5} ${0.25}`
      .text;

    // Assess
    expect(text).toBe(
      'VALUES ?x { <http://e/a> <http://e/b> } LIMIT "5"^^<http://www.w3.org/2001/XMLSchema#integer> "0.25"^^<http://www.w3.org/2001/XMLSchema#decimal>',
    );
  });

  it('refuses a value it does not know how to escape', () => {
    // Act
    const build = () => sparql`${{ toString: () => '} DROP ALL' } as never}`;

    // Assess
    expect(build).toThrow(TypeError);
  });
});

describe('Function: iri', () => {
  it.each([
    ['a closing bracket', 'http://e/a> <http://e/b'],
    ['a space', 'http://e/a b'],
    ['a newline', 'http://e/a\n'],
    ['a quote', 'http://e/"a'],
    ['a brace', 'http://e/}'],
    ['no scheme', 'relative/path'],
    ['a backslash', 'http://e/a\\u003E'],
  ])('rejects an IRI with %s', (_case, value) => {
    expect(() => iri(value)).toThrow(ValidationError);
  });

  it('does not echo the rejected value in the error', () => {
    expect(() => iri('http://e/Jane Doe')).toThrow('iri is not a valid absolute IRI');
  });

  it('re-checks an IRI term forged without iri()', () => {
    // Prepare
    const forged = { termType: 'NamedNode', value: 'http://e/a> } ; DROP ALL #' } as const;

    // Act
    const render = () => termText(forged);

    // Assess
    expect(render).toThrow(ValidationError);
  });
});

describe('Function: literal', () => {
  it('writes language tags and datatypes, and refuses a malformed tag', () => {
    expect(termText(literal('asthma', { language: 'en-GB' }))).toBe('"asthma"@en-GB');
    expect(termText(decimalLiteral(0.9))).toBe('"0.9"^^<http://www.w3.org/2001/XMLSchema#decimal>');
    expect(() => literal('x', { language: 'en } ; DROP ALL' })).toThrow(ValidationError);
  });

  it('escapes quotes, backslashes and control characters as N-Triples ECHARs', () => {
    expect(escapeLiteralText('a"b\\c\nd\u0001')).toBe('a\\"b\\\\c\\nd\\u0001');
  });
});

describe('Function: variable', () => {
  it('accepts a plain name and refuses anything that could carry syntax', () => {
    expect(variable('drug').text).toBe('?drug');
    expect(() => variable('x } DROP ALL')).toThrow(ValidationError);
  });
});
