// Domain (synth/genomics): the tumour findings a synthetic cancer patient can carry, with verified
// GRCh38 coordinates, and how often each occurs by cancer and CPIC biogeographic group.
//
// Coordinates (GRCh38, VCF forward strand) were checked against at least two independent public
// records each (ClinVar/dbSNP-derived annotations, OncoKB-style hotspot lists, transvar/myvariant
// output): EGFR c.2573T>G p.Leu858Arg chr7:55191822 T>G (rs121434568); KRAS c.34G>T p.Gly12Cys
// chr12:25245351 C>A; KRAS c.35G>A p.Gly12Asp chr12:25245350 C>T (rs121913529); BRAF c.1799T>A
// p.Val600Glu chr7:140753336 A>T (rs113488022); PIK3CA c.3140A>G p.His1047Arg chr3:179234297 A>G
// (rs121913279); BRCA1 c.68_69del (185delAG) p.Glu23ValfsTer17, ClinVar VCV000017662, rs80357914,
// deleted bases chr17:43124028-43124029, left-aligned VCF chr17:43124027 ACT>A; ERBB2 gene span
// chr17:39687914-39730426 (Ensembl ENSG00000141736). The rsID of KRAS G12C was not confirmed, so it
// is left out. ALK fusions (partner usually EML4) are recorded as findings without a VCF record, and
// EGFR exon 19 deletions are not generated (no single verified allele).
//
// Frequencies are the share of tumours with the finding, approximate and rounded: NSCLC (lung
// adenocarcinoma) EGFR-mutant share ~15% European, ~19% African American, ~45% East Asian (Midha et
// al., Am J Cancer Res 2015;5:2892 global map), ~23% Indian (Chougule et al., PLoS One 2013, PMID 24124538),
// ~25% Latin American (Arrieta et al., CLICaP, J Thorac Oncol 2015;10:838), of which L858R ~40% (exon 19
// deletions most of the rest); KRAS G12C ~13% of Western NSCLC, ~4% East Asian; ALK ~4-5%. Colorectal:
// KRAS G12D ~13%, G12C ~3%, BRAF V600E ~10% Western / ~5% East Asian and African American. Breast:
// ERBB2 (HER2) amplification ~17% (15-20%), PIK3CA H1047R ~13% (PIK3CA-mutant ~35%, H1047R ~35-40%
// of those); germline BRCA1 185delAG in ~0.5% of European (Ashkenazi founder) and ~0.1% of other
// breast cancer patients.
import type { ConditionKey } from '../catalog';
import type { Ancestry } from '../model';
import { byAncestry, type AncestryFrequencies } from './frequencies';

export type CancerKey = Extract<
  ConditionKey,
  'breast-cancer' | 'lung-cancer' | 'colorectal-cancer'
>;

export interface TumourAlteration {
  gene: string;
  /** Short name as oncology reports write it: "L858R", "amplification", "fusion". */
  alteration: string;
  kind: 'snv' | 'amplification' | 'fusion';
  /** Where a VCF record goes; absent for findings without one (fusions). */
  vcf?: {
    chrom: string;
    pos: number;
    id?: string;
    ref: string;
    alt: string;
    hgvsp: string;
    /** Germline (BRCA1 founder variant) rather than somatic. */
    germline?: boolean;
    /** Symbolic structural allele: last base of the event. */
    end?: number;
  };
}

const egfrL858R: TumourAlteration = {
  gene: 'EGFR',
  alteration: 'L858R',
  kind: 'snv',
  vcf: {
    chrom: 'chr7',
    pos: 55191822,
    id: 'rs121434568',
    ref: 'T',
    alt: 'G',
    hgvsp: 'p.Leu858Arg',
  },
};
const krasG12C: TumourAlteration = {
  gene: 'KRAS',
  alteration: 'G12C',
  kind: 'snv',
  vcf: { chrom: 'chr12', pos: 25245351, ref: 'C', alt: 'A', hgvsp: 'p.Gly12Cys' },
};
const krasG12D: TumourAlteration = {
  gene: 'KRAS',
  alteration: 'G12D',
  kind: 'snv',
  vcf: {
    chrom: 'chr12',
    pos: 25245350,
    id: 'rs121913529',
    ref: 'C',
    alt: 'T',
    hgvsp: 'p.Gly12Asp',
  },
};
const brafV600E: TumourAlteration = {
  gene: 'BRAF',
  alteration: 'V600E',
  kind: 'snv',
  vcf: {
    chrom: 'chr7',
    pos: 140753336,
    id: 'rs113488022',
    ref: 'A',
    alt: 'T',
    hgvsp: 'p.Val600Glu',
  },
};
const alkFusion: TumourAlteration = { gene: 'ALK', alteration: 'fusion', kind: 'fusion' };
const erbb2Amplification: TumourAlteration = {
  gene: 'ERBB2',
  alteration: 'amplification',
  kind: 'amplification',
  // Symbolic <DUP> over the gene span; POS is the base before the event and REF is N because the
  // generator does not carry the reference sequence (VCF 4.2 allows N in REF).
  vcf: { chrom: 'chr17', pos: 39687913, ref: 'N', alt: '<DUP>', hgvsp: 'p.?', end: 39730426 },
};
const pik3caH1047R: TumourAlteration = {
  gene: 'PIK3CA',
  alteration: 'H1047R',
  kind: 'snv',
  vcf: {
    chrom: 'chr3',
    pos: 179234297,
    id: 'rs121913279',
    ref: 'A',
    alt: 'G',
    hgvsp: 'p.His1047Arg',
  },
};
const brca1Founder: TumourAlteration = {
  gene: 'BRCA1',
  alteration: 'c.68_69del',
  kind: 'snv',
  vcf: {
    chrom: 'chr17',
    pos: 43124027,
    id: 'rs80357914',
    ref: 'ACT',
    alt: 'A',
    hgvsp: 'p.Glu23ValfsTer17',
    germline: true,
  },
};

/** A set of alterations at most one of which a tumour carries (mutually exclusive drivers). */
export interface ExclusiveDrivers {
  options: readonly (readonly [TumourAlteration, AncestryFrequencies])[];
}

/** Per cancer: groups of mutually exclusive drivers, each group drawn independently. */
export const tumourDrivers: Readonly<Record<CancerKey, readonly ExclusiveDrivers[]>> = {
  'lung-cancer': [
    {
      options: [
        [egfrL858R, byAncestry(0.06, 0.076, 0.18, 0.092, 0.1)],
        [krasG12C, byAncestry(0.13, 0.12, 0.04, 0.04, 0.08)],
        [alkFusion, byAncestry(0.04, 0.04, 0.05, 0.05, 0.04)],
      ],
    },
  ],
  'colorectal-cancer': [
    {
      options: [
        [krasG12D, byAncestry(0.13, 0.13, 0.13, 0.13, 0.13)],
        [krasG12C, byAncestry(0.03, 0.03, 0.03, 0.03, 0.03)],
        [brafV600E, byAncestry(0.1, 0.05, 0.05, 0.06, 0.07)],
      ],
    },
  ],
  'breast-cancer': [
    { options: [[erbb2Amplification, byAncestry(0.17, 0.17, 0.17, 0.17, 0.17)]] },
    { options: [[pik3caH1047R, byAncestry(0.13, 0.13, 0.13, 0.13, 0.13)]] },
    { options: [[brca1Founder, byAncestry(0.005, 0.001, 0.001, 0.001, 0.001)]] },
  ],
};

/** The alterations of one group for one ancestry, with "none" taking the remaining probability. */
export function driverChoices(
  group: ExclusiveDrivers,
  ancestry: Ancestry,
): readonly (readonly [TumourAlteration | null, number])[] {
  const listed = group.options.map(([alteration, p]) => [alteration, p[ancestry]] as const);
  const none = 1 - listed.reduce((sum, [, p]) => sum + p, 0);
  return [...listed, [null, none] as const];
}
