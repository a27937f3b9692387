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

/**
 * Curate one note: `patientId` is the source patient id (the surrogate key derives from it under the
 * hospital's key, as in structured de-identification), `documentId` the served (pseudonymous) id. A
 * note entered in error is stored as empty text, replacing what an earlier delivery stored: nothing
 * of it is kept, and kg-update reads the empty note as withdrawn and removes its facts.
 */
export async function curateNote(
  keys: KeyRing,
  hospital: string,
  resource: FhirJson,
  patientId: string,
  documentId: string,
): Promise<CuratedNote | undefined> {
  if (isEnteredInError(resource)) {
    const envelope = await keys.encrypt(hospital, new Uint8Array());
    return { key: keyLayout.note(hospital, documentId), envelope, replaced: {} };
  }
  const text = noteText(resource);
  if (text === undefined) return undefined;
  const surrogateKey = await pseudonymousId(keys, hospital, 'DeidSurrogateKey', patientId);
  const result = deidentifyText(text, { replacement: 'surrogate', key: surrogateKey });
  const replaced: Record<string, number> = {};
  for (const f of result.phi) replaced[f.category] = (replaced[f.category] ?? 0) + 1;
  const envelope = await keys.encrypt(hospital, new TextEncoder().encode(result.text));
  return { key: keyLayout.note(hospital, documentId), envelope, replaced };
}

/** Decrypt a curated note (the kg-update function and authorised readers). */
export async function readCuratedNote(
  keys: KeyRing,
  hospital: string,
  envelope: Uint8Array,
): Promise<string> {
  return new TextDecoder().decode(await keys.decrypt(hospital, envelope));
}
