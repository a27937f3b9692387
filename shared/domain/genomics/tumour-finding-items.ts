// Domain (genomics): actionable tumour findings read from a VCF at ingest (tumour-variants.ts:
// INFO GENE with SOMATIC and HGVSP, SVTYPE=DUP amplifications, known germline pathogenic variants),
// kept in the patient's genotype partition so the recommendations can read them without reading every
// off-target call again (a whole-genome VCF has millions). Sealed like the calls (genotype-items.ts):
// - pk `G#{hospital}#{patient}`, the genotype partition;
// - sk `TF#{site token}`: outside the `GT#` range the PGx reader queries, and keyed by an HMAC of
//   patient + site under the hospital's pseudonymisation key, so a re-delivered VCF overwrites;
// - the finding (gene, alteration, germline, where it was read) envelope-encrypted under the
//   hospital's key: a table dump does not say who has which tumour alteration.
// Where it was read is the batch and line, not the file name, which may carry a hospital identifier.
import { z } from 'zod';
import type { Item, Table } from '../../ports/table';
import type { KeyRing } from '../../ports/key-ring';
import { genotypePartition } from './genotype-items';
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
}

const payloadSchema = z.object({
  patient: z.string(),
  gene: z.string().min(1),
  alteration: z.string().min(1),
  germline: z.boolean(),
  source: z.string(),
});

/** The sort-key prefix of a patient's tumour-finding items. */
export const tumourFindingSortPrefix = 'TF#';

/**
 * The serving item of one tumour finding of pseudonymous `patient`, read at `site`
 * (`chrom:pos:ref>alt`) on VCF data line `line` of batch `where.batch`.
 */
export async function sealTumourFindingItem(
  keys: KeyRing,
  where: { hospital: string; batch: string },
  patient: string,
  finding: { gene: string; alteration: string; germline: boolean },
  site: string,
  line: number,
): Promise<Item> {
  const token = await siteToken(keys, where.hospital, 'tumour-site', patient, site);
  const payload: StoredTumourFinding = {
    patient,
    gene: finding.gene,
    alteration: finding.alteration,
    germline: finding.germline,
    source: `VCF batch ${where.batch} line ${line}`,
  };
  return {
    pk: genotypePartition(where.hospital, patient),
    sk: `${tumourFindingSortPrefix}${token}`,
    hospital: where.hospital,
    batch: where.batch,
    finding: await sealPayload(keys, where.hospital, payload),
  };
}

/**
 * Decrypt one stored tumour finding of `patient`. Throws ValidationError when the item holds no
 * envelope, it fails authentication (another hospital's key, tampering) or names another patient.
 */
export async function openTumourFindingItem(
  keys: KeyRing,
  hospital: string,
  patient: string,
  item: Item,
): Promise<StoredTumourFinding> {
  return openPayload(keys, hospital, patient, item, 'finding', 'tumour finding', payloadSchema);
}

/** Every stored tumour finding of pseudonymous `patient` of `hospital`; [] when none was read. */
export async function storedTumourFindings(
  deps: { serving: Table; keys: KeyRing },
  hospital: string,
  patient: string,
): Promise<StoredTumourFinding[]> {
  const found: StoredTumourFinding[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.serving.query({
      partition: genotypePartition(hospital, patient),
      sortPrefix: tumourFindingSortPrefix,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    found.push(
      ...(await Promise.all(
        page.items.map((item) => openTumourFindingItem(deps.keys, hospital, patient, item)),
      )),
    );
    cursor = page.cursor;
  } while (cursor);
  return found;
}
