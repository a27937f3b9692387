// Domain (ingest): files that other files of the same batch need: mapping.json for CSV extracts, and a
// sidecar metadata JSON for each plain-text note. The CLI uploads JSON files before data files.
import type { ObjectStore } from '../../ports/object-store';
import { keyLayout } from '../../config/resources';
import { ValidationError } from '../errors';
import { csvMappingSchema, type CsvMapping } from '../synth/fhir/csv-mapping';
import { noteSidecarCandidates, resolvePatientIdentifier } from './readers/notes';
import type { RawObjectKey } from './raw-key';

function sibling(where: RawObjectKey, name: string): string {
  const dir = where.file.includes('/') ? where.file.slice(0, where.file.lastIndexOf('/') + 1) : '';
  return keyLayout.raw(where.hospital, where.batch, `${dir}${name}`);
}

/** The batch's CSV mapping (mapping.json beside the file); a missing or invalid one rejects the file. */
export async function batchCsvMapping(
  objects: ObjectStore,
  where: RawObjectKey,
): Promise<CsvMapping> {
  const text = await objects.getText('raw', sibling(where, 'mapping.json'));
  if (text === undefined) {
    throw new ValidationError(
      'a CSV extract needs mapping.json in the same batch folder (upload it first)',
      'mapping.json',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ValidationError('mapping.json is not valid JSON', 'mapping.json');
  }
  const parsed = csvMappingSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(
      `mapping.json: ${issue.path.join('.')}: ${issue.message}`,
      `mapping.json:${issue.path.join('.')}`,
    );
  }
  return parsed.data;
}

/**
 * The note's sidecar metadata (note.txt.json, else note.json), parsed; undefined when absent. A
 * patient named by identifier comes resolved to its reference for the hospital
 * (readers/notes.ts resolvePatientIdentifier), as CSV rows naming it are, without the links to
 * Patients sent as FHIR (ingest resolves those: noteSidecarMetadata and resolveSidecarPatient).
 */
export async function noteSidecar(objects: ObjectStore, where: RawObjectKey): Promise<unknown> {
  return resolvePatientIdentifier(await noteSidecarMetadata(objects, where), where.hospital);
}

/** The note's sidecar metadata as sent (parsed JSON), undefined when absent. */
export async function noteSidecarMetadata(
  objects: ObjectStore,
  where: RawObjectKey,
): Promise<unknown> {
  for (const candidate of noteSidecarCandidates(baseName(where.file))) {
    const text = await objects.getText('raw', sibling(where, candidate));
    if (text === undefined) continue;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ValidationError(`${candidate} is not valid JSON`, candidate);
    }
  }
  return undefined;
}

/**
 * True when the batch's mapping.json (beside the file) has an entry for this file's name: the
 * hospital declared it a CSV extract, so it is read as one whatever its header looks like. A
 * missing or unreadable mapping names no file (reading the file as CSV reports what is wrong with it).
 */
export async function mappingNamesFile(
  objects: ObjectStore,
  where: RawObjectKey,
): Promise<boolean> {
  const text = await objects.getText('raw', sibling(where, 'mapping.json'));
  if (text === undefined) return false;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  const files = isObject(value) ? value.files : undefined;
  return isObject(files) && Object.hasOwn(files, baseName(where.file));
}

/**
 * True when the file has note sidecar metadata beside it (note.txt.json or note.json: a JSON object
 * naming a patient): a note whose first line happens to look like a header row ("Chest pain, SOB")
 * is still a note.
 */
export async function hasNoteSidecar(objects: ObjectStore, where: RawObjectKey): Promise<boolean> {
  let sidecar: unknown;
  try {
    sidecar = await noteSidecar(objects, where);
  } catch (error) {
    if (error instanceof ValidationError) return false; // not valid JSON: no sidecar to go by
    throw error; // a store fault is retried, not taken for an answer
  }
  return isObject(sidecar) && 'patient' in sidecar;
}

function baseName(file: string): string {
  return file.includes('/') ? file.slice(file.lastIndexOf('/') + 1) : file;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
