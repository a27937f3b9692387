import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { jsonSyntaxErrorAt, parseJsonLine } from './json-line';

/** Run `act` and return the ValidationError it throws (fails the test if it throws anything else). */
function validationErrorOf(act: () => unknown): ValidationError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}

describe('Function: parseJsonLine', () => {
  it('returns the parsed value of a valid line', () => {
    // Act
    const value = parseJsonLine('{"resourceType":"Patient","id":"p1"}');

    // Assess
    expect(value).toEqual({ resourceType: 'Patient', id: 'p1' });
  });

  it.each([
    ['a truncated line', '{"resourceType":"Patient","name":[{"family":"Okafor'],
    ['a bare word', 'Okafor Ada 1961-04-12'],
    ['an unquoted value', '{"family":Okafor}'],
    ['a trailing comma', '{"family":"Okafor",}'],
    ['a CSV row', 'pat-001,Okafor,Ada,1961-04-12'],
  ])('never echoes the input text in the reason for %s', (_case, line) => {
    // Act
    const error = validationErrorOf(() => parseJsonLine(line));

    // Assess: neither the reason nor a kept cause may carry the (possibly PHI) text.
    expect(error.message).toMatch(/^not valid JSON/);
    expect(error.message).not.toContain('Okafor');
    expect(error.message).not.toContain('1961');
    expect(error.cause).toBeUndefined();
  });

  it('says a line that stops mid-string was truncated', () => {
    // Act
    const error = validationErrorOf(() => parseJsonLine('{"resourceType":"Patient","id":"p1'));

    // Assess
    expect(error.message).toBe('not valid JSON: the line ends before the JSON does (truncated?)');
  });

  it('gives the character position of a syntax error when the parser knows it', () => {
    // Act
    const error = validationErrorOf(() => parseJsonLine('{"a":1,}'));

    // Assess
    expect(error.message).toBe('not valid JSON at character 7');
  });
});

describe('Function: jsonSyntaxErrorAt', () => {
  it.each([
    '{}',
    '[]',
    ' {"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n\\"",{"b":{}}]} ',
    '"s"',
    '0',
    '[[[]]]',
  ])('finds no error in valid JSON %j', (text) => {
    expect(jsonSyntaxErrorAt(text)).toBeUndefined();
  });

  it.each([
    ['{"a":}', 5], // V8: "Unexpected token" with no position
    ['[1,]', 3],
    ['{"a": tru}', 9],
    ['{"a":1,}', 7],
    ['{"a" 1}', 5],
    ['01', 1],
    ['{"a":"\u0001"}', 6],
    ['{"a":"\\q"}', 7],
    ['{a:1}', 1],
    ['[1 2]', 3],
    ['{"a":1}x', 7],
    ['-', 1],
    ['{"a":[1,2}', 9],
  ])('finds where %j stops being JSON', (text, at) => {
    expect(jsonSyntaxErrorAt(text)).toBe(at);
  });

  it.each(['', '   ', '{"a": "x', '{\n  "a": [1,\n', '['])(
    'gives the end of %j, which ends before the JSON does',
    (text) => {
      expect(jsonSyntaxErrorAt(text)).toBe(text.length);
    },
  );

  it('agrees with JSON.parse on what is valid, and on where, when V8 says', () => {
    // Prepare: single-character edits of a Bundle, deterministic.
    const base = JSON.stringify(
      {
        resourceType: 'Bundle',
        entry: [{ resource: { a: [1, { b: 'x"y\\' }], c: null, d: true } }],
      },
      null,
      1,
    );
    const alphabet = '{}[],:"0123456789 tfnrlase\\\n';
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let k = 0; k < 3000; k++) {
      const at = next(base.length);
      const c = alphabet[next(alphabet.length)]!;
      const text = [base.slice(0, at) + base.slice(at + 1), base.slice(0, at) + c + base.slice(at)][
        next(2)
      ]!;
      let v8: number | undefined | 'valid' = 'valid';
      try {
        JSON.parse(text);
      } catch (error) {
        const position = /position (\d+)/.exec((error as Error).message)?.[1];
        v8 = position === undefined ? undefined : Number(position);
      }
      const found = jsonSyntaxErrorAt(text);
      if (v8 === 'valid') expect(found).toBeUndefined();
      else expect(found).toBeDefined();
      // Numbers aside ("1." V8 places after the dot), the positions agree.
      if (typeof v8 === 'number' && !/[\d.eE-]/.test(text[found!] ?? ''))
        expect([text.slice(found! - 5, found! + 5), found]).toEqual([
          text.slice(v8 - 5, v8 + 5),
          v8,
        ]);
    }
  });
});
