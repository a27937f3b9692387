// Use case (genomics): read back one patient's stored genotype calls at the pharmacogene defining
// positions and decrypt them (layout: genotype-items.ts). Calls outside the ten genes sort after them
// under "GT#~#" and are never read here, so a whole-genome VCF costs this reader nothing extra.
// Retired markers (superseded calls, genotype-items.ts) hold no call and are skipped.
import type { KeyRing } from '../../ports/key-ring';
import type { Item, Table } from '../../ports/table';
import {
  genotypePartition,
  genotypeSortPrefix,
  isRetiredGenotypeItem,
  offTargetSortPrefix,
  openGenotypeItem,
  type StoredGenotype,
} from './genotype-items';

export interface StoredGenotypeDeps {
  serving: Table;
  keys: KeyRing;
}

/** Items per query page: ~400 defining positions over the ten genes fit in one or two pages. */
const pageSize = 250;

/** A live (not retired) stored item of the pharmacogene range with its opened call. */
export interface OpenedGenotypeItem {
  item: Item;
  call: StoredGenotype;
}

/**
 * The live items of pseudonymous `patient` of `hospital` at pharmacogene defining positions, each
 * with its opened call, in sort-key order (by gene, then opaque site token); it stops where the
 * off-target calls begin. Empty when no VCF of the patient was ingested. Throws ValidationError when
 * a stored envelope fails authentication or belongs to another patient.
 */
export async function livePharmacogeneItems(
  deps: StoredGenotypeDeps,
  hospital: string,
  patient: string,
): Promise<OpenedGenotypeItem[]> {
  const opened: OpenedGenotypeItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.serving.query({
      partition: genotypePartition(hospital, patient),
      sortPrefix: genotypeSortPrefix(),
      limit: pageSize,
      ...(cursor ? { cursor } : {}),
    });
    const onGenes = page.items.filter((i) => !String(i.sk).startsWith(offTargetSortPrefix));
    const live = onGenes.filter((item) => !isRetiredGenotypeItem(item));
    const calls = await Promise.all(
      live.map((item) => openGenotypeItem(deps.keys, hospital, patient, item)),
    );
    for (const [i, item] of live.entries()) opened.push({ item, call: calls[i]! });
    // Past the last gene: the rest of the partition is off-target calls, never read.
    if (onGenes.length < page.items.length) break;
    cursor = page.cursor;
  } while (cursor);
  return opened;
}

/**
 * The stored calls of pseudonymous `patient` of `hospital` at pharmacogene defining positions, in
 * sort-key order (livePharmacogeneItems).
 */
export async function storedPharmacogeneCalls(
  deps: StoredGenotypeDeps,
  hospital: string,
  patient: string,
): Promise<StoredGenotype[]> {
  return (await livePharmacogeneItems(deps, hospital, patient)).map(({ call }) => call);
}
