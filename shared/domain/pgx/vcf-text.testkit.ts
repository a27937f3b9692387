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

/**
 * The same genotypes as a gVCF (GATK HaplotypeCaller `-ERC GVCF` shape): each position that is not
 * homozygous reference a variant record with `<NON_REF>` appended to its ALTs; the reference stretches
 * between them one `<NON_REF>` block each (INFO END, GT 0/0), starting at a defining position (its REF
 * base from the definition) and ending just before the next variant record (the last one `tail`
 * bases past the chromosome's last defining position). `blockFields` replaces a block's FILTER and
 * GT (e.g. `{ filter: 'LowGQX' }`, `{ gt: './.' }`).
 */
export function gvcfOf(
  sample: string,
  genotypes: readonly PositionGenotype[],
  blockFields: { filter?: string; gt?: string } = {},
  tail = 50,
): string {
  const header = vcfHeader([sample], { reference: 'GRCh38', source: 'test', date: '2026-01-01' });
  const byChrom = new Map<string, PositionGenotype[]>();
  for (const g of genotypes) byChrom.set(g.chrom, [...(byChrom.get(g.chrom) ?? []), g]);
  const lines: string[] = [];
  for (const [chrom, calls] of [...byChrom].sort(([a], [b]) =>
    chromosomeKey(a) < chromosomeKey(b) ? -1 : 1,
  )) {
    let block: { pos: number; ref: string } | undefined;
    const close = (end: number) => {
      if (!block) return;
      const filter = blockFields.filter ?? '.';
      const gt = blockFields.gt ?? '0/0';
      lines.push(
        [chrom, block.pos, '.', block.ref, '<NON_REF>', '.', filter, `END=${end}`, 'GT', gt].join(
          '\t',
        ),
      );
      block = undefined;
    };
    const sorted = [...calls].sort((a, b) => a.pos - b.pos);
    for (const g of sorted) {
      const position = definitionRef.get(`${chromosomeKey(g.chrom)}:${g.pos}`)!;
      const reference = g.alleles?.every((a) => a === position.ref) === true;
      if (reference) {
        block ??= { pos: g.pos, ref: position.ref[0]! };
        continue;
      }
      close(g.pos - 1);
      const [record] = singleSampleVcf(sample, [g])
        .split('\n')
        .filter((l) => /^[^#]/.test(l));
      const fields = record!.split('\t');
      fields[4] = fields[4] === '.' ? '<NON_REF>' : `${fields[4]},<NON_REF>`;
      lines.push(fields.join('\t'));
    }
    close(sorted[sorted.length - 1]!.pos + tail);
  }
  return [...header, ...lines, ''].join('\n');
}
