import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors';
import { parseJsonLine } from './json-line';

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
