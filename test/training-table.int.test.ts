// Integration: the retraining job's labelled table, built against the embedded stack's real S3
// (s3rver through the S3 adapter): a hospital's raw.csv joined with its labels, rejected label rows
// listed with their lines, nothing written when no label matches, an earlier table kept whole when
// reading fails part-way; and `caregraph features --training` end to end.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyLayout } from '../shared/config/resources';
import { NotFoundError, ValidationError } from '../shared/domain/errors';
import { featureFiles } from '../shared/domain/features/build';
import { featureSpecVersion } from '../shared/domain/features/spec';
import {
  buildTrainingTable,
  type TrainingTableRequest,
} from '../shared/domain/features/training-table';
import { buildFeatureSet } from '../shared/domain/features/build';
import { deriveLabels } from '../shared/domain/features/derived-labels';
import { pseudonymousId } from '../shared/domain/serving/records';
import type { ObjectStore } from '../shared/ports/object-store';
import { runCommand } from '../local/cli/io';
import { featuresCommand } from '../local/cli/commands/features';
import { captureProcessOutput } from './helpers/stack-contents';
import { ndjson, patient, startTestStack, type TestStack } from './helpers/stack';

const hospital = 'north';
const rawKey = keyLayout.features(hospital, featureSpecVersion, featureFiles.rawTable);
const rawCsv = [
  'patient,age_years,systolic_bp,sex',
  'p1,54,132.5,female',
  'p2,61,,male',
  'p3,47,118,"female"',
  'p4,70,150,male',
].join('\n');
const labels = (text: string) => Readable.from([text]);
const request = (text: string, over: Partial<TrainingTableRequest> = {}): TrainingTableRequest => ({
  hospital,
  labels: labels(text),
  labelsName: 'labels.csv',
  label: 'outcome',
  key: 'features/training/cvd-risk.csv',
  ...over,
});

describe('Use case: buildTrainingTable (embedded S3)', () => {
  let stack: TestStack;
  const text = async (key: string) => stack.deps.objects.getText('curated', key);

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.deps.objects.put('curated', rawKey, rawCsv, 'text/csv');
  });
  afterAll(async () => stack?.stop());

  it('joins the labels by patient and lists every unusable label row with its line and reason', async () => {
    // Arrange: p1 and p2 labelled; then an unknown patient, a duplicate, a bad value, no patient.
    const file = [
      'outcome,patient,note',
      '1,p1,first',
      '0,p2,',
      '1,p9,',
      '0,p1,again',
      'yes,p3,',
      '1,,',
    ].join('\n');
    // Act
    const report = await buildTrainingTable(stack.deps, request(file));
    // Assess
    expect(report).toMatchObject({ rows: 2, positives: 1, unlabelled: 2, label: 'outcome' });
    expect(await text('features/training/cvd-risk.csv')).toBe(
      [
        'patient,age_years,systolic_bp,sex,outcome',
        'p1,54,132.5,female,1',
        'p2,61,,male,0',
        '',
      ].join('\n'),
    );
    expect(report.rejected).toEqual([
      { line: 4, reason: 'patient not in the feature set of hospital north' },
      { line: 5, reason: 'patient already labelled on line 2' },
      { line: 6, reason: '"outcome" is not 0 or 1' },
      { line: 7, reason: 'no patient id' },
    ]);
    expect(await text('features/training/cvd-risk.rejected.csv')).toBe(
      [
        'line,reason',
        '4,patient not in the feature set of hospital north',
        '5,patient already labelled on line 2',
        '6,"""outcome"" is not 0 or 1"',
        '7,no patient id',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing to the key when no label matches, and says where the rejected rows are', async () => {
    // Arrange: a good table is already there.
    await buildTrainingTable(stack.deps, request('patient,outcome\np1,1\np4,0\n'));
    const before = await text('features/training/cvd-risk.csv');
    // Act
    const failing = buildTrainingTable(stack.deps, request('patient,outcome\nzz,1\n'));
    // Assess
    await expect(failing).rejects.toThrow(ValidationError);
    await expect(
      buildTrainingTable(stack.deps, request('patient,outcome\nzz,1\n')),
    ).rejects.toThrow(
      /no label matched a patient of hospital north's feature set \(1 rejected, listed in features\/training\/cvd-risk\.rejected\.csv\); nothing was written/,
    );
    expect(await text('features/training/cvd-risk.csv')).toBe(before);
    expect(before).toContain('p4,70,150,male,0');
  });

  it('keeps an earlier table whole when raw.csv cannot be read to the end', async () => {
    // Arrange: the first read (which labels match) succeeds; the second fails after its first chunk.
    const built = await buildTrainingTable(stack.deps, request('patient,outcome\np1,1\np2,0\n'));
    expect(built.specKey).toBe('features/training/cvd-risk.csv.spec.json');
    const before = await text('features/training/cvd-risk.csv');
    const specBefore = await text('features/training/cvd-risk.csv.spec.json');
    let reads = 0;
    const flaky: ObjectStore = {
      ...stack.deps.objects,
      getStream: async (bucket, key) => {
        const real = await stack.deps.objects.getStream(bucket, key);
        if (++reads < 2) return real;
        return Readable.from(
          (async function* () {
            yield 'patient,age_years,systolic_bp,sex\np1,54,132.5,female\n';
            throw new Error('connection reset');
          })(),
        );
      },
      put: stack.deps.objects.put.bind(stack.deps.objects),
      putStream: stack.deps.objects.putStream.bind(stack.deps.objects),
      head: stack.deps.objects.head.bind(stack.deps.objects),
      getText: stack.deps.objects.getText.bind(stack.deps.objects),
    };
    // Act
    const failing = buildTrainingTable(
      { objects: flaky },
      request('patient,outcome\np1,0\np2,0\np4,1\n'),
    );
    // Assess: the table and the document naming its spec and digest, both as they were.
    await expect(failing).rejects.toThrow(/connection reset/);
    expect(await text('features/training/cvd-risk.csv')).toBe(before);
    expect(await text('features/training/cvd-risk.csv.spec.json')).toBe(specBefore);
    expect(JSON.parse(specBefore!)).toMatchObject({
      featureSpec: featureSpecVersion,
      sha256: createHash('sha256').update(before!).digest('hex'),
      rows: 2,
      label: 'outcome',
    });
  });

  it('fails, rather than waits, when the upload of a large table stops part-way', async () => {
    // Arrange: 3,000 labelled patients (more than the stream's buffer), and an upload that reads
    // nothing and fails (as S3 throttling would end it).
    const big = 'big';
    const ids = Array.from({ length: 3000 }, (_, i) => `q${i}`);
    await stack.deps.objects.put(
      'curated',
      keyLayout.features(big, featureSpecVersion, featureFiles.rawTable),
      ['patient,age_years,systolic_bp,sex', ...ids.map((id) => `${id},50,120.5,female`)].join('\n'),
    );
    const failing: ObjectStore = Object.assign(Object.create(stack.deps.objects) as ObjectStore, {
      putStream: () =>
        new Promise<void>((_, reject) => setTimeout(() => reject(new Error('SlowDown')), 20)),
    });
    // Act
    const result = buildTrainingTable(
      { objects: failing },
      request(['patient,outcome', ...ids.map((id) => `${id},0`)].join('\n'), { hospital: big }),
    );
    // Assess
    await expect(result).rejects.toThrow('SlowDown');
  });

  it('refuses a label that is a feature name, a labels file without its columns, and a bad key', async () => {
    await expect(
      buildTrainingTable(stack.deps, request('patient,sex\np1,1\n', { label: 'sex' })),
    ).rejects.toThrow(/"sex" is a feature's name/);
    await expect(buildTrainingTable(stack.deps, request('id,outcome\np1,1\n'))).rejects.toThrow(
      /labels\.csv: line 1: no "patient" column/,
    );
    await expect(buildTrainingTable(stack.deps, request('patient,y\np1,1\n'))).rejects.toThrow(
      /labels\.csv: line 1: no "outcome" column/,
    );
    await expect(buildTrainingTable(stack.deps, request(''))).rejects.toThrow(/empty/);
    for (const key of ['models/x.csv', 'features/training/x.json', 'features/a b.csv'])
      await expect(
        buildTrainingTable(stack.deps, request('patient,outcome\n', { key })),
      ).rejects.toThrow(/--key must be a \.csv key under features\//);
  });

  it('asks for the feature set first when the hospital has none', async () => {
    await expect(
      buildTrainingTable(stack.deps, request('patient,outcome\np1,1\n', { hospital: 'south' })),
    ).rejects.toThrow(NotFoundError);
  });

  it('runs as `caregraph features --training` and prints what it wrote and rejected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caregraph-labels-'));
    const file = join(dir, 'labels.csv');
    writeFileSync(file, 'patient,readmitted\np3,1\np4,0\np8,1\n');
    const output = captureProcessOutput();
    let code: number;
    try {
      code = await runCommand(featuresCommand, [
        '--training',
        '--labels',
        file,
        '--label',
        'readmitted',
        '--key',
        'features/training/readmission.csv',
        '--hospital',
        hospital,
        '--endpoint',
        stack.endpoints.api,
      ]);
    } finally {
      output.restore();
    }
    expect(code).toBe(0);
    expect(output.text()).toMatch(
      /wrote 2 labelled patients of north \(1 positive, 50\.0%\) to curated features\/training\/readmission\.csv/,
    );
    expect(output.text()).toMatch(/line 4: patient not in the feature set of hospital north/);
    expect(await text('features/training/readmission.csv')).toBe(
      'patient,age_years,systolic_bp,sex,readmitted\np3,47,118,female,1\np4,70,150,male,0\n',
    );
    // Usage errors exit 2; a labels file that cannot be read is named.
    expect(await runCommand(featuresCommand, ['--training'])).toBe(2);
    expect(await runCommand(featuresCommand, ['--build', '--labels', file])).toBe(2);
    expect(
      await runCommand(featuresCommand, ['--training', '--labels', join(dir, 'none.csv')]),
    ).toBe(2);
  });
});

describe('Use case: deriveLabels (records of the embedded stack)', () => {
  // Index 2023-01-01 (the feature set's date), horizon 730 days: the window ends 2025-01-01 and
  // follow-up counts from a record on or after 2024-01-02.
  const east = 'east';
  let stack: TestStack;
  const ref = (id: string) => ({ subject: { reference: `Patient/${id}` } });
  const condition = (id: string, who: string, icd: string, onset: string, refuted = false) => ({
    resourceType: 'Condition',
    id,
    ...ref(who),
    clinicalStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
      ],
    },
    verificationStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
          code: refuted ? 'refuted' : 'confirmed',
        },
      ],
    },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: icd }] },
    onsetDateTime: onset,
  });
  const encounter = (id: string, who: string, day: string) => ({
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    ...ref(who),
    period: { start: `${day}T09:00:00Z`, end: `${day}T09:30:00Z` },
  });

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw(east, 'b1', 'records.ndjson'),
      ndjson(
        ...['mi', 'prior', 'well', 'lost', 'late', 'refuted'].map((id) =>
          patient(id, { birthDate: '1960-05-05' }),
        ),
        // Everyone was in care before both index dates the tests use (2022-06-01 and 2023-01-01):
        // a patient with no record by the index date is not labelled (noRecordByIndex).
        ...['mi', 'prior', 'well', 'lost', 'late', 'refuted'].map((id) =>
          encounter(`baseline-${id}`, id, '2022-01-15'),
        ),
        condition('c1', 'mi', 'I21.4', '2024-03-10'), // in the window: positive
        condition('c2', 'prior', 'I63.9', '2021-07-01'), // before the index: excluded
        condition('c3', 'prior', 'I21.9', '2024-02-01'),
        encounter('e1', 'well', '2024-11-20'), // no event, seen in the window's last year: negative
        encounter('e2', 'lost', '2023-03-01'), // no event, last seen early: excluded
        encounter('e3', 'late', '2024-06-01'),
        condition('c4', 'late', 'I21.9', '2025-02-01'), // after the window: negative
        encounter('e4', 'refuted', '2024-12-01'),
        condition('c5', 'refuted', 'I21.9', '2024-05-01', true), // refuted: no event
      ),
    );
    await stack.settled();
    await buildFeatureSet(stack.deps, east, new Date('2023-01-01T00:00:00Z'));
  });
  afterAll(async () => stack?.stop());

  it('labels first events in the window, and excludes prevalent disease and short follow-up', async () => {
    // Act
    const labels = await deriveLabels(stack.deps, east, {
      outcome: 'hard-ascvd',
      horizonDays: 731,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    // Assess
    const id = (p: string) => pseudonymousId(stack.deps.keys, east, 'Patient', p);
    const rows = new Map(
      labels.csv
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',') as [string, string]),
    );
    expect(rows.get(await id('mi'))).toBe('1');
    expect(rows.get(await id('well'))).toBe('0');
    expect(rows.get(await id('late'))).toBe('0');
    expect(rows.get(await id('refuted'))).toBe('0');
    expect(rows.has(await id('prior'))).toBe(false);
    expect(rows.has(await id('lost'))).toBe(false);
    expect(labels).toMatchObject({
      index: '2023-01-01',
      end: '2025-01-01',
      patients: 6,
      positives: 1,
      negatives: 3,
      excluded: { prevalent: 1, shortFollowUp: 1, notYetBorn: 0, noRecordByIndex: 0 },
    });
    expect(labels.definition).toMatch(/Goff 2013/);
    expect(await stack.deps.objects.getText('curated', labels.key)).toBe(labels.csv);
    expect(labels.key).toBe(
      keyLayout.features(east, featureSpecVersion, 'labels-hard-ascvd-731d.csv'),
    );
  });

  it('refuses a window that has not ended, and a hospital without a feature set', async () => {
    await expect(
      deriveLabels(stack.deps, east, {
        outcome: 'hard-ascvd',
        horizonDays: 731,
        now: new Date('2024-12-31T00:00:00Z'),
      }),
    ).rejects.toThrow(/the window ends 2025-01-01, after today/);
    await expect(
      deriveLabels(stack.deps, 'west', {
        outcome: 'hard-ascvd',
        horizonDays: 365,
        now: new Date('2026-01-01T00:00:00Z'),
      }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      deriveLabels(stack.deps, east, {
        outcome: 'hard-ascvd',
        horizonDays: 7,
        now: new Date('2026-01-01T00:00:00Z'),
      }),
    ).rejects.toThrow(/--horizon-days/);
  });

  it('runs as `caregraph features --training --derive hard-ascvd` into the table', async () => {
    const output = captureProcessOutput();
    let code: number;
    try {
      code = await runCommand(featuresCommand, [
        ...['--training', '--derive', 'hard-ascvd', '--horizon-days', '731'],
        ...['--hospital', east, '--key', 'features/training/east.csv'],
        ...['--endpoint', stack.endpoints.api],
      ]);
    } finally {
      output.restore();
    }
    expect(code).toBe(0);
    expect(output.text()).toMatch(
      /labels: hard ASCVD event .*, 2023-01-01 to 2025-01-01: 1 positive, 3 negative of 6 patients; excluded 1 with an event by 2023-01-01, 1 without follow-up, 0 born after 2023-01-01, 0 with no record by 2023-01-01 /,
    );
    expect(output.text()).toMatch(/wrote 4 labelled patients of east \(1 positive, 25\.0%\)/);
    const table = (await stack.deps.objects.getText('curated', 'features/training/east.csv'))!;
    expect(table.split('\n')[0]).toMatch(/^patient,.*,outcome$/);
    expect(table.trim().split('\n')).toHaveLength(5);
    expect(await runCommand(featuresCommand, ['--training', '--derive', 'stroke'])).toBe(2);
    expect(await runCommand(featuresCommand, ['--training', '--derive', 'hard-ascvd'])).toBe(2);
    const words = ['--training', '--derive', 'hard-ascvd', '--horizon-days', 'two years'];
    expect(await runCommand(featuresCommand, words)).toBe(2);
  });

  it('builds and labels a named set with --set, leaving the current set as it was', async () => {
    // Arrange: the current set (built at 2023-01-01 above) and its first vector line.
    const currentRaw = keyLayout.features(east, featureSpecVersion, featureFiles.raw);
    const current = await stack.deps.objects.getText('curated', currentRaw);
    const endpoint = ['--hospital', east, '--endpoint', stack.endpoints.api];
    const output = captureProcessOutput();
    let codes: number[];
    try {
      // Act: a set at 2022-06-01, then the table from it.
      codes = [
        await runCommand(featuresCommand, [
          ...['--build', '--at', '2022-06-01', '--set', 'retro', ...endpoint],
        ]),
        await runCommand(featuresCommand, [
          ...['--training', '--derive', 'hard-ascvd', '--horizon-days', '731', '--set', 'retro'],
          ...['--key', 'features/training/retro.csv', ...endpoint],
        ]),
        await runCommand(featuresCommand, ['--patient', 'x', '--set', 'retro', ...endpoint]),
        await runCommand(featuresCommand, ['--build', '--set', 'Retro', ...endpoint]),
      ];
    } finally {
      output.restore();
    }
    // Assess: the window runs from the named set's date; the current set is untouched.
    expect(codes).toEqual([0, 0, 2, 1]); // a bad slug is a ValidationError, as for --hospital
    expect(output.text()).toMatch(/labels: hard ASCVD event .*, 2022-06-01 to 2024-06-01/);
    expect(output.text()).toMatch(/--set goes with --build or --training/);
    expect(
      await stack.deps.objects.head(
        'curated',
        keyLayout.features(east, featureSpecVersion, 'sets/retro/labels-hard-ascvd-731d.csv'),
      ),
    ).toBeTruthy();
    expect(await stack.deps.objects.getText('curated', currentRaw)).toBe(current);
  });
});
