// Integration: the scheduled SageMaker Processing job (training/features-job.ts) against the embedded
// stack, configured the way the container is (environment -> loadConfig -> the composition root's
// AWS SDK v3 adapters, here pointed at s3rver and dynalite): each hospital's current feature set and
// case index, one hospital's failure not stopping the others, the derived training table built from
// a retrospective set that leaves what the API serves alone, and the exit message SageMaker shows.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envNames } from '../shared/config/config';
import { keyLayout } from '../shared/config/resources';
import { featureFiles, featureKey, featureSetKey } from '../shared/domain/features/build';
import { caseKeys } from '../shared/domain/recommend/case-index';
import { pseudonymousId } from '../shared/domain/serving/records';
import { derivedOutcomes } from '../shared/domain/features/derived-labels';
import { featureSpecVersion } from '../shared/domain/features/spec';
import { trainingHyperparameters } from '../infra/constructs/model-training';
import { featuresJobMain, retrospectiveSet } from '../training/features-job';
import { runTrainingJob, sageMakerPaths } from '../training/train';
import { ndjson, patient, startTestStack, type TestStack } from './helpers/stack';

const ref = (id: string) => ({ subject: { reference: `Patient/${id}` } });
const condition = (id: string, who: string, icd: string, onset: string) => ({
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
      { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' },
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

const a1c = (id: string, who: string, value: number, unit: '%' | 'mmol/mol', day: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: {
    coding: [{ system: 'http://loinc.org', code: unit === '%' ? '4548-4' : '59261-8' }],
  },
  ...ref(who),
  effectiveDateTime: `${day}T09:00:00Z`,
  valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
});

describe('Scheduled features job (SageMaker Processing `features`, embedded stack)', () => {
  let stack: TestStack;
  let dir: string;
  const lines: string[] = [];
  const io = (now: string) => ({
    log: (line: string) => lines.push(line),
    messageFile: join(dir, 'output', 'message'),
    now: () => new Date(now),
  });
  /** The environment the container gets, in local mode: the embedded servers' endpoints. */
  const env = (): NodeJS.ProcessEnv => ({
    [envNames.mode]: 'local',
    [envNames.s3Endpoint]: stack.endpoints.s3,
    [envNames.dynamodbEndpoint]: stack.endpoints.dynamodb,
    [envNames.sparqlEndpoint]: stack.endpoints.sparql,
    [envNames.sagemakerEndpointUrl]: stack.endpoints.model,
    [envNames.dataDir]: stack.dataDir,
  });
  const events = () => lines.map((l) => JSON.parse(l) as { event: string; hospital?: string });
  const message = () => readFileSync(join(dir, 'output', 'message'), 'utf8');
  const id = (hospital: string, p: string) =>
    pseudonymousId(stack.deps.keys, hospital, 'Patient', p);
  const firstLine = async (key: string) =>
    JSON.parse((await stack.deps.objects.getText('curated', key))!.split('\n')[0]!) as {
      at: string;
    };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caregraph-features-job-'));
    stack = await startTestStack();
    // east: the derived-label cases of an index date 2023-01-01 and a 730-day window (to 2024-12-31).
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('east', 'b1', 'records.ndjson'),
      ndjson(
        ...['mi', 'prior', 'well', 'lost', 'late', 'newcomer'].map((p) =>
          patient(p, { birthDate: '1960-05-05' }),
        ),
        // In care before the index date; 'newcomer' is first seen in the window (2024-05-01) and so
        // has no record by the index date: not labelled (noRecordByIndex).
        ...['mi', 'prior', 'well', 'lost', 'late'].map((p) =>
          encounter(`baseline-${p}`, p, '2022-06-01'),
        ),
        encounter('e5', 'newcomer', '2024-05-01'),
        condition('c1', 'mi', 'I21.4', '2024-03-10'), // first event in the window: positive
        condition('c2', 'prior', 'I63.9', '2021-07-01'), // before the index date: excluded
        encounter('e1', 'well', '2024-11-20'), // seen in the window's last year: negative
        encounter('e2', 'lost', '2023-03-01'), // last seen early: excluded (short follow-up)
        encounter('e3', 'late', '2024-06-01'),
        condition('c3', 'late', 'I21.9', '2025-02-01'), // after the window: negative
      ),
    );
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('west', 'b1', 'records.ndjson'),
      ndjson(patient('w1'), patient('w2', { gender: 'male' })),
    );
    // south: new type 2 diabetes over the same window (ADA 2024: coded, or a second HbA1c >= 6.5%).
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('south', 'b1', 'records.ndjson'),
      ndjson(
        ...['coded', 'a1c', 'prior', 'type1', 'well'].map((p) =>
          patient(p, { birthDate: '1970-02-02' }),
        ),
        ...['coded', 'a1c', 'prior', 'type1', 'well'].map((p) =>
          encounter(`baseline-${p}`, p, '2022-06-01'),
        ),
        condition('d1', 'coded', 'E11.9', '2024-02-01'), // coded in the window: positive
        a1c('h1', 'a1c', 52, 'mmol/mol', '2023-06-01'), // IFCC, then NGSP: confirmed, positive
        a1c('h2', 'a1c', 7.0, '%', '2023-09-01'),
        condition('d2', 'prior', 'E11.9', '2021-03-01'), // before the index date: excluded
        condition('d3', 'type1', 'E10.9', '2023-05-01'), // another type: excluded
        a1c('h3', 'well', 5.4, '%', '2024-10-01'), // seen in the last year, no diabetes: negative
      ),
    );
    // both: one hospital's records labelled for both outcomes from one retrospective set.
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('both', 'b1', 'records.ndjson'),
      ndjson(
        ...['mi', 'dm', 'well'].map((p) => patient(p, { birthDate: '1958-08-08' })),
        condition('b1', 'mi', 'I21.4', '2024-03-10'), // hard ASCVD in the window
        condition('b2', 'dm', 'E11.9', '2024-02-01'), // new type 2 diabetes in the window
        ...['mi', 'dm', 'well'].map((p, i) => encounter(`be${i}`, p, '2024-11-20')),
        ...['mi', 'dm', 'well'].map((p) => encounter(`baseline-${p}`, p, '2022-06-01')),
      ),
    );
    // cohort: 16 patients, every other one with a first MI in the window, for a table a model
    // can be trained on.
    const cohort = Array.from({ length: 16 }, (_v, i) => `c${i}`);
    await stack.deps.objects.put(
      'raw',
      keyLayout.raw('cohort', 'b1', 'records.ndjson'),
      ndjson(
        ...cohort.map((p, i) =>
          patient(p, {
            birthDate: `${1940 + i * 2}-03-03`,
            gender: i % 3 === 0 ? 'male' : 'female',
          }),
        ),
        ...cohort.map((p) => encounter(`baseline-${p}`, p, '2022-06-01')),
        ...cohort.map((p, i) =>
          i % 2 === 0
            ? condition(`mi-${p}`, p, 'I21.4', '2024-03-10')
            : encounter(`seen-${p}`, p, '2024-11-20'),
        ),
      ),
    );
    await stack.settled();
  });
  afterAll(async () => stack?.stop());

  it('builds every listed hospital’s current set and case index; a hospital that fails is reported and the rest still run', async () => {
    // Arrange: "empty" has no patients.
    lines.length = 0;
    // Act
    const code = await featuresJobMain(
      ['--hospitals', 'east,empty,west'],
      env(),
      io('2025-01-02T06:00:00Z'),
    );
    // Assess: exit 1 (a step failed), east and west built all the same.
    expect(code).toBe(1);
    const built = events().filter((e) => e.event === 'feature set built');
    expect(built.map((e) => e.hospital)).toEqual(['east', 'west']);
    expect(built[0]).toMatchObject({ patients: 6, at: '2025-01-02T06:00:00.000Z' });
    expect(events().find((e) => e.event === 'feature set failed')).toMatchObject({
      hospital: 'empty',
      reason: 'hospital empty has no patients to build features for',
    });
    expect(message()).toBe(
      '1 step(s) failed:\nfeature set empty: hospital empty has no patients to build features for\n',
    );
    // The serving table has each patient's latest vector and the hospital's case index.
    for (const [hospital, p] of [
      ['east', 'mi'],
      ['west', 'w2'],
    ] as const) {
      const key = featureKey(hospital, await id(hospital, p));
      expect((await stack.deps.serving.get(key.pk, key.sk))?.at).toBe('2025-01-02T06:00:00.000Z');
      const transform = caseKeys.transform(hospital);
      expect(await stack.deps.serving.get(transform.pk, transform.sk)).toBeDefined();
      expect(
        await stack.deps.objects.head('curated', featureSetKey(hospital, featureFiles.rawTable)),
      ).toBeTruthy();
    }
    // Logs carry counts and hospitals, never a patient's pseudonymous id.
    const text = lines.join('\n');
    for (const p of ['mi', 'prior', 'well', 'lost', 'late', 'newcomer'])
      expect(text).not.toContain(await id('east', p));
  });

  it('writes the derived training table from a retrospective set, leaving the served vectors as they were', async () => {
    // Arrange: today 2024-12-31, horizon 730 days: index date 2023-01-01, window to 2024-12-31.
    lines.length = 0;
    const served = featureKey('east', await id('east', 'mi'));
    const before = await stack.deps.serving.get(served.pk, served.sk);
    const cases = caseKeys.transform('east');
    const casesBefore = await stack.deps.serving.get(cases.pk, cases.sk);
    // Act
    const code = await featuresJobMain(
      [
        ...['--training-hospital', 'east', '--derive', 'hard-ascvd', '--horizon-days', '730'],
        ...['--key', 'features/training/cvd-risk.csv', '--label', 'ascvd'],
      ],
      env(),
      io('2024-12-31T01:00:00Z'),
    );
    // Assess: the table, labelled in the training job's column.
    expect(code).toBe(0);
    expect(message()).toBe('every step succeeded\n');
    const table = (await stack.deps.objects.getText('curated', 'features/training/cvd-risk.csv'))!
      .trim()
      .split('\n');
    expect(table[0]!.split(',')[0]).toBe('patient');
    expect(table[0]!.split(',').at(-1)).toBe('ascvd');
    const labels = new Map(table.slice(1).map((row) => [row.split(',')[0], row.split(',').at(-1)]));
    expect(labels).toEqual(
      new Map([
        [await id('east', 'mi'), '1'],
        [await id('east', 'well'), '0'],
        [await id('east', 'late'), '0'],
      ]),
    );
    expect(events().find((e) => e.event === 'labels derived')).toMatchObject({
      index: '2023-01-01',
      end: '2024-12-31',
      positives: 1,
      negatives: 2,
      excluded: { prevalent: 1, shortFollowUp: 1, notYetBorn: 0, noRecordByIndex: 1 },
    });
    // The retrospective set is described at the index date, under sets/retrospective/ ...
    expect((await firstLine(featureSetKey('east', featureFiles.raw, retrospectiveSet))).at).toBe(
      '2023-01-01T00:00:00.000Z',
    );
    expect(
      await stack.deps.objects.head(
        'curated',
        featureSetKey('east', 'labels-hard-ascvd-730d.csv', retrospectiveSet),
      ),
    ).toBeTruthy();
    // ... while the current set and what the API serves still describe 2025-01-02.
    expect((await firstLine(featureSetKey('east', featureFiles.raw))).at).toBe(
      '2025-01-02T06:00:00.000Z',
    );
    expect(await stack.deps.serving.get(served.pk, served.sk)).toEqual(before);
    expect(await stack.deps.serving.get(cases.pk, cases.sk)).toEqual(casesBefore);
  });

  it('writes the feature spec beside the table, which the scheduled training job records in model.json', async () => {
    // Arrange: the weekly table of the retraining schedule.
    lines.length = 0;
    const key = 'features/training/cohort-risk.csv';
    // Act: the features job, then the training job as Scheduler starts it (infra's hyperparameters,
    // the `train` channel holding every object under the table's key, as an S3Prefix channel does).
    const code = await featuresJobMain(
      [
        ...['--training-hospital', 'cohort', '--derive', 'hard-ascvd', '--horizon-days', '730'],
        ...['--key', key, '--label', 'ascvd'],
      ],
      env(),
      io('2024-12-31T01:00:00Z'),
    );
    expect(code).toBe(0);
    const table = (await stack.deps.objects.getText('curated', key))!;
    const spec = JSON.parse((await stack.deps.objects.getText('curated', `${key}.spec.json`))!);
    expect(spec).toEqual({
      featureSpec: featureSpecVersion,
      sha256: createHash('sha256').update(table).digest('hex'),
      bytes: Buffer.byteLength(table),
      rows: 16,
      label: 'ascvd',
    });
    expect(events().find((e) => e.event === 'training table written')).toMatchObject({
      specKey: `${key}.spec.json`,
    });
    const channel = join(dir, 'sm', 'input', 'data', 'train');
    mkdirSync(channel, { recursive: true });
    const copied = await stack.deps.objects.list('curated', key);
    for (const { key: k } of copied)
      writeFileSync(
        join(channel, k.slice(key.lastIndexOf('/') + 1)),
        (await stack.deps.objects.getText('curated', k))!,
      );
    expect(copied.map((o) => o.key).sort()).toEqual([key, `${key}.spec.json`]);
    mkdirSync(join(dir, 'sm', 'input', 'config'), { recursive: true });
    writeFileSync(
      join(dir, 'sm', 'input', 'config', 'hyperparameters.json'),
      JSON.stringify({
        ...trainingHyperparameters({
          label: 'ascvd',
          algorithm: 'logreg',
          modelName: 'cohort-risk',
          outcome: { definition: derivedOutcomes['hard-ascvd'], horizonDays: 730 },
        }),
        cv: '3',
      }),
    );
    const trainingLog: string[] = [];
    const trained = await runTrainingJob(
      sageMakerPaths({
        SM_INPUT_DIR: join(dir, 'sm', 'input'),
        SM_MODEL_DIR: join(dir, 'sm', 'model'),
        SM_OUTPUT_DIR: join(dir, 'sm', 'output'),
      }),
      { now: () => new Date('2024-12-31T02:00:00Z'), log: (l) => trainingLog.push(l) },
    );
    // Assess: the model records the spec the table was built under.
    expect(trainingLog.filter((l) => l.startsWith('training failed'))).toEqual([]);
    expect(trained).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, 'sm', 'model', 'model.json'), 'utf8'));
    expect(model).toMatchObject({ name: 'cohort-risk', featureSpec: featureSpecVersion });
  });

  it('labels new type 2 diabetes as ADA 2024 defines it, HbA1c in either unit', async () => {
    lines.length = 0;
    const code = await featuresJobMain(
      [
        ...['--training-hospital', 'south', '--derive', 'incident-t2d', '--horizon-days', '730'],
        ...['--key', 'features/training/t2d.csv', '--label', 't2d'],
      ],
      env(),
      io('2024-12-31T01:00:00Z'),
    );
    expect(code).toBe(0);
    const table = (await stack.deps.objects.getText('curated', 'features/training/t2d.csv'))!
      .trim()
      .split('\n');
    const labels = new Map(table.slice(1).map((row) => [row.split(',')[0], row.split(',').at(-1)]));
    expect(labels).toEqual(
      new Map([
        [await id('south', 'coded'), '1'],
        [await id('south', 'a1c'), '1'],
        [await id('south', 'well'), '0'],
      ]),
    );
    expect(events().find((e) => e.event === 'labels derived')).toMatchObject({
      outcome: 'incident-t2d',
      positives: 2,
      negatives: 1,
      excluded: { prevalent: 1, shortFollowUp: 0, otherDiabetes: 1, noRecordByIndex: 0 },
    });
  });

  it('keeps an earlier table whole when the training step fails', async () => {
    // Arrange: the table of the previous test is in place; "west" has no event history to follow.
    lines.length = 0;
    const earlier = await stack.deps.objects.getText('curated', 'features/training/cvd-risk.csv');
    // Act: nobody in "west" was followed for the last year of the window: no label at all.
    const code = await featuresJobMain(
      [
        ...['--training-hospital', 'west', '--derive', 'hard-ascvd', '--horizon-days', '365'],
        ...['--key', 'features/training/cvd-risk.csv'],
      ],
      env(),
      io('2026-06-01T00:00:00Z'),
    );
    // Assess
    expect(code).toBe(1);
    expect(message()).toMatch(
      /^1 step\(s\) failed:\ntraining table west features\/training\/cvd-risk.csv: .*no label matched/,
    );
    expect(await stack.deps.objects.getText('curated', 'features/training/cvd-risk.csv')).toBe(
      earlier,
    );
  });

  it("builds each of a hospital's tables from one retrospective set, each labelled for its own outcome", async () => {
    lines.length = 0;
    const labelsOf = async (key: string) => {
      const rows = (await stack.deps.objects.getText('curated', key))!.trim().split('\n');
      return {
        column: rows[0]!.split(',').at(-1),
        labels: new Map(rows.slice(1).map((r) => [r.split(',')[0], r.split(',').at(-1)])),
      };
    };
    // Act
    const code = await featuresJobMain(
      [
        ...['--training-hospital', 'both', '--horizon-days', '730'],
        ...['--table', 'outcome=hard-ascvd,key=features/training/both-cvd.csv'],
        ...['--table', 'outcome=incident-t2d,key=features/training/both-t2d.csv,label=t2d'],
      ],
      env(),
      io('2024-12-31T01:00:00Z'),
    );
    // Assess: one set, two derivations, two tables with their own labels and columns.
    expect(code).toBe(0);
    expect(events().filter((e) => e.event === 'retrospective feature set built')).toHaveLength(1);
    expect(
      events()
        .filter((e) => e.event === 'training table written')
        .map((e) => (e as { outcome?: string }).outcome),
    ).toEqual(['hard-ascvd', 'incident-t2d']);
    const [mi, dm, well] = await Promise.all(['mi', 'dm', 'well'].map((p) => id('both', p)));
    expect(await labelsOf('features/training/both-cvd.csv')).toEqual({
      column: 'outcome',
      labels: new Map([
        [mi, '1'],
        [dm, '0'],
        [well, '0'],
      ]),
    });
    expect(await labelsOf('features/training/both-t2d.csv')).toEqual({
      column: 't2d',
      labels: new Map([
        [mi, '0'],
        [dm, '1'],
        [well, '0'],
      ]),
    });
  });

  it('names every table left unbuilt when the retrospective set fails', async () => {
    lines.length = 0;
    const code = await featuresJobMain(
      [
        ...['--training-hospital', 'empty', '--horizon-days', '730'],
        ...['--table', 'outcome=hard-ascvd,key=features/training/e1.csv'],
        ...['--table', 'outcome=incident-t2d,key=features/training/e2.csv'],
      ],
      env(),
      io('2024-12-31T01:00:00Z'),
    );
    expect(code).toBe(1);
    expect(message()).toBe(
      '3 step(s) failed:\n' +
        'retrospective feature set empty: hospital empty has no patients to build features for\n' +
        'training table empty features/training/e1.csv: not built, its retrospective feature set failed\n' +
        'training table empty features/training/e2.csv: not built, its retrospective feature set failed\n',
    );
    expect(events().some((e) => e.event === 'labels derived')).toBe(false);
  });

  it('refuses bad arguments and a bad environment with exit 2, naming the flag or variable', async () => {
    lines.length = 0;
    expect(await featuresJobMain(['--hospitals', 'East'], env(), io('2025-01-01'))).toBe(2);
    expect(message()).toMatch(/--hospitals: "East" is not a hospital slug/);
    expect(
      await featuresJobMain(
        ['--training-hospital', 'east', '--derive', 'hard-ascvd', '--key', 'features/t.csv'],
        env(),
        io('2025-01-01'),
      ),
    ).toBe(2);
    expect(message()).toMatch(/--horizon-days must be a whole number/);
    expect(
      await featuresJobMain(['--hospitals', 'east'], { [envNames.mode]: 'aws' }, io('2025-01-01')),
    ).toBe(2);
    expect(message()).toMatch(/missing or invalid environment/);
    expect(events().every((e) => e.event === 'features job refused')).toBe(true);
  });
});
