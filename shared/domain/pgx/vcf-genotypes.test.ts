// Tests (pgx): genotypes are read from hand-written GRCh38 VCFs (positions from the PharmCAT table)
// and from the project's synthetic genomes, and the profile recovers the truth.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readVcf } from '../genomics/vcf-reader';
import { numberedLines } from '../ingest/lines';
import { sampleGenome } from '../synth/genomics/genome';
import { renderVcf } from '../synth/genomics/vcf';
import { Rng } from '../synth/rng';
import { alleleDefinitions, pgxGenes } from './allele-definitions';
import { genomeGenotypes } from './genotypes.testkit';
import { cpicRecommendations } from './cpic-recommendations';
import { diplotypePhenotype } from './phenotypes';
import { pgxProfile } from './profile';
import { readSampleGenotypes } from './vcf-genotypes';
import { gvcfOf, singleSampleVcf } from './vcf-text.testkit';

function records(text: string) {
  return readVcf(numberedLines(Readable.from([Buffer.from(text)])), 'test.vcf');
}

const header = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr10,length=133797422>',
  '##contig=<ID=chr2,length=242193529>',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNA1\tNA2',
].join('\n');

const vcf = (...lines: string[]) => `${header}\n${lines.join('\n')}\n`;

describe('Function: readSampleGenotypes', () => {
  it('reads the first sample by default and another by name, as bases', async () => {
    const text = vcf('chr10\t94781859\trs4244285\tG\tA\t.\tPASS\t.\tGT\t1/1\t0|1');
    expect((await readSampleGenotypes(records(text))).genotypes).toEqual([
      { chrom: 'chr10', pos: 94781859, alleles: ['A', 'A'] },
    ]);
    const second = await readSampleGenotypes(records(text), 'NA2');
    expect(second.sample).toBe('NA2');
    expect(second.genotypes[0]!.alleles).toEqual(['G', 'A']);
  });

  it('keeps only pharmacogene defining positions and reads ./. as a no-call', async () => {
    const text = vcf(
      'chr10\t1000\t.\tA\tT\t.\tPASS\t.\tGT\t0/1\t0/1',
      'chr10\t94781859\t.\tG\tA\t.\tPASS\t.\tGT\t./.\t0/1',
    );
    expect((await readSampleGenotypes(records(text))).genotypes).toEqual([
      { chrom: 'chr10', pos: 94781859, alleles: null },
    ]);
  });

  it('merges a multi-allelic UGT1A1 site split over two lines (*28/*37)', async () => {
    const text = vcf(
      'chr2\t233760233\t.\tCAT\tCATAT\t.\tPASS\t.\tGT\t0/1\t0/0',
      'chr2\t233760233\t.\tCAT\tCATATAT\t.\tPASS\t.\tGT\t0/1\t0/0',
    );
    const { genotypes } = await readSampleGenotypes(records(text));
    expect(genotypes[0]!.alleles).toEqual(['CATAT', 'CATATAT']);
  });

  it('keeps a het written twice (a duplicated line) het: DPYD *2A stays AS 1.0, 50% dose', async () => {
    // Prepare: every DPYD position typed, *2A (chr1:97450058 C>T) 0/1 on two identical lines.
    const dpydHeader = header
      .replace('##contig=<ID=chr10', '##contig=<ID=chr1,length=248956422>\n##contig=<ID=chr10')
      .replace('\tNA1\tNA2', '\tNA1');
    const dataLines = alleleDefinitions.DPYD.positions.flatMap((p) => {
      const gt = p.pos === 97450058 ? '0/1' : '0/0';
      const line = [p.chrom, p.pos, p.rsid ?? '.', p.ref, p.alts[0], '.', 'PASS', '.', 'GT', gt];
      return p.pos === 97450058 ? [line.join('\t'), line.join('\t')] : [line.join('\t')];
    });
    // Act
    const read = await readSampleGenotypes(records(`${dpydHeader}\n${dataLines.join('\n')}\n`));
    const profile = pgxProfile(read.genotypes);
    // Assess
    expect(read.genotypes.find((g) => g.pos === 97450058)!.alleles).toEqual(['C', 'T']);
    expect(profile.genes.find((g) => g.gene === 'DPYD')!.activityScore).toBe(1);
    expect(cpicRecommendations(profile, ['fluorouracil'])[0]!.action).toMatch(/^Reduce starting/);
    expect(read.warnings).toEqual([]);
  });

  it('makes a no-call, with a warning naming the position, of records that contradict', async () => {
    const cases = [
      // the same ALT with two genotypes
      [
        'chr10\t94781859\t.\tG\tA\t.\tPASS\t.\tGT\t0/1\t0/0',
        'chr10\t94781859\t.\tG\tA\t.\tPASS\t.\tGT\t1/1\t0/0',
      ],
      // overlapping ALT lists: a het must not become A/A
      [
        'chr10\t94781859\t.\tG\tA\t.\tPASS\t.\tGT\t0/1\t0/0',
        'chr10\t94781859\t.\tG\tA,T\t.\tPASS\t.\tGT\t0/1\t0/0',
      ],
    ];
    for (const lines of cases) {
      const { genotypes, warnings } = await readSampleGenotypes(records(vcf(...lines)));
      expect(genotypes).toEqual([{ chrom: 'chr10', pos: 94781859, alleles: null }]);
      expect(warnings).toEqual([
        'line 7: second record at chr10:94781859 could not be merged (a different genotype or overlapping ALT alleles); the position is a no-call',
      ]);
    }
  });

  it('keeps phase and FORMAT/PS, and merges a phased split site haplotype by haplotype', async () => {
    const text = vcf(
      'chr2\t233760233\t.\tCAT\tCATAT\t.\tPASS\t.\tGT:PS\t0|1:7\t0/0:.',
      'chr2\t233760233\t.\tCAT\tCATATAT\t.\tPASS\t.\tGT:PS\t1|0:7\t0/0:.',
      'chr10\t94781859\t.\tG\tA\t.\tPASS\t.\tGT\t1|0\t0/0',
    );
    const { genotypes } = await readSampleGenotypes(records(text));
    expect(genotypes).toEqual([
      { chrom: 'chr2', pos: 233760233, alleles: ['CATATAT', 'CATAT'], phased: true, phaseSet: '7' },
      { chrom: 'chr10', pos: 94781859, alleles: ['A', 'G'], phased: true },
    ]);
  });

  it('calls TPMT *3B and *3C phased in trans (1|0, 0|1) *3B/*3C Poor, unless PS splits them', async () => {
    const tpmtVcf = (ps: (pos: number) => string) => {
      const head = header
        .replace('##contig=<ID=chr10', '##contig=<ID=chr6,length=170805979>\n##contig=<ID=chr10')
        .replace('\tNA1\tNA2', '\tNA1');
      const body = alleleDefinitions.TPMT.positions.map((p) => {
        const gt = p.pos === 18138997 ? '1|0' : p.pos === 18130687 ? '0|1' : '0|0';
        const alt = p.pos === 18130687 ? 'C' : p.alts[0];
        const fields = [p.chrom, p.pos, p.rsid ?? '.', p.ref, alt, '.', 'PASS', '.'];
        return [...fields, 'GT:PS', `${gt}:${ps(p.pos)}`].join('\t');
      });
      return `${head}\n${body.join('\n')}\n`;
    };
    const tpmt = async (text: string) => {
      const { genotypes } = await readSampleGenotypes(records(text));
      return pgxProfile(genotypes).genes.find((g) => g.gene === 'TPMT')!;
    };
    expect(await tpmt(tpmtVcf(() => '18130000'))).toMatchObject({
      diplotype: '*3B/*3C',
      phenotype: 'Poor Metabolizer',
    });
    const split = await tpmt(tpmtVcf((pos) => (pos === 18130687 ? '1' : '2')));
    expect(split).toMatchObject({ diplotype: '*1/*3A', phenotype: 'Intermediate Metabolizer' });
  });

  it('rejects GRCh37 input with a clear error', async () => {
    const grch37 = vcf('chr10\t96521616\t.\tG\tA\t.\tPASS\t.\tGT\t0/1\t0/1').replace(
      '133797422',
      '135534747',
    );
    await expect(readSampleGenotypes(records(grch37))).rejects.toThrow(
      /GRCh37 coordinates detected/,
    );
  });

  it('rejects an unknown sample and a bad line, naming the line', async () => {
    const text = vcf('chr10\t94781859\t.\tG\tA\t.\tPASS\t.\tGT\t0/5\t0/1');
    await expect(readSampleGenotypes(records(vcf()), 'NA9')).rejects.toThrow(/--sample/);
    await expect(readSampleGenotypes(records(text))).rejects.toThrow(/line 6/);
  });
});

describe('Function: readSampleGenotypes on gVCF reference blocks', () => {
  /** Every gene typed: CYP2C19 *1/*2, TPMT *1/*3A, UGT1A1 *1/*28, the rest reference. */
  const genome = genomeGenotypes({
    CYP2C19: ['*1', '*2'],
    TPMT: ['*1', '*3A'],
    UGT1A1: ['*1', '*28'],
  });
  const profileOf = async (text: string) =>
    pgxProfile((await readSampleGenotypes(records(text))).genotypes);
  const dataLines = (text: string) => text.split('\n').filter((l) => /^[^#]/.test(l)).length;
  const positionCount = pgxGenes.reduce((n, g) => n + alleleDefinitions[g].positions.length, 0);
  /** A one-sample header for hand-written records on chr2 and chr10. */
  const oneSample = header
    .replace('##contig=<ID=chr10', '##contig=<ID=chr2,length=242193529>\n##contig=<ID=chr10')
    .replace('\tNA1\tNA2', '\tNA1');

  it('calls every position a 0/0 block covers reference: the profile of the same calls written out', async () => {
    // Prepare: the genome as a gVCF (blocks between the variant records) and as a plain VCF.
    const gvcf = gvcfOf('P1', genome);
    expect(dataLines(gvcf)).toBeLessThan(positionCount / 4);
    // Act
    const fromBlocks = await profileOf(gvcf);
    // Assess
    expect(fromBlocks).toEqual(await profileOf(singleSampleVcf('P1', genome)));
    for (const gene of fromBlocks.genes) expect(gene.missingPositions, gene.gene).toEqual([]);
    expect(fromBlocks.genes.find((g) => g.gene === 'TPMT')).toMatchObject({
      diplotype: '*1/*3A',
      phenotype: 'Intermediate Metabolizer',
    });
  });

  it('reads <*> and ALT "." blocks alike, REF from the definition, and never a record that only has END', async () => {
    const text = `${oneSample}\n${[
      // CYP2C19 rs4244285 (chr10:94781859 G) inside a block starting at an unknown base.
      'chr10\t94781850\t.\tN\t<*>\t.\tPASS\tEND=94781860\tGT:DP\t0/0:30',
      // CYP2C19 rs3758581 (chr10:94842866 A) inside an Illumina-style block (ALT ".").
      'chr10\t94842864\t.\tC\t.\t.\tPASS\tEND=94842870\tGT\t0/0',
      // A duplication with END over UGT1A1: a variant record, not a block.
      'chr2\t233759000\t.\tN\t<DUP>\t.\tPASS\tSVTYPE=DUP;END=233770000\tGT\t0/0',
    ].join('\n')}\n`;
    const { genotypes } = await readSampleGenotypes(records(text));
    const at = (pos: number) => genotypes.find((g) => g.pos === pos)?.alleles;
    expect(at(94781859)).toEqual(['G', 'G']);
    expect(at(94842866)).toEqual(['A', 'A']);
    // Each covered position is its definition's REF twice, and nothing is read from the <DUP>.
    const refs = new Map(alleleDefinitions.CYP2C19.positions.map((p) => [p.pos, p.ref]));
    for (const g of genotypes)
      expect(g.alleles, String(g.pos)).toEqual([refs.get(g.pos), refs.get(g.pos)]);
    expect(genotypes.every((g) => g.chrom === 'chr10')).toBe(true);
    expect(genotypes.every((g) => g.pos >= 94781850 && g.pos <= 94842870)).toBe(true);
  });

  it('covers an indel position only when the block holds its whole REF (UGT1A1 *28, CAT at 233760233)', async () => {
    const block = (end: number) =>
      `${oneSample}\nchr2\t233760200\t.\tA\t<NON_REF>\t.\t.\tEND=${end}\tGT\t0/0\n`;
    const at = async (end: number) =>
      (await readSampleGenotypes(records(block(end)))).genotypes.find((g) => g.pos === 233760233);
    expect(await at(233760234)).toBeUndefined();
    expect((await at(233760235))?.alleles).toEqual(['CAT', 'CAT']);
  });

  it('leaves the positions of a filtered block missing, and of a ./. block no-called', async () => {
    const tpmt = async (text: string) =>
      (await profileOf(text)).genes.find((g) => g.gene === 'TPMT')!;
    const typed = genome.filter((g) => g.chrom === 'chr6');
    const referencePositions = alleleDefinitions.TPMT.positions.length - 2; // *3A: two variants
    const filtered = await tpmt(gvcfOf('P1', typed, { filter: 'LowGQX' }));
    expect(filtered.missingPositions).toHaveLength(referencePositions);
    expect(filtered.missingPositions.every((m) => m.reason === 'absent')).toBe(true);
    const noCall = await tpmt(gvcfOf('P1', typed, { gt: './.' }));
    expect(noCall.missingPositions).toHaveLength(referencePositions);
    expect(noCall.missingPositions.every((m) => m.reason === 'no-call')).toBe(true);
  });
});

describe('Function: readSampleGenotypes on a tumour/normal VCF', () => {
  /** Mutect2-style pair: TUMOUR-1 first, NORMAL-1 second; CYP2C19 *2 het in the normal, LOH in the tumour. */
  const paired = (meta: string[]) =>
    [
      '##fileformat=VCFv4.2',
      ...meta,
      '##contig=<ID=chr10,length=133797422>',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOUR-1\tNORMAL-1',
      'chr10\t94781859\trs4244285\tG\tA\t.\tPASS\t.\tGT\t1/1\t0/1',
      '',
    ].join('\n');
  const mutect2 = ['##normal_sample=NORMAL-1', '##tumor_sample=TUMOUR-1'];
  const gatk3 = [
    '##SAMPLE=<ID=NORMAL,SampleName=NORMAL-1>',
    '##SAMPLE=<ID=TUMOR,SampleName=TUMOUR-1>',
  ];

  it('reads the sample the header names as the normal sample by default, saying so', async () => {
    for (const meta of [mutect2, gatk3]) {
      const read = await readSampleGenotypes(records(paired(meta)));
      expect(read.sample).toBe('NORMAL-1');
      expect(read.genotypes[0]!.alleles).toEqual(['G', 'A']);
      expect(read.warnings).toEqual([
        'sample column 11 read: the header names it the normal (germline) sample',
      ]);
    }
  });

  it('reads the first sample when the header names no normal sample, and warns when it reads a tumour sample', async () => {
    const unnamed = await readSampleGenotypes(records(paired([])));
    expect(unnamed).toMatchObject({ sample: 'TUMOUR-1', warnings: [] });
    const tumourOnly = await readSampleGenotypes(records(paired(['##tumor_sample=TUMOUR-1'])));
    expect(tumourOnly.sample).toBe('TUMOUR-1');
    expect(tumourOnly.warnings).toEqual([
      expect.stringMatching(
        /^sample column 10 is named a tumour sample: germline pharmacogenomics/,
      ),
    ]);
    const chosen = await readSampleGenotypes(records(paired(mutect2)), 'TUMOUR-1');
    expect(chosen.genotypes[0]!.alleles).toEqual(['A', 'A']);
    expect(chosen.warnings).toEqual([expect.stringMatching(/^sample column 10 is named a tumour/)]);
  });
});

describe('Function: pgxProfile on synthetic VCFs', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'recovers every gene of synthetic genome %i with no missing position',
    async (seed) => {
      // Prepare: a synthetic patient's VCF (every defining position, phased calls read as unphased)
      const genome = sampleGenome('european', [], new Rng(20260101, seed));
      const text = renderVcf('P1', genome, {
        reference: 'GRCh38',
        source: 'test',
        date: '2026-01-01',
      });
      // Act
      const { genotypes } = await readSampleGenotypes(records(text));
      const profile = pgxProfile(genotypes);
      // Assess
      for (const truth of genome.diplotypes) {
        const called = profile.genes.find((g) => g.gene === truth.gene)!;
        if (truth.gene === 'DPYD') {
          // Lowest-function calling: the activity score, not the haplotype names, must agree.
          const truthScore = diplotypePhenotype('DPYD', truth.alleles).activityScore;
          expect(called.activityScore, 'DPYD').toBe(truthScore);
          continue;
        }
        expect(called.tied ?? [called.diplotype], truth.gene).toContain(truth.alleles.join('/'));
        expect(called.missingPositions).toEqual([]);
      }
      expect(profile.genes.map((g) => g.gene)).toEqual([...pgxGenes]);
    },
  );
});
