// Domain (ingest): turn a detected file into source records. NDJSON streams line by line (memory
// bounded whatever the size); a JSON document (Bundle) is read whole up to the Bundle size limit.
import { ValidationError } from '../errors';
import { jsonSyntaxErrorAt, parseJsonLine } from './json-line';
import { LineStream, type NumberedLine } from './lines';
import type { FhirJson, SourceRecord } from './source-record';
import { maxBundleChars, readBundle } from './readers/bundle';
import { bulkManifestConfiguration, isBulkManifest } from './bulk-manifest';

/** One record per NDJSON line; a line that is itself a Bundle yields its entries (NDJSON of Bundles). */
export async function* ndjsonRecords(
  lines: AsyncIterable<NumberedLine>,
  file: string,
): AsyncGenerator<SourceRecord> {
  for await (const batch of ndjsonRecordBatches(lines, file)) yield* batch;
}

/** Records per batch from the entries of an NDJSON line that is a Bundle. */
const maxBundleBatch = 1024;

/**
 * The records of `ndjsonRecords`, in order, an array at a time: one per chunk of lines read (a Bundle
 * line's entries in arrays of their own), so that the hot loop of ingestion runs synchronously over
 * each array instead of awaiting a promise per record.
 */
export async function* ndjsonRecordBatches(
  lines: AsyncIterable<NumberedLine>,
  file: string,
): AsyncGenerator<SourceRecord[]> {
  for await (const batch of lines instanceof LineStream ? lines.batches() : oneByOne(lines)) {
    let records: SourceRecord[] = [];
    for (const numbered of batch) {
      const record = ndjsonRecord(numbered);
      if (record === undefined) continue;
      if (record.resource?.resourceType !== 'Bundle') {
        records.push(record);
        continue;
      }
      if (records.length > 0) yield records;
      records = [];
      for await (const entry of readBundle(numbered.text, file)) {
        // A rejected entry keeps its own text for the quarantine, not the whole line: a line of n
        // bad entries would otherwise write n copies of itself (quadratic in the line's size). Only
        // an error of the Bundle itself (no entry text) keeps the line.
        records.push({
          ...entry,
          line: numbered.line,
          path: entry.path,
          raw: entry.error ? (entry.raw ?? numbered.text) : undefined,
        });
        if (records.length === maxBundleBatch) {
          yield records;
          records = [];
        }
      }
    }
    if (records.length > 0) yield records;
  }
}

async function* oneByOne(lines: AsyncIterable<NumberedLine>): AsyncGenerator<NumberedLine[]> {
  for await (const line of lines) yield [line];
}

/** The record of one NDJSON line (a Bundle line still to be unpacked), or undefined for a blank line. */
function ndjsonRecord({
  line,
  text,
  oversized,
  invalidUtf8,
}: NumberedLine): SourceRecord | undefined {
  if (oversized) return { line, raw: '', error: new ValidationError('line longer than 16 MiB') };
  if (invalidUtf8) {
    return {
      line,
      raw: text,
      error: new ValidationError('not valid UTF-8 (FHIR NDJSON must be UTF-8)'),
    };
  }
  if (isBlank(text)) return undefined;
  let value: unknown;
  try {
    value = parseJsonLine(text);
  } catch (error) {
    return { line, raw: text, error: error as ValidationError };
  }
  if (!isResourceShaped(value)) {
    return {
      line,
      raw: text,
      error: new ValidationError(
        'not a FHIR resource: expected a JSON object with resourceType',
        'resourceType',
      ),
    };
  }
  return { line, raw: text, resource: value };
}

/** What a whole-file JSON document is: FHIR data (a Bundle) or batch configuration. */
export type JsonDocument =
  | { kind: 'bundle'; records: AsyncGenerator<SourceRecord> }
  | {
      kind: 'configuration';
      what: string;
      /** A Bulk Data completion manifest, parsed (bulk-manifest.ts): its listed files are checked. */
      manifest?: Record<string, unknown>;
    }
  | {
      kind: 'invalid';
      error: ValidationError;
      /** The line of a JSON syntax error (the document is rejected whole). */
      line?: number;
    };

export async function readJsonDocument(
  lines: AsyncIterable<NumberedLine>,
  file: string,
): Promise<JsonDocument> {
  const parts: string[] = [];
  let size = 0;
  let invalidUtf8Line: number | undefined;
  let firstLine: number | undefined;
  for await (const { line, text, invalidUtf8 } of lines) {
    firstLine ??= line;
    if (invalidUtf8) invalidUtf8Line ??= line;
    size += text.length + 1;
    if (size > maxBundleChars)
      return {
        kind: 'invalid',
        error: new ValidationError(
          `${file}: JSON document larger than 512 MiB; send large data as FHIR NDJSON`,
        ),
      };
    parts.push(text);
  }
  // Decoded, the bad bytes would read as U+FFFD in whatever they were: a Bundle stored so would not
  // be the one sent (JSON exchanged between systems is UTF-8: RFC 8259, section 8.1).
  if (invalidUtf8Line !== undefined)
    return {
      kind: 'invalid',
      error: new ValidationError(
        `line ${invalidUtf8Line} is not valid UTF-8 (a JSON document must be UTF-8, RFC 8259 section 8.1)`,
      ),
    };
  const text = parts.join('\n');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return syntaxError(text, firstLine ?? 1);
  }
  if (isResourceShaped(value) && value.resourceType === 'Bundle')
    return { kind: 'bundle', records: readBundle(text, file, { firstLine: firstLine ?? 1 }) };
  if (isBulkManifest(value))
    return { kind: 'configuration', what: bulkManifestConfiguration, manifest: value };
  if (isObject(value) && 'files' in value && 'version' in value)
    return { kind: 'configuration', what: 'CSV column mapping' };
  if (isObject(value) && ('patient' in value || 'subject' in value))
    return { kind: 'configuration', what: 'note sidecar metadata' };
  return {
    kind: 'invalid',
    error: new ValidationError(
      'a JSON document that is neither a FHIR Bundle, a CSV mapping, a note sidecar nor a Bulk Data export manifest',
    ),
  };
}

/**
 * The rejection of a multi-line JSON document that does not parse, at the line and character where
 * it stops being JSON (`text` is the file's lines from `firstLine` joined by LF). Never quotes it.
 */
function syntaxError(text: string, firstLine: number): JsonDocument {
  const at = jsonSyntaxErrorAt(text);
  if (at === undefined)
    return {
      kind: 'invalid',
      error: new ValidationError('not valid JSON (a multi-line document that does not parse)'),
    };
  const { line, character } = lineAndCharacter(text, at, firstLine);
  const reason =
    at >= text.trimEnd().length
      ? `not valid JSON: the document ends at line ${line} before the JSON does (truncated?)`
      : `not valid JSON at line ${line}, character ${character} (a multi-line document that does not parse)`;
  return { kind: 'invalid', error: new ValidationError(reason), line };
}

/** The 1-based line and character of `offset` in `text`, whose first line is line `firstLine`. */
function lineAndCharacter(
  text: string,
  offset: number,
  firstLine: number,
): { line: number; character: number } {
  const end = Math.min(offset, text.trimEnd().length);
  let line = firstLine;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < end; nl = text.indexOf('\n', nl + 1)) {
    line++;
    start = nl + 1;
  }
  return { line, character: end - start + 1 };
}

/** True for an empty or all-whitespace line; a line that starts with a visible character is not. */
function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  return text.length === 0 || ((first <= 32 || first >= 127) && text.trim() === '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isResourceShaped(value: unknown): value is FhirJson {
  return isObject(value) && typeof value.resourceType === 'string';
}
