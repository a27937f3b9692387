import { describe, expect, it } from 'vitest';
import { readVcf } from './vcf-reader';
import { collectTumourFindings, normaliseAlteration, type TumourFinding } from './tumour-variants';

// A VCF as the synthetic generator writes tumour calls (synth/genomics/vcf.ts): somatic SNVs with
// INFO SOMATIC and HGVSP, the ERBB2 amplification as <DUP>, and one call the sample does not carry.
const vcf = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr7,length=159345973>',
  '##contig=<ID=chr17,length=83257441>',
  '##ALT=<ID=DUP,Description="Duplication">',
  '##INFO=<ID=GENE,Number=1,Type=String,Description="gene">',
  '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="somatic">',
  '##INFO=<ID=HGVSP,Number=1,Type=String,Description="protein change">',
  '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="sv type">',
  '##INFO=<ID=END,Number=1,Type=Integer,Description="end">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
  'chr7\t55191822\trs121434568\tT\tG\t.\tPASS\tGENE=EGFR;SOMATIC;HGVSP=p.Leu858Arg\tGT\t0/1',
  'chr7\t140753336\trs113488022\tA\tT\t.\tPASS\tGENE=BRAF;SOMATIC;HGVSP=p.Val600Glu\tGT\t0/0',
  'chr17\t39687913\t.\tN\t<DUP>\t.\tPASS\tSVTYPE=DUP;END=39730426;GENE=ERBB2\tGT\t0/1',
  'chr17\t43124027\trs80357914\tACT\tA\t.\tPASS\tGENE=BRCA1\tGT\t0|1',
];

async function* lines() {
  let line = 0;
  for (const text of vcf) yield { line: ++line, text };
}

describe('Function: collectTumourFindings', () => {
  it('reads somatic SNVs, the ERBB2 amplification and the BRCA1 founder variant the sample carries, passing every record on', async () => {
    const found: TumourFinding[] = [];
    let passed = 0;
    for await (const _ of collectTumourFindings(readVcf(lines(), 't.vcf'), found, 't.vcf'))
      passed++;
    expect(passed).toBe(5);
    expect(
      found.map((f) => `${f.gene} ${f.alteration} ${f.germline ? 'germline' : 'somatic'}`),
    ).toEqual(['EGFR L858R somatic', 'ERBB2 amplification somatic', 'BRCA1 pathogenic germline']);
    expect(found[0]!.source).toBe('t.vcf line 12');
  });
});

/** Run `text` (one VCF's lines) through the reader and collectTumourFindings. */
async function findingsOf(text: string[], sample?: string): Promise<string[]> {
  const found: TumourFinding[] = [];
  async function* numbered() {
    let line = 0;
    for (const t of text) yield { line: ++line, text: t };
  }
  for await (const _ of collectTumourFindings(readVcf(numbered(), 't.vcf'), found, 't.vcf', sample))
    continue;
  return found.map((f) => `${f.gene} ${f.alteration} ${f.germline ? 'germline' : 'somatic'}`);
}

describe('Function: findingOf (through collectTumourFindings)', () => {
  const head = vcf.slice(0, 10);
  const chrom = vcf[10]!;
  const [egfr, , erbb2, brca1] = vcf.slice(11);

  it('reads no finding from a record that failed a filter (FILTER neither PASS nor .)', async () => {
    const failed = [egfr, erbb2, brca1].map((r) =>
      r!.replace('\tPASS\t', '\tweak_evidence;germline\t'),
    );
    expect(await findingsOf([...head, chrom, ...failed])).toEqual([]);
    // Filters not applied (".") still read.
    const unfiltered = [egfr, erbb2, brca1].map((r) => r!.replace('\tPASS\t', '\t.\t'));
    expect(await findingsOf([...head, chrom, ...unfiltered])).toEqual([
      'EGFR L858R somatic',
      'ERBB2 amplification somatic',
      'BRCA1 pathogenic germline',
    ]);
  });

  it("reads germline findings only from a record filtered 'germline', 'normal_artifact' or 'panel_of_normals'", async () => {
    for (const filter of [
      'germline',
      'normal_artifact',
      'panel_of_normals',
      'germline;panel_of_normals',
      // GATK 3.x MuTect2 / GATK 4.0 names of the same reasons (GDC VCFs carry them).
      'germline_risk',
      'alt_allele_in_normal',
      'multi_event_alt_allele_in_normal',
      'artifact_in_normal',
    ]) {
      const notSomatic = [egfr, erbb2, brca1].map((r) => r!.replace('\tPASS\t', `\t${filter}\t`));
      // FilterMutectCalls says the allele is not somatic, not that it is absent: BRCA1 stays.
      expect(await findingsOf([...head, chrom, ...notSomatic]), filter).toEqual([
        'BRCA1 pathogenic germline',
      ]);
    }
  });

  it("reads only germline findings from the header's normal sample, whatever its SOMATIC annotation", async () => {
    const clinvar = '##INFO=<ID=CLNSIG,Number=.,Type=String,Description="ClinVar significance">';
    const brca2 =
      'chr13\t32340300\t.\tGT\tG\t.\tPASS\tGENE=BRCA2;SOMATIC;HGVSP=p.Val2047fs;CLNSIG=Pathogenic\tGT\t0/1\t0/1';
    const pair = [
      ...head,
      clinvar,
      '##contig=<ID=chr13,length=114364328>',
      '##tumor_sample=P1-T',
      '##normal_sample=P1-N',
      `${chrom.replace('\tS1', '\tP1-N\tP1-T')}`,
      brca2,
    ];
    // Carried by the normal (germline tissue) and ClinVar pathogenic: germline.
    expect(await findingsOf(pair, 'P1-N')).toEqual(['BRCA2 pathogenic germline']);
    // The tumour column reads the record as the somatic call it is annotated as.
    expect(await findingsOf(pair, 'P1-T')).toEqual(['BRCA2 val2047fs somatic']);
  });

  it('recognises BRCA1 185delAG on a bare contig ("17") and in lower-case bases', async () => {
    const bare = [
      ...head.map((l) => l.replace('ID=chr17', 'ID=17')),
      chrom,
      brca1!.replace(/^chr17/, '17'),
    ];
    expect(await findingsOf(bare)).toEqual(['BRCA1 pathogenic germline']);
    const lower = [...head, chrom, brca1!.replace('\tACT\tA\t', '\tact\ta\t')];
    expect(await findingsOf(lower)).toEqual(['BRCA1 pathogenic germline']);
  });

  it("reads the header's tumour sample by default, and no somatic finding from its normal sample", async () => {
    const pair = [
      ...head,
      '##tumor_sample=P1-T',
      '##normal_sample=P1-N',
      `${chrom.replace('\tS1', '\tP1-N\tP1-T')}`,
      `${egfr!.replace('\t0/1', '\t0/0\t0/1')}`,
      `${erbb2!.replace('\t0/1', '\t0/1\t0/1')}`,
      `${brca1!.replace('\t0|1', '\t0|1\t0|1')}`,
    ];
    // The first column is the normal: the tumour's findings are read by default.
    expect(await findingsOf(pair)).toEqual([
      'EGFR L858R somatic',
      'ERBB2 amplification somatic',
      'BRCA1 pathogenic germline',
    ]);
    // Asked for the normal sample: its germline finding only, though it carries the ERBB2 record.
    expect(await findingsOf(pair, 'P1-N')).toEqual(['BRCA1 pathogenic germline']);
  });

  it('reads a SOMATIC record without GT (Strelka2) for a column the header names the tumour sample only', async () => {
    // Strelka2's somatic FORMAT (no GT), the normal column first.
    const withoutGt = (record: string) =>
      record.replace(/\tGT\t[^\t]+$/, '\tDP:AU:TU\t40:0,0:40,40\t55:0,0:30,30');
    const germlineBrca1 = withoutGt(brca1!).replace('GENE=BRCA1', 'GENE=BRCA1;SOMATIC');
    const records = [withoutGt(egfr!), withoutGt(erbb2!), germlineBrca1];
    const pair = (meta: string[], columns: string) => [
      ...head.map((l) => l.replace('ID=GT,', 'ID=DP,')),
      ...meta,
      chrom.replace('\tS1', columns),
      ...records,
    ];
    const named = pair(['##tumor_sample=P1-T', '##normal_sample=P1-N'], '\tP1-N\tP1-T');
    // EGFR (SOMATIC, one ALT); not ERBB2 (no SOMATIC flag) nor BRCA1 as germline (SOMATIC says not).
    expect(await findingsOf(named)).toEqual(['EGFR L858R somatic']);
    expect(await findingsOf(named, 'P1-N')).toEqual([]);
    // Strelka's own labels, no line naming the samples: nothing read.
    expect(await findingsOf(pair([], '\tNORMAL\tTUMOR'), 'TUMOR')).toEqual([]);
  });
});

describe('Function: normaliseAlteration', () => {
  it('writes HGVS p. changes as oncology reports do and recognises EGFR exon 19 deletions', () => {
    expect(normaliseAlteration('KRAS', 'p.Gly12Cys')).toBe('G12C');
    expect(normaliseAlteration('EGFR', 'p.Glu746_Ala750del')).toBe('exon 19 deletion');
    expect(normaliseAlteration('EGFR', 'p.(Leu858Arg)')).toBe('L858R');
    expect(normaliseAlteration('ALK', 'EML4-ALK fusion')).toBe('fusion');
  });
});
