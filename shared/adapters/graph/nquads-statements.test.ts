import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors';
import { splitNQuads } from './nquads-statements';

describe('Function: splitNQuads', () => {
  it('returns each statement with its graph, skipping blank lines and comments', () => {
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
        triple: '<http://ex/s> <http://ex/p> "a \\"quoted\\" value"@en-GB .',
        graph: '<http://ex/g>',
      },
      { triple: '_:b1 <http://ex/p> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .' },
      { triple: '<http://ex/s> <http://ex/p> _:b.2 .', graph: '_:g1' },
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
  ])('rejects %s with a ValidationError naming the line', (_case, line) => {
    // Act
    const split = () => splitNQuads(`<http://ex/s> <http://ex/p> <http://ex/o> .\n${line}\n`);

    // Assess
    expect(split).toThrow(ValidationError);
    expect(split).toThrow('N-Quads line 2 is not a valid statement');
  });
});
