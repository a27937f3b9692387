// Test support (pgx): unphased genotypes for a chosen diplotype at every defining position of a gene,
// built from the allele-definition table, so tests state a diplotype and the caller must recover it.
import { alleleDefinitions, haplotypeAlleles, pgxGenes, type PgxGene } from './allele-definitions';
import type { PositionGenotype } from './sample-genotypes';

/** Genotypes at every defining position of `gene` for haplotypes `a` and `b` (unordered). */
export function diplotypeGenotypes(gene: PgxGene, a: string, b: string): PositionGenotype[] {
  const left = haplotypeAlleles(gene, a);
  const right = haplotypeAlleles(gene, b);
  return alleleDefinitions[gene].positions.map((p, i) => ({
    chrom: p.chrom,
    pos: p.pos,
    alleles: [left[i]!, right[i]!] as const,
  }));
}

/** The reference allele name of each gene: what a chromosome without variants is called. */
const referenceNames: Record<PgxGene, string> = {
  CYP2B6: '*1',
  CYP2C19: '*38',
  CYP2C9: '*1',
  CYP3A5: '*1',
  DPYD: 'Reference',
  NUDT15: '*1',
  SLCO1B1: '*1',
  TPMT: '*1',
  UGT1A1: '*1',
  VKORC1: 'rs9923231 reference (C)',
};

/**
 * Genotypes for all ten genes: the given diplotypes, every other gene homozygous for its reference
 * allele (CYP2C19 *1/*1, the common GRCh38-differing haplotype, rather than *38/*38).
 */
export function genomeGenotypes(
  diplotypes: Partial<Record<PgxGene, [string, string]>> = {},
): PositionGenotype[] {
  return pgxGenes.flatMap((gene) => {
    const fallback: [string, string] =
      gene === 'CYP2C19' ? ['*1', '*1'] : [referenceNames[gene], referenceNames[gene]];
    const [a, b] = diplotypes[gene] ?? fallback;
    return diplotypeGenotypes(gene, a, b);
  });
}

/** `genotypes` without the positions in `positions` (as if the VCF lacked them). */
export function withoutPositions(
  genotypes: readonly PositionGenotype[],
  positions: readonly number[],
): PositionGenotype[] {
  return genotypes.filter((g) => !positions.includes(g.pos));
}
