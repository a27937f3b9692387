// Test support (pgx): a single-sample GRCh38 VCF text holding chosen genotypes at defining positions
// (e.g. from genotypes.testkit.ts), so tests can push one call set through both the VCF reader and
// ingest + the stored-genotype reader and compare.
import { chromosomeKey } from '../genomics/assembly';
import { vcfHeader } from '../synth/genomics/vcf';
import { alleleDefinitions, pgxGenes } from './allele-definitions';
import type { PositionGenotype } from './sample-genotypes';

const definitionRef = new Map(
  pgxGenes.flatMap((gene) =>
    alleleDefinitions[gene].positions.map(
      (p) => [`${chromosomeKey(p.chrom)}:${p.pos}`, p] as const,
    ),
  ),
);

function dataLine(g: PositionGenotype): string {
  const position = definitionRef.get(`${chromosomeKey(g.chrom)}:${g.pos}`);
  if (!position) throw new Error(`${g.chrom}:${g.pos} is not a defining position`);
  const alts = [...new Set((g.alleles ?? []).filter((a) => a !== position.ref))];
  const alleles = [position.ref, ...alts];
  const gt = g.alleles ? g.alleles.map((a) => alleles.indexOf(a)).join('/') : './.';
  const id = position.rsid ?? '.';
  return [g.chrom, g.pos, id, position.ref, alts.join(',') || '.', '.', 'PASS', '.', 'GT', gt].join(
    '\t',
  );
}

/** A VCF 4.2 text with one sample, `sample`, and one data line per genotype, sorted by locus. */
export function singleSampleVcf(sample: string, genotypes: readonly PositionGenotype[]): string {
  const sorted = [...genotypes].sort((a, b) =>
    a.chrom === b.chrom ? a.pos - b.pos : chromosomeKey(a.chrom) < chromosomeKey(b.chrom) ? -1 : 1,
  );
  const header = vcfHeader([sample], { reference: 'GRCh38', source: 'test', date: '2026-01-01' });
  return [...header, ...sorted.map(dataLine), ''].join('\n');
}
