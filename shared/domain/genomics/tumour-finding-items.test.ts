// Tests (genomics): somatic findings are read from the patient's latest tumour file (one that yields a
// somatic finding, or whose header names the tumour sample: Mutect2 `##tumor_sample=`, a VCF 4.2
// `##SAMPLE` with a Tumor genome), so a corrected tumour VCF retracts a false positive, a re-delivered
// event for the old file does not bring it back, and a germline-only VCF (even one declaring INFO
// SOMATIC, as caregraph's VCF writer does) retracts nothing; germline pathogenic findings are read from
// every file.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../ports/clock';
import { ingestFile } from '../ingest/ingest-file';
import { memoryIngestDeps } from '../ingest/ingest-file.fixture';
import { ResourceProjector } from '../serving/resource-projection';
import { singleSampleVcf } from '../pgx/vcf-text.testkit';
import { diplotypeGenotypes } from '../pgx/genotypes.testkit';
import { tumourSampleNamed } from '../ingest/genotype-ingest';
import { genotypePartition } from './genotype-items';
import {
  openTumourItem,
  sealTumourFindingItem,
  storedTumourFindings,
  tumourFindingSortPrefix,
} from './tumour-finding-items';

/** A header declaring INFO SOMATIC when `somatic`, with `meta` lines (a tumour sample named). */
const header = (somatic: boolean, meta: string[] = []) => [
  '##fileformat=VCFv4.2',
  '##reference=GRCh38',
  ...meta,
  '##contig=<ID=chr1,length=248956422,assembly=GRCh38>',
  '##contig=<ID=chr13,length=114364328,assembly=GRCh38>',
  '##contig=<ID=chr7,length=159345973,assembly=GRCh38>',
  '##contig=<ID=chr17,length=83257441,assembly=GRCh38>',
  '##ALT=<ID=DUP,Description="Duplication">',
  '##INFO=<ID=GENE,Number=1,Type=String,Description="HGNC symbol">',
  ...(somatic
    ? ['##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic (tumour) variant">']
    : []),
  '##INFO=<ID=HGVSP,Number=1,Type=String,Description="Protein change">',
  '##INFO=<ID=CLNSIG,Number=.,Type=String,Description="ClinVar clinical significance">',
  '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="Type of structural variant">',
  '##INFO=<ID=END,Number=1,Type=Integer,Description="End position">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS9',
];
const vcf = (somatic: boolean, ...records: string[]) =>
  [...header(somatic), ...records, ''].join('\n');
/** A VCF whose header names S9 by the `meta` lines (as a tumour sample, or not). */
const named = (meta: string[], ...records: string[]) =>
  [...header(true, meta), ...records, ''].join('\n');

const egfr =
  'chr7\t55191822\trs121434568\tT\tG\t.\tPASS\tGENE=EGFR;SOMATIC;HGVSP=p.Leu858Arg\tGT\t0/1';
const erbb2 =
  'chr17\t39687913\t.\tN\t<DUP>\t.\tPASS\tSVTYPE=DUP;END=39730426;GENE=ERBB2;SOMATIC\tGT\t0/1';
const brca1 = 'chr17\t43124027\t.\tACT\tA\t.\tPASS\tGENE=BRCA1\tGT\t0/1';
const brca2 = 'chr13\t32340300\t.\tGT\tG\t.\tPASS\tGENE=BRCA2;CLNSIG=Pathogenic\tGT\t0/1';
const offTarget = 'chr1\t100000\t.\tA\tG\t.\tPASS\t.\tGT\t0/1';

/** Tumour VCFs and germline-only ones, each uploaded (setUp) a month after the previous one. */
const files = {
  // The first analysis: EGFR L858R (a false positive) and the ERBB2 amplification.
  tumour: vcf(true, egfr, erbb2),
  // Re-analysis: L858R removed.
  corrected: vcf(true, erbb2),
  // Re-analysis with no somatic finding left at all (a germline call only), as Mutect2 writes it:
  // the header names the tumour sample.
  noneLeft: named(['##tumor_sample=S9', '##normal_sample=S9-normal'], offTarget),
  // The same, the tumour sample named by a VCF 4.2 ##SAMPLE line (commas inside its Description).
  noneLeftSample: named(
    [
      '##SAMPLE=<ID=S9,Genomes=Germline;Tumor,Mixture=.3;.7,Description="Blood, germline;Biopsy, tumour">',
    ],
    offTarget,
  ),
  // No finding left and no tumour sample named (INFO SOMATIC declared only): not a tumour file.
  noneLeftUnnamed: vcf(true, offTarget),
  // A ##SAMPLE line naming S9 with a germline genome only: not a tumour file.
  noneLeftGermlineSample: named(
    ['##SAMPLE=<ID=S9,Genomes=Germline,Mixture=1.,Description="Patient germline genome">'],
    offTarget,
  ),
  // A germline-only VCF (no SOMATIC declaration), no finding.
  germline: vcf(false, offTarget),
  // A PGx panel VCF as caregraph's own writer makes it (vcfHeader declares INFO SOMATIC in every VCF).
  pgx: singleSampleVcf('S9', diplotypeGenotypes('CYP2C19', '*1', '*2')),
  // A germline VCF carrying BRCA2 (ClinVar pathogenic) and not BRCA1.
  brca2: vcf(false, brca2, offTarget),
  // A germline-only VCF carrying BRCA1 185delAG.
  brca: vcf(false, brca1, offTarget),
  // The same germline VCF corrected: BRCA1 gone (a VCF says nothing of what it did not test).
  brcaGone: vcf(false, offTarget),
  // Another germline VCF reporting BRCA1 185delAG again (another line: another file).
  brcaAgain: vcf(false, offTarget, brca1),
};
type Name = keyof typeof files;
const keyOf = (name: Name) => `raw/east/b-${name.toLowerCase()}/${name}.vcf`;

async function setUp(uploads: Name[]) {
  const deps = memoryIngestDeps();
  for (const [i, name] of uploads.entries()) {
    await deps.objects.put('raw', keyOf(name), files[name]);
    deps.objects.modified.set(`raw/${keyOf(name)}`, `2026-0${i + 1}-01T00:00:00.000Z`);
  }
  const run = (name: Name, at = '2026-09-01T00:00:00.000Z') =>
    ingestFile({ ...deps, clock: fixedClock(at) }, { key: keyOf(name), etag: `etag-${name}` });
  const patient = await new ResourceProjector(deps.keys, 'east').pseudonym('Patient', 'S9');
  const findings = async () =>
    (await storedTumourFindings(deps, 'east', patient))
      .map((f) => `${f.gene} ${f.alteration}${f.germline ? ' (germline)' : ''}`)
      .sort();
  const items = () =>
    [...deps.serving.items.values()].filter(
      (i) =>
        i.pk === genotypePartition('east', patient) &&
        String(i.sk).startsWith(tumourFindingSortPrefix),
    );
  return { deps, run, patient, findings, items };
}

describe('Function: tumourSampleNamed', () => {
  it('reads the tumour sample Mutect2 and VCF 4.2 ##SAMPLE lines name, and nothing else', () => {
    expect(tumourSampleNamed('##tumor_sample=S9')).toBe('S9');
    expect(tumourSampleNamed('##normal_sample=S9')).toBeUndefined();
    expect(tumourSampleNamed('##tumor_sample=')).toBeUndefined();
    expect(
      tumourSampleNamed(
        '##SAMPLE=<ID=Tissue,Genomes=Germline;Tumor,Mixture=.3;.7,Description="Germline;Tumor">',
      ),
    ).toBe('Tissue');
    expect(tumourSampleNamed('##SAMPLE=<ID=T1,Description="a, b",Genomes=tumour,Mixture=1.>')).toBe(
      'T1',
    );
    expect(
      tumourSampleNamed('##SAMPLE=<ID=Blood,Genomes=Germline,Mixture=1.,Description="Tumor">'),
    ).toBeUndefined();
    expect(tumourSampleNamed('##SAMPLE=<ID=X,Assay=WholeGenome,Disease=Tumor>')).toBeUndefined();
    expect(
      tumourSampleNamed('##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic">'),
    ).toBeUndefined();
  });
});

describe('Function: storedTumourFindings (through ingestFile)', () => {
  it('reads the finding a corrected tumour VCF dropped no more', async () => {
    // Prepare
    const { run, findings } = await setUp(['tumour', 'corrected']);
    await run('tumour');
    expect(await findings()).toEqual(['EGFR L858R', 'ERBB2 amplification']);
    // Act
    await run('corrected');
    // Assess
    expect(await findings()).toEqual(['ERBB2 amplification']);
  });

  it('reads no somatic finding once a corrected Mutect2 VCF (##tumor_sample) reports none', async () => {
    const { run, findings, items } = await setUp(['tumour', 'noneLeft']);
    await run('tumour');
    await run('noneLeft');
    expect(await findings()).toEqual([]);
    // Known as a tumour file by its marker alone (no finding was read from it): the first file's two
    // findings, and one marker (none for the normal sample, none for the first file).
    expect(items()).toHaveLength(3);
  });

  it('reads no somatic finding once a correction naming S9 a Tumor genome (VCF 4.2 ##SAMPLE) reports none', async () => {
    const { run, findings } = await setUp(['tumour', 'noneLeftSample']);
    await run('tumour');
    await run('noneLeftSample');
    expect(await findings()).toEqual([]);
  });

  it('retracts nothing for a later VCF with no finding that names no tumour sample', async () => {
    for (const later of ['noneLeftUnnamed', 'noneLeftGermlineSample'] as const) {
      const { run, findings, items } = await setUp(['tumour', later]);
      await run('tumour');
      const before = items().length;
      await run(later);
      expect(await findings()).toEqual(['EGFR L858R', 'ERBB2 amplification']);
      // No marker: declaring INFO SOMATIC, or a germline genome, does not make a tumour file.
      expect(items()).toHaveLength(before);
    }
  });

  it("keeps the tumour findings when a PGx panel VCF from caregraph's own writer follows", async () => {
    const { run, findings, items } = await setUp(['corrected', 'pgx']);
    expect(files.pgx).toContain('##INFO=<ID=SOMATIC');
    await run('corrected');
    expect(await findings()).toEqual(['ERBB2 amplification']);
    const before = items().length;
    await run('pgx');
    expect(await findings()).toEqual(['ERBB2 amplification']);
    expect(items()).toHaveLength(before);
  });

  it('warns when the header names a tumour sample that is none of its columns', async () => {
    const { deps } = await setUp([]);
    const key = 'raw/east/b-x/other.vcf';
    await deps.objects.put('raw', key, named(['##tumor_sample=TUMOUR-7'], erbb2));
    const report = await ingestFile(
      { ...deps, clock: fixedClock('2026-09-01T00:00:00.000Z') },
      { key, etag: 'e-x' },
    );
    const chromLine = header(true, ['##tumor_sample=TUMOUR-7']).length;
    expect(report.warnings).toEqual({
      'tumour-sample-not-a-column': { count: 1, firstLines: [chromLine] },
    });
    // The sample name stays out of the report.
    expect(JSON.stringify(report)).not.toContain('TUMOUR-7');
  });

  it("does not bring the old finding back when the old file's event is delivered again", async () => {
    const { deps, run, patient, findings, items } = await setUp(['tumour', 'corrected']);
    await run('tumour');
    await run('corrected');
    const keys = items()
      .map((i) => i.sk)
      .sort();
    // Act: S3 delivers the first file's event again, a month on.
    await run('tumour', '2026-10-01T00:00:00.000Z');
    // Assess: the same keys (its own items rewritten), the correction still stands.
    expect(
      items()
        .map((i) => i.sk)
        .sort(),
    ).toEqual(keys);
    expect(await findings()).toEqual(['ERBB2 amplification']);
    // The old file's L858R is stored, sealed, but not read: it is the older upload's.
    const opened = await Promise.all(
      items().map((i) => openTumourItem(deps.keys, 'east', patient, i)),
    );
    expect(opened.filter((o) => 'gene' in o && o.gene === 'EGFR')).toHaveLength(1);
  });

  it('keeps the correction whatever order the events arrive in', async () => {
    const { run, findings } = await setUp(['tumour', 'corrected']);
    await run('corrected');
    await run('tumour');
    expect(await findings()).toEqual(['ERBB2 amplification']);
  });

  it('retracts nothing for a later germline-only VCF', async () => {
    const { run, findings, items } = await setUp(['tumour', 'germline']);
    await run('tumour');
    const before = items().length;
    await run('germline');
    expect(await findings()).toEqual(['EGFR L858R', 'ERBB2 amplification']);
    // No marker: a file that names no tumour sample is no tumour file.
    expect(items()).toHaveLength(before);
  });

  it("replaces germline and somatic findings apart: a germline VCF keeps the tumour file's", async () => {
    const { run, findings } = await setUp(['tumour', 'brca', 'corrected', 'brcaGone']);
    await run('tumour');
    await run('brca');
    expect(await findings()).toEqual([
      'BRCA1 pathogenic (germline)',
      'EGFR L858R',
      'ERBB2 amplification',
    ]);
    await run('corrected');
    expect(await findings()).toEqual(['BRCA1 pathogenic (germline)', 'ERBB2 amplification']);
    // A germline file without the variant does not retract it (tumour-finding-items.ts).
    await run('brcaGone');
    expect(await findings()).toEqual(['BRCA1 pathogenic (germline)', 'ERBB2 amplification']);
  });

  it('reads every germline pathogenic finding across files: a later BRCA2 file keeps BRCA1', async () => {
    const { run, findings } = await setUp(['brca', 'brca2', 'pgx']);
    await run('brca');
    await run('brca2');
    expect(await findings()).toEqual([
      'BRCA1 pathogenic (germline)',
      'BRCA2 pathogenic (germline)',
    ]);
    // In any order, and once per gene and alteration however many files report it.
    await run('brca');
    await run('pgx');
    expect(await findings()).toEqual([
      'BRCA1 pathogenic (germline)',
      'BRCA2 pathogenic (germline)',
    ]);
  });

  it('reads the germline finding once when two files report it (the latest file its source)', async () => {
    const { deps, run, patient } = await setUp(['brca', 'brcaAgain']);
    await run('brca');
    await run('brcaAgain');
    const read = await storedTumourFindings(deps, 'east', patient);
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({ gene: 'BRCA1', uploadedAt: '2026-02-01T00:00:00.000Z' });
  });

  it('reads findings stored before files were kept as the oldest file', async () => {
    const { deps, run, patient, findings } = await setUp(['corrected']);
    const where = { hospital: 'east', batch: 'b0' };
    for (const item of [
      await sealTumourFindingItem(
        deps.keys,
        where,
        patient,
        { gene: 'EGFR', alteration: 'L858R', germline: false },
        'chr7:55191822:T>G',
        11,
      ),
      await sealTumourFindingItem(
        deps.keys,
        where,
        patient,
        { gene: 'BRCA1', alteration: 'pathogenic', germline: true },
        'chr17:43124027:ACT>A',
        12,
      ),
    ])
      await deps.serving.put(item);
    expect(await findings()).toEqual(['BRCA1 pathogenic (germline)', 'EGFR L858R']);
    // A tumour file replaces the old somatic finding; the old germline one stands.
    await run('corrected');
    expect(await findings()).toEqual(['BRCA1 pathogenic (germline)', 'ERBB2 amplification']);
  });
});
