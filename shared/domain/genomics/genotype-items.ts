// Domain (genomics): how a genotype call is kept in the serving table — envelope-encrypted under the
// hospital's key (KeyRing: AES-256-GCM data key under the master key), so a table dump reveals no
// genotype. What stays in clear is only what queries need:
// - pk `G#{hospital}#{patient}`: a partition of its own, apart from the patient's clinical records
//   (P#...), so reading a patient's record never pages through thousands of genotype calls;
// - sk `GT#{gene}#{site token}`: the pharmacogene (or "~" for a call outside the ten genes, which
//   sorts after every gene) lets the PGx reader read the defining positions alone and stop; the site
//   token is an HMAC of patient + chrom:pos:ref>alt (the bases as the file wrote them: genotypeSite)
//   + the file it came from (GenotypeSource.file)
//   under the hospital's pseudonymisation key, so the key is deterministic (a re-delivered file
//   overwrites its own items, never duplicates them) yet reveals no position or allele, the same
//   variant gets unrelated tokens in different patients, and one file never overwrites another's call
//   at a site: the reader chooses the latest file by its upload time (pgx/stored-profile.ts), so a
//   re-delivered event for an older file cannot undo a correction, and earlier files' calls are
//   retired once the latest's are stored (below).
//   Items stored before the file was in the token (keyed by site alone) stay where they are and are
//   read as before (without `file`: the oldest file, pgx/stored-profile.ts).
// Phase: a phased call keeps `phased` and its FORMAT/PS (`phaseSet`) in the payload, so a diplotype
// read from stored calls matches haplotype by haplotype as one read from the VCF does. Items stored
// before phase was kept have neither and read as unphased, even when their GT is written "0|1".
// Superseded calls (genomics/superseded-genotypes.ts): once a later file's calls for a gene are all
// stored, each earlier file's item for that pharmacogene (off-target calls under "GT#~#" are left,
// never read) is overwritten in place by a retired marker: the key, `retired: true` and `expiresAt`
// (epoch seconds, the serving table's TTL attribute), nothing else, so the call is gone at once and
// DynamoDB's TTL deletes the marker (typically within two days). Readers skip retired items.
// The gene in the key reveals only that the gene's positions were typed: reference calls at defining
// positions are stored too, so an item's presence under a gene does not say whether it is a variant.
import { z } from 'zod';
import { servingTable } from '../../config/resources';
import type { Item } from '../../ports/table';
import type { KeyRing } from '../../ports/key-ring';
import type { GenotypeRecord } from './genotype-records';
import { openPayload, sealPayload, siteToken } from './sealed-payload';
import { upperBases } from './vcf-line';

/** The decrypted payload of one stored genotype item. */
export interface StoredGenotype {
  /** The pseudonymous patient id the call belongs to (checked against the partition on read). */
  patient: string;
  chrom: string;
  /** 1-based GRCh38 position. */
  pos: number;
  ref: string;
  /** The VCF ALT column (","-joined); "." when none. */
  alt: string;
  /** The VCF GT as written ("0/1", "1|1", "./."). */
  gt: string;
  zygosity: GenotypeRecord['zygosity'];
  gene?: string;
  /** The VCF data line, so split multi-allelic records merge in file order on read. */
  line: number;
  /**
   * Set when the GT was phased ("0|1"); absent on unphased calls and on every item stored before phase
   * was kept (those read as unphased whatever their GT's separator).
   */
  phased?: true;
  /** FORMAT/PS of a phased call, when the file gave one. */
  phaseSet?: string;
  /**
   * The file the call came from (opaque: the keyed digest of its content, as curated output is named,
   * ingest/curated-source.ts; the raw object's ETag on items stored by 3643b74), so records at one
   * position merge only within one file and a later file's calls replace an earlier one's
   * (pgx/stored-profile.ts). Absent on items stored before it was kept: those read as one file older
   * than any other.
   */
  file?: string;
  /**
   * When that file was uploaded (the raw object's S3 LastModified), ISO 8601: orders files on read.
   * The same on every delivery of the file's event, so a re-delivered older file stays older.
   */
  uploadedAt?: string;
  /**
   * Items stored by 3643b74 only: when the ingest run started (re-set by a re-delivered event, which
   * is why uploadedAt replaced it). Read as the upload time when uploadedAt is absent.
   */
  storedAt?: string;
}

/** The file a call is stored from (StoredGenotype.file and uploadedAt). */
export interface GenotypeSource {
  file: string;
  uploadedAt: string;
}

const payloadSchema = z.object({
  patient: z.string(),
  chrom: z.string(),
  pos: z.number().int().positive(),
  ref: z.string(),
  alt: z.string(),
  gt: z.string(),
  zygosity: z.enum(['hom-ref', 'het', 'hom-alt', 'hemi', 'no-call']),
  gene: z.string().optional(),
  line: z.number().int().nonnegative(),
  phased: z.literal(true).optional(),
  phaseSet: z.string().optional(),
  file: z.string().optional(),
  uploadedAt: z.string().optional(),
  storedAt: z.string().optional(),
});

/** The sort-key prefix under which gene `gene`'s calls sort ("GT#" alone: every call). */
export const genotypeSortPrefix = (gene?: string) => (gene ? `GT#${gene}#` : 'GT#');

/** Sort-key prefix of calls outside the pharmacogenes ("~" sorts after every gene name). */
export const offTargetSortPrefix = 'GT#~#';

/** The partition holding one patient's genotype items. */
export const genotypePartition = (hospital: string, patient: string) => `G#${hospital}#${patient}`;

/**
 * The site one call is keyed by: `chrom:pos:ref>alt`, the bases as the file wrote them
 * (GenotypeRecord.basesAsWritten), since items of a lower-case file stored before the VCF reader
 * raised bases (80e70f7) are keyed by its lower-case bases.
 */
export function genotypeSite(
  record: Pick<GenotypeRecord, 'chrom' | 'pos' | 'ref' | 'alt' | 'basesAsWritten'>,
): string {
  const { ref, alt } = record.basesAsWritten ?? record;
  return `${record.chrom}:${record.pos}:${ref}>${alt}`;
}

/**
 * The serving item of one genotype call of pseudonymous patient `patient`: keys as in the file
 * comment, the payload sealed under `hospital`'s key. `line` is the VCF data line (1-based);
 * `source` the file it came from (in the site token and the payload when given).
 */
export async function sealGenotypeItem(
  keys: KeyRing,
  where: { hospital: string; batch: string },
  patient: string,
  record: GenotypeRecord,
  line: number,
  source?: GenotypeSource,
): Promise<Item> {
  // The bases as the file wrote them (file comment): a lower-case file keeps the keys it was stored
  // under before the reader raised bases, so its re-delivered event overwrites its own items.
  const site = genotypeSite(record);
  // The file in the token: files never overwrite each other's calls (file comment).
  const keyed = source ? `${site}\u0000${source.file}` : site;
  const token = await siteToken(keys, where.hospital, 'genotype-site', patient, keyed);
  const payload: StoredGenotype = {
    patient,
    chrom: record.chrom,
    pos: record.pos,
    ref: record.ref,
    alt: record.alt,
    gt: record.gt,
    zygosity: record.zygosity,
    ...(record.gene ? { gene: record.gene } : {}),
    line,
    ...(record.phased ? { phased: true as const } : {}),
    ...(record.phased && record.phaseSet !== undefined ? { phaseSet: record.phaseSet } : {}),
    ...(source ? { file: source.file, uploadedAt: source.uploadedAt } : {}),
  };
  return {
    pk: genotypePartition(where.hospital, patient),
    sk: `${genotypeSortPrefix(record.gene ?? '~')}${token}`,
    hospital: where.hospital,
    batch: where.batch,
    genotype: await sealPayload(keys, where.hospital, payload),
  };
}

/**
 * Decrypt one stored genotype item of `patient`. Throws ValidationError when the item holds no
 * envelope, the envelope fails authentication (another hospital's key, tampering), or the payload
 * names another patient (an envelope moved between partitions). Bases read in upper case, as the VCF
 * reader now gives them (vcf-line.ts upperBases), so a call stored from a lower-case file before is
 * read as the definitions write it. The item keeps its key: a re-delivered lower-case file is keyed
 * by its bases as written (sealGenotypeItem), so it overwrites such an item; an item stored keyed by
 * raised bases (80e70f7 until that fix) stays beside it, and the reader reads the two, same file,
 * line and call, as one (pgx/stored-profile.ts positionGenotypesOf).
 */
export async function openGenotypeItem(
  keys: KeyRing,
  hospital: string,
  patient: string,
  item: Item,
): Promise<StoredGenotype> {
  const opened = await openPayload(
    keys,
    hospital,
    patient,
    item,
    'genotype',
    'genotype',
    payloadSchema,
  );
  const { gene, phased, phaseSet, file, uploadedAt, storedAt, ...rest } = opened;
  return {
    ...rest,
    ref: rest.ref.toUpperCase(),
    alt: rest.alt === '.' ? '.' : rest.alt.split(',').map(upperBases).join(','),
    ...(gene ? { gene } : {}),
    ...(phased ? { phased } : {}),
    ...(phased && phaseSet !== undefined ? { phaseSet } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(uploadedAt !== undefined ? { uploadedAt } : {}),
    ...(storedAt !== undefined ? { storedAt } : {}),
  };
}

/** The serving table's TTL attribute (epoch seconds): a retired marker carries it. */
const expiryAttribute = servingTable.timeToLiveAttribute ?? 'expiresAt';

/**
 * The marker that replaces a superseded genotype item (file comment): same key, no call, expiring at
 * `expiresAt` (epoch seconds). The same arguments give the same marker, so retiring twice writes
 * nothing new.
 */
export function retiredGenotypeItem(item: Item, expiresAt: number): Item {
  return {
    pk: item.pk,
    sk: item.sk,
    hospital: item.hospital,
    retired: true,
    [expiryAttribute]: expiresAt,
  };
}

/** True for a retired marker (retiredGenotypeItem): it holds no call and readers skip it. */
export const isRetiredGenotypeItem = (item: Item): boolean => item.retired === true;

/** The file a stored call came from and when it was uploaded, as files are ordered. */
export interface CallSource {
  /** StoredGenotype.file; "" for items stored before files were kept (the oldest). */
  file: string;
  /** StoredGenotype.uploadedAt, else storedAt (3643b74), else "" (the oldest). */
  at: string;
}

/** Where `call` came from, as files are ordered (CallSource). */
export const callSourceOf = (call: StoredGenotype): CallSource => ({
  file: call.file ?? '',
  at: call.uploadedAt ?? call.storedAt ?? '',
});

/**
 * True when file `a` is later than file `b`: by upload time, ties (two uploads within one second of
 * S3's LastModified) by file id, so every reader and the pruning agree on one order.
 */
export const isLaterFile = (a: CallSource, b: CallSource): boolean =>
  a.at > b.at || (a.at === b.at && a.file > b.file);
