// Edge: reading the documents an event points at: the curated note's text (a FHIR DocumentReference
// of the event's patient in the curated NDJSON) and a literature abstract (JSON, or MEDLINE/PubMed
// text).
import { ValidationError } from '../../shared/domain/errors';
import type { FhirJson } from '../../shared/domain/ingest/source-record';
import { patientOf } from '../../shared/domain/serving/resource-projection';
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
  subject?: unknown;
};

/**
 * The note of DocumentReference `document` of patient `patient` (the event's pseudonymous id) in a
 * curated object: NDJSON of de-identified resources (the one with that id, else the only
 * DocumentReference), its first attachment's base64 `data` as UTF-8, and the year of its `date` (else
 * of `content[0].attachment.creation`). A DocumentReference whose status is entered-in-error is
 * withdrawn (no text).
 *
 * The key of a curated object names no patient (one object holds a source file's resources, of many
 * patients), so the note's own `subject` says whose it is: a DocumentReference whose subject is not
 * `Patient/{patient}` (another patient's, or none) is refused naming `subject.reference`, and of two
 * under one document id the patient's own is read. A body that is not NDJSON of JSON objects names no
 * patient and is refused too (ingest never writes plain text under curated/).
 */
export function curatedNote(body: string, document: string, patient: string): NoteDocument {
  const lines = body.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new ValidationError('the curated note object is empty', 'key');
  const resources: CuratedResource[] = [];
  for (const line of lines) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    // Plain text, or "null", "42": JSON but no resource. Neither says whose note it is.
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new ValidationError(
        "the curated note object is not NDJSON of FHIR resources, so it names no patient: the event's patient cannot be checked",
        'key',
      );
    resources.push(parsed as CuratedResource);
  }
  const notes = resources.filter((r) => r.resourceType === 'DocumentReference');
  const withId = notes.filter((r) => r.id === document);
  const candidates = withId.length > 0 ? withId : notes.length === 1 ? notes : [];
  if (candidates.length === 0)
    throw new ValidationError("no DocumentReference with the event's document id", 'document');
  // The projected subject is `Patient/{pseudonym}`, the id the event names (ingest: patientOf).
  const note = candidates.find((r) => patientOf(r as FhirJson) === patient);
  if (!note)
    throw new ValidationError(
      "the DocumentReference's subject is not the event's patient (detail.patient)",
      'subject.reference',
    );
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
