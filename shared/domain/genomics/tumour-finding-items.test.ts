// Tests (genomics): somatic findings are read from the patient's latest tumour file (one that yields a
// somatic finding, or whose header names the tumour sample: Mutect2 `##tumor_sample=`, GATK 3
// MuTect2's `##SAMPLE=<ID=TUMOR,SampleName=...>`, a VCF 4.2 `##SAMPLE` with a Tumor genome), so a
// corrected tumour VCF retracts a false positive, a re-delivered event for the old file does not bring
// it back, a germline-only VCF (even one declaring INFO SOMATIC, as caregraph's VCF writer does)
// retracts nothing, and a sample named the normal sample never becomes a tumour file; germline
// pathogenic findings are read from every file.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../ports/clock';
import { ingestFile } from '../ingest/ingest-file';
import { memoryIngestDeps } from '../ingest/ingest-file.fixture';
import { ResourceProjector } from '../serving/resource-projection';
import { singleSampleVcf } from '../pgx/vcf-text.testkit';
import { diplotypeGenotypes } from '../pgx/genotypes.testkit';
import { sampleRoleDeclared, sampleRoles } from './sample-roles';
import { genotypePartition } from './genotype-items';
import {
  openTumourItem,
  sealTumourFindingItem,
  storedTumourFindings,
  tumourFindingSortPrefix,
} from './tumour-finding-items';

/**
 * A header declaring INFO SOMATIC when `somatic`, with `meta` lines (a tumour sample named), for
 * sample columns `columns`.
 */
const header = (somatic: boolean, meta: string[] = [], columns = ['S9']) => [
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
  ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...columns].join('\t'),
];
const vcf = (somatic: boolean, ...records: string[]) =>
  [...header(somatic), ...records, ''].join('\n');
/** A VCF whose header names S9 by the `meta` lines (as a tumour sample, or not). */
const named = (meta: string[], ...records: string[]) =>
  [...header(true, meta), ...records, ''].join('\n');
/** A tumour/normal pair's VCF: `meta` naming the columns, each record's GT given for both samples. */
const paired = (meta: string[], columns: string[], ...records: string[]) =>
  [...header(true, meta, columns), ...records, ''].join('\n');
/** A record written for two samples, both carrying it (a normal that shows the tumour's allele). */
const inBoth = (record: string) => `${record}\t0/1`;

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
  // The same, named as older GATK MuTect2 does: ##SAMPLE ID=TUMOR, the column its SampleName.
  noneLeftGatk3: named(
    ['##SAMPLE=<ID=NORMAL,SampleName=S9-normal>', '##SAMPLE=<ID=TUMOR,SampleName=S9,File=t.bam>'],
    offTarget,
  ),
  // The same, the label in another case and spelling (ID=Tumour).
  noneLeftTumourLabel: named(['##SAMPLE=<ID=Tumour,SampleName=S9>'], offTarget),
  // A paired file naming S9 the normal sample (##normal_sample=, Mutect2), the tumour S9-T; both
  // columns carry the EGFR call (the tumour's allele seen in the normal).
  normalNamed: paired(
    ['##tumor_sample=S9-T', '##normal_sample=S9'],
    ['S9', 'S9-T'],
    inBoth(egfr),
    inBoth(offTarget),
  ),
  // The same, S9 named the normal by the older ##SAMPLE ID=NORMAL form.
  normalNamedGatk3: paired(
    ['##SAMPLE=<ID=NORMAL,SampleName=S9>', '##SAMPLE=<ID=TUMOR,SampleName=S9-T>'],
    ['S9', 'S9-T'],
    inBoth(egfr),
  ),
  // A header naming S9 both the tumour and the normal sample, no finding: it contradicts itself.
  noneLeftBoth: named(['##tumor_sample=S9', '##normal_sample=S9'], offTarget),
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

describe('Function: sampleRoleDeclared', () => {
  it('reads the sample Mutect2, GATK 3 MuTect2 and VCF 4.2 ##SAMPLE lines name tumour or normal, and nothing else', () => {
    expect(sampleRoleDeclared('##tumor_sample=S9')).toEqual({ role: 'tumour', names: ['S9'] });
    expect(sampleRoleDeclared('##normal_sample=S9')).toEqual({ role: 'normal', names: ['S9'] });
    expect(sampleRoleDeclared('##tumor_sample=')).toBeUndefined();
    expect(
      sampleRoleDeclared(
        '##SAMPLE=<ID=Tissue,Genomes=Germline;Tumor,Mixture=.3;.7,Description="Germline;Tumor">',
      ),
    ).toEqual({ role: 'tumour', names: ['Tissue'] });
    expect(
      sampleRoleDeclared('##SAMPLE=<ID=T1,Description="a, b",Genomes=tumour,Mixture=1.>'),
    ).toEqual({ role: 'tumour', names: ['T1'] });
    // GATK 3 MuTect2: the caller's label as ID (any case, either spelling), the sample's SampleName.
    expect(sampleRoleDeclared('##SAMPLE=<ID=TUMOR,SampleName=P-1 t,File=/x/t.bam>')).toEqual({
      role: 'tumour',
      names: ['TUMOR', 'P-1 t'],
    });
    expect(sampleRoleDeclared('##SAMPLE=<ID=tumour,SampleName=P1>')).toEqual({
      role: 'tumour',
      names: ['tumour', 'P1'],
    });
    expect(sampleRoleDeclared('##SAMPLE=<ID=NORMAL,SampleName=P1-N,File=/x/n.bam>')).toEqual({
      role: 'normal',
      names: ['NORMAL', 'P1-N'],
    });
    expect(sampleRoleDeclared('##SAMPLE=<ID=Normal,Genomes=Tumor>')).toEqual({
      role: 'normal',
      names: ['Normal'],
    });
    expect(
      sampleRoleDeclared('##SAMPLE=<ID=Blood,Genomes=Germline,Mixture=1.,Description="Tumor">'),
    ).toBeUndefined();
    expect(sampleRoleDeclared('##SAMPLE=<ID=X,Assay=WholeGenome,Disease=Tumor>')).toBeUndefined();
    expect(sampleRoleDeclared('##SAMPLE=<ID=TUMOR2,SampleName=P1>')).toBeUndefined();
    expect(
      sampleRoleDeclared('##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic">'),
    ).toBeUndefined();
  });
});

describe('Function: sampleRoles', () => {
  const gatk3 = ['##SAMPLE=<ID=NORMAL,SampleName=P1-N>', '##SAMPLE=<ID=TUMOR,SampleName=P1>'];

  it('resolves each role to the column named by the ID, else by the SampleName', () => {
    expect(sampleRoles(gatk3, ['NORMAL', 'TUMOR'])).toEqual({
      tumour: ['TUMOR'],
      normal: ['NORMAL'],
      tumourNotAColumn: 0,
      contradictions: 0,
    });
    expect(sampleRoles(gatk3, ['P1-N', 'P1'])).toEqual({
      tumour: ['P1'],
      normal: ['P1-N'],
      tumourNotAColumn: 0,
      contradictions: 0,
    });
    expect(sampleRoles(gatk3, ['S7'])).toEqual({
      tumour: [],
      normal: [],
      tumourNotAColumn: 1,
      contradictions: 0,
    });
  });

  it('gives a column named both the tumour and the normal sample neither role, counting it', () => {
    const both = ['##tumor_sample=S9', '##normal_sample=S9', '##tumor_sample=S9-T'];
    expect(sampleRoles(both, ['S9', 'S9-T'])).toEqual({
      tumour: ['S9-T'],
      normal: [],
      tumourNotAColumn: 0,
      contradictions: 1,
    });
    expect(
      sampleRoles(['##SAMPLE=<ID=S9,Genomes=Tumor>', '##SAMPLE=<ID=NORMAL,SampleName=S9>'], ['S9']),
    ).toEqual({ tumour: [], normal: [], tumourNotAColumn: 0, contradictions: 1 });
  });

  it('gives no role to a column tumour and normal declarations reach through one SampleName (GATK 3, one SM)', () => {
    const oneSm = [
      '##SAMPLE=<ID=NORMAL,SampleName=P1,File=/b/n.bam>',
      '##SAMPLE=<ID=TUMOR,SampleName=P1,File=/b/t.bam>',
    ];
    expect(sampleRoles(oneSm, ['P1-N', 'P1'])).toEqual({
      tumour: [],
      normal: [],
      tumourNotAColumn: 0,
      contradictions: 1,
    });
    // Columns named by the IDs: each declaration resolves by its ID, no SampleName needed.
    expect(sampleRoles(oneSm, ['NORMAL', 'TUMOR'])).toMatchObject({
      tumour: ['TUMOR'],
      normal: ['NORMAL'],
      contradictions: 0,
    });
    // Two declarations of one role agree.
    const twoTumourLines = [oneSm[1]!, '##SAMPLE=<ID=Tumour,SampleName=P1>'];
    expect(sampleRoles(twoTumourLines, ['P1'])).toEqual({
      tumour: ['P1'],
      normal: [],
      tumourNotAColumn: 0,
      contradictions: 0,
    });
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

  it('reads no somatic finding once a correction naming S9 the TUMOR by the older GATK ##SAMPLE form reports none', async () => {
    for (const later of ['noneLeftGatk3', 'noneLeftTumourLabel'] as const) {
      const { run, findings, items } = await setUp(['tumour', later]);
      await run('tumour');
      await run(later);
      expect(await findings(), later).toEqual([]);
      // The first file's two findings and the correction's marker for S9.
      expect(items(), later).toHaveLength(3);
    }
  });

  it('stores the marker under the column a GATK 3 VCF names TUMOR, and warns of the label', async () => {
    const { deps } = await setUp([]);
    const key = 'raw/east/b-gatk3/gatk3.vcf';
    const meta = ['##SAMPLE=<ID=NORMAL,SampleName=S9-normal>', '##SAMPLE=<ID=TUMOR,SampleName=S9>'];
    await deps.objects.put('raw', key, paired(meta, ['NORMAL', 'TUMOR'], inBoth(offTarget)));
    const report = await ingestFile(
      { ...deps, clock: fixedClock('2026-09-01T00:00:00.000Z') },
      { key, etag: 'e-gatk3' },
    );
    // The column is the patient (ingest/genotype-ingest.ts): the marker is TUMOR's, not S9's.
    const projector = new ResourceProjector(deps.keys, 'east');
    const markersOf = async (sample: string) => {
      const patient = await projector.pseudonym('Patient', sample);
      const own = [...deps.serving.items.values()].filter(
        (i) =>
          i.pk === genotypePartition('east', patient) &&
          String(i.sk).startsWith(tumourFindingSortPrefix),
      );
      const opened = await Promise.all(
        own.map((i) => openTumourItem(deps.keys, 'east', patient, i)),
      );
      return opened.filter((o) => 'tumourFile' in o).length;
    };
    expect(await markersOf('TUMOR')).toBe(1);
    expect(await markersOf('NORMAL')).toBe(0);
    expect(await markersOf('S9')).toBe(0);
    const chromLine = header(true, meta).length;
    expect(Object.keys(report.warnings ?? {}).sort()).toEqual([
      expect.stringMatching(/^vcf-header: sample column 10 is named NORMAL, a caller's label/),
      expect.stringMatching(/^vcf-header: sample column 11 is named TUMOR, a caller's label/),
    ]);
    expect(Object.values(report.warnings ?? {})).toEqual([
      { count: 1, firstLines: [chromLine] },
      { count: 1, firstLines: [chromLine] },
    ]);
  });

  it('never makes a sample the header names the normal sample a tumour file', async () => {
    for (const later of ['normalNamed', 'normalNamedGatk3'] as const) {
      const { deps, run, findings } = await setUp(['tumour', later]);
      await run('tumour');
      const before = await findings();
      expect(before).toEqual(['EGFR L858R', 'ERBB2 amplification']);
      await run(later);
      // S9's EGFR call in the paired file is the normal's: its tumour findings stand.
      expect(await findings(), later).toEqual(before);
      // The tumour sample's finding is stored under its own patient.
      const tumour = await new ResourceProjector(deps.keys, 'east').pseudonym('Patient', 'S9-T');
      expect(
        (await storedTumourFindings(deps, 'east', tumour)).map((f) => f.gene),
        later,
      ).toEqual(['EGFR']);
    }
  });

  it('retracts nothing for a correction naming S9 both the tumour and the normal sample', async () => {
    const { run, findings, items } = await setUp(['tumour', 'noneLeftBoth']);
    await run('tumour');
    const before = items().length;
    await run('noneLeftBoth');
    expect(await findings()).toEqual(['EGFR L858R', 'ERBB2 amplification']);
    expect(items()).toHaveLength(before);
  });

  it('stores the somatic findings of a column named both tumour and normal, warning without names', async () => {
    const cases = [
      // Mutect2 lines naming one column both ways.
      { meta: ['##tumor_sample=S9', '##normal_sample=S9'], columns: ['S9'], egfr },
      // GATK 3 MuTect2: tumour and normal recorded under one SampleName (SM), columns renamed.
      {
        meta: [
          '##SAMPLE=<ID=NORMAL,SampleName=S9,File=/b/n.bam>',
          '##SAMPLE=<ID=TUMOR,SampleName=S9,File=/b/t.bam>',
        ],
        columns: ['S9-N', 'S9'],
        egfr: egfr.replace('\t0/1', '\t0/0\t0/1'),
      },
    ];
    for (const [i, c] of cases.entries()) {
      const { deps, findings, items } = await setUp([]);
      const key = `raw/east/b-both${i}/both.vcf`;
      await deps.objects.put('raw', key, paired(c.meta, c.columns, c.egfr));
      const report = await ingestFile(
        { ...deps, clock: fixedClock('2026-09-01T00:00:00.000Z') },
        { key, etag: `e-both${i}` },
      );
      // Neither role: read as an unnamed column, its EGFR L858R stored, no tumour-file marker.
      expect(await findings(), String(i)).toEqual(['EGFR L858R']);
      expect(items(), String(i)).toHaveLength(1);
      const chromLine = header(true, c.meta, c.columns).length;
      expect(report.warnings, String(i)).toEqual({
        'sample-role-contradicts': { count: 1, firstLines: [chromLine] },
      });
      expect(JSON.stringify(report), String(i)).not.toContain('S9');
    }
  });

  it('stores a BRCA2 record the normal column carries as germline, even annotated SOMATIC with HGVSP', async () => {
    const { deps, findings } = await setUp([]);
    const key = 'raw/east/b-brca2n/pair.vcf';
    const somaticBrca2 = brca2.replace('GENE=BRCA2;', 'GENE=BRCA2;SOMATIC;HGVSP=p.Val2047fs;');
    await deps.objects.put(
      'raw',
      key,
      paired(['##tumor_sample=S9-T', '##normal_sample=S9'], ['S9', 'S9-T'], inBoth(somaticBrca2)),
    );
    await ingestFile(
      { ...deps, clock: fixedClock('2026-09-01T00:00:00.000Z') },
      { key, etag: 'e-brca2n' },
    );
    expect(await findings()).toEqual(['BRCA2 pathogenic (germline)']);
  });

  it("stores BRCA1 185delAG that FilterMutectCalls filtered 'germline' as a germline finding", async () => {
    const { deps, findings } = await setUp([]);
    const key = 'raw/east/b-brca1g/pair.vcf';
    const filtered = brca1.replace('\tPASS\t', '\tgermline\t');
    await deps.objects.put(
      'raw',
      key,
      paired(['##tumor_sample=S9-T', '##normal_sample=S9'], ['S9', 'S9-T'], inBoth(filtered)),
    );
    await ingestFile(
      { ...deps, clock: fixedClock('2026-09-01T00:00:00.000Z') },
      { key, etag: 'e-brca1g' },
    );
    expect(await findings()).toEqual(['BRCA1 pathogenic (germline)']);
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

describe('A lower-case tumour VCF stored under raised-base keys, then delivered again', () => {
  it('reads each somatic finding once', async () => {
    const lowerCase = [
      '##fileformat=VCFv4.2',
      '##reference=GRCh38',
      '##contig=<ID=chr7,length=159345973,assembly=GRCh38>',
      '##INFO=<ID=GENE,Number=1,Type=String,Description="HGNC symbol">',
      '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic">',
      '##INFO=<ID=HGVSP,Number=1,Type=String,Description="Protein change">',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS9',
      'chr7\t55191822\trs121434568\tt\tg\t.\tPASS\tGENE=EGFR;SOMATIC;HGVSP=p.Leu858Arg\tGT\t0/1',
      '',
    ].join('\n');
    const deps = memoryIngestDeps();
    await deps.objects.put('raw', 'raw/east/b1/tumour.vcf', lowerCase);
    await ingestFile(
      { ...deps, clock: fixedClock('2026-09-01T00:00:00Z') },
      { key: 'raw/east/b1/tumour.vcf', etag: 'e1' },
    );
    const patient = await new ResourceProjector(deps.keys, 'east').pseudonym('Patient', 'S9');
    const stored = [...deps.serving.items.values()].filter(
      (i) =>
        i.pk === genotypePartition('east', patient) &&
        String(i.sk).startsWith(tumourFindingSortPrefix),
    );
    const opened = await Promise.all(
      stored.map((i) => openTumourItem(deps.keys, 'east', patient, i)),
    );
    const finding = opened.find((o) => !('tumourFile' in o)) as
      { file: string; uploadedAt: string } | undefined;
    expect(finding).toBeDefined();
    // The twin the same file got from 80e70f7 to aeafc34, keyed by the raised bases (T>G).
    await deps.serving.put(
      await sealTumourFindingItem(
        deps.keys,
        { hospital: 'east', batch: 'b1' },
        patient,
        { gene: 'EGFR', alteration: 'L858R', germline: false },
        'chr7:55191822:T>G',
        9,
        { file: finding!.file, uploadedAt: finding!.uploadedAt },
      ),
    );
    const found = (await storedTumourFindings(deps, 'east', patient)).map(
      (f) => `${f.gene} ${f.alteration}`,
    );
    expect(found).toEqual(['EGFR L858R']);
  });
});
