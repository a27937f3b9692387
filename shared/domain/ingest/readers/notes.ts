// Domain (ingest/readers): a plain-text clinical note plus its sidecar metadata JSON -> one FHIR R4
// DocumentReference carrying the text as a base64 attachment.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../../errors';
import { patientIdForIdentifier, type PatientResolver } from '../logical-references';
import type { FhirJson, SourceRecord } from '../source-record';
import { isFhirDateTime } from './csv-cells';
import { deterministicUuid } from './resource-id';

const fhirId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/);
const identifier = z.strictObject({ system: z.string().min(1), value: z.string().min(1) });
const literal = (type: string) => z.string().regex(new RegExp(`^${type}/[A-Za-z0-9\\-.]{1,64}$`));

/**
 * The sidecar (`note.txt.json`, else `note.json`, beside `note.txt`). Strict: an unknown key is an error,
 * so a typo (`patinet`) fails loudly instead of dropping data.
 * - `patient`: `{ reference: "Patient/{id}" }` or `{ identifier: { system, value } }` (an MRN with its
 *   system; ingest resolves it for the hospital, resolveSidecarPatient: to the Patient sent as FHIR
 *   that claims it, else to the id derived from it).
 * - `date`: FHIR dateTime of the note (`2025-03-02`, or `2025-03-02T14:20:00-05:00`).
 * - `type`: LOINC document type (default 11506-3 Progress note). `encounter`: as `patient`, for an Encounter.
 * - `author`: display name of the author. `id`: the DocumentReference id. `title`: attachment title.
 */
export const noteSidecarSchema = z.strictObject({
  patient: z.union([
    z.strictObject({ reference: literal('Patient') }),
    z.strictObject({ identifier }),
  ]),
  date: z.string().refine(isFhirDateTime, 'not a FHIR dateTime'),
  type: z
    .strictObject({
      code: z.string().regex(/^[0-9]{1,7}-[0-9]$/),
      display: z.string().min(1).optional(),
    })
    .optional(),
  encounter: z
    .union([z.strictObject({ reference: literal('Encounter') }), z.strictObject({ identifier })])
    .optional(),
  author: z.string().min(1).optional(),
  id: fhirId.optional(),
  title: z.string().min(1).optional(),
});
export type NoteSidecar = z.infer<typeof noteSidecarSchema>;

/** LOINC 11506-3 "Progress note". */
export const defaultNoteType = { code: '11506-3', display: 'Progress note' } as const;

/**
 * The sidecar as the reader takes it for `hospital`: a patient named by identifier (`{ identifier:
 * { system, value } }`) becomes the literal reference `{ reference: "Patient/{id}" }` to the patient
 * CSV rows naming the same identifier link to (logical-references.ts patientIdForIdentifier), so the
 * note and that patient's CSV records are one pseudonymous patient. Without it the DocumentReference's
 * subject was a logical reference with no patient id and every such note was quarantined ("must
 * reference a Patient"). Anything else (a reference, a malformed patient, not a sidecar) is returned
 * as is: noteToDocumentReference reports what is wrong with it. This resolution knows no links to
 * Patients sent as FHIR; ingest resolves through them (resolveSidecarPatient).
 */
export function resolvePatientIdentifier(sidecar: unknown, hospital: string): unknown {
  const identifier = sidecarIdentifier(sidecar);
  if (!identifier) return sidecar;
  const id = patientIdForIdentifier(hospital, identifier);
  return { ...(sidecar as object), patient: { reference: `Patient/${id}` } };
}

/**
 * As resolvePatientIdentifier, the identifier resolved by `resolve` (at ingest, through the
 * hospital's links to Patients sent as FHIR, patient-identifiers.ts), with the warning it gave.
 */
export async function resolveSidecarPatient(
  sidecar: unknown,
  resolve: PatientResolver,
): Promise<{ sidecar: unknown; warnings: string[] }> {
  const identifier = sidecarIdentifier(sidecar);
  if (!identifier) return { sidecar, warnings: [] };
  const { id, warning } = await resolve(identifier);
  return {
    sidecar: { ...(sidecar as object), patient: { reference: `Patient/${id}` } },
    warnings: warning ? [warning] : [],
  };
}

/** The identifier a sidecar names its patient by, if it names it so (and well). */
function sidecarIdentifier(sidecar: unknown): { system: string; value: string } | undefined {
  if (typeof sidecar !== 'object' || sidecar === null || Array.isArray(sidecar)) return undefined;
  const named = z
    .strictObject({ identifier })
    .safeParse((sidecar as { patient?: unknown }).patient);
  return named.success ? named.data.identifier : undefined;
}

/** Sidecar file names to look for beside `file`, in order of preference. */
export function noteSidecarCandidates(file: string): string[] {
  const withoutExtension = file.replace(/\.[^./]*$/, '');
  return [`${file}.json`, `${withoutExtension}.json`].filter(
    (name, i, all) => all.indexOf(name) === i && name !== file,
  );
}

/**
 * Build the DocumentReference of one note. `sidecar` is the parsed JSON (undefined when none was found).
 * The attachment holds the UTF-8 bytes base64-encoded, `size` in bytes and `hash` = base64 SHA-1 (FHIR R4
 * Attachment.hash is SHA-1). `date` (an instant in R4) is set only when the sidecar date has a time and
 * zone; the note's dateTime always goes to `context.period.start`. Without a sidecar `id`, the id is
 * derived from the note itself (`noteId`): stable for a re-sent note, new when its text, patient or
 * date changes.
 * Errors name the sidecar field (`sidecar.patient.reference`), never its value.
 */
export function noteToDocumentReference(
  text: string,
  sidecar: unknown,
  file: string,
): SourceRecord {
  if (sidecar === undefined) {
    return noteError(
      text,
      'sidecar',
      `no sidecar metadata (expected ${noteSidecarCandidates(file).join(' or ')})`,
    );
  }
  const parsed = noteSidecarSchema.safeParse(sidecar);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = ['sidecar', ...issue.path.map(String)].join('.');
    return noteError(text, path, `invalid sidecar field ${path} (${issue.code})`);
  }
  if (text.trim() === '') return noteError(text, 'text', 'note text is empty');
  return { line: 1, path: '', resource: documentReference(text, parsed.data, file) };
}

function documentReference(text: string, meta: NoteSidecar, file: string): FhirJson {
  const bytes = Buffer.from(text, 'utf8');
  const sha1 = createHash('sha1').update(bytes).digest();
  const type = meta.type ?? defaultNoteType;
  const hasInstant = meta.date.includes('T');
  return {
    resourceType: 'DocumentReference',
    id: meta.id ?? noteId(file, meta, sha1.toString('hex')),
    status: 'current',
    type: { coding: [{ system: 'http://loinc.org', ...type }] },
    subject: 'reference' in meta.patient ? meta.patient : { type: 'Patient', ...meta.patient },
    ...(hasInstant ? { date: meta.date } : {}),
    ...(meta.author ? { author: [{ display: meta.author }] } : {}),
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          data: bytes.toString('base64'),
          size: bytes.length,
          hash: sha1.toString('base64'),
          title: meta.title ?? type.display ?? 'Clinical note',
        },
      },
    ],
    context: {
      ...(meta.encounter ? { encounter: [encounterReference(meta.encounter)] } : {}),
      period: { start: meta.date },
    },
  };
}

/**
 * The id of a note whose sidecar gives none: UUIDv5 of the file path, the sidecar's patient (its
 * reference, or its identifier's system and value; at ingest a patient named by identifier is
 * already resolved to its reference, resolvePatientIdentifier) and date, and the SHA-1 of the text.
 * Notes are often templated ("No answer, left voicemail") and sent under the same file name in
 * every batch, so the text and path alone would give two patients' notes, or one patient's notes of
 * two days, one id: one DocumentReference would replace the other, and one patient's notes would
 * share one curated note object (keyLayout.note: patient and document). The same note sent again
 * keeps its id. The parts are JSON-encoded, so no value can run into the next.
 */
export function noteId(file: string, meta: Pick<NoteSidecar, 'patient' | 'date'>, sha1Hex: string) {
  const patient =
    'reference' in meta.patient
      ? ['reference', meta.patient.reference]
      : ['identifier', meta.patient.identifier.system, meta.patient.identifier.value];
  return deterministicUuid('note', JSON.stringify([file, patient, meta.date, sha1Hex]));
}

function encounterReference(encounter: NonNullable<NoteSidecar['encounter']>) {
  return 'reference' in encounter ? encounter : { type: 'Encounter', ...encounter };
}

/** The note text travels as `raw`, so the quarantine keeps it. */
function noteError(raw: string, path: string, message: string): SourceRecord {
  return { line: 1, path, raw, error: new ValidationError(message, path) };
}
