// Tests (genomics): tumour findings are read from the latest file that reported them, kind by kind
// (somatic: a tumour VCF, recognised by its INFO SOMATIC declaration; germline: a file that yields a
// germline pathogenic finding), so a corrected VCF retracts a false positive, a re-delivered event for
// the old file does not bring it back, and a germline-only VCF retracts nothing.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../ports/clock';
import { ingestFile } from '../ingest/ingest-file';
import { memoryIngestDeps } from '../ingest/ingest-file.fixture';
import { ResourceProjector } from '../serving/resource-projection';
import { genotypePartition } from './genotype-items';
import {
  openTumourItem,
  sealTumourFindingItem,
  storedTumourFindings,
  tumourFindingSortPrefix,
} from './tumour-finding-items';

const header = (somatic: boolean) => [
  '##fileformat=VCFv4.2',
  '##reference=GRCh38',
  '##contig=<ID=chr1,length=248956422,assembly=GRCh38>',
  '##contig=<ID=chr7,length=159345973,assembly=GRCh38>',
  '##contig=<ID=chr17,length=83257441,assembly=GRCh38>',
  '##ALT=<ID=DUP,Description="Duplication">',
  '##INFO=<ID=GENE,Number=1,Type=String,Description="HGNC symbol">',
  ...(somatic
    ? ['##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic (tumour) variant">']
    : []),
  '##INFO=<ID=HGVSP,Number=1,Type=String,Description="Protein change">',
  '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="Type of structural variant">',
  '##INFO=<ID=END,Number=1,Type=Integer,Description="End position">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS9',
];
const vcf = (somatic: boolean, ...records: string[]) =>
  [...header(somatic), ...records, ''].join('\n');

const egfr =
  'chr7\t55191822\trs121434568\tT\tG\t.\tPASS\tGENE=EGFR;SOMATIC;HGVSP=p.Leu858Arg\tGT\t0/1';
const erbb2 =
  'chr17\t39687913\t.\tN\t<DUP>\t.\tPASS\tSVTYPE=DUP;END=39730426;GENE=ERBB2;SOMATIC\tGT\t0/1';
const brca1 = 'chr17\t43124027\t.\tACT\tA\t.\tPASS\tGENE=BRCA1\tGT\t0/1';
const offTarget = 'chr1\t100000\t.\tA\tG\t.\tPASS\t.\tGT\t0/1';

/** Tumour VCFs (SOMATIC declared) and germline-only ones, each uploaded a month after the last. */
const files = {
  // The first analysis: EGFR L858R (a false positive) and the ERBB2 amplification.
  tumour: vcf(true, egfr, erbb2),
  // Re-analysis: L858R removed.
  corrected: vcf(true, erbb2),
  // Re-analysis with no somatic finding left at all (a germline call only).
  noneLeft: vcf(true, offTarget),
  // A germline-only VCF (no SOMATIC declaration), no finding.
  germline: vcf(false, offTarget),
  // A germline-only VCF carrying BRCA1 185delAG.
  brca: vcf(false, brca1, offTarget),
  // The same germline VCF corrected: BRCA1 gone (a VCF says nothing of what it did not test).
  brcaGone: vcf(false, offTarget),
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

  it('reads no somatic finding once a corrected tumour VCF reports none', async () => {
    const { run, findings, items } = await setUp(['tumour', 'noneLeft']);
    await run('tumour');
    await run('noneLeft');
    expect(await findings()).toEqual([]);
    // Known as a tumour file by its marker alone (no finding was read from it).
    expect(items()).toHaveLength(4);
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
    // No marker: a file without the SOMATIC declaration is no tumour file.
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
