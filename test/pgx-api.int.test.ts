// Integration: genotypes ingested from a VCF are stored encrypted, read back into a PGx profile and
// reach the recommendations, over the embedded stack (s3rver, dynalite, the local gateway and issuer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { genotypePartition, openGenotypeItem } from '../shared/domain/genomics/genotype-items';
import { ingestFile } from '../shared/domain/ingest/ingest-file';
import { genomeGenotypes, withoutPositions } from '../shared/domain/pgx/genotypes.testkit';
import { singleSampleVcf } from '../shared/domain/pgx/vcf-text.testkit';
import {
  condition,
  icd,
  loinc,
  medication,
  observation,
  patient,
} from '../shared/domain/recommend/patient.testkit';
import { pseudonymousId } from '../shared/domain/serving/records';
import type { Item, Table } from '../shared/ports/table';
import { apiGet, ndjson, startTestStack, type TestStack } from './helpers/stack';

const hospital = 'pgx-east';
const rxnorm = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const vcfKey = keyLayout.raw(hospital, 'b1', 'genotypes.vcf');
/** CYP2C19 *2/*2 (rs4244285 G>A homozygous, PharmCAT CYP2C19 definition), every other gene reference. */
const vcf = singleSampleVcf('p1', genomeGenotypes({ CYP2C19: ['*2', '*2'] }));
/** DPYD c.1905+1G>A (*2A) heterozygous (activity score 1), on adjuvant capecitabine. */
const dpydVcf = singleSampleVcf(
  'p2',
  genomeGenotypes({ DPYD: ['Reference', 'c.1905+1G>A (*2A)'] }),
);
/** The same *2A carrier in a file that lacks the *2A position (rs3918290, chr1:97450058). */
const dpydIncompleteVcf = singleSampleVcf(
  'p3',
  withoutPositions(genomeGenotypes({ DPYD: ['Reference', 'c.1905+1G>A (*2A)'] }), [97450058]),
);

interface Report {
  medicationReview: {
    drug: string;
    warnings: { kind: string; message: string }[];
    suggestion?: string;
  }[];
}
interface Pgx {
  genotyped: boolean;
  genes: { gene: string; diplotype: string; phenotype: string; incomplete?: unknown }[];
  notTested: string[];
  recommendations: {
    drug: string;
    action: string;
    kind: string;
    strength: string;
    incomplete?: { gene: string; positions: string[] }[];
  }[];
  warnings: string[];
}

async function allItems(table: Table, partition: string): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await table.query({ partition, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

describe('Function: api (PGx from stored genotypes)', () => {
  let stack: TestStack;
  let id: string;
  let capecitabineId: string;
  let incompleteId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    const recent = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const record = [
      patient({ age: 62, sex: 'male' }),
      condition(icd.nstemi, '401314000', recent),
      // Coded: serving records keep codings but not free text (de-identification drops it).
      {
        ...medication('clopidogrel 75 MG Oral Tablet'),
        medicationCodeableConcept: {
          coding: [{ system: rxnorm, code: '309362', display: 'clopidogrel 75 MG Oral Tablet' }],
        },
      },
      observation(loinc.weight, 82, 'kg'),
    ];
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw(hospital, 'b1', 'record.ndjson'),
      ndjson(...record),
    );
    await stack.deps.objects.put('raw', vcfKey, vcf);
    // p2 takes capecitabine as caregraph synth writes it (RxNorm SCD 200328, a 14-of-21-day cycle).
    const p2 = { reference: 'Patient/p2' };
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw(hospital, 'b2', 'record.ndjson'),
      ndjson(
        { ...patient({ id: 'p2', age: 64, sex: 'female' }) },
        { ...condition(icd.colorectalCancer, '363406005', recent), subject: p2 },
        {
          ...medication('capecitabine 500 MG Oral Tablet'),
          subject: p2,
          medicationCodeableConcept: {
            coding: [
              { system: rxnorm, code: '200328', display: 'capecitabine 500 MG Oral Tablet' },
            ],
          },
        },
      ),
    );
    await stack.deps.objects.put('raw', keyLayout.raw(hospital, 'b2', 'genotypes.vcf'), dpydVcf);
    // p3: on capecitabine like p2, genotyped by a file without the DPYD *2A position.
    const p3 = { reference: 'Patient/p3' };
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw(hospital, 'b3', 'record.ndjson'),
      ndjson(
        { ...patient({ id: 'p3', age: 58, sex: 'male' }) },
        { ...condition(icd.colorectalCancer, '363406005', recent), subject: p3 },
        {
          ...medication('capecitabine 500 MG Oral Tablet'),
          subject: p3,
          medicationCodeableConcept: {
            coding: [
              { system: rxnorm, code: '200328', display: 'capecitabine 500 MG Oral Tablet' },
            ],
          },
        },
      ),
    );
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw(hospital, 'b3', 'genotypes.vcf'),
      dpydIncompleteVcf,
    );
    await stack.settled();
    id = await pseudonymousId(stack.deps.keys, hospital, 'Patient', 'p1');
    capecitabineId = await pseudonymousId(stack.deps.keys, hospital, 'Patient', 'p2');
    incompleteId = await pseudonymousId(stack.deps.keys, hospital, 'Patient', 'p3');
  });
  afterAll(async () => stack?.stop());

  it('warns, in the recommendations, that clopidogrel fails a CYP2C19 poor metaboliser (CPIC 2022)', async () => {
    // Act
    const response = await apiGet(stack, `/patients/${id}/recommendations`, hospital);
    // Assess
    expect(response.status).toBe(200);
    const report = response.body as unknown as Report;
    const alert = report.medicationReview.find((a) => a.drug === 'clopidogrel')!;
    expect(alert.warnings).toContainEqual(
      expect.objectContaining({ kind: 'pgx', message: expect.stringMatching(/Poor Metabolizer/) }),
    );
    expect(alert.suggestion).toMatch(/prasugrel or ticagrelor/);
  });

  it('warns that capecitabine needs half the starting dose for a DPYD *2A heterozygote (CPIC 2017)', async () => {
    // Act
    const response = await apiGet(stack, `/patients/${capecitabineId}/recommendations`, hospital);
    // Assess
    expect(response.status).toBe(200);
    const report = response.body as unknown as Report;
    const alert = report.medicationReview.find((a) => a.drug === 'capecitabine')!;
    expect(alert.warnings).toEqual([
      expect.objectContaining({
        kind: 'pgx',
        message: expect.stringMatching(
          /^DPYD Intermediate Metabolizer: Reduce starting dose by 50%/,
        ),
      }),
    ]);
    expect(alert.suggestion).toMatch(/^Reduce starting dose by 50%/);
  });

  it('serves the profile at GET /patients/{id}/pgx, outside-call genes not tested, and audits the read', async () => {
    // Act
    const response = await apiGet(stack, `/patients/${id}/pgx`, hospital);
    // Assess
    expect(response.status).toBe(200);
    const pgx = response.body as unknown as Pgx;
    expect(pgx.genotyped).toBe(true);
    expect(pgx.genes.find((g) => g.gene === 'CYP2C19')).toMatchObject({
      diplotype: '*2/*2',
      phenotype: 'Poor Metabolizer',
    });
    expect(pgx.notTested).toEqual(['CYP2D6', 'HLA-A', 'HLA-B']);
    expect(pgx.recommendations.map((r) => r.drug)).toContain('clopidogrel');
    const day = new Date().toISOString().slice(0, 10);
    const audit = await apiGet(stack, `/audit?day=${day}&limit=200`, hospital, 'admin');
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ route: 'GET /patients/{id}/pgx', patient: id, outcome: 'allowed' }),
    );
  });

  it('serves a DPYD call that depends on a missing position as Indeterminate, naming the position, with no standard dose', async () => {
    // Act
    const pgxResponse = await apiGet(stack, `/patients/${incompleteId}/pgx`, hospital);
    const review = await apiGet(stack, `/patients/${incompleteId}/recommendations`, hospital);
    // Assess: the profile, the CPIC entry and the warnings all say the genotype is incomplete.
    expect(pgxResponse.status).toBe(200);
    const pgx = pgxResponse.body as unknown as Pgx;
    expect(pgx.genes.find((g) => g.gene === 'DPYD')).toMatchObject({
      diplotype: 'Reference/Reference',
      phenotype: 'Indeterminate',
      incomplete: expect.objectContaining({ phenotypeAsCalled: 'Normal Metabolizer' }),
    });
    expect(pgx.recommendations.find((r) => r.drug === 'capecitabine')).toMatchObject({
      kind: 'indeterminate',
      strength: 'No recommendation',
      incomplete: [{ gene: 'DPYD', positions: ['chr1:97450058 (rs3918290)'] }],
    });
    expect(pgx.warnings).toContainEqual(
      expect.stringMatching(/^DPYD: .*chr1:97450058 \(rs3918290\).*Indeterminate/),
    );
    const alert = (review.body as unknown as Report).medicationReview.find(
      (a) => a.drug === 'capecitabine',
    )!;
    expect(alert.warnings).toEqual([
      expect.objectContaining({
        kind: 'pgx',
        message: expect.stringMatching(/^DPYD genotype incomplete: .*chr1:97450058/),
      }),
    ]);
  });

  it('answers 404 to another hospital and to a patient asking for someone else, 403 to research', async () => {
    expect((await apiGet(stack, `/patients/${id}/pgx`, 'pgx-west')).status).toBe(404);
    const other = await apiGet(stack, `/patients/${id}/pgx`, hospital, 'patient', 'someone-else');
    expect(other.status).toBe(404);
    expect((await apiGet(stack, `/patients/${id}/pgx`, hospital, 'data-scientist')).status).toBe(
      403,
    );
  });

  it('keeps no genotype in clear in the table, and a re-delivered VCF overwrites rather than duplicates', async () => {
    // Prepare
    const stored = await allItems(stack.deps.serving, genotypePartition(hospital, id));
    const clinical = await allItems(stack.deps.serving, `P#${hospital}#${id}`);
    // Act: the same file delivered again (another ETag, so idempotency does not short-circuit it).
    await ingestFile(stack.deps, { key: vcfKey, etag: 'redelivered' });
    const again = await allItems(stack.deps.serving, genotypePartition(hospital, id));
    // Assess: one item per defining position, none among the clinical records.
    expect(stored.length).toBe(vcf.split('\n').filter((l) => l.startsWith('chr')).length);
    expect(clinical.some((i) => String(i.sk).startsWith('GT#'))).toBe(false);
    expect(again.map((i) => i.sk).sort()).toEqual(stored.map((i) => i.sk).sort());
    // Nothing in clear names a call. The envelope is read as bytes (its base64 text could spell
    // "0/1" by chance) and searched for what its plaintext always holds, in strings long enough that
    // ciphertext cannot spell them by chance: a 3-byte "0/1" could (about 1 run in 4,000 by a rough
    // count, and it happened in CI). That it holds the call is shown by opening it.
    const opened = await Promise.all(
      stored.map((item) => openGenotypeItem(stack.deps.keys, hospital, id, item)),
    );
    for (const { genotype, ...clear } of stored) {
      for (const revealing of ['0/1', '1/1', '0/0', 'rs4244285', 'G>A', '94781859', 'zygosity'])
        expect(JSON.stringify(clear)).not.toContain(revealing);
      const sealed = Buffer.from(String(genotype), 'base64').toString('latin1');
      for (const plaintext of ['"gt":"', '"zygosity":"', '"pos":', '"chrom":"chr'])
        expect(sealed).not.toContain(plaintext);
    }
    // rs4244285 (chr10:94781859 G>A), homozygous in CYP2C19 *2/*2.
    expect(opened.find((g) => g.pos === 94781859)).toMatchObject({
      gt: '1/1',
      zygosity: 'hom-alt',
    });
  });
});
