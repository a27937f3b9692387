// Domain (ingest/readers): CSV cell text -> FHIR JSON value per the mapping's field type (CSV-MAPPING.md,
// "Conversions"), with FHIR R4 datatype regexes. Reasons never quote the cell (it may be PHI).
import type { fieldTypes } from '../../synth/fhir/csv-mapping';

export type CsvFieldType = (typeof fieldTypes)[number];
export type CellResult = { value: unknown } | { reason: string };

// FHIR R4 datatypes (hl7.org/fhir/R4/datatypes.html): code, date, dateTime, integer (32-bit).
const codePattern = /^[^\s]+( [^\s]+)*$/;
const decimalPattern = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const integerPattern = /^-?(0|[1-9][0-9]*)$/;
const datePattern = /^([0-9]{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/;
const timePart =
  /^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]{1,9})?(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/;

/**
 * Convert one non-empty cell. `decimal` becomes a JSON number (so trailing zeros such as `5.10` are not
 * kept: FHIR's decimal precision is lost, as in every JSON-number FHIR pipeline). `reference` becomes a
 * logical reference `{ type, identifier: { system, value } }` that the loader resolves later.
 */
export function convertCell(
  text: string,
  type: CsvFieldType,
  reference?: { resourceType: string; identifierSystem: string },
): CellResult {
  switch (type) {
    case 'string':
    case 'uri':
      return { value: text };
    case 'code':
      return codePattern.test(text) ? { value: text } : { reason: 'not a FHIR code' };
    case 'decimal':
      return decimalPattern.test(text) ? { value: Number(text) } : { reason: 'not a decimal' };
    case 'integer':
      return integerPattern.test(text) && Math.abs(Number(text)) <= 2 ** 31 - 1
        ? { value: Number(text) }
        : { reason: 'not a 32-bit integer' };
    case 'boolean':
      return text === 'true' || text === 'false'
        ? { value: text === 'true' }
        : { reason: 'not true or false' };
    case 'date':
      return isFhirDate(text) ? { value: text } : { reason: 'not a FHIR date' };
    case 'dateTime':
      return isFhirDateTime(text) ? { value: text } : { reason: 'not a FHIR dateTime' };
    case 'reference':
      return reference
        ? {
            value: {
              type: reference.resourceType,
              identifier: { system: reference.identifierSystem, value: text },
            },
          }
        : { reason: 'reference field without target' };
  }
}

/** YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar day (no 2023-02-30). */
export function isFhirDate(text: string): boolean {
  const match = datePattern.exec(text);
  if (!match) return false;
  if (match[5] === undefined) return true;
  const [y, m, d] = [Number(match[1]), Number(match[3]), Number(match[5])];
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d); // not Date.UTC, which maps years 0-99 to 1900-1999
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** A FHIR dateTime: a date, or a full date with time to the second and a zone. */
export function isFhirDateTime(text: string): boolean {
  const t = text.indexOf('T');
  if (t === -1) return isFhirDate(text);
  const date = text.slice(0, t);
  return date.length === 10 && isFhirDate(date) && timePart.test(text.slice(t + 1));
}
