// Domain (pgx): one sample's genotypes at the allele-defining positions, in allele terms (the VCF
// bases, not GT indices), and the lookup a caller needs per gene: which positions carry a call, which
// are missing.
import { chromosomeKey } from '../genomics/assembly';
import { alleleDefinitions, type DefiningPosition, type PgxGene } from './allele-definitions';

/** A diploid call at one position: the two VCF alleles (REF or an ALT, as bases), unordered. */
export interface PositionGenotype {
  chrom: string;
  /** 1-based GRCh38 VCF POS. */
  pos: number;
  /** The two alleles; null for a no-call ("./.", "./1") or a call this pipeline cannot read. */
  alleles: readonly [string, string] | null;
}

/** A defining position the caller could not see, as reported per gene. */
export interface MissingPosition {
  chrom: string;
  pos: number;
  rsid: string | null;
  /** Why: absent from the VCF, no-called, or an allele outside the PharmCAT definition. */
  reason: 'absent' | 'no-call' | 'unreadable';
}

export interface GeneGenotypes {
  gene: PgxGene;
  /** Per defining position (in table order): the alleles, or null when missing. */
  calls: readonly (readonly [string, string] | null)[];
  missing: MissingPosition[];
}

function locusKey(chrom: string, pos: number): string {
  return `${chromosomeKey(chrom)}:${pos}`;
}

function readable(position: DefiningPosition, alleles: readonly [string, string]): boolean {
  const known = [position.ref, ...position.alts];
  return alleles.every((a) => known.includes(a));
}

/**
 * Arrange `genotypes` (any order, any genes; later duplicates of a locus ignored) by the defining
 * positions of `gene`. A call with an allele the definition does not list (a different indel
 * normalisation, a novel ALT) is reported as missing ('unreadable') rather than guessed at.
 */
export function geneGenotypes(gene: PgxGene, genotypes: Iterable<PositionGenotype>): GeneGenotypes {
  const byLocus = new Map<string, PositionGenotype>();
  for (const g of genotypes) {
    const key = locusKey(g.chrom, g.pos);
    if (!byLocus.has(key)) byLocus.set(key, g);
  }
  const missing: MissingPosition[] = [];
  const calls = alleleDefinitions[gene].positions.map((p) => {
    const found = byLocus.get(locusKey(p.chrom, p.pos));
    const reason = !found
      ? 'absent'
      : !found.alleles
        ? 'no-call'
        : readable(p, found.alleles)
          ? undefined
          : 'unreadable';
    if (reason) {
      missing.push({ chrom: p.chrom, pos: p.pos, rsid: p.rsid, reason });
      return null;
    }
    return found!.alleles;
  });
  return { gene, calls, missing };
}
