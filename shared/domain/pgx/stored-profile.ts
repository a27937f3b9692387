// Use case (pgx): a patient's pharmacogenomic profile from the genotype calls stored at ingest
// (encrypted; genomics/stored-genotypes.ts), built exactly as `caregraph pgx` builds it from a VCF:
// the same genotype reading rules as vcf-genotypes.ts (GT indices to bases; a haploid or partly
// missing GT is a no-call; two records at one position merge when they share REF and carry at most
// two ALT alleles between them), then pgxProfile, which reports missing positions and never assumes
// reference. Outside calls (CYP2D6, HLA-A, HLA-B) are not stored by ingest, so they are "not tested".
import type { StoredGenotype } from '../genomics/genotype-items';
import { storedPharmacogeneCalls, type StoredGenotypeDeps } from '../genomics/stored-genotypes';
import { trackedHlaAlleles } from './outside-calls';
import { incompleteCallWarnings, pgxProfile, type PgxProfile } from './profile';
import type { PositionGenotype } from './sample-genotypes';
import { mergeSplitSite, type Held } from './vcf-genotypes';

export interface PatientPgx {
  patient: string;
  /** False when no VCF of the patient has been ingested: no profile, every gene untested. */
  genotyped: boolean;
  /** The profile (ten VCF genes, each with its missing positions); absent when not genotyped. */
  profile?: PgxProfile;
  /** Genes with no stored call at all: the outside-call genes, and VCF genes with no typed position. */
  notTested: string[];
  /**
   * Records at one position that could not be merged (the position is then a no-call), and each gene
   * whose call depends on positions missing from the stored genotypes (profile.ts: its phenotype is
   * Indeterminate), naming the gene and the positions.
   */
  warnings: string[];
}

/** Genes CPIC keys on that only outside calls provide (never stored by VCF ingest). */
export const outsideOnlyGenes: readonly string[] = ['CYP2D6', ...Object.keys(trackedHlaAlleles)];

/** The two alleles of a stored call as bases; null for a no-call, haploid or unreadable GT. */
function allelesOf(call: StoredGenotype): readonly [string, string] | null {
  const indices = call.gt.split(/[/|]/);
  if (indices.length !== 2 || indices.some((i) => !/^\d+$/.test(i))) return null;
  const bases = [call.ref, ...(call.alt === '.' ? [] : call.alt.split(','))];
  const [a, b] = indices.map((i) => bases[Number(i)]);
  return a !== undefined && b !== undefined ? [a, b] : null;
}

/**
 * Stored calls (any order) as the per-position genotypes pgxProfile reads; records at one position
 * are merged in VCF line order, as the VCF reader meets them.
 */
export function positionGenotypesOf(calls: readonly StoredGenotype[]): {
  genotypes: PositionGenotype[];
  warnings: string[];
} {
  const warnings: string[] = [];
  const held = new Map<string, Held>();
  for (const call of [...calls].sort((a, b) => a.line - b.line)) {
    const key = `${call.chrom}:${call.pos}`;
    const next: Held = {
      chrom: call.chrom,
      pos: call.pos,
      ref: call.ref,
      alleles: allelesOf(call),
    };
    const earlier = held.get(key);
    if (!earlier) held.set(key, next);
    else {
      const merged = mergeSplitSite(earlier, next);
      if (!merged) warnings.push(`line ${call.line}: second record at ${key} could not be merged`);
      held.set(key, merged ?? { ...earlier, alleles: null });
    }
  }
  const genotypes = [...held.values()].map(({ chrom, pos, alleles }) => ({ chrom, pos, alleles }));
  return { genotypes, warnings };
}

/**
 * The PGx profile of pseudonymous `patient` of `hospital` from their stored, encrypted genotype
 * calls. Throws ValidationError when a stored envelope fails authentication.
 */
export async function storedPgxProfile(
  deps: StoredGenotypeDeps,
  hospital: string,
  patient: string,
): Promise<PatientPgx> {
  const calls = await storedPharmacogeneCalls(deps, hospital, patient);
  if (calls.length === 0) {
    const notTested = [...pgxProfile([]).genes.map((g) => g.gene), ...outsideOnlyGenes].sort();
    return { patient, genotyped: false, notTested, warnings: [] };
  }
  const { genotypes, warnings } = positionGenotypesOf(calls);
  const profile = pgxProfile(genotypes);
  const untyped = profile.genes.filter((g) => g.phenotype === 'No Result').map((g) => g.gene);
  return {
    patient,
    genotyped: true,
    profile,
    notTested: [...untyped, ...outsideOnlyGenes].sort(),
    warnings: [...warnings, ...incompleteCallWarnings(profile)],
  };
}
