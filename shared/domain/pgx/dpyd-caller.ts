// Domain (pgx): DPYD calling by the lowest-function approach of CPIC and PharmCAT.
//
// Source: CPIC fluoropyrimidines and DPYD 2017 update (Amstutz et al., Clin Pharmacol Ther
// 2018;103:210-216), "Genotype to phenotype": the activity score is the sum of the two lowest-function
// variant values, assuming variants found unphased lie on different chromosomes; and PharmCAT
// @ 5431bf11 docs/methods/Gene-Definition-Exceptions (DPYD): for unphased data PharmCAT lists every
// DPYD variant haplotype found and reports the two with the lowest function as the diplotype.
//
// How: each named DPYD allele is found with a dosage (0-2), the smallest alt dosage over the positions
// it specifies; multi-position alleles (HapB3) are matched first and use up the dosage of their
// positions, so c.1129-5923C>G is not counted again inside HapB3. The found haplotypes (each repeated
// by dosage) plus "Reference" for any chromosome left are ranked by activity value (lowest first,
// then PharmCAT's name order) and the first two form the diplotype. An allele whose defining
// positions are all missing cannot be seen: if it has lower function than the chosen pair, the call
// depends on missing data and the diplotype with it is listed as an alternative.
import { acceptedAlleles, alleleDefinitions, requiredCell } from './allele-definitions';
import { compareHaplotypeNames, orderDiplotype } from './haplotype-names';
import { alleleActivityValue } from './phenotypes';
import type { DiplotypeCall } from './star-caller';
import type { GeneGenotypes } from './sample-genotypes';

interface DpydAllele {
  name: string;
  /** Position indices this allele specifies and the bases it accepts there. */
  cells: { index: number; accepts: readonly string[] }[];
  /** VCF POS of the positions this allele specifies. */
  positions: number[];
  value: number;
}

const dpydAlleles: DpydAllele[] = alleleDefinitions.DPYD.namedAlleles
  .filter((a) => !a.reference)
  .map((a) => ({
    name: a.name,
    cells: alleleDefinitions.DPYD.positions.flatMap((p, index) =>
      a.alleles[p.pos] === undefined
        ? []
        : [{ index, accepts: acceptedAlleles(requiredCell('DPYD', a, p)) }],
    ),
    positions: alleleDefinitions.DPYD.positions
      .filter((p) => a.alleles[p.pos] !== undefined)
      .map((p) => p.pos),
    value: alleleActivityValue('DPYD', a.name) ?? 1,
  }))
  .sort((a, b) => b.cells.length - a.cells.length);

/** CPIC activity value of a DPYD haplotype: 1 (normal, also "Reference"), 0.5 or 0. */
function valueOf(haplotype: string): number {
  return haplotype === 'Reference' ? 1 : (alleleActivityValue('DPYD', haplotype) ?? 1);
}

function byFunction(a: string, b: string): number {
  return valueOf(a) - valueOf(b) || compareHaplotypeNames(a, b);
}

/** Haplotypes found in the calls, each once per chromosome carrying it (may be more than two). */
function foundHaplotypes(calls: GeneGenotypes['calls']): {
  found: string[];
  unseen: DpydAllele[];
} {
  const used = calls.map(() => 0);
  const found: string[] = [];
  const unseen: DpydAllele[] = [];
  for (const allele of dpydAlleles) {
    if (allele.cells.some((c) => calls[c.index] === null)) {
      if (allele.cells.every((c) => calls[c.index] === null)) unseen.push(allele);
      continue;
    }
    const dosage = Math.min(
      ...allele.cells.map((c) =>
        Math.max(
          0,
          calls[c.index]!.filter((base) => c.accepts.includes(base)).length - used[c.index]!,
        ),
      ),
    );
    for (const c of allele.cells) used[c.index]! += dosage;
    for (let i = 0; i < dosage; i++) found.push(allele.name);
  }
  return { found, unseen };
}

function lowestPair(haplotypes: string[]): [string, string] {
  const ranked = [...haplotypes, 'Reference', 'Reference'].sort(byFunction);
  return orderDiplotype(ranked[0]!, ranked[1]!);
}

/** Call DPYD from one sample's genotypes; `activityScore` is the CPIC DPYD activity score (0-2). */
export function callDpyd(genotypes: GeneGenotypes): DiplotypeCall {
  const { calls, missing } = genotypes;
  const base = { gene: 'DPYD' as const, missing, tied: [] as string[] };
  if (calls.every((c) => c === null))
    return {
      ...base,
      haplotypes: null,
      diplotype: 'Unknown/Unknown',
      callDependsOnMissing: missing.length > 0,
      alternatives: [],
      alternativePositions: {},
      notes: ['no defining position of this gene has a call'],
    };
  const { found, unseen } = foundHaplotypes(calls);
  const pair = lowestPair(found);
  const score = valueOf(pair[0]) + valueOf(pair[1]);
  const highest = Math.max(valueOf(pair[0]), valueOf(pair[1]));
  const alternativePositions: Record<string, number[]> = {};
  for (const allele of unseen.filter((a) => a.value < highest)) {
    const diplotype = lowestPair([...found, allele.name]).join('/');
    alternativePositions[diplotype] = [
      ...new Set([...(alternativePositions[diplotype] ?? []), ...allele.positions]),
    ];
  }
  const alternatives = Object.keys(alternativePositions);
  const notes =
    found.length > 2
      ? [
          `${found.length} variant haplotypes found unphased; the two with the lowest function are reported (CPIC 2017 assumes they lie in trans)`,
        ]
      : [];
  const diplotype = pair.join('/');
  return {
    ...base,
    haplotypes: pair,
    diplotype,
    tied: [diplotype],
    callDependsOnMissing: alternatives.length > 0,
    alternatives,
    alternativePositions,
    notes,
    activityScore: score,
  };
}
