// Edge: reading the documents an event points at: the curated note's text (a FHIR DocumentReference
// in the curated NDJSON, or plain text) and a literature abstract (JSON, or MEDLINE/PubMed text).
import { ValidationError } from '../../shared/domain/errors';
import { yearOfFhirDate } from '../../shared/domain/nlp/note-year';
import { literatureJsonSchema } from './events';

/** A curated note: its text, and the year it was written when the DocumentReference says. */
export interface NoteDocument {
  text: string;
  year?: number;
  /**
   * The note was withdrawn at its source (DocumentReference.status entered-in-error): what it wrote
   * to the graph is to be removed, and nothing read from it.
   */
  withdrawn?: boolean;
}

type CuratedResource = {
  resourceType?: unknown;
  id?: unknown;
  status?: unknown;
  date?: unknown;
  content?: unknown;
};

/**
 * The note of DocumentReference `document` in a curated object: NDJSON of resources (the one with
 * that id, else the only DocumentReference), its first attachment's base64 `data` as UTF-8, and the
 * year of its `date` (else of `content[0].attachment.creation`). A DocumentReference whose status is
 * entered-in-error is withdrawn (no text). A body that is not NDJSON of JSON objects is taken as the
 * note's plain text, of unknown date.
 */
export function curatedNote(body: string, document: string): NoteDocument {
  const lines = body.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new ValidationError('the curated note object is empty', 'key');
  const resources: CuratedResource[] = [];
  for (const line of lines) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return { text: body };
    }
    // "null", "42": JSON, but no resource; the body is a plain-text note.
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return { text: body };
    resources.push(parsed as CuratedResource);
  }
  const notes = resources.filter((r) => r.resourceType === 'DocumentReference');
  const note = notes.find((r) => r.id === document) ?? (notes.length === 1 ? notes[0] : undefined);
  if (!note)
    throw new ValidationError("no DocumentReference with the event's document id", 'document');
  if (note.status === 'entered-in-error') return { text: '', withdrawn: true };
  const attachment = (
    note.content as { attachment?: { data?: unknown; creation?: unknown } }[] | undefined
  )?.[0]?.attachment;
  const data = attachment?.data;
  if (typeof data !== 'string')
    throw new ValidationError(
      'the DocumentReference has no attachment data',
      'content[0].attachment.data',
    );
  const text = Buffer.from(data, 'base64').toString('utf8');
  const year = yearOfFhirDate(note.date) ?? yearOfFhirDate(attachment?.creation);
  return year === undefined ? { text } : { text, year };
}

export interface LiteratureDocument {
  document: string;
  title: string;
  abstract: string;
}

/**
 * Parses a literature upload at `key` (`literature/{name}.json` or MEDLINE text with `PMID-`, `TI  -`,
 * `AB  -` fields). The document id is the PMID when given, else the file name without extension.
 */
export function parseLiterature(body: string, key: string): LiteratureDocument {
  const fallbackId = (key.split('/').pop() ?? '').replace(/\.[A-Za-z]+$/, '');
  if (body.trimStart().startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new ValidationError('literature JSON does not parse', 'body');
    }
    const parsed = literatureJsonSchema.safeParse(json);
    if (!parsed.success)
      throw new ValidationError(
        'literature JSON is invalid',
        parsed.error.issues[0]?.path.join('.'),
      );
    const { pmid, id, title, abstract } = parsed.data;
    return { document: pmid !== undefined ? String(pmid) : (id ?? fallbackId), title, abstract };
  }
  const fields = medlineFields(body);
  const title = fields.get('TI');
  if (!title) throw new ValidationError('literature text has no title (TI  - field)', 'TI');
  return { document: fields.get('PMID') ?? fallbackId, title, abstract: fields.get('AB') ?? '' };
}

/** MEDLINE display format: a 4-character tag, "- ", and continuation lines indented 6 spaces. */
function medlineFields(body: string): Map<string, string> {
  const fields = new Map<string, string>();
  let tag: string | undefined;
  for (const line of body.split(/\r?\n/)) {
    const start = /^([A-Z]{2,4})\s*- (.*)$/.exec(line);
    if (start) {
      tag = start[1]!;
      if (!fields.has(tag)) fields.set(tag, start[2]!.trim());
      else tag = undefined;
    } else if (tag && /^\s{6}\S/.test(line)) {
      fields.set(tag, `${fields.get(tag)} ${line.trim()}`);
    }
  }
  return fields;
}
