// Integration: a VCF that fails mid-file resumes from its last checkpoint, like NDJSON: the data lines
// before it are not stored again, none after it is lost, and the report counts every line once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { flakyTable } from './helpers/flaky-table';
import { ingestFile } from '../shared/domain/ingest/ingest-file';
import { genotypePartition, genotypeSortPrefix } from '../shared/domain/genomics/genotype-items';
import type { Table } from '../shared/ports/table';
import { startTestStack, type TestStack } from './helpers/stack';

const header = [
  '##fileformat=VCFv4.2',
  // GRCh38 chr1 length (GRCh38.p14 assembly report), so the assembly is known.
  '##contig=<ID=chr1,length=248956422>',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tvcf-p1\tvcf-p2',
];
/** 300 variant lines, each a non-reference call for both samples (two genotype records per line). */
const variants = Array.from(
  { length: 300 },
  (_, i) => `chr1\t${100_000 + i * 10}\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\t1/1`,
);
/** A line whose POS is not a position: rejected, the file goes on. */
const badLine = 'chr1\tnowhere\t.\tA\tG\t50\tPASS\t.\tGT\t0/1\t1/1';
const body = [...header, ...variants.slice(0, 250), badLine, ...variants.slice(250), ''].join('\n');
const badLineNumber = header.length + 251;

async function countItems(table: Table, partition: string): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await table.query({
      partition,
      sortPrefix: genotypeSortPrefix(),
      ...(cursor ? { cursor } : {}),
    });
    count += page.items.length;
    cursor = page.cursor;
  } while (cursor);
  return count;
}

describe('Function: ingest (VCF checkpoints)', () => {
  let stack: TestStack;
  const key = keyLayout.raw('resume-vcf', 'b1', 'cohort.vcf');

  beforeAll(async () => {
    stack = await startTestStack({ autoIngest: false });
    await stack.deps.objects.put('raw', key, body);
  });
  afterAll(async () => stack?.stop());

  it('resumes a VCF after its last checkpoint and stores every genotype exactly once', async () => {
    // Prepare: the first run fails after about 120 of the 300 variant lines have been stored.
    const first = flakyTable(stack.deps.serving, 240);
    const input = { key, etag: 'v1', checkpointEvery: 50 };
    await expect(ingestFile({ ...stack.deps, serving: first }, input)).rejects.toThrow('throttled');
    // Act: the retry (SQS redelivery) with a healthy table.
    const second = flakyTable(stack.deps.serving, Number.POSITIVE_INFINITY);
    const report = await ingestFile({ ...stack.deps, serving: second }, input);
    // Assess: the retry started after a checkpoint on a data line, not at the header.
    const resumedAfter = report.resumedAfterLine!;
    expect(resumedAfter).toBeGreaterThanOrEqual(header.length + 50);
    expect(resumedAfter).toBeLessThan(badLineNumber);
    // The report covers all 301 data lines once: 300 genotype lines and the bad one.
    expect(report.records).toEqual({ accepted: 300, repaired: 0, rejected: 1 });
    expect(report.byType).toEqual({ Genotype: 300 });
    expect(report.errors).toEqual([
      expect.objectContaining({ line: badLineNumber, reason: expect.stringContaining('POS') }),
    ]);
    // The retry wrote only the lines after the checkpoint: two genotypes per variant line.
    const variantLinesAfter = header.length + 301 - resumedAfter - 1;
    expect(second.written).toBe(2 * variantLinesAfter);
    // The curated segments hold each genotype exactly once, 300 per patient.
    const curated = await stack.deps.objects.list('curated', 'curated/resume-vcf/');
    const genotypes = [];
    for (const o of curated)
      for (const line of (await stack.deps.objects.getText('curated', o.key))!.trim().split('\n'))
        genotypes.push(JSON.parse(line) as { patient: string; pos: number });
    expect(curated.length).toBeGreaterThan(2);
    expect(genotypes).toHaveLength(600);
    const patients = [...new Set(genotypes.map((g) => g.patient))];
    expect(patients).toHaveLength(2);
    for (const patient of patients) {
      const sites = genotypes.filter((g) => g.patient === patient).map((g) => g.pos);
      expect(new Set(sites).size).toBe(300);
      // And the serving table holds them all.
      const id = patient.replace('Patient/', '');
      expect(await countItems(stack.deps.serving, genotypePartition('resume-vcf', id))).toBe(300);
    }
  });
});
