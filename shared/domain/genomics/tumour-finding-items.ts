// Domain (genomics): actionable tumour findings read from a VCF at ingest (tumour-variants.ts:
// INFO GENE with SOMATIC and HGVSP, SVTYPE=DUP amplifications, known germline pathogenic variants),
// kept in the patient's genotype partition so the recommendations can read them without reading every
// off-target call again (a whole-genome VCF has millions). Sealed like the calls (genotype-items.ts):
// - pk `G#{hospital}#{patient}`, the genotype partition;
// - sk `TF#{site token}`: outside the `GT#` range the PGx reader queries, and keyed by an HMAC of
//   patient + site + the file it came from (GenotypeSource.file) under the hospital's
//   pseudonymisation key, so a re-delivered VCF overwrites its own items and one file never
//   overwrites another's finding;
// - the finding (gene, alteration, germline, where it was read, the file and its upload time)
//   envelope-encrypted under the hospital's key: a table dump does not say who has which tumour
//   alteration.
// Where it was read is the batch and line, not the file name, which may carry a hospital identifier.
//
// Corrections: somatic findings (germline: false) are read only from the patient's latest tumour file
// (genotype-items.ts isLaterFile: the raw object's upload time, then file digest), so a corrected
// tumour VCF that drops a false-positive finding retracts it, and a re-delivered event for the older
// file (same keys, same older upload time) does not bring it back. A file is the patient's tumour file
// when it yields a somatic finding for them, or when its header names their sample as a tumour sample
// the way somatic callers do (sample-roles.ts: GATK Mutect2's `##tumor_sample=`, GATK 3 MuTect2's
// `##SAMPLE=<ID=TUMOR,SampleName=...>`, a VCF 4.2 `##SAMPLE` line with a Tumor genome); a sample
// named the normal sample never is (ingest/genotype-ingest.ts stores no somatic finding for it). A
// naming file stores, for that sample, a tumour-file marker (same clear shape as a finding:
// `TF#{token}`, the envelope in `finding`) naming the file and its upload time, so a corrected tumour
// VCF with no somatic finding left still retracts the earlier file's. An INFO SOMATIC declaration
// alone does not make a tumour file: caregraph's own VCF writer (synth/genomics/vcf.ts) declares it
// in every VCF, a PGx panel's too, and such a file must not wipe the tumour findings.
// Germline pathogenic findings (germline: true) are never retracted: a VCF does not say which
// positions it tested, so a file without the variant (a PGx panel, another gene's test, a correction)
// says nothing of it. Every stored one is read, across files, once per gene and alteration (the latest
// file's copy): a BRCA2 report does not hide an earlier BRCA1 one (docs/ingest.md).
// Superseded somatic items stay stored (a few per file), never read. Items stored before the file was
// kept (keyed by site alone) read as one file older than any other.
import { z } from 'zod';
import type { Item, Table } from '../../ports/table';
import type { KeyRing } from '../../ports/key-ring';
import { ValidationError } from '../errors';
import {
  genotypePartition,
  isLaterFile,
  type CallSource,
  type GenotypeSource,
} from './genotype-items';
import { openPayload, sealPayload, siteToken } from './sealed-payload';

/** A tumour finding as stored: a TumourFinding (tumour-variants.ts), and the patient it belongs to. */
export interface StoredTumourFinding {
  patient: string;
  /** HGNC symbol, e.g. "ERBB2". */
  gene: string;
  /** "L858R", "amplification", "pathogenic"... (tumour-variants.ts normaliseAlteration). */
  alteration: string;
  germline: boolean;
  /** Where it was read: `VCF batch {batch} line {line}`. */
  source: string;
  /**
   * The file it was read from (opaque: the keyed digest of its content, GenotypeSource.file). Absent
   * on items stored before it was kept: those read as one file older than any other.
   */
  file?: string;
  /** When that file was uploaded (the raw object's S3 LastModified), ISO 8601: orders files. */
  uploadedAt?: string;
}

/** A tumour file's marker (file comment): the file reports somatic findings for `patient`. */
export interface StoredTumourFile {
  patient: string;
  tumourFile: true;
  file: string;
  uploadedAt: string;
}

const findingSchema = z.object({
  patient: z.string(),
  gene: z.string().min(1),
  alteration: z.string().min(1),
  germline: z.boolean(),
  source: z.string(),
  file: z.string().optional(),
  uploadedAt: z.string().optional(),
});

const markerSchema = z.object({
  patient: z.string(),
  tumourFile: z.literal(true),
  file: z.string(),
  uploadedAt: z.string(),
});

const itemSchema = z.union([markerSchema, findingSchema]);

/** The sort-key prefix of a patient's tumour-finding items. */
export const tumourFindingSortPrefix = 'TF#';

/**
 * The serving item of one tumour finding of pseudonymous `patient`, read at `site`
 * (`chrom:pos:ref>alt`) on VCF data line `line` of batch `where.batch`; `from` the file it was read
 * from (in the key and the payload when given).
 */
export async function sealTumourFindingItem(
  keys: KeyRing,
  where: { hospital: string; batch: string },
  patient: string,
  finding: { gene: string; alteration: string; germline: boolean },
  site: string,
  line: number,
  from?: GenotypeSource,
): Promise<Item> {
  // The file in the token: files never overwrite each other's findings (file comment).
  const keyed = from ? `${site}\u0000${from.file}` : site;
  const token = await siteToken(keys, where.hospital, 'tumour-site', patient, keyed);
  const payload: StoredTumourFinding = {
    patient,
    gene: finding.gene,
    alteration: finding.alteration,
    germline: finding.germline,
    source: `VCF batch ${where.batch} line ${line}`,
    ...(from ? { file: from.file, uploadedAt: from.uploadedAt } : {}),
  };
  return tumourItem(keys, where, patient, token, payload);
}

/** A finding's or marker's item: the same clear fields, the payload sealed (a dump cannot tell them apart). */
async function tumourItem(
  keys: KeyRing,
  where: { hospital: string; batch: string },
  patient: string,
  token: string,
  payload: StoredTumourFinding | StoredTumourFile,
): Promise<Item> {
  return {
    pk: genotypePartition(where.hospital, patient),
    sk: `${tumourFindingSortPrefix}${token}`,
    hospital: where.hospital,
    batch: where.batch,
    finding: await sealPayload(keys, where.hospital, payload),
  };
}

/**
 * The marker item saying file `from` is a tumour file of pseudonymous `patient` (its header names the
 * patient's sample as a tumour sample): it reports the patient's somatic findings even when it yields
 * none. Keyed
 * by the file, so a re-delivered event rewrites it; shaped like a finding item, so a table dump does
 * not tell one from the other.
 */
export async function sealTumourFileItem(
  keys: KeyRing,
  where: { hospital: string; batch: string },
  patient: string,
  from: GenotypeSource,
): Promise<Item> {
  // No site is written "tumour-file...": a site is `chrom:pos:ref>alt`.
  const keyed = `tumour-file\u0000${from.file}`;
  const token = await siteToken(keys, where.hospital, 'tumour-site', patient, keyed);
  const payload: StoredTumourFile = {
    patient,
    tumourFile: true,
    file: from.file,
    uploadedAt: from.uploadedAt,
  };
  return tumourItem(keys, where, patient, token, payload);
}

/**
 * Decrypt one stored tumour-finding item of `patient`: a finding, or a tumour file's marker. Throws
 * ValidationError when the item holds no envelope, it fails authentication (another hospital's key,
 * tampering) or names another patient.
 */
export async function openTumourItem(
  keys: KeyRing,
  hospital: string,
  patient: string,
  item: Item,
): Promise<StoredTumourFinding | StoredTumourFile> {
  const opened = await openPayload(
    keys,
    hospital,
    patient,
    item,
    'finding',
    'tumour finding',
    itemSchema,
  );
  if ('tumourFile' in opened) return opened;
  const { file, uploadedAt, ...rest } = opened;
  return {
    ...rest,
    ...(file !== undefined ? { file } : {}),
    ...(uploadedAt !== undefined ? { uploadedAt } : {}),
  };
}

/**
 * Decrypt one stored tumour finding of `patient`. Throws ValidationError when the item holds no
 * envelope, it fails authentication (another hospital's key, tampering), names another patient, or
 * is a tumour file's marker rather than a finding.
 */
export async function openTumourFindingItem(
  keys: KeyRing,
  hospital: string,
  patient: string,
  item: Item,
): Promise<StoredTumourFinding> {
  const opened = await openTumourItem(keys, hospital, patient, item);
  if ('tumourFile' in opened)
    throw new ValidationError('tumour finding item is a tumour file marker', 'finding');
  return opened;
}

/** Where a stored finding or marker came from, as files are ordered (genotype-items.ts). */
const sourceOf = (stored: StoredTumourFinding | StoredTumourFile): CallSource => ({
  file: stored.file ?? '',
  at: stored.uploadedAt ?? '',
});

const sameSource = (a: CallSource, b: CallSource) => a.file === b.file && a.at === b.at;

/**
 * The tumour findings of pseudonymous `patient` of `hospital` (file comment): the somatic ones of the
 * patient's latest tumour file, and every germline pathogenic one of any file, once per gene and
 * alteration; [] when none was read. Throws ValidationError when a stored envelope fails
 * authentication or belongs to another patient.
 */
export async function storedTumourFindings(
  deps: { serving: Table; keys: KeyRing },
  hospital: string,
  patient: string,
): Promise<StoredTumourFinding[]> {
  const stored: (StoredTumourFinding | StoredTumourFile)[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.serving.query({
      partition: genotypePartition(hospital, patient),
      sortPrefix: tumourFindingSortPrefix,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    stored.push(
      ...(await Promise.all(
        page.items.map((item) => openTumourItem(deps.keys, hospital, patient, item)),
      )),
    );
    cursor = page.cursor;
  } while (cursor);
  // Somatic: the latest tumour file, by its findings or its marker.
  let tumourFile: CallSource | undefined;
  for (const s of stored)
    if (('tumourFile' in s || !s.germline) && (!tumourFile || isLaterFile(sourceOf(s), tumourFile)))
      tumourFile = sourceOf(s);
  // Once per gene and alteration: a lower-case VCF stored under raised bases (80e70f7 to aeafc34)
  // and delivered again holds each finding under both keys.
  const somatic = [
    ...new Map(
      stored
        .filter(
          (s): s is StoredTumourFinding =>
            !('tumourFile' in s) && !s.germline && sameSource(sourceOf(s), tumourFile!),
        )
        .map((s) => [`${s.gene}\u0000${s.alteration}`, s] as const),
    ).values(),
  ];
  // Germline: all of them, one per gene and alteration, the latest file's copy.
  const germline = new Map<string, StoredTumourFinding>();
  for (const s of stored) {
    if ('tumourFile' in s || !s.germline) continue;
    const key = `${s.gene}\u0000${s.alteration}`;
    const seen = germline.get(key);
    if (!seen || isLaterFile(sourceOf(s), sourceOf(seen))) germline.set(key, s);
  }
  return [...somatic, ...germline.values()];
}
