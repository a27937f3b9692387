// Domain (ingest): the order in which a client should send a batch's files so that references
// resolve as records arrive: companions (CSV mappings, note sidecars), then patients, then the
// resources others point at (practitioners, organisations, medications, encounters, requests), then
// the rest, and a Bulk Data export's completion manifest (`manifest.json`) last, as the server
// publishes it once every file is written: its ingest warns about each file it lists that is not in
// the batch (bulk-manifest.ts). Ingest accepts any order (unresolved references are warnings, not
// rejections); this order only keeps those warnings for genuinely dangling references and files
// genuinely missing.

const typeRanks: readonly (readonly string[])[] = [
  ['Patient'],
  ['Practitioner', 'PractitionerRole', 'Organization', 'Location', 'Medication', 'Device'],
  ['Encounter'],
  ['Condition', 'MedicationRequest', 'ServiceRequest', 'CarePlan', 'Procedure'],
];

/** Rank of a file for upload (lower goes first), from its name (`Patient.ndjson`, `patients.csv`...). */
export function uploadRank(name: string): number {
  const base = name.slice(name.lastIndexOf('/') + 1);
  // By name, like the rest: a note `manifest.txt` gets its sidecar first as `manifest.txt.json`.
  if (base === 'manifest.json') return typeRanks.length + 2;
  if (base.endsWith('.json') && !/bundle/i.test(base)) return 0;
  if (/^patients?\b/i.test(base)) return 1;
  const type = base.split('.')[0] ?? '';
  const rank = typeRanks.findIndex((types) => types.includes(type));
  return rank === -1 ? typeRanks.length + 1 : rank + 1;
}

/** Names sorted for upload: by rank, then by name. */
export function inUploadOrder(names: readonly string[]): string[] {
  return [...names].sort((a, b) => uploadRank(a) - uploadRank(b) || a.localeCompare(b));
}
