// Domain (pgx): one patient's pharmacogenomic profile — a diplotype and CPIC phenotype per gene, from
// VCF genotypes (ten genes) and outside calls (CYP2D6, HLA-A, HLA-B, or overrides of VCF genes). Pure:
// the CLI, the recommender and the API build it the same way.
//
// Incomplete calls: a VCF call that a variant at a missing defining position would change (star-caller.ts,
// dpyd-caller.ts list those alternatives) is only as good as the reference genotype assumed there. When
// any alternative has a different CPIC lookup key (phenotype or activity score), the phenotype is
// reported as Indeterminate (lookup key "Indeterminate", or "n/a" for the activity-score genes CYP2C9 and
// DPYD, as for tied calls), the phenotype as called is kept in `incomplete`, and the missing positions
// that matter are named there. Basis: CPIC's tables give a recommendation per phenotype the genotype
// supports, and have "Indeterminate" rows (or none) for a genotype that cannot assign one (the encoded
// tables, cpic-recommendations.data.ts). PharmCAT (2.x report) marks such a call
// "Genotype based on missing variant input" but still reports it; this pipeline is stricter (ours): a
// phenotype a missing position could change is not used for a recommendation. A call whose alternatives
// all share its lookup key is kept (a *38 for a *1 changes nothing CPIC reads).
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

/** What an incomplete call (see the file comment) was called as, and what the missing data could make it. */
export interface IncompleteCall {
  /** The phenotype the call would have with the reference genotype assumed at the missing positions. */
  phenotypeAsCalled: string;
  activityScoreAsCalled?: number;
  /** The missing defining positions a variant at which would change the CPIC lookup key. */
  positions: MissingPosition[];
  /** The diplotypes a variant there would give, with their phenotypes. */
  alternatives: { diplotype: string; phenotype: string }[];
}

export interface PgxGeneResult extends OutsideGeneResult {
  source: 'vcf' | 'outside';
  /** Defining positions without a usable call (always empty for outside calls). */
  missingPositions: MissingPosition[];
  callDependsOnMissing: boolean;
  /** Diplotypes a variant at a missing position would give instead. */
  alternatives: string[];
  /** Every equally scored diplotype, when the call is ambiguous (more than one). */
  tied?: string[];
  /** Set when the phenotype is Indeterminate because the call depends on missing positions. */
  incomplete?: IncompleteCall;
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

/** "chr1:97450058 (rs3918290)": a position as the warnings name it (positions are not PHI). */
export function positionLabel(p: MissingPosition): string {
  return `${p.chrom}:${p.pos}${p.rsid ? ` (${p.rsid})` : ''}`;
}

/** The incomplete-call finding of `call` (file comment), or undefined when the missing data cannot matter. */
function incompleteCall(
  call: DiplotypeCall,
  phenotype: Omit<OutsideGeneResult, 'gene' | 'diplotype'>,
): IncompleteCall | undefined {
  // No call, or one already Indeterminate: nothing determinate to withdraw.
  if (!call.haplotypes || ['Indeterminate', 'n/a'].includes(phenotype.lookupKey)) return undefined;
  const differing = call.alternatives
    .map((diplotype) => ({
      diplotype,
      ...diplotypePhenotype(call.gene, diplotype.split('/') as [string, string]),
    }))
    .filter((a) => a.lookupKey !== phenotype.lookupKey);
  if (differing.length === 0) return undefined;
  const decisive = new Set(differing.flatMap((a) => call.alternativePositions[a.diplotype] ?? []));
  return {
    phenotypeAsCalled: phenotype.phenotype,
    ...(phenotype.activityScore === undefined
      ? {}
      : { activityScoreAsCalled: phenotype.activityScore }),
    positions: call.missing.filter((m) => decisive.has(m.pos)),
    alternatives: differing.map((a) => ({ diplotype: a.diplotype, phenotype: a.phenotype })),
  };
}

function vcfGeneResult(gene: PgxGene, genotypes: readonly PositionGenotype[]): PgxGeneResult {
  const arranged = geneGenotypes(gene, genotypes);
  const call = gene === 'DPYD' ? callDpyd(arranged) : callStarDiplotype(arranged);
  const called = phenotypeOfCall(call);
  const incomplete = incompleteCall(call, called);
  const phenotype = incomplete
    ? {
        phenotype: 'Indeterminate',
        lookupKey: called.activityScore === undefined ? 'Indeterminate' : 'n/a',
      }
    : called;
  const notes = [...call.notes];
  if (phenotype.phenotype === 'Indeterminate' && call.tied.length > 1)
    notes.push('tied diplotypes differ in phenotype');
  if (incomplete)
    notes.push(
      `incomplete: ${incomplete.positions.map(positionLabel).join(', ')} missing; the phenotype would be ${incomplete.phenotypeAsCalled} only if they are reference`,
    );
  return {
    gene,
    diplotype: call.diplotype,
    ...phenotype,
    source: 'vcf',
    missingPositions: call.missing,
    callDependsOnMissing: call.callDependsOnMissing,
    alternatives: call.alternatives,
    ...(call.tied.length > 1 ? { tied: call.tied } : {}),
    ...(incomplete ? { incomplete } : {}),
    notes,
  };
}

export interface IncompleteGene {
  gene: string;
  /** "chr1:97450058 (rs3918290)". */
  positions: string[];
  /** "Reference/c.1905+1G>A (*2A) (Intermediate Metabolizer)". */
  alternatives: string[];
}

/** The incomplete genes among `genes`, as a recommendation names them. */
export function incompleteGenes(
  genes: readonly string[],
  byGene: ReadonlyMap<string, PgxGeneResult | undefined>,
): IncompleteGene[] {
  return genes.flatMap((gene) => {
    const found = byGene.get(gene)?.incomplete;
    if (!found) return [];
    return [
      {
        gene,
        positions: found.positions.map(positionLabel),
        alternatives: found.alternatives.map((a) => `${a.diplotype} (${a.phenotype})`),
      },
    ];
  });
}

/**
 * One warning per gene whose call is incomplete (file comment), naming the gene and the missing
 * positions, for every place that serves the profile.
 */
export function incompleteCallWarnings(profile: PgxProfile): string[] {
  return profile.genes.flatMap((g) =>
    g.incomplete
      ? [
          `${g.gene}: the call depends on defining positions missing from the genotype data (${g.incomplete.positions.map(positionLabel).join(', ')}); a variant there would give ${g.incomplete.alternatives.map((a) => `${a.diplotype} (${a.phenotype})`).join(' or ')}, so the phenotype is Indeterminate and no CPIC recommendation is made from it (the call ${g.diplotype} is ${g.incomplete.phenotypeAsCalled} only if those positions are reference)`,
        ]
      : [],
  );
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
