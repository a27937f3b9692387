// Tests (genomics): readVcf streams synthetic, hand-written multi-sample and malformed VCFs into headers, variants and line-addressed errors.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { numberedLines, type NumberedLine } from '../ingest/lines';
import type { Ancestry } from '../synth/model';
import { Rng } from '../synth/rng';
import { sampleGenome } from '../synth/genomics/genome';
import { renderVcf, type VcfHeaderOptions } from '../synth/genomics/vcf';
import { pgxGenes } from '../pgx/allele-definitions';
import { genotypeRecords, pharmacogenePositionsCovered } from './genotype-records';
import { readVcf, type VcfRecordResult } from './vcf-reader';

const synthOptions: VcfHeaderOptions = {
  reference: 'GRCh38',
  source: 'caregraph-synth/1.0.0',
  date: '2026-01-01',
};

function isPgxGene(gene: string | undefined): boolean {
  return (pgxGenes as readonly (string | undefined)[]).includes(gene);
}

function linesOf(text: string): AsyncIterable<NumberedLine> {
  return numberedLines(Readable.from([Buffer.from(text)]));
}

async function readAll(text: string | Buffer): Promise<VcfRecordResult[]> {
  const results: VcfRecordResult[] = [];
  const lines = typeof text === 'string' ? linesOf(text) : numberedLines(Readable.from([text]));
  for await (const result of readVcf(lines, 'test.vcf')) results.push(result);
  return results;
}

/** `text` as bytes, the first `marker` replaced by the byte 0xff (never valid in UTF-8). */
function withInvalidByte(text: string, marker: string): Buffer {
  const bytes = Buffer.from(text);
  bytes[bytes.indexOf(marker)] = 0xff;
  return bytes;
}

function variants(results: VcfRecordResult[]) {
  return results.flatMap((r) => (r.kind === 'variant' ? [r] : []));
}

function errors(results: VcfRecordResult[]) {
  return results.flatMap((r) => (r.kind === 'error' ? [r] : []));
}

/** A VCF 4.3 file with three samples: a phased het, a multi-allelic site, a haploid chrX call. */
const multiSample = [
  '##fileformat=VCFv4.3',
  '##reference=GCA_000001405.15_GRCh38_no_alt_analysis_set.fna',
  '##contig=<ID=chr10,length=133797422>',
  '##contig=<ID=chrX,length=156040895>',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total depth">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">',
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'S1', 'S2', 'S3'].join(
    '\t',
  ),
  'chr10\t94781859\trs4244285\tG\tA\t50\tPASS\tDP=31\tGT:GQ\t0|1:99\t1|1:80\t0|0:70',
  'chr10\t94842866\t.\tA\tG,T\t.\tq10;lowDP\t.\tGT\t1/2\t./.\t0/2',
  'chrX\t1000000\t.\tC\t<DEL>\t.\t.\t.\tGT\t1\t0/1\t.',
].join('\n');

describe('Function: readVcf', () => {
  it('reads every call of synthetic genomes back with its genotype and pharmacogene', async () => {
    const ancestries: Ancestry[] = ['european', 'african-american', 'east-asian', 'latino'];
    for (let i = 0; i < 12; i++) {
      const genome = sampleGenome(
        ancestries[i % 4]!,
        i % 3 ? [] : ['breast-cancer'],
        new Rng(5, i),
      );
      const results = await readAll(renderVcf(`P${i}`, genome, synthOptions));

      expect(errors(results)).toEqual([]);
      expect(results[0]).toMatchObject({
        kind: 'header',
        header: { version: '4.2', samples: [`P${i}`], assembly: 'GRCh38', warnings: [] },
      });
      const byLocus = new Map(variants(results).map((v) => [`${v.chrom}:${v.pos}`, v]));
      expect(byLocus.size).toBe(genome.variants.length);
      for (const call of genome.variants) {
        const variant = byLocus.get(`${call.chrom}:${call.pos}`)!;
        const [record] = genotypeRecords(variant, `P${i}`);
        expect(record).toMatchObject({ ref: call.ref, alt: call.alt, gt: call.genotype });
        expect(variant.samples[0]!.phased).toBe(call.genotype.includes('|'));
        expect(record!.gene).toBe(isPgxGene(call.gene) ? call.gene : undefined);
      }
      const records = variants(results).flatMap((v) => genotypeRecords(v));
      for (const coverage of pharmacogenePositionsCovered(records))
        expect(coverage.missing, coverage.gene).toEqual([]);
    }
  });

  it('reads a hand-written multi-sample VCF 4.3 file, each sample its own genotype', async () => {
    const results = await readAll(multiSample);

    expect(errors(results)).toEqual([]);
    expect(results[0]).toEqual({
      kind: 'header',
      header: {
        fileformat: 'VCFv4.3',
        version: '4.3',
        samples: ['S1', 'S2', 'S3'],
        assembly: 'GRCh38',
        assemblyEvidence: 'contig chr10 length 133797422',
        contigs: [
          { id: 'chr10', length: 133797422 },
          { id: 'chrX', length: 156040895 },
        ],
        warnings: [],
      },
    });
    const [snv, multi, sv] = variants(results);
    expect(snv).toMatchObject({ line: 9, id: 'rs4244285', alts: ['A'], filter: ['PASS'] });
    expect(snv!.info).toEqual({ DP: [31] });
    expect(snv!.samples.map((s) => [s.sample, s.gt, s.phased, s.alleles])).toEqual([
      ['S1', '0|1', true, [0, 1]],
      ['S2', '1|1', true, [1, 1]],
      ['S3', '0|0', true, [0, 0]],
    ]);
    expect(genotypeRecords(snv!).map((r) => [r.zygosity, r.gene])).toEqual([
      ['het', 'CYP2C19'],
      ['hom-alt', 'CYP2C19'],
      ['hom-ref', 'CYP2C19'],
    ]);
    expect(multi).toMatchObject({ alts: ['G', 'T'], filter: ['q10', 'lowDP'] });
    expect(multi!.info).toBeUndefined();
    expect(genotypeRecords(multi!).map((r) => [r.gt, r.alt, r.zygosity])).toEqual([
      ['1/2', 'G,T', 'het'],
      ['./.', 'G,T', 'no-call'],
      ['0/2', 'G,T', 'het'],
    ]);
    expect(sv!.filter).toEqual([]);
    expect(genotypeRecords(sv!).map((r) => r.zygosity)).toEqual(['hemi', 'het', 'no-call']);
    expect(genotypeRecords(sv!, 'S2')).toHaveLength(1);
  });

  it('rejects a file whose contig lengths are GRCh37, yielding nothing else', async () => {
    const grch37 = multiSample.replace('ID=chr10,length=133797422', 'ID=chr1,length=249250621');

    const results = await readAll(grch37);

    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'error', line: 8, path: 'header' });
    expect(errors(results)[0]!.error.message).toBe(
      'test.vcf: GRCh37 coordinates detected (contig chr1 length 249250621); this pipeline stores GRCh38 only, liftover first',
    );
  });

  it('rejects a file whose ##reference names GRCh37 even when contig lengths are absent', async () => {
    const text = multiSample
      .replace(/##reference=[^\n]+/, '##reference=file:///ref/human_g1k_v37.fasta')
      .replace(/##contig=[^\n]+\n/g, '');

    const results = await readAll(text);

    expect(results).toHaveLength(1);
    expect(errors(results)[0]!.error.message).toContain(
      'GRCh37 coordinates detected (##reference=',
    );
  });

  it('rejects a file whose ##assembly line names GRCh37 when nothing else states the build', async () => {
    const text = multiSample
      .replace(/##reference=[^\n]+/, '##assembly=GRCh37')
      .replace(/##contig=[^\n]+\n/g, '');

    const results = await readAll(text);

    expect(results).toHaveLength(1);
    expect(errors(results)[0]!.error.message).toBe(
      'test.vcf: GRCh37 coordinates detected (##assembly=GRCh37); this pipeline stores GRCh38 only, liftover first',
    );
    // A breakpoint-assembly URL naming no build is no evidence (VCF 4.2 1.4.6).
    const url = await readAll(text.replace('##assembly=GRCh37', '##assembly=file:///sv/asm.fa'));
    expect(url[0]).toMatchObject({ kind: 'header', header: { assembly: 'unknown' } });
  });

  it('reads bases in any case as upper case (VCF 4.2 1.6.1), symbolic IDs and mate contigs as written', async () => {
    const lower = [
      'chr10\t94781859\trs4244285\tg\ta\t.\tPASS\t.\tGT\t0/1\t1/1\t0/0',
      'chr10\t94842866\t.\tAc\ta,<NON_REF>,*\t.\tPASS\t.\tGT\t1/2\t0/3\t0/0',
      'chr10\t94842900\t.\tg\tg[chrUn_x:5[,]hs37d5:7]t,.g\t.\tPASS\t.\tGT\t0/1\t0/2\t0/3',
    ];

    const results = await readAll(`${multiSample}\n${lower.join('\n')}\n`);

    expect(errors(results)).toEqual([]);
    const read = variants(results).slice(3);
    expect(read.map((v) => [v.ref, v.alts])).toEqual([
      ['G', ['A']],
      ['AC', ['A', '<NON_REF>', '*']],
      ['G', ['G[chrUn_x:5[', ']hs37d5:7]T', '.G']],
    ]);
    // The pharmacogene call reads as the definitions write it: CYP2C19*2 G>A.
    expect(genotypeRecords(read[0]!).map((r) => [r.ref, r.alt, r.gene])).toEqual([
      ['G', 'A', 'CYP2C19'],
      ['G', 'A', 'CYP2C19'],
      ['G', 'A', 'CYP2C19'],
    ]);
  });

  it('names the tumour and normal columns the header declares, and warns of columns named by a caller label', async () => {
    const text = multiSample
      .replace('#CHROM', '##tumor_sample=S2\n##SAMPLE=<ID=NORMAL,SampleName=S1>\n#CHROM')
      .replace('\tS3', '\tTumor');

    const [first] = await readAll(text);

    expect(first).toMatchObject({
      kind: 'header',
      header: {
        samples: ['S1', 'S2', 'Tumor'],
        sampleRoles: { tumour: ['S2'], normal: ['S1'], tumourNotAColumn: 0, contradictions: 0 },
        warnings: [
          "sample column 12 is named TUMOR, a caller's label rather than a patient id: every file with such a column is stored under one patient of that name (rename the column to the patient's id)",
        ],
      },
    });
    // A header naming no role has none.
    const [plain] = await readAll(multiSample);
    expect(plain?.kind === 'header' && 'sampleRoles' in plain.header).toBe(false);
  });

  it('accepts a file with no assembly evidence, flagging the header as unknown', async () => {
    const text = multiSample.replace(/##reference=[^\n]+\n/, '').replace(/##contig=[^\n]+\n/g, '');

    const [first, ...rest] = await readAll(text);

    expect(first).toMatchObject({ kind: 'header', header: { assembly: 'unknown', contigs: [] } });
    expect(first?.kind === 'header' && first.header.warnings[0]).toMatch(/assembly not stated/);
    expect(variants(rest)).toHaveLength(3);
  });

  it('reports malformed lines by line and column without quoting values, keeping the others', async () => {
    const bad = [
      'chr10\t-5\t.\tG\tA\t.\tPASS\t.\tGT\t0|1\t0|0\t0|0',
      'chr10\t94781860\t.\tG\tA\t.\tPASS\t.\tGT\t0|7\t0|0\t0|0',
      'chr10\t94781861\t.\tG\tA\t.\tPASS\t.\tGT\t0|1\t0|0',
      'chr10\t94781862\t.\tG\tQ\t.\tPASS\t.\tGT\t0|1\t0|0\t0|0',
      'chr10\t94781863\t.\tG\tA\t.\tPASS\t.\tGT\t0|1\t0|0\t0|0',
    ];

    const results = await readAll(`${multiSample}\n${bad.join('\n')}\n`);

    expect(errors(results).map((e) => [e.line, e.path, e.error.message])).toEqual([
      [12, 'POS', 'test.vcf: line 12 [POS] must be a positive integer'],
      [
        13,
        'FORMAT/GT',
        "test.vcf: line 13 [FORMAT/GT] sample 1: allele index beyond the record's 2 alleles",
      ],
      [14, 'samples', 'test.vcf: line 14 [samples] 11 columns; the header declares 12 (3 samples)'],
      [
        15,
        'ALT',
        'test.vcf: line 15 [ALT] allele 1 is not bases, a symbolic <ID>, * or a breakend',
      ],
    ]);
    expect(variants(results).map((v) => v.line)).toEqual([9, 10, 11, 16]);
    // Each error keeps its line's text for the quarantine.
    expect(errors(results).map((e) => e.raw)).toEqual(bad.slice(0, 4));
  });

  it('rejects a file whose header names one sample in two columns, naming the columns only', async () => {
    const text = multiSample.replace('\tS2\tS3', '\tS2\tS1');

    const results = await readAll(text);

    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'error', line: 8, path: 'header' });
    const message = errors(results)[0]!.error.message;
    expect(message).toBe(
      'test.vcf: sample column 12 repeats the name of column 10; each sample (patient) must have one column',
    );
    expect(message).not.toContain('S1');
  });

  it('drops spaces around a sample name, keeping spaces inside it, and refuses a column with no name', async () => {
    const padded = multiSample.replace('\tS1\tS2\tS3', '\t S1\tJohn Smith\tS3 ');

    const results = await readAll(padded);

    expect(errors(results)).toEqual([]);
    expect(results[0]).toMatchObject({
      kind: 'header',
      header: {
        samples: ['S1', 'John Smith', 'S3'],
        warnings: [
          'sample column 10: spaces around the name dropped (sample names are patient ids)',
        ],
      },
    });
    // The calls are the trimmed name's (the patient's).
    expect(variants(results)[0]!.samples.map((s) => s.sample)).toEqual(['S1', 'John Smith', 'S3']);
    // " S1" beside "S1" is one patient in two columns.
    const twice = await readAll(multiSample.replace('\tS2\tS3', '\t S1 \tS3'));
    expect(errors(twice)[0]!.error.message).toBe(
      'test.vcf: sample column 11 repeats the name of column 10; each sample (patient) must have one column',
    );
    const unnamed = await readAll(multiSample.replace('\tS2\tS3', '\t \tS3'));
    expect(unnamed.map((r) => r.kind)).toEqual(['error']);
    expect(errors(unnamed)[0]!.error.message).toBe(
      'test.vcf: sample column 11 has no name (a patient id)',
    );
  });

  it('quarantines a data line that is not valid UTF-8, naming the line and keeping its text, and reads the rest', async () => {
    const bytes = withInvalidByte(multiSample.replace('DP=31', 'DP=31;NOTE=~'), '~');

    const results = await readAll(bytes);

    expect(errors(results).map((e) => [e.line, e.error.message])).toEqual([
      [9, 'test.vcf: line 9 is not valid UTF-8 (VCF v4.3 1.2: a VCF file is UTF-8)'],
    ]);
    expect(errors(results)[0]!.raw).toContain('NOTE=\ufffd');
    expect(variants(results).map((v) => v.line)).toEqual([10, 11]);
  });

  it('refuses a file whose header has a line that is not valid UTF-8 (the sample names are patient ids)', async () => {
    const results = await readAll(withInvalidByte(multiSample.replace('\tS2\t', '\tS2~\t'), '~'));

    expect(results.map((r) => r.kind)).toEqual(['error']);
    expect(errors(results)[0]).toMatchObject({ line: 8, path: 'header' });
    expect(errors(results)[0]!.error.message).toBe(
      'test.vcf: line 8 is not valid UTF-8 (VCF v4.3 1.2: a VCF file is UTF-8)',
    );
  });

  it('rejects a file that does not start with ##fileformat=VCFv4.x', async () => {
    const results = await readAll(multiSample.replace('VCFv4.3', 'VCFv3.3'));

    expect(results.map((r) => r.kind)).toEqual(['error']);
    expect(errors(results)[0]!.error.message).toMatch(/not a VCF 4.x file/);
  });
});
