// Integration: actionable tumour alterations read from an uploaded VCF at ingest reach the oncology
// recommendation over the embedded stack (s3rver, dynalite, the local gateway and issuer). Until this
// was stored, GET /patients/{id}/recommendations never saw a VCF's tumour findings: only the CLI,
// given the file, did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { genotypePartition } from '../shared/domain/genomics/genotype-items';
import {
  openTumourFindingItem,
  openTumourItem,
  tumourFindingSortPrefix,
} from '../shared/domain/genomics/tumour-finding-items';
import { ingestFile } from '../shared/domain/ingest/ingest-file';
import { diplotypeGenotypes } from '../shared/domain/pgx/genotypes.testkit';
import { singleSampleVcf } from '../shared/domain/pgx/vcf-text.testkit';
import { condition, icd, medication, patient } from '../shared/domain/recommend/patient.testkit';
import { pseudonymousId } from '../shared/domain/serving/records';
import { apiGet, ndjson, startTestStack, type TestStack } from './helpers/stack';

const hospital = 'onc-east';
const rxnorm = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/**
 * A tumour VCF as caregraph synth writes one (synth/genomics/vcf.ts): ERBB2 amplification; or with
 * `amplified` false, the re-analysis that found none, as GATK Mutect2 writes it: its header names the
 * tumour sample (`##tumor_sample=`), which makes it the patient's tumour file without any finding.
 */
function tumourVcf(sample: string, amplified = true): string {
  return [
    '##fileformat=VCFv4.2',
    '##reference=GRCh38',
    ...(amplified ? [] : [`##tumor_sample=${sample}`]),
    '##contig=<ID=chr17,length=83257441,assembly=GRCh38>',
    '##ALT=<ID=DUP,Description="Duplication">',
    '##INFO=<ID=GENE,Number=1,Type=String,Description="HGNC symbol">',
    '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic variant">',
    '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="Type of structural variant">',
    '##INFO=<ID=END,Number=1,Type=Integer,Description="End position">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${sample}`,
    ...(amplified
      ? [
          'chr17\t39687913\t.\tN\t<DUP>\t.\tPASS\tSVTYPE=DUP;END=39730426;GENE=ERBB2;SOMATIC\tGT\t0/1',
        ]
      : []),
    '',
  ].join('\n');
}

interface Report {
  recommendations: {
    topic: string;
    summary: string;
    options: { label: string; drugs: { drug: string }[] }[];
    inputs: { name: string; value: unknown; source?: string }[];
    notes: string[];
  }[];
}

describe('Function: api (tumour findings from stored VCFs)', () => {
  let stack: TestStack;
  let naive: string;
  let treated: string;
  const vcfKey = keyLayout.raw(hospital, 'b1', 'tumour-p1.vcf');

  beforeAll(async () => {
    stack = await startTestStack();
    const p2 = { reference: 'Patient/p2' };
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw(hospital, 'b1', 'record.ndjson'),
      ndjson(
        patient({ id: 'p1', age: 51, sex: 'female' }),
        condition(icd.breastCancer, '254837009', '2026-01-10'),
        { ...patient({ id: 'p2', age: 58, sex: 'female' }) },
        { ...condition(icd.breastCancer, '254837009', '2025-11-02'), subject: p2 },
        // On adjuvant trastuzumab as caregraph synth writes it (RxNorm ingredient 224905).
        {
          ...medication('trastuzumab'),
          subject: p2,
          medicationCodeableConcept: {
            coding: [{ system: rxnorm, code: '224905', display: 'trastuzumab' }],
          },
        },
      ),
    );
    await stack.deps.objects.put('raw', vcfKey, tumourVcf('p1'));
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw(hospital, 'b1', 'tumour-p2.vcf'),
      tumourVcf('p2'),
    );
    await stack.settled();
    naive = await pseudonymousId(stack.deps.keys, hospital, 'Patient', 'p1');
    treated = await pseudonymousId(stack.deps.keys, hospital, 'Patient', 'p2');
  });
  afterAll(async () => stack?.stop());

  it('proposes trastuzumab and pertuzumab for an ERBB2-amplified breast cancer found in the VCF', async () => {
    const response = await apiGet(stack, `/patients/${naive}/recommendations`, hospital);
    expect(response.status).toBe(200);
    const onc = (response.body as unknown as Report).recommendations.find(
      (r) => r.topic === 'oncology',
    )!;
    expect(onc.summary).toBe('breast cancer with ERBB2 amplification');
    expect(onc.options.map((o) => o.drugs.map((d) => d.drug).join('+'))).toEqual([
      'trastuzumab+pertuzumab',
    ]);
    // Where it was read: the batch and the file's line (the data line is its 11th), never the
    // uploaded file's name.
    expect(onc.inputs).toEqual([
      { name: 'ERBB2 alteration', value: 'amplification', source: 'VCF batch b1 line 11' },
    ]);
    expect(JSON.stringify(response.body)).not.toContain('tumour-p1.vcf');
  });

  it('says a patient already on trastuzumab takes it, and offers the regimen with pertuzumab', async () => {
    const response = await apiGet(stack, `/patients/${treated}/recommendations`, hospital);
    const onc = (response.body as unknown as Report).recommendations.find(
      (r) => r.topic === 'oncology',
    )!;
    expect(onc.notes[0]).toBe(
      'Trastuzumab + pertuzumab with a taxane for ERBB2 amplification: already taking trastuzumab',
    );
  });

  it('keeps the finding sealed in the genotype partition, and a re-delivered VCF overwrites it', async () => {
    const items = async () =>
      (
        await stack.deps.serving.query({
          partition: genotypePartition(hospital, naive),
          sortPrefix: tumourFindingSortPrefix,
        })
      ).items;
    const before = await items();
    await ingestFile(stack.deps, { key: vcfKey, etag: 'redelivered' });
    const after = await items();
    // The finding alone: the header declares SOMATIC but names no tumour sample, so no marker.
    expect(before).toHaveLength(1);
    expect(after.map((i) => i.sk)).toEqual(before.map((i) => i.sk));
    const { finding: sealed, ...clear } = before[0]!;
    expect(Object.keys(clear).sort()).toEqual(['batch', 'hospital', 'pk', 'sk']);
    for (const revealing of ['ERBB2', 'amplification', '39687913', 'tumour'])
      expect(JSON.stringify(clear)).not.toContain(revealing);
    expect(Buffer.from(String(sealed), 'base64').toString('latin1')).not.toContain('ERBB2');
    const { file, uploadedAt, ...finding } = await openTumourFindingItem(
      stack.deps.keys,
      hospital,
      naive,
      before[0]!,
    );
    expect(finding).toEqual({
      patient: naive,
      gene: 'ERBB2',
      alteration: 'amplification',
      germline: false,
      source: 'VCF batch b1 line 11',
    });
    // The file as an opaque digest (never its name) and its S3 upload time.
    expect(file).toMatch(/^[0-9a-f]{16,}$/);
    expect(Number.isNaN(Date.parse(uploadedAt!))).toBe(false);
    // Another hospital's key cannot open it.
    await expect(
      openTumourFindingItem(stack.deps.keys, 'onc-west', naive, before[0]!),
    ).rejects.toThrow();
  });

  it("keeps proposing ERBB2-directed therapy after a PGx panel VCF from caregraph's own writer (it declares INFO SOMATIC)", async () => {
    const oncology = async () => {
      const response = await apiGet(stack, `/patients/${naive}/recommendations`, hospital);
      expect(response.status).toBe(200);
      return (response.body as unknown as Report).recommendations.find(
        (r) => r.topic === 'oncology',
      );
    };
    const pgx = singleSampleVcf('p1', diplotypeGenotypes('CYP2C19', '*1', '*2'));
    expect(pgx).toContain('##INFO=<ID=SOMATIC');
    // S3's LastModified has one-second precision: the panel is a later upload.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await stack.deps.objects.put('raw', keyLayout.raw(hospital, 'b3', 'pgx-p1.vcf'), pgx);
    await ingestFile(stack.deps, { key: keyLayout.raw(hospital, 'b3', 'pgx-p1.vcf'), etag: 'pgx' });
    expect((await oncology())?.inputs).toEqual([
      { name: 'ERBB2 alteration', value: 'amplification', source: 'VCF batch b1 line 11' },
    ]);
  });

  it('stops proposing ERBB2-directed therapy once a corrected VCF drops the amplification, and a re-delivered old event does not bring it back', async () => {
    const erbb2 = async () => {
      const response = await apiGet(stack, `/patients/${naive}/recommendations`, hospital);
      expect(response.status).toBe(200);
      const onc = (response.body as unknown as Report).recommendations.find(
        (r) => r.topic === 'oncology',
      );
      return JSON.stringify(onc ?? {}).includes('ERBB2');
    };
    expect(await erbb2()).toBe(true);
    // S3's LastModified has one-second precision: the corrected upload is a later second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const corrected = keyLayout.raw(hospital, 'b2', 'tumour-p1.vcf');
    await stack.deps.objects.put('raw', corrected, tumourVcf('p1', false));
    await ingestFile(stack.deps, { key: corrected, etag: 'corrected' });
    expect(await erbb2()).toBe(false);
    // Retracted by its marker, which is alike in clear to a finding and seals who has a tumour file.
    const stored = (
      await stack.deps.serving.query({
        partition: genotypePartition(hospital, naive),
        sortPrefix: tumourFindingSortPrefix,
      })
    ).items;
    const opened = await Promise.all(
      stored.map((i) => openTumourItem(stack.deps.keys, hospital, naive, i)),
    );
    expect(opened.filter((o) => 'tumourFile' in o)).toHaveLength(1);
    for (const { finding, ...clear } of stored) {
      expect(Object.keys(clear).sort()).toEqual(['batch', 'hospital', 'pk', 'sk']);
      expect(JSON.stringify(clear)).not.toContain('tumour');
      expect(Buffer.from(String(finding), 'base64').toString('latin1')).not.toContain('tumour');
    }
    // The first file's event delivered again, after the correction.
    await ingestFile(stack.deps, { key: vcfKey, etag: 'redelivered-again' });
    expect(await erbb2()).toBe(false);
  });
});
