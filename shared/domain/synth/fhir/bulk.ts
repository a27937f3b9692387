// Domain (synth/fhir): FHIR Bulk Data Access IG 2.0.0 output shape: one NDJSON file per resource
// type (each line one resource, UTF-8, "\n"-separated) and the $export completion manifest.
import type { Resource } from '@medplum/fhirtypes';

/** The NDJSON file a resource type is written to (the IG leaves names to the server; ours: `Type.ndjson`). */
export function ndjsonFileName(resourceType: string): string {
  return `${resourceType}.ndjson`;
}

/**
 * The NDJSON lines of some resources, by file name, in the order the resources came. Lines carry
 * no newline; the writer appends "\n" after each (Bulk Data: newline-delimited, final newline allowed).
 * `serialised` (JSON.stringify of each resource) may be passed to share it with the bundle writer.
 */
export function ndjsonLines(
  resources: readonly Resource[],
  serialised?: readonly string[],
): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (let i = 0; i < resources.length; i++) {
    const resource = resources[i]!;
    const file = ndjsonFileName(resource.resourceType);
    const lines = files.get(file);
    const line = serialised?.[i] ?? JSON.stringify(resource);
    if (lines) lines.push(line);
    else files.set(file, [line]);
  }
  return files;
}

/** One output file of a bulk export, as the manifest lists it. */
export interface BulkOutputFile {
  type: string;
  url: string;
  count: number;
}

/** The $export completion manifest (Bulk Data Access IG 2.0.0, "Response - Complete Status"). */
export interface BulkManifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: BulkOutputFile[];
  error: BulkOutputFile[];
}

/**
 * The manifest of a file-system export: `url`s are relative to the manifest's directory (the IG
 * requires absolute URLs from a server; a directory on disk has none), `count` the resources per file.
 */
export function bulkManifest(
  transactionTime: string,
  counts: ReadonlyMap<string, number>,
  baseUrl = 'fhir/',
): BulkManifest {
  const output = [...counts]
    .filter(([, count]) => count > 0)
    .map(([type, count]) => ({ type, url: `${baseUrl}${ndjsonFileName(type)}`, count }));
  return {
    transactionTime,
    request: '$export?_outputFormat=application%2Ffhir%2Bndjson',
    requiresAccessToken: false,
    output,
    error: [],
  };
}
