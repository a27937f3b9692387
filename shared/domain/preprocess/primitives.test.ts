import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isFhirCode,
  isFhirDate,
  isFhirDateTime,
  isFhirId,
  isFhirInstant,
  isFhirUri,
} from './primitives';

// The FHIR R4 (v4.0.1) regular expressions of https://hl7.org/fhir/R4/datatypes.html, as the checks
// were first written, with the calendar check they used (Date.UTC, which reads years 0-99 as
// 1900-1999). The hand-tuned checks must agree with them on every string.
const r4 = {
  id: /^[A-Za-z0-9\-.]{1,64}$/,
  date: /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/,
  dateTime:
    /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/,
  instant:
    /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))$/,
  uri: /^\S+$/,
  code: /^[^\s]+( [^\s]+)*$/,
};

function r4Calendar(pattern: RegExp): (value: string) => boolean {
  return (value) => {
    const match = pattern.exec(value);
    if (match === null) return false;
    if (match[3] === undefined) return true;
    const last = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
    return Number(match[3]) <= last;
  };
}

const oracles: [string, (value: unknown) => boolean, (value: string) => boolean][] = [
  ['id', isFhirId, (v) => r4.id.test(v)],
  ['date', isFhirDate, r4Calendar(r4.date)],
  ['dateTime', isFhirDateTime, r4Calendar(r4.dateTime)],
  ['instant', isFhirInstant, r4Calendar(r4.instant)],
  ['uri', isFhirUri, (v) => r4.uri.test(v)],
  ['code', isFhirCode, (v) => r4.code.test(v)],
];

/** Strings near the grammar of dates and times: digits, separators, zones, spaces. */
const dateLike = fc
  .array(fc.constantFrom(...'0123456789-:T.Z+ 0123456789'.split('')), { maxLength: 32 })
  .map((chars) => chars.join(''));
/** Real-looking timestamps with every field drawn from a slightly wider range than valid. */
const timestampLike = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 24 }),
    fc.integer({ min: 0, max: 61 }),
    fc.constantFrom('', 'Z', '+14:00', '+14:01', '-13:59', '+05:30', '-00:00', '+1:00'),
    fc.constantFrom('', '.5', '.', '.123456'),
    fc.integer({ min: 1, max: 5 }),
  )
  .map(([y, mo, d, h, mi, zone, fraction, parts]) => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    const pieces = [pad(y, 4), `-${pad(mo)}`, `-${pad(d)}`, `T${pad(h)}:${pad(mi)}:${pad(mi)}`];
    return pieces.slice(0, Math.min(parts, 4)).join('') + (parts >= 4 ? fraction + zone : '');
  });
/** Identifier- and code-like strings with the whitespace characters `\s` knows. */
const textLike = fc
  .array(
    fc.constantFrom(
      ...'aZ09-._/:'.split(''),
      ' ',
      '\t',
      '\n',
      '\u00a0',
      '\u1680',
      '\u180e',
      '\u2000',
      '\u200a',
      '\u200b',
      '\u2028',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
      'é',
    ),
    { maxLength: 70 },
  )
  .map((chars) => chars.join(''));

describe('Function: FHIR R4 primitive checks', () => {
  it.each(oracles)('agree with the R4 regular expression for %s on any string', (_, check, r4) => {
    // Prepare
    const strings = fc.oneof(dateLike, timestampLike, textLike, fc.string({ maxLength: 80 }));
    // Act and Assess
    fc.assert(
      fc.property(strings, (value) => check(value) === r4(value)),
      { numRuns: 3000 },
    );
  });

  it('agree on every single UTF-16 code unit, whitespace included', () => {
    // Prepare
    const units = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c));
    // Act
    const disagreements = oracles.flatMap(([name, check, r4]) =>
      units.filter((u) => check(`a${u}b`) !== r4(`a${u}b`)).map((u) => `${name} ${u}`),
    );
    // Assess
    expect(disagreements).toEqual([]);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['0004-02-29', true],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-13-01', false],
  ])('accepts only days that exist: %s is %s', (date, valid) => {
    // Act and Assess
    expect([isFhirDate(date), isFhirDateTime(`${date}T10:00:00Z`)]).toEqual([valid, valid]);
  });

  it('rejects a uri with whitespace right after a valid uri of the same length', () => {
    // Prepare: both 16 characters long, so the second meets the first among the recent uris.
    const valid = 'http://loinc.org';
    const spaced = 'http://loinc org';

    // Act and Assess
    expect([isFhirUri(valid), isFhirUri(spaced), isFhirUri(valid)]).toEqual([true, false, true]);
  });

  it('accepts a UUID or 64-character id and rejects a 65-character one or an underscore', () => {
    // Act and Assess
    expect(isFhirId('c4b784b4-5396-8d85-83af-8d420d19826d')).toBe(true);
    expect(isFhirId('a'.repeat(64))).toBe(true);
    expect(isFhirId('a'.repeat(65))).toBe(false);
    expect(isFhirId('ab_c')).toBe(false);
    expect(isFhirId(42)).toBe(false);
  });
});
