// Domain (nlp/vocabulary): genes (HGNC approved symbols, HGNC 2024-01; the code is the symbol, as the
// synthetic notes and FHIR genomics reporting use it) and named variants (dbSNP rs ids, build 156, and
// protein changes as HGVS short forms). Pharmacogene variants: CPIC/PharmVar allele definitions
// (CYP2C19*2 rs4244285, *17 rs12248560; CYP2C9*2 rs1799853, *3 rs1057910; VKORC1 -1639G>A rs9923231;
// SLCO1B1 c.521T>C rs4149056; DPYD*2A rs3918290); Factor V Leiden rs6025; HFE C282Y rs1800562;
// MTHFR C677T rs1801133; APOE e4 defining SNP rs429358.
import type { Concept } from '../model';
import { rowsOf } from './define';

const g = rowsOf('Gene', 'HGNC 2024-01 approved symbols');
const v = rowsOf(
  'Variant',
  'dbSNP b156; CPIC/PharmVar allele definitions; HGVS protein short forms',
);

const geneSymbols = [
  // oncology
  'EGFR',
  'BRAF',
  'KRAS',
  'NRAS',
  'ERBB2',
  'BRCA1',
  'BRCA2',
  'TP53',
  'ALK',
  'ROS1',
  'MET',
  'RET',
  'PIK3CA',
  'PTEN',
  'APC',
  'MLH1',
  'MSH2',
  'MSH6',
  'PMS2',
  'IDH1',
  'IDH2',
  'JAK2',
  'ABL1',
  'BCR',
  'NTRK1',
  'KIT',
  'PDGFRA',
  'CDKN2A',
  'ATM',
  'PALB2',
  'CHEK2',
  'ESR1',
  'FGFR2',
  'FGFR3',
  // pharmacogenomics (CPIC genes)
  'CYP2C19',
  'CYP2D6',
  'CYP2C9',
  'CYP3A4',
  'CYP3A5',
  'CYP2B6',
  'CYP1A2',
  'CYP4F2',
  'VKORC1',
  'SLCO1B1',
  'TPMT',
  'NUDT15',
  'DPYD',
  'UGT1A1',
  'G6PD',
  'NAT2',
  'IFNL3',
  'RYR1',
  'CACNA1S',
  'HLA-B',
  'HLA-A',
  'ABCG2',
  'CFTR',
  // cardiometabolic and paediatric
  'APOE',
  'LDLR',
  'PCSK9',
  'APOB',
  'MYH7',
  'MYBPC3',
  'KCNQ1',
  'KCNH2',
  'SCN5A',
  'TTR',
  'LMNA',
  'HNF1A',
  'GCK',
  'TCF7L2',
  'INS',
  'MTHFR',
  'F5',
  'F2',
  'HFE',
  'HBB',
  'SMN1',
  'DMD',
  'FMR1',
] as const;

/** Symbols that are also English words or common abbreviations: only tagged next to gene context. */
export const ambiguousGeneSymbols: ReadonlySet<string> = new Set([
  'MET',
  'RET',
  'APC',
  'ATM',
  'KIT',
  'INS',
  'F5',
  'F2',
  'ALK',
  'DMD',
]);

// prettier-ignore
export const genes: Concept[] = geneSymbols.map((symbol) =>
  g('', ambiguousGeneSymbols.has(symbol) ? '' : symbol, { hgnc: symbol }),
).filter((c) => c.abbreviations.length > 0);

// prettier-ignore
export const variants: Concept[] = [
  v('EGFR L858R|EGFR p.L858R|L858R', '', {}),
  v('EGFR exon 19 deletion|EGFR exon 19 del|exon 19 deletion', '', {}),
  v('EGFR T790M|T790M', '', {}),
  v('BRAF V600E|BRAF p.V600E|V600E', '', {}),
  v('KRAS G12C|KRAS p.G12C|G12C', '', {}),
  v('KRAS G12D|KRAS p.G12D|G12D', '', {}),
  v('ERBB2 amplification|HER2 amplification|HER2-positive|HER2 positive', '', {}),
  v('ALK fusion|ALK rearrangement|EML4-ALK', '', {}),
  v('PIK3CA H1047R|H1047R', '', {}),
  v('CYP2C19*2', '', { dbsnp: 'rs4244285' }),
  v('CYP2C19*17', '', { dbsnp: 'rs12248560' }),
  v('CYP2C9*2', '', { dbsnp: 'rs1799853' }),
  v('CYP2C9*3', '', { dbsnp: 'rs1057910' }),
  v('VKORC1 -1639G>A|VKORC1 c.-1639G>A', '', { dbsnp: 'rs9923231' }),
  v('SLCO1B1 c.521T>C|SLCO1B1 521T>C', '', { dbsnp: 'rs4149056' }),
  v('DPYD*2A', '', { dbsnp: 'rs3918290' }),
  v('factor V Leiden', '', { dbsnp: 'rs6025' }),
  v('HFE C282Y|C282Y', '', { dbsnp: 'rs1800562' }),
  v('MTHFR C677T|MTHFR c.665C>T', '', { dbsnp: 'rs1801133' }),
];
