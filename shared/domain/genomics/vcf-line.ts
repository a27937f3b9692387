// Domain (genomics): one VCF data line, parsed by @gmod/vcf, checked column by column (VCF 4.3 spec, samtools hts-specs VCFv4.3 §1.6) into a typed variant.
import type VCF from '@gmod/vcf';
import type { InfoValue } from '@gmod/vcf';
import { ValidationError } from '../errors';

export interface SampleGenotype {
  sample: string;
  /** GT as written, e.g. "0|1", "1/2", "./.", "1"; "." when FORMAT has no GT. */
  gt: string;
  /** True when every separator is "|" (a haploid call is phased only with VCF 4.3's leading "|"). */
  phased: boolean;
  /** Allele indices, 0 = REF, i = i-th ALT; null for a missing allele ("."). */
  alleles: (number | null)[];
  /**
   * FORMAT/PS (phase set) as written, when FORMAT has PS and the value is not "." (VCF 4.3 spec
   * §1.6.2: phased genotypes without PS belong to one phase set).
   */
  phaseSet?: string;
}

export interface VcfVariant {
  kind: 'variant';
  /** 1-based line number in the file. */
  line: number;
  chrom: string;
  /** 1-based position on the file's assembly. */
  pos: number;
  /** The ID column, ";"-separated as written; absent when ".". */
  id?: string;
  /** REF in upper case (upperBases). */
  ref: string;
  /** Empty for a monomorphic record (ALT "."). Bases in upper case (upperBases). */
  alts: string[];
  /**
   * REF and ALT (","-joined, "." when none) as the file wrote them, present only when some base was
   * in lower case: stored calls are keyed by them (genotype-items.ts sealGenotypeItem), as they were
   * before bases were raised, so a re-delivered lower-case file overwrites its own items.
   */
  basesAsWritten?: { ref: string; alt: string };
  /** ["PASS"], the failed filters, or [] when filters were not applied ("."). */
  filter: string[];
  samples: SampleGenotype[];
  info?: Record<string, InfoValue>;
}

/** A column-addressed problem; the reader adds the line number. Messages never quote field values. */
export class VcfColumnError extends Error {
  constructor(
    readonly column: string,
    readonly problem: string,
  ) {
    super(`[${column}] ${problem}`);
    this.name = 'VcfColumnError';
  }
}

const refPattern = /^[ACGTN]+$/i;
// Symbolic (<DEL>, <*>, <NON_REF>), spanning deletion (*), breakends (t[p[, ]p]t, .t, t.).
const altPatterns = [
  /^[ACGTN]+$/i,
  /^<[^<>\s,]+>$/,
  /^\*$/,
  /^[ACGTN]*[[\]][^[\]\s]+:\d+[[\]][ACGTN]*$/i,
  /^\.[ACGTN]+$|^[ACGTN]+\.$/i,
];

/**
 * An allele with its bases in upper case: the VCF v4.2 specification (1.6.1 "Fixed fields", REF and
 * ALT) reads bases case insensitively, and every reader here compares them as PharmCAT's definitions
 * and ClinVar write them (upper case). A symbolic `<ID>` is kept as written (IDs are case sensitive),
 * and so is a breakend's mate position (a contig name); only its own bases are raised.
 */
export function upperBases(allele: string): string {
  if (allele.startsWith('<')) return allele;
  if (/[[\]]/.test(allele)) return allele.replace(/^[acgtn]+|[acgtn]+$/gi, (b) => b.toUpperCase());
  return allele.toUpperCase();
}

function checkAlleles(ref: string | undefined, alts: readonly string[]): void {
  if (!ref || !refPattern.test(ref)) throw new VcfColumnError('REF', 'must be bases A, C, G, T, N');
  alts.forEach((alt, i) => {
    if (!altPatterns.some((p) => p.test(alt)))
      throw new VcfColumnError(
        'ALT',
        `allele ${i + 1} is not bases, a symbolic <ID>, * or a breakend`,
      );
  });
}

/** Parse one GT against `alleleCount` alleles (REF + ALTs); `sampleColumn` (1-based) names it in errors. */
export function parseGenotype(
  sample: string,
  gt: string,
  alleleCount: number,
  sampleColumn: number,
): SampleGenotype {
  const alleles: (number | null)[] = [];
  const separators = gt.match(/[/|]/g) ?? [];
  const leading = gt.startsWith('|') || gt.startsWith('/') ? 1 : 0;
  for (const part of gt.slice(leading).split(/[/|]/)) {
    if (part === '.') alleles.push(null);
    else if (/^\d+$/.test(part) && Number(part) < alleleCount) alleles.push(Number(part));
    else
      throw new VcfColumnError(
        'FORMAT/GT',
        /^\d+$/.test(part)
          ? `sample ${sampleColumn}: allele index beyond the record's ${alleleCount} alleles`
          : `sample ${sampleColumn}: not a genotype (indices separated by / or |)`,
      );
  }
  const phased = separators.length > 0 && separators.every((s) => s === '|');
  return { sample, gt, phased, alleles };
}

function genotypes(record: ReturnType<VCF['parseLine']>, alleleCount: number): SampleGenotype[] {
  const names = record.sampleNames;
  const hasGt = (record.FORMAT ?? '').split(':')[0] === 'GT';
  if (names.length > 0 && record.FORMAT && !hasGt && record.FORMAT.split(':').includes('GT'))
    throw new VcfColumnError('FORMAT', 'GT must be the first FORMAT key');
  const result: SampleGenotype[] = names.map((sample) => ({
    sample,
    gt: '.',
    phased: false,
    alleles: [],
  }));
  if (!hasGt) return result;
  record.processGenotypes((str, start, end, index) => {
    result[index] = parseGenotype(names[index]!, str.slice(start, end), alleleCount, index + 1);
  });
  if (record.FORMAT?.split(':').includes('PS'))
    record.processFormatFields(['PS'], (str, ranges, index) => {
      const ps = ranges[0]! < 0 ? '.' : str.slice(ranges[0], ranges[1]);
      if (ps !== '.' && ps !== '' && result[index]) result[index].phaseSet = ps;
    });
  return result;
}

function columnCount(text: string): number {
  let tabs = 0;
  for (let i = text.indexOf('\t'); i !== -1; i = text.indexOf('\t', i + 1)) tabs++;
  return tabs + 1;
}

/**
 * Parse and check one data line: the column count against the header's samples, POS a positive
 * integer, REF/ALT alleles, every GT index within REF + ALTs. @throws VcfColumnError on the first
 * problem found.
 */
export function parseVariantLine(parser: VCF, text: string, line: number): VcfVariant {
  const sampleCount = parser.samples.length;
  const columns = columnCount(text);
  const expected = sampleCount > 0 ? 9 + sampleCount : 8;
  if (columns !== expected && !(sampleCount === 0 && columns === 9))
    throw new VcfColumnError(
      columns < 8 ? 'columns' : 'samples',
      `${columns} columns; the header declares ${expected} (${sampleCount} samples)`,
    );
  const posField = text.split('\t', 2)[1] ?? '';
  if (!/^[1-9]\d*$/.test(posField) || !Number.isSafeInteger(Number(posField)))
    throw new VcfColumnError('POS', 'must be a positive integer');
  let record: ReturnType<VCF['parseLine']>;
  try {
    record = parser.parseLine(text);
  } catch {
    throw new VcfColumnError('INFO', 'missing or unparseable');
  }
  if (!record.CHROM) throw new VcfColumnError('CHROM', 'must not be empty');
  checkAlleles(record.REF, record.ALT ?? []);
  const alts = (record.ALT ?? []).map(upperBases);
  const ref = record.REF!.toUpperCase();
  const altAsWritten = (record.ALT ?? []).join(',') || '.';
  const lowered = ref !== record.REF || altAsWritten !== (alts.join(',') || '.');
  const filter = record.FILTER === undefined ? [] : [record.FILTER].flat();
  const hasInfo = Object.keys(record.INFO).length > 0;
  return {
    kind: 'variant',
    line,
    chrom: record.CHROM,
    pos: record.POS,
    ...(record.ID ? { id: record.ID.join(';') } : {}),
    ref,
    alts,
    ...(lowered ? { basesAsWritten: { ref: record.REF!, alt: altAsWritten } } : {}),
    filter,
    samples: genotypes(record, alts.length + 1),
    ...(hasInfo ? { info: record.INFO } : {}),
  };
}

/** The ValidationError for a column problem on `line`: message `line 12 [FORMAT/GT] ...`, path the column. */
export function lineError(file: string, line: number, error: VcfColumnError): ValidationError {
  return new ValidationError(`${file}: line ${line} ${error.message}`, error.column, {
    cause: error,
  });
}
