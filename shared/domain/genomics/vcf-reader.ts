// Domain (genomics): stream a VCF 4.x file (single or multi-sample, GRCh38 only) line by line into a header result, then one variant or error per data line.
import VCF from '@gmod/vcf';
import type { MetaField } from '@gmod/vcf';
import { ValidationError } from '../errors';
import type { NumberedLine } from '../ingest/lines';
import { detectAssembly, type Assembly, type ContigInfo } from './assembly';
import { sampleRoles, type SampleRoles } from './sample-roles';
import { lineError, parseVariantLine, VcfColumnError, type VcfVariant } from './vcf-line';

export type { SampleGenotype, VcfVariant } from './vcf-line';

export interface VcfHeaderInfo {
  /** As written, e.g. "VCFv4.3". */
  fileformat: string;
  /** The 4.x version, e.g. "4.3". */
  version: string;
  /** Sample names in column order (empty for a sites-only file). */
  samples: string[];
  /** 'unknown' when the header carries no assembly evidence; see `warnings`. */
  assembly: Exclude<Assembly, 'GRCh37'>;
  /** What decided the assembly, e.g. "contig chr1 length 248956422". */
  assemblyEvidence?: string;
  contigs: ContigInfo[];
  /** Accepted-but-doubtful findings, e.g. the assembly could not be determined. */
  warnings: string[];
  /**
   * The sample columns the header names as tumour or normal samples (sample-roles.ts: Mutect2
   * `##tumor_sample=`/`##normal_sample=`, `##SAMPLE=<ID=TUMOR|NORMAL,SampleName=...>`, a VCF 4.2
   * `##SAMPLE` with a Tumor genome); absent when it names none.
   */
  sampleRoles?: SampleRoles;
}

export type VcfRecordResult =
  | { kind: 'header'; header: VcfHeaderInfo }
  | VcfVariant
  | {
      kind: 'error';
      line: number;
      path?: string;
      error: ValidationError;
      /** A data line's text, for the quarantine (never logged). */
      raw?: string;
    };

/**
 * A header longer than this is refused rather than held: real headers are a few thousand lines
 * (GRCh38 with ALT/decoy/HLA contigs declares about 3,400).
 */
export const maxHeaderLines = 100_000;

function fileError(file: string, line: number, message: string): VcfRecordResult {
  return {
    kind: 'error',
    line,
    path: 'header',
    error: new ValidationError(`${file}: ${message}`, 'header'),
  };
}

function contigsOf(parser: VCF): ContigInfo[] {
  const section = (parser.getMetadata('contig') ?? {}) as Record<string, MetaField>;
  return Object.entries(section).map(([id, field]) => {
    const length = Number(field.length);
    const assembly = typeof field.assembly === 'string' ? field.assembly : undefined;
    return {
      id,
      ...(Number.isSafeInteger(length) && length > 0 ? { length } : {}),
      ...(assembly ? { assembly } : {}),
    };
  });
}

/** Build the header result, or the file-level error that rejects the whole file. */
function readHeader(
  headerLines: readonly string[],
  file: string,
  line: number,
): { parser: VCF; header: VcfHeaderInfo } | { error: VcfRecordResult } {
  let parser: VCF;
  try {
    parser = new VCF({ header: headerLines.join('\n') });
  } catch (cause) {
    // @gmod/vcf quotes the offending line; keep it only as the cause, never in the message.
    const error = new ValidationError(`${file}: malformed VCF header`, 'header', { cause });
    return { error: { kind: 'error', line, path: 'header', error } };
  }
  const fileformat = String(parser.getMetadata('fileformat') ?? '');
  const version = /^VCFv(4\.\d+)$/.exec(fileformat)?.[1];
  if (headerLines[0]?.startsWith('##fileformat=') !== true || !version)
    return {
      error: fileError(file, 1, 'not a VCF 4.x file (first line must be ##fileformat=VCFv4.x)'),
    };
  // A sample name is a patient id: spaces around it (an export padding its cells) are dropped, as
  // @gmod/vcf already drops them after the last column, so " P1" is the patient P1 (said in the
  // report); a column with no name is no patient. Columns are named by number only.
  const padded = parser.samples.flatMap((sample, i) => (sample !== sample.trim() ? [i + 10] : []));
  if (padded.length > 0) parser.samples = parser.samples.map((sample) => sample.trim());
  const unnamed = parser.samples.findIndex((sample) => sample === '');
  if (unnamed >= 0)
    return {
      error: fileError(file, line, `sample column ${unnamed + 10} has no name (a patient id)`),
    };
  // Each sample column is one patient's calls: two columns of one name would store two genotypes
  // for one patient at every site, one overwriting the other. Columns are named by number only
  // (sample names are patient ids).
  const firstColumn = new Map<string, number>();
  for (const [i, sample] of parser.samples.entries()) {
    const earlier = firstColumn.get(sample);
    if (earlier !== undefined)
      return {
        error: fileError(
          file,
          line,
          `sample column ${i + 10} repeats the name of column ${earlier + 10}; each sample (patient) must have one column`,
        ),
      };
    firstColumn.set(sample, i);
  }
  const contigs = contigsOf(parser);
  const reference = parser.getMetadata('reference');
  const assemblyLine = parser.getMetadata('assembly');
  const found = detectAssembly(
    typeof reference === 'string' ? reference : undefined,
    contigs,
    typeof assemblyLine === 'string' ? assemblyLine : undefined,
  );
  if (found.assembly === 'GRCh37')
    return {
      error: fileError(
        file,
        line,
        `GRCh37 coordinates detected (${found.evidence}); this pipeline stores GRCh38 only, liftover first`,
      ),
    };
  const warnings =
    found.assembly === 'unknown'
      ? [
          'reference assembly not stated (no ##reference, contig lengths or assembly tags); read as GRCh38',
        ]
      : [];
  for (const column of padded)
    warnings.push(
      `sample column ${column}: spaces around the name dropped (sample names are patient ids)`,
    );
  // A column a somatic caller named by its label (GATK 3 MuTect2, Strelka: `TUMOR`, `NORMAL`) is
  // stored as a patient of that name, the same one in every such file: said, by column number.
  for (const [i, sample] of parser.samples.entries())
    if (/^(tumou?r|normal)$/i.test(sample))
      warnings.push(
        `sample column ${i + 10} is named ${sample.toUpperCase()}, a caller's label rather than a patient id: every file with such a column is stored under one patient of that name (rename the column to the patient's id)`,
      );
  const roles = sampleRoles(headerLines, parser.samples);
  const named =
    roles.tumour.length + roles.normal.length + roles.tumourNotAColumn + roles.contradictions > 0;
  const header: VcfHeaderInfo = {
    fileformat,
    version,
    samples: parser.samples,
    assembly: found.assembly,
    ...(found.evidence ? { assemblyEvidence: found.evidence } : {}),
    contigs,
    warnings,
    ...(named ? { sampleRoles: roles } : {}),
  };
  return { parser, header };
}

/**
 * Why a line that is not valid UTF-8 is refused: VCF v4.3 §1.2 "The character encoding of VCF files
 * is UTF-8". Decoded, every bad byte reads as U+FFFD, so a sample name (a patient id) or an allele
 * would not be the one sent.
 */
const notUtf8 = (line: number) =>
  `line ${line} is not valid UTF-8 (VCF v4.3 1.2: a VCF file is UTF-8)`;

function dataLine(parser: VCF, next: NumberedLine, file: string): VcfRecordResult {
  if (next.oversized)
    return {
      kind: 'error',
      line: next.line,
      error: new ValidationError(`${file}: line ${next.line} longer than the line limit`),
      raw: '',
    };
  // Quarantined with its text as decoded, as an NDJSON line or a CSV row is.
  if (next.invalidUtf8)
    return {
      kind: 'error',
      line: next.line,
      error: new ValidationError(`${file}: ${notUtf8(next.line)}`),
      raw: next.text,
    };
  try {
    return parseVariantLine(parser, next.text, next.line);
  } catch (error) {
    if (!(error instanceof VcfColumnError)) throw error;
    return {
      kind: 'error',
      line: next.line,
      path: error.column,
      error: lineError(file, next.line, error),
      raw: next.text,
    };
  }
}

/**
 * Read a VCF 4.x file streamed as numbered lines (decompressed upstream). Memory holds the header
 * lines and one data line: header lines are collected until `#CHROM`, handed to @gmod/vcf's parser
 * once, and every data line after it is parsed on its own.
 *
 * Yields `{ kind: 'header' }` once, then per data line a variant or an error naming line and column
 * (`line 12 [FORMAT/GT]`, path `FORMAT/GT`); a bad line never stops the file. A data line that is
 * not valid UTF-8 is such an error (`line 12 is not valid UTF-8`, its decoded text as `raw`). A
 * file-level problem (not VCF 4.x, malformed or over-long header, a header line that is not valid
 * UTF-8: the header holds the sample names, which are patient ids, and the sample roles; data before
 * `#CHROM`, GRCh37 coordinates) yields one error with path `header` and nothing else. Blank lines are
 * skipped.
 */
export async function* readVcf(
  lines: AsyncIterable<NumberedLine>,
  file: string,
): AsyncGenerator<VcfRecordResult> {
  const headerLines: string[] = [];
  let parser: VCF | undefined;
  for await (const next of lines) {
    if (parser) {
      if (next.text.trim() !== '' || next.oversized) yield dataLine(parser, next, file);
      continue;
    }
    const problem =
      next.oversized || headerLines.length >= maxHeaderLines
        ? 'VCF header line or header too long'
        : next.text.trim() !== '' && !next.text.startsWith('#')
          ? 'data line before the #CHROM header line'
          : next.invalidUtf8
            ? notUtf8(next.line)
            : undefined;
    if (problem) {
      yield fileError(file, next.line, problem);
      return;
    }
    if (next.text.trim() === '') continue;
    headerLines.push(next.text);
    if (next.text.startsWith('##')) continue;
    const read = readHeader(headerLines, file, next.line);
    if ('error' in read) {
      yield read.error;
      return;
    }
    headerLines.length = 0;
    parser = read.parser;
    yield { kind: 'header', header: read.header };
  }
  if (!parser) yield fileError(file, 0, 'no #CHROM header line');
}
