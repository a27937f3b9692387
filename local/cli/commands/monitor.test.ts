// Tests (CLI): `caregraph monitor --bundle` chooses the NEWS2 SpO2 scale from the record, as the
// monitor function does, unless --spo2-scale says otherwise.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FhirJson } from '../../../shared/domain/ingest/source-record';
import { news2Scorer } from '../../../shared/domain/monitoring/news2-scorer';
import {
  bloodPressurePanel,
  hypercapnicFailure,
  vital,
} from '../../../shared/domain/monitoring/observations.fixture';
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

  it('uses --doses named as `reminders plan` names the medication, and lists what it could not use', async () => {
    // Prepare: lisinopril by RxNorm, BP 142/88 for 4 weeks, 12 of 30 doses acknowledged under the
    // display name, 5 more by its medicationKey and 5 under a drug the record does not hold; a
    // glucose coded 'mg/dl' and one
    // without a unit.
    const rxnorm = 'http://www.nlm.nih.gov/research/umls/rxnorm';
    const resources: FhirJson[] = [
      { resourceType: 'Patient', id: 'p1', birthDate: '1960-01-01' },
      {
        resourceType: 'MedicationRequest',
        id: 'm1',
        status: 'active',
        intent: 'order',
        subject: { reference: 'Patient/p1' },
        authoredOn: '2026-01-05',
        medicationCodeableConcept: {
          coding: [{ system: rxnorm, code: '314076', display: 'lisinopril 10 MG Oral Tablet' }],
        },
      },
      ...['2026-03-05', '2026-03-12', '2026-03-20', '2026-03-28'].map((d, i) =>
        bloodPressurePanel(`bp${i}`, `${d}T08:00:00Z`, 142, 88),
      ),
      vital('s3', '2026-03-28T08:00:00Z', '8480-6', 142, 'mm[Hg]'),
      {
        ...vital('g1', '2026-03-31T07:00:00Z', '2345-7', 48, 'mg/dL'),
        valueQuantity: { value: 48, unit: 'mg/dl', code: 'mg/dl' },
      },
      {
        ...vital('g2', '2026-03-31T08:00:00Z', '2345-7', 48, 'mg/dL'),
        valueQuantity: { value: 4 },
      },
    ];
    const bundle = join(dir, 'bundle.json');
    writeFileSync(
      bundle,
      JSON.stringify({
        resourceType: 'Bundle',
        entry: resources.map((resource) => ({ resource })),
      }),
    );
    const doses = join(dir, 'doses.jsonl');
    const line = (medication: string, day: number, outcome: string) =>
      JSON.stringify({
        medication,
        scheduledAt: `2026-03-${String(day).padStart(2, '0')}T08:00:00+00:00`,
        outcome,
      });
    writeFileSync(
      doses,
      [
        ...Array.from({ length: 30 }, (_, i) =>
          line('lisinopril 10 MG Oral Tablet', i + 1, i < 12 ? 'taken' : 'missed'),
        ),
        ...Array.from({ length: 5 }, (_, i) => line('metformin 500 mg', i + 1, 'taken')),
        // Named by the record's key: counted as lisinopril whatever the name says.
        ...Array.from({ length: 5 }, (_, i) =>
          JSON.stringify({
            ...(JSON.parse(line('ACE pill', i + 1, 'taken')) as object),
            medicationKey: `${rxnorm}|314076`,
          }),
        ),
      ].join('\n'),
    );
    const command = makeMonitorCommand();
    const args = ['--bundle', bundle, '--doses', doses, '--at', '2026-03-31T12:00:00Z'];
    // Act
    expect(await runCommand(command, [...args, '--json'])).toBe(0);
    const report = JSON.parse(stdout.join('')) as {
      suggestions: { kind: string }[];
      alerts: { rule: string; severity: string }[];
      dropped: { observationId: string; reason: string }[];
    };
    stdout = [];
    expect(await runCommand(command, args)).toBe(0);
    const text = stdout.join('');
    // Assess
    expect(report.suggestions.map((x) => x.kind)).toEqual(['address-adherence']);
    expect(report.alerts.find((a) => a.rule === 'hypoglycaemia')).toMatchObject({
      severity: 'urgent',
    });
    expect(report.dropped.map((d) => d.observationId)).toEqual(['g2', 's3']);
    expect(text).toContain('lisinopril 10 MG Oral Tablet: 17 of 35 doses taken (49 %)');
    expect(text).toContain(
      'not used for the plan: metformin 500 mg (5 doses): names no medication of the record',
    );
    expect(text).toContain('Observation g2 valueQuantity.unit: unit is required for LOINC 2345-7');
    expect(text).toContain('repeated measurements counted once: 1');
  });
});
