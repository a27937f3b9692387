// Domain (genomics): per-sample genotype records for serving, annotated with the pharmacogene whose defining position they sit on, and which defining positions a sample's VCF covers.
import {
  alleleDefinitions,
  pgxGenes,
  type DefiningPosition,
  type PgxGene,
} from '../pgx/allele-definitions';
import { chromosomeKey } from './assembly';
import type { SampleGenotype, VcfVariant } from './vcf-line';

export type Zygosity = 'hom-ref' | 'het' | 'hom-alt' | 'hemi' | 'no-call';

export interface GenotypeRecord {
  sample: string;
  chrom: string;
  /** 1-based GRCh38 position. */
  pos: number;
  ref: string;
  /** The record's ALT column (","-joined), so `gt` indices keep their meaning; "." when none. */
  alt: string;
  gt: string;
  zygosity: Zygosity;
  /** Set when the GT is phased ("0|1": every separator "|"); absent for an unphased call. */
  phased?: true;
  /** FORMAT/PS of a phased call, when the file gave one (vcf-line.ts SampleGenotype.phaseSet). */
  phaseSet?: string;
  /** The pharmacogene when this is one of its PharmCAT allele-defining positions. */
  gene?: PgxGene;
  /** REF and ALT as the file wrote them when some base was lower case (VcfVariant.basesAsWritten). */
  basesAsWritten?: { ref: string; alt: string };
}

function locusKey(chrom: string, pos: number): string {
  return `${chromosomeKey(chrom)}:${pos}`;
}

// Built once: ~400 positions over the ten genes (PharmCAT definitions, see allele-definitions.ts).
const definingPositions: ReadonlyMap<string, { gene: PgxGene; position: DefiningPosition }> =
  new Map(
    pgxGenes.flatMap((gene) =>
      alleleDefinitions[gene].positions.map(
        (position) => [locusKey(position.chrom, position.pos), { gene, position }] as const,
      ),
    ),
  );

/** The pharmacogene with a defining position at `chrom`:`pos` ("chr10" and "10" alike), if any. */
export function pharmacogeneAt(chrom: string, pos: number): PgxGene | undefined {
  return definingPositions.get(locusKey(chrom, pos))?.gene;
}

/**
 * Zygosity of one call. Any missing allele ("./1", "./.") is a no-call: half a genotype cannot be
 * served as a het or hom call. A haploid call (chrY, male chrX, chrM) carrying an ALT is 'hemi'; a
 * haploid REF call is 'hom-ref' (no alternate allele present). 1/2 is 'het' (compound).
 */
export function zygosity(alleles: readonly (number | null)[]): Zygosity {
  if (alleles.length === 0 || alleles.some((a) => a === null)) return 'no-call';
  if (alleles.length === 1) return alleles[0] === 0 ? 'hom-ref' : 'hemi';
  const first = alleles[0];
  if (alleles.some((a) => a !== first)) return 'het';
  return first === 0 ? 'hom-ref' : 'hom-alt';
}

function record(variant: VcfVariant, call: SampleGenotype): GenotypeRecord {
  const gene = pharmacogeneAt(variant.chrom, variant.pos);
  return {
    sample: call.sample,
    chrom: variant.chrom,
    pos: variant.pos,
    ref: variant.ref,
    alt: variant.alts.length > 0 ? variant.alts.join(',') : '.',
    gt: call.gt,
    zygosity: zygosity(call.alleles),
    ...(call.phased ? { phased: true as const } : {}),
    ...(call.phased && call.phaseSet !== undefined ? { phaseSet: call.phaseSet } : {}),
    ...(gene ? { gene } : {}),
    ...(variant.basesAsWritten ? { basesAsWritten: variant.basesAsWritten } : {}),
  };
}

/**
 * The compact serving records of `variant`: one per sample, or only `sample`'s when given (none if
 * the file has no such sample).
 */
export function genotypeRecords(variant: VcfVariant, sample?: string): GenotypeRecord[] {
  const calls =
    sample === undefined ? variant.samples : variant.samples.filter((s) => s.sample === sample);
  return calls.map((call) => record(variant, call));
}

export interface PharmacogeneCoverage {
  gene: PgxGene;
  /** Defining positions with a call (not a no-call) in the records. */
  present: DefiningPosition[];
  /** Defining positions absent from the records or only no-called: the caller cannot see them. */
  missing: DefiningPosition[];
}

/**
 * For each of the ten pharmacogenes, which PharmCAT allele-defining positions one sample's records
 * cover. Pass a single sample's records (or variant loci); memory is one entry per defining
 * position seen, whatever the number of records.
 */
export function pharmacogenePositionsCovered(
  records: Iterable<Pick<GenotypeRecord, 'chrom' | 'pos'> & { zygosity?: Zygosity }>,
): PharmacogeneCoverage[] {
  const seen = new Set<string>();
  for (const r of records) {
    const key = locusKey(r.chrom, r.pos);
    if (r.zygosity !== 'no-call' && definingPositions.has(key)) seen.add(key);
  }
  return pgxGenes.map((gene) => {
    const positions = alleleDefinitions[gene].positions;
    const covered = (p: DefiningPosition) => seen.has(locusKey(p.chrom, p.pos));
    return {
      gene,
      present: positions.filter(covered),
      missing: positions.filter((p) => !covered(p)),
    };
  });
}
