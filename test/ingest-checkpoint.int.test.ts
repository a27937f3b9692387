// Integration: a failure mid-file resumes from the last checkpoint: nothing before it is processed
// again, nothing after it is lost, and the report covers the whole file exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { flakyTable } from './helpers/flaky-table';
import { ingestFile } from '../shared/domain/ingest/ingest-file';
import {
  apiGet,
  heartRate,
  ndjson,
  patient,
  segmentedExport,
  startTestStack,
  type TestStack,
} from './helpers/stack';

describe('Function: ingest (checkpoints)', () => {
  let stack: TestStack;
  const key = keyLayout.raw('resume', 'b1', 'big.ndjson');
  // 40 patients with 9 observations each, and one bad line (391) near the end: 401 lines.
  const body = segmentedExport();

  beforeAll(async () => {
    stack = await startTestStack({ autoIngest: false });
    await stack.deps.objects.put('raw', key, body);
  });
  afterAll(async () => stack?.stop());

  it('resumes after the last checkpoint and accounts for every line once', async () => {
    // Prepare: the first run fails after about 250 records have been stored.
    const first = flakyTable(stack.deps.serving, 250);
    const input = { key, etag: 'v1', checkpointEvery: 100 };
    await expect(ingestFile({ ...stack.deps, serving: first }, input)).rejects.toThrow('throttled');
    // Act: the retry (SQS redelivery) with a healthy table.
    const second = flakyTable(stack.deps.serving, Number.POSITIVE_INFINITY);
    const report = await ingestFile({ ...stack.deps, serving: second }, input);
    // Assess: the retry started after a checkpoint (not at line 1) and the report covers all 401 lines.
    expect(report.resumedAfterLine).toBeGreaterThanOrEqual(100);
    expect(report.records.accepted + report.records.repaired + report.records.rejected).toBe(401);
    expect(report.records.rejected).toBe(1);
    expect(report.errors).toEqual([
      { line: 391, reason: expect.stringContaining('not valid JSON') },
    ]);
    expect(second.written).toBeLessThan(400 - report.resumedAfterLine! + 10);
    // Every record is served, once.
    const patients = await apiGet(stack, '/patients?limit=200', 'resume');
    expect(patients.body.items).toHaveLength(40);
    // The curated segments hold every stored resource exactly once.
    const curated = await stack.deps.objects.list('curated', 'curated/resume/');
    let curatedLines = 0;
    for (const o of curated)
      curatedLines += (await stack.deps.objects.getText('curated', o.key))!
        .trim()
        .split('\n').length;
    expect(curatedLines).toBe(400);
    expect(curated.length).toBeGreaterThan(2);
  });

  it('stores the weights held back for their unit check at each checkpoint, so a resume loses none', async () => {
    // Prepare: weights are held until two other readings of the patient can vouch for their unit
    // (unit-suspects.ts); three per patient, spread so that each checkpoint falls amid a series.
    const weightKey = keyLayout.raw('resume-weights', 'b1', 'weights.ndjson');
    const weight = (id: string, patientId: string, day: number, kg: number) => ({
      ...heartRate(id, patientId, `2026-03-${String(1 + day).padStart(2, '0')}T09:00:00Z`),
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] },
      valueQuantity: { value: kg, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    });
    const records = Array.from({ length: 50 }, (_, p) => [
      patient(`w${p}`),
      ...[0, 1, 2].map((o) => weight(`w${p}-${o}`, `w${p}`, o * 7, 70 + p / 10 + o / 10)),
    ]).flat();
    // One mislabel the series shows: patient w10's third weight sent in kg but labelled lb.
    const slip = records.findIndex((r) => r.id === 'w10-2');
    records[slip] = {
      ...records[slip]!,
      valueQuantity: {
        value: 71.2,
        unit: 'lb',
        system: 'http://unitsofmeasure.org',
        code: '[lb_av]',
      },
    } as (typeof records)[number];
    await stack.deps.objects.put('raw', weightKey, ndjson(...records));
    const input = { key: weightKey, etag: 'v1', checkpointEvery: 30 };
    const first = flakyTable(stack.deps.serving, 120);
    await expect(ingestFile({ ...stack.deps, serving: first }, input)).rejects.toThrow('throttled');
    // Act
    const report = await ingestFile(
      { ...stack.deps, serving: flakyTable(stack.deps.serving, Number.POSITIVE_INFINITY) },
      input,
    );
    // Assess: every line accounted for once, the mislabel quarantined, every other weight stored once.
    expect(report.resumedAfterLine).toBeGreaterThanOrEqual(30);
    expect(report.records.accepted + report.records.repaired + report.records.rejected).toBe(200);
    expect(report.errors).toEqual([
      {
        line: slip + 1,
        path: 'valueQuantity.code',
        reason: expect.stringContaining('unit suspected wrong: body weight'),
      },
    ]);
    const curated = await stack.deps.objects.list('curated', 'curated/resume-weights/');
    const stored: string[] = [];
    for (const o of curated)
      stored.push(...(await stack.deps.objects.getText('curated', o.key))!.trim().split('\n'));
    expect(stored).toHaveLength(199);
    expect(stored.filter((l) => l.includes('"29463-7"'))).toHaveLength(149);
  });
});
