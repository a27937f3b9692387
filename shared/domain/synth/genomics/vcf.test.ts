// Tests (synth/genomics): the VCF writer's output parses with @gmod/vcf into the genome it came from.
import VCF from '@gmod/vcf';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors';
import { alleleDefinitions, pgxGenes, type PgxGene } from '../../pgx/allele-definitions';
import { matchDiplotype } from '../../pgx/phased-matcher.testkit';
import type { Genome, VariantCall } from '../model';
import { Rng } from '../rng';
import { sampleGenome } from './genome';
import { compareLoci, renderVcf, vcfHeader, vcfRecords, type VcfHeaderOptions } from './vcf';

const options: VcfHeaderOptions = {
  reference: 'GRCh38',
  source: 'caregraph-synth/1.0.0',
  date: '2026-01-01',
};

/** A breast- and lung-cancer genome that has both a somatic SNV and the ERBB2 amplification. */
function tumourGenome(): Genome {
  for (let i = 0; ; i++) {
    const genome = sampleGenome('east-asian', ['breast-cancer', 'lung-cancer'], new Rng(3, i));
    const alts = genome.variants.filter((v) => v.somatic).map((v) => v.alt);
    if (alts.includes('<DUP>') && alts.some((a) => a !== '<DUP>')) return genome;
  }
}

function parse(text: string) {
  const lines = text.trimEnd().split('\n');
  const parser = new VCF({ header: lines.filter((l) => l.startsWith('#')).join('\n') });
  return {
    parser,
    records: lines.filter((l) => !l.startsWith('#')).map((l) => parser.parseLine(l)),
  };
}

describe('Function: vcfHeader', () => {
  it('declares VCF 4.2, date, source, reference, GRCh38 contigs and the fields records use', () => {
    const { parser } = parse(vcfHeader(['P001'], options).join('\n'));
    expect(parser.getMetadata('fileformat')).toBe('VCFv4.2');
    expect(parser.getMetadata('fileDate')).toBe('20260101');
    expect(parser.getMetadata('source')).toBe('caregraph-synth/1.0.0');
    expect(parser.getMetadata('reference')).toBe('GRCh38');
    expect(parser.getMetadata('contig', 'chr10')).toMatchObject({ length: '133797422' });
    expect(parser.getMetadata('contig', 'chr16')).toMatchObject({ length: '90338345' });
    expect(parser.getMetadata('contig', 'chr17')).toMatchObject({ length: '83257441' });
    for (const id of ['GENE', 'SOMATIC', 'HGVSP', 'SVTYPE', 'END', 'SVLEN'])
      expect(parser.getMetadata('INFO', id), id).toBeDefined();
    expect(parser.getMetadata('FORMAT', 'VAF')).toMatchObject({ Number: 'A', Type: 'Float' });
    expect(parser.getMetadata('ALT', 'DUP')).toBeDefined();
    expect(parser.samples).toEqual(['P001']);
  });

  it('declares a contig for every chromosome a genome can have records on', () => {
    const header = vcfHeader(['P001'], options).join('\n');
    for (const gene of pgxGenes)
      expect(header).toContain(`##contig=<ID=${alleleDefinitions[gene].chrom},`);
    for (const chrom of ['chr3', 'chr7', 'chr12', 'chr17'])
      expect(header).toContain(`ID=${chrom},`);
  });

  it('rejects a malformed date or a sample name with whitespace', () => {
    expect(() => vcfHeader(['P001'], { ...options, date: '1 Jan 2026' })).toThrow(ValidationError);
    expect(() => vcfHeader(['P 001'], options)).toThrow(ValidationError);
  });
});

describe('Function: vcfRecords', () => {
  const genome = tumourGenome();
  const { records } = parse(renderVcf('P001', genome, options));

  it('writes one record per call, sorted by chromosome in natural order and position', () => {
    expect(records).toHaveLength(genome.variants.length);
    const loci = records.map((r) => ({ chrom: r.CHROM!, pos: r.POS }) as VariantCall);
    expect(loci).toEqual([...loci].sort(compareLoci));
    const chroms = [...new Set(loci.map((l) => l.chrom))];
    expect(chroms.indexOf('chr2')).toBeLessThan(chroms.indexOf('chr10'));
  });

  it('carries each pharmacogene call with its rsID, REF, ALTs and phased genotype', () => {
    for (const call of genome.variants.filter((v) => !v.somatic)) {
      const record = records.find((r) => r.CHROM === call.chrom && r.POS === call.pos)!;
      expect(record.ID).toEqual(call.id ? [call.id] : undefined);
      expect(record.REF).toBe(call.ref);
      expect(record.ALT).toEqual(call.alt.split(','));
      expect(record.GENOTYPES().P001).toBe(call.genotype);
      expect(record.INFO.GENE).toEqual([call.gene]);
      expect(record.INFO.SOMATIC).toBeUndefined();
    }
  });

  it('marks somatic SNVs with SOMATIC, HGVSP and a FORMAT VAF', () => {
    const snv = records.find((r) => r.INFO.SOMATIC && r.ALT?.[0] !== '<DUP>')!;
    const call = genome.variants.find((v) => v.pos === snv.POS)!;
    expect(snv.INFO.HGVSP).toEqual([call.somatic!.hgvsp]);
    expect(snv.INFO.GENE).toEqual([call.gene]);
    expect(snv.GENOTYPES().P001).toBe('0/1');
    const vaf = snv.SAMPLES().P001!.VAF![0] as number;
    expect(vaf).toBe(call.somatic!.vaf);
    expect(vaf).toBeGreaterThan(0);
    expect(vaf).toBeLessThan(1);
  });

  it('writes the ERBB2 amplification as a symbolic <DUP> with SVTYPE, END, SVLEN and CN', () => {
    const dup = records.find((r) => r.ALT?.[0] === '<DUP>')!;
    expect(dup).toMatchObject({ CHROM: 'chr17', POS: 39687913, REF: 'N', FILTER: 'PASS' });
    expect(dup.INFO).toMatchObject({
      SVTYPE: ['DUP'],
      END: [39730426],
      SVLEN: [39730426 - 39687913],
      GENE: ['ERBB2'],
      SOMATIC: true,
    });
    expect(dup.SAMPLES().P001!.CN![0]).toBeGreaterThanOrEqual(6);
  });

  it('reads back through the parsed VCF to the sampled diplotypes', () => {
    for (let i = 0; i < 200; i++) {
      const sampled = sampleGenome('african-american', [], new Rng(21, i));
      const parsed: VariantCall[] = parse(renderVcf('P001', sampled, options)).records.map((r) => ({
        chrom: r.CHROM!,
        pos: r.POS,
        ref: r.REF!,
        alt: r.ALT!.join(','),
        genotype: r.GENOTYPES().P001!,
      }));
      for (const { gene, alleles } of sampled.diplotypes)
        expect(matchDiplotype(gene as PgxGene, parsed).alleles).toEqual(alleles);
    }
  });

  it('writes the same bytes for the same seed', () => {
    const again = sampleGenome('east-asian', ['breast-cancer'], new Rng(8));
    expect(vcfRecords(again)).toEqual(
      vcfRecords(sampleGenome('east-asian', ['breast-cancer'], new Rng(8))),
    );
  });
});
