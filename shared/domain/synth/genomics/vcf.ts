// Domain (synth/genomics): a VCF 4.2 writer for synthetic genomes, one sample per file. It returns
// lines, so a caller can stream the header and then each patient's records without building the
// whole file.
//
// Choices (VCF 4.2, samtools hts-specs VCFv4.2):
// - Germline and somatic calls share one file; somatic records carry the reserved INFO flag SOMATIC,
//   their protein change in INFO HGVSP and the tumour variant allele fraction in FORMAT VAF. FILTER is
//   PASS for every record.
// - Pharmacogene records list every ALT PharmCAT knows at the position (even when the sample carries
//   only REF), so a multi-allelic site keeps one GT index meaning across patients; GT is phased ("0|1",
//   left = first haplotype).
// - The ERBB2 amplification is a symbolic structural record: ALT <DUP> (reserved, declared in an ALT
//   line), REF N at the base before the gene, INFO SVTYPE=DUP, END and SVLEN, FORMAT CN (copy number).
// - Chromosomes are UCSC-style ("chr10"), as PharmCAT expects, sorted 1..22, X, Y, M, then position.
import { ValidationError } from '../../errors';
import { alleleDefinitions, pgxGenes } from '../../pgx/allele-definitions';
import type { Genome, VariantCall } from '../model';
import { isStructuralCall } from './genome';
import { tumourDrivers } from './tumour-variants';

/** GRCh38 primary assembly sequence lengths (GRCh38.p14, NCBI GCF_000001405.40; same in UCSC hg38). */
export const grch38ContigLengths: Readonly<Record<string, number>> = {
  chr1: 248956422,
  chr2: 242193529,
  chr3: 198295559,
  chr4: 190214555,
  chr5: 181538259,
  chr6: 170805979,
  chr7: 159345973,
  chr8: 145138636,
  chr9: 138394717,
  chr10: 133797422,
  chr11: 135086622,
  chr12: 133275309,
  chr13: 114364328,
  chr14: 107043718,
  chr15: 101991189,
  chr16: 90338345,
  chr17: 83257441,
  chr18: 80373285,
  chr19: 58617616,
  chr20: 64444167,
  chr21: 46709983,
  chr22: 50818468,
  chrX: 156040895,
  chrY: 57227415,
  chrM: 16569,
};

/** Ranks by contig name, remembered: sorting a genome's calls compares them hundreds of times. */
const chromRanks = new Map<string, number>();

function chromRank(chrom: string): number {
  let rank = chromRanks.get(chrom);
  if (rank === undefined) {
    const name = chrom.replace(/^chr/, '');
    rank = /^\d+$/.test(name) ? Number(name) : ({ X: 23, Y: 24, M: 25, MT: 25 }[name] ?? 100);
    chromRanks.set(chrom, rank);
  }
  return rank;
}

/** Natural chromosome order (chr2 before chr10), then position. */
export function compareLoci(a: VariantCall, b: VariantCall): number {
  // Most comparisons in a genome's sort are within one gene, so on one contig: no ranks needed.
  if (a.chrom === b.chrom) return a.pos - b.pos;
  return (
    chromRank(a.chrom) - chromRank(b.chrom) ||
    (a.chrom < b.chrom ? -1 : a.chrom > b.chrom ? 1 : 0) ||
    a.pos - b.pos
  );
}

/** The chromosomes a synthetic genome can have records on: the ten pharmacogenes and tumour genes. */
export const genomicsContigs: readonly string[] = [
  ...new Set([
    ...pgxGenes.map((gene) => alleleDefinitions[gene].chrom),
    ...Object.values(tumourDrivers).flatMap((groups) =>
      groups.flatMap((g) => g.options.flatMap(([a]) => (a.vcf ? [a.vcf.chrom] : []))),
    ),
  ]),
].sort((a, b) => chromRank(a) - chromRank(b));

export interface VcfHeaderOptions {
  reference: 'GRCh38';
  /** Written to ##source, e.g. the generator version. */
  source: string;
  /** File date, YYYY-MM-DD or YYYYMMDD; written as ##fileDate=YYYYMMDD. */
  date: string;
  /** Contigs to declare; defaults to every chromosome the generator can use. */
  contigs?: readonly string[];
}

const fieldDefinitions = [
  '##ALT=<ID=DUP,Description="Duplication">',
  '##FILTER=<ID=PASS,Description="All filters passed">',
  '##INFO=<ID=GENE,Number=1,Type=String,Description="HGNC symbol of the gene the record belongs to">',
  '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic (tumour) variant rather than germline">',
  '##INFO=<ID=HGVSP,Number=1,Type=String,Description="Protein change of a somatic variant (HGVS p.)">',
  '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="Type of structural variant">',
  '##INFO=<ID=END,Number=1,Type=Integer,Description="End position of the variant described in this record">',
  '##INFO=<ID=SVLEN,Number=.,Type=Integer,Description="Difference in length between REF and ALT alleles">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=VAF,Number=A,Type=Float,Description="Variant allele fraction in the tumour sample (0-1)">',
  '##FORMAT=<ID=CN,Number=1,Type=Integer,Description="Copy number of the segment in the tumour sample">',
];

function fileDate(date: string): string {
  const compact = date.replaceAll('-', '');
  if (!/^\d{8}$/.test(compact)) throw new ValidationError('VCF date must be YYYY-MM-DD', 'date');
  return compact;
}

/**
 * The header lines (meta-information and the #CHROM line) of a VCF 4.2 file for `samples`, with
 * contig lines carrying GRCh38 lengths.
 */
export function vcfHeader(samples: readonly string[], options: VcfHeaderOptions): string[] {
  for (const sample of samples)
    if (!sample || /\s/.test(sample))
      throw new ValidationError('VCF sample names must be non-empty without whitespace', 'samples');
  const contigs = (options.contigs ?? genomicsContigs).map((chrom) => {
    const length = grch38ContigLengths[chrom];
    if (length === undefined)
      throw new ValidationError(`unknown GRCh38 contig ${chrom}`, 'contigs');
    return `##contig=<ID=${chrom},length=${length},assembly=${options.reference}>`;
  });
  return [
    '##fileformat=VCFv4.2',
    `##fileDate=${fileDate(options.date)}`,
    `##source=${options.source}`,
    `##reference=${options.reference}`,
    ...contigs,
    ...fieldDefinitions,
    ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...samples].join(
      '\t',
    ),
  ];
}

function infoValue(value: string): string {
  if (/[\s;=,]/.test(value)) throw new ValidationError(`VCF INFO value "${value}" is not writable`);
  return value;
}

function infoField(call: VariantCall): string {
  const parts: string[] = [];
  if (isStructuralCall(call))
    parts.push(`SVTYPE=${call.sv.type}`, `END=${call.sv.end}`, `SVLEN=${call.sv.end - call.pos}`);
  if (call.gene) parts.push(`GENE=${infoValue(call.gene)}`);
  if (call.somatic) parts.push('SOMATIC', `HGVSP=${infoValue(call.somatic.hgvsp)}`);
  return parts.length > 0 ? parts.join(';') : '.';
}

function sampleFields(call: VariantCall): [format: string, values: string] {
  if (!call.somatic) return ['GT', call.genotype];
  const vaf = String(call.somatic.vaf);
  if (isStructuralCall(call)) return ['GT:VAF:CN', `${call.genotype}:${vaf}:${call.sv.copyNumber}`];
  return ['GT:VAF', `${call.genotype}:${vaf}`];
}

/**
 * Lines of frozen calls: a frozen call cannot change, and the pharmacogene calls are frozen and shared
 * by every genome with the same haplotype pair (see `pharmacogeneCalls`), so each of their lines is
 * built once per thread. Weak: a call no genome holds any more takes its line with it.
 */
const frozenRecords = new WeakMap<VariantCall, string>();

/** One VCF data line for `call`. */
export function vcfRecord(call: VariantCall): string {
  if (!Object.isFrozen(call)) return buildRecord(call);
  let record = frozenRecords.get(call);
  if (record === undefined) frozenRecords.set(call, (record = buildRecord(call)));
  return record;
}

function buildRecord(call: VariantCall): string {
  const [format, values] = sampleFields(call);
  return [
    call.chrom,
    call.pos,
    call.id ?? '.',
    call.ref,
    call.alt,
    '.',
    'PASS',
    infoField(call),
    format,
    values,
  ].join('\t');
}

/** The data lines of a one-sample VCF for `genome`, sorted by chromosome (natural order) and position. */
export function vcfRecords(genome: Genome): string[] {
  return [...genome.variants].sort(compareLoci).map(vcfRecord);
}

/** A whole one-sample VCF 4.2 file for `genome` (newline-terminated). */
export function renderVcf(sample: string, genome: Genome, options: VcfHeaderOptions): string {
  return [...vcfHeader([sample], options), ...vcfRecords(genome)].join('\n') + '\n';
}
