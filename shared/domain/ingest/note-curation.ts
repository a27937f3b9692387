// Domain (ingest): every clinical note is de-identified on the way in, and what is kept of it is
// envelope-encrypted. A DocumentReference's text/plain attachment is decoded, de-identified with the
// patient's surrogates and date shift (shared/domain/deid: the same name becomes the same surrogate
// for this patient), encrypted under the hospital's key (KeyRing envelope: AES-256-GCM data key under
// the master key), and stored as its own curated object; the served DocumentReference keeps no text.
// So a dump of the curated bucket or the serving table alone reveals no note text.
import type { KeyRing } from '../../ports/key-ring';
import { keyLayout } from '../../config/resources';
import { deidentifyText } from '../deid/deidentify';
import { pseudonymousId } from '../serving/resource-projection';
import type { FhirJson } from './source-record';

export interface CuratedNote {
  /** Curated-bucket key of the encrypted, de-identified text. */
  key: string;
  /** The envelope (binary), to be stored at `key`. */
  envelope: Uint8Array;
  /** PHI spans replaced, by category (counts only: no PHI leaves this function). */
  replaced: Record<string, number>;
}

interface Attachment {
  contentType?: string;
  data?: string;
}

/** True for a DocumentReference withdrawn at its source (status entered-in-error). */
export function isEnteredInError(resource: FhirJson): boolean {
  return resource.resourceType === 'DocumentReference' && resource.status === 'entered-in-error';
}

/**
 * The first text/plain attachment of a DocumentReference with inline data, as UTF-8 in Unicode NFC
 * (the vocabulary is NFC: "Sjo\u0308gren" read decomposed matched nothing; normalised here, before
 * de-identification and storage, every offset read from the stored text refers to that text).
 * Undefined for a note entered in error: it is no note of the patient's.
 */
export function noteText(resource: FhirJson): string | undefined {
  if (resource.resourceType !== 'DocumentReference' || isEnteredInError(resource)) return undefined;
  for (const content of (resource.content as { attachment?: Attachment }[] | undefined) ?? []) {
    const a = content.attachment;
    if (a?.data && (a.contentType ?? 'text/plain').startsWith('text/plain'))
      return Buffer.from(a.data, 'base64').toString('utf8').normalize('NFC');
  }
  return undefined;
}

/** Whose note and which: the ids a curated note is derived from and stored under. */
export interface NoteOwner {
  /** The source patient id (the surrogate key derives from it under the hospital's key). */
  patientId: string;
  /** The served (pseudonymous) patient id: the note's object is stored under it. */
  patientPseudonym: string;
  /** The served (pseudonymous) DocumentReference id. */
  documentId: string;
}

/**
 * Curate one note (`owner`: whose and which, NoteOwner). The object is keyed by the pseudonymous
 * patient and document (keyLayout.note), never the source patient id: a sidecar `id` is the
 * hospital's and may name two patients' notes, which under the document alone shared one object and
 * overwrote each other; the same note delivered again still maps to its one object. A note entered
 * in error is stored as empty text, replacing what an earlier delivery stored: nothing of it is kept,
 * and kg-update reads the empty note as withdrawn and removes its facts.
 */
export async function curateNote(
  keys: KeyRing,
  hospital: string,
  resource: FhirJson,
  owner: NoteOwner,
): Promise<CuratedNote | undefined> {
  const { patientId, patientPseudonym, documentId } = owner;
  const key = keyLayout.note(hospital, patientPseudonym, documentId);
  if (isEnteredInError(resource)) {
    const envelope = await keys.encrypt(hospital, new Uint8Array());
    return { key, envelope, replaced: {} };
  }
  const text = noteText(resource);
  if (text === undefined) return undefined;
  const surrogateKey = await pseudonymousId(keys, hospital, 'DeidSurrogateKey', patientId);
  const result = deidentifyText(text, { replacement: 'surrogate', key: surrogateKey });
  const replaced: Record<string, number> = {};
  for (const f of result.phi) replaced[f.category] = (replaced[f.category] ?? 0) + 1;
  const envelope = await keys.encrypt(hospital, new TextEncoder().encode(result.text));
  return { key, envelope, replaced };
}

/** Decrypt a curated note (the kg-update function and authorised readers). */
export async function readCuratedNote(
  keys: KeyRing,
  hospital: string,
  envelope: Uint8Array,
): Promise<string> {
  return new TextDecoder().decode(await keys.decrypt(hospital, envelope));
}
