// Domain (synth/genomics): one synthetic patient's genome — two haplotypes per pharmacogene drawn
// from the CPIC frequencies of the patient's biogeographic group (Hardy-Weinberg: independent draws),
// phased genotype calls at every PharmCAT allele-defining position, and tumour findings for cancer
// patients. It is pure: the same Rng state gives the same genome.
import type { Ancestry, Genome, PgxDiplotype, VariantCall } from '../model';
import { InternalError } from '../../errors';
import type { Rng } from '../rng';
import {
  alleleDefinitions,
  haplotypeAlleles,
  pgxGenes,
  type DefiningPosition,
  type PgxGene,
} from '../../pgx/allele-definitions';
import { orderDiplotype } from '../../pgx/haplotype-names';
import { alleleDistribution } from './frequencies';
import {
  driverChoices,
  tumourDrivers,
  type CancerKey,
  type TumourAlteration,
} from './tumour-variants';

export type { CancerKey } from './tumour-variants';

/** A call for a symbolic structural allele (the ERBB2 `<DUP>`): its last base and copy number. */
export interface StructuralVariantCall extends VariantCall {
  sv: { type: 'DUP'; end: number; copyNumber: number };
}

/** True for the symbolic structural calls (`<DUP>`) that carry `sv`. */
export function isStructuralCall(call: VariantCall): call is StructuralVariantCall {
  return 'sv' in call;
}

const haplotypeCache = new Map<string, string[]>();

function cachedHaplotype(gene: PgxGene, name: string): string[] {
  const key = `${gene}\t${name}`;
  let alleles = haplotypeCache.get(key);
  if (!alleles) haplotypeCache.set(key, (alleles = haplotypeAlleles(gene, name)));
  return alleles;
}

/**
 * Two haplotypes of `gene` drawn independently from the group's allele frequencies, in draw order:
 * the first is the chromosome written left of "|" in the VCF.
 */
export function sampleHaplotypes(gene: PgxGene, ancestry: Ancestry, rng: Rng): [string, string] {
  const distribution = alleleDistribution(gene, ancestry);
  return [rng.weighted(distribution), rng.weighted(distribution)];
}

function alleleIndex(position: DefiningPosition, allele: string): number {
  if (allele === position.ref) return 0;
  const index = position.alts.indexOf(allele);
  if (index < 0)
    throw new InternalError(`${allele} is not an allele of ${position.chrom}:${position.pos}`);
  return index + 1;
}

/**
 * Calls already made, by gene and haplotype pair. A call depends on nothing else, and the same pairs
 * recur from patient to patient (a gene has at most a few dozen alleles, most of them rare), so each
 * list is built once per thread; lists and calls are frozen because every genome with the pair
 * shares them (and so `vcfRecord` may remember their lines).
 */
const callsByPair = new Map<string, readonly VariantCall[]>();

/** Phased calls at every defining position of `gene` for the haplotypes `first` | `second`. */
export function pharmacogeneCalls(
  gene: PgxGene,
  first: string,
  second: string,
): readonly VariantCall[] {
  const key = `${gene}\t${first}\t${second}`;
  let calls = callsByPair.get(key);
  if (!calls) {
    calls = Object.freeze(buildCalls(gene, first, second).map((call) => Object.freeze(call)));
    callsByPair.set(key, calls);
  }
  return calls;
}

function buildCalls(gene: PgxGene, first: string, second: string): VariantCall[] {
  const left = cachedHaplotype(gene, first);
  const right = cachedHaplotype(gene, second);
  return alleleDefinitions[gene].positions.map((p, i) => ({
    chrom: p.chrom,
    pos: p.pos,
    ...(p.rsid ? { id: p.rsid } : {}),
    ref: p.ref,
    alt: p.alts.length === 1 ? p.alts[0]! : p.alts.join(','),
    genotype: `${alleleIndex(p, left[i]!)}|${alleleIndex(p, right[i]!)}`,
    gene,
  }));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function tumourCall(alteration: TumourAlteration, rng: Rng): VariantCall | undefined {
  const vcf = alteration.vcf;
  if (!vcf) return undefined;
  const base = {
    chrom: vcf.chrom,
    pos: vcf.pos,
    ...(vcf.id ? { id: vcf.id } : {}),
    ref: vcf.ref,
    alt: vcf.alt,
    genotype: '0/1',
    gene: alteration.gene,
  };
  if (vcf.germline) return base;
  if (vcf.end === undefined)
    return { ...base, somatic: { vaf: round3(0.05 + 0.55 * rng.next()), hgvsp: vcf.hgvsp } };
  // Amplification: VAF is the share of reads at the locus from the extra copies, for a tumour of
  // purity p and total copy number cn against a diploid normal: p(cn-2) / (p cn + 2(1-p)).
  const copyNumber = rng.int(6, 20);
  const purity = 0.3 + 0.5 * rng.next();
  const vaf = (purity * (copyNumber - 2)) / (purity * copyNumber + 2 * (1 - purity));
  const call: StructuralVariantCall = {
    ...base,
    somatic: { vaf: round3(vaf), hgvsp: vcf.hgvsp },
    sv: { type: 'DUP', end: vcf.end, copyNumber },
  };
  return call;
}

function sampleTumour(
  ancestry: Ancestry,
  cancers: readonly CancerKey[],
  rng: Rng,
): { findings: Genome['tumour']; variants: VariantCall[] } {
  const findings: Genome['tumour'] = [];
  const variants: VariantCall[] = [];
  const seen = new Set<TumourAlteration>();
  // Canonical order and one stream per cancer: a cancer's findings do not depend on the others.
  const present = (Object.keys(tumourDrivers) as CancerKey[]).filter((c) => cancers.includes(c));
  for (const cancer of present) {
    const cancerRng = rng.fork(cancer);
    for (const group of tumourDrivers[cancer]) {
      const alteration = cancerRng.weighted(driverChoices(group, ancestry));
      if (!alteration || seen.has(alteration)) continue;
      seen.add(alteration);
      const call = tumourCall(alteration, cancerRng);
      if (call) variants.push(call);
      // A germline founder variant is inherited, not a finding of the tumour.
      if (!alteration.vcf?.germline)
        findings.push({
          gene: alteration.gene,
          alteration: alteration.alteration,
          kind: alteration.kind,
        });
    }
  }
  return { findings, variants };
}

/**
 * The tumour findings `sampleGenome(ancestry, cancers, rng)` gives, without the pharmacogenes: the same
 * draws from the same fork, so the state can prescribe by them (osimertinib for EGFR L858R) before the
 * genome is sampled, and the genome's bytes do not change.
 */
export function sampleTumourFindings(
  ancestry: Ancestry,
  cancers: readonly CancerKey[],
  rng: Rng,
): Genome['tumour'] {
  return sampleTumour(ancestry, cancers, rng.fork('tumour')).findings;
}

/**
 * The genome of one synthetic patient of `ancestry` with the given cancers (possibly none): a
 * diplotype for each of the ten pharmacogenes (alleles in PharmCAT's written order), a phased call
 * ("0|1") at every defining position so a caller sees no missing position, and the tumour findings
 * (somatic calls carry `somatic.vaf`, 0-1). Germline and tumour draws use separate forks of `rng`,
 * so a patient's pharmacogenes do not change with their cancers.
 */
export function sampleGenome(ancestry: Ancestry, cancers: readonly CancerKey[], rng: Rng): Genome {
  const germline = rng.fork('pharmacogenes');
  const diplotypes: PgxDiplotype[] = [];
  const variants: VariantCall[] = [];
  for (const gene of pgxGenes) {
    const [first, second] = sampleHaplotypes(gene, ancestry, germline);
    diplotypes.push({ gene, alleles: orderDiplotype(first, second) });
    variants.push(...pharmacogeneCalls(gene, first, second));
  }
  const tumour = sampleTumour(ancestry, cancers, rng.fork('tumour'));
  return { diplotypes, variants: [...variants, ...tumour.variants], tumour: tumour.findings };
}
