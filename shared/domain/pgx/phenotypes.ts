// Domain (pgx): diplotype -> CPIC phenotype (and activity score where CPIC uses one) for the ten
// VCF-called genes, from each allele's CPIC function (phenotypes.data.ts) and CPIC's rule for the
// pair. Also the lookup key the recommendation tables are keyed by (an activity score for CYP2C9 and
// DPYD, otherwise the phenotype).
//
// Sources (rules as encoded in PharmCAT @ 5431bf11 phenotype/<GENE>.json, data version
// 2025-11-05-00-25; bench/eval/pgx.ts checks every listed diplotype):
// - CYP2C19: CPIC clopidogrel 2022 / PPI 2020 / SSRI 2023, CYP2C19 diplotype-phenotype table (with the
//   "Likely" phenotypes for decreased-function alleles).
// - CYP2B6: CPIC efavirenz 2019, Table 1. CYP3A5: CPIC tacrolimus 2015, Table 1 (+ "Possible IM").
// - TPMT, NUDT15: CPIC thiopurines 2018, Table 1 (+ "Possible IM" for no-function/uncertain).
// - SLCO1B1: CPIC statins 2022, Table 1 (function phenotypes). UGT1A1: CPIC atazanavir 2015, Table 1.
// - CYP2C9: CPIC phenytoin 2020 / statins 2022 activity score (AS 2 NM, 1-1.5 IM, 0-0.5 PM).
// - DPYD: CPIC fluoropyrimidines 2017, Table 1 (AS 2 NM, 1-1.5 IM, 0-0.5 PM).
// - VKORC1: rs9923231 (-1639G>A) genotype, CPIC warfarin 2017.
// 'Uncertain function' and 'Unknown function' are treated alike (PharmCAT's tables do so for every gene).
import type { PgxGene } from './allele-definitions';
import { alleleFunctions } from './phenotypes.data';

export type AlleleFunction =
  | 'Normal function'
  | 'Decreased function'
  | 'No function'
  | 'Increased function'
  | 'Unknown function';

export interface GenePhenotype {
  phenotype: string;
  /** Sum of the two alleles' activity values (CYP2C9, DPYD, CYP2D6); absent where CPIC uses none. */
  activityScore?: number;
  /** The key CPIC's recommendation tables use for this gene: "1.5", "Poor Metabolizer", "-1639 AG". */
  lookupKey: string;
}

const functionIndex = new Map<string, string>();
for (const [gene, byFunction] of Object.entries(alleleFunctions))
  for (const [fn, names] of Object.entries(byFunction))
    for (const name of names) functionIndex.set(`${gene}\t${name}`, fn);

/** The CPIC function of `allele`; sub-alleles (SLCO1B1*45.001) take their core allele's function. */
export function alleleFunction(gene: PgxGene, allele: string): AlleleFunction {
  const core = allele.replace(/^(\*\d+)\.\d+$/, '$1');
  const fn = functionIndex.get(`${gene}\t${core}`);
  if (fn === undefined || fn === 'Uncertain function') return 'Unknown function';
  if (fn === 'Normal coumarin sensitivity') return 'Normal function';
  if (fn === 'Higher coumarin sensitivity') return 'Decreased function';
  return fn as AlleleFunction;
}

// One letter per function, so a pair rule reads "N+X" (normal + no function). Keys are sorted.
const letter: Record<AlleleFunction, string> = {
  'Normal function': 'N',
  'Decreased function': 'D',
  'No function': 'X',
  'Increased function': 'I',
  'Unknown function': 'U',
};

type PairRules = Readonly<Record<string, string>>;

// A pair absent from a gene's rules is Indeterminate (every pair with an unknown-function allele,
// except where a rule names it).
const pairRules: Partial<Record<PgxGene, PairRules>> = {
  CYP2C19: {
    'N+N': 'Normal Metabolizer',
    'I+N': 'Rapid Metabolizer',
    'I+I': 'Ultrarapid Metabolizer',
    'N+X': 'Intermediate Metabolizer',
    'I+X': 'Intermediate Metabolizer',
    'X+X': 'Poor Metabolizer',
    'D+N': 'Likely Intermediate Metabolizer',
    'D+I': 'Likely Intermediate Metabolizer',
    'D+D': 'Likely Intermediate Metabolizer',
    'D+X': 'Likely Poor Metabolizer',
  },
  CYP2B6: {
    'N+N': 'Normal Metabolizer',
    'I+N': 'Rapid Metabolizer',
    'I+I': 'Ultrarapid Metabolizer',
    'N+X': 'Intermediate Metabolizer',
    'I+X': 'Intermediate Metabolizer',
    'D+N': 'Intermediate Metabolizer',
    'D+I': 'Intermediate Metabolizer',
    'D+D': 'Poor Metabolizer',
    'D+X': 'Poor Metabolizer',
    'X+X': 'Poor Metabolizer',
  },
  CYP3A5: {
    'N+N': 'Normal Metabolizer',
    'N+X': 'Intermediate Metabolizer',
    'X+X': 'Poor Metabolizer',
    'N+U': 'Possible Intermediate Metabolizer',
  },
  TPMT: {
    'N+N': 'Normal Metabolizer',
    'N+X': 'Intermediate Metabolizer',
    'X+X': 'Poor Metabolizer',
    'U+X': 'Possible Intermediate Metabolizer',
  },
  NUDT15: {
    'N+N': 'Normal Metabolizer',
    'N+X': 'Intermediate Metabolizer',
    'X+X': 'Poor Metabolizer',
    'U+X': 'Possible Intermediate Metabolizer',
  },
  SLCO1B1: {
    'N+N': 'Normal Function',
    'I+N': 'Normal Function',
    'I+I': 'Increased Function',
    'N+X': 'Decreased Function',
    'I+X': 'Decreased Function',
    'X+X': 'Poor Function',
    'U+X': 'Possible Decreased Function',
  },
  UGT1A1: {
    'N+N': 'Normal Metabolizer',
    'I+N': 'Normal Metabolizer',
    'I+I': 'Normal Metabolizer',
    'D+N': 'Intermediate Metabolizer',
    'D+I': 'Intermediate Metabolizer',
    'D+D': 'Poor Metabolizer',
  },
  VKORC1: { 'N+N': '-1639 GG', 'D+N': '-1639 AG', 'D+D': '-1639 AA' },
};

const activityValue: Partial<Record<AlleleFunction, number>> = {
  'Normal function': 1,
  'Decreased function': 0.5,
  'No function': 0,
};

/** CPIC's written form of an activity score: "2.0", "1.5", "0.25". */
export function formatActivityScore(score: number): string {
  return Number.isInteger(score * 2) ? score.toFixed(1) : score.toFixed(2);
}

/**
 * CPIC activity-score phenotype for CYP2C9 (phenytoin 2020, Table 1) and DPYD (2017, Table 1): 2 is
 * normal, 1-1.5 intermediate, 0-0.5 poor (DPYD: poor = 0.5 or 0).
 */
function activityPhenotype(score: number): string {
  if (score >= 2) return 'Normal Metabolizer';
  if (score >= 1) return 'Intermediate Metabolizer';
  return 'Poor Metabolizer';
}

/**
 * The CPIC phenotype of `gene` for the two named alleles of a diplotype. Activity-score genes (CYP2C9,
 * DPYD) give `activityScore` (0-2, the sum of the allele values) and use it as the lookup key; an
 * allele without an activity value makes the phenotype Indeterminate (lookup key "n/a").
 */
export function diplotypePhenotype(
  gene: PgxGene,
  alleles: readonly [string, string],
): GenePhenotype {
  const functions = alleles.map((a) => alleleFunction(gene, a));
  if (gene === 'CYP2C9' || gene === 'DPYD') {
    const values = functions.map((f) => activityValue[f]);
    if (values.some((v) => v === undefined))
      return { phenotype: 'Indeterminate', lookupKey: 'n/a' };
    const score = values[0]! + values[1]!;
    return {
      phenotype: activityPhenotype(score),
      activityScore: score,
      lookupKey: formatActivityScore(score),
    };
  }
  const key = functions
    .map((f) => letter[f])
    .sort()
    .join('+');
  const phenotype = pairRules[gene]?.[key] ?? 'Indeterminate';
  return { phenotype, lookupKey: phenotype };
}

/** The activity value of one allele for CYP2C9 or DPYD (1, 0.5, 0), undefined when CPIC has none. */
export function alleleActivityValue(gene: PgxGene, allele: string): number | undefined {
  return activityValue[alleleFunction(gene, allele)];
}
