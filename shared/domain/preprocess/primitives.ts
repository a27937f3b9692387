// Domain (preprocess): FHIR R4 primitive datatypes (https://hl7.org/fhir/R4/datatypes.html, v4.0.1).
// Hand-written regular expressions and calendar checks: a zod parse per element would cost more than
// the whole per-resource budget (< 30 µs) of the ingest path. The date regexes capture nothing (a
// match array per element is garbage) and the calendar check reads the digits in place.

/**
 * R4 `id`: 1-64 of [A-Za-z0-9-.], checked by table lookup: ids are mostly UUIDs, whose random mix of
 * digits and letters defeats branch prediction in a regex or a chain of comparisons.
 */
const idCharacters = new Uint8Array(128);
for (const range of ['AZ', 'az', '09', '--', '..']) {
  for (let c = range.charCodeAt(0); c <= range.charCodeAt(1); c++) idCharacters[c] = 1;
}
/** R4 `date`: YYYY, YYYY-MM or YYYY-MM-DD (no time, no zone). */
const datePattern = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
/** R4 `dateTime`: a date, or a full date and time WITH a zone (the spec forbids a zone-less time). */
const dateTimePattern =
  /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;
/** R4 `instant`: always a full date, time to the second, and zone. */
const instantPattern =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))$/;
/** R4 `time`: hh:mm:ss with optional fraction, no zone. */
const timePattern = /^(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?$/;
/** R4 `uri`: any string without whitespace (the spec's regex is `\S*`); we also require non-empty. */
const uriPattern = /^\S+$/;
/** R4 `code`: no leading/trailing whitespace, single inner spaces. */
const codePattern = /^[^\s]+( [^\s]+)*$/;
const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** The number written by the digits of `text` from `start` to `end` (the regexes checked them). */
function digitsAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/**
 * True when the day of a date that matched one of the patterns above exists in its month (the
 * regexes accept 2023-02-31). A date has its day at characters 8-9 when it is 10 characters or more.
 */
function isRealDay(date: string): boolean {
  if (date.length < 10) return true;
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 7);
  const day = digitsAt(date, 8, 10);
  if (month !== 2)
    return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  // Gregorian leap years; year 0000 counts as common because the check this replaces went through
  // Date.UTC, which reads years 0-99 as 1900-1999 (only year 0 changes verdict), so no date changes.
  const leap = year !== 0 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (leap ? 29 : 28);
}

export function isFhirId(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || idCharacters[c] === 0) return false;
  }
  return true;
}

export function isFhirDate(value: unknown): boolean {
  return typeof value === 'string' && datePattern.test(value) && isRealDay(value);
}

export function isFhirDateTime(value: unknown): boolean {
  return typeof value === 'string' && dateTimePattern.test(value) && isRealDay(value);
}

export function isFhirInstant(value: unknown): boolean {
  return typeof value === 'string' && instantPattern.test(value) && isRealDay(value);
}

export function isFhirTime(value: unknown): boolean {
  return typeof value === 'string' && timePattern.test(value);
}

/**
 * The last valid uri seen of each length (modulo 64). Code system and unit URIs recur in nearly every
 * record, and comparing a string with the one of its length costs a fraction of running the pattern
 * (about 850 instructions per uri; cachegrind, docs/ingest.md); a miss costs one comparison more. Only the
 * verdict "valid" is remembered, so an invalid uri always meets the pattern.
 */
const recentUris: (string | undefined)[] = new Array<string | undefined>(64).fill(undefined);

export function isFhirUri(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const slot = value.length & 63;
  if (value === recentUris[slot]) return true;
  if (!uriPattern.test(value)) return false;
  // Long values (an attachment url, say) are not kept: they rarely recur and would hold memory.
  if (value.length <= 256) recentUris[slot] = value;
  return true;
}

export function isFhirCode(value: unknown): boolean {
  return typeof value === 'string' && codePattern.test(value);
}

/** R4 `decimal` in JSON is a number; JSON cannot carry NaN or Infinity, but JS callers can. */
export function isFhirDecimal(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

/** R4 `integer`: a signed 32-bit whole number. */
export function isFhirInteger(value: unknown): boolean {
  return (
    Number.isInteger(value) && (value as number) >= -2147483648 && (value as number) <= 2147483647
  );
}

/** R4 `base64Binary` (RFC 4648 section 4; whitespace between groups is tolerated as in the spec). */
export function isFhirBase64(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const compact = /\s/.test(value) ? value.replace(/\s+/g, '') : value;
  return compact.length > 0 && compact.length % 4 === 0 && base64Pattern.test(compact);
}
