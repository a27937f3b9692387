import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { readFileSync } from 'node:fs';
import { runCommand, UsageError } from '../io';
import { createRiskCommand, riskCommand } from './risk';

// A small synthetic FHIR Bundle (one adult woman with AF, vitals on the morning of 2024-06-01).
const bundleFile = fileURLToPath(
  new URL('../../../shared/domain/risk/fixtures/adult-bundle.json', import.meta.url),
);

describe('Command: risk', () => {
  let stdout: MockInstance;
  let stderr: MockInstance;
  const printed = () => stdout.mock.calls.map((c) => String(c[0])).join('');

  beforeEach(() => {
    stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints the contract JSON for a score computed from a Bundle', async () => {
    // Act
    const code = await riskCommand.run([
      'news2',
      '--bundle',
      bundleFile,
      '--at',
      '2024-06-01T12:00:00Z',
      '--json',
    ]);
    // Assess
    expect(code).toBe(0);
    const result = JSON.parse(printed());
    expect(result).toMatchObject({
      score: 'news2',
      value: 6,
      unit: '{score}',
      category: 'medium',
      missing: [],
      applicable: true,
    });
    expect(result.inputs.find((i: { name: string }) => i.name === 'temperature')).toMatchObject({
      unit: 'Cel',
    });
  });

  it('prints one readable line with the points so far and the missing inputs', async () => {
    await riskCommand.run(['findrisc', '--bundle', bundleFile, '--at', '2024-06-01']);
    expect(printed()).toBe(
      'findrisc: 6 points; not applicable; incomplete (missing waist, physicallyActive, dailyFruitVegetables, familyHistory): points are a lower bound, at most 18 with them\n',
    );
  });

  it('computes a score from named --input values', async () => {
    await riskCommand.run(['gad7', '--input', '{"total": 11}']);
    expect(printed()).toBe('gad7: 11 points (moderate)\n');
  });

  it('fetches a stored patient through the injected function', async () => {
    const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as Bundle;
    const fetchPatientResources = vi.fn(async () =>
      (bundle.entry ?? []).map((e) => e.resource as Resource),
    );
    const command = createRiskCommand(fetchPatientResources);
    await command.run([
      'cha2ds2-vasc',
      '--patient',
      'p1',
      '--endpoint',
      'http://127.0.0.1:1',
      '--at',
      '2024-06-01',
      '--json',
    ]);
    expect(fetchPatientResources).toHaveBeenCalledWith(
      'p1',
      'http://127.0.0.1:1',
      undefined,
      'demo-general',
    );
    expect(JSON.parse(printed())).toMatchObject({ value: 2, category: 'moderate' });
  });

  it('fails with exit 1 and a clear reason for --patient when no stack runs', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'caregraph-risk-'));
    const code = await runCommand(riskCommand, ['bmi', '--patient', 'p1', '--data-dir', emptyDir]);
    expect(code).toBe(1);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/no running stack: .*stack\.json not found/);
  });

  it('treats a missing source, two sources or an unknown score as usage errors (exit 2)', async () => {
    await expect(riskCommand.run(['news2'])).rejects.toThrow(UsageError);
    await expect(
      riskCommand.run(['news2', '--input', '{}', '--bundle', bundleFile]),
    ).rejects.toThrow(/exactly one/);
    expect(await runCommand(riskCommand, ['framingham', '--input', '{}'])).toBe(2);
    expect(await runCommand(riskCommand, ['bmi', '--input', '{}', '--at', 'yesterday'])).toBe(2);
  });

  it('fails with exit 1 naming the field for bad input', async () => {
    expect(await runCommand(riskCommand, ['phq9', '--input', '{"total": 30}'])).toBe(1);
    expect(String(stderr.mock.calls[0]?.[0])).toBe(
      'caregraph risk: total must be a number from 0 to 27\n',
    );
    expect(await runCommand(riskCommand, ['phq9', '--input', '{total'])).toBe(1);
    expect(String(stderr.mock.calls[1]?.[0])).toMatch(/--input is not valid JSON/);
  });

  it('documents every score and its inputs in the usage text', () => {
    expect(riskCommand.usage).toMatch(/ascvd-pce: ACC\/AHA Pooled Cohort Equations/);
    expect(riskCommand.usage).toMatch(/totalCholesterol \(mg\/dL\): total cholesterol/);
    expect(riskCommand.usage).toMatch(/bmi-for-age:/);
  });
});
