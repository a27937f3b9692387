// Domain (preprocess): FHIR R4 primitive datatypes (https://hl7.org/fhir/R4/datatypes.html, v4.0.1).
// Hand-written regular expressions and calendar checks: a zod parse per element would cost more than
// the whole per-resource budget (< 30 µs) of the ingest path.

/** R4 `id`: 1-64 of [A-Za-z0-9-.]. */
const idPattern = /^[A-Za-z0-9\-.]{1,64}$/;
/** R4 `date`: YYYY, YYYY-MM or YYYY-MM-DD (no time, no zone). */
const datePattern = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
/** R4 `dateTime`: a date, or a full date and time WITH a zone (the spec forbids a zone-less time). */
const dateTimePattern =
  /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;
/** R4 `instant`: always a full date, time to the second, and zone. */
const instantPattern =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00))$/;
/** R4 `time`: hh:mm:ss with optional fraction, no zone. */
const timePattern = /^(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?$/;
/** R4 `uri`: any string without whitespace (the spec's regex is `\S*`); we also require non-empty. */
const uriPattern = /^\S+$/;
/** R4 `code`: no leading/trailing whitespace, single inner spaces. */
const codePattern = /^[^\s]+( [^\s]+)*$/;
const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** True when a date's day exists in its month (the regexes accept 2023-02-31). */
function isRealDay(match: RegExpExecArray): boolean {
  const day = match[3];
  if (day === undefined) return true;
  const year = Number(match[1]);
  const month = Number(match[2]);
  // Day 0 of the next month is the last day of this one; Date.UTC handles leap years.
  return Number(day) <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isFhirId(value: unknown): boolean {
  return typeof value === 'string' && idPattern.test(value);
}

export function isFhirDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = datePattern.exec(value);
  return match !== null && isRealDay(match);
}

export function isFhirDateTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = dateTimePattern.exec(value);
  return match !== null && isRealDay(match);
}

export function isFhirInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = instantPattern.exec(value);
  return match !== null && isRealDay(match);
}

export function isFhirTime(value: unknown): boolean {
  return typeof value === 'string' && timePattern.test(value);
}

export function isFhirUri(value: unknown): boolean {
  return typeof value === 'string' && uriPattern.test(value);
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
