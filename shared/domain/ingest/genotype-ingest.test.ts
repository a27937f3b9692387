// Tests (ingest): VCF shapes at genotype ingest: a gVCF's reference blocks store reference calls at
// the pharmacogene positions they cover (the stored profile has none missing, as `caregraph pgx`
// reads the same file); records without GT (Strelka2 somatic output) are counted in the report, and a
// SOMATIC one yields its finding only for a column the header names as the tumour sample; a data line
// that is not valid UTF-8 is quarantined naming its line, the rest stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalKeyRing } from '../../adapters/local/local-key-ring';
import type { Item } from '../../ports/table';
import { readVcf } from '../genomics/vcf-reader';
import { storedTumourFindings } from '../genomics/tumour-finding-items';
import { InMemoryTable } from '../monitoring/in-memory-table.fixture';
import { genomeGenotypes } from '../pgx/genotypes.testkit';
import { pgxProfile } from '../pgx/profile';
import { storedPgxProfile } from '../pgx/stored-profile';
import { readSampleGenotypes } from '../pgx/vcf-genotypes';
import { gvcfOf } from '../pgx/vcf-text.testkit';
import { ResourceProjector } from '../serving/resource-projection';
import { ingestGenotypes } from './genotype-ingest';
import { numberedLines } from './lines';
import type { SourceRecord } from './source-record';

const lines = (text: string | Buffer) =>
  numberedLines(Readable.from([typeof text === 'string' ? Buffer.from(text) : text]));

const source = { file: 'digest-1', uploadedAt: '2026-05-01T00:00:00.000Z' };

describe('Function: ingestGenotypes', () => {
  let dir: string;
  let keys: LocalKeyRing;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'caregraph-genotype-ingest-'));
    keys = new LocalKeyRing(join(dir, 'master.key'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Ingest `vcf` for hospital "east"; what was stored, rejected and warned. */
  async function ingest(vcf: string | Buffer) {
    const table = new InMemoryTable();
    const rejected: SourceRecord[] = [];
    const warnings: [string, number][] = [];
    const curated: string[] = [];
    const sink = {
      store: async (item: Item, line?: string) => {
        await table.put(item);
        if (line) curated.push(line);
      },
      reject: async (record: SourceRecord) => void rejected.push(record),
      counted: () => undefined,
      warn: (kind: string, line: number) => void warnings.push([kind, line]),
    };
    const projector = new ResourceProjector(keys, 'east');
    const stored = await ingestGenotypes(
      lines(vcf),
      'g.vcf',
      'east',
      'b1',
      keys,
      projector,
      sink,
      undefined,
      source,
    );
    const patient = (sample: string) => projector.pseudonym('Patient', sample);
    return { table, rejected, warnings, curated, stored, patient };
  }

  it('stores the reference calls a gVCF block covers: the stored profile misses no position', async () => {
    // Prepare: every gene typed (CYP2C19 *1/*2, TPMT *1/*3A) as a gVCF: blocks between variants.
    const genome = genomeGenotypes({ CYP2C19: ['*1', '*2'], TPMT: ['*1', '*3A'] });
    const gvcf = gvcfOf('G1', genome);
    // Act
    const { table, patient } = await ingest(gvcf);
    const stored = await storedPgxProfile({ serving: table, keys }, 'east', await patient('G1'));
    // Assess
    const read = await readSampleGenotypes(readVcf(lines(gvcf), 'g.vcf'));
    expect(stored.profile).toEqual(pgxProfile(read.genotypes));
    for (const gene of stored.profile!.genes) expect(gene.missingPositions, gene.gene).toEqual([]);
    expect(stored.profile!.genes.find((g) => g.gene === 'CYP2C19')!.diplotype).toBe('*1/*2');
    expect(stored.warnings).toEqual([]);
  });

  it('stores nothing from a filtered block, and no-calls from a ./. block', async () => {
    const tpmt = genomeGenotypes().filter((g) => g.chrom === 'chr6');
    const missing = async (fields: { filter?: string; gt?: string }) => {
      const { table, patient } = await ingest(gvcfOf('G2', tpmt, fields));
      const stored = await storedPgxProfile({ serving: table, keys }, 'east', await patient('G2'));
      return stored.profile?.genes.find((g) => g.gene === 'TPMT')?.missingPositions ?? [];
    };
    const filtered = await ingest(gvcfOf('G2', tpmt, { filter: 'LowGQX' }));
    expect(filtered.stored).toBe(0);
    const noCalls = await missing({ gt: './.' });
    expect(noCalls.length).toBe(tpmt.length);
    expect(noCalls.every((m) => m.reason === 'no-call')).toBe(true);
  });

  describe('records without GT (Strelka2 somatic output)', () => {
    /** Strelka2 somatic SNVs, its FORMAT (no GT), annotated with GENE/HGVSP; columns `columns`. */
    const strelka = (meta: string[], columns: string[], ...records: string[]) =>
      [
        '##fileformat=VCFv4.1',
        '##source=strelka',
        '##content=strelka somatic snv calls',
        '##reference=file:///refs/GRCh38.fa',
        ...meta,
        '##contig=<ID=chr7,length=159345973>',
        '##contig=<ID=chr12,length=133275309>',
        '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic mutation">',
        '##INFO=<ID=QSS,Number=1,Type=Integer,Description="Quality score">',
        '##INFO=<ID=GENE,Number=1,Type=String,Description="HGNC symbol">',
        '##INFO=<ID=HGVSP,Number=1,Type=String,Description="Protein change">',
        '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
        '##FORMAT=<ID=AU,Number=2,Type=Integer,Description="A reads">',
        '##FORMAT=<ID=TU,Number=2,Type=Integer,Description="T reads">',
        '##FILTER=<ID=LowEVS,Description="Somatic EVS below threshold">',
        ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...columns].join(
          '\t',
        ),
        ...records,
        '',
      ].join('\n');
    const egfr =
      'chr7\t55191822\t.\tT\tG\t.\tPASS\tSOMATIC;QSS=80;GENE=EGFR;HGVSP=p.Leu858Arg\tDP:AU:TU\t40:0,0:40,40\t55:0,0:30,30';
    const filtered = egfr.replace('PASS', 'LowEVS').replace('55191822', '55191823');
    const kras =
      'chr12\t25245350\t.\tC\tA,T\t.\tPASS\tSOMATIC;QSS=70;GENE=KRAS;HGVSP=p.Gly12Val\tDP:AU:TU\t40:0,0:0,0\t50:9,9:0,0';
    const findingsOf = async (table: InMemoryTable, patient: string) =>
      (await storedTumourFindings({ serving: table, keys }, 'east', patient)).map(
        (f) => `${f.gene} ${f.alteration}`,
      );

    it('counts each under vcf-records-without-gt at its line, and reads no finding when no column is named the tumour sample', async () => {
      // Strelka's own columns (NORMAL, TUMOR): labels, no line naming either.
      const text = strelka([], ['NORMAL', 'TUMOR'], egfr, filtered);
      const first = text.split('\n').indexOf(egfr) + 1;
      const { warnings, table, patient } = await ingest(text);
      expect(warnings.filter(([kind]) => kind === 'vcf-records-without-gt')).toEqual([
        ['vcf-records-without-gt', first],
        ['vcf-records-without-gt', first + 1],
      ]);
      expect(await findingsOf(table, await patient('TUMOR'))).toEqual([]);
    });

    it('reads the SOMATIC finding for the column the header names as the tumour sample, never for the normal', async () => {
      const meta = ['##tumor_sample=P7', '##normal_sample=P7-N'];
      const { table, patient, warnings } = await ingest(
        strelka(meta, ['P7-N', 'P7'], egfr, filtered, kras),
      );
      // EGFR read; the filtered copy and KRAS (two ALT alleles: which one is unknown) are not.
      expect(await findingsOf(table, await patient('P7'))).toEqual(['EGFR L858R']);
      expect(await findingsOf(table, await patient('P7-N'))).toEqual([]);
      expect(warnings.filter(([kind]) => kind === 'vcf-records-without-gt')).toHaveLength(3);
    });
  });

  it('quarantines a data line that is not valid UTF-8, naming its line, and stores the rest', async () => {
    // CYP2C19 rs4244285 het, then a reference block from rs3758581 (chr10:94842866).
    const text = gvcfOf(
      'U1',
      [
        { chrom: 'chr10', pos: 94781859, alleles: ['G', 'A'] },
        { chrom: 'chr10', pos: 94842866, alleles: ['A', 'A'] },
      ],
      {},
      5,
    );
    const bytes = Buffer.from(text.replace('\tPASS\t.\tGT\t', '\tPASS\tNOTE=XX\tGT\t'));
    const at = bytes.indexOf('XX');
    bytes[at] = 0xff; // a byte never valid in UTF-8
    const { rejected, curated } = await ingest(bytes);
    const line = text.split('\n').findIndex((l) => l.startsWith('chr10\t94781859')) + 1;
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ line, raw: expect.stringContaining('\ufffd') });
    expect(rejected[0]!.error?.message).toBe(
      `g.vcf: line ${line} is not valid UTF-8 (VCF v4.3 1.2: a VCF file is UTF-8)`,
    );
    // The block after it is stored: its CYP2C19 position, reference.
    expect(curated.map((c) => JSON.parse(c) as { pos: number; gt: string })).toContainEqual(
      expect.objectContaining({ pos: 94842866, gt: '0/0' }),
    );
  });
});
