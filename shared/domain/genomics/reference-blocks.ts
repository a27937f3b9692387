// Domain (genomics): gVCF reference blocks read as calls at the pharmacogene defining positions they
// cover.
//
// A gVCF reports the positions where a sample matches the reference as blocks: one record at the
// block's first base, REF that base, ALT the symbolic "any other allele" (GATK HaplotypeCaller
// `-ERC GVCF` and DRAGEN write `<NON_REF>`; bcftools and DeepVariant `<*>`; Illumina's original
// gVCF (Isaac, Strelka germline `genome.vcf`) `.`), INFO `END` the block's last base, GT `0/0` (VCF
// v4.3 §5.5 "Representing unspecified alleles and REF-only blocks (gVCF)": `<NON_REF>` is an alias of
// `<*>`; `END` is the reserved INFO key "end position of the variant described in this record", VCF
// v4.2 §1.6.1 item 8). A block stands for a `0/0` call at every position from POS to END, but the
// file gives the base at POS only, so the reference base at each defining position it covers is
// taken from the allele-definition table (PharmCAT, GRCh38, pgx/allele-definitions.ts): the star
// caller reads calls as bases and needs the definition's REF there (sample-genotypes.ts `readable`).
//
// Rules (referenceBlockSites):
// - A block is a record whose ALT is only `<NON_REF>`, `<*>` or `.` and whose INFO END is an integer
//   at or after POS. Any other record (an SNV, `A G,<NON_REF>`, an `<DUP>` with END) is read as it
//   is, at its POS.
// - A defining position is covered when its whole REF (an indel's padding base and the bases it
//   deletes or inserts after) lies within POS..END; one whose REF runs past END is not covered (left
//   missing, never guessed).
// - The block's genotype applies to every covered position: `0/0` (or a haploid `0`, read as the
//   caller reads a haploid call) is the reference; `./.` is a no-call (missing); a GT with any allele
//   other than REF says nothing of which base, so it is a no-call too.
// - A block that failed a filter (FILTER neither `PASS` nor `.`, e.g. Strelka's `LowGQX`) gives
//   nothing at all, its POS included: a low-quality claim of reference over a span is no call.
// - At POS, a REF that does not match the definition's first base is kept as written, so the call
//   reads as an allele outside the definition (`unreadable`), as a record at POS always did.
// Memory: one sorted array of the ~400 defining positions per chromosome, built once; each record is
// one binary search, so millions of blocks stream through and only those overlapping a defining
// position yield anything.
import { alleleDefinitions, pgxGenes, type DefiningPosition } from '../pgx/allele-definitions';
import { chromosomeKey } from './assembly';
import type { SampleGenotype, VcfVariant } from './vcf-line';

/** The ALT alleles of a reference block: the unspecified allele, in either spelling. */
const unspecifiedAlleles = new Set(['<NON_REF>', '<*>']);

/** Defining positions by chromosome key ("10", "X"), sorted by POS, one per locus. */
const definingByChromosome: ReadonlyMap<string, readonly DefiningPosition[]> = (() => {
  const byChromosome = new Map<string, Map<number, DefiningPosition>>();
  for (const gene of pgxGenes)
    for (const position of alleleDefinitions[gene].positions) {
      const key = chromosomeKey(position.chrom);
      const positions = byChromosome.get(key) ?? new Map<number, DefiningPosition>();
      if (!positions.has(position.pos)) positions.set(position.pos, position);
      byChromosome.set(key, positions);
    }
  return new Map(
    [...byChromosome].map(([key, positions]) => [
      key,
      [...positions.values()].sort((a, b) => a.pos - b.pos),
    ]),
  );
})();

/** The block's last base (INFO END), or undefined when the record is no reference block. */
export function referenceBlockEnd(variant: VcfVariant): number | undefined {
  if (!variant.alts.every((alt) => unspecifiedAlleles.has(alt))) return undefined;
  const value = variant.info?.END;
  const first = Array.isArray(value) ? value[0] : value;
  const end = typeof first === 'number' || typeof first === 'string' ? Number(first) : NaN;
  return Number.isSafeInteger(end) && end >= variant.pos ? end : undefined;
}

/** The index of the first position at or after `pos` (binary search). */
function firstAtOrAfter(positions: readonly DefiningPosition[], pos: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (positions[mid]!.pos < pos) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The block's genotype as a call at a covered position (file comment): all alleles REF stays the
 * reference (unphased: phase means nothing there); anything else is a no-call of the same ploidy. A
 * sample without GT (FORMAT has none) stays as it is: nothing read.
 */
function coveredCall(call: SampleGenotype): SampleGenotype {
  if (call.alleles.length === 0) return call;
  const reference = call.alleles.every((a) => a === 0);
  const alleles = call.alleles.map((a) => (reference ? a : null));
  return {
    sample: call.sample,
    gt: alleles.map((a) => a ?? '.').join('/'),
    phased: false,
    alleles,
  };
}

/**
 * The records a gVCF reference block stands for at the pharmacogene defining positions it covers
 * (file comment), in position order: each a monomorphic record (ALT none) with the definition's REF
 * and the block's genotype per sample, on the block's line. Undefined when `variant` is not a
 * reference block (read it as it is); empty for a block that covers no defining position or failed
 * a filter.
 */
export function referenceBlockSites(variant: VcfVariant): VcfVariant[] | undefined {
  const end = referenceBlockEnd(variant);
  if (end === undefined) return undefined;
  if (variant.filter.some((f) => f !== 'PASS')) return [];
  const positions = definingByChromosome.get(chromosomeKey(variant.chrom));
  if (!positions) return [];
  const samples = variant.samples.map(coveredCall);
  const sites: VcfVariant[] = [];
  for (let i = firstAtOrAfter(positions, variant.pos); i < positions.length; i++) {
    const position = positions[i]!;
    if (position.pos > end) break;
    if (position.pos + position.ref.length - 1 > end) continue;
    const atStart = position.pos === variant.pos;
    const ref = atStart && variant.ref[0] !== position.ref[0] ? variant.ref : position.ref;
    sites.push({
      kind: 'variant',
      line: variant.line,
      chrom: variant.chrom,
      pos: position.pos,
      ref,
      alts: [],
      filter: variant.filter,
      samples,
    });
  }
  return sites;
}
