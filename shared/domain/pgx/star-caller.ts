// Domain (pgx): star-allele diplotype calling from unphased genotypes, after PharmCAT's Named Allele
// Matcher (PharmGKB/PharmCAT @ 5431bf11, docs/methods/NamedAlleleMatcher-101).
//
// - Every pair of named alleles is tried against the sample: at each position with a call, one allele
//   must accept one of the two bases and the other allele the other (unphased data allow any phase).
//   A blank definition cell takes the reference row's base; IUPAC cells accept either base.
// - Positions without a call are left out of matching (never assumed reference), as PharmCAT does.
// - Score: a haplotype scores the number of defining positions it specifies among those with a call
//   (the reference row specifies all); a diplotype scores the sum. The highest score wins, so *1/*3A
//   beats *3B/*3C for a TPMT double heterozygote, as PharmCAT calls it.
// - Tie-break (ours; PharmCAT reports every tied diplotype): all tied diplotypes are kept in `tied`,
//   and the one written first in PharmCAT's haplotype order is reported (lowest star numbers first, so
//   CYP2C19 *1 is preferred to the reference-sequence allele *38 when rs3758581 is missing).
// - Missing positions: each missing position is set in turn to homozygous reference, and to
//   heterozygous and homozygous for every variant base some named allele requires there, and the
//   sample re-called. When any outcome differs from the call (including a tie that a reference
//   genotype would break) `callDependsOnMissing` is set and the diplotypes seen are listed in
//   `alternatives`. Outcomes no named allele explains (a novel variant) are ignored. One position at a
//   time: an allele needing two missing positions shows up through each alone.
import {
  acceptedAlleles,
  alleleDefinitions,
  requiredCell,
  type PgxGene,
} from './allele-definitions';
import { compareHaplotypeNames, orderDiplotype } from './haplotype-names';
import type { GeneGenotypes, MissingPosition } from './sample-genotypes';

type Calls = readonly (readonly [string, string] | null)[];

export interface DiplotypeCall {
  gene: PgxGene;
  /** The reported haplotypes in PharmCAT's order; null when no diplotype could be called. */
  haplotypes: [string, string] | null;
  /** "*1/*17"; "Unknown/Unknown" when no call. */
  diplotype: string;
  /** Every top-scoring diplotype; more than one means the call is ambiguous. */
  tied: string[];
  missing: MissingPosition[];
  /** True when a variant at a missing position would change the call. */
  callDependsOnMissing: boolean;
  /** Diplotypes that would be called if one missing position carried a variant. */
  alternatives: string[];
  /** For each alternative, the VCF POS of the missing positions whose genotype would give it. */
  alternativePositions: Record<string, number[]>;
  notes: string[];
  /** DPYD only: the activity-score diplotype needs no further pairing rule. */
  activityScore?: number;
}

interface CompiledAllele {
  name: string;
  accepts: readonly (readonly string[])[];
  specified: readonly boolean[];
}

const compiledCache = new Map<PgxGene, CompiledAllele[]>();

function compiled(gene: PgxGene): CompiledAllele[] {
  let alleles = compiledCache.get(gene);
  if (!alleles) {
    const { positions, namedAlleles } = alleleDefinitions[gene];
    alleles = namedAlleles.map((allele) => ({
      // PharmCAT reports sub-alleles (SLCO1B1 *45.001, *45.002) by their core allele.
      name: allele.name.replace(/^(\*\d+)\.\d+$/, '$1'),
      accepts: positions.map((p) => acceptedAlleles(requiredCell(gene, allele, p))),
      specified: positions.map((p) => allele.alleles[p.pos] !== undefined),
    }));
    compiledCache.set(gene, alleles);
  }
  return alleles;
}

function pairFits(a: CompiledAllele, b: CompiledAllele, calls: Calls, present: number[]) {
  return present.every((i) => {
    const [x, y] = calls[i]!;
    return (
      (a.accepts[i]!.includes(x) && b.accepts[i]!.includes(y)) ||
      (a.accepts[i]!.includes(y) && b.accepts[i]!.includes(x))
    );
  });
}

/** The top-scoring diplotypes (sorted, deduplicated) for `calls`; empty when nothing matches. */
export function topDiplotypes(gene: PgxGene, calls: Calls): string[] {
  const present = calls.flatMap((c, i) => (c ? [i] : []));
  const candidates = compiled(gene).filter((a) =>
    present.every((i) => calls[i]!.some((base) => a.accepts[i]!.includes(base))),
  );
  const score = (a: CompiledAllele) => present.filter((i) => a.specified[i]).length;
  let best = -1;
  let top: [string, string][] = [];
  candidates.forEach((a, i) => {
    for (const b of candidates.slice(i)) {
      if (!pairFits(a, b, calls, present)) continue;
      const s = score(a) + score(b);
      if (s > best) [best, top] = [s, []];
      if (s === best) top.push(orderDiplotype(a.name, b.name));
    }
  });
  top.sort((x, y) => compareHaplotypeNames(x[0], y[0]) || compareHaplotypeNames(x[1], y[1]));
  return [...new Set(top.map((d) => d.join('/')))];
}

/** The variant bases some named allele requires at position `index` (never the REF base). */
function variantBases(gene: PgxGene, index: number): string[] {
  const ref = alleleDefinitions[gene].positions[index]!.ref;
  return [...new Set(compiled(gene).flatMap((a) => a.accepts[index]!))].filter((b) => b !== ref);
}

/**
 * The top diplotype sets obtained when each missing position in turn is given a genotype: homozygous
 * reference, or heterozygous / homozygous for each variant base some named allele requires there;
 * each with the VCF POS of the position that was set.
 */
export function outcomesAtMissing(
  gene: PgxGene,
  calls: Calls,
  call: (calls: Calls) => string[],
): { pos: number; diplotypes: string[] }[] {
  const outcomes: { pos: number; diplotypes: string[] }[] = [];
  calls.forEach((c, i) => {
    if (c) return;
    const { ref, pos } = alleleDefinitions[gene].positions[i]!;
    const genotypes = [
      [ref, ref] as const,
      ...variantBases(gene, i).flatMap((base) => [[ref, base] as const, [base, base] as const]),
    ];
    for (const genotype of genotypes)
      outcomes.push({ pos, diplotypes: call(calls.map((x, j) => (j === i ? genotype : x))) });
  });
  return outcomes;
}

/**
 * Call the diplotype of `gene` (any gene but DPYD, see dpyd-caller.ts) from one sample's genotypes at
 * its defining positions. See the file comment for matching, scoring, tie-break and missing data.
 */
export function callStarDiplotype(genotypes: GeneGenotypes): DiplotypeCall {
  const { gene, calls, missing } = genotypes;
  const base: Omit<DiplotypeCall, 'haplotypes' | 'diplotype' | 'tied'> = {
    gene,
    missing,
    callDependsOnMissing: missing.length > 0,
    alternatives: [],
    alternativePositions: {},
    notes: [],
  };
  if (calls.every((c) => c === null))
    return {
      ...base,
      haplotypes: null,
      diplotype: 'Unknown/Unknown',
      tied: [],
      notes: ['no defining position of this gene has a call'],
    };
  const tied = topDiplotypes(gene, calls);
  const first = tied[0];
  // An outcome with no match (a variant no named allele explains) is not a usable alternative.
  const outcomes = outcomesAtMissing(gene, calls, (c) => topDiplotypes(gene, c)).filter(
    (o) => o.diplotypes.length > 0,
  );
  const current = tied.join(' ');
  const dependsOnMissing = outcomes.some((o) => o.diplotypes.join(' ') !== current);
  const alternatives = [...new Set(outcomes.flatMap((o) => o.diplotypes))].filter(
    (d) => d !== first,
  );
  const alternativePositions = Object.fromEntries(
    alternatives.map((d) => [
      d,
      [...new Set(outcomes.filter((o) => o.diplotypes.includes(d)).map((o) => o.pos))],
    ]),
  );
  const notes: string[] = [];
  if (!first)
    notes.push('no pair of named alleles matches the genotypes (a novel or unlisted haplotype)');
  if (tied.length > 1) notes.push(`ambiguous: ${tied.length} diplotypes score equally`);
  return {
    ...base,
    haplotypes: first ? (first.split('/') as [string, string]) : null,
    diplotype: first ?? 'Unknown/Unknown',
    tied,
    callDependsOnMissing: dependsOnMissing,
    alternatives,
    alternativePositions,
    notes,
  };
}
