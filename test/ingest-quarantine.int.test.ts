// Integration: bad lines are quarantined with line number and reason; every good line is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import type { IngestReport } from '../shared/domain/ingest/report';
import {
  apiGet,
  heartRate,
  ndjson,
  patient,
  startTestStack,
  type TestStack,
} from './helpers/stack';

describe('Function: ingest (quarantine)', () => {
  let stack: TestStack;
  let report: IngestReport;

  beforeAll(async () => {
    // Prepare: a file with a truncated line (2), a non-JSON line (4) and an Observation with no subject (5).
    stack = await startTestStack();
    const body = ndjson(
      patient('p1'),
      '{"resourceType":"Observation","id":"o-cut","status":"final","code":{"coding":[{"system":"http://lo',
      heartRate('o1', 'p1', '2026-03-01T09:00:00Z', 70),
      'this is not json at all',
      heartRate('o-nosubject', undefined),
      heartRate('o2', 'p1', '2026-03-02T09:00:00Z', 75),
    );
    // Act: upload through S3 (the s3rver event reaches the ingest function through the local queue).
    await stack.deps.objects.put('raw', keyLayout.raw('general', 'b1', 'mixed.ndjson'), body);
    await stack.settled();
    report = JSON.parse(
      (await stack.deps.objects.getText(
        'curated',
        keyLayout.report('general', 'b1', 'mixed.ndjson'),
      ))!,
    );
  });

  afterAll(async () => stack?.stop());

  it('keeps every good line', () => {
    expect(report.status).toBe('partial');
    expect(report.records).toEqual({ accepted: 3, repaired: 0, rejected: 3 });
    expect(report.byType).toEqual({ Patient: 1, Observation: 2 });
  });

  it('names the line and reason of each bad line in the report', () => {
    expect(report.errors).toEqual([
      { line: 2, reason: expect.stringContaining('truncated') },
      { line: 4, reason: expect.stringContaining('not valid JSON') },
      { line: 5, path: 'subject', reason: 'Observation.subject: is required' },
    ]);
  });

  it('keeps the raw bad lines in the quarantine bucket, nothing lost', async () => {
    const quarantined = (await stack.deps.objects.getText('quarantine', report.quarantineKey!))!
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(quarantined.map((q) => q.line)).toEqual([2, 4, 5]);
    expect(quarantined[1].raw).toBe('this is not json at all');
    expect(quarantined[2]).toMatchObject({ file: 'mixed.ndjson', path: 'subject' });
  });

  it('does not echo record content in reasons (no PHI in reports)', () => {
    expect(JSON.stringify(report.errors)).not.toContain('this is not json');
  });

  it('serves the good observations in time order over the API', async () => {
    const list = await apiGet(stack, '/patients', 'general');
    expect(list.body.items).toHaveLength(1);
    const id = list.body.items![0]!.id;
    const obs = await apiGet(stack, `/patients/${id}/observations`, 'general');
    expect(obs.status).toBe(200);
    expect(
      (obs.body.items as unknown as { valueQuantity: { value: number } }[]).map(
        (o) => o.valueQuantity.value,
      ),
    ).toEqual([70, 75]);
  });

  it('rejects a file that is not NDJSON as a whole, with a reason', async () => {
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('general', 'b1', 'genotypes.vcf'),
      '##fileformat=VCFv4.2\n#CHROM\tPOS\n',
    );
    await stack.settled();
    const vcf: IngestReport = JSON.parse(
      (await stack.deps.objects.getText(
        'curated',
        keyLayout.report('general', 'b1', 'genotypes.vcf'),
      ))!,
    );
    expect(vcf.status).toBe('rejected');
    expect(vcf.errors[0]!.reason).toContain('VCF');
  });
});
