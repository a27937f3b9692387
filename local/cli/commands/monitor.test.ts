// Tests (CLI): `caregraph monitor --bundle` chooses the NEWS2 SpO2 scale from the record, as the
// monitor function does, unless --spo2-scale says otherwise.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FhirJson } from '../../../shared/domain/ingest/source-record';
import { news2Scorer } from '../../../shared/domain/monitoring/news2-scorer';
import { hypercapnicFailure, vital } from '../../../shared/domain/monitoring/observations.fixture';
import { runCommand } from '../io';
import { makeMonitorCommand } from './monitor';

const at = '2026-03-10T08:00:00Z';
/** An adult on oxygen at SpO2 98 %, otherwise normal: NEWS2 2 on scale 1, 5 on scale 2 (RCP 2017). */
const onOxygenAt98: FhirJson[] = [
  { resourceType: 'Patient', id: 'p1', birthDate: '1950-01-01' },
  vital('spo2', at, '59408-5', 98, '%'),
  vital('o2', at, '3151-8', 2, 'L/min'),
  vital('rr', at, '9279-1', 18, '/min'),
  vital('sbp', at, '8480-6', 120, 'mm[Hg]'),
  vital('hr', at, '8867-4', 80, '/min'),
  vital('temp', at, '8310-5', 37, 'Cel'),
];

describe('Command: caregraph monitor', () => {
  let dir: string;
  let stdout: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-cli-'));
    stdout = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  async function news2Reason(resources: FhirJson[], flags: string[] = []): Promise<string> {
    const file = join(dir, 'bundle.json');
    const entry = resources.map((resource) => ({ resource }));
    writeFileSync(file, JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry }));
    stdout = [];
    const command = makeMonitorCommand({ news2: news2Scorer });
    const code = await runCommand(command, [
      '--bundle',
      file,
      '--at',
      '2026-03-10T08:05:00Z',
      '--json',
      ...flags,
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout.join('')) as { alerts: { rule: string; reason: string }[] };
    return report.alerts.find((a) => a.rule === 'news2')?.reason ?? 'no NEWS2 alert';
  }

  it('scores SpO2 on scale 2 for recorded hypercapnic respiratory failure, and on scale 1 without it', async () => {
    expect(await news2Reason([...onOxygenAt98, hypercapnicFailure()])).toMatch(/^NEWS2 5 /);
    expect(await news2Reason(onOxygenAt98)).toMatch(/^NEWS2 2 /);
  });

  it('reads --patient from the hospital and stack that --hospital, --endpoint and --data-dir name', async () => {
    // Prepare
    const fetchPatientResources = vi.fn(async () => onOxygenAt98);
    const command = makeMonitorCommand({ news2: news2Scorer, fetchPatientResources });
    // Act
    const defaults = await runCommand(command, ['--patient', 'p1', '--json']);
    const named = await runCommand(command, [
      ...['--patient', 'p1', '--hospital', 'riverside', '--json'],
      ...['--endpoint', 'http://127.0.0.1:3999', '--data-dir', dir],
    ]);
    // Assess
    expect([defaults, named]).toEqual([0, 0]);
    expect(fetchPatientResources.mock.calls).toEqual([
      [{ patientId: 'p1', hospital: 'demo-general' }],
      [{ patientId: 'p1', hospital: 'riverside', endpoint: 'http://127.0.0.1:3999', dataDir: dir }],
    ]);
  });

  it('uses --spo2-scale when given', async () => {
    expect(
      await news2Reason([...onOxygenAt98, hypercapnicFailure()], ['--spo2-scale', '1']),
    ).toMatch(/^NEWS2 2 /);
  });
});
