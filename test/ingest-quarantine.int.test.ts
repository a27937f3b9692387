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

  const reportOf = async (hospital: string, batch: string, file: string): Promise<IngestReport> =>
    JSON.parse(
      (await stack.deps.objects.getText('curated', keyLayout.report(hospital, batch, file)))!,
    );
  const observationsOf = async (hospital: string) => {
    const patients = (await apiGet(stack, '/patients', hospital)).body.items!;
    const obs = await apiGet(
      stack,
      `/patients/${patients[0]!.id}/observations?limit=200`,
      hospital,
    );
    return obs.body.items as unknown as { valueQuantity?: { value: number } }[];
  };

  it('quarantines the one record over the 400 KB item limit and stores the rest of the file', async () => {
    // Prepare: an ECG waveform whose de-identified record is over DynamoDB's item limit, amid
    // heart rates (the embedded table enforces the limit as DynamoDB does).
    const ecg = {
      ...heartRate('ecg1', 'p1'),
      code: { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.24', code: '131328' }] },
      valueQuantity: undefined,
      valueSampledData: {
        origin: { value: 2048 },
        period: 2,
        dimensions: 1,
        data: Array.from({ length: 110_000 }, (_, i) => String(2000 + (i % 97))).join(' '),
      },
    };
    const lines = [
      patient('p1'),
      ...Array.from({ length: 5 }, (_, i) =>
        heartRate(`o${i}`, 'p1', `2026-03-0${i + 1}T09:00:00Z`),
      ),
      ecg,
      heartRate('o9', 'p1', '2026-03-09T09:00:00Z'),
    ];
    const key = keyLayout.raw('big', 'b1', 'ecg.ndjson');
    // Act: the upload, then the same file again.
    await stack.deps.objects.put('raw', key, ndjson(...lines));
    await stack.settled();
    const big = await reportOf('big', 'b1', 'ecg.ndjson');
    await stack.deps.objects.put('raw', key, ndjson(...lines));
    await stack.settled();
    // Assess: one record quarantined with its line, element and the limit; the others served once.
    expect(big.status).toBe('partial');
    expect(big.records).toEqual({ accepted: 7, repaired: 0, rejected: 1 });
    expect(big.errors).toEqual([
      {
        line: 7,
        path: 'valueSampledData',
        reason: expect.stringContaining("over DynamoDB's 400 KB item limit"),
      },
    ]);
    const quarantined = (await stack.deps.objects.getText('quarantine', big.quarantineKey!))!;
    expect(JSON.parse(JSON.parse(quarantined.trim()).raw).id).toBe('ecg1');
    expect(await observationsOf('big')).toHaveLength(6);
  });

  it('stores resources sent without an id, each once, also when the same file comes again', async () => {
    // Prepare: two heart rates without id, as NDJSON lines and as Bundle entries POSTed without fullUrl.
    const noId = (when: string, value: number) => {
      const { id: _, ...rest } = heartRate('x', 'p1', when, value);
      return rest;
    };
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          resource: noId('2026-03-03T09:00:00Z', 80),
          request: { method: 'POST', url: 'Observation' },
        },
        {
          resource: noId('2026-03-04T09:00:00Z', 85),
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const body = ndjson(
      patient('p1'),
      noId('2026-03-01T09:00:00Z', 70),
      noId('2026-03-02T09:00:00Z', 75),
    );
    // Act: each file uploaded, then both again in another batch.
    for (const batch of ['b1', 'b2']) {
      await stack.deps.objects.put('raw', keyLayout.raw('noid', batch, 'obs.ndjson'), body);
      await stack.deps.objects.put(
        'raw',
        keyLayout.raw('noid', batch, 'bundle.json'),
        JSON.stringify(bundle, null, 2),
      );
      await stack.settled();
    }
    // Assess
    const ndjsonReport = await reportOf('noid', 'b1', 'obs.ndjson');
    expect(ndjsonReport.records).toEqual({ accepted: 1, repaired: 2, rejected: 0 });
    expect(ndjsonReport.repairs).toEqual({ 'id-assigned': 2 });
    expect((await reportOf('noid', 'b2', 'bundle.json')).repairs).toEqual({ 'id-assigned': 2 });
    const values = (await observationsOf('noid')).map((o) => o.valueQuantity!.value);
    expect(values).toEqual([70, 75, 80, 85]);
  });
});
