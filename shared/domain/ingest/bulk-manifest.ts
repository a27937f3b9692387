// Domain (ingest): the FHIR Bulk Data `$export` completion manifest (Bulk Data Access IG v2.0.0,
// https://hl7.org/fhir/uv/bulkdata/STU2/export.html, "Response - Complete Status": `transactionTime`,
// `request`, `requiresAccessToken`, `output[]` and `error[]` required; `deleted[]`, `outputOrganizedBy`
// and `extension` optional). An export folder uploaded as a batch carries it beside its NDJSON files
// (`caregraph synth` writes `fhir/manifest.json`). It holds no records: ingest reports it as
// configuration, like mapping.json, and checks that every file its `output[]` lists is in its own
// batch: no other batch is looked in, so an export's files must share one batch (POST /uploads
// without `batch` gives each file a batch of its own, uploads.ts).
import type { ObjectStore } from '../../ports/object-store';
import { keyLayout } from '../../config/resources';
import type { RawObjectKey } from './raw-key';

/** What ingest calls a manifest in its report (`configuration`). */
export const bulkManifestConfiguration = 'FHIR Bulk Data export manifest';

/** Report warnings (kinds) of a manifest; line 0: the manifest as a whole. */
export const bulkManifestWarnings = {
  /**
   * `bulk-manifest-file-not-in-batch:{type}:{file}`: a file `output[]` lists is not in the manifest's
   * batch (under that name, in its folder). Other batches are not looked in: the file may have been
   * uploaded to another (the key says what is checked, not that the file was never sent).
   */
  fileNotInBatch: (type: string, file: string) => `bulk-manifest-file-not-in-batch:${type}:${file}`,
  /** Files not in the batch past the first `maxNamedNotInBatch`, counted together. */
  moreFilesNotInBatch: 'bulk-manifest-file-not-in-batch:more',
  /** An `output[]` entry without a usable `url` (its file cannot be looked for). */
  outputUnreadable: 'bulk-manifest-output-unreadable',
  /** The export's `error[]` lists files (OperationOutcomes of resources the server could not export). */
  exportErrors: 'bulk-manifest-export-errors',
  /** The export's `deleted[]` lists files (resources deleted since `_since`); ingest deletes nothing. */
  deletionsNotApplied: 'bulk-manifest-deletions-not-applied',
} as const;

/** Files not in the batch named one by one in the report; more counted under `moreFilesNotInBatch`. */
const maxNamedNotInBatch = 100;
/** Objects looked up at once. */
const lookUpsAtOnce = 16;

/**
 * True for a JSON value that is a completion manifest: an object (no `resourceType`: no FHIR
 * resource) with the string `transactionTime` and `request` and the array `output` every manifest
 * has. `requiresAccessToken` and `error`, also required, are not asked for: a manifest missing one is
 * still no data.
 */
export function isBulkManifest(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !('resourceType' in value) &&
    typeof (value as Record<string, unknown>).transactionTime === 'string' &&
    typeof (value as Record<string, unknown>).request === 'string' &&
    Array.isArray((value as Record<string, unknown>).output)
  );
}

/**
 * The report warnings of the manifest `manifest` (isBulkManifest), uploaded at `where`: for each file
 * its `output[]` lists that is not in the manifest's batch,
 * `bulk-manifest-file-not-in-batch:{type}:{file}` (an upload cut short, files saved under other
 * names, or an export's files uploaded to other batches: no other batch is looked in, for the cost
 * of listing them); an entry whose `url` gives no file name, `bulk-manifest-output-unreadable`; a
 * non-empty `error[]` or `deleted[]`, one warning counting their files. A listed file is looked for
 * in the manifest's folder of the batch, under the last segment of its `url` (query and fragment
 * left out, percent-decoding undone): a server's URLs are absolute, `caregraph synth` writes them
 * relative to the export's root. Only the type and that name reach the report: never the URL (a
 * signed URL carries a token), never contents.
 */
export async function bulkManifestWarningsOf(
  objects: Pick<ObjectStore, 'head'>,
  where: RawObjectKey,
  manifest: Record<string, unknown>,
): Promise<{ kind: string; line: number }[]> {
  const warnings: { kind: string; line: number }[] = [];
  const listed = new Map<string, string>(); // file (batch-relative) -> type
  for (const entry of manifest.output as unknown[]) {
    const file = fileNameOf(entry);
    if (file === undefined) {
      warnings.push({ kind: bulkManifestWarnings.outputUnreadable, line: 0 });
      continue;
    }
    const path = `${folderOf(where.file)}${file}`;
    if (!listed.has(path)) listed.set(path, typeOf(entry));
  }
  const notInBatch: [string, string][] = [];
  const entries = [...listed];
  for (let i = 0; i < entries.length; i += lookUpsAtOnce) {
    const slice = entries.slice(i, i + lookUpsAtOnce);
    const found = await Promise.all(
      slice.map(([path]) => objects.head('raw', keyLayout.raw(where.hospital, where.batch, path))),
    );
    slice.forEach((entry, j) => {
      if (found[j] === undefined) notInBatch.push(entry);
    });
  }
  notInBatch.forEach(([path, type], i) =>
    warnings.push({
      kind:
        i < maxNamedNotInBatch
          ? bulkManifestWarnings.fileNotInBatch(type, path)
          : bulkManifestWarnings.moreFilesNotInBatch,
      line: 0,
    }),
  );
  for (const [element, kind] of [
    ['error', bulkManifestWarnings.exportErrors],
    ['deleted', bulkManifestWarnings.deletionsNotApplied],
  ] as const) {
    const files = manifest[element];
    const count = Array.isArray(files) ? files.length : 0;
    for (let i = 0; i < count; i++) warnings.push({ kind, line: 0 });
  }
  return warnings;
}

/** The file name an `output[]` entry's `url` ends in, or undefined when it gives none usable. */
function fileNameOf(entry: unknown): string | undefined {
  const url = (entry as { url?: unknown } | null)?.url;
  if (typeof url !== 'string') return undefined;
  const path = url.replace(/[?#].*$/s, '');
  let name = path.slice(path.lastIndexOf('/') + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    return undefined; // a malformed percent-escape: no name to look for
  }
  // A name with a separator or control character (%2F, %0A) names no file of the folder.
  // eslint-disable-next-line no-control-regex
  const unusable = /[\u0000-\u001f\u007f/\\]/;
  if (!name || name === '.' || name === '..' || name.length > 255 || unusable.test(name))
    return undefined;
  return name;
}

/** An entry's resource type as the report names it: a FHIR type name, else `unknown-type`. */
function typeOf(entry: unknown): string {
  const type = (entry as { type?: unknown } | null)?.type;
  return typeof type === 'string' && /^[A-Z][A-Za-z]{0,63}$/.test(type) ? type : 'unknown-type';
}

/** The folder of a batch-relative file name, with its trailing slash ('' at the batch's root). */
function folderOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
}
