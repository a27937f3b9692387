// Use case (genomics): retire one patient's genotype calls from superseded files, so storage does not
// grow with each corrected upload. For each gene (and "~", the calls outside the pharmacogenes) the
// latest file is chosen as the readers choose it (genotype-items.ts isLaterFile: the raw object's
// upload time, then file id; items stored before files were kept are the oldest), and every item of
// an earlier file is overwritten by a retired marker (genotype-items.ts retiredGenotypeItem: no call,
// expiring so DynamoDB's TTL deletes it). The Table port has no delete; the marker is the deletion.
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
import {
  callSourceOf,
  genotypePartition,
  genotypeSortPrefix,
  isLaterFile,
  isRetiredGenotypeItem,
  openGenotypeItem,
  retiredGenotypeItem,
  type CallSource,
} from './genotype-items';
import type { StoredGenotypeDeps } from './stored-genotypes';

/** Items per query page and markers per batched write. */
const pageSize = 500;

/** The gene an item's sort key names (`GT#{gene}#{token}`; "~" for off-target calls). */
const geneOf = (item: Item) => String(item.sk).split('#')[1] ?? '~';

/** Every live (not retired) genotype item of the patient, a page at a time, with its call's source. */
async function* liveItems(
  deps: StoredGenotypeDeps,
  hospital: string,
  patient: string,
): AsyncGenerator<{ item: Item; gene: string; source: CallSource }> {
  let cursor: string | undefined;
  do {
    const page = await deps.serving.query({
      partition: genotypePartition(hospital, patient),
      sortPrefix: genotypeSortPrefix(),
      limit: pageSize,
      ...(cursor ? { cursor } : {}),
    });
    const live = page.items.filter((item) => !isRetiredGenotypeItem(item));
    const opened = await Promise.all(
      live.map((item) => openGenotypeItem(deps.keys, hospital, patient, item)),
    );
    for (const [i, item] of live.entries())
      yield { item, gene: geneOf(item), source: callSourceOf(opened[i]!) };
    cursor = page.cursor;
  } while (cursor);
}

/** Epoch seconds of an ISO time; 0 (long past) when there is none. */
const epochSeconds = (iso: string) => Math.floor((Date.parse(iso) || 0) / 1000);

/**
 * Retire the calls of pseudonymous `patient` of `hospital` that a later file has superseded, gene by
 * gene (file comment); returns how many items were retired. Throws ValidationError when a stored
 * envelope fails authentication, before retiring anything.
 */
export async function retireSupersededGenotypes(
  deps: StoredGenotypeDeps,
  hospital: string,
  patient: string,
): Promise<number> {
  // Pass 1: the latest file of each gene (a few entries: genes, not calls, are kept in memory).
  const latest = new Map<string, CallSource>();
  for await (const { gene, source } of liveItems(deps, hospital, patient)) {
    const seen = latest.get(gene);
    if (!seen || isLaterFile(source, seen)) latest.set(gene, source);
  }
  // Pass 2: every item of a file earlier than its gene's latest.
  let retired = 0;
  let batch: Item[] = [];
  for await (const { item, gene, source } of liveItems(deps, hospital, patient)) {
    const newest = latest.get(gene);
    if (!newest || !isLaterFile(newest, source)) continue;
    batch.push(retiredGenotypeItem(item, epochSeconds(newest.at)));
    if (batch.length >= pageSize) {
      await deps.serving.putMany(batch);
      retired += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) await deps.serving.putMany(batch);
  return retired + batch.length;
}
