// Domain (synth/genomics): how often each common function-altering pharmacogene allele occurs in each
// CPIC biogeographic group; the generator draws haplotypes from these, the rest of the chromosomes
// carrying the gene's normal-function default allele.
//
// Values are allele (haplotype) frequencies, 0-1, per CPIC biogeographic group, rounded to the
// precision shown. They follow the CPIC gene frequency tables cited per gene (the "<GENE> frequency
// table" of the CPIC/PharmGKB gene-specific information tables, in the revision that accompanies the
// guideline named). Where the table could not be consulted cell by cell while building this, the value
// is an approximation within the published range and says so ("~"); corroborating secondary sources
// that reproduce CPIC's numbers are named. Allele names are PharmCAT's (allele-definitions.ts).
import { InternalError } from '../../errors';
import type { Ancestry } from '../model';
import type { PgxGene } from '../../pgx/allele-definitions';

export type AncestryFrequencies = Readonly<Record<Ancestry, number>>;

export interface GeneFrequencyTable {
  /** The allele on every chromosome that draws none of `alleles` (normal function). */
  remainder: string;
  /** Frequency of each listed allele per group; the remainder gets 1 - their sum. */
  alleles: Readonly<Record<string, AncestryFrequencies>>;
  source: string;
}

/** One value per CPIC group, in the column order of the CPIC frequency tables. */
export function byAncestry(
  european: number,
  africanAmerican: number,
  eastAsian: number,
  centralSouthAsian: number,
  latino: number,
): AncestryFrequencies {
  return {
    european,
    'african-american': africanAmerican,
    'east-asian': eastAsian,
    'central-south-asian': centralSouthAsian,
    latino,
  };
}

export const pgxAlleleFrequencies: Readonly<Record<PgxGene, GeneFrequencyTable>> = {
  CYP2C19: {
    // *1, not the GRCh38 reference row *38: *1 carries rs3758581 G, so a *1 chromosome is not 0/0.
    remainder: '*1',
    alleles: {
      '*2': byAncestry(0.147, 0.181, 0.284, 0.33, 0.115),
      '*3': byAncestry(0.002, 0.003, 0.089, 0.013, 0.001),
      '*17': byAncestry(0.215, 0.2, 0.015, 0.15, 0.12),
    },
    source:
      'CPIC CYP2C19 frequency table, revision of the CPIC clopidogrel guideline 2022 update (Lee et al., Clin Pharmacol Ther 2022;112:959-967); ~ for African American, Central/South Asian and Latino *17',
  },
  CYP2C9: {
    remainder: '*1',
    alleles: {
      '*2': byAncestry(0.127, 0.024, 0.001, 0.11, 0.076),
      '*3': byAncestry(0.076, 0.013, 0.034, 0.11, 0.038),
      '*5': byAncestry(0, 0.011, 0, 0, 0.001),
      '*6': byAncestry(0, 0.006, 0, 0, 0),
      '*8': byAncestry(0.002, 0.056, 0, 0.001, 0.003),
      '*11': byAncestry(0.002, 0.024, 0, 0.001, 0.002),
    },
    source:
      'CPIC CYP2C9 frequency table, revision of the CPIC warfarin guideline 2017 update (Johnson et al., Clin Pharmacol Ther 2017;102:397-404) and NSAID guideline 2020 (Theken et al., Clin Pharmacol Ther 2020;108:191-200); ~ for the rare alleles outside African American',
  },
  VKORC1: {
    remainder: 'rs9923231 reference (C)',
    alleles: {
      // rs9923231 T on the forward strand is c.-1639G>A (VKORC1 lies on the minus strand).
      'rs9923231 variant (T)': byAncestry(0.39, 0.11, 0.91, 0.15, 0.45),
    },
    source:
      'CPIC VKORC1 frequency table, revision of the CPIC warfarin guideline 2017 update (Johnson et al., Clin Pharmacol Ther 2017;102:397-404); ~ for Central/South Asian and Latino',
  },
  SLCO1B1: {
    remainder: '*1',
    alleles: {
      // 2022 nomenclature: *5 = c.521T>C alone, *15 = c.388A>G + c.521T>C, *37 = c.388A>G alone
      // (formerly *1B), *14 = c.388A>G + c.463C>A.
      '*5': byAncestry(0.02, 0.003, 0.002, 0.005, 0.01),
      '*15': byAncestry(0.14, 0.03, 0.11, 0.04, 0.12),
      '*37': byAncestry(0.12, 0.55, 0.6, 0.45, 0.35),
      '*14': byAncestry(0.14, 0.03, 0.01, 0.05, 0.07),
    },
    source:
      'CPIC SLCO1B1 frequency table, revision of the CPIC statin guideline 2022 (Cooper-DeHoff et al., Clin Pharmacol Ther 2022;111:1007-1021); ~ throughout (haplotype split of the c.388A>G and c.521T>C totals)',
  },
  TPMT: {
    remainder: '*1',
    alleles: {
      '*2': byAncestry(0.002, 0.005, 0, 0.0005, 0.004),
      '*3A': byAncestry(0.034, 0.008, 0.0005, 0.005, 0.042),
      '*3B': byAncestry(0.0003, 0, 0, 0, 0.0005),
      '*3C': byAncestry(0.005, 0.024, 0.016, 0.009, 0.006),
    },
    source:
      'CPIC TPMT frequency table, revision of the CPIC thiopurine guideline 2018 update (Relling et al., Clin Pharmacol Ther 2019;105:1095-1105), as reproduced in Semin Hematol 2020;57:130-136 Table 1 (PMC7708673); ~ for Central/South Asian and *3B',
  },
  NUDT15: {
    remainder: '*1',
    alleles: {
      '*2': byAncestry(0.0005, 0.0005, 0.035, 0.01, 0.037),
      '*3': byAncestry(0.002, 0.002, 0.061, 0.06, 0.008),
    },
    source:
      'CPIC NUDT15 frequency table, revision of the CPIC thiopurine guideline 2018 update (Relling et al., Clin Pharmacol Ther 2019;105:1095-1105), as reproduced in Semin Hematol 2020;57:130-136 Table 1 (PMC7708673); the table has no African American data (European values used) and ~ for Central/South Asian',
  },
  DPYD: {
    remainder: 'Reference',
    alleles: {
      'c.1905+1G>A (*2A)': byAncestry(0.008, 0.001, 0, 0.003, 0.002),
      'c.1679T>G (*13)': byAncestry(0.0007, 0, 0, 0, 0.0003),
      'c.2846A>T': byAncestry(0.004, 0.001, 0, 0.001, 0.002),
      'c.1129-5923C>G, c.1236G>A (HapB3)': byAncestry(0.024, 0.003, 0, 0.005, 0.01),
      'c.557A>G': byAncestry(0, 0.007, 0, 0, 0),
    },
    source:
      'CPIC DPYD frequency table, revision of the CPIC fluoropyrimidine guideline 2017 update (Amstutz et al., Clin Pharmacol Ther 2018;103:210-216) and its January 2024 HapB3 update; ~ outside European',
  },
  CYP3A5: {
    remainder: '*1',
    alleles: {
      '*3': byAncestry(0.94, 0.33, 0.71, 0.67, 0.76),
      '*6': byAncestry(0.003, 0.11, 0, 0, 0.02),
      '*7': byAncestry(0, 0.09, 0, 0, 0.025),
    },
    source:
      'CPIC CYP3A5 frequency table, revision of the CPIC tacrolimus guideline 2015 (Birdwell et al., Clin Pharmacol Ther 2015;98:19-24), corroborated by Biomedicines 2020;8:94 Table 1 (PMC7235792, *7 from CPIC)',
  },
  CYP2B6: {
    remainder: '*1',
    alleles: {
      '*6': byAncestry(0.23, 0.36, 0.22, 0.36, 0.32),
      '*18': byAncestry(0, 0.06, 0, 0, 0.005),
    },
    source:
      'CPIC CYP2B6 frequency table, revision of the CPIC efavirenz guideline 2019 (Desta et al., Clin Pharmacol Ther 2019;106:726-733); ~ for Central/South Asian and Latino',
  },
  UGT1A1: {
    remainder: '*1',
    alleles: {
      // *28 is one extra TA unit in the promoter repeat: PharmCAT anchors the repeat at chr2:233760233
      // (rs3064744) with REF CAT and ALT C (*36, one TA fewer), CATAT (*28, one more) and CATATAT (*37,
      // two more); CPIC counts the units as TA(7) for *1 and TA(8) for *28 (older papers: A(TA)6TAA /
      // A(TA)7TAA). Most *28 chromosomes also carry *80 (rs887829 T), which PharmCAT names "*80+*28".
      '*80+*28': byAncestry(0.3, 0.3, 0.12, 0.32, 0.36),
      '*28': byAncestry(0.02, 0.07, 0.01, 0.03, 0.03),
      '*80': byAncestry(0.01, 0.02, 0.01, 0.02, 0.01),
      '*6': byAncestry(0.001, 0, 0.15, 0.01, 0.005),
      '*36': byAncestry(0, 0.04, 0, 0, 0.002),
      '*37': byAncestry(0, 0.04, 0, 0, 0.002),
    },
    source:
      'CPIC UGT1A1 frequency table, revision of the CPIC atazanavir guideline 2015 (Gammal et al., Clin Pharmacol Ther 2016;99:363-369); *28 totals from the table, ~ for the *80 / *80+*28 split',
  },
};

/** Distributions already built, by gene and group: the tables are constant, every patient draws from them. */
const distributions = new Map<string, readonly (readonly [string, number])[]>();

/**
 * The haplotype distribution of `gene` in `ancestry`: each listed allele with its frequency and the
 * remainder allele with the rest, as [name, probability] pairs summing to 1. Built once per gene
 * and group, and frozen (callers share it).
 */
export function alleleDistribution(
  gene: PgxGene,
  ancestry: Ancestry,
): readonly (readonly [string, number])[] {
  const key = `${gene}\t${ancestry}`;
  let distribution = distributions.get(key);
  if (!distribution) {
    const table = pgxAlleleFrequencies[gene];
    const listed = Object.entries(table.alleles).map(
      ([name, byGroup]) => [name, byGroup[ancestry]] as const,
    );
    const rest = 1 - listed.reduce((sum, [, p]) => sum + p, 0);
    if (rest < 0) throw new InternalError(`${gene} frequencies for ${ancestry} sum above 1`);
    distribution = Object.freeze([...listed, [table.remainder, rest] as const]);
    distributions.set(key, distribution);
  }
  return distribution;
}
