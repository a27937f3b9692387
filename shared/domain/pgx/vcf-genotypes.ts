// Domain (pgx): one sample's genotypes at the pharmacogene defining positions, collected from the VCF
// reader's stream (genomics/vcf-reader.ts: GRCh38 only, GRCh37 rejected there). Only defining
// positions are kept, so memory stays at ~400 entries whatever the file size.
//
// Choices: any line error fails the read (a malformed line could be a defining position, and a call
// must never rest on a guess); FILTER is not applied (PharmCAT reads calls regardless of FILTER); a
// haploid or partly missing GT is a no-call; two records at one position (a multi-allelic site split
// into biallelic lines) are merged when they share REF and carry at most two ALT alleles between them.
import { ValidationError } from '../errors';
import { pharmacogeneAt } from '../genomics/genotype-records';
import type { VcfRecordResult, VcfVariant } from '../genomics/vcf-reader';
import type { PositionGenotype } from './sample-genotypes';

export interface SampleGenotypesRead {
  sample: string;
  genotypes: PositionGenotype[];
  /** Header findings (assembly not stated) and merges that failed; never genotype values. */
  warnings: string[];
}

/** A position's genotype with the REF it was called against (split multi-allelic sites merge on it). */
export interface Held extends PositionGenotype {
  ref: string;
}

function genotypeOf(variant: VcfVariant, column: number): readonly [string, string] | null {
  const call = variant.samples[column];
  if (!call || call.alleles.length !== 2 || call.alleles.some((a) => a === null)) return null;
  const bases = [variant.ref, ...variant.alts];
  return [bases[call.alleles[0]!]!, bases[call.alleles[1]!]!];
}

/** Merge a split multi-allelic site: same REF, at most two ALTs in all; undefined when they conflict. */
export function mergeSplitSite(held: Held, next: Held): Held | undefined {
  if (held.ref !== next.ref || !held.alleles || !next.alleles) return undefined;
  const variants = [...held.alleles, ...next.alleles].filter((a) => a !== held.ref);
  if (variants.length > 2) return undefined;
  const alleles = [...variants, held.ref, held.ref].slice(0, 2) as [string, string];
  return { ...held, alleles };
}

/**
 * Collect `sample`'s genotypes (default: the first sample) at pharmacogene defining positions from a
 * VCF record stream. Throws ValidationError for a file-level problem (GRCh37, malformed header), a
 * bad line (naming it), a sites-only file, or an unknown sample.
 */
export async function readSampleGenotypes(
  records: AsyncIterable<VcfRecordResult>,
  sample?: string,
): Promise<SampleGenotypesRead> {
  let column = -1;
  let name = '';
  const warnings: string[] = [];
  const held = new Map<string, Held>();
  for await (const record of records) {
    if (record.kind === 'error') throw record.error;
    if (record.kind === 'header') {
      const { samples } = record.header;
      if (samples.length === 0)
        throw new ValidationError('the VCF has no sample columns', 'header');
      column = sample === undefined ? 0 : samples.indexOf(sample);
      if (column < 0) throw new ValidationError('--sample names no sample of the VCF', 'sample');
      name = samples[column]!;
      warnings.push(...record.header.warnings);
      continue;
    }
    if (!pharmacogeneAt(record.chrom, record.pos)) continue;
    const key = `${record.chrom}:${record.pos}`;
    const next: Held = {
      chrom: record.chrom,
      pos: record.pos,
      ref: record.ref,
      alleles: genotypeOf(record, column),
    };
    const earlier = held.get(key);
    if (!earlier) held.set(key, next);
    else {
      const merged = mergeSplitSite(earlier, next);
      if (!merged)
        warnings.push(`line ${record.line}: second record at ${key} could not be merged`);
      held.set(key, merged ?? { ...earlier, alleles: null });
    }
  }
  const genotypes = [...held.values()].map(({ chrom, pos, alleles }) => ({ chrom, pos, alleles }));
  return { sample: name, genotypes, warnings };
}
