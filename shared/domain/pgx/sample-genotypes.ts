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
  /**
   * The two alleles; null for a no-call ("./.", "./1") or a call this pipeline cannot read. In GT
   * order: when `phased`, alleles[0] is on the first haplotype and alleles[1] on the second.
   */
  alleles: readonly [string, string] | null;
  /** Set when the GT was phased ("0|1"); absent for an unphased call. */
  phased?: true;
  /** The VCF FORMAT/PS phase set of a phased call, when the file gave one. */
  phaseSet?: string;
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
  /**
   * True when the calls can be read as two haplotypes (`calls[i][0]` on one, `calls[i][1]` on the
   * other): every heterozygous call is phased and all of them are in one phase set (same FORMAT/PS,
   * or none given: VCF 4.3 §1.6.2, phased genotypes without PS form one set). Homozygous calls do not
   * count: their two alleles are the same on either haplotype.
   */
  phased: boolean;
}

/** Whether the called positions of a gene form one phased block (GeneGenotypes.phased). */
function onePhasedBlock(found: readonly (PositionGenotype | undefined)[]): boolean {
  const hets = found.filter((g) => g?.alleles && g.alleles[0] !== g.alleles[1]);
  if (hets.length === 0) return false;
  if (hets.some((g) => !g!.phased)) return false;
  return new Set(hets.map((g) => g!.phaseSet ?? '')).size === 1;
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
  const used: (PositionGenotype | undefined)[] = [];
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
    used.push(found);
    return found!.alleles;
  });
  return { gene, calls, missing, phased: onePhasedBlock(used) };
}
