// Test support (pgx): a minimal phased named-allele matcher over the allele-definition table, used by
// tests to read synthetic VCF calls back into diplotypes. It is not the caller: it needs phased calls
// at every defining position and does no partial or unphased matching.
//
// Matching follows PharmCAT's Named Allele Matcher (docs/methods/NamedAlleleMatcher-101): a blank cell
// takes the reference row's allele, IUPAC codes accept either base, and among matching alleles the
// highest score (most specified positions) wins. With these rules every named allele of the ten genes
// matches exactly one haplotype, so no tie arises (allele-definitions.test.ts checks this); a tie would
// be reported in `ambiguous` rather than resolved silently.
import type { VariantCall } from '../synth/model';
import {
  acceptedAlleles,
  alleleDefinitions,
  requiredCell,
  type PgxGene,
} from './allele-definitions';
import { orderDiplotype } from './haplotype-names';

interface CompiledAllele {
  name: string;
  score: number;
  /** Accepted VCF alleles per position index. */
  accepts: readonly (readonly string[])[];
}

const compiled = new Map<PgxGene, CompiledAllele[]>();

function compiledAlleles(gene: PgxGene): CompiledAllele[] {
  let alleles = compiled.get(gene);
  if (!alleles) {
    const { positions, namedAlleles } = alleleDefinitions[gene];
    alleles = namedAlleles.map((allele) => ({
      name: allele.name,
      score: allele.score,
      accepts: positions.map((p) => acceptedAlleles(requiredCell(gene, allele, p))),
    }));
    compiled.set(gene, alleles);
  }
  return alleles;
}

/** The named alleles whose every cell accepts `haplotype` (one VCF allele per defining position). */
export function matchingAlleles(gene: PgxGene, haplotype: readonly string[]): string[] {
  return compiledAlleles(gene)
    .filter((allele) => allele.accepts.every((accepted, i) => accepted.includes(haplotype[i]!)))
    .map((allele) => allele.name);
}

function bestMatch(gene: PgxGene, haplotype: readonly string[]): string[] {
  const matches = compiledAlleles(gene).filter((allele) =>
    allele.accepts.every((accepted, i) => accepted.includes(haplotype[i]!)),
  );
  const top = Math.max(...matches.map((m) => m.score));
  return matches.filter((m) => m.score === top).map((m) => m.name);
}

export interface MatchedDiplotype {
  alleles: [string, string];
  /** Every top-scoring name per haplotype when more than one ties (empty when the call is unique). */
  ambiguous: string[][];
}

/**
 * The diplotype of `gene` read from phased calls ("i|j"): each haplotype's VCF alleles are looked up
 * from the calls' own REF and ALT, then matched. Throws when a defining position has no call.
 */
export function matchDiplotype(gene: PgxGene, calls: readonly VariantCall[]): MatchedDiplotype {
  const byLocus = new Map(calls.map((c) => [`${c.chrom}:${c.pos}`, c]));
  const haplotypes: [string[], string[]] = [[], []];
  for (const p of alleleDefinitions[gene].positions) {
    const call = byLocus.get(`${p.chrom}:${p.pos}`);
    if (!call) throw new Error(`${gene}: no call at ${p.chrom}:${p.pos}`);
    const alleles = [call.ref, ...call.alt.split(',')];
    const indices = call.genotype.split('|').map(Number);
    if (indices.length !== 2) throw new Error(`${gene}: unphased call ${call.genotype}`);
    haplotypes[0].push(alleles[indices[0]!]!);
    haplotypes[1].push(alleles[indices[1]!]!);
  }
  const [left, right] = haplotypes.map((h) => bestMatch(gene, h)) as [string[], string[]];
  return {
    alleles: orderDiplotype(left[0] ?? 'no match', right[0] ?? 'no match'),
    ambiguous: [left, right].filter((names) => names.length > 1),
  };
}
