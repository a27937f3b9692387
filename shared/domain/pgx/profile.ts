// Domain (pgx): one patient's pharmacogenomic profile — a diplotype and CPIC phenotype per gene, from
// VCF genotypes (ten genes) and outside calls (CYP2D6, HLA-A, HLA-B, or overrides of VCF genes). Pure:
// the CLI, the recommender and the API build it the same way.
import { alleleDefinitions, pgxGenes, type PgxGene } from './allele-definitions';
import { callDpyd } from './dpyd-caller';
import { hlaResult } from './hla';
import {
  cyp2d6Result,
  outsideStarAlleles,
  trackedHlaAlleles,
  type OutsideCall,
  type OutsideGeneResult,
} from './outside-calls';
import { diplotypePhenotype } from './phenotypes';
import { geneGenotypes, type MissingPosition, type PositionGenotype } from './sample-genotypes';
import { callStarDiplotype, type DiplotypeCall } from './star-caller';

export interface PgxGeneResult extends OutsideGeneResult {
  source: 'vcf' | 'outside';
  /** Defining positions without a usable call (always empty for outside calls). */
  missingPositions: MissingPosition[];
  callDependsOnMissing: boolean;
  /** Diplotypes a variant at a missing position would give instead. */
  alternatives: string[];
  /** Every equally scored diplotype, when the call is ambiguous (more than one). */
  tied?: string[];
  notes: string[];
}

export interface PgxProfile {
  genes: PgxGeneResult[];
}

function phenotypeOfCall(call: DiplotypeCall): Omit<OutsideGeneResult, 'gene' | 'diplotype'> {
  if (!call.haplotypes) {
    // Nothing seen at all is CPIC's "No Result" (untested); a genotype no pair explains is Indeterminate.
    const untested = call.missing.length === alleleDefinitions[call.gene].positions.length;
    const phenotype = untested ? 'No Result' : 'Indeterminate';
    return { phenotype, lookupKey: phenotype };
  }
  const results = call.tied.map((d) =>
    diplotypePhenotype(call.gene, d.split('/') as [string, string]),
  );
  const first = diplotypePhenotype(call.gene, call.haplotypes);
  if (results.some((r) => r.phenotype !== first.phenotype))
    return {
      phenotype: 'Indeterminate',
      lookupKey: first.activityScore === undefined ? 'Indeterminate' : 'n/a',
    };
  return first;
}

function vcfGeneResult(gene: PgxGene, genotypes: readonly PositionGenotype[]): PgxGeneResult {
  const arranged = geneGenotypes(gene, genotypes);
  const call = gene === 'DPYD' ? callDpyd(arranged) : callStarDiplotype(arranged);
  const phenotype = phenotypeOfCall(call);
  const notes = [...call.notes];
  if (phenotype.phenotype === 'Indeterminate' && call.tied.length > 1)
    notes.push('tied diplotypes differ in phenotype');
  return {
    gene,
    diplotype: call.diplotype,
    ...phenotype,
    source: 'vcf',
    missingPositions: call.missing,
    callDependsOnMissing: call.callDependsOnMissing,
    alternatives: call.alternatives,
    ...(call.tied.length > 1 ? { tied: call.tied } : {}),
    notes,
  };
}

function outsideGeneResult(gene: string, calls: readonly OutsideCall[]): PgxGeneResult {
  const base = {
    source: 'outside' as const,
    missingPositions: [],
    callDependsOnMissing: false,
    alternatives: [],
  };
  if (gene in trackedHlaAlleles) return { ...hlaResult(gene, calls), ...base, notes: [] };
  if (gene === 'CYP2D6') return { ...cyp2d6Result(calls[0]!), ...base, notes: [] };
  const alleles = outsideStarAlleles(calls[0]!);
  return {
    gene,
    diplotype: alleles.join('/'),
    ...diplotypePhenotype(gene as PgxGene, alleles),
    ...base,
    notes: ['outside call; replaces the VCF call'],
  };
}

/**
 * The profile of one sample: each of the ten VCF genes called from `genotypes` (that sample's calls at
 * any positions; extra positions are ignored) unless an outside call names it, plus each gene of
 * `outsideCalls`. Genes are sorted by name. Throws ValidationError on a malformed outside call.
 */
export function pgxProfile(
  genotypes: Iterable<PositionGenotype>,
  outsideCalls: readonly OutsideCall[] = [],
): PgxProfile {
  const all = [...genotypes];
  const byGene = new Map<string, OutsideCall[]>();
  for (const call of outsideCalls) byGene.set(call.gene, [...(byGene.get(call.gene) ?? []), call]);
  const genes = [
    ...pgxGenes.filter((g) => !byGene.has(g)).map((g) => vcfGeneResult(g, all)),
    ...[...byGene].map(([gene, calls]) => outsideGeneResult(gene, calls)),
  ].sort((a, b) => (a.gene < b.gene ? -1 : 1));
  return { genes };
}
