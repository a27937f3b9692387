// Use case (genomics): retire one patient's pharmacogene calls from superseded files, so storage does
// not grow with each corrected upload. For each of the ten genes the latest file is chosen as the
// readers choose it (genotype-items.ts isLaterFile: the raw object's upload time, then file id; items
// stored before files were kept are the oldest), and every item of an earlier file is overwritten by
// a retired marker (genotype-items.ts retiredGenotypeItem: no call, expiring so DynamoDB's TTL
// deletes it). The Table port has no delete; the marker is the deletion.
//
// Cost: one read of the patient's pharmacogene range (tens of items per gene), each envelope opened
// once, the items kept in memory; it stops where calls outside the ten genes begin ("GT#~#", as
// stored-genotypes.ts does), so a whole genome's millions of off-target calls are never read. Those of
// a superseded file are left in place: no reader reads them (stored-genotypes.ts stops before them),
// and retiring them would mean reading and rewriting the whole partition. The file and upload time are
// only inside the envelope (the site token is a keyed digest), so each item is opened to learn them.
// When every item is from one file (a first upload, a re-delivered event), nothing is written.
//
// Run it only once a file's calls are all durably stored (ingest-file.ts, after the last flush), so a
// gene never has no calls: the latest file's items are never touched. Running it after an older
// file's event is delivered again retires the items that run has just rewritten, with the same
// markers as before (the expiry is the latest file's upload time), so the table ends as it was; the
// readers never choose those items meanwhile (latest file wins).
//
// Safe on a stale read (a query is eventually consistent): an item is retired only when a file later
// than its own was seen with calls for its gene, so a missed write can leave an item behind (the next
// run retires it) but never retires the latest file's calls.
import type { Item } from '../../ports/table';
import { callSourceOf, isLaterFile, retiredGenotypeItem, type CallSource } from './genotype-items';
import { livePharmacogeneItems, type StoredGenotypeDeps } from './stored-genotypes';

/** The gene an item's sort key names (`GT#{gene}#{token}`). */
const geneOf = (item: Item) => String(item.sk).split('#')[1] ?? '~';

/** Epoch seconds of an ISO time; 0 (long past) when there is none. */
const epochSeconds = (iso: string) => Math.floor((Date.parse(iso) || 0) / 1000);

/**
 * Retire the pharmacogene calls of pseudonymous `patient` of `hospital` that a later file has
 * superseded, gene by gene (file comment); returns how many items were retired. Throws
 * ValidationError when a stored envelope fails authentication, before retiring anything.
 */
export async function retireSupersededGenotypes(
  deps: StoredGenotypeDeps,
  hospital: string,
  patient: string,
): Promise<number> {
  const calls = (await livePharmacogeneItems(deps, hospital, patient)).map(({ item, call }) => ({
    item,
    gene: geneOf(item),
    source: callSourceOf(call),
  }));
  const latest = new Map<string, CallSource>();
  for (const { gene, source } of calls) {
    const seen = latest.get(gene);
    if (!seen || isLaterFile(source, seen)) latest.set(gene, source);
  }
  const markers: Item[] = [];
  for (const { item, gene, source } of calls) {
    const newest = latest.get(gene)!;
    if (isLaterFile(newest, source))
      markers.push(retiredGenotypeItem(item, epochSeconds(newest.at)));
  }
  if (markers.length > 0) await deps.serving.putMany(markers);
  return markers.length;
}
