// Domain (ingest): the order in which a client should send a batch's files so that references
// resolve as records arrive: companions (CSV mappings, note sidecars), then patients, then the
// resources others point at (practitioners, organisations, medications, encounters, requests), then
// the rest, and a Bulk Data export's completion manifest (`manifest.json`) last, as the server
// publishes it once every file is written: its ingest warns about each file it lists that is not in
// the batch (bulk-manifest.ts). A `manifest.json` that is a note's sidecar in the upload set (a note
// `manifest.txt` reads it when there is no `manifest.txt.json`, readers/notes.ts) is a companion and
// goes first. Ingest accepts any order (unresolved references are warnings, not rejections); this
// order only keeps those warnings for genuinely dangling references and files genuinely missing.
import { noteSidecarCandidates } from './readers/notes';

const typeRanks: readonly (readonly string[])[] = [
  ['Patient'],
  ['Practitioner', 'PractitionerRole', 'Organization', 'Location', 'Medication', 'Device'],
  ['Encounter'],
  ['Condition', 'MedicationRequest', 'ServiceRequest', 'CarePlan', 'Procedure'],
];

/** The rank of a Bulk Data manifest: after every other file. */
const manifestRank = typeRanks.length + 2;

/**
 * The upload rank (lower goes first) of each of `names`, the batch-relative names of the files to be
 * uploaded together (`Patient.ndjson`, `csv/patients.csv`...), from the names alone. The set is
 * needed for `manifest.json`: it is a Bulk Data manifest, ranked last, unless a note of the set reads
 * it as its sidecar (the first of the note's sidecar candidates in the set, as ingest looks them up),
 * when it ranks with the other JSON companions, first.
 */
export function uploadRanker(names: readonly string[]): (name: string) => number {
  const present = new Set(names);
  const sidecars = new Set<string>();
  for (const name of names) {
    if (baseName(name) === 'manifest.json') continue;
    const sidecar = noteSidecarCandidates(name).find((candidate) => present.has(candidate));
    if (sidecar !== undefined && baseName(sidecar) === 'manifest.json') sidecars.add(sidecar);
  }
  return (name) => {
    const base = baseName(name);
    if (base === 'manifest.json' && !sidecars.has(name)) return manifestRank;
    if (base.endsWith('.json') && !/bundle/i.test(base)) return 0;
    if (/^patients?\b/i.test(base)) return 1;
    const type = base.split('.')[0] ?? '';
    const rank = typeRanks.findIndex((types) => types.includes(type));
    return rank === -1 ? typeRanks.length + 1 : rank + 1;
  };
}

/** Names sorted for upload: by rank (uploadRanker, over these names), then by name. */
export function inUploadOrder(names: readonly string[]): string[] {
  const rank = uploadRanker(names);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
