// Domain (ingest): files that other files of the same batch need: mapping.json for CSV extracts, and a
// sidecar metadata JSON for each plain-text note. The CLI uploads JSON files before data files.
import type { ObjectStore } from '../../ports/object-store';
import { keyLayout } from '../../config/resources';
import { ValidationError } from '../errors';
import { csvMappingSchema, type CsvMapping } from '../synth/fhir/csv-mapping';
import { noteSidecarCandidates } from './readers/notes';
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

/** The note's sidecar metadata (note.txt.json, else note.json), parsed; undefined when absent. */
export async function noteSidecar(objects: ObjectStore, where: RawObjectKey): Promise<unknown> {
  const base = where.file.includes('/')
    ? where.file.slice(where.file.lastIndexOf('/') + 1)
    : where.file;
  for (const candidate of noteSidecarCandidates(base)) {
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
