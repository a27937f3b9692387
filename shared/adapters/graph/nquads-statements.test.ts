import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors';
import { isBlankNodeLabel, splitNQuads } from './nquads-statements';

const iriTerm = (value: string) => ({ termType: 'NamedNode', value });
const blank = (value: string) => ({ termType: 'BlankNode', value });

describe('Function: splitNQuads', () => {
  it('returns each statement as parsed terms, skipping blank lines and comments', () => {
    // Prepare
    const text = [
      '# header comment',
      '<http://ex/s> <http://ex/p> "a \\"quoted\\" value"@en-GB <http://ex/g> . # trailing comment',
      '',
      '_:b1 <http://ex/p> "7"^^<http://www.w3.org/2001/XMLSchema#integer>.',
      '  <http://ex/s> <http://ex/p> _:b.2 _:g1 .\r',
    ].join('\n');

    // Act
    const statements = splitNQuads(text);

    // Assess
    expect(statements).toEqual([
      {
        subject: iriTerm('http://ex/s'),
        predicate: iriTerm('http://ex/p'),
        object: { termType: 'Literal', value: 'a "quoted" value', language: 'en-GB' },
        graph: iriTerm('http://ex/g'),
      },
      {
        subject: blank('b1'),
        predicate: iriTerm('http://ex/p'),
        object: {
          termType: 'Literal',
          value: '7',
          datatype: 'http://www.w3.org/2001/XMLSchema#integer',
        },
      },
      {
        subject: iriTerm('http://ex/s'),
        predicate: iriTerm('http://ex/p'),
        object: blank('b.2'),
        graph: blank('g1'),
      },
    ]);
  });

  it('decodes ECHAR and UCHAR escapes in literals and UCHAR escapes in IRIs', () => {
    // Act
    const [statement] = splitNQuads(
      '<http://ex/caf\\u00E9> <http://ex/p> "tab\\t nl\\n cr\\r bs\\\\ q\\" apos\\\' \\u00e9 \\U0001F600" .\n',
    );

    // Assess
    expect(statement!.subject).toEqual(iriTerm('http://ex/café'));
    expect(statement!.object).toEqual({
      termType: 'Literal',
      value: 'tab\t nl\n cr\r bs\\ q" apos\' é \u{1F600}',
    });
  });

  it('accepts an IRI of any length (RDF sets no limit; the 2,048 cap is for request input)', () => {
    // Arrange
    const long = `http://ex/${'a'.repeat(3000)}`;
    // Act
    const [statement] = splitNQuads(`<${long}> <http://ex/p> <http://ex/o> .\n`);
    // Assess
    expect(statement!.subject).toEqual(iriTerm(long));
  });

  it('accepts blank-node labels with inner dots, digits first, hyphens, colons and unicode', () => {
    // Act
    const statements = splitNQuads(
      [
        '_:a.b.c <http://ex/p> _:0x .',
        '_:n-1 <http://ex/p> _:x:y .',
        '_:caf\u00e9\u00b7\u203f <http://ex/p> _:\u{10000}z .',
        '_:_u <http://ex/p> _:end.',
      ].join('\n'),
    );

    // Assess
    expect(statements.flatMap((s) => [s.subject.value, s.object.value])).toEqual([
      'a.b.c',
      '0x',
      'n-1',
      'x:y',
      'caf\u00e9\u00b7\u203f',
      '\u{10000}z',
      '_u',
      'end',
    ]);
  });

  it.each([
    ['a literal subject', '"s" <http://ex/p> <http://ex/o> .'],
    ['a missing terminator', '<http://ex/s> <http://ex/p> <http://ex/o>'],
    ['only two terms', '<http://ex/s> <http://ex/p> .'],
    ['five terms', '<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g> <http://ex/x> .'],
    ['an unterminated literal', '<http://ex/s> <http://ex/p> "open .'],
    ['a literal graph name', '<http://ex/s> <http://ex/p> <http://ex/o> "g" .'],
    ['a space inside an IRI', '<http://ex/s> <http://ex/p q> <http://ex/o> .'],
    ['text after the terminator', '<http://ex/s> <http://ex/p> <http://ex/o> . extra'],
    ['a blank-node predicate', '<http://ex/s> _:p <http://ex/o> .'],
    [
      'a label that closes a SPARQL block',
      '<http://example.org/s> <http://example.org/p> _:b}};DELETE{GRAPH?g{?s?p?o}}WHERE{GRAPH?g{?s?p?o <http://example.org/g> .',
    ],
    ['a brace in a label', '<http://ex/s> <http://ex/p> _:b{x .'],
    ['a semicolon in a label', '<http://ex/s> <http://ex/p> _:b;x .'],
    ['a question mark in a label', '<http://ex/s> <http://ex/p> _:b?x .'],
    ['a hash in a label', '<http://ex/s> <http://ex/p> _:b#x <http://ex/g> .'],
    ['an empty label', '<http://ex/s> <http://ex/p> _: .'],
    ['a label starting with a dot', '<http://ex/s> <http://ex/p> _:.b .'],
    ['a label starting with a hyphen', '<http://ex/s> <http://ex/p> _:-b .'],
    ['a label with two trailing dots', '<http://ex/s> <http://ex/p> _:b.. .'],
    ['a brace in an IRI', '<http://ex/s> <http://ex/p{}> <http://ex/o> .'],
    ['a pipe in an IRI', '<http://ex/s> <http://ex/a|b> <http://ex/o> .'],
    ['a caret in an IRI', '<http://ex/s> <http://ex/a^b> <http://ex/o> .'],
    ['a backquote in an IRI', '<http://ex/s> <http://ex/a`b> <http://ex/o> .'],
    ['a raw backslash in an IRI', '<http://ex/s> <http://ex/a\\b> <http://ex/o> .'],
    ['a tab in an IRI', '<http://ex/s> <http://ex/a\tb> <http://ex/o> .'],
    ['a control character in an IRI', '<http://ex/s> <http://ex/a\u0001b> <http://ex/o> .'],
    ['an escaped > in an IRI', '<http://ex/s> <http://ex/a\\u003Eb> <http://ex/o> .'],
    ['a short UCHAR in an IRI', '<http://ex/s> <http://ex/a\\u3Eb> <http://ex/o> .'],
    ['a relative IRI', '<s> <http://ex/p> <http://ex/o> .'],
    ['an unterminated IRI', '<http://ex/s> <http://ex/p> <http://ex/o .'],
    ['an unknown escape in a literal', '<http://ex/s> <http://ex/p> "a\\qb" .'],
    ['a surrogate UCHAR in a literal', '<http://ex/s> <http://ex/p> "\\uD800" .'],
    ['an out-of-range UCHAR in a literal', '<http://ex/s> <http://ex/p> "\\U00110000" .'],
    ['a raw carriage return in a literal', '<http://ex/s> <http://ex/p> "a\rb" .'],
    ['an empty language tag', '<http://ex/s> <http://ex/p> "a"@ .'],
    ['a language tag ending in a hyphen', '<http://ex/s> <http://ex/p> "a"@en- .'],
    ['a datatype that is not an IRI', '<http://ex/s> <http://ex/p> "a"^^xsd:string .'],
    ['a datatype IRI holding a brace', '<http://ex/s> <http://ex/p> "a"^^<http://ex/}> .'],
    ['text glued to a literal', '<http://ex/s> <http://ex/p> "a"}} .'],
  ])('rejects %s with a ValidationError naming the line', (_case, line) => {
    // Act
    const split = () => splitNQuads(`<http://ex/s> <http://ex/p> <http://ex/o> .\n${line}\n`);

    // Assess
    expect(split).toThrow(ValidationError);
    expect(split).toThrow('N-Quads line 2 is not a valid statement');
  });
});

describe('Function: isBlankNodeLabel', () => {
  it.each([
    'b',
    '0',
    '_',
    'a.b',
    'a..b',
    'a-b',
    'a:b',
    ':a',
    'é',
    'a\u00b7',
    'a\u0301',
    '\u{e0000}',
  ])('accepts %j', (label) => {
    expect(isBlankNodeLabel(label)).toBe(true);
  });

  it.each([
    '',
    'b.',
    '.b',
    '-b',
    '\u00b7b',
    'b}',
    'b{',
    'b;',
    'b?',
    'b#',
    'b b',
    'b<',
    'b"',
    '\u00d7',
  ])('rejects %j', (label) => {
    expect(isBlankNodeLabel(label)).toBe(false);
  });
});
