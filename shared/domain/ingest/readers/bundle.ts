// Domain (ingest/readers): a FHIR R4 Bundle file -> one source record per entry, with intra-bundle
// references (urn:uuid, urn:oid, absolute fullUrls) rewritten to literal `Type/id` references.
import { ValidationError } from '../../errors';
import type { FhirJson, SourceRecord } from '../source-record';

/**
 * 512 MiB of text. Bundles are parsed whole (JSON.parse): per-patient bundles are kilobytes to a few
 * megabytes; multi-gigabyte data must come as NDJSON, which streams line by line.
 */
export const maxBundleChars = 512 * 1024 * 1024;

export const supportedBundleTypes = [
  'transaction',
  'batch',
  'collection',
  'searchset',
  'document',
  'message',
] as const;

type Entry = {
  fullUrl?: unknown;
  resource?: unknown;
  request?: { method?: unknown; url?: unknown };
  search?: { mode?: unknown };
};

/**
 * Read one Bundle. A non-Bundle, invalid JSON or an unsupported `type` yields one error record at line 0;
 * otherwise entry i yields a record with path `entry[i].resource` and `entry` i, at the line of the
 * file where the entry starts when `firstLine` (the line `text` starts at) is given (a Bundle file),
 * else at line i + 1 (an NDJSON line holding a Bundle: the caller gives its records the line's number).
 *
 * Ids: a resource without `id` takes the id of a PUT `request.url` (`Type/id`), else the uuid of its
 * `urn:uuid:` fullUrl (or the oid of a `urn:oid:` one). In a transaction the server would assign a new id;
 * we keep the client's uuid instead, so a re-sent bundle overwrites rather than duplicates.
 * References equal to any entry's fullUrl become `Type/id`; an unmatched `urn:uuid:`/`urn:oid:` reference
 * fails its entry. Conditional references and request urls (`Patient?identifier=...`), contained (`#x`),
 * relative and external absolute references are kept as they are.
 *
 * @throws ValidationError (on first iteration) when `text` is longer than {@link maxBundleChars}.
 */
export async function* readBundle(
  text: string,
  file: string,
  options: { firstLine?: number } = {},
): AsyncGenerator<SourceRecord> {
  if (text.length > maxBundleChars) {
    throw new ValidationError(
      `${file}: Bundle larger than 512 MiB; send large data as FHIR NDJSON`,
      'file',
    );
  }
  const parsed = parseBundle(text);
  if ('error' in parsed) {
    yield { line: 0, path: parsed.error.path ?? '', error: parsed.error };
    return;
  }
  const { entries, type } = parsed;
  const targets = entryTargets(entries);
  const lines =
    options.firstLine === undefined
      ? undefined
      : entryLines(text, options.firstLine, entries.length);
  for (let i = 0; i < entries.length; i++) {
    yield { ...entryRecord(entries[i], i, type, targets, lines?.[i] ?? i + 1), entry: i };
  }
}

/**
 * The line each element of the root object's `entry` array starts at, in `text` (valid JSON, whose
 * first line is `firstLine`); undefined if they cannot be told apart (never for a Bundle JSON.parse
 * read). One pass over the structure, skipping strings whole: JSON.parse keeps no positions.
 */
function entryLines(text: string, firstLine: number, count: number): number[] | undefined {
  const token = /["{}[\],]/g;
  const space = /[ \t\r\n]*/y;
  let starts: number[] = [];
  let depth = 0;
  let keyDue = false; // the next string at depth 1 is a member name of the root object
  let key: string | undefined;
  let inEntries = false; // inside the root's "entry" array (depth 2)
  const element = (from: number): void => {
    space.lastIndex = from;
    space.exec(text);
    if (text[space.lastIndex] !== ']') starts.push(space.lastIndex);
  };
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const at = match.index;
    const c = text[at];
    if (c === '"') {
      const end = stringEnd(text, at);
      if (end === undefined) return undefined;
      if (depth === 1 && keyDue) {
        key = JSON.parse(text.slice(at, end)) as string;
        keyDue = false;
      }
      token.lastIndex = end;
    } else if (c === '{' || c === '[') {
      depth++;
      if (depth === 1) keyDue = c === '{';
      else if (depth === 2 && c === '[' && key === 'entry') {
        inEntries = true;
        starts = []; // a repeated "entry": JSON.parse keeps the last
        element(at + 1);
      }
    } else if (c === '}' || c === ']') {
      if (depth === 2) inEntries = false;
      depth--;
    } else if (depth === 1) keyDue = true;
    else if (depth === 2 && inEntries) element(at + 1);
  }
  if (starts.length !== count) return undefined;
  const lines: number[] = [];
  let line = firstLine;
  let nl = text.indexOf('\n');
  for (const start of starts) {
    for (; nl !== -1 && nl < start; nl = text.indexOf('\n', nl + 1)) line++;
    lines.push(line);
  }
  return lines;
}

function parseBundle(
  text: string,
): { entries: Entry[]; type: string } | { error: ValidationError } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: new ValidationError('not valid JSON') };
  }
  if (!isObject(json) || json.resourceType !== 'Bundle') {
    return { error: new ValidationError('not a FHIR Bundle (resourceType is not "Bundle")') };
  }
  const type = json.type;
  if (typeof type !== 'string' || !(supportedBundleTypes as readonly string[]).includes(type)) {
    return {
      error: new ValidationError(
        `unsupported Bundle type; expected one of ${supportedBundleTypes.join(', ')}`,
        'type',
      ),
    };
  }
  if (json.entry !== undefined && !Array.isArray(json.entry)) {
    return { error: new ValidationError('Bundle.entry is not an array', 'entry') };
  }
  const entries = ((json.entry as unknown[] | undefined) ?? []).map((e) =>
    isObject(e) ? (e as Entry) : {},
  );
  return { entries, type };
}

interface Targets {
  /** fullUrl -> `Type/id`. */
  byUrl: Map<string, string>;
  /** Entry index -> the id it will carry (given or assigned). */
  ids: Map<number, string>;
  /** Entry index -> index of an earlier entry with the same fullUrl. */
  duplicates: Map<number, number>;
}

function entryTargets(entries: Entry[]): Targets {
  const targets: Targets = { byUrl: new Map(), ids: new Map(), duplicates: new Map() };
  const firstIndex = new Map<string, number>();
  entries.forEach((entry, i) => {
    const resource = entry.resource;
    if (!isResource(resource)) return;
    const fullUrl = typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined;
    const id = resourceId(resource, fullUrl, entry.request?.url);
    if (id !== undefined) targets.ids.set(i, id);
    if (fullUrl === undefined || id === undefined) return;
    const earlier = firstIndex.get(fullUrl);
    if (earlier !== undefined) {
      targets.duplicates.set(i, earlier);
      return;
    }
    firstIndex.set(fullUrl, i);
    targets.byUrl.set(fullUrl, `${resource.resourceType}/${id}`);
  });
  return targets;
}

const fhirId = /^[A-Za-z0-9\-.]{1,64}$/;

function resourceId(
  resource: FhirJson,
  fullUrl?: string,
  requestUrl?: unknown,
): string | undefined {
  if (typeof resource.id === 'string' && resource.id !== '') return resource.id;
  if (typeof requestUrl === 'string') {
    const [type, id, ...rest] = requestUrl.split('?')[0]!.split('/');
    if (type === resource.resourceType && id && rest.length === 0 && !requestUrl.includes('?'))
      return id;
  }
  if (fullUrl === undefined) return undefined;
  const urn = /^urn:(?:uuid|oid):(.+)$/.exec(fullUrl);
  if (urn) return fhirId.test(urn[1]!) ? urn[1] : undefined;
  // Absolute fullUrl: [base]/Type/id (optionally /_history/v).
  const absolute = /\/([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(fullUrl);
  return absolute && absolute[1] === resource.resourceType ? absolute[2] : undefined;
}

/** The offset after the string that opens at `at` (its closing quote is the first not escaped). */
function stringEnd(text: string, at: number): number | undefined {
  for (let quote = text.indexOf('"', at + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return undefined;
}

function entryRecord(
  entry: Entry | undefined,
  i: number,
  bundleType: string,
  targets: Targets,
  line: number,
): SourceRecord {
  const path = `entry[${i}].resource`;
  const resource = entry?.resource;
  if (resource === undefined) {
    const method = typeof entry?.request?.method === 'string' ? ` (${entry.request.method})` : '';
    // The entry's own text, for the quarantine (never the whole Bundle: see record-sources.ts).
    const raw = entry === undefined ? undefined : JSON.stringify(entry);
    return failed(line, `entry[${i}]`, raw, `entry has no resource${method}`);
  }
  const raw = JSON.stringify(resource);
  if (!isResource(resource)) return failed(line, path, raw, 'entry resource has no resourceType');
  if (isOutcomeEntry(entry!, resource, bundleType)) {
    return failed(line, path, raw, 'OperationOutcome entry, not data');
  }
  const duplicate = targets.duplicates.get(i);
  if (duplicate !== undefined) {
    const message = `duplicate fullUrl (same as entry[${duplicate}])`;
    return failed(line, `entry[${i}].fullUrl`, raw, message);
  }
  const unresolved: string[] = [];
  const rewritten = rewriteReferences(resource, targets.byUrl, path, unresolved) as FhirJson;
  if (unresolved[0] !== undefined) {
    return failed(line, unresolved[0], raw, `unresolved reference at ${unresolved[0]}`);
  }
  const id = targets.ids.get(i);
  const withId = rewritten.id === undefined && id !== undefined ? { ...rewritten, id } : rewritten;
  return { line, path, raw, resource: withId };
}

function failed(
  line: number,
  path: string,
  raw: string | undefined,
  message: string,
): SourceRecord {
  const record: SourceRecord = { line, path, error: new ValidationError(message, path) };
  if (raw !== undefined) record.raw = raw;
  return record;
}

function isOutcomeEntry(entry: Entry, resource: FhirJson, bundleType: string): boolean {
  if (bundleType !== 'searchset') return false;
  return entry.search?.mode === 'outcome' || resource.resourceType === 'OperationOutcome';
}

/** A copy of `value` with every matching `reference` string rewritten; unmatched urn references are collected. */
function rewriteReferences(
  value: unknown,
  byUrl: Map<string, string>,
  path: string,
  unresolved: string[],
): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => rewriteReferences(item, byUrl, `${path}[${i}]`, unresolved));
  }
  if (!isObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    if (key === 'reference' && typeof child === 'string') {
      const target = byUrl.get(child);
      if (target === undefined && /^urn:(uuid|oid):/.test(child)) unresolved.push(childPath);
      copy[key] = target ?? child;
    } else {
      copy[key] = rewriteReferences(child, byUrl, childPath, unresolved);
    }
  }
  return copy;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isResource(value: unknown): value is FhirJson {
  return isObject(value) && typeof value.resourceType === 'string' && value.resourceType !== '';
}
