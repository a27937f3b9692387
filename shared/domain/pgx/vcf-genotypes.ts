// Domain (pgx): one sample's genotypes at the pharmacogene defining positions, collected from the VCF
// reader's stream (genomics/vcf-reader.ts: GRCh38 only, GRCh37 rejected there). Only defining
// positions are kept, so memory stays at ~400 entries whatever the file size.
//
// Choices: any line error fails the read (a malformed line could be a defining position, and a call
// must never rest on a guess); FILTER is not applied (PharmCAT reads calls regardless of FILTER); a
// haploid or partly missing GT is a no-call. Two records at one position (mergeRecords):
// - ALT lists with no allele in common: a multi-allelic site split into biallelic lines (bcftools norm
//   -m-); merged when they share REF and carry at most two ALT alleles between them;
// - the same ALT list and the same genotype: one call written twice (a duplicated line); kept once;
// - anything else (the same ALT with another genotype, overlapping ALT lists such as "T" and "T,G"):
//   the records contradict each other, so the position is a no-call with a warning naming it.
// Never are the variant alleles of two records of one call pooled: a het written twice stays het.
// Phase: a phased GT ("0|1") keeps its orientation (alleles[0] on the first haplotype) and its
// FORMAT/PS, so the star caller can match each haplotype separately (star-caller.ts).
// gVCF: a reference block (`<NON_REF>`/`<*>` with INFO END) is read as its genotype at every defining
// position it covers, the REF base from the allele definition (genomics/reference-blocks.ts); a
// block that failed a filter gives nothing (the one exception to FILTER not being applied).
// Which sample: the one named (--sample); else the one the header names as the normal sample
// (genomics/sample-roles.ts: `##normal_sample=`, `##SAMPLE=<ID=NORMAL,...>`), since germline
// pharmacogenomics must not be read from tumour DNA (somatic changes, loss of heterozygosity), which a
// tumour/normal pair's first column often is; else the first. Reading a column the header names as a
// tumour sample is warned about.
import { ValidationError } from '../errors';
import { pharmacogeneAt } from '../genomics/genotype-records';
import { referenceBlockSites } from '../genomics/reference-blocks';
import type { VcfHeaderInfo, VcfRecordResult, VcfVariant } from '../genomics/vcf-reader';
import type { PositionGenotype } from './sample-genotypes';

export interface SampleGenotypesRead {
  sample: string;
  genotypes: PositionGenotype[];
  /** Header findings (assembly not stated) and merges that failed; never genotype values. */
  warnings: string[];
}

/** A position's genotype with the record's REF and ALT list (records at one position merge on them). */
export interface Held extends PositionGenotype {
  ref: string;
  /** The record's ALT alleles ([] for ALT "."). */
  alts: readonly string[];
  /** Set once two records at the position contradicted each other: it stays a no-call. */
  conflict?: true;
}

function heldOf(variant: VcfVariant, column: number): Held {
  const call = variant.samples[column];
  const base = { chrom: variant.chrom, pos: variant.pos, ref: variant.ref, alts: variant.alts };
  if (!call || call.alleles.length !== 2 || call.alleles.some((a) => a === null))
    return { ...base, alleles: null };
  const bases = [variant.ref, ...variant.alts];
  const alleles: [string, string] = [bases[call.alleles[0]!]!, bases[call.alleles[1]!]!];
  return {
    ...base,
    alleles,
    ...(call.phased ? { phased: true as const } : {}),
    ...(call.phased && call.phaseSet !== undefined ? { phaseSet: call.phaseSet } : {}),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

const sameGenotype = (a: Held['alleles'], b: Held['alleles']) =>
  a === null || b === null ? a === b : sameSet(a, b);

/** Both records phased in one phase set: their haplotypes line up. */
const inPhase = (a: Held, b: Held) =>
  a.phased === true && b.phased === true && (a.phaseSet ?? '') === (b.phaseSet ?? '');

/**
 * Merge a split multi-allelic site (ALT lists disjoint): same REF, at most two variant alleles in all.
 * When both records are phased in one phase set, each haplotype takes its own variant (1|0 + 0|1 at
 * ALTs T and G is T|G); a variant on the same haplotype in both is a conflict.
 */
function mergeSplitSite(held: Held, next: Held): Held | undefined {
  if (!held.alleles || !next.alleles) return undefined;
  const ref = held.ref;
  if (inPhase(held, next)) {
    const alleles = [0, 1].map((h) => {
      const variants = [held.alleles![h]!, next.alleles![h]!].filter((a) => a !== ref);
      return variants.length > 1 ? undefined : (variants[0] ?? ref);
    });
    if (alleles.some((a) => a === undefined)) return undefined;
    return { ...held, alts: [...held.alts, ...next.alts], alleles: alleles as [string, string] };
  }
  const variants = [...held.alleles, ...next.alleles].filter((a) => a !== ref);
  if (variants.length > 2) return undefined;
  const { phased: _p, phaseSet: _s, ...unphased } = held;
  const alleles = [...variants, ref, ref].slice(0, 2) as [string, string];
  return { ...unphased, alts: [...held.alts, ...next.alts], alleles };
}

/**
 * Combine a second record at a held position (file comment): a split multi-allelic site merges, a
 * duplicate collapses, anything else is a conflict (undefined: the caller makes the position a
 * no-call and warns).
 */
export function mergeRecords(held: Held, next: Held): Held | undefined {
  if (held.conflict || held.ref !== next.ref) return undefined;
  if (sameSet(held.alts, next.alts)) {
    if (!sameGenotype(held.alleles, next.alleles)) return undefined;
    // The same call twice; phase kept only when both say the same thing.
    const agree = inPhase(held, next) && held.alleles?.join() === next.alleles?.join();
    if (agree || !held.phased) return held;
    const { phased: _p, phaseSet: _s, ...unphased } = held;
    return unphased;
  }
  if (held.alts.some((a) => next.alts.includes(a))) return undefined;
  return mergeSplitSite(held, next);
}

/**
 * Hold `next` at its position in `held`, merging with an earlier record there (mergeRecords); on a
 * conflict the position becomes a no-call and a warning naming the line and position is pushed.
 */
export function holdRecord(
  held: Map<string, Held>,
  next: Held,
  line: number,
  warnings: string[],
): void {
  const key = `${next.chrom}:${next.pos}`;
  const earlier = held.get(key);
  if (!earlier) {
    held.set(key, next);
    return;
  }
  const merged = mergeRecords(earlier, next);
  if (merged) held.set(key, merged);
  else noCallAt(held, key, line, warnings);
}

/** Make the held position `key` a no-call for conflicting records, warning once (line and position). */
export function noCallAt(
  held: Map<string, Held>,
  key: string,
  line: number,
  warnings: string[],
): void {
  const earlier = held.get(key)!;
  if (!earlier.conflict)
    warnings.push(
      `line ${line}: second record at ${key} could not be merged (a different genotype or overlapping ALT alleles); the position is a no-call`,
    );
  const { phased: _p, phaseSet: _s, ...rest } = earlier;
  held.set(key, { ...rest, alleles: null, conflict: true });
}

/** The genotypes held, as pgxProfile reads them. */
export function heldGenotypes(held: Map<string, Held>): PositionGenotype[] {
  return [...held.values()].map(({ chrom, pos, alleles, phased, phaseSet }) => ({
    chrom,
    pos,
    alleles,
    ...(phased ? { phased } : {}),
    ...(phased && phaseSet !== undefined ? { phaseSet } : {}),
  }));
}

/**
 * The column to read (file comment): `sample`'s; else the first normal sample the header names; else
 * the first. Warns (by column number) when it is a column the header names as a tumour sample.
 */
function chosenColumn(
  header: VcfHeaderInfo,
  sample: string | undefined,
  warnings: string[],
): number {
  const { samples, sampleRoles } = header;
  const normal = sampleRoles?.normal[0];
  const column =
    sample !== undefined ? samples.indexOf(sample) : normal ? samples.indexOf(normal) : 0;
  if (column < 0) throw new ValidationError('--sample names no sample of the VCF', 'sample');
  if (sample === undefined && normal)
    warnings.push(
      `sample column ${column + 10} read: the header names it the normal (germline) sample`,
    );
  if (sampleRoles?.tumour.includes(samples[column]!))
    warnings.push(
      `sample column ${column + 10} is named a tumour sample: germline pharmacogenomics read from tumour DNA may be wrong (somatic changes, loss of heterozygosity); read the normal sample with --sample`,
    );
  return column;
}

/**
 * Collect `sample`'s genotypes (default: the normal sample the header names, else the first sample;
 * file comment) at pharmacogene defining positions from a VCF record stream, gVCF reference blocks
 * read at the positions they cover. Throws ValidationError for a file-level problem (GRCh37,
 * malformed header), a bad line (naming it), a sites-only file, or an unknown sample.
 */
export async function readSampleGenotypes(
  records: AsyncIterable<VcfRecordResult>,
  sample?: string,
): Promise<SampleGenotypesRead> {
  let column = -1;
  let name = '';
  const warnings: string[] = [];
  const held = new Map<string, Held>();
  for await (const record of records) {
    if (record.kind === 'error') throw record.error;
    if (record.kind === 'header') {
      if (record.header.samples.length === 0)
        throw new ValidationError('the VCF has no sample columns', 'header');
      warnings.push(...record.header.warnings);
      column = chosenColumn(record.header, sample, warnings);
      name = record.header.samples[column]!;
      continue;
    }
    for (const site of referenceBlockSites(record) ?? [record]) {
      if (!pharmacogeneAt(site.chrom, site.pos)) continue;
      holdRecord(held, heldOf(site, column), site.line, warnings);
    }
  }
  const genotypes = heldGenotypes(held);
  return { sample: name, genotypes, warnings };
}
