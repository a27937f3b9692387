// Domain (pgx): star-allele diplotype calling from unphased or phased genotypes, after PharmCAT's
// Named Allele Matcher (PharmGKB/PharmCAT @ 5431bf11, docs/methods/NamedAlleleMatcher-101: "If data is
// unphased, generate all possible combinations of genotypes for the positions of interest", then
// match each to a named allele; phased data are matched as the two haplotypes they are).
//
// - Phased (sample-genotypes.ts GeneGenotypes.phased: every heterozygous call phased, one phase set):
//   each haplotype (calls[i][0] across positions, then calls[i][1]) is matched on its own; its
//   top-scoring named alleles pair with the other's. TPMT 1|0 at *3B's position and 0|1 at *3C's is
//   *3B/*3C (Poor), not the *1/*3A an unphased matcher prefers.
// - Unphased: every pair of named alleles is tried against the sample: at each position with a call,
//   one allele must accept one of the two bases and the other allele the other (any phase). When
//   other pairs fit the genotypes with a lower score (TPMT *3B/*3C beside *1/*3A), a note lists them:
//   phased data would decide between them.
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

const sortDiplotypes = (pairs: [string, string][]) => [
  ...new Set(
    pairs
      .sort((x, y) => compareHaplotypeNames(x[0], y[0]) || compareHaplotypeNames(x[1], y[1]))
      .map((d) => d.join('/')),
  ),
];

/** Phased: the top-scoring named alleles of haplotype `h` (calls[i][h] at each called position). */
function topHaplotypes(gene: PgxGene, calls: Calls, h: 0 | 1): CompiledAllele[] {
  const present = calls.flatMap((c, i) => (c ? [i] : []));
  const matching = compiled(gene).filter((a) =>
    present.every((i) => a.accepts[i]!.includes(calls[i]![h])),
  );
  const score = (a: CompiledAllele) => present.filter((i) => a.specified[i]).length;
  const best = Math.max(...matching.map(score));
  return matching.filter((a) => score(a) === best);
}

/**
 * The top diplotypes of phased `calls` (file comment): each haplotype's top-scoring named alleles,
 * paired; empty when either haplotype matches no named allele.
 */
export function topPhasedDiplotypes(gene: PgxGene, calls: Calls): string[] {
  const [first, second] = [topHaplotypes(gene, calls, 0), topHaplotypes(gene, calls, 1)];
  return sortDiplotypes(first.flatMap((a) => second.map((b) => orderDiplotype(a.name, b.name))));
}

/** Every pair of named alleles that fits unphased `calls`, with its score. */
function fittingPairs(gene: PgxGene, calls: Calls): { pair: [string, string]; score: number }[] {
  const present = calls.flatMap((c, i) => (c ? [i] : []));
  const candidates = compiled(gene).filter((a) =>
    present.every((i) => calls[i]!.some((base) => a.accepts[i]!.includes(base))),
  );
  const score = (a: CompiledAllele) => present.filter((i) => a.specified[i]).length;
  const pairs: { pair: [string, string]; score: number }[] = [];
  candidates.forEach((a, i) => {
    for (const b of candidates.slice(i))
      if (pairFits(a, b, calls, present))
        pairs.push({ pair: orderDiplotype(a.name, b.name), score: score(a) + score(b) });
  });
  return pairs;
}

/** The top-scoring diplotypes (sorted, deduplicated) for unphased `calls`; empty when nothing matches. */
export function topDiplotypes(gene: PgxGene, calls: Calls): string[] {
  const pairs = fittingPairs(gene, calls);
  const best = Math.max(...pairs.map((p) => p.score));
  return sortDiplotypes(pairs.filter((p) => p.score === best).map((p) => p.pair));
}

/** Unphased: the diplotypes that fit `calls` with a lower score than the call (another phase). */
function otherPhases(gene: PgxGene, calls: Calls, tied: readonly string[]): string[] {
  const heterozygous = calls.filter((c) => c && c[0] !== c[1]).length;
  if (heterozygous < 2) return [];
  const pairs = fittingPairs(gene, calls);
  return sortDiplotypes(pairs.map((p) => p.pair)).filter((d) => !tied.includes(d));
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
  phased = false,
): { pos: number; diplotypes: string[] }[] {
  const outcomes: { pos: number; diplotypes: string[] }[] = [];
  calls.forEach((c, i) => {
    if (c) return;
    const { ref, pos } = alleleDefinitions[gene].positions[i]!;
    // Phased: a heterozygous variant could be on either haplotype.
    const genotypes = [
      [ref, ref] as const,
      ...variantBases(gene, i).flatMap((base) => [
        [ref, base] as const,
        ...(phased ? [[base, ref] as const] : []),
        [base, base] as const,
      ]),
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
  const top = genotypes.phased ? topPhasedDiplotypes : topDiplotypes;
  const tied = top(gene, calls);
  const first = tied[0];
  // An outcome with no match (a variant no named allele explains) is not a usable alternative.
  const outcomes = outcomesAtMissing(gene, calls, (c) => top(gene, c), genotypes.phased).filter(
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
  if (genotypes.phased) notes.push('phased: each haplotype matched on its own');
  else if (first) {
    const others = otherPhases(gene, calls, tied);
    if (others.length)
      notes.push(
        `unphased: ${others.slice(0, 5).join(', ')}${others.length > 5 ? ` and ${others.length - 5} more` : ''} also fit the genotypes in another phase (lower score); phased data would decide`,
      );
  }
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
