import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../../shared/domain/errors';
import { runCommand } from '../io';
import { bundleResources, recommendCommand, recommendCommandWith } from './recommend';
import {
  allergy,
  condition,
  icd,
  loinc,
  observation,
  patient,
} from '../../../shared/domain/recommend/patient.testkit';

const child = [
  patient({ age: 3, sex: 'male' }),
  condition(icd.otitisMedia, '65363002', '2025-05-30'),
  observation(loinc.weight, 15, 'kg', 2),
  allergy('Penicillin', 'Rash', '764146007'),
];
const bundle = (resources: unknown[]) =>
  JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({ resource })),
  });

describe('Command: recommend', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caregraph-recommend-'));
  afterEach(() => vi.restoreAllMocks());

  it('prints one JSON report for a Bundle, options proposed and the allergen blocked', async () => {
    const file = join(dir, 'child.json');
    writeFileSync(file, bundle(child));
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(
      (chunk) => (written.push(String(chunk)), true),
    );
    const code = await runCommand(recommendCommand, [
      '--bundle',
      file,
      '--at',
      '2025-06-01',
      '--json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(written.join(''));
    expect(report.status).toBe('proposed');
    const aom = report.recommendations.find((r: { topic: string }) => r.topic === 'otitis-media');
    expect(aom.options.at(-1)).toMatchObject({ blocked: true, drugs: [{ drug: 'amoxicillin' }] });
  });

  it('says once that a creatinine is too old', async () => {
    // Prepare: an adult whose only creatinine is 200 days old
    const file = join(dir, 'stale-creatinine.json');
    writeFileSync(
      file,
      bundle([
        patient({ age: 60, sex: 'female' }),
        observation(loinc.creatinine, 0.8, 'mg/dL', 200),
      ]),
    );
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(
      (chunk) => (written.push(String(chunk)), true),
    );
    // Act
    const code = await runCommand(recommendCommand, [
      '--bundle',
      file,
      '--at',
      '2025-06-01',
      '--json',
    ]);
    // Assess
    expect(code).toBe(0);
    const creatinine = (JSON.parse(written.join('')) as { missing: string[] }).missing.find((m) =>
      m.startsWith('creatinine:'),
    );
    expect(creatinine).toMatch(
      /^creatinine: \S+ \d{4}-\d{2}-\d{2} \(200 d old\) is older than 90 days; /,
    );
  });

  it('uses the injected fetcher for --patient', async () => {
    const fetchPatient = vi.fn(async () => child as never);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await runCommand(recommendCommandWith({ fetchPatient }), [
      '--patient',
      'p1',
      '--at',
      '2025-06-01',
    ]);
    expect(code).toBe(0);
    expect(fetchPatient).toHaveBeenCalledWith({ patientId: 'p1', hospital: 'demo-general' });
  });

  it('reads --patient from the hospital and stack that --hospital, --endpoint and --data-dir name', async () => {
    // Prepare
    const fetchPatient = vi.fn(async () => child as never);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const command = recommendCommandWith({ fetchPatient });
    // Act
    const code = await runCommand(command, [
      ...['--patient', 'p1', '--hospital', 'riverside', '--at', '2025-06-01'],
      ...['--endpoint', 'http://127.0.0.1:3999', '--data-dir', '/srv/caregraph'],
    ]);
    // Assess
    expect(code).toBe(0);
    expect(fetchPatient).toHaveBeenCalledWith({
      patientId: 'p1',
      hospital: 'riverside',
      endpoint: 'http://127.0.0.1:3999',
      dataDir: '/srv/caregraph',
    });
    expect(command.usage).toMatch(
      /--hospital +the patient's hospital slug \(default demo-general\)/,
    );
  });

  it('refuses a --hospital that is not a slug, naming the flag', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const fetchPatient = vi.fn(async () => child as never);
    const code = await runCommand(recommendCommandWith({ fetchPatient }), [
      ...['--patient', 'p1', '--hospital', 'River Side'],
    ]);
    expect(code).toBe(1);
    expect(fetchPatient).not.toHaveBeenCalled();
    expect(String(stderr.mock.calls.at(-1)?.[0])).toMatch(
      /--hospital "River Side" must be a lowercase slug/,
    );
  });

  it('exits 2 without --bundle or --patient and 1 on a Bundle with two patients', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runCommand(recommendCommand, [])).toBe(2);
    const file = join(dir, 'two.json');
    writeFileSync(
      file,
      bundle([patient({ age: 3, sex: 'male' }), patient({ id: 'p2', age: 4, sex: 'male' })]),
    );
    expect(await runCommand(recommendCommand, ['--bundle', file])).toBe(1);
    expect(String(stderr.mock.calls.at(-1)?.[0])).toMatch(/expected exactly one Patient, found 2/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the entry that has no resource', () => {
    expect(() => bundleResources('{"resourceType":"Bundle","entry":[{}]}', 'b.json')).toThrow(
      ValidationError,
    );
    expect(() => bundleResources('{"resourceType":"Bundle","entry":[{}]}', 'b.json')).toThrow(
      /entry\[0\]/,
    );
  });
});
